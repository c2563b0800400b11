/**
 * Renders the parts of one SheetPlan through a Batch: 2-D blocks for values, formulas and number formats (split by
 * rows only when a request would outgrow the byte limit), and one call per property per range for everything else.
 */
import { cellAddress, parseCell, parseRange, rangeAddress, splitSheetRef } from "../../plan/address";
import {
  FIT_TO_WIDTH,
  PAPER,
  checkedList,
  columnWidthPoints,
  listSource,
  styleNamed,
  titleColumns,
  titleRows,
} from "../../plan/excelRules";
import {
  isFormulaCell,
  type Block,
  type CellStyle,
  type ChartPlan,
  type RangeFormat,
  type SheetPlan,
} from "../../plan/types";
import { Batch, CALL_BYTES, utf8Length } from "./batch";
import type { BorderEdge, HeaderFooterLike, RangeLike, WorksheetLike } from "./excelSubset";
import { rewriteReferences, type ReferenceMaps } from "./references";

type GridProperty = "values" | "formulas" | "numberFormat";
type Grid = readonly (readonly unknown[])[];

/** Write a 2-D array at (top, left), in as few requests as the byte limit allows. Null cells are left unchanged. */
export async function writeGrid(
  batch: Batch,
  sheet: WorksheetLike,
  top: number,
  left: number,
  grid: Grid,
  property: GridProperty,
): Promise<void> {
  if (grid.length === 0 || grid.every((row) => row.every((v) => v === null))) return;
  const width = (grid[0] as readonly unknown[]).length;
  const rowBytes = grid.map((row) => utf8Length(JSON.stringify(row)) + 1);
  const fixed = 2 * CALL_BYTES + 32;
  let row = 0;
  while (row < grid.length) {
    const room = batch.room();
    let end = row;
    let bytes = fixed;
    while (end < grid.length && bytes + (rowBytes[end] as number) <= room) bytes += rowBytes[end++] as number;
    if (end === row) {
      if (batch.isEmpty) throw new RangeError(`row ${top + row + 1} alone is larger than one Excel request`);
      await batch.flush();
      continue;
    }
    const slice = grid.slice(row, end) as unknown[][];
    const address = rangeAddress(top + row, left, top + end - 1, left + width - 1);
    await batch.queueSized(bytes, () => (sheet.getRange(address)[property] = slice), 2);
    row = end;
  }
}

function blockGrid<T>(
  block: Block,
  pick: (cell: Block["cells"][number][number]) => T | null,
): (T | null)[][] {
  return block.cells.map((row) => row.map(pick));
}

const isTextValue = (cell: Block["cells"][number][number]): boolean =>
  cell !== null && !isFormulaCell(cell) && typeof cell.v === "string";

/**
 * Constants of a block. Every text constant is written into a cell formatted as text ("@") so Excel keeps it as
 * typed (no formula from "=…", no number from "007", no date from "3-4"), then the cell's format is put back to
 * General; changing a format later does not re-read the text. The sheet's formats are applied after this.
 */
export async function writeConstants(batch: Batch, sheet: WorksheetLike, block: Block): Promise<void> {
  const { row, column } = parseCell(block.anchor);
  await writeGrid(
    batch,
    sheet,
    row,
    column,
    blockGrid(block, (c) => (isTextValue(c) ? "@" : null)),
    "numberFormat",
  );
  const values = blockGrid(block, (c) => (c === null || isFormulaCell(c) ? null : c.v));
  await writeGrid(batch, sheet, row, column, values, "values");
  await writeGrid(
    batch,
    sheet,
    row,
    column,
    blockGrid(block, (c) => (isTextValue(c) ? "General" : null)),
    "numberFormat",
  );
}

export async function writeFormulas(batch: Batch, sheet: WorksheetLike, block: Block, maps: ReferenceMaps) {
  const { row, column } = parseCell(block.anchor);
  const formulas = blockGrid(block, (c) =>
    c !== null && isFormulaCell(c) ? `=${rewriteReferences(c.f, maps)}` : null,
  );
  await writeGrid(batch, sheet, row, column, formulas, "formulas");
}

export async function writeLayout(batch: Batch, sheet: WorksheetLike, plan: SheetPlan, tabColor?: string) {
  if (tabColor) await batch.queue([tabColor], () => (sheet.tabColor = `#${tabColor}`));
  for (const { column, width } of plan.columns) {
    const points = columnWidthPoints(width);
    await batch.queue(
      [column, points],
      () => (sheet.getRange(`${column}:${column}`).format.columnWidth = points),
      2,
    );
  }
  // The rows of one height in one call: consecutive ones as one area, the areas together (a table whose wrapped
  // rows are scattered among one-line rows would otherwise take a call a run).
  for (const { areas, height } of rowHeightAreas(plan.rows ?? [])) {
    const rows = areas.join(",");
    await batch.queue(
      [rows, height],
      () =>
        areas.length === 1
          ? (sheet.getRange(rows).format.rowHeight = height)
          : (sheet.getRanges(rows).format.rowHeight = height),
      2,
    );
  }
  for (const merge of plan.merges) await batch.queue([merge], () => sheet.getRange(merge).merge(false), 2);
}

/**
 * The sheet's formats with each run of consecutive ones of one style over adjacent cells joined into one range (a
 * column of wrapped cells would otherwise take a call a cell). Only neighbours in the list are joined, so a later
 * format still overrides an earlier one where they overlap.
 */
export function coalesceFormats(formats: readonly RangeFormat[]): RangeFormat[] {
  const out: { style: string; top: number; left: number; bottom: number; right: number }[] = [];
  const kept: RangeFormat[] = [];
  const flush = () => {
    for (const r of out.splice(0))
      kept.push({ range: rangeAddress(r.top, r.left, r.bottom, r.right), style: r.style });
  };
  for (const format of formats) {
    const box = boxOf(format.range);
    if (!box) {
      flush();
      kept.push(format);
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.style === format.style) {
      if (last.left === box.left && last.right === box.right && box.top === last.bottom + 1) {
        last.bottom = box.bottom;
        continue;
      }
      if (last.top === box.top && last.bottom === box.bottom && box.left === last.right + 1) {
        last.right = box.right;
        continue;
      }
    }
    flush();
    out.push({ style: format.style, ...box });
  }
  flush();
  return kept;
}

/** A range's corners (0-based), or undefined for a whole row or column ("A:A", "3:3"). */
function boxOf(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(range)) return undefined;
  const { start, end } = parseRange(range);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

/** Runs of consecutive rows (0-based, in row order) that have the same height. */
export function rowRuns(
  rows: readonly { readonly row: number; readonly height: number }[],
): { first: number; last: number; height: number }[] {
  const runs: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of rows) {
    const run = runs[runs.length - 1];
    if (run && run.last === row - 1 && run.height === height) run.last = row;
    else runs.push({ first: row, last: row, height });
  }
  return runs;
}

/**
 * The longest address of several areas the writer passes to getRanges. Excel documents no limit, but rejects some
 * addresses of about 8,200 characters and more (office-js issue 5198): well under that.
 */
export const AREAS_ADDRESS_CHARACTERS = 2000;

/**
 * The rows of each height as areas of whole rows ("3:3", "7:9"): runs of consecutive rows, in row order, those of
 * one height together in groups whose address (joined by commas) stays within AREAS_ADDRESS_CHARACTERS.
 */
export function rowHeightAreas(
  rows: readonly { readonly row: number; readonly height: number }[],
): { areas: string[]; height: number }[] {
  const groups: { areas: string[]; height: number; characters: number }[] = [];
  const open = new Map<number, { areas: string[]; height: number; characters: number }>();
  for (const { first, last, height } of rowRuns(rows)) {
    const area = `${first + 1}:${last + 1}`;
    let group = open.get(height);
    if (!group || group.characters + 1 + area.length > AREAS_ADDRESS_CHARACTERS) {
      group = { areas: [], height, characters: -1 };
      groups.push(group);
      open.set(height, group);
    }
    group.areas.push(area);
    group.characters += 1 + area.length;
  }
  return groups.map(({ areas, height }) => ({ areas, height }));
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

/** One call per style property for the whole range; the number format as one 2-D array. */
export async function writeStyle(batch: Batch, sheet: WorksheetLike, address: string, style: CellStyle) {
  const range = (): RangeLike => sheet.getRange(address);
  const set = (args: readonly unknown[], apply: (r: RangeLike) => void) =>
    batch.queue([address, ...args], () => apply(range()), 2);
  if (style.numFmt !== undefined) {
    const { start, end } = parseRange(address);
    const row = Array.from({ length: end.column - start.column + 1 }, () => style.numFmt);
    const grid = Array.from({ length: end.row - start.row + 1 }, () => row);
    await writeGrid(batch, sheet, start.row, start.column, grid, "numberFormat");
  }
  if (style.bold !== undefined) await set([style.bold], (r) => (r.format.font.bold = style.bold as boolean));
  if (style.italic !== undefined)
    await set([style.italic], (r) => (r.format.font.italic = style.italic as boolean));
  if (style.fontSize !== undefined)
    await set([style.fontSize], (r) => (r.format.font.size = style.fontSize as number));
  if (style.color !== undefined) await set([style.color], (r) => (r.format.font.color = `#${style.color}`));
  if (style.fill !== undefined) await set([style.fill], (r) => (r.format.fill.color = `#${style.fill}`));
  if (style.horizontal !== undefined) {
    const align = ALIGN[style.horizontal];
    await set([align], (r) => (r.format.horizontalAlignment = align));
  }
  if (style.wrap !== undefined) await set([style.wrap], (r) => (r.format.wrapText = style.wrap as boolean));
  if (style.border) {
    const { start, end } = parseRange(address);
    const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (end.row > start.row) edges.push("InsideHorizontal");
    if (end.column > start.column) edges.push("InsideVertical");
    for (const edge of edges)
      await batch.queue(
        [address, edge],
        () => (range().format.borders.getItem(edge).style = "Continuous"),
        3,
      );
  }
}

export const styleOf = styleNamed;

export async function writeRules(
  batch: Batch,
  sheet: WorksheetLike,
  plan: SheetPlan,
  styles: { readonly [id: string]: CellStyle },
  maps: ReferenceMaps,
) {
  for (const rule of plan.conditionalFormats) {
    const style = styleOf(styles, rule.style, `${plan.name} conditional format ${rule.range}`);
    const formula = `=${rewriteReferences(rule.formula, maps)}`;
    await batch.queue(
      [rule.range, formula, style],
      () => {
        const custom = sheet.getRange(rule.range).conditionalFormats.add("Custom").custom;
        custom.rule.formula = formula;
        if (style.color) custom.format.font.color = `#${style.color}`;
        if (style.bold !== undefined) custom.format.font.bold = style.bold;
        if (style.fill) custom.format.fill.color = `#${style.fill}`;
      },
      6,
    );
  }
  for (const validation of plan.validations) {
    const source = listSource(checkedList(validation.list, `${plan.name} validation ${validation.range}`));
    await batch.queue(
      [validation.range, source, validation.errorMessage],
      () => {
        const range = sheet.getRange(validation.range);
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
        range.dataValidation.errorAlert = {
          message: validation.errorMessage,
          showAlert: true,
          style: "Stop",
          title: "",
        };
      },
      3,
    );
  }
}

export async function writePageSetup(batch: Batch, sheet: WorksheetLike, plan: SheetPlan) {
  const freeze = plan.freeze;
  if (freeze && freeze.rows > 0 && freeze.columns > 0) {
    const frozen = rangeAddress(0, 0, freeze.rows - 1, freeze.columns - 1);
    await batch.queue([frozen], () => sheet.freezePanes.freezeAt(frozen));
  } else if (freeze && freeze.rows > 0)
    await batch.queue([freeze.rows], () => sheet.freezePanes.freezeRows(freeze.rows));
  else if (freeze && freeze.columns > 0)
    await batch.queue([freeze.columns], () => sheet.freezePanes.freezeColumns(freeze.columns));
  const orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
  await batch.queue([orientation], () => (sheet.pageLayout.orientation = orientation));
  // The budget is printed on A4, whatever the machine's default paper.
  await batch.queue([PAPER.name], () => (sheet.pageLayout.paperSize = PAPER.name));
  if (plan.print.fitToWidth)
    await batch.queue(
      [FIT_TO_WIDTH.wide, FIT_TO_WIDTH.tall],
      () =>
        (sheet.pageLayout.zoom = {
          horizontalFitToPages: FIT_TO_WIDTH.wide,
          verticalFitToPages: FIT_TO_WIDTH.tall,
        }),
    );
  else if (plan.print.scale !== undefined) {
    const scale = plan.print.scale;
    await batch.queue([scale], () => (sheet.pageLayout.zoom = { scale }));
  }
  const titles = titleRows(plan.print);
  if (titles) {
    const rows = `$${titles.first}:$${titles.last}`;
    await batch.queue([rows], () => sheet.pageLayout.setPrintTitleRows(rows));
  }
  const columns = titleColumns(plan.print);
  if (columns) {
    const range = `$${columns.first}:$${columns.last}`;
    await batch.queue([range], () => sheet.pageLayout.setPrintTitleColumns(range));
  }
  // Each chart page starts where the plan says, as in the .xlsx (a break before the row's first cell).
  for (const row of plan.pageBreaks ?? []) {
    const cell = `A${row + 1}`;
    await batch.queue([cell], () => sheet.horizontalPageBreaks.add(cell));
  }
  const parts: [keyof HeaderFooterLike, string | undefined][] = [
    ["leftHeader", plan.print.header?.left],
    ["centerHeader", plan.print.header?.center],
    ["rightHeader", plan.print.header?.right],
    ["leftFooter", plan.print.footer?.left],
    ["centerFooter", plan.print.footer?.center],
    ["rightFooter", plan.print.footer?.right],
  ];
  for (const [part, text] of parts)
    if (text !== undefined && text !== "")
      await batch.queue(
        [part, text],
        () => (sheet.pageLayout.headersFooters.defaultForAllPages[part] = text),
        3,
      );
}

const CHART_TYPES = { column: "ColumnClustered", bar: "BarClustered", pie: "Pie" } as const;

/** A live Excel chart: its series read the cells (of its own sheet, or the sheet a reference names). */
export async function writeChart(
  batch: Batch,
  sheet: WorksheetLike,
  chart: ChartPlan,
  sheetNamed: (planName: string) => WorksheetLike,
) {
  const first = chart.series[0];
  if (!first) throw new RangeError(`chart "${chart.title}" has no series`);
  const rangeOf = (reference: string): RangeLike => {
    const { sheet: name, address } = splitSheetRef(reference);
    return (name === undefined ? sheet : sheetNamed(name)).getRange(address);
  };
  const calls = 5 + chart.series.length * 8;
  await batch.queue(
    [chart],
    () => {
      const added = sheet.charts.add(CHART_TYPES[chart.type], rangeOf(first.values), "Columns");
      added.title.text = chart.title;
      chart.series.forEach((plan, i) => {
        const series = i === 0 ? added.series.getItemAt(0) : added.series.add(plan.name);
        series.name = plan.name;
        if (i > 0) series.setValues(rangeOf(plan.values));
        series.setXAxisValues(rangeOf(chart.categories));
      });
      added.setPosition(chart.from, chart.to);
    },
    calls,
  );
}

export { cellAddress };
