import { expectPlanComputes } from "../../support/hyperformula";
import { context, planOf, TRICKY, TRICKY_NAMES } from "./helpers";

describe("names that look like criteria", () => {
  it("totals towns, finds stated projects and kindergartens named * ? <5 =x ~ exactly as the domain does", () => {
    const built = context(TRICKY);
    const plan = planOf(built, [
      built.sheet("publicFunds"),
      built.sheet("projects"),
      built.sheet("preschool"),
    ]);
    expectPlanComputes(plan);
    expect(new Set(TRICKY.schools.map((s) => s.town))).toEqual(new Set([...TRICKY_NAMES, "城关镇"]));
    expect(built.ctx.checks.filter((c) => c.id.startsWith("projects.count")).map((c) => c.pass)).toEqual([
      true,
    ]);
  });
});
