import ExcelJS from "exceljs";
import { SHEETS, sheetSpec, type SheetKey } from "../../src/district/layout";
import type { District } from "../../src/district/model";
import type { Problem } from "../../src/district/problems";
import { readInputWorkbook, plainValue } from "../../src/district/readers/xlsx";
import { readDistrictTables } from "../../src/district/readers/tables";
import { districtToTables } from "../../src/district/readers/toTables";
import { EXAMPLE_MARK, LIST_SHEETS, fieldHelp, sheetFields } from "../../src/district/readers/template";
import { getSample } from "../../src/district/samples";
import { columnLetter, parseCell } from "../../src/plan/address";
import { HELP_SHEET, buildInputTemplatePlan } from "../../src/plan/inputTemplate";
import type { WorkbookPlan } from "../../src/plan/types";
import { validatePlan } from "../../src/plan/validate";

/** The plan's cells as the tables a reader gets (rows[0] is row 1). */
function planTables(plan: WorkbookPlan): { sheet: string; rows: unknown[][] }[] {
  return plan.sheets.map((sheet) => ({
    sheet: sheet.name,
    rows: (sheet.blocks[0]?.cells ?? []).map((row) => row.map((cell) => (cell === null ? null : cell.v))),
  }));
}

type Tables = ReturnType<typeof planTables>;
const rowsOf = (tables: Tables, key: SheetKey): unknown[][] =>
  tables.find((table) => table.sheet === sheetSpec(key).name)?.rows ?? [];

/**
 * The empty template with some sheets filled in from a district the way a user types them: on a list sheet the
 * district's rows below the example row (or instead of it, with dropExamples), on an item sheet the values beside
 * the items. The district's rows come from districtToTables, which has no 示例 column: an empty marker goes first.
 */
function filledTemplate(district: District, keys: readonly SheetKey[], dropExamples = false): Tables {
  const tables = planTables(buildInputTemplatePlan());
  const source = districtToTables(district);
  for (const key of keys) {
    const rows = rowsOf(tables, key);
    const given = source.find((table) => table.sheet === sheetSpec(key).name)?.rows.slice(1) ?? [];
    if (LIST_SHEETS.includes(key)) {
      if (dropExamples) rows.splice(1);
      rows.push(...given.map((row) => [null, ...row]));
    } else
      given.forEach((row, index) => {
        const target = rows[index + 1] as unknown[];
        expect(target[0]).toBe(row[0]);
        target.splice(1, row.length - 1, ...row.slice(1));
      });
  }
  return tables;
}

/** The example-row warnings, in sheet order. */
const examplesOf = (problems: readonly Problem[]) =>
  problems
    .filter((p) => p.code === "exampleRow")
    .map((p) => [p.sheet, p.row, p.column, p.severity])
    .sort(
      (a, b) =>
        SHEETS.findIndex((spec) => spec.name === a[0]) - SHEETS.findIndex((spec) => spec.name === b[0]),
    );
const everyExampleRow = LIST_SHEETS.map((key) => [sheetSpec(key).name, 2, "示例", "warning"]);

/** A district of the user's own: a sample renamed, with its own note and the national pack. */
const ownDistrict = (): District => ({
  ...getSample("zhenlai"),
  name: "本区",
  note: "",
  policyPack: "national",
  projects: [],
});

/** A tiny renderer of the plan's constants, widths, formats and lists: enough to read the file back. */
async function renderWithExceljs(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const anchor = parseCell(block.anchor);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null || "f" in cell) return;
          // A plain string value is stored as a shared string: text, never a formula.
          ws.getCell(anchor.row + r + 1, anchor.column + c + 1).value = cell.v;
        }),
      );
    }
    for (const column of sheet.columns) ws.getColumn(column.column).width = column.width;
    for (const validation of sheet.validations.slice(0, 3))
      ws.getCell(validation.range.split(":")[0] as string).dataValidation = {
        type: "list",
        formulae: [`"${validation.list.join(",")}"`],
      };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const withTrickyNames = (): District => {
  const district = structuredClone(getSample("zhenlai"));
  const names = ['=HYPERLINK("x")', "+1小学", "-中学", "@教学点"];
  names.forEach((name, index) => Object.assign(district.schools[index] as object, { name }));
  return district;
};

describe("buildInputTemplatePlan", () => {
  const plan = buildInputTemplatePlan();

  it("has the 填表说明 sheet and the 14 input sheets, in order, and passes validatePlan", () => {
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual([
      "填表说明",
      "录入-区县",
      "录入-财政",
      "录入-学校",
      "录入-项目",
      "录入-上年项目",
      "录入-上年预算",
      "录入-债务",
      "录入-布局",
      "录入-学前",
      "录入-声明",
      "录入-往年在校生",
      "录入-出生人口",
      "录入-新生",
      "录入-升级比例",
      "录入-净迁移",
    ]);
    expect(validatePlan(plan)).toEqual([]);
    expect(validatePlan(buildInputTemplatePlan(getSample("wuzhen")))).toEqual([]);
  });

  it("gives every sheet a bold frozen header row, widths for every column and only constant cells", () => {
    for (const sheet of plan.sheets.filter((candidate) => candidate.name !== HELP_SHEET)) {
      const spec = SHEETS.find((candidate) => candidate.name === sheet.name);
      expect(sheet.freeze?.rows).toBe(1);
      expect(sheet.print.repeatRows).toBe("1:1");
      expect(
        plan.styles[sheet.formats.find((format) => format.range.startsWith("A1:"))?.style ?? ""]?.bold,
      ).toBe(true);
      // Beside the fields: the 示例 marker first on a list sheet, the 填写说明 help last on an item sheet.
      const list = spec !== undefined && LIST_SHEETS.includes(spec.key);
      const headers = spec?.columns.map((column) => column.zh) ?? [];
      expect(sheet.columns).toHaveLength(headers.length + 1);
      expect(sheet.blocks[0]?.cells[0]?.map((cell) => cell?.v)).toEqual(
        list ? ["示例", ...headers] : [...headers, "填写说明"],
      );
      for (const row of sheet.blocks[0]?.cells ?? [])
        for (const cell of row) expect(cell === null || !("f" in cell)).toBe(true);
    }
  });

  it("offers drop-down lists for types, areas, status, category, step, yes/no, kindergarten kind and level", () => {
    const lists = plan.sheets.flatMap((sheet) =>
      sheet.validations.map((validation) => validation.list.join("/")),
    );
    expect(lists).toEqual(
      expect.arrayContaining([
        "幼儿园/小学/初中/九年一贯制/完全中学/十二年一贯制/高中/职业学校/特教学校/教学点",
        "城市/县镇/农村",
        "新建/续建",
        "教学楼/周转房/幼儿园/危房改造/运动场/食堂宿舍/实训基地/其他",
        "1/2/3/4",
        "是/否",
        "示范幼儿园/镇中心幼儿园/民办幼儿园/公办幼儿园",
        "小学/初中/高中",
        "中西部/东部",
        "欠款/声明总额/偿还能力",
      ]),
    );
  });

  it("formats text columns as text so a typed =… stays text", () => {
    const schools = plan.sheets.find((sheet) => sheet.key === "input-schools");
    expect(schools?.formats).toEqual(
      expect.arrayContaining([{ range: expect.stringMatching(/^B2:B\d{3,}$/), style: "text" }]),
    );
    expect(plan.styles.text?.numFmt).toBe("@");
  });

  it("has one example row on each list sheet, marked 示例 in its first column and set in grey italics", () => {
    const italic = Object.entries(plan.styles).filter(
      ([, style]) => style.italic && style.color === "808080",
    );
    expect(italic.map(([id]) => id)).toEqual(["example"]);
    for (const key of LIST_SHEETS) {
      const sheet = plan.sheets.find((candidate) => candidate.name === sheetSpec(key).name);
      const cells = sheet?.blocks[0]?.cells ?? [];
      expect(cells).toHaveLength(2);
      expect(cells[1]?.[0]).toEqual({ v: EXAMPLE_MARK });
      // Illustrative: every text of the example row that names something says 示例.
      const name = cells[1]?.[1 + sheetSpec(key).columns.findIndex((c) => c.kind === "text")];
      expect(String(name?.v)).toMatch(/示例/);
      const last = columnLetter(sheetSpec(key).columns.length);
      expect(sheet?.formats).toContainEqual({ range: `A2:${last}2`, style: "example" });
      expect(sheet?.formats.filter((f) => f.style === "example")).toHaveLength(1);
    }
  });

  it("holds no district data: the item sheets list their items with blank values and help", () => {
    for (const key of ["district", "fiscal"] as const) {
      const sheet = plan.sheets.find((candidate) => candidate.name === sheetSpec(key).name);
      const rows = sheet?.blocks[0]?.cells.slice(1) ?? [];
      expect(rows.map((row) => row[0]?.v)).toEqual(sheetSpec(key).rows?.map((row) => row.zh));
      for (const row of rows) {
        expect(row.slice(1, -1)).toEqual(row.slice(1, -1).map(() => null));
        expect(String(row[row.length - 1]?.v)).toMatch(/^(必填|选填)。/);
      }
    }
    expect(plan.properties).toMatchObject({ district: "", policyPack: "" });
    const text = JSON.stringify(plan);
    for (const sample of [getSample("wuzhen"), getSample("zhenlai")]) {
      expect(text).not.toContain(sample.name);
      expect(text).not.toContain(sample.policyPack);
      expect(text).not.toContain(sample.schools[0]?.name);
    }
    expect(text).not.toContain("均为虚构");
  });

  it("lists every field of every sheet on 填表说明 with its unit, whether it is required and what it takes", () => {
    const help = plan.sheets.find((sheet) => sheet.name === HELP_SHEET);
    expect(plan.sheets[0]).toBe(help);
    const rows = (help?.blocks[0]?.cells ?? []).map((row) => row.map((cell) => cell?.v ?? null));
    const header = rows.findIndex((row) => row[0] === "工作表");
    expect(rows[header]).toEqual(["工作表", "字段", "英文名", "单位", "必填", "可填内容", "说明"]);
    for (const spec of SHEETS) {
      expect(rows).toContainEqual([
        spec.name,
        null,
        null,
        null,
        spec.required ? "必填表" : "选填表",
        null,
        expect.stringMatching(spec.required ? /^必填/ : /不填即为没有/),
      ]);
      for (const field of sheetFields(spec.key)) {
        const found = rows.filter((row) => row[0] === spec.name && row[1] === field.zh);
        expect(found).toHaveLength(1);
        const h = fieldHelp(field);
        expect(found[0]?.slice(2, 6)).toEqual([field.en, h.unit, h.required ? "必填" : "选填", h.accepts]);
        expect(h.accepts).not.toBe("");
      }
    }
    const units = rows.filter((row) => row[0] === "录入-财政" || row[0] === "录入-学校").map((row) => row[3]);
    expect(units).toEqual(expect.arrayContaining(["万元", "㎡", "元"]));
  });

  it("holds a whole example district, without an example row, that reads back equal", () => {
    const whole = buildInputTemplatePlan(getSample("wuzhen"));
    for (const sheet of whole.sheets) expect(sheet.formats.some((f) => f.style === "example")).toBe(false);
    const district = withTrickyNames();
    expect(readDistrictTables(planTables(buildInputTemplatePlan(district)), "t.xlsx").district).toEqual(
      district,
    );
  });
});

describe("the empty template read back", () => {
  const read = (tables: Tables) => readDistrictTables(tables, "t.xlsx");

  it("is one error that says which sheets and fields to fill, and a warning per example row", () => {
    const result = read(planTables(buildInputTemplatePlan()));
    expect(result.district).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        file: "t.xlsx",
        code: "nothingFilled",
        accepts: "填写方法见「填表说明」工作表",
      }),
    ]);
    const [error] = errors;
    for (const needed of [
      "录入-区县",
      "区县名称",
      "预算年度",
      "录入-财政",
      "三个增长",
      "录入-学校",
      "学校代码",
    ])
      expect(error?.message).toContain(needed);
    expect(error?.messageEn).toMatch(/Nothing is filled in.*three statutory growths/);
    expect(examplesOf(result.problems)).toEqual(everyExampleRow);
    expect(result.problems).toHaveLength(1 + LIST_SHEETS.length);
  });

  it("filled in with only a district's schools gives no district and none of a sample's data", () => {
    const result = read(filledTemplate(ownDistrict(), ["schools"]));
    expect(result.district).toBeUndefined();
    const errors = result.problems.filter((p) => p.severity === "error");
    const district = sheetSpec("district");
    const required = (district.rows ?? []).filter((row) => row.required);
    expect(errors.filter((p) => p.sheet === district.name).map((p) => [p.row, p.column, p.message])).toEqual(
      required.map((row) => [
        2 + (district.rows ?? []).indexOf(row),
        "值",
        // A blank drop-down cell is told with the values it takes.
        row.kind === "enum" ? `${row.zh}:取值无效,可选:中西部/东部` : `${row.zh}:缺少必填项`,
      ]),
    );
    // The fiscal figures the three growths need: one error that says so, at the sheet's first item.
    expect(errors.filter((p) => p.sheet === "录入-财政")).toEqual([
      expect.objectContaining({
        row: 2,
        column: "上年、本年",
        message: expect.stringMatching(/^财政数据未填写.*三个增长/),
      }),
    ]);
    expect(errors.filter((p) => p.sheet !== "录入-财政" && p.sheet !== district.name)).toEqual([]);
    // Every example row, the schools sheet's included, is named; the schools below it were read.
    expect(examplesOf(result.problems)).toEqual(everyExampleRow);
    const text = JSON.stringify(result);
    for (const leftover of ["五镇区", "wuzhen-2004", "均为虚构", "13644.78"])
      expect(text).not.toContain(leftover);
  });

  it("filled in with the required sheets reads the sheets left with their example only as none", () => {
    const result = read(filledTemplate(ownDistrict(), ["district", "fiscal", "schools"]));
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(examplesOf(result.problems)).toEqual(everyExampleRow);
    expect(result.problems.filter((p) => p.code !== "exampleRow")).toEqual([]);
    const district = result.district;
    expect(district?.schools).toEqual(ownDistrict().schools);
    expect([district?.projects, district?.debts, district?.mergers, district?.preschool.planned]).toEqual([
      [],
      undefined,
      [],
      [],
    ]);
    expect([district?.statedCounts, district?.note, district?.policyPack]).toEqual([[], "", "national"]);
  });

  it("filled in but for the schools, whose example row is left, is an error on 录入-学校: no budget without schools", () => {
    const result = read(filledTemplate(ownDistrict(), ["district", "fiscal"]));
    expect(result.district).toBeUndefined();
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        sheet: "录入-学校",
        row: 2,
        field: "schools",
        message: "「录入-学校」只有模板的示例行:请填入本区的数据,每行一项",
      }),
    ]);
  });

  it("filled in completely, example rows deleted, gives neither errors nor warnings", () => {
    const own = ownDistrict();
    const result = read(
      filledTemplate(
        own,
        SHEETS.map((spec) => spec.key),
        true,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.district).toEqual(own);
    const wuzhen = { ...getSample("wuzhen"), name: "本区二", note: "本区说明", policyPack: "national" };
    const full = read(
      filledTemplate(
        wuzhen,
        SHEETS.map((spec) => spec.key),
        true,
      ),
    );
    expect(full.problems.filter((p) => p.severity === "error" || p.code !== undefined)).toEqual([]);
    expect(full.district).toEqual(wuzhen);
  });

  it("leaves out an example row whose mark was cleared but whose values were kept", () => {
    const tables = filledTemplate(ownDistrict(), ["district", "fiscal", "schools"]);
    const schools = rowsOf(tables, "schools");
    (schools[1] as unknown[])[0] = null;
    const result = read(tables);
    expect(result.district?.schools).toEqual(ownDistrict().schools);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-学校",
        row: 2,
        column: "示例",
        message: "第 2 行与模板的示例行相同,未读入:请删除该行或填入本区数据",
      }),
    );
  });

  it("leaves out a marked row even when its values were changed, and says to clear the mark", () => {
    const tables = filledTemplate(ownDistrict(), ["district", "fiscal", "schools"], true);
    const schools = rowsOf(tables, "schools");
    (schools[1] as unknown[])[0] = "示例";
    const result = read(tables);
    expect(result.district?.schools).toEqual(ownDistrict().schools.slice(1));
    expect(result.problems.filter((p) => p.sheet === "录入-学校")).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-学校",
        row: 2,
        column: "示例",
        code: "exampleRow",
        message: expect.stringContaining("请清空其「示例」单元格"),
        messageEn: expect.stringContaining("Row 2 is the template's example row"),
      }),
    ]);
  });
});

describe("the input workbook through exceljs", () => {
  it("round-trips a district, keeping names that start with =, +, - or @ as text", async () => {
    const district = withTrickyNames();
    const result = await readInputWorkbook(
      await renderWithExceljs(buildInputTemplatePlan(district)),
      "input.xlsx",
    );
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.district).toEqual(district);
    expect(result.tables.map((table) => table.sheet)).toEqual(SHEETS.map((sheet) => sheet.name));
  });

  it("round-trips the wuzhen sample with its debts, mergers and stated counts", async () => {
    const result = await readInputWorkbook(
      await renderWithExceljs(buildInputTemplatePlan(getSample("wuzhen"))),
      "w.xlsx",
    );
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("reports bytes that are not a workbook", async () => {
    const result = await readInputWorkbook(new TextEncoder().encode("not a zip"), "broken.xlsx");
    expect(result.district).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "broken.xlsx",
        message: expect.stringMatching(/^无法读取该 .xlsx 文件/),
      }),
    ]);
  });

  it("reads what a cell shows: rich text, a formula's cached result, a hyperlink's text, an error code", () => {
    expect(plainValue({ richText: [{ text: "海阳" }, { text: "小学" }] })).toBe("海阳小学");
    expect(plainValue({ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)).toBe(2);
    expect(plainValue({ text: "链接", hyperlink: "http://x" })).toBe("链接");
    expect(plainValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(plainValue(null)).toBeNull();
  });

  it("reads a workbook whose user typed numbers as text and reordered columns", async () => {
    const workbook = new ExcelJS.Workbook();
    const plan = buildInputTemplatePlan(getSample("zhenlai"));
    const bytes = await renderWithExceljs(plan);
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const ws = workbook.getWorksheet("录入-学校") as ExcelJS.Worksheet;
    ws.spliceColumns(1, 0, []); // an empty first column: headers move right
    const classes = (ws.getRow(1).values as unknown[]).indexOf("班数");
    ws.getCell(2, classes).value = "45";
    const result = await readInputWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), "typed.xlsx");
    expect(result.district).toEqual(getSample("zhenlai"));
  });
});
