import fc from "fast-check";
import { enrollmentRate, kgCapacity, placesNeeded } from "../../src/domain/preschool";
import { EDU_DEFAULT as P } from "../../src/policy";
import "../support/custom-functions-runtime";
import { ENROLLMENT_RATE, KG_CAPACITY } from "../../src/functions/functions";

const count = fc.integer({ min: 0, max: 1e5 });

describe("preschool", () => {
  it("computes a gross enrollment rate that may exceed 1", () => {
    expect(enrollmentRate(850, 1000)).toBe(0.85);
    expect(enrollmentRate(1100, 1000)).toBe(1.1);
    expect(() => enrollmentRate(5, 0)).toThrow(expect.objectContaining({ kind: "div0" }));
  });
  it("needs the places to reach 90 %, never a negative number", () => {
    expect(placesNeeded(0.9, 1000, 850)).toBe(50);
    expect(placesNeeded(0.9, 1000, 950)).toBe(0);
    // 0.9 × 110 is 99.00000000000001 in binary: 99 places, not 100.
    expect(placesNeeded(0.9, 110, 0)).toBe(99);
  });
  it("reaching the target after adding the places needed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e5 }), fc.integer({ min: 0, max: 1e5 }), (pop, enrolled) => {
        const needed = placesNeeded(0.9, pop, enrolled);
        expect(needed).toBeGreaterThanOrEqual(0);
        expect(enrolled + needed).toBeGreaterThanOrEqual(Math.floor(0.9 * pop));
      }),
    );
  });
  it("seats 25 per 小班, 30 per 中班, 35 per 大班 and 30 per 混龄", () => {
    expect(kgCapacity(P, 3, 3, 3)).toBe(270);
    expect(kgCapacity(P, 3, 3, 3, 2)).toBe(330);
    expect(() => kgCapacity(P, -1, 0, 0)).toThrow(/small_classes/);
  });
  it("gives a rate that times the population is the number enrolled", () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 1e6 }), (enrolled, population) => {
        expect(enrollmentRate(enrolled, population) * population).toBeCloseTo(enrolled, 6);
        expect(ENROLLMENT_RATE(enrolled, population)).toBe(enrollmentRate(enrolled, population));
      }),
    );
  });
  it("seats 25·small + 30·middle + 35·large + 30·mixed, linear in each count", () => {
    fc.assert(
      fc.property(count, count, count, count, count, (small, middle, large, mixed, more) => {
        const seats = kgCapacity(P, small, middle, large, mixed);
        expect(seats).toBe(25 * small + 30 * middle + 35 * large + 30 * mixed);
        expect(kgCapacity(P, small + more, middle, large, mixed)).toBe(seats + 25 * more);
        expect(kgCapacity(P, small, middle + more, large, mixed)).toBe(seats + 30 * more);
        expect(kgCapacity(P, small, middle, large + more, mixed)).toBe(seats + 35 * more);
        expect(kgCapacity(P, small, middle, large, mixed + more)).toBe(seats + 30 * more);
      }),
    );
  });
  it("EDU.KG_CAPACITY counts omitted mixed classes as none", () => {
    fc.assert(
      fc.property(count, count, count, (small, middle, large) => {
        expect(KG_CAPACITY(small, middle, large, null as never)).toBe(25 * small + 30 * middle + 35 * large);
      }),
    );
  });
});
