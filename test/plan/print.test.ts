import fc from "fast-check";
import { generateDistrict, getSample } from "../../src/district/samples";
import { buildWorkbook } from "../../src/plan/build";
import { cellAddress, columnLetter, parseCell, parseRange } from "../../src/plan/address";
import {
  columnWidthPoints,
  headerFooterCode,
  headerFooterText,
  PAGE_OF_PAGES,
} from "../../src/plan/excelRules";
import {
  choosePrintSetup,
  contentWidth,
  fitScale,
  finishForPrint,
  lastColumnOnFirstPage,
  lastColumnWithin,
  lastUsedColumn,
  lastUsedRow,
  MIN_PRINTED_SIZE,
  printableArea,
  printedFontSize,
  readableScale,
  SIGNATURES,
  textWidth,
  wrappedLines,
  wrappedRowHeights,
} from "../../src/plan/print";
import { SHEETS } from "../../src/plan/sheets";
import { STYLES } from "../../src/plan/styles";
import type { RangeFormat, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { getPack } from "../../src/policy";
import { SAMPLE_IDS, samplePlan } from "../writers/xlsx/samplePlans";

const OPTIONS = { generatedAt: "2026-10-08T09:30:00.000Z", generator: "edu-budget test" };

/** A sheet of `columns` columns of `width` characters, one text cell each, as a builder leaves it. */
function wideSheet(
  columns: number,
  width: number,
  print: SheetPlan["print"] = { orientation: "landscape", fitToWidth: true },
): SheetPlan {
  const letters = Array.from({ length: columns }, (_, i) => String.fromCharCode(65 + i));
  return {
    name: "宽表",
    key: "wide",
    blocks: [{ anchor: "A1", cells: [letters.map((l) => ({ v: l }))] }],
    columns: letters.map((column) => ({ column, width })),
    formats: [],
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    print,
  };
}

const HEADING = { district: "镇赉区", budgetYear: 2012 };

const smallPrints = (plan: WorkbookPlan): string[] =>
  plan.sheets
    .filter((sheet) => printedFontSize(sheet, plan.styles) < MIN_PRINTED_SIZE)
    .map((sheet) => `${sheet.name}: ${printedFontSize(sheet, plan.styles).toFixed(2)} pt`);

describe("the printed size of a sheet", () => {
  it("is A4 inside Excel's standard margins: 494.5 × 733.9 pt upright, 741.1 × 487.3 pt across", () => {
    const portrait = printableArea("portrait");
    const landscape = printableArea("landscape");
    expect([portrait.width, portrait.height].map((v) => Math.round(v * 10) / 10)).toEqual([494.5, 733.9]);
    expect([landscape.width, landscape.height].map((v) => Math.round(v * 10) / 10)).toEqual([741.1, 487.3]);
  });

  it("fits 10 columns of 20 characters (1,087.5 pt) to a landscape page at 68 %, whole percent rounded down", () => {
    // (20 × 7 + 5) px × 0.75 = 108.75 pt a column; 741.1 / 1087.5 = 0.681…
    const sheet = wideSheet(10, 20);
    expect(contentWidth(sheet)).toBe(1087.5);
    expect(fitScale(contentWidth(sheet), "landscape")).toBe(0.68);
    expect(printedFontSize(sheet, STYLES)).toBeCloseTo(7.48, 2);
  });

  it("never enlarges a narrow sheet beyond 100 %", () => {
    expect(fitScale(100, "portrait")).toBe(1);
  });

  it("needs 75 % for Excel's 11-point default to print at 8 pt (8/11 = 72.7 %, rounded up to 5 %)", () => {
    expect(readableScale(11)).toBe(75);
    expect(readableScale(8)).toBe(100);
  });

  it("was below 8 pt before the print setup for the 学校 sheet fitted to one page wide (the issue's 3 pt)", () => {
    const district = getSample("zhenlai");
    const built = buildWorkbook(district, getPack(district.policyPack), OPTIONS).plan;
    const schools = built.sheets.find((s) => s.key === "schools");
    if (!schools) throw new Error("no 学校 sheet");
    const asBuilt = { ...schools, print: { orientation: "landscape" as const, fitToWidth: true } };
    expect(printedFontSize(asBuilt, STYLES)).toBeLessThan(3);
    expect(printedFontSize(schools, STYLES)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
  });
});

describe("the print setup every sheet gets", () => {
  it("keeps a sheet that reads at one page wide fitted in the builder's orientation", () => {
    const print = choosePrintSetup(
      wideSheet(5, 10, { orientation: "portrait", fitToWidth: true }),
      STYLES,
      HEADING,
    );
    expect([print.orientation, print.fitToWidth, print.scale]).toEqual(["portrait", true, undefined]);
  });

  it("turns a sheet too wide for a portrait page at 8 pt to landscape when it reads there", () => {
    // 5 × 108.75 = 543.75 pt, 1.3 times as wide in another program: upright 494.5 / 706.9 gives 69 % (7.59 pt),
    // across 741.1 / 706.9 fits at 100 %.
    const print = choosePrintSetup(
      wideSheet(5, 20, { orientation: "portrait", fitToWidth: true }),
      STYLES,
      HEADING,
    );
    expect([print.orientation, print.fitToWidth]).toEqual(["landscape", true]);
  });

  it("prints a sheet too wide for any page across pages at 75 % with its label columns repeated", () => {
    const sheet = { ...wideSheet(20, 20), freeze: { rows: 3, columns: 2 } };
    const print = choosePrintSetup(sheet, STYLES, HEADING);
    expect(print).toMatchObject({
      orientation: "landscape",
      fitToWidth: false,
      scale: 75,
      repeatRows: "1:3",
      repeatColumns: "A:B",
    });
    expect(printedFontSize({ ...sheet, print }, STYLES)).toBe(8.25);
  });

  it("keeps what a sheet's definition overrides", () => {
    const print = choosePrintSetup(wideSheet(20, 20), STYLES, HEADING, {
      orientation: "portrait",
      scale: 90,
    });
    expect([print.orientation, print.fitToWidth, print.scale]).toEqual(["portrait", false, 90]);
  });

  it("heads every page with district, sheet and year, and numbers it 第 n 页 共 m 页", () => {
    const print = choosePrintSetup(wideSheet(3, 10), STYLES, { district: "A&B 区", budgetYear: 2026 });
    expect(headerFooterCode(print.header)).toBe("&LA&&B 区&C宽表&R2026 年度");
    expect(headerFooterCode(print.footer)).toBe("&C第 &P 页 共 &N 页");
    expect(PAGE_OF_PAGES).toBe("第 &P 页 共 &N 页");
    expect(headerFooterText("&P")).toBe("&&P");
  });

  it("ends a signed sheet with the signature block, under its last row and across its first page", () => {
    const finished = finishForPrint(wideSheet(8, 12), { signed: true }, STYLES, HEADING);
    const signatures = finished.blocks.slice(1).map((b) => [b.anchor, b.cells[0]?.[0]?.v]);
    // Columns of 12 characters are 66.75 pt, then Excel's default 48 pt: each signature starts at a column at
    // least 150 pt after the one before (A 0, D 200.25, G 400.5, J 582), and at least 150 pt before the page's edge.
    expect(signatures).toEqual([
      ["A3", "单位负责人："],
      ["D3", "财务负责人："],
      ["G3", "制表人："],
      ["J3", "日期："],
    ]);
    expect(SIGNATURES).toHaveLength(4);
  });

  it("signs 目录, 财政, 汇总 and the national 部门预算 tables, the sheets the bureau sends and answers for", () => {
    expect(SHEETS.filter((s) => s.signed === true).map((s) => s.nameZh)).toEqual([
      "目录",
      "财政",
      "汇总",
      "部门收支总表",
      "一般公共预算支出表",
      "部门收入总表",
      "部门支出总表",
      "财政拨款收支总表",
      "一般公共预算基本支出表",
      "一般公共预算三公经费支出表",
      "政府性基金预算支出表",
      "国有资本经营预算支出表",
      "项目支出表",
    ]);
  });
});

describe("the columns the first page holds, and the charts", () => {
  const chart = {
    type: "column" as const,
    title: "图",
    categories: "A1:A1",
    series: [{ name: "值", values: "B1:B1" }],
    from: "C3",
    to: "L30",
  };

  it("takes a chart's anchor into the sheet's used area, its columns into the width the print fits", () => {
    const sheet = wideSheet(4, 10);
    const charted = { ...sheet, charts: [chart] };
    expect([lastUsedColumn(sheet), lastUsedRow(sheet)]).toEqual([3, 0]);
    expect([lastUsedColumn(charted), lastUsedRow(charted)]).toEqual([11, 29]);
    // 4 columns of 10 characters (56.25 pt) and 8 of Excel's default 8.43 (48.01 pt).
    expect(contentWidth(charted)).toBeCloseTo(4 * 56.25 + 8 * 48.01, 6);
  });

  it("holds the columns whose right edges are within the page width, column A at least", () => {
    // Columns of 20 characters are 108.75 pt: three end at 326.25, the fourth at 435.
    const sheet = wideSheet(10, 20);
    expect([326.25, 400, 435, 10_000, 1].map((width) => lastColumnWithin(sheet, width))).toEqual([
      2, 2, 3, 9, 0,
    ]);
  });

  it("holds every used column when the sheet fits to one page wide, those its scale leaves room for otherwise", () => {
    const sheet = wideSheet(20, 20);
    expect(lastColumnOnFirstPage(sheet, { orientation: "landscape", fitToWidth: true })).toBe(19);
    // 741.1 pt across at 75 % holds 988.1 pt of columns: nine of 108.75 pt (978.75).
    expect(lastColumnOnFirstPage(sheet, { orientation: "landscape", fitToWidth: false, scale: 75 })).toBe(8);
  });
});

describe("row heights for wrapped text", () => {
  it("counts the lines a text wraps to: whole CJK characters and whole Latin words to a line", () => {
    // A column of 10 characters is 56.25 pt, 51.25 pt inside the cell margins: 4 CJK characters of 11 pt a line.
    expect(wrappedLines("农村义务教育学生数", 10, 11)).toBe(3);
    expect(wrappedLines("学生数", 10, 11)).toBe(1);
    expect(wrappedLines("Budget year", 10, 11)).toBe(2);
    expect(wrappedLines("一\n二", 10, 11)).toBe(2);
  });

  it("sets a row tall enough for its longest wrapped cell, and leaves one-line rows alone", () => {
    const sheet: SheetPlan = {
      ...wideSheet(2, 10),
      blocks: [
        {
          anchor: "A1",
          cells: [
            [{ v: "农村义务教育学生数" }, { v: "短" }],
            [{ v: "短" }, { v: "短" }],
          ],
        },
      ],
      formats: [{ range: "A1:B2", style: "note" }],
    };
    expect(wrappedRowHeights(sheet, STYLES)).toEqual([{ row: 0, height: 3 * 16 + 2 }]);
  });

  it("wraps a text too wide for its cell when the next cell holds something, and gives its row the height", () => {
    const sheet: SheetPlan = {
      ...wideSheet(2, 10),
      blocks: [{ anchor: "A1", cells: [[{ v: "农村义务教育学生数" }, { v: 3 }]] }],
    };
    const finished = finishForPrint(sheet, {}, STYLES, HEADING);
    expect(finished.formats).toEqual([{ range: "A1", style: "wrap" }]);
    expect(finished.rows).toEqual([{ row: 0, height: 50 }]);
  });
});

describe("wrapped columns of a table", () => {
  /** A table of two columns (A 10 characters wide, B 10) with a header row and these rows of A and B. */
  const tableSheet = (rows: readonly (readonly [string, string | number | null])[]): SheetPlan => ({
    ...wideSheet(2, 10),
    blocks: [
      {
        anchor: "A1",
        cells: [
          [{ v: "名称" }, { v: "数" }],
          ...rows.map(([a, b]) => [{ v: a }, b === null ? null : { v: b }]),
        ],
      },
    ],
    tables: [
      {
        name: "tblT",
        range: `A1:B${rows.length + 1}`,
        columns: [{ name: "名称" }, { name: "数" }],
        style: "",
      },
    ],
  });
  const long = "农村义务教育学生数";

  it("wraps a table's column in one format over its data rows, not cell by cell, with the rows' heights", () => {
    const finished = finishForPrint(
      tableSheet([
        [long, 1],
        ["短", 2],
        [long, 3],
        [long, 4],
      ]),
      {},
      STYLES,
      HEADING,
    );
    expect(finished.formats).toEqual([{ range: "A2:A5", style: "wrap" }]);
    expect(finished.rows).toEqual([2, 4, 5].map((row) => ({ row: row - 1, height: 50 })));
  });

  it("leaves out of the wrapped runs a text that runs on over the empty cell beside it", () => {
    const finished = finishForPrint(
      tableSheet([
        [long, 1],
        ["短", 2],
        [long, null],
        [long, 4],
        [long, 5],
      ]),
      {},
      STYLES,
      HEADING,
    );
    expect(finished.formats).toEqual([
      { range: "A2:A3", style: "wrap" },
      { range: "A5:A6", style: "wrap" },
    ]);
    expect(finished.rows).toEqual([2, 5, 6].map((row) => ({ row: row - 1, height: 50 })));
  });

  it("gives every sample sheet the row heights it would have with only its too-wide texts wrapped, cell by cell", () => {
    // The wrapped runs also cover texts that fit: wrapped, each still takes one line, so no row grows.
    for (const id of SAMPLE_IDS)
      for (const sheet of samplePlan(id).sheets) {
        const texts = new Map<string, string>();
        for (const block of sheet.blocks) {
          const anchor = parseCell(block.anchor);
          block.cells.forEach((line, r) =>
            line.forEach((cell, c) => {
              if (typeof cell?.v === "string")
                texts.set(cellAddress(anchor.row + r, anchor.column + c), cell.v);
            }),
          );
        }
        const width = (column: number) =>
          sheet.columns.find((c) => c.column === columnLetter(column))?.width ?? 8.43;
        const tooWide = sheet.formats.flatMap((format) => {
          if (format.style !== "wrap") return [format];
          const { start, end } = parseRange(format.range);
          const cells: RangeFormat[] = [];
          for (let r = start.row; r <= end.row; r++) {
            const text = texts.get(cellAddress(r, start.column));
            const room = columnWidthPoints(width(start.column)) - 4;
            if (start.column !== end.column || (text !== undefined && textWidth(text, 11) > room))
              cells.push({
                range: start.column === end.column ? cellAddress(r, start.column) : format.range,
                style: "wrap",
              });
          }
          return start.column === end.column ? cells : [format];
        });
        expect([sheet.name, wrappedRowHeights({ ...sheet, formats: tooWide }, STYLES)]).toEqual([
          sheet.name,
          sheet.rows ?? [],
        ]);
      }
  });
});

describe("every sheet of the budget workbook on A4", () => {
  it.each(SAMPLE_IDS)("prints at 8 pt or more for the %s sample", (id) => {
    expect(smallPrints(samplePlan(id))).toEqual([]);
  });

  it("prints at 8 pt or more for generated districts of 1 to 300 schools", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 300 }), (seed, n) => {
        const district = generateDistrict(seed, n);
        const { plan, problems } = buildWorkbook(district, getPack(district.policyPack), OPTIONS);
        expect(problems).toEqual([]);
        expect(smallPrints(plan)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it.each(SAMPLE_IDS)("has the page header and footer on every sheet of the %s sample", (id) => {
    const plan = samplePlan(id);
    const missing = plan.sheets.filter(
      (s) => !headerFooterCode(s.print.header).includes(s.name) || s.print.footer?.center !== PAGE_OF_PAGES,
    );
    expect(missing.map((s) => s.name)).toEqual([]);
  });
});
