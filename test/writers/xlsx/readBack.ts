/** Reads a written .xlsx back with exceljs and lists every way it differs from its plan (empty = faithful). */
import ExcelJS from "exceljs";
import type { Cell, Worksheet } from "exceljs";
import { parseCell, parseRange } from "../../../src/plan/address";
import { headerFooterCode } from "../../../src/plan/excelRules";
import type { CellStyle, PlanCell, SheetPlan, WorkbookPlan } from "../../../src/plan/types";
import { isFormulaCell } from "../../../src/plan/types";

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

/** What exceljs reads but does not declare in its typings. */
interface SheetExtras {
  readonly conditionalFormattings: readonly { ref: string; rules: { type: string; formulae?: string[] }[] }[];
  readonly dataValidations: {
    readonly model: { readonly [address: string]: ExcelJS.DataValidation | undefined };
  };
}
export const extras = (ws: Worksheet): SheetExtras => ws as unknown as SheetExtras;

export function forEachCellOf(range: string, visit: (row: number, column: number) => void): void {
  const { start, end } = parseRange(range);
  for (let r = start.row; r <= end.row; r++) for (let c = start.column; c <= end.column; c++) visit(r, c);
}

const cellAt = (ws: Worksheet, row: number, column: number): Cell => ws.getRow(row + 1).getCell(column + 1);

function cellDifference(cell: Cell, planned: PlanCell): string | undefined {
  if (planned === null)
    return cell.value === null ? undefined : `expected empty, found ${JSON.stringify(cell.value)}`;
  if (!isFormulaCell(planned)) {
    const same = cell.formula === undefined && cell.value === planned.v;
    return same
      ? undefined
      : `expected value ${JSON.stringify(planned.v)}, found ${JSON.stringify(cell.value)}`;
  }
  if (cell.formula !== planned.f) return `expected formula ${planned.f}, found ${String(cell.formula)}`;
  // Read the result directly: exceljs's cell.value copy drops a 0 or FALSE result. Its reader also drops an empty
  // text result (the file holds it: see the test on the file's XML).
  const result = cell.result === undefined && planned.v === "" ? "" : cell.result;
  const same = JSON.stringify(result) === JSON.stringify(planned.v);
  return same
    ? undefined
    : `formula ${planned.f}: expected result ${JSON.stringify(planned.v)}, found ${JSON.stringify(cell.result)}`;
}

/** The style a cell should have: every format covering it, in order, later properties winning. */
function plannedStyles(sheet: SheetPlan, styles: WorkbookPlan["styles"]): Map<string, CellStyle> {
  const byCell = new Map<string, CellStyle>();
  for (const format of sheet.formats) {
    forEachCellOf(format.range, (r, c) => {
      const key = `${r},${c}`;
      byCell.set(key, { ...byCell.get(key), ...styles[format.style] });
    });
  }
  return byCell;
}

function styleDifference(cell: Cell, style: CellStyle): string | undefined {
  const found = {
    numFmt: cell.numFmt ?? undefined,
    bold: cell.font?.bold ?? undefined,
    fill: cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb?.slice(2) : undefined,
    border: cell.border?.top?.style === "thin" && cell.border.bottom?.style === "thin" ? true : undefined,
    horizontal: cell.alignment?.horizontal,
  };
  const expected = {
    numFmt: style.numFmt,
    bold: style.bold,
    fill: style.fill?.toUpperCase(),
    border: style.border || undefined,
    horizontal: style.horizontal,
  };
  return JSON.stringify(found) === JSON.stringify(expected)
    ? undefined
    : `style ${JSON.stringify(found)} ≠ planned ${JSON.stringify(expected)}`;
}

function sheetDifferences(ws: Worksheet, sheet: SheetPlan, plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const at = (r: number, c: number): string => `${sheet.name}!${cellAt(ws, r, c).address}`;
  const merged = new Set<string>();
  for (const range of sheet.merges) forEachCellOf(range, (r, c) => r + c > 0 && merged.add(`${r},${c}`));
  for (const block of sheet.blocks) {
    const origin = parseCell(block.anchor);
    block.cells.forEach((row, r) =>
      row.forEach((planned, c) => {
        const [rr, cc] = [origin.row + r, origin.column + c];
        if (planned === null && merged.has(`${rr},${cc}`)) return;
        const difference = cellDifference(cellAt(ws, rr, cc), planned);
        if (difference) problems.push(`${at(rr, cc)}: ${difference}`);
      }),
    );
  }
  for (const [key, style] of plannedStyles(sheet, plan.styles)) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    const difference = styleDifference(cellAt(ws, r, c), style);
    if (difference) problems.push(`${at(r, c)}: ${difference}`);
  }
  for (const { column, width } of sheet.columns) {
    if (Math.abs((ws.getColumn(column).width ?? 0) - width) > 1e-3)
      problems.push(`${sheet.name} column ${column}: width ${ws.getColumn(column).width}`);
  }
  const merges = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
  if (JSON.stringify(merges) !== JSON.stringify([...sheet.merges].sort()))
    problems.push(`${sheet.name}: merges ${merges}`);
  const tables = ws.getTables().map((t) => {
    const table = (t as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } })
      .table;
    return { name: table.name, range: table.tableRef, columns: table.columns.map((column) => column.name) };
  });
  const plannedTables = sheet.tables.map((t) => ({
    name: t.name,
    range: t.range,
    columns: t.columns.map((c) => c.name),
  }));
  if (JSON.stringify(tables) !== JSON.stringify(plannedTables))
    problems.push(`${sheet.name}: tables ${JSON.stringify(tables)}`);
  const rules = extras(ws).conditionalFormattings.map((cf) => ({
    range: cf.ref,
    formula: cf.rules[0]?.formulae?.[0],
  }));
  const plannedRules = sheet.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula }));
  if (JSON.stringify(rules) !== JSON.stringify(plannedRules))
    problems.push(`${sheet.name}: conditional formats ${JSON.stringify(rules)}`);
  for (const validation of sheet.validations) {
    forEachCellOf(validation.range, (r, c) => {
      const found = extras(ws).dataValidations.model[cellAt(ws, r, c).address];
      const list = `"${validation.list.join(",")}"`;
      if (found?.type !== "list" || found.formulae[0] !== list || found.error !== validation.errorMessage) {
        problems.push(`${at(r, c)}: validation ${JSON.stringify(found)}`);
      }
    });
  }
  const view = (ws.views as typeof ws.views | null)?.[0] as
    { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : undefined;
  const plannedFreeze =
    sheet.freeze && (sheet.freeze.rows || sheet.freeze.columns) ? sheet.freeze : undefined;
  if (JSON.stringify(frozen) !== JSON.stringify(plannedFreeze))
    problems.push(`${sheet.name}: frozen ${JSON.stringify(frozen)}`);
  const setup = ws.pageSetup;
  // exceljs reads a sheet without a header or footer as null.
  const headerFooter = ws.headerFooter as typeof ws.headerFooter | null;
  const print = {
    paperSize: setup.paperSize,
    orientation: setup.orientation,
    fitToWidth: setup.fitToPage ? setup.fitToWidth === 1 && setup.fitToHeight === 0 : false,
    scale: setup.fitToPage ? undefined : setup.scale,
    repeatRows: setup.printTitlesRow,
    repeatColumns: setup.printTitlesColumn,
    header: headerFooter?.oddHeader ?? "",
    footer: headerFooter?.oddFooter ?? "",
  };
  const plannedPrint = {
    paperSize: 9,
    orientation: sheet.print.orientation,
    fitToWidth: sheet.print.fitToWidth,
    scale: sheet.print.fitToWidth ? undefined : (sheet.print.scale ?? 100),
    repeatRows: sheet.print.repeatRows,
    repeatColumns: sheet.print.repeatColumns,
    header: headerFooterCode(sheet.print.header),
    footer: headerFooterCode(sheet.print.footer),
  };
  if (JSON.stringify(print) !== JSON.stringify(plannedPrint)) {
    problems.push(`${sheet.name}: print ${JSON.stringify(print)}`);
  }
  for (const { row, height } of sheet.rows ?? [])
    if (ws.getRow(row + 1).height !== height)
      problems.push(`${sheet.name} row ${row + 1}: height ${ws.getRow(row + 1).height}, planned ${height}`);
  const tab = ws.properties.tabColor?.argb?.slice(2);
  if (tab !== sheet.tabColor?.toUpperCase()) problems.push(`${sheet.name}: tab colour ${tab}`);
  return problems;
}

export function workbookDifferences(workbook: ExcelJS.Workbook, plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const names = workbook.worksheets.map((ws) => ws.name);
  if (JSON.stringify(names) !== JSON.stringify(plan.sheets.map((s) => s.name)))
    problems.push(`sheets ${names}`);
  for (const sheet of plan.sheets) {
    const ws = workbook.getWorksheet(sheet.name);
    if (ws) problems.push(...sheetDifferences(ws, sheet, plan));
  }
  const definedNames = workbook.definedNames.model.map((n) => ({ name: n.name, ref: n.ranges.join(",") }));
  const plannedNames = plan.names.map((n) => ({ name: n.name, ref: n.ref }));
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
  if (JSON.stringify(definedNames.sort(byName)) !== JSON.stringify([...plannedNames].sort(byName))) {
    problems.push(`names ${JSON.stringify(definedNames)}`);
  }
  const { title, generator } = plan.properties;
  if (workbook.title !== title || workbook.creator !== generator)
    problems.push(`properties ${workbook.title} ${workbook.creator}`);
  return problems;
}
