import ExcelJS from "exceljs";
import { districtToTables, encodeCsv } from "../../src/district";
import { fileKind, inputMistake, loadInputs, mistakeProblem } from "../../src/district/load";
import type { Problem } from "../../src/district/problems";
import { getSample } from "../../src/district/samples";
import { MISTAKES_OF_EVERY_KIND, filledTemplate, ownDistrict } from "../support/filledTemplate";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A sample's input tables as an .xlsx input workbook (one sheet per table, rows as they are). */
async function workbookOf(id: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const table of districtToTables(getSample(id))) {
    const sheet = workbook.addWorksheet(table.sheet);
    for (const row of table.rows) sheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** zhenlai's schools table with a column no input sheet knows: one warning on 录入-学校, row 1. */
function schoolsCsv(): Uint8Array {
  const schools = districtToTables(getSample("zhenlai")).find((table) => table.sheet === "录入-学校");
  const rows = (schools?.rows ?? []).map((row, r) => [...row, r === 0 ? "未知列" : ""]);
  return encodeCsv(rows, "utf-8");
}

describe("fileKind", () => {
  it("picks the reader by the extension, in any case", () => {
    expect(["d.json", "录入.XLSX", "学校.Csv", "dir.v2/a.json"].map(fileKind)).toEqual([
      "json",
      "xlsx",
      "csv",
      "json",
    ]);
  });

  it("knows no other file type", () => {
    expect(["d.txt", "d.xls", "json", "d.json.bak", ""].map(fileKind)).toEqual(Array(5).fill(undefined));
  });
});

describe("inputMistake", () => {
  it("accepts a sample, a .json or an .xlsx, each with any number of .csv tables over it", () => {
    expect(inputMistake([], { sample: "zhenlai" })).toBeUndefined();
    expect(inputMistake(["d.json"])).toBeUndefined();
    expect(inputMistake(["录入.xlsx", "学校.csv", "项目.csv"])).toBeUndefined();
    expect(inputMistake(["学校.csv"], { sample: "wuzhen" })).toBeUndefined();
  });

  it("names what makes the inputs unusable before any is read", () => {
    expect(inputMistake(["a.csv", "d.txt"])).toEqual({ kind: "unknownExtension", file: "d.txt" });
    expect(inputMistake([])).toEqual({ kind: "noDistrict" });
    expect(inputMistake(["d.json"], { sample: "zhenlai" })).toEqual({
      kind: "sampleAndWhole",
      file: "d.json",
    });
    expect(inputMistake(["a.json", "b.xlsx"])).toEqual({
      kind: "severalWholes",
      files: ["a.json", "b.xlsx"],
    });
    expect(inputMistake(["dir/a.csv", "b.csv"])).toEqual({ kind: "csvNeedsBase", file: "dir/a.csv" });
    expect(inputMistake(["a.csv"], { sample: "beijing" })).toEqual({
      kind: "unknownSample",
      sample: "beijing",
      samples: ["zhenlai", "wuzhen"],
    });
  });
});

describe("loadInputs", () => {
  it("reads a .json district, naming the file in its problems", async () => {
    const district = getSample("zhenlai");
    const loaded = await loadInputs([{ name: "d.json", bytes: utf8(JSON.stringify(district)) }]);
    expect(loaded.district).toEqual(district);
    expect(loaded.tables).toBeUndefined();
    const broken = { ...district, schools: [district.schools[0], ...district.schools] };
    const failed = await loadInputs([{ name: "d.json", bytes: utf8(JSON.stringify(broken)) }]);
    expect(failed.district).toBeUndefined();
    expect(failed.problems.some((p) => p.severity === "error" && p.field === "schools[1].code")).toBe(true);
    expect(new Set(failed.problems.map((p) => p.file))).toEqual(new Set(["d.json"]));
  });

  it("reads an .xlsx input workbook with its tables", async () => {
    const loaded = await loadInputs([{ name: "录入.xlsx", bytes: await workbookOf("wuzhen") }]);
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(loaded.district).toEqual(getSample("wuzhen"));
    expect(loaded.tables?.map((table) => table.sheet)).toEqual(
      districtToTables(getSample("wuzhen")).map((table) => table.sheet),
    );
    expect(new Set(loaded.problems.map((p) => p.file))).toEqual(
      new Set(loaded.problems.length ? ["录入.xlsx"] : []),
    );
  });

  it("names an unreadable .xlsx in its problem", async () => {
    const loaded = await loadInputs([{ name: "坏.xlsx", bytes: utf8("not a zip") }]);
    expect(loaded.district).toBeUndefined();
    expect(loaded.problems).toEqual([expect.objectContaining({ severity: "error", file: "坏.xlsx" })]);
  });

  it("merges a .csv over a sample: its sheet's problems name the .csv, the others the sample", async () => {
    const loaded = await loadInputs([{ name: "学校.csv", bytes: schoolsCsv() }], { sample: "zhenlai" });
    expect(loaded.district?.schools).toEqual(getSample("zhenlai").schools);
    const schools = loaded.problems.filter((p) => p.sheet === "录入-学校");
    expect(schools).toEqual([expect.objectContaining({ file: "学校.csv", row: 1, column: "未知列" })]);
    const others = loaded.problems.filter((p) => p.sheet !== "录入-学校");
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((p) => p.file))).toEqual(new Set(["sample zhenlai"]));
    expect(loaded.tables?.find((t) => t.sheet === "录入-学校")?.rows[0]).toContain("未知列");
  });

  it("names the sample's sheets by the label the shell gives", async () => {
    const loaded = await loadInputs([{ name: "学校.csv", bytes: schoolsCsv() }], {
      sample: "zhenlai",
      sampleLabel: "镇赉县示例",
    });
    const files = new Set(loaded.problems.map((p) => p.file));
    expect(files).toEqual(new Set(["学校.csv", "镇赉县示例"]));
  });

  it("merges a .csv over an .xlsx workbook, the workbook's sheets naming the workbook", async () => {
    const loaded = await loadInputs([
      { name: "学校.csv", bytes: schoolsCsv() },
      { name: "录入.xlsx", bytes: await workbookOf("zhenlai") },
    ]);
    expect(loaded.district?.schools).toEqual(getSample("zhenlai").schools);
    expect(loaded.problems.filter((p) => p.file === "学校.csv")).toHaveLength(1);
    for (const p of loaded.problems) expect(p.file).toBe(p.sheet === "录入-学校" ? "学校.csv" : "录入.xlsx");
  });

  it("names a .csv that matches no input sheet", async () => {
    const loaded = await loadInputs([{ name: "杂项.csv", bytes: encodeCsv([["甲", "乙"]], "utf-8") }], {
      sample: "zhenlai",
    });
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        file: "杂项.csv",
        messageEn: expect.stringMatching(/input sheet/),
      }),
    );
  });

  it("gives an unknown file type as one problem of that file, with what is accepted", async () => {
    expect(await loadInputs([{ name: "d.txt", bytes: utf8("x") }])).toEqual({
      problems: [
        {
          severity: "error",
          file: "d.txt",
          field: "file",
          message: "不支持的文件类型",
          messageEn: "Unsupported file type",
          accepts: ".xlsx, .csv, .json",
        },
      ],
    });
  });

  it("gives every other mistake as a problem in both languages", async () => {
    const mistakes = [
      inputMistake([]),
      inputMistake(["a.json", "b.json"]),
      inputMistake(["a.csv"]),
      inputMistake(["a.json"], { sample: "zhenlai" }),
      inputMistake([], { sample: "nope" }),
    ];
    for (const mistake of mistakes) {
      const problem = mistakeProblem(mistake!);
      expect(problem).toMatchObject({ severity: "error", field: "file" });
      expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await loadInputs([{ name: "a.csv", bytes: schoolsCsv() }])).problems).toEqual([
      mistakeProblem({ kind: "csvNeedsBase", file: "a.csv" }),
    ]);
  });
});

describe("loadInputs: every problem in one round, a root cause once", () => {
  const load = async (bytes: Uint8Array) => loadInputs([{ name: "本区.xlsx", bytes }]);
  const shown = (problems: readonly Problem[]) =>
    problems.map((p) => `${p.severity} ${p.sheet ?? ""} ${p.row ?? ""} ${p.message}`);

  it("reads the filled-in template of a district of its own without any problem", async () => {
    const result = await load(await filledTemplate());
    expect(shown(result.problems)).toEqual([]);
    expect(result.district?.projects).toHaveLength(3);
  });

  it("gives every problem of a template with a mistake of every kind in one call, schema and cross-field alike", async () => {
    const { edits, appended, expected } = MISTAKES_OF_EVERY_KIND;
    const result = await load(await filledTemplate(edits, appended));
    expect(result.district).toBeUndefined();
    const missing = expected.filter(
      ([sheet, row, message]) =>
        !result.problems.some(
          (p) => p.sheet === sheet && (row === undefined || p.row === row) && message.test(p.message),
        ),
    );
    expect(missing).toEqual([]);
    // Nothing else: each mistake is one problem (the project with a new site and too much funding is two).
    expect(result.problems).toHaveLength(expected.length);
  });

  it.each([
    ["本届政府任期截止年度", 2000, /^本届政府任期截止年度 2000 早于预算年度 2004$/],
    ["预算年度", 2010, /^本届政府任期截止年度 2007 早于预算年度 2010$/],
    ["规划末年", 2002, /^规划末年 2002 早于 2006 年/],
    ["预算年度", 2005, /^预算年度 2005 与偿还能力 \(2004–2007\)、往年在校生 \(2001–2003\) 的年度不符/],
    ["预算年度", 2003, /^预算年度 2003 与偿还能力 \(2004–2007\)、往年在校生 \(2001–2003\) 的年度不符/],
    ["预算年度", 2006, /这些表都按预算年度 2004 填写; 请核对「预算年度」$/],
  ])(
    "gives a wrong %s (%d) as exactly one problem, not one per row that depends on it",
    async (item, year, message) => {
      const result = await load(
        await filledTemplate([{ sheet: "录入-区县", row: { item }, column: "值", value: year }]),
      );
      expect(shown(result.problems)).toEqual([expect.stringMatching(/^error 录入-区县 \d+ /)]);
      expect(result.problems[0]?.message).toMatch(message);
    },
  );

  it("gives a school code mistyped on 录入-学校 as one problem naming both codes, not one per history row", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-学校", row: 2, column: "学校代码", value: "WZ01X" }]),
    );
    expect(shown(result.problems)).toEqual([
      "warning 录入-学校 2 学校「第一中学」(代码「WZ01X」)没有往年在校生, 而项目「第一中学教学楼」、往年在校生 3 行所用的学校代码「WZ01」不在学校表中: 若是同一所学校, 请统一为一个代码",
    ]);
  });

  it("folds a mistyped code used by two mergers and the history into one error at the school", async () => {
    // WZ11 (海阳中学) moves in one merger and its site is the site of the next one.
    const result = await load(
      await filledTemplate([{ sheet: "录入-学校", row: 12, column: "学校代码", value: "WZ11X" }]),
    );
    expect(result.problems.map((p) => [p.severity, p.sheet, p.row, p.column])).toEqual([
      ["error", "录入-学校", 12, "学校代码"],
    ]);
    expect(result.problems[0]?.message).toContain("布局调整「海阳中学迁入第五中学现址」");
    expect(result.problems[0]?.message).toContain("往年在校生 3 行");
  });

  it("gives a school code mistyped in one row of the history as one problem in that row", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-往年在校生", row: 3, column: "学校代码", value: "WZ1" }]),
    );
    expect(shown(result.problems)).toEqual([
      "warning 录入-往年在校生 3 学校「第一中学」(代码「WZ01」)缺少 2002 年的往年在校生, 而往年在校生所用的学校代码「WZ1」不在学校表中: 若是同一所学校, 请统一为一个代码",
    ]);
  });

  it("gives a budget year before the term end that the capacity rows and the history do not fit at its cell", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-区县", row: { item: "预算年度" }, column: "值", value: 2005 }]),
    );
    expect(result.problems.map((p) => [p.severity, p.sheet, p.column, p.field, p.accepts])).toEqual([
      ["error", "录入-区县", "值", "budgetYear", "2004 (或按 2005 改填「偿还能力」「往年在校生」的年度)"],
    ]);
    const district = result.tables?.find((table) => table.sheet === "录入-区县");
    expect(district?.rows[(result.problems[0]?.row ?? 0) - 1]?.[0]).toBe("预算年度");
  });

  it.each([
    [
      2008,
      /^error 录入-债务 {2}缺少 2008 年的偿还能力; 偿还能力填至 2007 年: 若任期至 2007 年, 请改「本届政府任期截止年度」$/,
    ],
    [
      2006,
      /^error 录入-债务 11 偿还能力年度 2007 不在预算年度至任期截止年度\(2004–2006\)之内; 偿还能力填至 2007 年: 若任期至 2007 年, 请改「本届政府任期截止年度」$/,
    ],
  ])(
    "gives a term end (%d) after the budget year that the capacity rows do not reach or pass as one problem naming the term end",
    async (year, message) => {
      const result = await load(
        await filledTemplate([
          { sheet: "录入-区县", row: { item: "本届政府任期截止年度" }, column: "值", value: year },
        ]),
      );
      expect(shown(result.problems)).toEqual([expect.stringMatching(message)]);
    },
  );

  it("gives the capacity rows their own problem when only they do not fit the budget year", async () => {
    const result = await load(
      await filledTemplate(
        [{ sheet: "录入-区县", row: { item: "预算年度" }, column: "值", value: 2005 }],
        [],
        {
          ...ownDistrict(),
          term: undefined,
        },
      ),
    );
    expect(shown(result.problems)).toEqual([
      expect.stringMatching(
        /^error 录入-债务 8 偿还能力年度 2004 不在预算年度至任期截止年度\(2005–2007\)之内$/,
      ),
    ]);
  });

  it("gives a history row whose year repeats the school's row above as one problem at its year, naming the lacking year", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-往年在校生", row: 3, column: "年度", value: 2001 }]),
    );
    expect(result.problems.map((p) => [p.severity, p.sheet, p.row, p.column, p.message, p.accepts])).toEqual([
      [
        "error",
        "录入-往年在校生",
        3,
        "年度",
        "学校「第一中学」2001 年的往年在校生录入了两次, 而缺少 2002 年: 请核对其中一行的年度",
        "2002",
      ],
    ]);
  });

  it("gives a year of births typed as the year of another row as one problem at its cell, naming the lacking year", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-出生人口", row: 11, column: "出生年份", value: 1994 }]),
    );
    expect(result.problems.map((p) => [p.severity, p.sheet, p.row, p.column, p.message, p.accepts])).toEqual([
      [
        "error",
        "录入-出生人口",
        11,
        "出生年份",
        "出生人口 1994 年录入了两次, 而缺少 1995 年: 请核对其中一行的出生年份",
        "1995",
      ],
    ]);
  });

  it("gives a year of births that schools of two entry ages lack as one warning", async () => {
    const result = await load(
      await filledTemplate([{ sheet: "录入-出生人口", row: 11, column: "出生年份", value: 2030 }]),
    );
    expect(shown(result.problems)).toEqual([
      expect.stringMatching(
        /^warning 录入-出生人口 {2}缺少 1995 年出生人口: 9 所学校 .*\(12 岁入学.*; 16 所学校 .*\(6 岁入学/,
      ),
    ]);
  });

  it("gives capacity rows of years mistyped outside the term as one problem naming the years missing", async () => {
    const result = await load(
      await filledTemplate([
        { sheet: "录入-债务", row: 8, column: "年度", value: 2020 },
        { sheet: "录入-债务", row: 9, column: "年度", value: 2021 },
      ]),
    );
    expect(shown(result.problems)).toEqual([
      expect.stringMatching(
        /^error 录入-债务 8 偿还能力第 8、9 行的年度 2020 .*2021 .*, 而缺少 2004、2005 年的偿还能力/,
      ),
    ]);
  });

  it("gives a history year not before the budget year once for all its rows", async () => {
    // Without the capacity rows the history alone does not say that the budget year is the mistake.
    const result = await load(
      await filledTemplate(
        [{ sheet: "录入-区县", row: { item: "预算年度" }, column: "值", value: 2003 }],
        [],
        { ...ownDistrict(), debts: undefined },
      ),
    );
    const history = result.problems.filter((p) => p.sheet === "录入-往年在校生");
    expect(shown(history)).toEqual([
      expect.stringMatching(/^warning 录入-往年在校生 4 往年在校生 27 行的年度 2003 不早于预算年度 2003/),
    ]);
  });
});
