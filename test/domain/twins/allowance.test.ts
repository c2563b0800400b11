import fc from "fast-check";
import {
  allowance,
  allowanceFormula,
  allowanceMonthsFormula,
  nutritionCost,
  nutritionCostFormula,
} from "../../../src/domain/allowance";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { RUNS } from "./packs";

describe("allowanceMonthsFormula and allowanceFormula", () => {
  it("give allowance's people × monthly rate × months from the start month to December", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 300_000 }).map((x) => x / 100),
        fc.integer({ min: 1, max: 12 }),
        (people, rate, start) => {
          const actual = evaluateFormulas(
            {
              cells: { A1: people, B1: rate, C1: start },
              formulas: { D1: allowanceMonthsFormula("C1"), E1: allowanceFormula("A1", "B1", "D1") },
            },
            "E1",
          );
          expectSameAsRule(actual, () => allowance(people, rate, start));
        },
      ),
      RUNS,
    );
  });
});

describe("nutritionCostFormula", () => {
  it("gives nutritionCost's students × 元 per day × days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 1000 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 365 }),
        (students, perDay, days) => {
          const actual = evaluateFormulas(
            {
              cells: { A1: students, B1: perDay, C1: days },
              formulas: { D1: nutritionCostFormula("A1", "B1", "C1") },
            },
            "D1",
          );
          expectSameAsRule(actual, () => nutritionCost(students, perDay, days));
        },
      ),
      RUNS,
    );
  });
});
