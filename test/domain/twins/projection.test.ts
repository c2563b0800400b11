import fc from "fast-check";
import { RuleError } from "../../../src/domain/errors";
import {
  entryRate,
  entryRateFormula,
  progressionRatioFormula,
  progressionRatios,
  projectEnrollment,
  projectionStepFormula,
} from "../../../src/domain/projection";
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

describe("progressionRatioFormula", () => {
  it("gives progressionRatios' ratio of a grade over a history without gaps, #DIV/0! for a zero denominator", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 })), {
          minLength: 2,
          maxLength: 6,
        }),
        (rows) => {
          // Column A the lower grade, column B the upper grade, one row a year.
          const cells: Record<string, number> = {};
          rows.forEach(([lower, upper], t) => {
            cells[`A${t + 1}`] = lower;
            cells[`B${t + 1}`] = upper;
          });
          const n = rows.length;
          const actual = evaluateFormulas(
            { cells, formulas: { D1: progressionRatioFormula(`B2:B${n}`, `A1:A${n - 1}`) } },
            "D1",
          );
          expectSameAsRule(actual, () => {
            const [ratio] = progressionRatios(rows);
            if (ratio instanceof RuleError) throw ratio;
            return ratio as number;
          });
        },
      ),
      RUNS,
    );
  });
});

describe("entryRateFormula", () => {
  it("gives entryRate's Σ entrants / Σ births over ranges without gaps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 30_000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (pairs) => {
          const cells: Record<string, number> = {};
          pairs.forEach(([entrants, births], i) => {
            cells[`A${i + 1}`] = entrants;
            cells[`B${i + 1}`] = births;
          });
          const n = pairs.length;
          const actual = evaluateFormulas(
            { cells, formulas: { D1: entryRateFormula(`A1:A${n}`, `B1:B${n}`) } },
            "D1",
          );
          expectSameAsRule(actual, () =>
            entryRate(
              pairs.map(([e]) => e),
              pairs.map(([, b]) => b),
            ),
          );
        },
      ),
      RUNS,
    );
  });
});
