import fc from "fast-check";
import {
  classStaffQuota,
  schoolStaffQuota,
  staffPerClass,
  staffQuota,
  staffRatio,
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
