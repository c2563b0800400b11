import { encodeCsv, readCsvTable } from "../../src/district/readers/csv";
import { columnLetter, readDistrictTables } from "../../src/district/readers/tables";
import { districtToTables } from "../../src/district/readers/toTables";
import { getSample } from "../../src/district/samples";

type Rows = unknown[][];
const tablesWithSchools = (edit: (rows: Rows) => Rows) =>
  districtToTables(getSample("wuzhen")).map((table) => ({
    sheet: table.sheet,
    rows: table.sheet === "录入-学校" ? edit(table.rows.map((row) => [...row])) : table.rows,
  }));
const schoolProblems = (rows: (edit: Rows) => Rows) =>
  readDistrictTables(tablesWithSchools(rows), "x.xlsx").problems.filter((p) => p.sheet === "录入-学校");

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [16383, "XFD"],
  ])("column %i is %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe("the header row of an input sheet", () => {
  it("skips a title row above the header with a warning, and reads the district as without it", () => {
    const problems = schoolProblems((rows) => [["五镇区 2004 年学校基本情况表"], [], ...rows]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        row: 1,
        message: "第 1–2 行是表头上方的标题,已跳过;表头在第 3 行",
        messageEn: "Rows 1-2 above the header read as a title and skipped; the header is row 3",
      }),
    ]);
    const result = readDistrictTables(
      tablesWithSchools((rows) => [["学校基本情况表", null, "单位:人"], ...rows]),
      "x.xlsx",
    );
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("explains, in one problem, a header row that names no known column", () => {
    const problems = schoolProblems((rows) => [["甲", "乙", "丙"], ...rows.slice(1)]);
    const explained = problems.filter((p) => p.message.startsWith("第 1 行应为表头"));
    expect(explained).toEqual([
      expect.objectContaining({ severity: "error", row: 1, accepts: expect.stringContaining("学校代码") }),
    ]);
  });

  it("names a repeated header by its column letters", () => {
    const width =
      districtToTables(getSample("wuzhen")).find((t) => t.sheet === "录入-学校")?.rows[0]?.length ?? 0;
    const problems = schoolProblems((rows) => rows.map((row, r) => [...row, r === 0 ? "学校名称" : row[1]]));
    const letter = columnLetter(width);
    expect(problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        row: 1,
        column: "学校名称",
        message: expect.stringMatching(new RegExp(`^第 ${letter} 列「学校名称」与第 B 列重复`)),
        messageEn: expect.stringMatching(new RegExp(`^Column ${letter} "学校名称" repeats column B`)),
      }),
    ]);
  });
});

describe("an incomplete row", () => {
  it("is one problem naming what is missing, not one per field or an internal path", () => {
    const problems = schoolProblems((rows) => [...rows, ["X99"]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      row: 29,
      message: expect.stringMatching(
        /^第 29 行不完整,缺少:学校名称、乡镇、学校类型、城乡、班数、教室数、教职工数、小班…/,
      ),
      messageEn: expect.stringMatching(
        /^Row 29 is incomplete; missing: School name, Town, School type, Area/,
      ),
    });
    for (const p of problems) expect(`${p.message} ${p.messageEn}`).not.toMatch(/schools[.[]\d/);
  });

  it("keeps a single missing cell a problem of its own cell", () => {
    const problems = schoolProblems((rows) =>
      rows.map((row, r) => (r === 3 ? [...row.slice(0, 2), null, ...row.slice(3)] : row)),
    );
    expect(problems).toEqual([
      expect.objectContaining({ row: 4, column: "乡镇", message: "乡镇:缺少必填项" }),
    ]);
  });

  it("is one problem in a CSV too", () => {
    const schools = districtToTables(getSample("wuzhen")).find((t) => t.sheet === "录入-学校")?.rows ?? [];
    const csv = readCsvTable(encodeCsv([...schools, [null, "某小学"]], "utf-8"), "学校.csv");
    const tables = districtToTables(getSample("wuzhen")).map((t) =>
      t.sheet === csv.table.sheet ? csv.table : t,
    );
    const problems = readDistrictTables(tables, "学校.csv").problems.filter((p) => p.severity === "error");
    expect(problems).toEqual([
      expect.objectContaining({ row: schools.length + 1, messageEn: expect.stringContaining("School code") }),
    ]);
  });
});
