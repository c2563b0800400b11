/**
 * A check's standing: passed, failed, or not applicable (a check over zero items, e.g. a dropout check with no
 * school that has a limit). A check that is not applicable shows 不适用 in its verdict cell and counts neither as
 * passed nor as failed.
 */
import type { CheckPlan } from "./types";

/** What a verdict cell shows for a check with nothing to check. */
export const NOT_APPLICABLE = "不适用";

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
