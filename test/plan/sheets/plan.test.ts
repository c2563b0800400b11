import { getSample } from "../../../src/district/samples";
import { planMismatches } from "../../support/hyperformula";
import { context, planOf } from "./helpers";

describe("规划", () => {
  it.each(["zhenlai", "wuzhen"])("agrees with the domain computation in HyperFormula for %s", (id) => {
    const district = getSample(id);
    const built = context(district);
    const debt = built.sheet("debt");
    const plan = planOf(built, [debt, built.sheet("plan")]);
    expect(planMismatches(plan).slice(0, 10)).toEqual([]);
  });
});
