/** Checks over rules not in force in the budget year show 不适用 and count neither as passed nor as failed. */
import { packForYear } from "../../src/policy/packs";
import { NOT_APPLICABLE, notInForceSpec, rulesNotInForce } from "../../src/plan/verdict";
import { expectPlanComputes } from "../support/hyperformula";
import { FIXTURE } from "./fixtures";
import { planOf, FAIL, PASS } from "./planHelpers";
import { FIXTURE as SUITE } from "./sheets/helpers";

function shown(year: number, id: string) {
  const plan = planOf({ ...FIXTURE, budgetYear: year }, packForYear("national", year));
  const loaded = expectPlanComputes(plan);
  const check = plan.checks.find((c) => c.id === id);
  const sheet = plan.sheets.find((s) => s.key === check?.sheet);
  return { check, value: loaded.valueAt(sheet?.name ?? "", check?.cell ?? "") };
}

describe("checks over rules not in force in the budget year", () => {
  it("shows 不适用 for the public-funds check before the first national baseline (2009), and checks it after", () => {
    const before = shown(2005, "publicFunds.covered");
    expect(before.value).toBe(NOT_APPLICABLE);
    expect(before.check?.applicable).toBe(false);
    expect(before.check?.detailZh).toContain("2005年未施行(2009年起施行)");
    expect([PASS, FAIL]).toContain(shown(2009, "publicFunds.covered").value);
  });

  it("shows 不适用 for the staffing checks before the 2001 staffing standard", () => {
    for (const id of ["staffing.quota", "staffing.overQuota"]) {
      const before = shown(1999, id);
      expect(before.value).toBe(NOT_APPLICABLE);
      expect(before.check?.detailZh).toContain("1999年未施行(2001年起施行)");
      expect([PASS, FAIL]).toContain(shown(2001, id).value);
    }
  });

  it("shows 不适用 for the dropout check before the 1994 limits", () => {
    expect(shown(1992, "dropout.allWithin").value).toBe(NOT_APPLICABLE);
    expect([PASS, FAIL]).toContain(shown(1994, "dropout.allWithin").value);
  });

  it("shows 不适用 for the 360-child kindergarten limit before 2016, and checks it from 2016", () => {
    const at = (year: number) => {
      const plan = planOf({ ...SUITE, budgetYear: year }, packForYear("national", year));
      const loaded = expectPlanComputes(plan);
      const check = plan.checks.find((c) => c.id === "preschool.size");
      const sheet = plan.sheets.find((s) => s.key === "preschool");
      return { check, value: loaded.valueAt(sheet?.name ?? "", check?.cell ?? "") };
    };
    expect(SUITE.preschool.planned.length).toBeGreaterThan(0);
    const before = at(2012);
    expect(before.value).toBe(NOT_APPLICABLE);
    expect(before.check?.detailZh).toContain("2012年未施行(2016年起施行)");
    expect([PASS, FAIL]).toContain(at(2016).value);
  });

  it("names the keys of a rule without a value in force, and none for a rule chosen before its start", () => {
    const pack = packForYear("national", 2010);
    expect(rulesNotInForce(pack, ["balance.basic.primary", "dropout.primary"])).toEqual([
      "balance.basic.primary",
    ]);
    const chosen = packForYear("national", 2010, { applyBeforeStart: ["balance.basic.primary"] });
    expect(notInForceSpec(chosen, ["balance.basic.primary"], 2010)).toBeUndefined();
    expect(pack.values["balance.basic.primary"].status).toBe("notInForce");
  });
});
