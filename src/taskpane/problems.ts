/** Where a problem is in the workbook, from the rows read from its sheet. */
import type { Problem } from "../district/problems";
import { columnLetter } from "../plan/address";
import { pick, type Locale, type Translate } from "./i18n";
import { splitCause } from "./messages";
import type { DataSource, InputTables } from "./state";
import { acceptsText } from "./vocabulary";

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

/** One problem as the pane shows it: its message in the pane's language, what is accepted, a technical cause. */
export interface ProblemLine {
  readonly problem: Problem;
  readonly message: string;
  /** The column's header as on the sheet, when the message does not already say it (an English pane). */
  readonly column?: string;
  readonly accepts?: string;
  readonly cause?: string;
}

/** The problems of one row (or of no row: a whole sheet or file), with the cell a link selects. */
export interface ProblemRow {
  readonly row?: number;
  /** The cell "定位" selects: only for data read from this workbook's input sheets. */
  readonly address?: string;
  readonly lines: readonly ProblemLine[];
}

/** The problems of one sheet (or file), by row in sheet order; rows without a number first. */
export interface ProblemGroup {
  readonly where: string;
  readonly sheet?: string;
  readonly errors: number;
  readonly rows: readonly ProblemRow[];
}

/**
 * The problems grouped by sheet (in the order first met), then by row (ascending): what the Problems step lists.
 * Texts are the loader's own messages in the pane's language; no model path (schools[2].grades) is shown.
 */
export function groupProblems(
  problems: readonly Problem[],
  source: DataSource | undefined,
  tables: InputTables | undefined,
  describe: (problem: Problem) => Omit<ProblemLine, "problem">,
): ProblemGroup[] {
  const groups = new Map<string, { sheet?: string; rows: Map<number, Problem[]> }>();
  for (const problem of problems) {
    const { where } = problemPlace(problem, source);
    const group = groups.get(where) ?? { sheet: problem.sheet, rows: new Map<number, Problem[]>() };
    groups.set(where, group);
    const row = problem.row ?? 0;
    group.rows.set(row, [...(group.rows.get(row) ?? []), problem]);
  }
  return [...groups].map(([where, group]) => {
    const rows = [...group.rows].sort(([a], [b]) => a - b);
    const all = rows.flatMap(([, list]) => list);
    return {
      where,
      ...(group.sheet !== undefined && { sheet: group.sheet }),
      errors: all.filter((p) => p.severity === "error").length,
      rows: rows.map(([row, list]) => {
        // Errors before warnings within a row; the link goes to the first error's cell.
        const sorted = [
          ...list.filter((p) => p.severity === "error"),
          ...list.filter((p) => p.severity !== "error"),
        ];
        const first = sorted[0];
        const address =
          first && problemPlace(first, source).linkable ? problemAddress(first, tables) : undefined;
        return {
          ...(row > 0 && { row }),
          ...(address !== undefined && { address }),
          lines: sorted.map((problem) => ({ problem, ...describe(problem) })),
        };
      }),
    };
  });
}

/** A model path as the loader writes it (schools[2].grades.g1, projects.0), not a file name (schools.csv): never for a user's eyes. */
export const INTERNAL_PATH =
  /\b(?:schools|projects|priorProjects|mergers|debts|fiscal|preschool|statedCounts|items|planned|grades|term|history|births|entrants|ratios|annualCapacity)(?:\[\d+\]|\.(?!(?:csv|json|xlsx)\b)\w)|\w\[\d+\]|\w\.\d+\.\w/;

/** A problem's message, what is accepted and the technical cause, in the pane's language. */
export function describeProblem(
  problem: Problem,
  locale: Locale,
  t: Translate,
): Omit<ProblemLine, "problem"> {
  const { message, cause } = splitCause(pick(locale, problem.message, problem.messageEn), locale);
  const accepts =
    problem.accepts &&
    (locale !== "zh-CN" && problem.acceptsEn ? problem.acceptsEn : acceptsText(problem.accepts, locale));
  const column = problem.column?.trim();
  return {
    message,
    ...(column && !message.includes(column) && { column }),
    ...(accepts ? { accepts: t("problemAccepts", { accepts }) } : {}),
    ...(cause !== undefined && { cause }),
  };
}
