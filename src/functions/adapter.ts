/**
 * Coercion of the values Excel passes to custom functions, and of rule errors to Excel errors.
 *
 * Decisions: numeric arguments take numbers only: text (even "12"), booleans and ranges give #VALUE! naming the
 * argument, because a silently coerced cell hides a data-entry mistake in a budget. Inside ranges, empty cells (null,
 * undefined or "") are empty; any text or boolean in a range is #VALUE!. An omitted optional argument (null, undefined)
 * or an empty string takes the documented default. A scalar passed where a range is expected is a 1×1 range.
 */
import { RuleError } from "../domain/errors";

export type Cell = number | null;

function describe(v: unknown): string {
  if (typeof v === "string") return `text "${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (Array.isArray(v)) return "a range";
  if (typeof v === "number") return String(v);
  return typeof v;
}

function wrong(arg: string, accepts: string, v: unknown): RuleError {
  return new RuleError("value", `${arg}: ${accepts} (got ${describe(v)})`);
}

export function isOmitted(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

export function num(v: unknown, arg: string): number {
  if (typeof v === "number" && v - v === 0) return v;
  throw wrong(arg, "a number", v);
}

export function optNum(v: unknown, arg: string, fallback: number): number {
  return isOmitted(v) ? fallback : num(v, arg);
}

/** Optional numbers whose default is computed only when needed (e.g. a policy lookup). */
export function optNumOrNull(v: unknown, arg: string): number | null {
  return isOmitted(v) ? null : num(v, arg);
}

export function text(v: unknown, arg: string, accepts: string): string {
  if (typeof v === "string") return v;
  throw wrong(arg, accepts, v);
}

export function optText(v: unknown, arg: string, accepts: string): string | null {
  return v === null || v === undefined ? null : text(v, arg, accepts);
}

/** TRUE/FALSE, or 1/0 as typed by many users; omitted is FALSE. */
export function optBool(v: unknown, arg: string): boolean {
  if (isOmitted(v)) return false;
  if (typeof v === "boolean") return v;
  if (v === 0 || v === 1) return v === 1;
  throw wrong(arg, "TRUE or FALSE", v);
}

/** A rectangular range of numbers and empty cells. */
export function matrix(v: unknown, arg: string): Cell[][] {
  const rows: unknown[] = Array.isArray(v) ? v : [[v]];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (rows.length === 0 || width === 0) throw wrong(arg, "a range of numbers", v);
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== width) throw wrong(arg, "a rectangular range of numbers", v);
    return row.map((cell) => {
      if (isOmitted(cell)) return null;
      if (typeof cell === "number" && cell - cell === 0) return cell;
      throw wrong(arg, "numbers or empty cells", cell);
    });
  });
}

/**
 * A rectangular range read for the rules that skip what is not a number (the projection's history, births): every
 * cell that is empty, text or TRUE/FALSE is null. Only the shape is checked.
 */
export function numbersOrGaps(v: unknown, arg: string): Cell[][] {
  const rows: unknown[] = Array.isArray(v) ? v : [[v]];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (rows.length === 0 || width === 0) throw wrong(arg, "a range", v);
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== width) throw wrong(arg, "a rectangular range", v);
    return row.map((cell) => (typeof cell === "number" && cell - cell === 0 ? cell : null));
  });
}

/** A single row of numbers, every cell filled (e.g. enrollment by grade, grades being columns). */
export function numberRow(v: unknown, arg: string, accepts: string): number[] {
  const m = matrix(v, arg);
  if (m.length !== 1) throw wrong(arg, `one row: ${accepts}`, v);
  return (m[0] as Cell[]).map((cell) => {
    if (cell === null) throw new RuleError("value", `${arg}: a number in every cell (${accepts})`);
    return cell;
  });
}

/** Cells of a range in reading order (Array.prototype.flat is many times slower on small ranges in V8). */
export function flatten(m: readonly (readonly Cell[])[]): Cell[] {
  const out: Cell[] = [];
  for (const row of m) for (const cell of row) out.push(cell);
  return out;
}

/**
 * Enrollment by grade: one cell, a row or a column of per-grade counts, or a matrix (rows = schools, columns =
 * grades). A single column is per-grade counts like a row, so it is turned into a row.
 */
export function gradeMatrix(v: unknown, arg: string): Cell[][] {
  const m = matrix(v, arg);
  return m.length > 1 && (m[0] as Cell[]).length === 1 ? [m.map((row) => row[0] as Cell)] : m;
}

/** A single row or column, read in order. */
export function vector(v: unknown, arg: string): Cell[] {
  const m = matrix(v, arg);
  if (m.length === 1) return m[0] as Cell[];
  if ((m[0] as Cell[]).length === 1) return m.map((row) => row[0] as Cell);
  throw wrong(arg, "a single row or column", v);
}

/** A row or column of text cells (empty cells are null). */
export function textVector(v: unknown, arg: string, accepts: string): (string | null)[] {
  const rows: unknown[] = Array.isArray(v) ? v : [[v]];
  const flat: unknown[] = [];
  const width = Array.isArray(rows[0]) ? rows[0].length : 0;
  if (rows.length === 0 || width === 0) throw wrong(arg, accepts, v);
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== width)
      throw wrong(arg, `a single row or column: ${accepts}`, v);
    flat.push(...row);
  }
  if (rows.length > 1 && width > 1) throw wrong(arg, `a single row or column: ${accepts}`, v);
  return flat.map((cell) => (isOmitted(cell) ? null : text(cell, arg, accepts)));
}

/**
 * Memoizes a pure lookup by the text Excel passes (a level, an area, a policy key): Excel calls a function once per
 * cell, usually with the same few texts, and a cached answer is a single Map probe. Only answers are cached (errors
 * are thrown again each time), and at most 256 texts, so odd inputs cannot grow it without bound.
 */
export function memoByText<A extends string | null, T>(lookup: (text: A) => T): (text: A) => T {
  const cache = new Map<A, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = lookup(key);
    if (cache.size < 256) cache.set(key, value);
    return value;
  };
}

/** Two-text variant of memoByText (e.g. level and area): two Map probes, no allocation on a hit. */
export function memoByTexts<A extends string | null, B extends string | null, T>(
  lookup: (a: A, b: B) => T,
): (a: A, b: B) => T {
  const cache = new Map<A, Map<B, T>>();
  return (a, b) => {
    let inner = cache.get(a);
    const hit = inner?.get(b);
    if (hit !== undefined) return hit;
    const value = lookup(a, b);
    if (inner === undefined) {
      if (cache.size >= 256) return value;
      inner = new Map<B, T>();
      cache.set(a, inner);
    }
    if (inner.size < 256) inner.set(b, value);
    return value;
  };
}

/** A cell Excel can show: a finite number, text or TRUE/FALSE. */
function isShowable(cell: unknown): boolean {
  return typeof cell === "number" ? cell - cell === 0 : typeof cell === "string" || typeof cell === "boolean";
}

/** A spill Excel can show: a non-empty rectangle of showable cells. */
function isShowableRange(rows: readonly unknown[]): boolean {
  const first = rows[0];
  const width = Array.isArray(first) ? first.length : 0;
  if (width === 0) return false;
  for (const row of rows) {
    if (!Array.isArray(row) || row.length !== width) return false;
    for (const cell of row) if (!isShowable(cell)) return false;
  }
  return true;
}

/** Results must be finite: a rule that produced NaN, Infinity or nothing is a bug reported as #VALUE!. */
const noResult = (): RuleError => new RuleError("value", "the inputs give no finite result");

/** A rule error as the Excel error Excel can show; anything else is #VALUE! with a generic message. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  const { Error: ExcelError, ErrorCode } = CustomFunctions;
  if (e instanceof RuleError) {
    if (e.kind === "div0") return new ExcelError(ErrorCode.divisionByZero);
    if (e.kind === "na") return new ExcelError(ErrorCode.notAvailable, e.message);
    return new ExcelError(ErrorCode.invalidValue, e.message);
  }
  return new ExcelError(ErrorCode.invalidValue, "Unexpected input: check the arguments' types and ranges");
}

/**
 * The error boundary of every EDU function that returns one value: runs the adapter's body and turns whatever it
 * throws into the Excel error Excel shows (see toExcelError); a result that is not a finite number, text or TRUE/FALSE
 * (NaN, Infinity, undefined) is #VALUE! too. Kept this small on purpose: Excel calls it once per cell.
 */
export function excel<T extends number | string | boolean>(body: () => T): T {
  let value: T;
  try {
    value = body();
  } catch (e) {
    throw toExcelError(e);
  }
  if (isShowable(value)) return value;
  throw toExcelError(noResult());
}

/** The error boundary of the functions that spill: as excel, for a non-empty rectangle of showable cells. */
export function excelRange(body: () => readonly (readonly unknown[])[]): unknown[][] {
  let rows: readonly (readonly unknown[])[];
  try {
    rows = body();
  } catch (e) {
    throw toExcelError(e);
  }
  if (Array.isArray(rows) && isShowableRange(rows)) return rows as unknown[][];
  throw toExcelError(noResult());
}

/**
 * The error boundary of a spill whose cells may each be an error of their own (one column's #DIV/0! among numbers):
 * as excelRange, with every RuleError cell turned into the Excel error Excel shows in that cell.
 */
export function excelRangeWithErrors(body: () => readonly (readonly unknown[])[]): unknown[][] {
  let rows: readonly (readonly unknown[])[];
  try {
    rows = body();
  } catch (e) {
    throw toExcelError(e);
  }
  const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
  const width = Array.isArray(first) ? first.length : 0;
  if (width === 0) throw toExcelError(noResult());
  return rows.map((row) => {
    if (!Array.isArray(row) || row.length !== width) throw toExcelError(noResult());
    return row.map((cell: unknown) => {
      if (cell instanceof RuleError) return toExcelError(cell);
      if (isShowable(cell)) return cell;
      throw toExcelError(noResult());
    });
  });
}
