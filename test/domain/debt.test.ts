import fc from "fast-check";
import { reconcile, reconciles, repaySchedule } from "../../src/domain/debt";
import { round2 } from "../../src/domain/validate";
import "../support/custom-functions-runtime";
import { RECONCILE } from "../../src/functions/functions";

// S2-04: the four steps of the education debt, 万元.
const steps = [1512.88, 480, 3344.29 + 1576.59, 6746.28];

describe("reconciles", () => {
  it("lets a difference under half a cent agree and one of half a cent or more differ, either sign", () => {
    expect([0, 0.004, -0.004, 0.0049].map(reconciles)).toEqual([true, true, true, true]);
    expect([0.005, -0.005, 0.01, -15.26].map(reconciles)).toEqual([false, false, false, false]);
  });
});

describe("reconcile", () => {
  it("shows the speech's debt steps exceed the stated 13644.78 by 15.26 (I-1)", () => {
    expect(reconcile(13644.78, [1512.88, 480, 3344.29, 1576.59, 6746.28])).toBe(-15.26);
  });
  it("is 0 when the parts reconcile, skipping empty cells", () => {
    expect(reconcile(13660.04, [1512.88, null, 480, 3344.29, 1576.59, 6746.28])).toBe(0);
  });
  it("rounds half away from zero to 2 decimals", () => {
    expect(reconcile(1.005, [])).toBe(1.01);
    expect(reconcile(0, [1.005])).toBe(-1.01);
  });
  const money = fc.integer({ min: -1e11, max: 1e11 }).map((c) => c / 100);
  const parts = fc.array(fc.oneof(money, fc.constant(null)), { maxLength: 12 });
  it("is 0 when the stated total is the sum of the parts", () => {
    fc.assert(
      fc.property(parts, (ps) => {
        const sum = ps.reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(reconcile(sum, ps)).toBe(0);
      }),
    );
  });
  it("is stated − Σ parts to the cent, as round2(stated − Σ), skipping empty cells", () => {
    fc.assert(
      fc.property(money, parts, (stated, ps) => {
        const cents = (x: number): number => Math.round(x * 100);
        const gap = reconcile(stated, ps);
        const sum = ps.reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(gap).toBe(round2(stated - sum));
        expect(cents(gap)).toBe(cents(stated) - ps.reduce<number>((a, b) => a + cents(b ?? 0), 0));
        expect(
          reconcile(
            stated,
            ps.filter((p) => p !== null),
          ),
        ).toBe(gap);
      }),
    );
  });
  it("EDU.RECONCILE reads the parts as a row or a column with empty cells", () => {
    fc.assert(
      fc.property(money, parts, (stated, ps) => {
        const cells = ps.map((p) => p ?? "");
        const expected = reconcile(stated, ps);
        expect(RECONCILE(stated, cells.length ? [cells] : [[""]])).toBe(expected);
        expect(RECONCILE(stated, cells.length ? cells.map((c) => [c]) : [[""]])).toBe(expected);
      }),
    );
  });
});

describe("repaySchedule", () => {
  it("pays the steps in order: cumulative 1512.88 → 1992.88 → 6913.76 → 13660.04", () => {
    const plan = repaySchedule(steps, [1992.88, 4920.88, 6746.28]);
    expect(plan).toEqual([
      [1512.88, 0, 0, 0],
      [480, 0, 0, 0],
      [0, 4920.88, 0, 0],
      [0, 0, 6746.28, 0],
    ]);
  });
  it("splits a step over years and leaves the rest unpaid in the last column", () => {
    expect(repaySchedule([100, 50], [30, 30])).toEqual([
      [30, 30, 40],
      [0, 0, 50],
    ]);
  });
  it("is exact to the cent: ten payments of 0.1 settle 1.00", () => {
    const plan = repaySchedule(
      [1],
      Array.from({ length: 10 }, () => 0.1),
    );
    expect(plan[0]?.[10]).toBe(0);
  });
  it("rejects negative amounts and capacities", () => {
    expect(() => repaySchedule([-1], [1])).toThrow(/amounts/);
    expect(() => repaySchedule([1], [-1])).toThrow(/capacity/);
  });
  const money = fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100);
  it("pays exactly what is owed or leaves it unpaid, within each year's capacity, earliest steps first", () => {
    fc.assert(
      fc.property(
        fc.array(money, { minLength: 1, maxLength: 8 }),
        fc.array(money, { minLength: 1, maxLength: 6 }),
        (amounts, caps) => {
          const plan = repaySchedule(amounts, caps);
          const cents = (x: number): number => Math.round(x * 100);
          plan.forEach((row, i) =>
            expect(cents(row.reduce((a, b) => a + b, 0))).toBe(cents(amounts[i] ?? 0)),
          );
          caps.forEach((cap, y) =>
            expect(cents(plan.reduce((a, row) => a + (row[y] ?? 0), 0))).toBeLessThanOrEqual(cents(cap)),
          );
          caps.forEach((cap, y) => {
            const paidInYear = plan.reduce((a, row) => a + cents(row[y] ?? 0), 0);
            const unpaidAfter = plan.reduce((a, row) => a + cents(row[caps.length] ?? 0), 0);
            // A year pays less than its capacity only if nothing is left unpaid.
            if (paidInYear < cents(cap)) expect(unpaidAfter).toBe(0);
          });
          // Earliest first: once a step has something unpaid at the end, every later step was never paid.
          const firstUnpaid = plan.findIndex((row) => cents(row[caps.length] ?? 0) > 0);
          if (firstUnpaid >= 0) {
            plan
              .slice(firstUnpaid + 1)
              .forEach((row) => expect(row.slice(0, -1).every((c) => c === 0)).toBe(true));
          }
        },
      ),
    );
  });
});
