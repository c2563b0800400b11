import fc from "fast-check";
import { districtToTables } from "../../src/district/readers/toTables";
import { readDistrictTables, type InputTable } from "../../src/district/readers/tables";
import { getSample, generateDistrict } from "../../src/district/samples";
import { validateDistrict } from "../../src/district/validate";

type Rows = unknown[][];
const mutableTables = (id = "wuzhen"): { sheet: string; rows: Rows }[] =>
  districtToTables(getSample(id)).map((table) => ({
    sheet: table.sheet,
    rows: table.rows.map((row) => [...row]),
  }));
const sheet = (tables: { sheet: string; rows: Rows }[], name: string): Rows =>
  tables.find((table) => table.sheet === name)?.rows ?? [];
/** Sets the cell under `header` in Excel row `row` (1-based) of `name`. */
function setCell(
  tables: { sheet: string; rows: Rows }[],
  name: string,
  row: number,
  header: string,
  value: unknown,
) {
  const rows = sheet(tables, name);
  const column = (rows[0] ?? []).indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  (rows[row - 1] as unknown[])[column] = value;
}
const errors = (result: ReturnType<typeof readDistrictTables>) =>
  result.problems.filter((p) => p.severity === "error");

describe("readDistrictTables", () => {
  it.each(["zhenlai", "wuzhen"])("round-trips the %s sample through its input tables", (id) => {
    const result = readDistrictTables(districtToTables(getSample(id)), `${id}.xlsx`);
    expect(result.district).toEqual(getSample(id));
    expect(result.problems.map((p) => p.field)).toEqual(
      validateDistrict(getSample(id), { file: id }).problems.map((p) => p.field),
    );
  });

  it("round-trips any generated district: tables → district → tables is stable", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 30 }), (seed, size) => {
        const district = generateDistrict(seed, size);
        const tables = districtToTables(district);
        const result = readDistrictTables(tables, "generated.xlsx");
        expect(errors(result)).toEqual([]);
        expect(result.district).toEqual(district);
        expect(districtToTables(result.district ?? district)).toEqual(tables);
      }),
      { numRuns: 40 },
    );
  });

  it("reads the 营养改善计划 row as the nutrition flag, and a district without the row as having none", () => {
    const tables = mutableTables("zhenlai");
    const rows = sheet(tables, "录入-区县");
    const flagRow = rows.findIndex((row) => row[0] === "营养改善计划");
    expect(rows[flagRow]?.[1]).toBe("是");
    expect(readDistrictTables(tables, "zhenlai.xlsx").district?.nutritionPlan).toBe(true);
    rows.splice(flagRow, 1);
    const result = readDistrictTables(tables, "zhenlai.xlsx");
    expect(errors(result)).toEqual([]);
    expect(result.district?.nutritionPlan).toBe(false);
  });

  it("reads columns by header, in any order", () => {
    const tables = mutableTables();
    for (const table of tables) table.rows = table.rows.map((row) => [...row].reverse());
    expect(readDistrictTables(tables, "reordered.xlsx").district).toEqual(getSample("wuzhen"));
  });

  it("accepts English headers and sheet names", () => {
    const tables = mutableTables().map((table) =>
      table.sheet === "录入-学校"
        ? {
            sheet: "schools",
            rows: [
              (table.rows[0] ?? []).map((h) =>
                h === "学校代码" ? "School code" : h === "学校名称" ? "name" : h,
              ),
              ...table.rows.slice(1),
            ],
          }
        : table,
    );
    expect(readDistrictTables(tables, "en.xlsx").district).toEqual(getSample("wuzhen"));
  });

  it("accepts numbers typed as text, thousands separators and yes/no words without a warning", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 2, "七年级", " 1,234 ");
    setCell(tables, "录入-学校", 2, "是否达标", "Y");
    setCell(tables, "录入-学校", 3, "是否达标", "FALSE");
    setCell(tables, "录入-学校", 4, "是否达标", true);
    setCell(tables, "录入-学校", 5, "是否达标", "否");
    setCell(tables, "录入-财政", 2, "本年", "5,600.00");
    const result = readDistrictTables(tables, "typed.xlsx");
    expect(result.problems).toEqual([]);
    const schools = result.district?.schools ?? [];
    expect([
      schools[0]?.grades.g7,
      schools[0]?.standardized,
      schools[1]?.standardized,
      schools[2]?.standardized,
      schools[3]?.standardized,
    ]).toEqual([1234, true, false, true, false]);
    expect(result.district?.fiscal.current.appropriation).toBe(5600);
  });

  it("keeps school names starting with =, +, - or @ verbatim as text", () => {
    const tables = mutableTables();
    const names = ["=SUM(A1:A9)", "+86小学", "-1中学", "@校"];
    names.forEach((name, index) => setCell(tables, "录入-学校", index + 2, "学校名称", name));
    const result = readDistrictTables(tables, "names.xlsx");
    expect(result.district?.schools.slice(0, 4).map((s) => s.name)).toEqual(names);
  });

  it("reports a missing sheet by name, once", () => {
    const tables = mutableTables().filter((table) => table.sheet !== "录入-学校");
    const result = readDistrictTables(tables, "x.xlsx");
    expect(result.district).toBeUndefined();
    expect(errors(result)).toEqual([
      expect.objectContaining({ sheet: "录入-学校", field: "schools", message: "缺少工作表「录入-学校」" }),
    ]);
  });

  it("warns about a missing optional sheet and reads it as empty", () => {
    const result = readDistrictTables(
      mutableTables().filter((table) => table.sheet !== "录入-项目"),
      "x.xlsx",
    );
    expect(result.district?.projects).toEqual([]);
    expect(result.problems.filter((p) => p.sheet === "录入-项目")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
  });

  it("reports a missing required column at the header row, once, not once per row", () => {
    const tables = mutableTables();
    const rows = sheet(tables, "录入-学校");
    const column = (rows[0] ?? []).indexOf("学校代码");
    rows.forEach((row) => row.splice(column, 1));
    const result = readDistrictTables(tables, "x.xlsx");
    expect(errors(result)).toEqual([
      expect.objectContaining({
        sheet: "录入-学校",
        row: 1,
        column: "学校代码",
        message: "缺少必填列「学校代码」",
      }),
    ]);
  });

  it("reports text in a number column with sheet, row, column, field and what is accepted", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 4, "班数", "很多");
    expect(errors(readDistrictTables(tables, "x.xlsx"))).toEqual([
      {
        severity: "error",
        file: "x.xlsx",
        sheet: "录入-学校",
        row: 4,
        column: "班数",
        field: "schools[2].classes",
        message: "班数:应为数字,实为「很多」",
        messageEn: 'Classes: must be a number, got "很多"',
        accepts: "0 或以上的整数",
        acceptsEn: "a whole number, 0 or more",
      },
    ]);
  });

  it("reports negative and fractional counts at their cells", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 3, "教职工数", -5);
    setCell(tables, "录入-学校", 6, "一年级", "12.5");
    const found = errors(readDistrictTables(tables, "x.xlsx")).map((p) => [
      p.row,
      p.column,
      p.field,
      p.message,
    ]);
    expect(found).toEqual([
      [3, "教职工数", "schools[1].staff", "教职工数:不能小于 0"],
      [6, "一年级", "schools[4].grades.g1", "一年级:必须是整数"],
    ]);
  });

  it("reports a duplicate school code at the second row", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 7, "学校代码", "WZ01");
    expect(errors(readDistrictTables(tables, "x.xlsx"))).toEqual([
      expect.objectContaining({ row: 7, column: "学校代码", field: "schools[5].code" }),
    ]);
  });

  it("reports unknown school types and merger levels with the accepted values", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 2, "学校类型", "大学");
    setCell(tables, "录入-布局", 2, "学段", "大学");
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.sheet, p.row, p.column, p.accepts])).toEqual([
      [
        "录入-学校",
        2,
        "学校类型",
        "幼儿园/小学/初中/九年一贯制/完全中学/十二年一贯制/高中/职业学校/特教学校/教学点",
      ],
      ["录入-布局", 2, "学段", "小学/初中/高中"],
    ]);
  });

  it("reports a name that is too long at its cell", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 2, "学校名称", "很".repeat(81));
    expect(errors(readDistrictTables(tables, "x.xlsx"))).toEqual([
      expect.objectContaining({
        row: 2,
        column: "学校名称",
        message: "学校名称:不能超过 80 个字符",
        accepts: "≤ 80 个字符",
      }),
    ]);
  });

  it("locates cross-field problems at the row they concern", () => {
    const tables = mutableTables();
    setCell(tables, "录入-学校", 3, "班数", 0);
    expect(errors(readDistrictTables(tables, "x.xlsx"))).toEqual([
      expect.objectContaining({ sheet: "录入-学校", row: 3, column: "班数", field: "schools[1].classes" }),
    ]);
  });

  it("warns about a column it does not know and ignores it", () => {
    const tables = mutableTables();
    sheet(tables, "录入-学校").forEach((row, index) => row.push(index === 0 ? "备注" : "x"));
    const result = readDistrictTables(tables, "x.xlsx");
    expect(result.district).toEqual(getSample("wuzhen"));
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "warning", column: "备注", row: 1 }),
    ]);
  });

  it("reports a required district item left blank at its row", () => {
    const tables = mutableTables();
    setCell(tables, "录入-区县", 3, "值", null);
    expect(errors(readDistrictTables(tables, "x.xlsx"))).toEqual([
      expect.objectContaining({
        sheet: "录入-区县",
        row: 3,
        column: "值",
        field: "budgetYear",
        message: "预算年度:缺少必填项",
      }),
    ]);
  });

  it("reports a missing year of repayment capacity and one outside the term", () => {
    const tables = mutableTables();
    const rows = sheet(tables, "录入-债务");
    const last = rows.length;
    setCell(tables, "录入-债务", last, "年度", 2011);
    // Two years missing for one row outside: not one mistyped year, so each is its own problem.
    rows.splice(last - 2, 1);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.row, p.message])).toEqual([
      [last - 1, "偿还能力年度 2011 不在预算年度至任期截止年度(2004–2007)之内"],
      [undefined, "缺少 2006、2007 年的偿还能力"],
    ]);
  });

  it("gives a capacity row whose year is mistyped outside the term as one problem at its year, naming the missing year", () => {
    const tables = mutableTables();
    const last = sheet(tables, "录入-债务").length;
    setCell(tables, "录入-债务", last, "年度", 2011);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.row, p.column, p.message, p.accepts])).toEqual([
      [
        last,
        "年度",
        "偿还能力年度 2011 不在预算年度至任期截止年度(2004–2007)之内, 而缺少 2007 年的偿还能力: 请核对本行的年度",
        "2007",
      ],
    ]);
  });

  it("gives a capacity row whose year repeats the row above, with a year missing, as one problem at its year", () => {
    const tables = mutableTables();
    const last = sheet(tables, "录入-债务").length;
    setCell(tables, "录入-债务", last, "年度", 2006);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.row, p.column, p.message, p.accepts])).toEqual([
      [last, "年度", "偿还能力年度 2006 重复, 而缺少 2007 年的偿还能力: 请核对本行的年度", "2007"],
    ]);
  });

  it("still reports a repeated capacity year alone when no year is missing", () => {
    const tables = mutableTables();
    const rows = sheet(tables, "录入-债务");
    rows.push([...(rows[rows.length - 1] ?? [])]);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.row, p.message])).toEqual([[rows.length, "2007 年的偿还能力重复"]]);
  });

  it("reads a statement's items from consecutive rows, a blank label continuing the one above", () => {
    const tables = mutableTables();
    const rows = sheet(tables, "录入-声明");
    rows.slice(2, 6).forEach((row) => (row[0] = null));
    const result = readDistrictTables(tables as InputTable[], "x.xlsx");
    expect(result.district?.statedCounts).toEqual(getSample("wuzhen").statedCounts);
  });

  it("reads 录入-上年项目 into the prior projects, a blank school code leaving the school out", () => {
    const tables = mutableTables("zhenlai");
    setCell(tables, "录入-上年项目", 2, "学校代码", null);
    const prior = readDistrictTables(tables, "x.xlsx").district?.priorProjects;
    expect(prior?.map((p) => [p.name, p.school])).toEqual([
      ["大屯中学", undefined],
      ["坦途第二小学", "ZL11"],
      ["五棵树中心校", "ZL14"],
      ["培智学校", "ZL08"],
    ]);
  });

  it("reads an empty 录入-上年项目 as no prior list, so the district is as without the sheet", () => {
    const tables = mutableTables("zhenlai");
    const rows = sheet(tables, "录入-上年项目");
    rows.splice(1, rows.length - 1);
    const district = readDistrictTables(tables, "x.xlsx").district;
    expect(district).toBeDefined();
    expect(district && "priorProjects" in district).toBe(false);
  });

  it("refuses a prior project whose school code is not a school, naming its sheet, row and column", () => {
    const tables = mutableTables("zhenlai");
    setCell(tables, "录入-上年项目", 3, "学校代码", "ZL99");
    const result = readDistrictTables(tables, "x.xlsx");
    expect(result.district).toBeUndefined();
    expect(errors(result).map((p) => [p.sheet, p.row, p.column, p.message])).toEqual([
      ["录入-上年项目", 3, "学校代码", "上年开工项目「坦途第二小学」的学校代码「ZL99」不是已有学校代码"],
    ]);
  });

  it("turns every non-blank row into a model row or a problem", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 28 }), fc.string({ minLength: 1, maxLength: 4 }), (row, junk) => {
        const tables = mutableTables();
        setCell(tables, "录入-学校", row, "学校类型", junk);
        const result = readDistrictTables(tables, "x.xlsx");
        const accepted = result.district?.schools[row - 2]?.type === junk.trim();
        const flagged = result.problems.some((p) => p.row === row && p.sheet === "录入-学校");
        expect(accepted || flagged).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("warns at its cell about a sample's note and policy pack in a district that is not that sample", () => {
    const tables = mutableTables("wuzhen");
    setCell(tables, "录入-区县", 2, "值", "本区");
    const rows = sheet(tables, "录入-区县");
    const rowOf = (item: string) => rows.findIndex((row) => row[0] === item) + 1;
    const result = readDistrictTables(tables, "x.xlsx");
    expect(result.district?.name).toBe("本区");
    expect(result.problems.filter((p) => p.code !== undefined)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-区县",
        row: rowOf("说明"),
        column: "值",
        field: "note",
        code: "sampleNote",
        message: expect.stringMatching(/^说明是示例「五镇区\(讲话二\)」的说明\(其数据均为虚构,仅供演示\)/),
        messageEn: expect.stringMatching(/^The note is the Five-town district \(speech 2\) sample's/),
      }),
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-区县",
        row: rowOf("政策包"),
        column: "值",
        field: "policyPack",
        code: "samplePack",
        message: expect.stringContaining("--pack wuzhen-2004"),
      }),
    ]);
  });

  it("warns about a sample's note edited but still saying its figures are invented, and not about the sample", () => {
    const tables = mutableTables("zhenlai");
    expect(readDistrictTables(tables, "x.xlsx").problems.filter((p) => p.code !== undefined)).toEqual([]);
    const schools = sheet(tables, "录入-学校");
    schools.splice(2, 1);
    setCell(tables, "录入-区县", 8, "值", "本区学生数等数据均为虚构，仅供演示。");
    const found = readDistrictTables(tables, "x.xlsx").problems.filter((p) => p.code !== undefined);
    expect(found.map((p) => [p.code, p.row])).toEqual([
      ["sampleNote", 8],
      ["samplePack", 7],
    ]);
  });
});

describe("the term plan's input sheets", () => {
  it("reads the revenue growth as a fraction or a percentage", () => {
    const tables = mutableTables();
    const rows = sheet(tables, "录入-区县");
    const row = rows.findIndex((r) => r[0] === "财政经常性收入年增长率(规划假设)");
    (rows[row] as unknown[])[1] = "7.5%";
    expect(readDistrictTables(tables, "x.xlsx").district?.term?.revenueGrowth).toBeCloseTo(0.075, 12);
  });

  it("reports a birth count that is not a number at its cell, and a grade it does not know", () => {
    const tables = mutableTables();
    setCell(tables, "录入-出生人口", 3, "出生人口", "一千二");
    sheet(tables, "录入-升级比例").push(["WZ01", "十三年级", 0.9]);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["录入-出生人口", 3, "出生人口"],
      ["录入-升级比例", 2, "升入年级"],
    ]);
    expect(found[1]?.accepts).toContain("一年级");
  });

  it("reads net migration of a school's grade, or of the whole school when no grade is given", () => {
    const tables = mutableTables();
    sheet(tables, "录入-净迁移").push(["WZ01", 2005, "八年级", -3], ["WZ01", 2006, null, "12"]);
    const read = readDistrictTables(tables, "x.xlsx");
    expect(errors(read)).toEqual([]);
    expect(read.district?.term?.migration).toEqual([
      { school: "WZ01", year: 2005, grade: "g8", migrants: -3 },
      { school: "WZ01", year: 2006, migrants: 12 },
    ]);
  });

  it("reports net migration that is not a whole number, or of a grade the school does not have, at its cell", () => {
    const tables = mutableTables();
    sheet(tables, "录入-净迁移").push(["WZ01", 2005, "八年级", "三人"], ["WZ01", 2005, "九年级", 2.5]);
    const found = errors(readDistrictTables(tables, "x.xlsx"));
    expect(found.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["录入-净迁移", 2, "净迁入人数"],
      ["录入-净迁移", 3, "净迁入人数"],
    ]);
    expect(found[0]?.accepts).toContain("迁出为负");
    const other = mutableTables();
    sheet(other, "录入-净迁移").push(["WZ01", 2006, "三年级", 1]);
    const grade = errors(readDistrictTables(other, "x.xlsx"));
    expect(grade.map((p) => [p.sheet, p.row, p.column, p.accepts])).toEqual([
      ["录入-净迁移", 2, "年级", "七年级/八年级/九年级"],
    ]);
  });
});
