import fc from "fast-check";
import { parseRegion, publicFunds, publicFundsNorm } from "../../src/domain/publicFunds";
import { EDU_DEFAULT as P } from "../../src/policy";

const base = { students: 500, boarders: 0, special: 0, smallRural: false, norm: 650 };

describe("publicFundsNorm", () => {
  it("is 650 / 850 in 中西部 (default) and 700 / 900 in 东部", () => {
    expect(publicFundsNorm(P, "primary", parseRegion(null))).toBe(650);
    expect(publicFundsNorm(P, "junior", parseRegion("中西部"))).toBe(850);
    expect(publicFundsNorm(P, "primary", parseRegion("东部"))).toBe(700);
    expect(publicFundsNorm(P, "junior", parseRegion("East"))).toBe(900);
  });
  it("has no norm for senior schools or kindergartens (#N/A) and rejects unknown regions", () => {
    expect(() => publicFundsNorm(P, "senior", "east")).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => parseRegion("北方")).toThrow(/region/);
  });
});

describe("publicFunds", () => {
  it("funds students at the norm", () => {
    expect(publicFunds(base, P)).toBe(325000);
  });
  it("funds a small rural school of 60 pupils as if it had 100", () => {
    expect(publicFunds({ ...base, students: 60, smallRural: true }, P)).toBe(65000);
    expect(publicFunds({ ...base, students: 60 }, P)).toBe(39000);
    expect(publicFunds({ ...base, students: 100, smallRural: true }, P)).toBe(65000);
  });
  it("adds 200 元 per boarder", () => {
    expect(publicFunds({ ...base, boarders: 100 }, P)).toBe(345000);
  });
  it("funds special-needs students at 6000 元 instead of the norm", () => {
    expect(publicFunds({ ...base, special: 5 }, P)).toBe(495 * 650 + 5 * 6000);
  });
  it("rejects more special-needs students than students", () => {
    expect(() => publicFunds({ ...base, special: 501 }, P)).toThrow(/special_students/);
  });
  it("never funds a school less for more students, and small rural schools never below the floor", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (n, more, small) => {
          const f = (students: number): number => publicFunds({ ...base, students, smallRural: small }, P);
          expect(f(n + more)).toBeGreaterThanOrEqual(f(n));
          if (small) expect(f(n)).toBeGreaterThanOrEqual(100 * 650);
        },
      ),
    );
  });
});
