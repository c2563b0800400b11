/**
 * A scenario against the loaded data, for the pane (pure: the clock is passed in). The workbook in Excel holds the
 * loaded data's sheets, so they are B of the comparison (the 对比 sheet's B column refers to them) and the scenario
 * is A; the plan to write holds the 对比 sheet alone.
 */
import type { Problem } from "../district/problems";
import { buildWorkbook } from "../plan/build";
import { compareBuilds, type BuildComparison } from "../plan/compare";
import { buildComparisonSheet } from "../plan/comparisonSheet";
import { applyScenario, readScenarioJson } from "../plan/scenario";
import type { WorkbookPlan } from "../plan/types";
import { validatePlan, type PlanProblem } from "../plan/validate";
import { effectivePack } from "./pack";
import { GENERATOR } from "./plan";
import type { WizardState } from "./state";

export type ScenarioComparison =
  | { readonly ok: false; readonly problems: readonly Problem[] }
  | {
      readonly ok: true;
      readonly name: string;
      readonly comparison: BuildComparison;
      /** The 对比 sheet alone, to write into the workbook that holds the loaded data's sheets. */
      readonly plan: WorkbookPlan;
      /** What Excel would reject in the loaded data's workbook with the 对比 sheet added (its references included). */
      readonly problems: readonly PlanProblem[];
    };

/** The loaded data (B, in the workbook) compared with the scenario in `text` applied to it (A). */
export function scenarioComparisonFor(
  state: Pick<WizardState, "packId" | "edits" | "district">,
  text: string,
  now: Date,
  labels = { scenario: (name: string) => `场景「${name}」`, loaded: "本工作簿的数据" },
): ScenarioComparison {
  if (!state.district) throw new Error("no district loaded");
  const read = readScenarioJson(text, "场景");
  if (!read.scenario) return { ok: false, problems: read.problems };
  const pack = effectivePack(state);
  const applied = applyScenario(state.district, pack, read.scenario, "场景");
  if (!applied.district || !applied.pack) return { ok: false, problems: applied.problems };
  const options = { generatedAt: now.toISOString(), generator: GENERATOR };
  const base = buildWorkbook(state.district, pack, options);
  const scenario = buildWorkbook(applied.district, applied.pack, options);
  const comparison = compareBuilds(scenario, base, {
    a: { district: applied.district, pack: applied.pack },
    b: { district: state.district, pack },
  });
  const sheet = buildComparisonSheet(comparison, {
    a: labels.scenario(read.scenario.name),
    b: labels.loaded,
  });
  const plan: WorkbookPlan = { ...base.plan, sheets: [sheet], names: [], checks: [] };
  const whole: WorkbookPlan = { ...base.plan, sheets: [...base.plan.sheets, sheet] };
  return { ok: true, name: read.scenario.name, comparison, plan, problems: validatePlan(whole) };
}
