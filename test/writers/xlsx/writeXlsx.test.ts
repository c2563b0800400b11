import ExcelJS from "exceljs";
import fc from "fast-check";
import type { WorkbookPlan } from "../../../src/plan/types";
import { validatePlan } from "../../../src/plan/validate";
import { writeXlsx } from "../../../src/writers/xlsx";
import { DANGEROUS_TEXT, largePlan, smallPlan } from "../../support/planFixtures";
import { readXlsx, workbookDifferences } from "./readBack";
import { zipEntry } from "./zipEntry";

const sheetOf = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

const withSheet = (
  plan: WorkbookPlan,
  index: number,
  change: Partial<WorkbookPlan["sheets"][number]>,
): WorkbookPlan => ({
  ...plan,
  sheets: plan.sheets.map((sheet, i) => (i === index ? { ...sheet, ...change } : sheet)),
});

describe("writeXlsx", () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readXlsx(await writeXlsx(smallPlan));
  });

  it("is given hand-made plans that are valid plans", () => {
    expect([validatePlan(smallPlan), validatePlan(largePlan(20, 7))]).toEqual([[], []]);
  });

  it("renders every value, formula, cached result, style, name, table, merge, validation, rule, pane and print setup of the plan", () => {
    expect(workbookDifferences(workbook, smallPlan)).toEqual([]);
  });

  it("reports every way a file and a plan disagree", () => {
    const altered = withSheet(smallPlan, 1, {
      blocks: smallPlan.sheets[1]!.blocks.map((block, i) =>
        i === 2
          ? {
              ...block,
              cells: [[{ v: "辍学率超限" }, { f: 'COUNTIF(E3:E6,">0")', v: 2 }], ...block.cells.slice(1)],
            }
          : block,
      ),
      merges: [],
      freeze: { rows: 1, columns: 0 },
    });
    const renamed = {
      ...altered,
      names: [{ name: "P_other", ref: "'参数'!$C$3" }, ...altered.names.slice(1)],
    };
    expect(workbookDifferences(workbook, renamed)).toEqual([
      ...["B1", "C1", "D1", "E1", "F1"].map((cell) => `学校!${cell}: expected empty, found "学校"`),
      '学校!B9: expected formula COUNTIF(E3:E6,">0"), found COUNTIF(E3:E6,">"&P_dropout_primary)',
      "学校: merges A1:F1",
      '学校: frozen {"rows":2,"columns":2}',
      expect.stringContaining('names [{"name":"P_dropout_primary"'),
    ]);
  });

  it("keeps text that starts with = + - @ as text, never a formula", () => {
    const ws = sheetOf(workbook, "学校");
    const names = [3, 4, 5, 6].map((row) => ws.getCell(`B${row}`));
    expect(names.map((cell) => cell.value)).toEqual([...DANGEROUS_TEXT]);
    expect(names.map((cell) => [cell.type, cell.formula])).toEqual(
      names.map(() => [ExcelJS.ValueType.String, undefined]),
    );
  });

  it("stores that text in the file as shared strings, and an empty text result as an empty string value", async () => {
    const bytes = await writeXlsx(smallPlan);
    const sheet = zipEntry(bytes, "xl/worksheets/sheet2.xml");
    const strings = [...zipEntry(bytes, "xl/sharedStrings.xml").matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map(
      (m) => m[1],
    );
    for (const row of [3, 4, 5, 6]) {
      const index = /<c r="B\d+"[^>]* t="s"><v>(\d+)<\/v><\/c>/.exec(
        sheet.match(new RegExp(`<c r="B${row}"[^>]*>.*?</c>`))?.[0] ?? "",
      );
      expect(strings[Number(index?.[1])]).toBe(DANGEROUS_TEXT[row - 3]);
    }
    expect(sheet).toMatch(
      /<c r="B15"[^>]* t="str"><f>IF\(B9&gt;0,&quot;&quot;,&quot;无&quot;\)<\/f><v><\/v><\/c>/,
    );
  });

  it("keeps a text code with leading zeros as text", () => {
    expect(sheetOf(workbook, "学校").getCell("A4").value).toBe("007");
  });

  it("stores expected errors as error results of their formulas", () => {
    const ws = sheetOf(workbook, "学校");
    expect([ws.getCell("B12").result, ws.getCell("B13").result]).toEqual([
      { error: "#DIV/0!" },
      { error: "#N/A" },
    ]);
  });

  it("keeps a cached result of 0 or FALSE, also inside a table", () => {
    const ws = sheetOf(workbook, "学校");
    expect([ws.getCell("E4").formula, ws.getCell("E4").result]).toEqual(["IF(C4=0,0,D4/C4)", 0]);
    expect(ws.getCell("B10").result).toBe(false);
  });

  it("prints on A4 with Excel's standard page margins", () => {
    const setup = sheetOf(workbook, "参数").pageSetup;
    expect([setup.paperSize, setup.margins]).toEqual([
      9,
      { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ]);
  });

  it("composes overlapping formats property by property", () => {
    const cell = sheetOf(workbook, "学校").getCell("E3");
    expect([cell.numFmt, cell.border.left?.style]).toEqual(["0.00%", "thin"]);
  });

  it("writes a conditional format's fill as a differential style", () => {
    const rule = (
      sheetOf(workbook, "学校") as unknown as {
        conditionalFormattings: { rules: { style: ExcelJS.Style }[] }[];
      }
    ).conditionalFormattings[0]?.rules[0];
    expect(rule?.style.fill).toEqual({ type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } });
    expect(rule?.style.font?.color).toEqual({ argb: "FF9C0006" });
  });

  it("takes the creation time from the plan when it carries one, so the same plan gives the same file", async () => {
    const generatedAt = "2026-09-01T08:00:00.000Z";
    const plan = { ...smallPlan, properties: { ...smallPlan.properties, generatedAt } };
    const [first, second] = await Promise.all([writeXlsx(plan), writeXlsx(plan)]);
    expect((await readXlsx(first)).created.toISOString()).toBe(generatedAt);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("writes every string a school name may hold as that same text", async () => {
    // XML 1.0 cannot carry control characters other than tab and line feed; names never hold them.
    const printable = (text: string): boolean =>
      [...text].every((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 || ch === "\t" || ch === "\n");
    const name = fc
      .tuple(
        fc.constantFrom("", "=", "+", "-", "@"),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
      )
      .map(([prefix, rest]) => prefix + rest)
      .filter(printable);
    await fc.assert(
      fc.asyncProperty(name, async (text) => {
        const plan = withSheet(smallPlan, 2, { blocks: [{ anchor: "A1", cells: [[{ v: text }]] }] });
        const cell = sheetOf(await readXlsx(await writeXlsx(plan)), "汇总 表").getCell("A1");
        expect([cell.value, cell.formula]).toEqual([text, undefined]);
      }),
      { numRuns: 40 },
    );
  });

  it("renders a large plan faithfully", async () => {
    const plan = largePlan(300, 12);
    expect(workbookDifferences(await readXlsx(await writeXlsx(plan)), plan)).toEqual([]);
  });

  it("refuses a table whose header cells differ from its column names", async () => {
    const sheet = smallPlan.sheets[1]!;
    const table = {
      ...sheet.tables[0]!,
      columns: sheet.tables[0]!.columns.map((c, i) => (i === 1 ? { name: "学校名称" } : c)),
    };
    await expect(writeXlsx(withSheet(smallPlan, 1, { tables: [table] }))).rejects.toThrow(
      'table T_schools: header cell B2 holds "名称", not the column name "学校名称"',
    );
  });

  it("refuses a format that names an unknown style", async () => {
    await expect(
      writeXlsx(withSheet(smallPlan, 2, { formats: [{ range: "A1", style: "nope" }] })),
    ).rejects.toThrow('format refers to unknown style "nope"');
  });

  it("refuses a drop-down list longer than Excel's 255 characters", async () => {
    const list = Array.from({ length: 60 }, (_, i) => `选项${i}`);
    const plan = withSheet(smallPlan, 2, { validations: [{ range: "C1", list, errorMessage: "x" }] });
    await expect(writeXlsx(plan)).rejects.toThrow(
      /validation C1: the list is \d+ characters, Excel accepts 255/,
    );
  });
});
