/**
 * validatePlan: what Excel (and WPS, LibreOffice) would reject or silently mangle in a plan, found before any writer
 * runs. Problems are reported, never fixed (a too-long sheet name is not truncated): each names the sheet and cell.
 */
import { cellAddress, parseCell, parseRange, type CellRef } from "./address";
import {
  EXCEL_LIMITS,
  cellTextBreach,
  columnWidthViolation,
  formulaLimitBreaches,
  hasStyle,
  listViolation,
  headerFooterViolation,
  printScaleViolation,
  repeatColumnsViolation,
  repeatRowsViolation,
  rowHeightViolation,
  styleViolation,
  tabColorViolation,
  type LimitBreach,
} from "./excelRules";
import { isFormulaCell } from "./types";
import type { PlanCell, SheetPlan, WorkbookPlan } from "./types";

export interface PlanProblem {
  /** Sheet name, when the problem is on a sheet. */
  readonly sheet?: string;
  /** Cell or range on that sheet. */
  readonly cell?: string;
  readonly message: string;
  /** The Excel limit broken, with its maximum and what the plan has. */
  readonly limit?: Pick<LimitBreach, "limit" | "max" | "actual">;
}

const MAX_SHEET_NAME = EXCEL_LIMITS.sheetName;
const MAX_NAME = EXCEL_LIMITS.name;
const MAX_ROWS = EXCEL_LIMITS.rows;
const MAX_COLUMNS = EXCEL_LIMITS.columns;

/** Functions every target engine (Excel, WPS, LibreOffice, HyperFormula) computes alike. */
export const PORTABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  "AVERAGEIF",
  "CEILING",
  "CHOOSE",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "EXACT",
  "FALSE",
  "FLOOR",
  "HYPERLINK",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISERROR",
  "ISNUMBER",
  "ISTEXT",
  "LARGE",
  "LEFT",
  "LEN",
  "MATCH",
  "MAX",
  "MIN",
  "MOD",
  "NA",
  "NOT",
  "OR",
  "POWER",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "SMALL",
  "SQRT",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  // With the format "0", "0.00" only: the formats every engine (HyperFormula too) writes alike.
  "TEXT",
  "TRUE",
]);

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;
const NAME_SHAPE = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const A1_LIKE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const R1C1_LIKE = /^[Rr](\d*)[Cc](\d*)$/;

/** Why a defined or table name is not a valid Excel name (undefined when it is). */
export function invalidNameReason(name: string): string | undefined {
  if (name.length === 0) return "is empty";
  if (name.length > MAX_NAME) return `is longer than ${MAX_NAME} characters`;
  if (!NAME_SHAPE.test(name))
    return "must start with a letter or underscore and hold only letters, digits, _ and .";
  if (A1_LIKE.test(name) || R1C1_LIKE.test(name) || /^[RrCc]$/.test(name))
    return "looks like a cell reference";
  return undefined;
}

/** Why a sheet name is not valid in Excel (undefined when it is). */
export function invalidSheetNameReason(name: string): string | undefined {
  if (name.trim().length === 0) return "is blank";
  if (name.length > MAX_SHEET_NAME) return `has ${name.length} characters; Excel allows ${MAX_SHEET_NAME}`;
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "contains one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "is reserved by Excel";
  return undefined;
}

interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function inLimits(ref: CellRef): boolean {
  return ref.row >= 0 && ref.row < MAX_ROWS && ref.column >= 0 && ref.column < MAX_COLUMNS;
}

/** A range "A1" or "A1:C3" (optionally with $) as a rectangle, or an error message. */
function rectOf(range: string): Rect | string {
  try {
    const { start, end } = parseRange(range.replace(/\$/g, ""));
    if (!inLimits(start) || !inLimits(end)) return `range ${range} is outside the sheet`;
    if (end.row < start.row || end.column < start.column) return `range ${range} is reversed`;
    return { top: start.row, left: start.column, bottom: end.row, right: end.column };
  } catch {
    return `"${range}" is not an A1 range`;
  }
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** References in a formula: sheets it names, names it uses, functions it calls, cell references out of bounds. */
export function formulaReferences(formula: string): {
  sheets: string[];
  names: string[];
  functions: string[];
  badCells: string[];
  /** Bare TRUE/FALSE literals (HyperFormula reads them as names: write TRUE() and FALSE()). */
  booleans: string[];
} {
  const sheets: string[] = [];
  const names: string[] = [];
  const functions: string[] = [];
  const badCells: string[] = [];
  const booleans: string[] = [];
  // String literals hold text, not references.
  let rest = formula.replace(/"(?:[^"]|"")*"/g, '""');
  rest = rest.replace(/'((?:[^']|'')+)'!/g, (_, sheet: string) => {
    sheets.push(sheet.replace(/''/g, "'"));
    return " ";
  });
  rest = rest.replace(/([\p{L}_][\p{L}\p{N}_.]*)!/gu, (_, sheet: string) => {
    sheets.push(sheet);
    return " ";
  });
  // Error literals (#N/A, #DIV/0!) are values.
  rest = rest.replace(/#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)/g, " ");
  const token =
    /(\$?[A-Za-z]{1,3}\$?\d+)(?![\p{L}\p{N}_.(])|([\p{L}_\\][\p{L}\p{N}_.]*)(\s*\()?|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/gu;
  for (const match of rest.matchAll(token)) {
    const [, cell, identifier, call] = match;
    if (cell !== undefined) {
      const { row, column } = parseCell(cell.replace(/\$/g, ""));
      if (!inLimits({ row, column })) badCells.push(cell);
    } else if (identifier !== undefined) {
      if (call !== undefined) functions.push(identifier.toUpperCase());
      else if (/^(TRUE|FALSE)$/i.test(identifier)) booleans.push(identifier);
      else names.push(identifier);
    }
  }
  return { sheets, names, functions, badCells, booleans };
}

/**
 * The plan's cell of a sheet at a row and column (blocks may overlap: the last one wins, as in a writer). A lookup
 * through the blocks, not a map of every cell: only the tables' header cells are looked up.
 */
function cellAt(sheet: SheetPlan, row: number, column: number): PlanCell {
  for (let b = sheet.blocks.length - 1; b >= 0; b--) {
    const block = sheet.blocks[b] as SheetPlan["blocks"][number];
    let anchor: CellRef;
    try {
      anchor = parseCell(block.anchor);
    } catch {
      continue;
    }
    const cell = block.cells[row - anchor.row]?.[column - anchor.column];
    if (cell !== undefined && cell !== null) return cell;
  }
  return null;
}

export function validatePlan(plan: WorkbookPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const sheetNames = new Map<string, string>();
  const sheetKeys = new Set<string>();
  for (const sheet of plan.sheets) {
    const reason = invalidSheetNameReason(sheet.name);
    if (reason) problems.push({ sheet: sheet.name, message: `sheet name "${sheet.name}" ${reason}` });
    const folded = sheet.name.toLowerCase();
    const first = sheetNames.get(folded);
    if (first !== undefined)
      problems.push({
        sheet: sheet.name,
        message: `sheet name "${sheet.name}" repeats "${first}" (Excel ignores case)`,
      });
    else sheetNames.set(folded, sheet.name);
    if (sheetKeys.has(sheet.key))
      problems.push({ sheet: sheet.name, message: `sheet key "${sheet.key}" repeats` });
    sheetKeys.add(sheet.key);
  }
  const hasSheet = (name: string): boolean => sheetNames.has(name.toLowerCase());

  // Defined names and table names share one namespace in Excel.
  const definedNames = new Set<string>();
  const seenNames = new Map<string, string>();
  const claimName = (name: string, what: string, sheet?: string): void => {
    const reason = invalidNameReason(name);
    if (reason) problems.push({ ...(sheet ? { sheet } : {}), message: `${what} "${name}" ${reason}` });
    const folded = name.toLowerCase();
    const first = seenNames.get(folded);
    if (first !== undefined)
      problems.push({ ...(sheet ? { sheet } : {}), message: `${what} "${name}" repeats ${first}` });
    else seenNames.set(folded, `${what} "${name}"`);
  };
  for (const name of plan.names) {
    claimName(name.name, "defined name");
    definedNames.add(name.name.toLowerCase());
  }
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets)
    for (const table of sheet.tables) {
      claimName(table.name, "table name", sheet.name);
      tableNames.add(table.name.toLowerCase());
    }

  const checkFormula = (formula: string, where: { sheet?: string; cell?: string }, what: string): void => {
    const refs = formulaReferences(formula);
    for (const sheet of refs.sheets)
      if (!hasSheet(sheet))
        problems.push({ ...where, message: `${what} =${formula} refers to a missing sheet "${sheet}"` });
    for (const name of refs.names) {
      const folded = name.toLowerCase();
      if (tableNames.has(folded))
        problems.push({
          ...where,
          message: `${what} =${formula} uses table "${name}" (structured references do not compute everywhere)`,
        });
      else if (!definedNames.has(folded))
        problems.push({
          ...where,
          message: `${what} =${formula} uses "${name}", which is not a defined name`,
        });
    }
    for (const fn of refs.functions)
      if (!PORTABLE_FUNCTIONS.has(fn))
        problems.push({
          ...where,
          message: `${what} =${formula} calls ${fn}, which is not on the portable list`,
        });
    if (what === "formula")
      for (const literal of refs.booleans)
        problems.push({
          ...where,
          message: `${what} =${formula} uses the bare literal ${literal}: write ${literal.toUpperCase()}() (HyperFormula reads it as a name)`,
        });
    for (const cell of refs.badCells)
      problems.push({ ...where, message: `${what} =${formula} refers to ${cell}, outside the sheet` });
  };

  for (const name of plan.names) {
    const match = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(
      name.ref,
    );
    if (!match) {
      problems.push({
        message: `defined name "${name.name}" refers to "${name.ref}", not a sheet-qualified range`,
      });
      continue;
    }
    const sheet = (match[1] ?? match[2] ?? "").replace(/''/g, "'");
    if (!hasSheet(sheet))
      problems.push({ message: `defined name "${name.name}" refers to a missing sheet "${sheet}"` });
    const rect = rectOf(match[3] ?? "");
    if (typeof rect === "string") problems.push({ message: `defined name "${name.name}": ${rect}` });
  }

  for (const [id, style] of Object.entries(plan.styles)) {
    const violation = styleViolation(style);
    if (violation !== undefined) problems.push({ message: `style "${id}": ${violation}` });
  }

  for (const sheet of plan.sheets) problems.push(...validateSheet(plan, sheet, checkFormula));

  for (const check of plan.checks) {
    const sheet = plan.sheets.find((s) => s.key === check.sheet);
    if (!sheet) problems.push({ message: `check ${check.id} points at a missing sheet "${check.sheet}"` });
    else if (typeof rectOf(check.cell) === "string")
      problems.push({
        sheet: sheet.name,
        cell: check.cell,
        message: `check ${check.id} points at "${check.cell}", not a cell`,
      });
  }
  return problems;
}

/** A broken Excel limit as a problem at a cell: the limit, Excel's maximum and the plan's figure. */
const breach = (
  where: { sheet: string; cell?: string },
  { limit, max, actual, message }: LimitBreach,
): PlanProblem => ({
  ...where,
  message,
  limit: { limit, max, actual },
});

type FormulaChecker = (formula: string, where: { sheet?: string; cell?: string }, what: string) => void;

function validateSheet(plan: WorkbookPlan, sheet: SheetPlan, checkFormula: FormulaChecker): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const at = (cell?: string) => ({ sheet: sheet.name, ...(cell ? { cell } : {}) });
  const blocks: { anchor: string; rect: Rect }[] = [];
  for (const block of sheet.blocks) {
    const anchorRect = rectOf(block.anchor);
    if (typeof anchorRect === "string") {
      problems.push({ ...at(block.anchor), message: `block anchor: ${anchorRect}` });
      continue;
    }
    const width = block.cells[0]?.length ?? 0;
    const ragged = block.cells.findIndex((line) => line.length !== width);
    if (ragged >= 0)
      problems.push({
        ...at(block.anchor),
        message: `block at ${block.anchor} is not rectangular: row ${ragged + 1} has ${block.cells[ragged]?.length} cells, the first has ${width}`,
      });
    const rect = {
      top: anchorRect.top,
      left: anchorRect.left,
      bottom: anchorRect.top + Math.max(block.cells.length, 1) - 1,
      // A loop, not Math.max(...lengths): a block of 200,000 rows would overflow the call stack.
      right: anchorRect.left + block.cells.reduce((most, l) => Math.max(most, l.length), 1) - 1,
    };
    if (!inLimits({ row: rect.bottom, column: rect.right }))
      problems.push({
        ...at(block.anchor),
        message: `block at ${block.anchor} runs past the sheet's last row or column`,
      });
    const other = blocks.find((b) => overlaps(b.rect, rect));
    if (other)
      problems.push({
        ...at(block.anchor),
        message: `block at ${block.anchor} overlaps the block at ${other.anchor}`,
      });
    blocks.push({ anchor: block.anchor, rect });
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === null) return;
        const text = typeof cell.v === "string" ? cellTextBreach(cell.v) : undefined;
        if (text) problems.push(breach(at(cellAddress(anchorRect.top + r, anchorRect.left + c)), text));
        if (!isFormulaCell(cell)) return;
        const address = cellAddress(anchorRect.top + r, anchorRect.left + c);
        if (cell.f.startsWith("="))
          problems.push({ ...at(address), message: `formula ${cell.f} starts with "="` });
        for (const limit of formulaLimitBreaches(cell.f)) problems.push(breach(at(address), limit));
        checkFormula(cell.f, at(address), "formula");
      }),
    );
  }

  const ranges: { range: string; what: string }[] = [
    ...sheet.formats.map((f) => ({ range: f.range, what: "format" })),
    ...sheet.merges.map((m) => ({ range: m, what: "merge" })),
    ...sheet.conditionalFormats.map((c) => ({ range: c.range, what: "conditional format" })),
    ...sheet.validations.map((v) => ({ range: v.range, what: "validation" })),
  ];
  for (const { range, what } of ranges) {
    const rect = rectOf(range);
    if (typeof rect === "string") problems.push({ ...at(range), message: `${what}: ${rect}` });
  }
  for (const format of [...sheet.formats, ...sheet.conditionalFormats])
    if (!hasStyle(plan.styles, format.style))
      problems.push({
        ...at(format.range),
        message: `style "${format.style}" is not defined in the plan's styles`,
      });
  for (const cf of sheet.conditionalFormats) {
    for (const limit of formulaLimitBreaches(cf.formula)) problems.push(breach(at(cf.range), limit));
    checkFormula(cf.formula, at(cf.range), "conditional format");
  }
  for (const validation of sheet.validations) {
    const violation = listViolation(validation.list);
    if (violation !== undefined)
      problems.push({ ...at(validation.range), message: `validation: ${violation}` });
    const message = cellTextBreach(validation.errorMessage);
    if (message) problems.push(breach(at(validation.range), message));
  }

  for (const table of sheet.tables) {
    const rect = rectOf(table.range);
    if (typeof rect === "string") {
      problems.push({ ...at(table.range), message: `table ${table.name}: ${rect}` });
      continue;
    }
    const width = rect.right - rect.left + 1;
    if (rect.bottom <= rect.top)
      problems.push({ ...at(table.range), message: `table ${table.name} needs a header row and a data row` });
    if (table.columns.length !== width)
      problems.push({
        ...at(table.range),
        message: `table ${table.name} has ${table.columns.length} columns for a range ${width} wide`,
      });
    const headers = new Set<string>();
    for (let c = 0; c < width; c++) {
      const address = cellAddress(rect.top, rect.left + c);
      const cell = cellAt(sheet, rect.top, rect.left + c);
      const text = cell && !isFormulaCell(cell) && typeof cell.v === "string" ? cell.v : undefined;
      if (text === undefined || text.trim() === "") {
        problems.push({ ...at(address), message: `table ${table.name}: header ${address} is not text` });
        continue;
      }
      if (headers.has(text.toLowerCase()))
        problems.push({ ...at(address), message: `table ${table.name}: header "${text}" repeats` });
      headers.add(text.toLowerCase());
      if (table.columns[c] && table.columns[c]?.name !== text)
        problems.push({
          ...at(address),
          message: `table ${table.name}: column "${table.columns[c]?.name}" differs from its header "${text}"`,
        });
    }
  }
  const otherTables = sheet.tables.map((t) => ({ name: t.name, rect: rectOf(t.range) }));
  otherTables.forEach((a, i) =>
    otherTables.slice(i + 1).forEach((b) => {
      if (typeof a.rect !== "string" && typeof b.rect !== "string" && overlaps(a.rect, b.rect))
        problems.push({ ...at(), message: `tables ${a.name} and ${b.name} overlap` });
    }),
  );

  for (const chart of sheet.charts) {
    for (const range of [chart.categories, ...chart.series.map((s) => s.values)])
      checkFormula(range, at(chart.from), `chart "${chart.title}" range`);
    for (const corner of [chart.from, chart.to]) {
      const rect = rectOf(corner);
      if (typeof rect === "string")
        problems.push({ ...at(corner), message: `chart "${chart.title}": ${rect}` });
    }
  }
  if (sheet.freeze && (sheet.freeze.rows < 0 || sheet.freeze.columns < 0))
    problems.push({ ...at(), message: "frozen rows and columns must be 0 or more" });
  if (sheet.print.repeatRows !== undefined) {
    const violation = repeatRowsViolation(sheet.print.repeatRows);
    if (violation !== undefined) problems.push({ ...at(), message: violation });
  }
  const printViolations = [
    sheet.print.repeatColumns === undefined ? undefined : repeatColumnsViolation(sheet.print.repeatColumns),
    sheet.print.scale === undefined ? undefined : printScaleViolation(sheet.print.scale),
    headerFooterViolation(sheet.print.header, "header"),
    headerFooterViolation(sheet.print.footer, "footer"),
    ...(sheet.rows ?? []).map((row) => {
      const violation = rowHeightViolation(row.height);
      return violation === undefined ? undefined : `row ${row.row + 1}: ${violation}`;
    }),
  ];
  for (const violation of printViolations)
    if (violation !== undefined) problems.push({ ...at(), message: violation });
  if (sheet.tabColor !== undefined) {
    const violation = tabColorViolation(sheet.tabColor);
    if (violation !== undefined) problems.push({ ...at(), message: violation });
  }
  for (const column of sheet.columns) {
    const width = columnWidthViolation(column.width);
    if (!/^[A-Z]{1,3}$/.test(column.column) || width !== undefined)
      problems.push({ ...at(), message: `column ${column.column}: ${width ?? "is not a column letter"}` });
  }
  return problems;
}
