/**
 * Where the Preview step's links of a failed check go: the 参数 cell that sets its threshold, and the input row
 * that causes it — the school's row on 录入-学校 when the data came from the input sheets, else its row on the
 * generated 学校 sheet (pure: the input tables and the plan are handed in).
 */
import { SHEETS } from "../district/layout";
import { cellAddress } from "../plan/address";
import type { CheckPlan, PlanPlace, SheetPlan } from "../plan/types";
import type { WizardState } from "./state";

export interface CheckLink {
  readonly kind: "threshold" | "cause";
  /** The workbook sheet's name. */
  readonly sheet: string;
  readonly address: string;
}

const INPUT_SCHOOLS = SHEETS.find((spec) => spec.key === "schools")?.name ?? "录入-学校";

/** The links of one check: its threshold first, then its cause; none for a check that has neither. */
export function checkLinks(
  check: Pick<CheckPlan, "threshold" | "cause">,
  plan: { readonly sheets: readonly Pick<SheetPlan, "key" | "name">[] },
  state: Pick<WizardState, "source" | "tables">,
): readonly CheckLink[] {
  const links: CheckLink[] = [];
  const threshold = check.threshold && planLink("threshold", check.threshold, plan);
  if (threshold) links.push(threshold);
  const school = check.cause?.school;
  const input = school !== undefined && state.source?.kind === "sheets" ? inputRow(state, school) : undefined;
  const cause = input ?? (check.cause && planLink("cause", check.cause, plan));
  if (cause) links.push(cause);
  return links;
}

function planLink(
  kind: CheckLink["kind"],
  place: PlanPlace,
  plan: { readonly sheets: readonly Pick<SheetPlan, "key" | "name">[] },
) {
  const sheet = plan.sheets.find((s) => s.key === place.sheet)?.name;
  return sheet === undefined ? undefined : { kind, sheet, address: place.cell };
}

/** The cell holding the school's code on 录入-学校, as the input sheets were read (rows from A1). */
function inputRow(state: Pick<WizardState, "tables">, code: string): CheckLink | undefined {
  const rows = state.tables?.find((table) => table.sheet === INPUT_SCHOOLS)?.rows ?? [];
  for (const [row, cells] of rows.entries()) {
    const column = cells.findIndex((cell) => typeof cell === "string" && cell.trim() === code);
    if (column >= 0) return { kind: "cause", sheet: INPUT_SCHOOLS, address: cellAddress(row, column) };
  }
  return undefined;
}
