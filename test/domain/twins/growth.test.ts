import fc from "fast-check";
import {
  growth,
  growthFormula,
  onlyIncrease,
  onlyIncreaseFormula,
  outgrowsFormula,
  risesFormula,
  threeGrowth,
} from "../../../src/domain/growth";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { money, RUNS } from "./packs";

/** A prior figure and a current one that is often the same (the pass/fail boundary). */
const pair = fc.tuple(money(1e6), money(1e6), fc.boolean()).map(([p, c, same]) => [p, same ? p : c] as const);

describe("growthFormula", () => {
  it("computes growth's current/prior − 1, and #DIV/0! for a zero prior, in HyperFormula", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), money(1e6)), money(1e6), (prior, current) => {
        const actual = evaluateFormulas(
          { cells: { A1: prior, B1: current }, formulas: { C1: growthFormula("A1", "B1") } },
          "C1",
        );
        expectSameAsRule(actual, () => growth(prior, current));
      }),
      RUNS,
    );
  });
});

describe("the three growths' pass formulas", () => {
  it("give threeGrowth's G1, G2 and G3 verdicts for generated fiscal years", () => {
    const positive = pair.filter(([p]) => p > 0);
    fc.assert(
      fc.property(fc.array(positive, { minLength: 4, maxLength: 5 }), (pairs) => {
        const cells: Record<string, number> = {};
        pairs.forEach(([p, c], i) => {
          cells[`A${i + 1}`] = p;
          cells[`B${i + 1}`] = c;
        });
        const formulas: Record<string, string> = {
          C1: growthFormula("A1", "B1"),
          C2: growthFormula("A2", "B2"),
          D1: outgrowsFormula("C1", "C2"),
        };
        for (let i = 3; i <= pairs.length; i++) formulas[`D${i - 1}`] = risesFormula(`A${i}`, `B${i}`);
        const rows = threeGrowth(
          pairs.map(([p]) => p),
          pairs.map(([, c]) => c),
        );
        rows.forEach((row, i) =>
          expectSameAsRule(evaluateFormulas({ cells, formulas }, `D${i + 1}`), () => row.pass),
        );
      }),
      RUNS,
    );
  });
});

describe("onlyIncreaseFormula", () => {
  it("gives onlyIncrease's verdict for generated totals and per-student figures", () => {
    fc.assert(
      fc.property(pair, pair, ([t0, t1], [p0, p1]) => {
        const actual = evaluateFormulas(
          {
            cells: { A1: t0, B1: t1, A2: p0, B2: p1 },
            formulas: { C1: onlyIncreaseFormula("A1", "B1", "A2", "B2") },
          },
          "C1",
        );
        expectSameAsRule(actual, () => onlyIncrease(t0, t1, p0, p1));
      }),
      RUNS,
    );
  });
});
