/**
 * How a sheet prints on A4: the printed width of its columns, the scale its print setup gives, and the smallest
 * font size that scale prints. Pure: the plan's column widths, styles and print setup are all it reads. The print
 * setup every sheet gets by default (src/plan/printSetup.ts) and the tests use these to keep every sheet at a
 * readable size.
 */
import { columnIndex, columnLetter, parseCell, parseRange } from "./address";
import {
  A4_POINTS,
  MARGINS_POINTS,
  MAX_ROW_HEIGHT,
  PAGE_OF_PAGES,
  PRINT_SCALE,
  columnWidthPoints,
  headerFooterText,
} from "./excelRules";
import type { CellStyle, PrintPlan, RowPlan, SheetPlan } from "./types";

/** Excel's default font size (Calibri 11) and column width (8.43 characters, 64 pixels). */
export const DEFAULT_FONT_SIZE = 11;
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** The smallest size a printed sheet may show, in points. */
export const MIN_PRINTED_SIZE = 8;

/** The printable area of an A4 page in points, inside Excel's standard margins. */
export function printableArea(orientation: PrintPlan["orientation"]): {
  readonly width: number;
  readonly height: number;
} {
  const [shortSide, longSide] = [A4_POINTS.width, A4_POINTS.height];
  const [width, height] = orientation === "portrait" ? [shortSide, longSide] : [longSide, shortSide];
  return {
    width: width - MARGINS_POINTS.left - MARGINS_POINTS.right,
    height: height - MARGINS_POINTS.top - MARGINS_POINTS.bottom,
  };
}

/** The last column (0-based) that holds a cell, a table, a merge or a chart: the right edge of the print area. */
export function lastUsedColumn(sheet: SheetPlan): number {
  let last = 0;
  for (const block of sheet.blocks) {
    const width = block.cells[0]?.length ?? 0;
    if (width > 0) last = Math.max(last, parseCell(block.anchor).column + width - 1);
  }
  for (const range of [...sheet.tables.map((t) => t.range), ...sheet.merges])
    last = Math.max(last, parseRange(range).end.column);
  for (const chart of sheet.charts) last = Math.max(last, parseCell(chart.to).column);
  return last;
}

/** Each column's width in characters, from A to `last` (columns the plan does not size have Excel's default). */
export function columnWidths(sheet: SheetPlan, last = lastUsedColumn(sheet)): number[] {
  const widths = Array.from({ length: last + 1 }, () => DEFAULT_COLUMN_WIDTH);
  for (const { column, width } of sheet.columns) {
    const index = columnIndex(column);
    if (index <= last) widths[index] = width;
  }
  return widths;
}

/** The printed width of the sheet's used columns at 100 %, in points. */
export function contentWidth(sheet: SheetPlan): number {
  return columnWidths(sheet).reduce((sum, width) => sum + columnWidthPoints(width), 0);
}

/** The smallest font size any cell of the sheet shows (Excel's default where no style sets one). */
export function smallestFontSize(sheet: SheetPlan, styles: { readonly [id: string]: CellStyle }): number {
  let smallest = DEFAULT_FONT_SIZE;
  for (const format of sheet.formats) {
    const size = styles[format.style]?.fontSize;
    if (size !== undefined) smallest = Math.min(smallest, size);
  }
  return smallest;
}

/**
 * The scale a fit to `wide` pages gives to content `width` points wide: whole percent, rounded down as Excel does,
 * never more than 100 % (Excel does not enlarge to fit) nor less than its 10 %.
 */
export function fitScale(width: number, orientation: PrintPlan["orientation"], wide = 1): number {
  const percent = Math.floor((100 * printableArea(orientation).width * wide) / Math.max(width, 1));
  return Math.max(PRINT_SCALE.min, Math.min(100, percent)) / 100;
}

/** The scale the sheet prints at (1 = 100 %): its fit to one page wide, or its set scale. */
export function printScale(sheet: SheetPlan): number {
  if (sheet.print.fitToWidth) return fitScale(contentWidth(sheet), sheet.print.orientation);
  return (sheet.print.scale ?? 100) / 100;
}

/** The smallest font size the sheet prints at on A4, in points. */
export function printedFontSize(sheet: SheetPlan, styles: { readonly [id: string]: CellStyle }): number {
  return smallestFontSize(sheet, styles) * printScale(sheet);
}

/** The printed size, rounded to 0.01 pt, of every sheet of a plan: for reports and tests. */
export function printedSizes(plan: {
  readonly sheets: readonly SheetPlan[];
  readonly styles: { readonly [id: string]: CellStyle };
}): Record<string, number> {
  return Object.fromEntries(
    plan.sheets.map((sheet) => [sheet.name, Math.round(printedFontSize(sheet, plan.styles) * 100) / 100]),
  );
}

/* The print setup every sheet of the budget workbook gets (a sheet's definition may override parts of it). */

/** What a sheet's definition may set of its print setup; the rest is chosen for it. */
export type PrintOverride = Partial<
  Pick<PrintPlan, "orientation" | "fitToWidth" | "scale" | "repeatRows" | "repeatColumns">
>;

/** Where the page header takes its text from. */
export interface PageHeading {
  readonly district: string;
  readonly budgetYear: number;
}

/**
 * The scale, in whole percent, at which the smallest font prints at MIN_PRINTED_SIZE or more: rounded up to 5 %,
 * so that a sheet too wide for one page prints across pages at a size that reads.
 */
export function readableScale(smallestFont: number): number {
  return Math.min(100, Math.ceil((100 * MIN_PRINTED_SIZE) / smallestFont / 5) * 5);
}

/**
 * The print setup for a sheet: A4 in the builder's orientation when the sheet fits one page wide at a readable
 * size, else in the other one when that does; a sheet too wide for either prints landscape across pages at the
 * readable scale, its label columns (the frozen ones, or A) repeated on every page. The rows repeated at the top
 * are the builder's (else the frozen rows); every page has the header (district, sheet, year) and the footer
 * 第 n 页 共 m 页. What the definition overrides is kept as it says.
 */
export function choosePrintSetup(
  sheet: SheetPlan,
  styles: { readonly [id: string]: CellStyle },
  heading: PageHeading,
  override: PrintOverride = {},
): PrintPlan {
  const width = contentWidth(sheet);
  const smallest = smallestFontSize(sheet, styles);
  const readable = (orientation: PrintPlan["orientation"]) =>
    smallest * fitScale(width, orientation) >= MIN_PRINTED_SIZE;
  const preferred = override.orientation ?? sheet.print.orientation;
  const other = preferred === "portrait" ? "landscape" : "portrait";
  const fitted =
    override.fitToWidth === false || override.scale !== undefined
      ? undefined
      : readable(preferred) || override.orientation !== undefined || override.fitToWidth === true
        ? preferred
        : readable(other)
          ? other
          : undefined;
  const frozenRows = sheet.freeze?.rows ?? 0;
  const frozenColumns = sheet.freeze?.columns ?? 0;
  const repeatRows =
    override.repeatRows ?? sheet.print.repeatRows ?? (frozenRows > 0 ? `1:${frozenRows}` : undefined);
  const header = {
    left: headerFooterText(heading.district),
    center: headerFooterText(sheet.name),
    right: headerFooterText(`${heading.budgetYear} 年度`),
  };
  const footer = { center: PAGE_OF_PAGES };
  const common = { ...(repeatRows !== undefined && { repeatRows }), header, footer };
  if (fitted !== undefined) {
    return {
      orientation: fitted,
      fitToWidth: true,
      ...common,
      ...(override.repeatColumns !== undefined && { repeatColumns: override.repeatColumns }),
    };
  }
  const labels = frozenColumns > 0 ? `A:${columnLetter(frozenColumns - 1)}` : "A:A";
  return {
    orientation: override.orientation ?? "landscape",
    fitToWidth: false,
    scale: override.scale ?? readableScale(smallest),
    ...common,
    repeatColumns: override.repeatColumns ?? labels,
  };
}

/* Row heights that fit wrapped text. */

/** Width of a glyph in ems: CJK and full-width forms take a whole em, other characters about half of one. */
export function glyphWidth(codePoint: number): number {
  return codePoint >= 0x2e80 ? 1 : 0.55;
}

/** The printed width of a line of text at a font size, in points (an estimate: no font metrics in the core). */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += glyphWidth(ch.codePointAt(0) ?? 0);
  return ems * fontSize;
}

/** The lines a text wraps to in a column `width` characters wide (a cell keeps about 2 points each side). */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const room = Math.max(1, columnWidthPoints(width) - 4);
  return text
    .split("\n")
    .reduce((lines, line) => lines + Math.max(1, Math.ceil(textWidth(line, fontSize) / room)), 0);
}

/** The height of one line of text at a font size, in points: 15 for Excel's 11-point default, CJK included. */
export const lineHeight = (fontSize: number): number => Math.ceil(fontSize * 1.4);

/**
 * The rows whose wrapped text needs more than one line, with the height that shows all of it (the tallest cell of
 * the row decides; Excel's tallest row at most). Only cells of a wrapping style are measured.
 */
export function wrappedRowHeights(sheet: SheetPlan, styles: { readonly [id: string]: CellStyle }): RowPlan[] {
  const wrapped = sheet.formats
    .filter((format) => styles[format.style]?.wrap === true)
    .map((format) => ({ ...parseRange(format.range), size: styles[format.style]?.fontSize }));
  if (wrapped.length === 0) return [];
  const widths = new Map(sheet.columns.map(({ column, width }) => [columnIndex(column), width]));
  const heights = new Map<number, number>();
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    const bottom = anchor.row + block.cells.length - 1;
    const right = anchor.column + (block.cells[0]?.length ?? 0) - 1;
    for (const { start, end, size } of wrapped) {
      const [top, last] = [Math.max(start.row, anchor.row), Math.min(end.row, bottom)];
      const [left, edge] = [Math.max(start.column, anchor.column), Math.min(end.column, right)];
      for (let r = top; r <= last; r++) {
        const line = block.cells[r - anchor.row];
        for (let c = left; c <= edge; c++) {
          const text = line?.[c - anchor.column]?.v;
          if (typeof text !== "string" || text === "") continue;
          const fontSize = size ?? DEFAULT_FONT_SIZE;
          const lines = wrappedLines(text, widths.get(c) ?? DEFAULT_COLUMN_WIDTH, fontSize);
          if (lines < 2) continue;
          const height = Math.min(MAX_ROW_HEIGHT, lines * lineHeight(fontSize) + 2);
          heights.set(r, Math.max(heights.get(r) ?? 0, height));
        }
      }
    }
  }
  return [...heights.entries()].sort(([a], [b]) => a - b).map(([row, height]) => ({ row, height }));
}

/* The signature block. */

/** Who signs a table the bureau sends, in the order they sign. */
export const SIGNATURES = ["单位负责人：", "财务负责人：", "制表人：", "日期："] as const;

/** The room a signature takes on the page: its label and a space to sign in, in points. */
const SIGNATURE_ROOM = 150;

/** The last row (0-based) that holds a cell, a table or a merge. */
export function lastUsedRow(sheet: SheetPlan): number {
  let last = 0;
  for (const block of sheet.blocks)
    last = Math.max(last, parseCell(block.anchor).row + block.cells.length - 1);
  for (const range of [...sheet.tables.map((t) => t.range), ...sheet.merges])
    last = Math.max(last, parseRange(range).end.row);
  return last;
}

/**
 * Where the signature labels go, two rows under the sheet's last row: left to right across the printed width of
 * the first page, each at the start of a column at least SIGNATURE_ROOM after the one before; what does not fit
 * on a row goes two rows further down. Rows and columns 0-based.
 */
export function signaturePlaces(
  sheet: SheetPlan,
  pageWidth: number,
): { readonly row: number; readonly column: number; readonly text: string }[] {
  const widths = columnWidths(sheet).map(columnWidthPoints);
  const starts: number[] = [];
  let x = 0;
  for (const width of widths) {
    if (x + SIGNATURE_ROOM > pageWidth) break;
    starts.push(x);
    x += width;
  }
  // Past the used columns, Excel's default width continues the row.
  while (x + SIGNATURE_ROOM <= pageWidth) {
    starts.push(x);
    x += columnWidthPoints(DEFAULT_COLUMN_WIDTH);
  }
  const places: { row: number; column: number; text: string }[] = [];
  let row = lastUsedRow(sheet) + 2;
  let from = -Infinity;
  for (const text of SIGNATURES) {
    let column = starts.findIndex((start) => start >= from);
    if (column < 0) {
      row += 2;
      column = 0;
    }
    places.push({ row, column, text });
    from = (starts[column] ?? 0) + SIGNATURE_ROOM;
  }
  return places;
}

/** What finishing a sheet reads of its definition. */
export interface PrintDefinition {
  readonly print?: PrintOverride;
  readonly signed?: boolean;
}

/**
 * A built sheet made ready to print: its print setup (choosePrintSetup), the signature block under its last row
 * when its definition says the bureau signs it, and the heights of the rows whose wrapped text needs them.
 */
export function finishForPrint<K extends string>(
  sheet: SheetPlan<K>,
  definition: PrintDefinition,
  styles: { readonly [id: string]: CellStyle },
  heading: PageHeading,
): SheetPlan<K> {
  let finished = sheet;
  if (definition.signed === true) {
    const first = choosePrintSetup(sheet, styles, heading, definition.print);
    const scale = first.fitToWidth
      ? fitScale(contentWidth(sheet), first.orientation)
      : (first.scale ?? 100) / 100;
    const places = signaturePlaces(sheet, printableArea(first.orientation).width / scale);
    finished = {
      ...sheet,
      blocks: [
        ...sheet.blocks,
        ...places.map((place) => ({
          anchor: cellAddressOf(place.row, place.column),
          cells: [[{ v: place.text }]],
        })),
      ],
      formats: [
        ...sheet.formats,
        ...places.map((place) => ({ range: cellAddressOf(place.row, place.column), style: "label" })),
      ],
    };
  }
  const print = choosePrintSetup(finished, styles, heading, definition.print);
  const rows = wrappedRowHeights(finished, styles);
  return { ...finished, print, ...(rows.length > 0 && { rows }) };
}

const cellAddressOf = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
