import fc from "fast-check";
import { allowance, nutritionCost } from "../../src/domain/allowance";
import "../support/custom-functions-runtime";
import { NUTRITION_COST } from "../../src/functions/functions";

describe("allowance", () => {
  it("pays 4 months in a year starting in September", () => {
    expect(allowance(10, 400, 9)).toBe(16000);
  });
  it("pays 12 months from January by default", () => {
    expect(allowance(10, 400)).toBe(48000);
  });
  it("rejects a start month outside 1–12 or fractional", () => {
    expect(() => allowance(1, 1, 13)).toThrow(/start_month: a whole number from 1 to 12/);
    expect(() => allowance(1, 1, 2.5)).toThrow(/start_month/);
  });
  it("never pays more when starting later", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 11 }),
        (n, r, m) => {
          expect(allowance(n, r, m + 1)).toBeLessThanOrEqual(allowance(n, r, m));
        },
      ),
    );
  });
});

describe("nutritionCost", () => {
  it("is students × 元 per day × days: 1000 pupils at 5 元 for 200 days cost 1,000,000 元", () => {
    expect(nutritionCost(1000, 5, 200)).toBe(1000000);
    expect(() => nutritionCost(1, -5, 200)).toThrow(/yuan_per_day/);
  });
  it("is the product of its three factors, and EDU.NUTRITION_COST defaults to 5 元 for 200 days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e5 }),
        fc.integer({ min: 0, max: 100 }).map((c) => c / 10),
        fc.integer({ min: 0, max: 366 }),
        (students, perDay, days) => {
          expect(nutritionCost(students, perDay, days)).toBe(students * perDay * days);
          expect(nutritionCost(students, perDay, 2 * days)).toBe(2 * nutritionCost(students, perDay, days));
          expect(NUTRITION_COST(students, null as never, null as never)).toBe(students * 5 * 200);
        },
      ),
    );
  });
});
