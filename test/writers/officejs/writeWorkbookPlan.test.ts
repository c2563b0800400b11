import fc from "fast-check";
import { createFakeExcel, type FakeExcel } from "../../support/fakeExcel";
import { DANGEROUS_TEXT, smallPlan } from "../../support/planFixtures";
import { samplePlan } from "../xlsx/samplePlans";
import {
  GENERATED_MARK,
  GenerationCancelled,
  GenerationFailed,
  generateInExcel,
  writeWorkbookPlan,
  type WriteOptions,
  type WriteStep,
} from "../../../src/writers/officejs";

const userSheets = () =>
  createFakeExcel({
    sheets: [{ name: "我的表", cells: { A1: "预算草稿", B2: 42, C3: { formula: "=B2*2" } } }],
  });

const write = (fake: FakeExcel, options: Partial<WriteOptions> = {}) =>
  fake.run((context) => writeWorkbookPlan(context, smallPlan, { onExistingSheet: "keepBoth", ...options }));

describe("writeWorkbookPlan into Excel", () => {
  test("renders every element of a plan: cells, formats, tables, names, rules, lists, panes, print setup and charts", async () => {
    const fake = userSheets();
    const report = await write(fake);
    expect(report.created).toEqual(["参数", "学校", "汇总 表"]);
    expect(fake.sheetNames()).toEqual(["我的表", "参数", "学校", "汇总 表"]);
    const schools = fake.workbook.sheets.find((s) => s.name === "学校");
    expect(schools?.customProperties[GENERATED_MARK]).toBe("edu-budget 1.0.0");
    expect(schools?.tabColor).toBe("#4472C4");
    expect(schools?.merges).toEqual(["A1:F1"]);
    expect(schools?.freeze).toEqual({ rows: 2, columns: 2 });
    expect(schools?.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
    });
    expect(schools?.conditionalFormats).toEqual([
      {
        range: "E3:E6",
        type: "Custom",
        formula: "=E3>P_dropout_primary",
        style: { "font.color": "#9C0006", "fill.color": "#FFC7CE" },
      },
    ]);
    expect(schools?.validations["H3:H6"]?.rule).toEqual({ list: { inCellDropDown: true, source: "是,否" } });
    const cells = fake.cellsOf("学校");
    expect(cells.C7).toMatchObject({ formula: "=SUM(C3:C6)", numberFormat: "#,##0" });
    expect(cells.E3?.numberFormat).toBe("0.00%");
    expect(cells.A2?.style).toMatchObject({
      "font.bold": true,
      "fill.color": "#DDEBF7",
      horizontalAlignment: "Center",
    });
    expect(fake.workbook.tables).toEqual([
      { name: "T_schools", sheetId: schools?.id, range: "A2:F6", style: "TableStyleMedium2" },
    ]);
    expect(fake.workbook.names).toEqual([
      { name: "P_dropout_primary", formula: "='参数'!$C$3", comment: "小学辍学率上限" },
      { name: "P_funds_primary", formula: "='参数'!$C$4", comment: "" },
      { name: "R_students", formula: "='学校'!$C$3:$C$6", comment: "" },
    ]);
    const summary = fake.workbook.sheets.find((s) => s.name === "汇总 表");
    expect(summary?.charts).toEqual([
      {
        type: "ColumnClustered",
        title: "学生数",
        series: [{ name: "学生数", values: "C3:C6", categories: "B3:B6" }],
        from: "D2",
        to: "J15",
      },
    ]);
    expect(fake.cellsOf("我的表")).toEqual(userSheets().cellsOf("我的表"));
  });

  test("keeps text that looks like a formula or a number as text, and writes formulas as formulas", async () => {
    const fake = userSheets();
    await write(fake);
    const cells = fake.cellsOf("学校");
    const names = ["B3", "B4", "B5", "B6"].map((a) => cells[a]);
    expect(names.map((c) => c?.value)).toEqual([...DANGEROUS_TEXT]);
    expect(names.map((c) => c?.formula)).toEqual([null, null, null, null]);
    expect(cells.A4).toMatchObject({ value: "007", formula: null });
    expect(cells.A9).toMatchObject({ value: "辍学率超限", numberFormat: "General" });
    expect(cells.B9?.formula).toBe('=COUNTIF(E3:E6,">"&P_dropout_primary)');
    expect(fake.cellsOf("汇总 表").B1?.formula).toBe("='学校'!C7");
  });

  test("keeps both when a sheet name is taken: the new sheet gets a suffix and formulas follow it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "学校", cells: { A1: "用户自己的学校表" } }] });
    const before = fake.cellsOf("学校");
    const report = await write(fake);
    expect(report.created).toEqual(["参数", "学校 (2)", "汇总 表"]);
    expect(report.renamed).toEqual([{ key: "schools", planName: "学校", name: "学校 (2)" }]);
    expect(fake.cellsOf("学校")).toEqual(before);
    expect(fake.cellsOf("汇总 表").A2?.value).toBe("公用经费合计");
    expect(fake.cellsOf("汇总 表").B2?.formula).toBe("=SUM('学校 (2)'!F3:F6)");
    expect(fake.workbook.names.find((n) => n.name === "R_students")?.formula).toBe("='学校 (2)'!$C$3:$C$6");
  });

  test("a second generation keeping both suffixes sheets, tables and names and rewrites every reference", async () => {
    const fake = userSheets();
    await write(fake);
    const report = await write(fake);
    expect(report.created).toEqual(["参数 (2)", "学校 (2)", "汇总 表 (2)"]);
    expect(report.renamedIdentifiers).toEqual([
      { planName: "T_schools", name: "T_schools_2" },
      { planName: "P_dropout_primary", name: "P_dropout_primary_2" },
      { planName: "P_funds_primary", name: "P_funds_primary_2" },
      { planName: "R_students", name: "R_students_2" },
    ]);
    expect(fake.cellsOf("学校 (2)").B9?.formula).toBe('=COUNTIF(E3:E6,">"&P_dropout_primary_2)');
    expect(fake.workbook.names.find((n) => n.name === "P_dropout_primary_2")?.formula).toBe(
      "='参数 (2)'!$C$3",
    );
    expect(fake.cellsOf("学校").B9?.formula).toBe('=COUNTIF(E3:E6,">"&P_dropout_primary)');
  });

  test("replaces sheets it generated before, keeping their names, names and tables", async () => {
    const fake = userSheets();
    await write(fake);
    const report = await write(fake, { onExistingSheet: "replaceGenerated" });
    expect(report.replaced).toEqual(["参数", "学校", "汇总 表"]);
    expect(report.created).toEqual(["参数", "学校", "汇总 表"]);
    expect(fake.sheetNames()).toEqual(["我的表", "参数", "学校", "汇总 表"]);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["T_schools"]);
    expect(fake.workbook.names.map((n) => [n.name, n.formula])).toEqual([
      ["P_dropout_primary", "='参数'!$C$3"],
      ["P_funds_primary", "='参数'!$C$4"],
      ["R_students", "='学校'!$C$3:$C$6"],
    ]);
    expect(fake.cellsOf("汇总 表").B2?.formula).toBe("=SUM('学校'!F3:F6)");
    expect(JSON.stringify(fake.snapshot())).not.toContain("#REF!");
  });

  test("never replaces a user's sheet of the same name, even when asked to replace", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "学校", cells: { A1: "用户自己的学校表" } }] });
    const before = fake.cellsOf("学校");
    const report = await write(fake, { onExistingSheet: "replaceGenerated" });
    expect(report.replaced).toEqual([]);
    expect(report.created).toContain("学校 (2)");
    expect(fake.cellsOf("学校")).toEqual(before);
  });

  test("writes only the chosen sheets and their names, and refuses unknown sheet keys before touching the workbook", async () => {
    const fake = userSheets();
    const report = await write(fake, { sheets: ["params"] });
    expect(report.created).toEqual(["参数"]);
    // A name on a sheet that was not written would point at nothing, or at someone else's sheet.
    expect(fake.workbook.names.map((n) => n.name)).toEqual(["P_dropout_primary", "P_funds_primary"]);
    const untouched = userSheets();
    const before = untouched.snapshot();
    await expect(write(untouched, { sheets: ["params", "nope"] })).rejects.toThrow(/unknown sheet keys nope/);
    expect(untouched.snapshot()).toEqual(before);
  });

  test("reports progress from 0 to the total, in order, ending with done", async () => {
    const fake = userSheets();
    const seen: [number, number, WriteStep][] = [];
    await write(fake, { onProgress: (done, total, label) => seen.push([done, total, label]) });
    const total = seen[0]?.[1] as number;
    expect(seen.map(([done]) => done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.at(-1)?.[2]).toEqual({ kind: "done" });
    expect(seen.map(([, , step]) => step)).toContainEqual({ kind: "formulas", sheet: "学校" });
  });

  test("a cancel leaves the workbook as it was and says so", async () => {
    const fake = userSheets();
    const before = fake.snapshot();
    const signal = { aborted: false };
    const run = write(fake, { signal, onProgress: (done) => (signal.aborted = done === 3) });
    await expect(run).rejects.toBeInstanceOf(GenerationCancelled);
    await expect(run).rejects.toMatchObject({ rolledBack: true });
    expect(fake.snapshot()).toEqual(before);
  });

  test("a failed request leaves the workbook as it was and reports the cause", async () => {
    const fake = userSheets();
    const before = fake.snapshot();
    fake.failAtSync(2);
    const run = write(fake);
    await expect(run).rejects.toBeInstanceOf(GenerationFailed);
    await expect(run).rejects.toMatchObject({ rolledBack: true, message: expect.stringMatching(/injected/) });
    expect(fake.snapshot()).toEqual(before);
  });

  test("generateInExcel runs the whole generation in one Excel.run with calculation suspended while writing", async () => {
    const fake = userSheets();
    const report = await generateInExcel(fake.run, smallPlan, { onExistingSheet: "keepBoth" });
    expect(report.syncs).toBe(fake.stats.syncs);
    expect(fake.stats.requests.slice(1).every((r) => r.calculationSuspended)).toBe(true);
  });

  test("any text constant arrives as exactly that text, never a formula, number or boolean", async () => {
    const text = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom("=1+1", "+86", "-5", "@x", "007", "1e3", "TRUE", "50%", "=SUM(A1:A2)"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (rows) => {
          const sheet = { ...(smallPlan.sheets[0] as (typeof smallPlan.sheets)[number]) };
          const plan = {
            ...smallPlan,
            names: [],
            sheets: [
              {
                ...sheet,
                blocks: [{ anchor: "B2", cells: rows.map((r) => r.map((v) => ({ v }))) }],
                formats: [],
                merges: [],
              },
            ],
          };
          const fake = createFakeExcel({ sheets: [{ name: "S" }] });
          await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
          const cells = fake.cellsOf(sheet.name);
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              const cell = cells[`${String.fromCharCode(66 + c)}${r + 2}`];
              expect(cell).toMatchObject({ value: v, formula: null, numberFormat: "General" });
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  test("refuses a drop-down list Excel cannot hold, naming the sheet and range, and changes nothing", async () => {
    const fake = userSheets();
    const before = fake.snapshot();
    const schools = smallPlan.sheets[1] as (typeof smallPlan.sheets)[number];
    const plan = {
      ...smallPlan,
      sheets: [{ ...schools, validations: [{ range: "H3:H6", list: ["是", "否,不是"], errorMessage: "x" }] }],
      names: [],
    };
    const run = fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
    await expect(run).rejects.toThrow(/学校 validation H3:H6: list item "否,不是" contains a comma/);
    expect(fake.snapshot()).toEqual(before);
  });

  test("prints every sheet of a sample as its plan says: scale or fit, print titles, header, footer, row heights and page breaks", async () => {
    const plan = samplePlan("wuzhen");
    const fake = createFakeExcel();
    await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
    const differences = plan.sheets.flatMap((sheet) => {
      const written = fake.workbook.sheets.find((s) => s.name === sheet.name);
      const layout = written?.pageLayout;
      const titles = sheet.print.repeatColumns?.replace(/([A-Z]+)/g, "$$$1");
      const expected = {
        orientation: sheet.print.orientation === "landscape" ? "Landscape" : "Portrait",
        paperSize: "A4",
        zoom: sheet.print.fitToWidth
          ? { horizontalFitToPages: 1, verticalFitToPages: 0 }
          : { scale: sheet.print.scale },
        printTitleColumns: titles,
        headerFooter: {
          leftHeader: sheet.print.header?.left,
          centerHeader: sheet.print.header?.center,
          rightHeader: sheet.print.header?.right,
          centerFooter: "第 &P 页 共 &N 页",
        },
        rowHeights: Object.fromEntries((sheet.rows ?? []).map((r) => [r.row + 1, r.height])),
        pageBreaks: (sheet.pageBreaks ?? []).map((row) => row + 1),
      };
      const found = {
        orientation: layout?.orientation,
        paperSize: layout?.paperSize,
        zoom: layout?.zoom,
        printTitleColumns: layout?.printTitleColumns,
        headerFooter: layout?.headerFooter,
        rowHeights: written?.rowHeights ?? {},
        pageBreaks: written?.pageBreaks ?? [],
      };
      return JSON.stringify(found) === JSON.stringify(expected)
        ? []
        : [`${sheet.name}: ${JSON.stringify(found)}`];
    });
    expect(differences).toEqual([]);
    expect(plan.sheets.some((s) => !s.print.fitToWidth && s.print.repeatColumns)).toBe(true);
    expect(plan.sheets.some((s) => (s.rows ?? []).length > 0)).toBe(true);
    expect(plan.sheets.some((s) => (s.pageBreaks ?? []).length > 0)).toBe(true);
  });

  test("links on the contents sheet lead to the sheets of the same generation, whatever they end up called", async () => {
    const plan = samplePlan("zhenlai");
    const linkTargets = (fake: FakeExcel, contents: string) =>
      Object.values(fake.cellsOf(contents))
        .flatMap((c) => /HYPERLINK\("#'([^']+)'!/.exec(c.formula ?? "")?.[1] ?? [])
        .sort();
    const fake = userSheets();
    await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
    const first = linkTargets(fake, "目录");
    expect(first).toContain("学校");
    await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
    expect(linkTargets(fake, "目录 (2)")).toEqual(first.map((name) => `${name} (2)`).sort());
    await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "replaceGenerated" }));
    expect(linkTargets(fake, "目录")).toEqual(first);
  });
});
