import type { Problem } from "../../src/district/problems";
import { districtToTables, readDistrictJson, readDistrictTables } from "../../src/district";
import { getSample } from "../../src/district/samples";
import { loadInputs } from "../../src/district/load";
import { translator, type Locale } from "../../src/taskpane/i18n";
import { INTERNAL_PATH, describeProblem, groupProblems } from "../../src/taskpane/problems";
import type { DataSource } from "../../src/taskpane/state";
import { MISTAKES_OF_EVERY_KIND, filledTemplate } from "../support/filledTemplate";

type Rows = unknown[][];

/** The input sheets of a filled-in district of the user's own, as the pane reads them. */
function ownTables(): { sheet: string; rows: Rows }[] {
  const district = { ...getSample("zhenlai"), name: "本区", note: "", policyPack: "national" };
  return districtToTables(district).map((table) => ({
    sheet: table.sheet,
    rows: table.rows.map((row) => [...row]),
  }));
}

const rowsOf = (tables: { sheet: string; rows: Rows }[], sheet: string): Rows => {
  const table = tables.find((t) => t.sheet === sheet);
  if (!table) throw new Error(`no sheet ${sheet}`);
  return table.rows;
};

function setCell(rows: Rows, row: number, header: string, value: unknown): void {
  const column = (rows[0] as unknown[]).indexOf(header);
  const target = rows[row];
  if (column < 0 || !target) throw new Error(`no column ${header} or row ${row}`);
  target[column] = value;
}

/** A template with a mistake of every kind a cell can hold: each kind of schema issue and an incomplete row. */
function templateWithSchemaMistakes() {
  const tables = ownTables();
  const schools = rowsOf(tables, "录入-学校");
  setCell(schools, 1, "学校代码", "");
  setCell(schools, 2, "学校类型", "大学");
  setCell(schools, 3, "班数", "abc");
  setCell(schools, 4, "一年级", -3);
  setCell(schools, 5, "班数", 2.5);
  for (const header of ["学校名称", "乡镇", "城乡"]) setCell(schools, 6, header, "");
  const district = rowsOf(tables, "录入-区县");
  const year = district.find((row) => row[0] === "预算年度");
  if (year) year[1] = "明年";
  const projects = rowsOf(tables, "录入-项目");
  setCell(projects, 1, "建设状态", "完成了");
  setCell(projects, 2, "总投资(万元)", -1);
  return tables;
}

/** A template whose cells are each well-formed but disagree with each other (the cross-field checks). */
function templateWithCrossFieldMistakes() {
  const tables = ownTables();
  const district = rowsOf(tables, "录入-区县");
  const term = district.find((row) => row[0] === "本届政府任期截止年度");
  if (term) term[1] = 2000;
  const pack = district.find((row) => row[0] === "政策包");
  if (pack) pack[1] = "no-such-pack";
  const schools = rowsOf(tables, "录入-学校");
  setCell(schools, 2, "学校代码", schools[1]?.[0]);
  setCell(schools, 3, "班数", 0);
  setCell(schools, 4, "寄宿生数", 1_000_000);
  const projects = rowsOf(tables, "录入-项目");
  setCell(projects, 1, "学校代码或新址", "NO-SUCH-SCHOOL");
  setCell(projects, 2, "竣工年度", 1990);
  setCell(projects, 3, "中央资金(万元)", 1_000_000);
  const fiscal = rowsOf(tables, "录入-财政");
  const compulsory = fiscal.find((row) => String(row[0]).startsWith("其中:义务教育财政拨款"));
  if (compulsory) compulsory[2] = 1_000_000;
  return tables;
}

/** Every problem the loader gives for inputs with mistakes of every kind: sheets, JSON, CSV and .xlsx files. */
async function everyKindOfProblem(): Promise<{ problem: Problem; source: DataSource }[]> {
  const sheets: DataSource = { kind: "sheets", label: "input" };
  const file = (label: string): DataSource => ({ kind: "file", label });
  const json = JSON.parse(JSON.stringify(getSample("zhenlai"))) as Record<string, unknown> & {
    schools: Record<string, unknown>[];
  };
  json.budgetYear = "next year";
  json.unknownField = 1;
  json.schools[0] = { ...json.schools[0], code: "", grades: { g1: "many" } };
  json.schools[1] = { ...json.schools[1], classes: -3, type: "大学" };
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files = [
    { name: "坏.json", bytes: bytes("{ 'name': ") },
    { name: "重复.json", bytes: bytes('{"name": "a", "name": "b"}') },
    { name: "坏.xlsx", bytes: bytes("not a zip file") },
    { name: "表.csv", bytes: bytes('"unclosed,1,2\n') },
    { name: "说明.txt", bytes: bytes("text") },
  ];
  const fromFiles = await Promise.all(
    files.map(async (f) => ({
      name: f.name,
      problems: (await loadInputs([f], { sample: "zhenlai", sampleLabel: "示例" })).problems,
    })),
  );
  // The filled-in template with a mistake of every kind, and the root causes that are folded into one problem.
  const templates = [
    await filledTemplate(MISTAKES_OF_EVERY_KIND.edits, MISTAKES_OF_EVERY_KIND.appended),
    await filledTemplate([{ sheet: "录入-学校", row: 2, column: "学校代码", value: "WZ01X" }]),
    await filledTemplate([{ sheet: "录入-学校", row: 12, column: "学校代码", value: "WZ11X" }]),
    await filledTemplate([
      { sheet: "录入-区县", row: { item: "预算年度" }, column: "值", value: 2003 },
      { sheet: "录入-布局", row: 2, column: "迁出学校代码", value: "WZ98" },
      { sheet: "录入-布局", row: 3, column: "迁出学校代码", value: "WZ98" },
    ]),
    await filledTemplate([
      { sheet: "录入-往年在校生", row: 3, column: "年度", value: 2001 },
      { sheet: "录入-出生人口", row: 11, column: "出生年份", value: 1994 },
      { sheet: "录入-债务", row: 9, column: "年度", value: 2004 },
    ]),
    await filledTemplate([{ sheet: "录入-出生人口", row: 11, column: "出生年份", value: 2030 }]),
    await filledTemplate([
      { sheet: "录入-出生人口", row: 20, column: "出生年份", value: 1900 },
      { sheet: "录入-债务", row: 8, column: "年度", value: 2020 },
      { sheet: "录入-债务", row: 9, column: "年度", value: 2021 },
    ]),
  ];
  const fromTemplates = await Promise.all(
    templates.map(async (bytes) => (await loadInputs([{ name: "本区.xlsx", bytes }])).problems),
  );
  return [
    ...fromTemplates.flatMap((problems) =>
      problems.map((problem) => ({ problem, source: file("本区.xlsx") })),
    ),
    ...readDistrictTables(templateWithSchemaMistakes(), "input").problems.map((problem) => ({
      problem,
      source: sheets,
    })),
    ...readDistrictTables(templateWithCrossFieldMistakes(), "input").problems.map((problem) => ({
      problem,
      source: sheets,
    })),
    ...readDistrictJson(JSON.stringify(json), "bad.json").problems.map((problem) => ({
      problem,
      source: file("bad.json"),
    })),
    ...fromFiles.flatMap(({ name, problems }) =>
      problems.map((problem) => ({ problem, source: file(name) })),
    ),
  ];
}

/** Every text the Problems step shows for these problems: group headings' places, rows' messages, causes apart. */
function shownTexts(all: { problem: Problem; source: DataSource }[], locale: Locale) {
  const t = translator(locale);
  return all.flatMap(({ problem, source }) =>
    groupProblems([problem], source, undefined, (p) => describeProblem(p, locale, t)).flatMap((group) =>
      group.rows.flatMap((row) =>
        row.lines.map((line) => ({ where: group.where, message: line.message, accepts: line.accepts ?? "" })),
      ),
    ),
  );
}

// zod's own English (and its enum lists) that a user must never see: "Invalid input", "expected string".
const RAW_ZOD = /Invalid (input|option|enum)|expected \w+, received|Expected|Unrecognized key/i;

describe("the Problems step's texts", () => {
  let all: { problem: Problem; source: DataSource }[];
  beforeAll(async () => {
    all = await everyKindOfProblem();
  });

  it("gets problems of every kind from the inputs with mistakes", () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
    const sheets = new Set(all.map(({ problem }) => problem.sheet).filter(Boolean));
    expect([...sheets]).toEqual(expect.arrayContaining(["录入-区县", "录入-学校", "录入-项目"]));
  });

  for (const locale of ["zh-CN", "en-US"] as const)
    it(`names no model path and shows no raw validation text in any message (${locale})`, () => {
      const texts = shownTexts(all, locale);
      expect(texts.length).toBe(all.length);
      const leaks = texts.filter(
        ({ where, message, accepts }) =>
          INTERNAL_PATH.test(`${where} ${message} ${accepts}`) || RAW_ZOD.test(`${message} ${accepts}`),
      );
      expect(leaks).toEqual([]);
    });

  it("says every zh-CN message in Chinese", () => {
    const notChinese = shownTexts(all, "zh-CN").filter(({ message }) => !/[\u3400-\u9fff]/.test(message));
    expect(notChinese).toEqual([]);
  });

  it("recognises the model paths it must never show", () => {
    for (const path of [
      "schools[2].grades",
      "schools.2.grades",
      "projects[0]",
      "fiscal.current.students",
      "term.births.18.year",
      "term.history[3].school",
    ])
      expect(INTERNAL_PATH.test(path)).toBe(true);
    for (const text of ["录入-学校 第 3 行", "bad-district.json", "schools.csv", "学校类型:取值「大学」无效"])
      expect(INTERNAL_PATH.test(text)).toBe(false);
  });
});

describe("problems grouped for the list", () => {
  const problem = (extra: Partial<Problem>): Problem => ({
    severity: "error",
    file: "input",
    field: "x",
    message: "错",
    messageEn: "wrong",
    ...extra,
  });
  const describe_ = (p: Problem) => ({ message: p.message });

  it("groups by sheet in the order met, then by row ascending, errors before warnings in a row", () => {
    const groups = groupProblems(
      [
        problem({ sheet: "录入-学校", row: 5, message: "a", severity: "warning" }),
        problem({ sheet: "录入-区县", row: 3, message: "b" }),
        problem({ sheet: "录入-学校", row: 2, message: "c" }),
        problem({ sheet: "录入-学校", row: 5, message: "d" }),
      ],
      { kind: "sheets", label: "input" },
      undefined,
      describe_,
    );
    expect(
      groups.map((g) => ({
        where: g.where,
        errors: g.errors,
        rows: g.rows.map((r) => [r.row, ...r.lines.map((l) => l.message)]),
      })),
    ).toEqual([
      {
        where: "录入-学校",
        errors: 2,
        rows: [
          [2, "c"],
          [5, "d", "a"],
        ],
      },
      { where: "录入-区县", errors: 1, rows: [[3, "b"]] },
    ]);
  });

  it("gives a row of the workbook's input sheets the cell of its first error, and a file's rows none", () => {
    const tables = [
      {
        sheet: "录入-学校",
        rows: [
          ["学校代码", "班数"],
          ["S1", -1],
        ],
      },
    ];
    const problems = [problem({ sheet: "录入-学校", row: 2, column: "班数" })];
    const [inSheets] = groupProblems(problems, { kind: "sheets", label: "input" }, tables, describe_);
    expect(inSheets?.rows[0]?.address).toBe("B2");
    const [inFile] = groupProblems(problems, { kind: "file", label: "a.csv" }, tables, describe_);
    expect(inFile?.rows[0]?.address).toBeUndefined();
  });
});
