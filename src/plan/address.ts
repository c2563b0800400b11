/** A1 addressing shared by the builders and both writers. Rows and columns are 0-based here. */

export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "E5"; absolute "$E$5"; "row" fixes the row only ("E$5", for a running sum that starts there). */
export function cellAddress(row: number, column: number, absolute: boolean | "row" = false): string {
  const c = absolute === true ? "$" : "";
  const r = absolute === false ? "" : "$";
  return `${c}${columnLetter(column)}${r}${row + 1}`;
}

/** The absolute form of an A1 cell address, whether it was relative or absolute: "B4" → "$B$4". */
export function absoluteAddress(address: string): string {
  const { row, column } = parseCell(address);
  return cellAddress(row, column, true);
}

/** The absolute form of an A1 range: "E5:E40" → "$E$5:$E$40". */
export function absoluteRange(range: string): string {
  const { start, end } = parseRange(range);
  return `${cellAddress(start.row, start.column, true)}:${cellAddress(end.row, end.column, true)}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

export interface CellRef {
  readonly row: number;
  readonly column: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/;

export function parseCell(address: string): CellRef {
  const match = CELL.exec(address.toUpperCase());
  if (!match) throw new Error(`not an A1 cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1] as string) };
}

export function parseRange(range: string): { readonly start: CellRef; readonly end: CellRef } {
  const [first, second] = range.split(":");
  const start = parseCell(first as string);
  return { start, end: second === undefined ? start : parseCell(second) };
}

/** Quote a sheet name for use in a reference: '学校'!A1. */
export function sheetRef(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/**
 * A reference split into its sheet and its address, the inverse of sheetRef: "'预算 明细'!A1" → 预算 明细 and A1,
 * with a doubled quote inside the quotes read as one ("'O''Brien'!B3:B6" → O'Brien); an unquoted name as it is
 * ("学校!B3"); a plain address has no sheet.
 */
export function splitSheetRef(reference: string): { readonly sheet?: string; readonly address: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { address: reference };
  const sheet = reference.slice(0, bang);
  const quoted = /^'(.*)'$/.exec(sheet);
  return {
    sheet: quoted ? (quoted[1] as string).replace(/''/g, "'") : sheet,
    address: reference.slice(bang + 1),
  };
}
