import fc from "fast-check";
import { requiredOnTrajectory, trajectoryShare } from "../../src/domain/targets";

describe("trajectoryShare", () => {
  it("steps a three-year target of 2004–2006 by thirds and holds it from the due year on", () => {
    expect(trajectoryShare(2004, 2006, 2003)).toBe(0);
    expect(trajectoryShare(2004, 2006, 2004)).toBeCloseTo(1 / 3, 12);
    expect(trajectoryShare(2004, 2006, 2005)).toBeCloseTo(2 / 3, 12);
    expect(trajectoryShare(2004, 2006, 2006)).toBe(1);
    expect(trajectoryShare(2004, 2006, 2010)).toBe(1);
  });

  it("asks the whole target in the year a target is due, even one set after it is due", () => {
    expect(trajectoryShare(2025, 2025, 2025)).toBe(1);
    expect(trajectoryShare(2021, 2025, 2025)).toBe(1);
    expect(trajectoryShare(2030, 2025, 2025)).toBe(1);
  });

  it("rejects a year that is not whole, naming it", () => {
    expect(() => trajectoryShare(2004.5, 2006, 2004)).toThrow(/start_year/);
    expect(() => trajectoryShare(2004, 2006, Number.NaN)).toThrow(/year/);
  });

  it("never falls from one year to the next and stays within 0 and 1", () => {
    const year = fc.integer({ min: 1990, max: 2100 });
    fc.assert(
      fc.property(year, year, year, (start, due, y) => {
        const share = trajectoryShare(start, due, y);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        expect(trajectoryShare(start, due, y + 1)).toBeGreaterThanOrEqual(share);
        if (y >= due) expect(share).toBe(1);
      }),
    );
  });
});

describe("requiredOnTrajectory", () => {
  it("asks 3, 6 and 8 of 10 schools for an 80 % target over three years", () => {
    expect([1 / 3, 2 / 3, 1].map((share) => requiredOnTrajectory(0.8, 10, share))).toEqual([3, 6, 8]);
  });

  it("ignores binary noise: 90 % of 110 is 99", () => {
    expect(requiredOnTrajectory(0.9, 110, 1)).toBe(99);
  });

  it("rejects a share outside 0–1, naming it", () => {
    expect(() => requiredOnTrajectory(0.8, 10, 1.5)).toThrow(/share/);
  });

  it("asks no more than the whole target and no fewer in a later year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 10 }),
        (rate, total, steps) => {
          const required = Array.from({ length: steps }, (_, k) =>
            requiredOnTrajectory(rate, total, trajectoryShare(2020, 2020 + steps - 1, 2020 + k)),
          );
          required.forEach((r, k) => {
            if (k > 0) expect(r).toBeGreaterThanOrEqual(required[k - 1] ?? 0);
          });
          expect(required[steps - 1]).toBe(requiredOnTrajectory(rate, total, 1));
        },
      ),
    );
  });
});
