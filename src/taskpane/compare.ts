/**
 * A scenario or another input against the loaded data, for the pane (pure: the clock is passed in). The workbook in
 * Excel holds the loaded data's sheets, so they are B of the comparison (the 对比 sheet's B column refers to them)
 * and the scenario (or the other input: 一上 against 二上, last year's input) is A; the plan to write holds the 对比
 * sheet alone.
 */
import type { District } from "../district/model";
import type { Problem } from "../district/problems";
import { buildWorkbook } from "../plan/build";
import { compareBuilds, type BuildComparison } from "../plan/compare";
import { buildComparisonSheet } from "../plan/comparisonSheet";
import { applyScenario, readScenarioJson } from "../plan/scenario";
import type { WorkbookPlan } from "../plan/types";
import { validatePlan, type PlanProblem } from "../plan/validate";
import { packForYear } from "../policy";
import type { PolicyPack } from "../policy/types";
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
  state: Pick<WizardState, "packId" | "edits" | "district"> & Partial<Pick<WizardState, "packFile">>,
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
  return compared(state.district, pack, applied.district, applied.pack, read.scenario.name, now, {
    a: labels.scenario(read.scenario.name),
    b: labels.loaded,
  });
}

/**
 * Another input (a district read from a file) against the loaded data: A is built with the pack the other input
 * names (for its own budget year) when it names another one, else with the loaded data's pack and its edits.
 */
export function inputComparisonFor(
  state: Pick<WizardState, "packId" | "edits" | "district"> & Partial<Pick<WizardState, "packFile">>,
  other: District,
  otherLabel: string,
  now: Date,
  labels = { other: (label: string) => `「${label}」`, loaded: "本工作簿的数据" },
): ScenarioComparison {
  if (!state.district) throw new Error("no district loaded");
  const pack = effectivePack(state);
  const otherPack = other.policyPack === state.district.policyPack ? pack : packOr(other, pack);
  return compared(state.district, pack, other, otherPack, otherLabel, now, {
    a: labels.other(otherLabel),
    b: labels.loaded,
  });
}

function packOr(district: District, fallback: PolicyPack): PolicyPack {
  try {
    return packForYear(district.policyPack, district.budgetYear);
  } catch {
    return fallback;
  }
}

function compared(
  base: District,
  basePack: PolicyPack,
  other: District,
  otherPack: PolicyPack,
  name: string,
  now: Date,
  sides: { readonly a: string; readonly b: string },
): ScenarioComparison {
  const options = { generatedAt: now.toISOString(), generator: GENERATOR };
  const builtBase = buildWorkbook(base, basePack, options);
  const builtOther = buildWorkbook(other, otherPack, options);
  const comparison = compareBuilds(builtOther, builtBase, {
    a: { district: other, pack: otherPack },
    b: { district: base, pack: basePack },
  });
  const sheet = buildComparisonSheet(comparison, sides);
  const plan: WorkbookPlan = { ...builtBase.plan, sheets: [sheet], names: [], checks: [] };
  const whole: WorkbookPlan = { ...builtBase.plan, sheets: [...builtBase.plan.sheets, sheet] };
  return { ok: true, name, comparison, plan, problems: validatePlan(whole) };
}

export type CompareAgainst =
  | { readonly kind: "scenario"; readonly text: string }
  | { readonly kind: "input"; readonly district: District; readonly label: string };

export interface CompareLabels {
  readonly loaded: string;
  /** The A side's label: 场景「{name}」 or 「{label}」, `{name}` filled in. */
  readonly scenario: string;
  readonly other: string;
}

export interface CompareRequest {
  readonly state: Pick<WizardState, "packId" | "edits" | "district" | "packFile">;
  readonly against: CompareAgainst;
  readonly now: string;
  readonly labels: CompareLabels;
}

/** The comparison a request asks for (the worker's work, callable on the main thread too). */
export function comparisonFor({ state, against, now, labels }: CompareRequest): ScenarioComparison {
  const at = new Date(now);
  return against.kind === "scenario"
    ? scenarioComparisonFor(state, against.text, at, {
        scenario: (name) => labels.scenario.replace("{name}", name),
        loaded: labels.loaded,
      })
    : inputComparisonFor(state, against.district, against.label, at, {
        other: (label) => labels.other.replace("{name}", label),
        loaded: labels.loaded,
      });
}
