/** Where a problem is in the workbook, from the rows read from its sheet. */
import type { Problem } from "../district/problems";
import { columnLetter } from "../plan/address";
import type { DataSource, InputTables } from "./state";

/**
 * The cell a problem points at: its row, and the column whose header (in the rows read from that sheet) is the
 * problem's column; the whole row's first cell when the header is not found.
 */
export function problemAddress(problem: Problem, tables: InputTables | undefined): string | undefined {
  if (!problem.sheet || !problem.row) return undefined;
  const rows = tables?.find((table) => table.sheet === problem.sheet)?.rows ?? [];
  const header = problem.column?.trim();
  let column = -1;
  if (header) {
    for (const row of rows.slice(0, Math.max(problem.row - 1, 1))) {
      column = row.findIndex((cell) => typeof cell === "string" && cell.trim() === header);
      if (column >= 0) break;
    }
  }
  return `${columnLetter(Math.max(column, 0))}${problem.row}`;
}

/**
 * Where a problem is, as the pane shows it, and whether a link may select its cell: only data read from this
 * workbook's input sheets is in this workbook. A file's problems name the file (and its sheet for an .xlsx).
 */
export function problemPlace(
  problem: Problem,
  source: DataSource | undefined,
): { readonly where: string; readonly linkable: boolean } {
  if (source?.kind === "sheets") return { where: problem.sheet ?? problem.file, linkable: true };
  const xlsx = /\.xlsx$/i.test(problem.file) && problem.sheet;
  return { where: xlsx ? `${problem.file} › ${problem.sheet}` : problem.file, linkable: false };
}
