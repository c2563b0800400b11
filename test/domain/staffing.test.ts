import fc from "fast-check";
import type { Area, Level } from "../../src/domain/levels";
import {
  classStaffQuota,
  schoolStaffQuota,
  STAFF_RATIO_TABLE,
  staffPerClass,
  staffQuota,
  staffRatio,
  staffRatioInYear,
} from "../../src/domain/staffing";
import { EDU_DEFAULT as P } from "../../src/policy";

describe("staffing", () => {
  it("uses the 2014 unified ratios 1:19, 1:13.5 and 1:12.5", () => {
    expect([staffRatio(P, "primary"), staffRatio(P, "junior"), staffRatio(P, "senior")]).toEqual([
      19, 13.5, 12.5,
    ]);
  });
  it("has no ratio for kindergartens (#N/A)", () => {
    expect(() => staffRatio(P, "kindergarten")).toThrow(expect.objectContaining({ kind: "na" }));
  });
  it("gives the unrounded quota: 950 primary pupils need 50 posts, 100 junior pupils 7.407…", () => {
    expect(staffQuota(950, 19)).toBe(50);
    expect(staffQuota(100, 13.5)).toBeCloseTo(7.4074, 4);
  });
  it("answers a zero ratio with #DIV/0! and negative students with #VALUE!", () => {
    expect(() => staffQuota(10, 0)).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => staffQuota(-10, 19)).toThrow(/students/);
  });
  it("grows in proportion to the students", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 10 }), (n, m) => {
        expect(staffQuota(n * m, 19)).toBeCloseTo(staffQuota(n, 19) * m, 6);
      }),
    );
  });
});

describe("staffing ratios in force in a year (policies.md §4.5)", () => {
  // The 2001 table (国办发〔2001〕74号), students per staff post, as policies.md §4.5 gives it.
  const TABLE_2001: [Level, Area, number][] = [
    ["senior", "urban", 12.5],
    ["senior", "town", 13],
    ["senior", "rural", 13.5],
    ["junior", "urban", 13.5],
    ["junior", "town", 16],
    ["junior", "rural", 18],
    ["primary", "urban", 19],
    ["primary", "town", 21],
    ["primary", "rural", 23],
  ];
  // The 2014 unification (中央编办发〔2014〕72号): every area at the urban ratios.
  const UNIFIED_2014: [Level, number][] = [
    ["senior", 12.5],
    ["junior", 13.5],
    ["primary", 19],
  ];
  const AREAS: Area[] = ["urban", "town", "rural"];
  const staffed = fc.constantFrom<Level>("primary", "junior", "senior");
  const area = fc.constantFrom(...AREAS);

  it.each(TABLE_2001)("2001–2013: %s %s is 1:%s in 2001 and in 2013", (level, a, ratio) => {
    expect(staffRatioInYear(level, a, 2001)).toBe(ratio);
    expect(staffRatioInYear(level, a, 2013)).toBe(ratio);
  });
  it.each(UNIFIED_2014)("from 2014: %s is 1:%s in every area", (level, ratio) => {
    for (const a of AREAS) expect([a, staffRatioInYear(level, a, 2014)]).toEqual([a, ratio]);
    for (const a of AREAS) expect([a, staffRatioInYear(level, a, 2026)]).toEqual([a, ratio]);
  });
  it("has no national standard in 2000: #N/A naming 2001 as the first", () => {
    for (const a of AREAS) {
      expect(() => staffRatioInYear("primary", a, 2000)).toThrow(
        expect.objectContaining({ kind: "na", message: expect.stringContaining("2001") }),
      );
    }
  });
  it("has no ratio for kindergartens in any year", () => {
    expect(() => staffRatioInYear("kindergarten", "rural", 2010)).toThrow(
      expect.objectContaining({ kind: "na" }),
    );
  });
  it("the standard in force now is the built-in pack's ratios", () => {
    const now = STAFF_RATIO_TABLE[STAFF_RATIO_TABLE.length - 1]!;
    expect(now.ratios.primary.rural).toBe(staffRatio(P, "primary"));
    expect(now.ratios.junior.town).toBe(staffRatio(P, "junior"));
    expect(now.ratios.senior.urban).toBe(staffRatio(P, "senior"));
    expect(STAFF_RATIO_TABLE[0]?.to).toBe(2013);
  });
  it("is the same every year within a row, and never rises from one year to a later one", () => {
    fc.assert(
      fc.property(
        staffed,
        area,
        fc.integer({ min: 2001, max: 2060 }),
        fc.integer({ min: 0, max: 40 }),
        (l, a, y, d) => {
          const early = staffRatioInYear(l, a, y);
          const late = staffRatioInYear(l, a, y + d);
          expect(late).toBeLessThanOrEqual(early);
          if (y >= 2014 === y + d >= 2014) expect(late).toBe(early);
        },
      ),
    );
  });
  it("ignores the area from 2014, and the urban ratio never changed", () => {
    fc.assert(
      fc.property(staffed, area, area, fc.integer({ min: 2014, max: 2100 }), (l, a, b, y) => {
        expect(staffRatioInYear(l, a, y)).toBe(staffRatioInYear(l, b, y));
        expect(staffRatioInYear(l, "urban", y - 13)).toBe(staffRatioInYear(l, a, y));
      }),
    );
  });
});

describe("staffing by classes (teaching points and special schools)", () => {
  it("takes the 班师比 of teaching points and special schools from the pack, with a source saying none is national", () => {
    expect(staffPerClass(P, "teachingPoint")).toBe(P.values["staff_ratio.class_teaching_point"].value);
    expect(staffPerClass(P, "special")).toBe(P.values["staff_ratio.class_special"].value);
    for (const key of ["staff_ratio.class_teaching_point", "staff_ratio.class_special"] as const) {
      expect(P.values[key].unit).toBe("教职工/班");
      expect(P.values[key].source).toContain("国家未定统一的班师比");
    }
  });
  it("gives classes × posts per class: 3 classes at 1.5 need 4.5 posts", () => {
    expect(classStaffQuota(3, 1.5)).toBe(4.5);
    expect(classStaffQuota(0, 2)).toBe(0);
    expect(() => classStaffQuota(-1, 2)).toThrow(/classes/);
    expect(() => classStaffQuota(1, -2)).toThrow(/perClass/);
  });
  it("staffs a special school by classes, a teaching point by the larger rule, others by students", () => {
    expect(schoolStaffQuota("special", 10, 15)).toBe(15);
    expect(schoolStaffQuota("special", 30, 15)).toBe(15);
    expect(schoolStaffQuota("teachingPoint", 12 / 19, 2)).toBe(2);
    expect(schoolStaffQuota("teachingPoint", 90 / 19, 2)).toBeCloseTo(90 / 19, 12);
    expect(schoolStaffQuota("ordinary", 31, 100)).toBe(31);
  });
  it("never staffs a teaching point below either rule", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (a, b) => {
          const q = schoolStaffQuota("teachingPoint", a, b);
          expect(q).toBeGreaterThanOrEqual(a);
          expect(q).toBeGreaterThanOrEqual(b);
          expect([a, b]).toContain(q);
        },
      ),
    );
  });
});
