/**
 * The budget workbook as LibreOffice prints it: both samples' .xlsx exported to PDF (A4, each sheet's print setup)
 * and read back word by word with poppler (pdftotext -bbox-layout).
 */
import type { SheetPlan, WorkbookPlan } from "../../../src/plan/types";
import { writeXlsx } from "../../../src/writers/xlsx";
import { convertToPdfWithLibreOffice } from "../../support/libreoffice";
import { overlappingWords, pdfWords, type PdfPage, type PdfWord } from "../../support/pdf";
import { SAMPLE_IDS, samplePlan } from "./samplePlans";

// LibreOffice runs as long as it needs (no wall-clock limit in the helper); this is only the safety net.
jest.setTimeout(600_000);

const A4 = { short: 595.3, long: 841.9 };

/** A sheet of 8-point text, printed at 100 %: the height of its words' boxes is what 8 pt prints as. */
function eightPoint(): WorkbookPlan {
  const sheet: SheetPlan = {
    name: "八磅",
    key: "eight",
    blocks: [{ anchor: "A1", cells: [[{ v: "八磅字样" }], [{ v: "Eight 8" }]] }],
    columns: [{ column: "A", width: 30 }],
    formats: [{ range: "A1:A2", style: "small" }],
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    print: { orientation: "portrait", fitToWidth: false, scale: 100 },
  };
  return {
    sheets: [sheet],
    names: [],
    styles: { small: { fontSize: 8 } },
    checks: [],
    properties: { title: "8 pt", district: "", budgetYear: 2026, policyPack: "", generator: "test" },
  };
}

const height = (word: PdfWord): number => word.yMax - word.yMin;
const show = (page: PdfPage, [a, b]: [PdfWord, PdfWord]): string =>
  `page ${page.number}: "${a.text}" over "${b.text}"`;

let eightPointHeight: number;
beforeAll(async () => {
  const pages = await pdfWords(await convertToPdfWithLibreOffice(await writeXlsx(eightPoint())));
  eightPointHeight = Math.min(...(pages[0]?.words ?? []).map(height));
});

describe.each(SAMPLE_IDS)("the %s budget workbook printed to PDF by LibreOffice", (id) => {
  let pages: PdfPage[];
  beforeAll(async () => {
    pages = await pdfWords(await convertToPdfWithLibreOffice(await writeXlsx(samplePlan(id))));
  });

  it("prints on A4 pages", () => {
    expect(pages.length).toBeGreaterThan(0);
    const sizes = new Set(
      pages.map((p) =>
        [p.width, p.height]
          .sort((a, b) => a - b)
          .map(Math.round)
          .join("×"),
      ),
    );
    expect([...sizes]).toEqual([`${Math.round(A4.short)}×${Math.round(A4.long)}`]);
  });

  it("prints no text smaller than 8 pt", () => {
    expect(eightPointHeight).toBeGreaterThan(0);
    const small = pages.flatMap((page) =>
      page.words
        .filter((word) => height(word) < eightPointHeight - 0.05)
        .map(
          (word) =>
            `page ${page.number}: "${word.text}" ${((8 * height(word)) / eightPointHeight).toFixed(2)} pt`,
        ),
    );
    expect(small.slice(0, 20)).toEqual([]);
  });

  it("has no page whose text runs over other text", () => {
    const overlaps = pages.flatMap((page) => overlappingWords(page).map((pair) => show(page, pair)));
    expect(overlaps.slice(0, 20)).toEqual([]);
  });

  it("prints 汇总's charts on the first page of 汇总", () => {
    const plan = samplePlan(id);
    const summary = plan.sheets.find((s) => s.key === "summary");
    const titles = (summary?.charts ?? []).map((c) => c.title.replace(/\s/g, ""));
    expect(titles).toHaveLength(2);
    const first = pages.find((page) => page.words.some((w) => w.text.includes("教育经费预算汇总")));
    const text = (first?.words ?? []).map((w) => w.text).join("");
    for (const title of titles) expect(text).toContain(title);
  });

  it("prints the page header and the footer 第 n 页 共 m 页 on every page", () => {
    const missing = pages.filter((page) => {
      const text = page.words.map((w) => w.text).join(" ");
      return (
        !text.includes(`第 ${page.number} 页 共 ${pages.length} 页`) || !page.words.some((w) => w.yMax < 40)
      );
    });
    expect(missing.map((p) => p.number)).toEqual([]);
  });
});
