/**
 * A check's standing: passed, failed, or not applicable (a check over zero items, e.g. a dropout check with no
 * school that has a limit). A check that is not applicable shows 不适用 in its verdict cell and counts neither as
 * passed nor as failed.
 */
import type { PolicyKey, PolicyPack } from "../policy/types";
import type { CheckPlan } from "./types";

/** What a verdict cell shows for a check with nothing to check (in every language of the workbook). */
export const NOT_APPLICABLE = "不适用";

/** The language of the workbook's cells: Chinese (the default), English, or both side by side. */
export type WorkbookLanguage = "zh" | "en" | "both";

/**
 * What a verdict cell shows for a passed and a failed check, and a yes/no cell for a yes and a no: text a reader
 * reads and COUNTIF counts.
 */
export interface VerdictWords {
  readonly pass: string;
  readonly fail: string;
  readonly yes: string;
  readonly no: string;
}

export const VERDICT_WORDS: { readonly [L in WorkbookLanguage]: VerdictWords } = {
  zh: { pass: "通过", fail: "未通过", yes: "是", no: "否" },
  en: { pass: "Pass", fail: "Fail", yes: "Yes", no: "No" },
  both: { pass: "通过 Pass", fail: "未通过 Fail", yes: "是 Yes", no: "否 No" },
};

/** The verdict words of a workbook language (Chinese when none is chosen). */
export function verdictWords(language: WorkbookLanguage | undefined): VerdictWords {
  return VERDICT_WORDS[language ?? "zh"];
}

export type CheckStatus = "pass" | "fail" | "notApplicable";

export function checkStatus(check: Pick<CheckPlan, "pass" | "applicable">): CheckStatus {
  if (check.applicable === false) return "notApplicable";
  return check.pass ? "pass" : "fail";
}

/** The checks passed, failed and not applicable. */
export function countChecks(checks: readonly Pick<CheckPlan, "pass" | "applicable">[]): {
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
} {
  const counts = { passed: 0, failed: 0, notApplicable: 0 };
  for (const check of checks) {
    const status = checkStatus(check);
    if (status === "pass") counts.passed += 1;
    else if (status === "fail") counts.failed += 1;
    else counts.notApplicable += 1;
  }
  return counts;
}

/** The keys of a check's rule that have no value in force in the pack's year (its earliest value is only shown). */
export function rulesNotInForce(pack: PolicyPack, keys: readonly PolicyKey[]): PolicyKey[] {
  return keys.filter((key) => pack.values[key].status === "notInForce");
}

/**
 * A check over a rule not in force in the budget year: not applicable, and its detail says from when the rule
 * applies (absent when every key of the rule is in force, or used before its start by the user's choice).
 */
export function notInForceSpec(
  pack: PolicyPack,
  keys: readonly PolicyKey[],
  year: number,
): { readonly applicable: false; readonly detailZh: string; readonly detailEn: string } | undefined {
  const missing = rulesNotInForce(pack, keys);
  const first = missing[0];
  if (first === undefined) return undefined;
  const value = pack.values[first];
  return {
    applicable: false,
    detailZh: `${value.labelZh}的标准${year}年未施行(${value.fromYear}年起施行), ${NOT_APPLICABLE}`,
    detailEn: `the rule (${value.labelEn}) is not in force in ${year} (it applies from ${value.fromYear}): not applicable`,
  };
}
