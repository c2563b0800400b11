/** The pack and the plan a wizard state stands for (pure: the clock is passed in). */
import { buildWorkbookPlan } from "../plan/build";
import type { WorkbookPlan } from "../plan/types";
import type { SheetKey } from "../plan/context";
import { derivePack, getPack, type PolicyPack } from "../policy";
import { bumpPatch, editedPackId, type WizardState } from "./state";

export const GENERATOR = "edu-budget 1.0.0";

/** The chosen pack, or a pack derived from it when values were edited (the built-in one is never changed). */
export function effectivePack(state: Pick<WizardState, "packId" | "edits">): PolicyPack {
  const base = getPack(state.packId);
  if (Object.keys(state.edits).length === 0) return base;
  return derivePack(base, state.edits, { id: editedPackId(base.id), version: bumpPatch(base.version) });
}

export function planFor(state: WizardState, now: Date, sheets?: readonly SheetKey[]): WorkbookPlan {
  if (!state.district) throw new Error("no district loaded");
  return buildWorkbookPlan(state.district, effectivePack(state), {
    generatedAt: now.toISOString(),
    generator: GENERATOR,
    ...(sheets ? { sheets } : {}),
  });
}

export function checkCounts(plan: WorkbookPlan): { passed: number; failed: number } {
  const passed = plan.checks.filter((check) => check.pass).length;
  return { passed, failed: plan.checks.length - passed };
}
