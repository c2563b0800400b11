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
 * How much wider than Excel another spreadsheet may set the same columns: LibreOffice without Calibri's metric
 * twin (Carlito) measures the column width unit in its fallback font, about 1.3 times Excel's. A fit to the page
 * width is kept only where the sheet still prints at a readable size that much wider; elsewhere a set scale prints
 * the same size in every program (more pages across where the columns come out wider).
 */
export const RENDERER_WIDTH_SLACK = 1.3;

/**
 * What a set scale that fits the page width keeps to spare: LibreOffice with Carlito sets a column up to 4 % wider
 * than Excel (its rounding of the width unit), which would push the last column onto a page of its own.
 */
export const SET_SCALE_SLACK = 1.05;

/**
 * The print setup for a sheet: A4, fitted to one page wide in the builder's orientation when the sheet reads
 * there at 8 pt or more (also with RENDERER_WIDTH_SLACK), else in the other orientation when it reads there;
 * otherwise landscape at a set scale: the scale that fits the page width where that reads, else the readable
 * scale, across pages with the label columns (the frozen ones, or A) repeated on every page. The rows repeated at
 * the top are the builder's (else the frozen rows); every page has the header (district, sheet, year) and the
 * footer 第 n 页 共 m 页. What the definition overrides is kept as it says.
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
    smallest * fitScale(width * RENDERER_WIDTH_SLACK, orientation) >= MIN_PRINTED_SIZE;
  const preferred = override.orientation ?? sheet.print.orientation;
  const other = preferred === "portrait" ? "landscape" : "portrait";
  const fitted =
    override.fitToWidth === false || override.scale !== undefined
      ? undefined
      : override.fitToWidth === true || readable(preferred)
        ? preferred
        : override.orientation === undefined && readable(other)
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
  const orientation = override.orientation ?? "landscape";
  const labels = frozenColumns > 0 ? `A:${columnLetter(frozenColumns - 1)}` : "A:A";
  const scale = Math.max(
    readableScale(smallest),
    Math.round(100 * fitScale(width * SET_SCALE_SLACK, orientation)),
  );
  return {
    orientation,
    fitToWidth: false,
    scale: override.scale ?? scale,
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
  const room = Math.max(1, columnWidthPoints(width) - 5);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    // Lines break between CJK characters and at spaces; a Latin word stays whole unless it is wider than a line.
    const tokens = paragraph.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? [];
    let used = 0;
    lines += 1;
    for (const token of tokens) {
      const w = textWidth(token, fontSize);
      if (used + w <= room || /^\s+$/.test(token)) used += w;
      else if (w <= room) {
        lines += 1;
        used = w;
      } else {
        const more = Math.ceil((used + w) / room) - 1;
        lines += more;
        used = used + w - more * room;
      }
    }
  }
  return lines;
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
  const widthOf = (column: number) => widths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  // A merged cell wraps across its columns: its width in characters, with the cell margins between them.
  const mergedWidth = new Map<string, number>();
  for (const range of sheet.merges) {
    const { start, end } = parseRange(range);
    let points = 0;
    for (let c = start.column; c <= end.column; c++) points += columnWidthPoints(widthOf(c));
    mergedWidth.set(cellAddressOf(start.row, start.column), (points / 0.75 - 5) / 7);
  }
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
          const width = mergedWidth.get(cellAddressOf(r, c)) ?? widthOf(c);
          const lines = wrappedLines(text, width, fontSize);
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

/** The last row (0-based) that holds a cell, a table, a merge or a chart. */
export function lastUsedRow(sheet: SheetPlan): number {
  let last = 0;
  for (const block of sheet.blocks)
    last = Math.max(last, parseCell(block.anchor).row + block.cells.length - 1);
  for (const range of [...sheet.tables.map((t) => t.range), ...sheet.merges])
    last = Math.max(last, parseRange(range).end.row);
  for (const chart of sheet.charts) last = Math.max(last, parseCell(chart.to).row);
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

/* Text that fits its cell. */

/** A rectangle of cells, 0-based and inclusive. */
interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const rectOf = (range: string): Rect => {
  const { start, end } = parseRange(range);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
};

const inside = (rects: readonly Rect[], row: number, column: number): Rect | undefined =>
  rects.find((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right);

/** The style that wraps text within its cell (in STYLES). */
export const WRAP_STYLE = "wrap";

/**
 * What makes every text of the sheet fit its cell on paper: a text wider than its column that may run on over
 * empty cells to its right within the printed columns does; one alone on its row (a remark) is merged across the
 * printed columns and wrapped there; any other is wrapped in its own cell. Wrapped cells then get their row
 * heights (wrappedRowHeights). Only constant and computed texts are measured, numbers never wrap.
 */
export function fitTexts(
  sheet: SheetPlan,
  styles: { readonly [id: string]: CellStyle },
  pageWidth = Infinity,
): { readonly formats: SheetPlan["formats"]; readonly merges: readonly string[] } {
  const used = lastUsedColumn(sheet);
  // A merge stays on the first page: one across a page break prints its text on both pages.
  const last = lastColumnWithin(sheet, pageWidth);
  const widths = columnWidths(sheet, last).map(columnWidthPoints);
  const wrapped = sheet.formats.filter((f) => styles[f.style]?.wrap === true).map((f) => rectOf(f.range));
  const sized = sheet.formats
    .filter((f) => styles[f.style]?.fontSize !== undefined)
    .map((f) => ({ ...rectOf(f.range), size: styles[f.style]?.fontSize ?? DEFAULT_FONT_SIZE }));
  const merged = sheet.merges.map(rectOf);
  const tables = sheet.tables.map((t) => rectOf(t.range));
  const occupied = new Set<number>();
  const key = (row: number, column: number) => row * 16384 + column;
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null && cell.v !== "") occupied.add(key(anchor.row + r, anchor.column + c));
      }),
    );
  }
  for (const m of merged)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) occupied.add(key(r, c));
  const formats: { range: string; style: string }[] = [];
  const merges: string[] = [];
  // A table's column is wrapped in runs of its data rows (one format each) rather than cell by cell: a text that
  // fits shows the same wrapped or not. The runs leave out the cells that must stay as they are: a text that runs
  // on over empty cells, and one that fits unwrapped but would measure taller wrapped (wrappedRowHeights).
  const columnsOf = new Map<string, TableColumnWrap>();
  const characterWidths = new Map(sheet.columns.map(({ column, width }) => [columnIndex(column), width]));
  const tableColumn = (row: number, column: number): TableColumnWrap | undefined => {
    const table = inside(tables, row, column);
    if (!table || row === table.top) return undefined;
    const id = `${table.top}:${table.left}:${column}`;
    let found = columnsOf.get(id);
    if (!found) {
      found = { column, top: table.top + 1, bottom: table.bottom, wraps: [], keeps: [] };
      columnsOf.set(id, found);
    }
    return found;
  };
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const text = cell?.v;
        if (typeof text !== "string" || text === "") return;
        const [row, column] = [anchor.row + r, anchor.column + c];
        if (inside(merged, row, column) || inside(wrapped, row, column)) return;
        const size = sized.find(
          (s) => row >= s.top && row <= s.bottom && column >= s.left && column <= s.right,
        );
        const width = Math.max(
          ...text.split("\n").map((part) => textWidth(part, size?.size ?? DEFAULT_FONT_SIZE)),
        );
        let room = (widths[column] ?? columnWidthPoints(DEFAULT_COLUMN_WIDTH)) - 4;
        if (width <= room) {
          // Wrapped, it would still take more than one line (a line break, or the cell margins' last point).
          const characters = characterWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
          if (width > columnWidthPoints(characters) - 5 || text.includes("\n")) {
            const ofTable = tableColumn(row, column);
            if (ofTable && wrappedLines(text, characters, DEFAULT_FONT_SIZE) > 1) ofTable.keeps.push(row);
          }
          return;
        }
        let right = column;
        while (room < width && right < used && !occupied.has(key(row, right + 1)))
          room += widths[++right] ?? 0;
        const ofTable = tableColumn(row, column);
        if (width <= room && right <= last) {
          ofTable?.keeps.push(row);
          return;
        }
        if (ofTable) {
          ofTable.wraps.push(row);
          return;
        }
        let empty = column;
        while (empty < last && !occupied.has(key(row, empty + 1))) empty++;
        const alone = empty === last && last > column && !inside(tables, row, column);
        right = last;
        const range = alone
          ? `${cellAddressOf(row, column)}:${cellAddressOf(row, right)}`
          : cellAddressOf(row, column);
        if (alone) {
          merges.push(range);
          // The merged cell looks as its first cell did: its formats cover the merge.
          for (const format of sheet.formats)
            if (inside([rectOf(format.range)], row, column)) formats.push({ range, style: format.style });
        }
        formats.push({ range, style: WRAP_STYLE });
      }),
    );
  }
  for (const wrap of columnsOf.values())
    for (const range of wrapRuns(wrap)) formats.push({ range, style: WRAP_STYLE });
  return { formats, merges };
}

/** A table column's texts too wide for their cells (rows to wrap) and those to leave unwrapped (0-based rows). */
interface TableColumnWrap {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  readonly wraps: number[];
  readonly keeps: number[];
}

/** The column's data rows between the rows to keep unwrapped, those runs that hold a row to wrap, as ranges. */
function wrapRuns({ column, top, bottom, wraps, keeps }: TableColumnWrap): string[] {
  if (wraps.length === 0) return [];
  const cuts = [top - 1, ...[...new Set(keeps)].sort((a, b) => a - b), bottom + 1];
  const runs: string[] = [];
  let next = 0;
  const sorted = [...wraps].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [(cuts[i] as number) + 1, (cuts[i + 1] as number) - 1];
    let holds = false;
    while (next < sorted.length && (sorted[next] as number) <= to) {
      if ((sorted[next] as number) >= from) holds = true;
      next++;
    }
    if (holds)
      runs.push(from === to ? cellAddressOf(from, column) : rangeAddressOf(from, column, to, column));
  }
  return runs;
}

/**
 * The last used column (0-based) whose right edge is within `pageWidth` points at 100 % (column A at least): the
 * columns the first page across holds.
 */
export function lastColumnWithin(sheet: SheetPlan, pageWidth: number): number {
  const used = lastUsedColumn(sheet);
  const widths = columnWidths(sheet, used);
  let last = 0;
  for (let x = 0, c = 0; c <= used; c++) {
    x += columnWidthPoints(widths[c] ?? DEFAULT_COLUMN_WIDTH);
    if (x > pageWidth && c > 0) break;
    last = c;
  }
  return last;
}

/** The last column (0-based) the first page across prints at a print setup: every used one when it fits to width. */
export function lastColumnOnFirstPage(sheet: SheetPlan, print: PrintPlan): number {
  return print.fitToWidth ? lastUsedColumn(sheet) : lastColumnWithin(sheet, pageWidthAt(print));
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
  const setup = choosePrintSetup(finished, styles, heading, definition.print);
  const fit = fitTexts(finished, styles, setup.fitToWidth ? Infinity : pageWidthAt(setup));
  if (fit.formats.length > 0)
    finished = {
      ...finished,
      formats: [...finished.formats, ...fit.formats],
      merges: [...finished.merges, ...fit.merges],
    };
  const print = choosePrintSetup(finished, styles, heading, definition.print);
  const rows = wrappedRowHeights(finished, styles);
  return { ...finished, print, ...(rows.length > 0 && { rows }) };
}

/** The sheet's width that one page holds at the setup's set scale, in points at 100 %. */
const pageWidthAt = (setup: PrintPlan): number =>
  (printableArea(setup.orientation).width * 100) / (setup.scale ?? 100);

const cellAddressOf = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;

const rangeAddressOf = (top: number, left: number, bottom: number, right: number): string =>
  `${cellAddressOf(top, left)}:${cellAddressOf(bottom, right)}`;
