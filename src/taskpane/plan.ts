/**
 * The plan a wizard state stands for (pure: the clock is passed in). The plan builders are loaded with the
 * Preview step, not with the first render.
 */
// Before any schema parses: the pane may open straight on a later step (its state restored).
import "./zodConfig";
import { reconciles } from "../domain/debt";
import { buildWorkbook, buildWorkbookPlan, type BuiltWorkbook } from "../plan/build";
import type { SheetKey, WorkbookPlan } from "../plan/types";
import { checkStatus, countChecks } from "../plan/verdict";
import { VERSION } from "./buildInfo";
import { effectivePack } from "./pack";
import type { WizardState } from "./state";

/** The generator written into the workbook: the package's name for users and its version (package.json). */
export const GENERATOR = `edu-budget ${VERSION}`;

/** The plan to preview (not validated: nothing is written from it). */
export function planFor(state: WizardState, now: Date, sheets?: readonly SheetKey[]): WorkbookPlan {
  if (!state.district) throw new Error("no district loaded");
  return buildWorkbookPlan(state.district, effectivePack(state), buildOptions(now, sheets));
}

/** A reconciliation as the preview shows it: its difference and whether it agrees (decided as 目录 and the CLI do). */
export interface PreviewReconciliation {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly difference: number;
  readonly agrees: boolean;
}

/** The plan and its reconciliations, for the Preview step. */
export function previewFor(
  state: WizardState,
  now: Date,
): { readonly plan: WorkbookPlan; readonly reconciliations: readonly PreviewReconciliation[] } {
  if (!state.district) throw new Error("no district loaded");
  const { plan, reconciliations } = buildWorkbook(state.district, effectivePack(state), {
    generatedAt: now.toISOString(),
    generator: GENERATOR,
  });
  return {
    plan,
    reconciliations: reconciliations.map((r) => ({
      labelZh: r.labelZh,
      labelEn: r.labelEn,
      difference: r.difference.value,
      agrees: reconciles(r.difference.value),
    })),
  };
}

/** What the Preview and Generate steps show of a plan: its checks, its sheets' names and its reconciliations. */
export interface PreviewSummary {
  readonly checks: WorkbookPlan["checks"];
  readonly sheets: readonly { readonly key: string; readonly name: string }[];
  readonly reconciliations: readonly PreviewReconciliation[];
}

/** previewFor's result without the cells: small enough to come back from a worker at once. */
export function previewSummaryFor(state: WizardState, now: Date): PreviewSummary {
  const { plan, reconciliations } = previewFor(state, now);
  return {
    checks: plan.checks,
    sheets: plan.sheets.map(({ key, name }) => ({ key, name })),
    reconciliations,
  };
}

/** The plan to write, with validatePlan's problems: the gateway writes it only when there is none. */
export function workbookFor(state: WizardState, now: Date, sheets?: readonly SheetKey[]): BuiltWorkbook {
  if (!state.district) throw new Error("no district loaded");
  return buildWorkbook(state.district, effectivePack(state), buildOptions(now, sheets));
}

const buildOptions = (now: Date, sheets?: readonly SheetKey[]) => ({
  generatedAt: now.toISOString(),
  generator: GENERATOR,
  ...(sheets ? { sheets } : {}),
});

/** Checks passed and failed; a check with nothing to check (不适用) is neither. */
export function checkCounts(plan: Pick<WorkbookPlan, "checks">): { passed: number; failed: number } {
  const { passed, failed } = countChecks(plan.checks);
  return { passed, failed };
}

export { sheetChoices } from "../plan/build";

/** The failed checks with their labels and details, for the Done step. */
export function failedChecks(plan: WorkbookPlan) {
  return plan.checks
    .filter((check) => checkStatus(check) === "fail")
    .map(({ labelZh, labelEn, detailZh, detailEn }) => ({ labelZh, labelEn, detailZh, detailEn }));
}
