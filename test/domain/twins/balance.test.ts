import fc from "fast-check";
import {
  balanceCheck,
  balanceCheckFormula,
  balanceCv,
  compositeCv,
  compositeCvFormula,
  cvFormula,
  weightedDeviationFormula,
  weightedMeanFormula,
  weightedSdFormula,
} from "../../../src/domain/balance";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { RUNS } from "./packs";

/** Schools: an indicator value X (often 0) and the weight P (students; sometimes 0). */
const schools = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100),
    ),
    fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
  ),
  { minLength: 1, maxLength: 8 },
);

describe("the balance CV formulas", () => {
  it("give balanceCv's weighted CV through X̄, P·(X−X̄)², S and S/X̄, and #DIV/0! where it has none", () => {
    fc.assert(
      fc.property(schools, (rows) => {
        const n = rows.length;
        const cells: Record<string, number> = {};
        const formulas: Record<string, string> = {
          E1: weightedMeanFormula(`A1:A${n}`, `B1:B${n}`),
          E2: weightedSdFormula(`C1:C${n}`, `B1:B${n}`),
          E3: cvFormula("E2", "E1"),
        };
        rows.forEach(([x, p], i) => {
          cells[`A${i + 1}`] = x;
          cells[`B${i + 1}`] = p;
          formulas[`C${i + 1}`] = weightedDeviationFormula(`A${i + 1}`, `B${i + 1}`, "$E$1");
        });
        const actual = evaluateFormulas({ cells, formulas }, "E3");
        expectSameAsRule(actual, () =>
          balanceCv(
            rows.map(([x]) => x),
            rows.map(([, p]) => p),
          ),
        );
      }),
      RUNS,
    );
  });

  it("give compositeCv's mean of the indicator CVs and balanceCheck's verdict against a limit", () => {
    const cv = fc.integer({ min: 0, max: 2000 }).map((x) => x / 1000);
    fc.assert(
      fc.property(fc.array(cv, { minLength: 1, maxLength: 8 }), cv, (cvs, limit) => {
        const cells: Record<string, number> = { B1: limit };
        cvs.forEach((x, i) => (cells[`A${i + 1}`] = x));
        const sheet = {
          cells,
          formulas: {
            C1: compositeCvFormula(`A1:A${cvs.length}`),
            C2: balanceCheckFormula("C1", "B1"),
          },
        };
        expectSameAsRule(evaluateFormulas(sheet, "C1"), () => compositeCv(cvs));
        expectSameAsRule(evaluateFormulas(sheet, "C2"), () => balanceCheck(compositeCv(cvs), limit));
      }),
      RUNS,
    );
  });
});
