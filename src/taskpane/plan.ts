/**
 * The plan a wizard state stands for (pure: the clock is passed in). The plan builders are loaded with the
 * Preview step, not with the first render.
 */
import { buildWorkbook, buildWorkbookPlan, type BuiltWorkbook } from "../plan/build";
import type { WorkbookPlan } from "../plan/types";
import type { SheetKey } from "../plan/context";
import { effectivePack } from "./pack";
import type { WizardState } from "./state";

export const GENERATOR = "edu-budget 1.0.0";

/** The plan to preview (not validated: nothing is written from it). */
export function planFor(state: WizardState, now: Date, sheets?: readonly SheetKey[]): WorkbookPlan {
  if (!state.district) throw new Error("no district loaded");
  return buildWorkbookPlan(state.district, effectivePack(state), buildOptions(now, sheets));
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

export function checkCounts(plan: WorkbookPlan): { passed: number; failed: number } {
  const passed = plan.checks.filter((check) => check.pass).length;
  return { passed, failed: plan.checks.length - passed };
}

export { sheetChoices } from "../plan/build";

/** The failed checks with their labels and details, for the Done step. */
export function failedChecks(plan: WorkbookPlan) {
  return plan.checks
    .filter((check) => !check.pass)
    .map(({ labelZh, labelEn, detailZh, detailEn }) => ({ labelZh, labelEn, detailZh, detailEn }));
}
