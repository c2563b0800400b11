import fc from "fast-check";
import { LISTED_NAMES, listedEn, listedZh } from "../../src/plan/listing";

describe("names listed in one cell's text", () => {
  it("lists up to 20 names in full", () => {
    const names = Array.from({ length: LISTED_NAMES }, (_, i) => `学校${i}`);
    expect(listedZh(names)).toBe(names.join("、"));
    expect(listedEn(["A", "B"])).toBe("A, B");
  });

  it("shows the first 20 of more names and counts them all", () => {
    const names = Array.from({ length: 45 }, (_, i) => `S${i}`);
    expect(listedZh(names)).toBe(`${names.slice(0, 20).join("、")} 等 (共 45 个)`);
    expect(listedEn(names)).toBe(`${names.slice(0, 20).join(", ")} and 25 more`);
  });

  it("stays as short as 20 names whatever their number", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 5000 }), (names) => {
        expect(listedZh(names).length).toBeLessThanOrEqual(LISTED_NAMES * 81 + 20);
        expect(listedEn(names).length).toBeLessThanOrEqual(LISTED_NAMES * 82 + 20);
      }),
      { numRuns: 30 },
    );
  });
});
