import { getPack } from "../../src/policy/packs";
import { buildWorkbookPlan } from "../../src/plan/build";
import { expectPlanComputes } from "../support/hyperformula";
import { FIXTURE } from "./fixtures";

const OPTIONS = { generatedAt: "2026-11-29T08:00:00Z", generator: "edu-budget 1.0.0" };

describe("the plan of the fixture district", () => {
  it("computes in HyperFormula every value the builders stored", () => {
    const plan = buildWorkbookPlan(FIXTURE, getPack("wuzhen-2004"), OPTIONS);
    expectPlanComputes(plan);
  });
});
