import fc from "fast-check";
import { round2, roundHalfAway } from "../../src/domain/validate";

describe("roundHalfAway", () => {
  it("rounds halves away from zero, as Excel's ROUND", () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(-0.125, 2)).toBe(-0.13);
  });
  it("rounds the decimal a figure stands for, not its binary noise (1.005 is stored as 1.00499…)", () => {
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(0.285, 2)).toBe(0.29);
    expect(roundHalfAway(-8579950.075, 2)).toBe(-8579950.08);
  });
  it("does not carry a large amount just below a half up (10000.004995 to 10000.00)", () => {
    expect(roundHalfAway(10000.004995, 2)).toBe(10000);
  });
  it("never returns −0", () => {
    expect(Object.is(roundHalfAway(-0.004, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0.4), 0)).toBe(true);
  });
  it("stays within half a unit of the last digit, and round2 is roundHalfAway to 2 decimals", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        expect(Math.abs(roundHalfAway(x, d) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-6);
        expect(round2(x)).toBe(roundHalfAway(x, 2));
      }),
    );
  });
});
