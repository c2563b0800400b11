import fc from "fast-check";
import {
  FIRST_NORM_YEAR,
  NORM_TABLE,
  normRowInForce,
  parseRegion,
  publicFunds,
  publicFundsNorm,
  publicFundsNormInYear,
  type Region,
} from "../../src/domain/publicFunds";
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

describe("the national baseline in force in a year (policies.md §4.6)", () => {
  // Every row of the table in policies.md §4.6: [year, 中西部 小学, 中西部 初中, 东部 小学, 东部 初中]; 东部 has no
  // 2010 figure, so it keeps 2009's.
  const ROWS: [number, number, number, number, number][] = [
    [2009, 300, 500, 350, 550],
    [2010, 400, 600, 350, 550],
    [2011, 500, 700, 550, 750],
    [2013, 560, 760, 610, 810],
    [2014, 600, 800, 650, 850],
    [2016, 600, 800, 650, 850],
    [2021, 650, 850, 700, 900],
  ];
  const norms = (year: number) => [
    publicFundsNormInYear("primary", "central_west", year),
    publicFundsNormInYear("junior", "central_west", year),
    publicFundsNormInYear("primary", "east", year),
    publicFundsNormInYear("junior", "east", year),
  ];
  it.each(ROWS)("%s: 中西部 %s / %s, 东部 %s / %s", (year, ...expected) => {
    expect(norms(year)).toEqual(expected);
  });
  it("keeps a row until the next one: 2012 is 2011's, 2015 is 2014's, 2020 is 2016's, 2030 is 2021's", () => {
    expect(norms(2012)).toEqual(norms(2011));
    expect(norms(2015)).toEqual([600, 800, 650, 850]);
    expect(norms(2020)).toEqual([600, 800, 650, 850]);
    expect(norms(2030)).toEqual([650, 850, 700, 900]);
  });
  it("changes at the boundary years 2008/2009, 2015/2016 (scope) and 2020/2021", () => {
    expect(() => norms(2008)).toThrow(
      expect.objectContaining({
        kind: "na",
        message: expect.stringMatching(/No national public-funds baseline in 2008.*2009/),
      }),
    );
    expect(norms(2009)).toEqual([300, 500, 350, 550]);
    expect(normRowInForce("east", 2015)?.scope).toBe("rural");
    expect(normRowInForce("east", 2016)?.scope).toBe("unified");
    expect(normRowInForce("central_west", 2013)?.scope).toBe("rural");
    expect(norms(2020)).toEqual([600, 800, 650, 850]);
    expect(norms(2021)).toEqual([650, 850, 700, 900]);
  });
  it("has no national baseline in the years of the 2006–07 reform", () => {
    for (const year of [2000, 2006, 2007, 2008]) {
      expect(() => publicFundsNormInYear("junior", "east", year)).toThrow(
        expect.objectContaining({ kind: "na" }),
      );
    }
    expect(NORM_TABLE[0]).toMatchObject({ from: 2006, scope: "rural" });
    expect(FIRST_NORM_YEAR).toBe(2009);
  });
  it("has no baseline for senior schools or kindergartens in any year", () => {
    expect(() => publicFundsNormInYear("senior", "east", 2016)).toThrow(
      expect.objectContaining({ kind: "na" }),
    );
  });
  it("the baseline in force now is the built-in pack's", () => {
    expect(norms(2026)).toEqual([
      publicFundsNorm(P, "primary", "central_west"),
      publicFundsNorm(P, "junior", "central_west"),
      publicFundsNorm(P, "primary", "east"),
      publicFundsNorm(P, "junior", "east"),
    ]);
  });
  it("never falls from one year to a later one, and 东部 is never below 中西部 in the same row", () => {
    const level = fc.constantFrom<"primary" | "junior">("primary", "junior");
    const region = fc.constantFrom<Region>("central_west", "east");
    fc.assert(
      fc.property(
        level,
        region,
        fc.integer({ min: 2009, max: 2060 }),
        fc.integer({ min: 0, max: 30 }),
        (l, r, y, d) => {
          expect(publicFundsNormInYear(l, r, y + d)).toBeGreaterThanOrEqual(publicFundsNormInYear(l, r, y));
          // Only where both regions' figures come from the same row: 2010's 中西部 figure is a provincial one
          // (Sichuan, 400) above the 东部 figure still in force from 2009 (350).
          if (normRowInForce("east", y)?.from === normRowInForce("central_west", y)?.from) {
            expect(publicFundsNormInYear(l, "east", y)).toBeGreaterThanOrEqual(
              publicFundsNormInYear(l, "central_west", y),
            );
          }
          expect(publicFundsNormInYear("junior", r, y)).toBeGreaterThan(
            publicFundsNormInYear("primary", r, y),
          );
        },
      ),
    );
  });
  it("is the same every year within a row", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2009, max: 2060 }), (y) => {
        const row = normRowInForce("central_west", y)!;
        expect(publicFundsNormInYear("primary", "central_west", y)).toBe(
          publicFundsNormInYear("primary", "central_west", row.from),
        );
      }),
    );
  });
});
