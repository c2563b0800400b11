import fc from "fast-check";
import { staffQuota, staffRatio } from "../../src/domain/staffing";
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
