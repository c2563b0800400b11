import fc from "fast-check";
import {
  contributionBase,
  CONTRIBUTIONS,
  PAY_COMPONENTS,
  perHeadCost,
  perHeadCostFormula,
  personnelCost,
} from "../../src/budget/personnel";
import { evaluateFormulas } from "../support/hyperformula";

const NATIONAL = { pension: 0.16, annuity: 0.08, medical: 0.06, housingFund: 0.12 };

describe("perHeadCost", () => {
  it("is the pay standards and the employer's contributions of one person", () => {
    // 50,000 × (1 + 16 % + 8 % + 6 % + 12 %) = 71,000 元.
    expect(perHeadCost(50000, NATIONAL)).toBeCloseTo(71000, 9);
  });

  it("is what personnelCost gives for one person, every component together", () => {
    const yuan = fc.integer({ min: 0, max: 200000 });
    const rate = fc.integer({ min: 0, max: 30 }).map((x) => x / 100);
    fc.assert(
      fc.property(
        yuan,
        yuan,
        yuan,
        rate,
        rate,
        rate,
        rate,
        (basicPay, allowances, performancePay, a, b, c, d) => {
          const pay = { basicPay, allowances, performancePay };
          const rates = { pension: a, annuity: b, medical: c, housingFund: d };
          const parts = personnelCost(1, pay, rates);
          const keys = [...PAY_COMPONENTS, ...CONTRIBUTIONS].map((k) => k.key);
          const sum = keys.reduce((s, k) => s + parts[k], 0);
          expect(perHeadCost(contributionBase(pay), rates)).toBeCloseTo(sum, 6);
        },
      ),
    );
  });

  it("has a formula twin that gives the same in HyperFormula", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300000 }),
        fc.integer({ min: 0, max: 30 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 12 }).map((x) => x / 100),
        (base, pension, housingFund) => {
          const rates = { ...NATIONAL, pension, housingFund };
          const actual = evaluateFormulas(
            {
              cells: {
                A1: base,
                B1: rates.pension,
                C1: rates.annuity,
                D1: rates.medical,
                E1: rates.housingFund,
              },
              formulas: {
                F1: perHeadCostFormula("A1", {
                  pension: "B1",
                  annuity: "C1",
                  medical: "D1",
                  housingFund: "E1",
                }),
              },
            },
            "F1",
          );
          expect(Number(actual)).toBeCloseTo(perHeadCost(base, rates), 6);
        },
      ),
      { numRuns: 50 },
    );
  });
});
