import fc from "fast-check";
import { balanceCheck, balanceCv, balanceLimit, compositeCv, parseStandard } from "../../src/domain/balance";
import { EDU_DEFAULT as P } from "../../src/policy";
import "../support/custom-functions-runtime";
import { BALANCE_CHECK } from "../../src/functions/functions";

// §4.3 C worked example: books per student and enrollment of five schools.
const students = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const perStudent = books.map((b, i) => b / (students[i] ?? 1));

describe("balanceCv", () => {
  it("reproduces the public worked example: weighted CV 0.515", () => {
    expect(balanceCv(perStudent, students)).toBeCloseTo(0.515, 3);
  });
  it("differs from the unweighted population CV 0.489 of the same schools", () => {
    const cvUnweighted = balanceCv(
      perStudent,
      perStudent.map(() => 1),
    );
    expect(cvUnweighted).toBeCloseTo(0.489, 3);
  });
  it("skips pairs with an empty cell", () => {
    expect(balanceCv([...perStudent, null, 9], [...students, 50, null])).toBeCloseTo(0.515, 3);
  });
  it("answers a zero mean or zero total enrollment with #DIV/0! and different sizes with #VALUE!", () => {
    expect(() => balanceCv([0, 0], [1, 2])).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => balanceCv([1, 2], [0, 0])).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => balanceCv([1, 2], [1])).toThrow(expect.objectContaining({ kind: "value" }));
    expect(() => balanceCv([-1, 2], [1, 1])).toThrow(/values/);
  });
  const schools = fc.array(
    fc.record({ x: fc.double({ min: 0.01, max: 1e4, noNaN: true }), p: fc.integer({ min: 1, max: 3000 }) }),
    { minLength: 1, maxLength: 30 },
  );
  it("is unchanged when every value is multiplied by the same factor", () => {
    fc.assert(
      fc.property(schools, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (s, c) => {
        const cv = balanceCv(
          s.map((r) => r.x),
          s.map((r) => r.p),
        );
        expect(
          balanceCv(
            s.map((r) => r.x * c),
            s.map((r) => r.p),
          ),
        ).toBeCloseTo(cv, 9);
      }),
    );
  });
  it("is 0 when every school has the same value, and never negative", () => {
    fc.assert(
      fc.property(schools, fc.double({ min: 0.01, max: 1e4, noNaN: true }), (s, v) => {
        expect(
          balanceCv(
            s.map(() => v),
            s.map((r) => r.p),
          ),
        ).toBeCloseTo(0, 12);
        expect(
          balanceCv(
            s.map((r) => r.x),
            s.map((r) => r.p),
          ),
        ).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("compositeCv", () => {
  it("reproduces Jiujiang 2023 primary: mean of 7 indicator CVs is 0.367503", () => {
    expect(compositeCv([0.297929, 0.501787, 0.401952, 0.288419, 0.37545, 0.312782, 0.394205])).toBeCloseTo(
      0.367503,
      6,
    );
  });
});

describe("balanceLimit and balanceCheck", () => {
  it("uses 0.65 / 0.55 for basic and 0.50 / 0.45 for quality balance", () => {
    expect(balanceLimit(P, "primary", parseStandard(null))).toBe(0.65);
    expect(balanceLimit(P, "junior", parseStandard("基本"))).toBe(0.55);
    expect(balanceLimit(P, "primary", parseStandard("Quality"))).toBe(0.5);
    expect(balanceLimit(P, "junior", parseStandard("优质"))).toBe(0.45);
  });
  it("passes a CV at the limit and fails one above it", () => {
    expect(balanceCheck(0.55, 0.55)).toBe(true);
    expect(balanceCheck(0.5501, 0.55)).toBe(false);
  });
  it("has no limit for senior schools (#N/A) and rejects unknown standards", () => {
    expect(() => balanceLimit(P, "senior", "basic")).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => parseStandard("good")).toThrow(/standard/);
  });
  const cvPair = fc
    .tuple(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
  it("never passes a larger CV that fails for a smaller one (monotone in cv)", () => {
    fc.assert(
      fc.property(cvPair, fc.double({ min: 0, max: 1, noNaN: true }), ([low, high], limit) => {
        if (balanceCheck(high, limit)) expect(balanceCheck(low, limit)).toBe(true);
        expect(balanceCheck(low, limit)).toBe(low <= limit);
      }),
    );
  });
  it("EDU.BALANCE_CHECK is monotone in cv for every level and standard", () => {
    fc.assert(
      fc.property(
        cvPair,
        fc.constantFrom("小学", "初中", "primary", "junior"),
        fc.constantFrom(null, "基本", "优质", "basic", "quality"),
        ([low, high], level, standard) => {
          const std = standard as string;
          if (BALANCE_CHECK(high, level, std)) expect(BALANCE_CHECK(low, level, std)).toBe(true);
        },
      ),
    );
  });
  it("makes the quality standard at least as strict as the basic one", () => {
    for (const level of ["primary", "junior"] as const)
      expect(balanceLimit(P, level, "quality")).toBeLessThanOrEqual(balanceLimit(P, level, "basic"));
  });
});
