/** The in-memory workbook behind the fake Excel: plain data, mutated only when a batch is applied at sync(). */
import { cellAddress, parseCell, parseRange, type CellRef } from "../../../src/plan/address";

export type FakeScalar = string | number | boolean;

export interface FakeCell {
  value: FakeScalar | null;
  /** With its leading "=", as Range.formulas returns it. */
  formula: string | null;
  numberFormat: string;
  style: Record<string, string | number | boolean>;
}

export interface FakeChart {
  type: string;
  title: string;
  series: { name: string; values: string | null; categories: string | null }[];
  from: string | null;
  to: string | null;
}

export interface FakeSheet {
  id: number;
  name: string;
  tabColor: string;
  cells: Record<string, FakeCell>;
  columnWidths: Record<string, number>;
  merges: string[];
  conditionalFormats: {
    range: string;
    type: string;
    formula: string;
    style: Record<string, string | boolean>;
  }[];
  validations: Record<string, { rule: unknown; errorAlert: unknown }>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Record<string, number>;
    printTitleRows: string | null;
    /** Set only when the writer sets them. */
    printTitleColumns?: string;
    headerFooter?: Record<string, string>;
  };
  /** 1-based rows with a manual page break above them, in the order added. */
  pageBreaks?: number[];
  /** Row heights in points by 1-based row, set only where the writer sets one. */
  rowHeights?: Record<number, number>;
  charts: FakeChart[];
  customProperties: Record<string, string>;
}

export interface FakeTable {
  name: string;
  sheetId: number;
  range: string;
  style: string;
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: FakeName[];
  tables: FakeTable[];
  /** The active sheet and the selection on it (what the user sees). */
  active: { sheetId: number; selection: string } | null;
  nextSheetId: number;
}

/** An error shaped like OfficeExtension.Error (code + message). */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "FakeExcelError";
  }
}

export function emptyWorkbook(): FakeWorkbook {
  return { sheets: [], names: [], tables: [], active: null, nextSheetId: 1 };
}

export function newSheet(workbook: FakeWorkbook, name: string): FakeSheet {
  checkSheetName(workbook, name, null);
  const sheet: FakeSheet = {
    id: workbook.nextSheetId++,
    name,
    tabColor: "",
    cells: {},
    columnWidths: {},
    merges: [],
    conditionalFormats: [],
    validations: {},
    freeze: null,
    pageLayout: { orientation: "Portrait", paperSize: "Letter", zoom: { scale: 100 }, printTitleRows: null },
    charts: [],
    customProperties: {},
  };
  workbook.sheets.push(sheet);
  workbook.active ??= { sheetId: sheet.id, selection: "A1" };
  return sheet;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function checkSheetName(workbook: FakeWorkbook, name: string, self: FakeSheet | null): void {
  if (name.trim() === "" || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
    throw new FakeExcelError("InvalidArgument", `invalid sheet name ${JSON.stringify(name)}`);
  if (workbook.sheets.some((s) => s !== self && same(s.name, name)))
    throw new FakeExcelError("ItemAlreadyExists", `a sheet named ${name} exists`);
}

export function sheetByName(workbook: FakeWorkbook, name: string): FakeSheet {
  const sheet = workbook.sheets.find((s) => same(s.name, name));
  if (!sheet) throw new FakeExcelError("ItemNotFound", `no sheet named ${name}`);
  return sheet;
}

export function sheetById(workbook: FakeWorkbook, id: number): FakeSheet {
  const sheet = workbook.sheets.find((s) => s.id === id);
  if (!sheet) throw new FakeExcelError("ItemNotFound", `the sheet was deleted`);
  return sheet;
}

export function cellOf(sheet: FakeSheet, ref: CellRef): FakeCell {
  const key = cellAddress(ref.row, ref.column);
  let cell = sheet.cells[key];
  if (!cell) {
    cell = { value: null, formula: null, numberFormat: "General", style: {} };
    sheet.cells[key] = cell;
  }
  return cell;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

export function boxOf(address: string): Box {
  const { start, end } = parseRange(address);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    rows: Math.abs(end.row - start.row) + 1,
    columns: Math.abs(end.column - start.column) + 1,
  };
}

export function forEachCell(box: Box, visit: (ref: CellRef, r: number, c: number) => void): void {
  for (let r = 0; r < box.rows; r++)
    for (let c = 0; c < box.columns; c++) visit({ row: box.top + r, column: box.left + c }, r, c);
}

/** Excel's entry rule: how a string written through values/formulas lands in a cell. */
export function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return;
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") throw new FakeExcelError("InvalidArgument", `cannot write ${typeof input}`);
  cell.formula = null;
  if (cell.numberFormat === "@" || input === "") {
    cell.value = input === "" ? null : input;
    return;
  }
  if (/^[=+\-@]/.test(input) && !isNumeric(input)) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    noteFormulaEntered();
    cell.value = null;
  } else if (isNumeric(input)) cell.value = Number(input.replace(/%$/, "")) / (input.endsWith("%") ? 100 : 1);
  else if (/^(true|false)$/i.test(input)) cell.value = input.toLowerCase() === "true";
  else cell.value = input;
}

const isNumeric = (s: string): boolean => /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?\s*$/.test(s);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrite references to a sheet in a formula, as Excel does on rename (or to #REF! on delete). */
export function retarget(formula: string, from: string, to: string | null): string {
  const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(^|[^A-Za-z0-9_.'\\u0080-\\uFFFF])${escapeRegExp(from)}!`, "gi");
  const target = to === null ? "#REF!" : `'${to.replace(/'/g, "''")}'!`;
  return outsideText(formula, (part) =>
    part.replace(quoted, target).replace(bare, (_m, lead: string) => lead + target),
  );
}

/** Excel leaves text literals alone when it rewrites references ("#'学校'!A1" in HYPERLINK stays as typed). */
function outsideText(formula: string, rewrite: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : rewrite(part)))
    .join("");
}

export function renameSheet(workbook: FakeWorkbook, sheet: FakeSheet, name: string): void {
  checkSheetName(workbook, name, sheet);
  retargetEverywhere(workbook, sheet.name, name);
  sheet.name = name;
}

export function deleteSheet(workbook: FakeWorkbook, sheet: FakeSheet): void {
  if (workbook.sheets.length === 1)
    throw new FakeExcelError("InvalidOperation", "cannot delete the last sheet");
  workbook.sheets = workbook.sheets.filter((s) => s !== sheet);
  if (workbook.active?.sheetId === sheet.id)
    workbook.active = { sheetId: (workbook.sheets[0] as FakeSheet).id, selection: "A1" };
  for (const table of workbook.tables.filter((t) => t.sheetId === sheet.id))
    renameTableReferences(workbook, table.name, null);
  workbook.tables = workbook.tables.filter((t) => t.sheetId !== sheet.id);
  retargetEverywhere(workbook, sheet.name, null);
}

/** Counts the cells given a formula (by enter or a seed), so that formulaCells knows when to look again. */
let formulasEntered = 0;

export function noteFormulaEntered(): void {
  formulasEntered++;
}

const formulaCellsSeen = new WeakMap<
  FakeSheet,
  { readonly at: number; readonly cells: readonly FakeCell[] }
>();

/**
 * The cells of a sheet that hold a formula, or held one (cells are never removed). Every table rename looks for
 * references in them: a scan of every cell each time would make a batch that names 70 tables take most of a
 * second.
 */
function formulaCells(sheet: FakeSheet): readonly FakeCell[] {
  const seen = formulaCellsSeen.get(sheet);
  if (seen && seen.at === formulasEntered) return seen.cells;
  const cells = Object.values(sheet.cells).filter((cell) => cell.formula !== null);
  formulaCellsSeen.set(sheet, { at: formulasEntered, cells });
  return cells;
}

/** Structured references follow a table's rename, as in Excel; a deleted table's become #REF!. */
export function renameTableReferences(workbook: FakeWorkbook, from: string, to: string | null): void {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_.\\u0080-\\uFFFF])${escapeRegExp(from)}\\[`, "gi");
  // Most formulas do not name the table at all: only those that do are split into text and the rest.
  const mentions = new RegExp(`${escapeRegExp(from)}\\[`, "i");
  const rewrite = (formula: string) =>
    mentions.test(formula)
      ? outsideText(formula, (part) =>
          part.replace(pattern, (_m, lead: string) => `${lead}${to ?? "#REF!"}[`),
        )
      : formula;
  for (const s of workbook.sheets)
    for (const cell of formulaCells(s)) if (cell.formula) cell.formula = rewrite(cell.formula);
  for (const n of workbook.names) n.formula = rewrite(n.formula);
}

function retargetEverywhere(workbook: FakeWorkbook, from: string, to: string | null): void {
  for (const s of workbook.sheets)
    for (const cell of formulaCells(s)) if (cell.formula) cell.formula = retarget(cell.formula, from, to);
  for (const n of workbook.names) n.formula = retarget(n.formula, from, to);
}

export function cellKeyOrder(a: string, b: string): number {
  const x = parseCell(a);
  const y = parseCell(b);
  return x.row - y.row || x.column - y.column;
}

/** The smallest range holding every cell with a value or formula (or any content at all), or null. */
export function usedRange(sheet: FakeSheet, valuesOnly: boolean): string | null {
  const refs = Object.entries(sheet.cells)
    .filter(([, c]) => !valuesOnly || c.value !== null || c.formula !== null)
    .map(([key]) => parseCell(key));
  if (refs.length === 0) return null;
  const rows = refs.map((r) => r.row);
  const columns = refs.map((r) => r.column);
  const [top, left] = [Math.min(...rows), Math.min(...columns)];
  const [bottom, right] = [Math.max(...rows), Math.max(...columns)];
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** What Range.values/formulas/numberFormat return for a range: every cell, "" when empty. */
export function readGrid(
  sheet: FakeSheet,
  address: string,
  property: "values" | "formulas" | "numberFormat",
) {
  const box = boxOf(address);
  return Array.from({ length: box.rows }, (_, r) =>
    Array.from({ length: box.columns }, (_, c) => {
      const cell = sheet.cells[cellAddress(box.top + r, box.left + c)];
      if (property === "numberFormat") return cell?.numberFormat ?? "General";
      if (property === "formulas" && cell?.formula) return cell.formula;
      return cell?.value ?? "";
    }),
  );
}
