import fc from "fast-check";
import { projectEnrollment, projectionStepFormula } from "../../../src/domain/projection";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { RUNS } from "./packs";

const LETTERS = "ABCDEFGH";

describe("projectionStepFormula", () => {
  it("fills a projection grid that gives projectEnrollment cell by cell (E(g+1, T+k) = E(g, T+k−1) × r(g))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((grades) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: grades, maxLength: grades }),
            fc.array(
              fc.integer({ min: 80, max: 120 }).map((x) => x / 100),
              { minLength: grades - 1, maxLength: grades - 1 },
            ),
            fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 3 }),
          ),
        ),
        ([current, ratios, entrants]) => {
          const grades = current.length;
          // Row 1: current (A1…); row 10: ratios (A10…); column H from row 20: entrants; rows 2…: the projection.
          const cells: Record<string, number> = {};
          current.forEach((x, g) => (cells[`${LETTERS[g]}1`] = x));
          ratios.forEach((r, g) => (cells[`${LETTERS[g]}10`] = r));
          entrants.forEach((x, k) => (cells[`H${20 + k}`] = x));
          const formulas: Record<string, string> = {};
          entrants.forEach((_, k) => {
            formulas[`A${k + 2}`] = `H${20 + k}`;
            for (let g = 1; g < grades; g++) {
              formulas[`${LETTERS[g]}${k + 2}`] = projectionStepFormula(
                `${LETTERS[g - 1]}${k + 1}`,
                `$${LETTERS[g - 1]}$10`,
              );
            }
          });
          const expected = projectEnrollment(current, ratios, entrants);
          entrants.forEach((_, k) => {
            for (let g = 0; g < grades; g++) {
              const actual = evaluateFormulas({ cells, formulas }, `${LETTERS[g]}${k + 2}`);
              expectSameAsRule(actual, () => expected[k]![g]!);
            }
          });
        },
      ),
      { numRuns: Math.min(RUNS.numRuns, 30) },
    );
  });
});
