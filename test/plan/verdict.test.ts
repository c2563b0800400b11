import { checkStatus, countChecks, NOT_APPLICABLE } from "../../src/plan/verdict";
import { checkCounts } from "../../src/taskpane/plan";
import { expectPlanComputes } from "../support/hyperformula";
import { fixtureWith } from "./fixtures";
import { column, planOf, YES } from "./planHelpers";

describe("a check over zero items", () => {
  // No school has an enrollment to take a dropout rate of, and no kindergarten is planned.
  const none = fixtureWith((input) => ({
    ...input,
    schools: input.schools.map((s) => ({ ...s, prevStartEnrollment: 0, prevDropouts: 0 })),
    preschool: { ...input.preschool, planned: [] },
  }));
  const plan = planOf(none);

  it("is not applicable, and its verdict cell shows 不适用 rather than TRUE", () => {
    const loaded = expectPlanComputes(plan);
    for (const id of ["dropout.allWithin", "preschool.size"]) {
      const check = plan.checks.find((c) => c.id === id);
      expect(check?.applicable).toBe(false);
      expect(checkStatus(check ?? { pass: true })).toBe("notApplicable");
      const sheet = plan.sheets.find((s) => s.key === check?.sheet)?.name ?? "";
      expect(loaded.valueAt(sheet, check?.cell ?? "")).toBe(NOT_APPLICABLE);
      expect(check?.detailZh).toContain("不适用");
    }
  });

  it("shows 不适用 on 目录 and 汇总, still holding, and counts it neither as passed nor failed", () => {
    const loaded = expectPlanComputes(plan);
    const at = plan.checks.findIndex((c) => c.id === "dropout.allWithin");
    expect(column(plan, loaded, "tblChecks", "结果")[at]).toBe(NOT_APPLICABLE);
    expect(column(plan, loaded, "tblChecks", "说明仍适用 Still holds")[at]).toBe(YES);
    expect(column(plan, loaded, "tblCheckResults", "结果")[at]).toBe(NOT_APPLICABLE);
    const counts = countChecks(plan.checks);
    expect(counts.notApplicable).toBeGreaterThanOrEqual(2);
    expect(counts.passed + counts.failed + counts.notApplicable).toBe(plan.checks.length);
    expect(checkCounts(plan)).toEqual({ passed: counts.passed, failed: counts.failed });
  });

  it("is applicable again once there is an item to check", () => {
    const some = planOf(fixtureWith((input) => input));
    expect(some.checks.find((c) => c.id === "dropout.allWithin")?.applicable).toBeUndefined();
  });
});
