/**
 * The .xlsx writer's charts as LibreOffice draws them: a workbook with a column, a bar and a pie chart (each on a
 * sheet of its own, reading the cells of 数据) and a chart beside 数据's cells, exported to PDF once; each page's
 * words (pdftotext) and pixels (pdftoppm) show the chart LibreOffice read from the chart parts.
 */
import { spawn } from "child_process";
import { mkdtemp, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { writeXlsx } from "../../../src/writers/xlsx";
import { convertToPdfWithLibreOffice } from "../../support/libreoffice";
import { pdfWords, type PdfPage } from "../../support/pdf";
import { CHARTS, SCHOOLS, chartPlan } from "./chartPlans";

// LibreOffice runs as long as it needs (no wall-clock limit in the helper); this is only the safety net.
jest.setTimeout(600_000);

/** Resolution of the page images, dots per inch: 1 dot is 2 points. */
const DPI = 36;
const POINTS_PER_DOT = 72 / DPI;

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

/** One page of the PDF as pdftoppm renders it (a binary PPM: "P6 width height 255" then RGB bytes). */
async function pagePixels(pdf: Uint8Array, page: number): Promise<Pixels> {
  const dir = await mkdtemp(join(tmpdir(), "edu-budget-ppm-"));
  try {
    await writeFile(join(dir, "book.pdf"), pdf);
    await new Promise<void>((resolve, reject) => {
      const args = ["-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile"];
      const child = spawn("pdftoppm", [...args, join(dir, "book.pdf"), join(dir, "page")]);
      child.on("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "ENOENT"
            ? new Error("pdftoppm is not installed: apt-get install -y poppler-utils")
            : error,
        ),
      );
      child.on("close", (code) =>
        code === 0 ? resolve() : reject(new Error(`pdftoppm exited with ${code}`)),
      );
    });
    const data = await readFile(join(dir, "page.ppm"));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
    if (!header) throw new Error("pdftoppm wrote no binary PPM");
    const offset = header[0].length;
    return {
      width: Number(header[1]),
      height: Number(header[2]),
      rgb: new Uint8Array(data.subarray(offset)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The box, in points from the page's top left, of the coloured dots (text and rules print black or grey). */
function colouredBox(pixels: Pixels): {
  count: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
} {
  let [count, left, top, right, bottom] = [0, Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < pixels.height; y++)
    for (let x = 0; x < pixels.width; x++) {
      const at = 3 * (y * pixels.width + x);
      const [r, g, b] = [pixels.rgb[at] ?? 0, pixels.rgb[at + 1] ?? 0, pixels.rgb[at + 2] ?? 0];
      if (Math.max(r, g, b) - Math.min(r, g, b) < 60) continue;
      count++;
      [left, top, right, bottom] = [
        Math.min(left, x),
        Math.min(top, y),
        Math.max(right, x),
        Math.max(bottom, y),
      ];
    }
  const p = POINTS_PER_DOT;
  return { count, left: left * p, top: top * p, right: right * p, bottom: bottom * p };
}

const textOf = (page: PdfPage): string => page.words.map((w) => w.text).join("");

let pdf: Uint8Array;
let pages: PdfPage[];
beforeAll(async () => {
  pdf = await convertToPdfWithLibreOffice(await writeXlsx(chartPlan()));
  pages = await pdfWords(pdf);
});

/** The page that shows a chart's title: each sheet prints on one page, so this is the chart's sheet. */
const pageWith = (title: string): PdfPage => {
  const found = pages.filter((page) => textOf(page).includes(title.replace(/\s/g, "")));
  expect(found).toHaveLength(1);
  return found[0] as PdfPage;
};

describe.each([
  ["column", CHARTS.column, ["学生数", "班数"]],
  ["bar", CHARTS.bar, ["班数"]],
  ["pie", CHARTS.pie, []],
] as const)("the %s chart on a sheet of its own, printed by LibreOffice", (_type, chart, legend) => {
  it("shows its title, each school as a category and its series in the legend", () => {
    const text = textOf(pageWith(chart.title));
    for (const label of [...SCHOOLS, ...legend]) expect(text).toContain(label);
  });

  it("draws its bars or slices in colour within the cells it is anchored to, the upper left of the page", async () => {
    const page = pageWith(chart.title);
    const box = colouredBox(await pagePixels(pdf, page.number));
    expect(box.count).toBeGreaterThan(200);
    // A1:F18 at 100 %: about 355 points wide and 270 high from the top-left margin; LibreOffice may set the
    // columns up to 1.3 times wider than Excel.
    expect(box.left).toBeGreaterThan(30);
    expect(box.top).toBeGreaterThan(30);
    expect(box.right).toBeLessThan(70 + 355 * 1.3);
    expect(box.bottom).toBeLessThan(70 + 270 * 1.3);
  });
});

describe("a chart beside the cells it reads, printed by LibreOffice", () => {
  it("shows its title and categories on the page of 数据's cells, and draws its columns in colour right of column D", async () => {
    // 420 students is a cell of 数据 (the chart's axis shows round numbers).
    const found = pages.filter((page) => page.words.some((w) => w.text === "420"));
    expect(found).toHaveLength(1);
    const page = found[0] as PdfPage;
    for (const label of [CHARTS.local.title, ...SCHOOLS])
      expect(page.words.filter((w) => w.text === label).length).toBeGreaterThanOrEqual(2);
    const box = colouredBox(await pagePixels(pdf, page.number));
    expect(box.count).toBeGreaterThan(200);
    // Column E starts after A (14), B and C (12) and D (Excel's default), right of the 0.7-inch margin.
    const columnE = 50.4 + 77.25 + 66.75 * 2 + 48;
    expect(box.left).toBeGreaterThan(columnE * 0.95);
  });
});
