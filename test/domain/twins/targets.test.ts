import fc from "fast-check";
import {
  requiredOnTrajectory,
  requiredOnTrajectoryFormula,
  trajectoryShare,
  trajectoryShareFormula,
} from "../../../src/domain/targets";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { RUNS } from "./packs";

const year = fc.integer({ min: 1990, max: 2100 });

describe("trajectoryShareFormula", () => {
  it("gives trajectoryShare for any start, due year and year", () => {
    fc.assert(
      fc.property(year, year, year, (start, due, y) => {
        const actual = evaluateFormulas(
          {
            cells: { A1: start, B1: due, C1: y },
            formulas: { D1: trajectoryShareFormula("A1", "B1", "C1") },
          },
          "D1",
        );
        expectSameAsRule(actual, () => trajectoryShare(start, due, y));
      }),
      RUNS,
    );
  });
});

describe("requiredOnTrajectoryFormula", () => {
  it("gives requiredOnTrajectory for targets in whole percent over up to ten years", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 9 }),
        (rate, total, steps, k) => {
          const share = trajectoryShare(2020, 2020 + steps - 1, 2020 + k);
          const actual = evaluateFormulas(
            {
              cells: { A1: rate, B1: total, C1: 2020, D1: 2020 + steps - 1, E1: 2020 + k },
              formulas: {
                F1: trajectoryShareFormula("C1", "D1", "E1"),
                G1: requiredOnTrajectoryFormula("A1", "B1", "F1"),
              },
            },
            "G1",
          );
          expectSameAsRule(actual, () => requiredOnTrajectory(rate, total, share));
        },
      ),
      RUNS,
    );
  });
});
