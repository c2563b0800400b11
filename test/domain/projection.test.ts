import fc from "fast-check";
import { RuleError } from "../../src/domain/errors";
import { entryRate, progressionRatios, projectEnrollment, type Cell } from "../../src/domain/projection";

/**
 * A hand-computed fixture: 3 grades (columns) in 3 years (rows 2022, 2023, 2024).
 * r(1) = (196 + 294) / (200 + 300) = 490 / 500 = 0.98; r(2) = (198 + 198) / (204 + 196) = 396 / 400 = 0.99.
 */
const HISTORY = [
  [200, 204, 180],
  [300, 196, 198],
  [250, 294, 198],
];
/**
 * Projected by hand from 2024 = (250, 294, 198), r = (0.98, 0.99), intake 260, 240, 230:
 * 2025: 260, 250 × 0.98 = 245, 294 × 0.99 = 291.06
 * 2026: 240, 260 × 0.98 = 254.8, 245 × 0.99 = 242.55
 * 2027: 230, 240 × 0.98 = 235.2, 254.8 × 0.99 = 252.252
 */
const PROJECTED = [
  [260, 245, 291.06],
  [240, 254.8, 242.55],
  [230, 235.2, 252.252],
];

function expectClose(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[]): void {
  expect(actual.map((r) => r.length)).toEqual(expected.map((r) => r.length));
  expected.forEach((cells, i) => cells.forEach((x, j) => expect(actual[i]![j]).toBeCloseTo(x, 9)));
}

const isError = (x: unknown, kind: RuleError["kind"]): boolean => x instanceof RuleError && x.kind === kind;

describe("progressionRatios", () => {
  it("pools each grade's pairs of consecutive years: 490 / 500 and 396 / 400 for the 3 × 3 fixture", () => {
    expect(progressionRatios(HISTORY)).toEqual([0.98, 0.99]);
  });
  it("drops only the pairs an empty cell is in", () => {
    const gap: Cell[][] = [
      [200, 200, 180],
      [300, null, 198],
      [250, 294, 198],
    ];
    // grade 1: only 2023 → 2024 (300 → 294); grade 2: only 2022 → 2023 (200 → 198).
    expect(progressionRatios(gap)).toEqual([0.98, 0.99]);
  });
  it("gives #DIV/0! in the column of a grade with a zero denominator, and keeps the other ratios", () => {
    const ratios = progressionRatios([
      [200, 0, 180],
      [300, 196, 198],
    ]);
    expect(ratios[0]).toBe(0.98);
    expect(isError(ratios[1], "div0")).toBe(true);
  });
  it("gives #DIV/0! in the column of a grade without a pair of numbers", () => {
    const ratios = progressionRatios([
      [200, 204, null],
      [null, 196, 198],
      [250, null, 198],
    ]);
    // grade 1: 200 → 196 only; grade 2: 204 → 198 has, 196 → 198 has: (198 + 198) / (204 + 196).
    expect(ratios).toEqual([0.98, 0.99]);
    const none = progressionRatios([
      [200, null, 180],
      [300, 196, null],
    ]);
    expect(none[0]).toBe(0.98);
    expect(isError(none[1], "div0")).toBe(true);
  });
  it("rejects fewer than 2 years or 2 grades, and ragged ranges, as #VALUE! naming history", () => {
    for (const history of [[[200, 204, 180]], [[200], [300]], [[200, 204], [300]]]) {
      expect(() => progressionRatios(history)).toThrow(expect.objectContaining({ kind: "value" }));
      expect(() => progressionRatios(history)).toThrow(/history/);
    }
  });
  it("rejects negative enrollment as #VALUE!", () => {
    expect(() =>
      progressionRatios([
        [200, -1],
        [300, 196],
      ]),
    ).toThrow(expect.objectContaining({ kind: "value" }));
  });
  it("recovers the ratios a history was generated from (within 1e-9)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((grades) =>
          fc.tuple(
            fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), {
              minLength: grades - 1,
              maxLength: grades - 1,
            }),
            fc.array(fc.double({ min: 1, max: 5000, noNaN: true }), { minLength: grades, maxLength: grades }),
            fc.array(fc.double({ min: 1, max: 5000, noNaN: true }), { minLength: 1, maxLength: 8 }),
          ),
        ),
        ([ratios, first, intake]) => {
          const history = [first, ...projectEnrollment(first, ratios, intake)];
          const recovered = progressionRatios(history);
          ratios.forEach((r, g) => expect(Math.abs((recovered[g] as number) - r)).toBeLessThan(1e-9));
        },
      ),
    );
  });
});

describe("projectEnrollment", () => {
  it("projects the 3-grade, 3-year fixture by hand: intake in grade 1, each other grade the one below a year earlier × r", () => {
    expectClose(projectEnrollment([250, 294, 198], [0.98, 0.99], [260, 240, 230]), PROJECTED);
  });
  it("runs the fixture's own ratios forward from its last year", () => {
    const last = HISTORY[2]!;
    const ratios = progressionRatios(HISTORY) as number[];
    expectClose(projectEnrollment(last, ratios, [260, 240, 230]), PROJECTED);
  });
  it("does not round (291.06 stays 291.06)", () => {
    expect(projectEnrollment([250, 294, 198], [0.98, 0.99], [260])[0]![2]).toBeCloseTo(291.06, 12);
  });
  it("rejects ratios that are not grades − 1 cells, naming ratios and the count", () => {
    expect(() => projectEnrollment([250, 294, 198], [0.98], [260])).toThrow(/ratios.*2 ratios/);
    expect(() => projectEnrollment([250, 294, 198], [0.98, 0.99, 1], [260])).toThrow(
      expect.objectContaining({ kind: "value" }),
    );
  });
  it("rejects negative enrollment, ratios or intake as #VALUE! naming the argument", () => {
    expect(() => projectEnrollment([250, -1, 198], [0.98, 0.99], [260])).toThrow(/current/);
    expect(() => projectEnrollment([250, 294, 198], [0.98, -0.99], [260])).toThrow(/ratios/);
    expect(() => projectEnrollment([250, 294, 198], [0.98, 0.99], [-260])).toThrow(/entrants/);
  });
  it("is stationary with ratios 1 and a constant intake once every grade is filled from it", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 12 })
          .chain((grades) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: grades, maxLength: grades }),
              fc.integer({ min: 0, max: 5000 }),
              fc.integer({ min: 0, max: 6 }),
            ),
          ),
        ([current, intake, extra]) => {
          const grades = current.length;
          const years = grades + extra;
          const rows = projectEnrollment(
            current,
            new Array<number>(grades - 1).fill(1),
            new Array<number>(years).fill(intake),
          );
          // From year `grades` on, every grade holds the intake, and it stays so.
          for (let k = grades - 1; k < years; k++)
            expect(rows[k]).toEqual(new Array<number>(grades).fill(intake));
        },
      ),
    );
  });
  it("scales with current and entrants: k times both gives k times the projection", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((grades) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: grades, maxLength: grades }),
            fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), {
              minLength: grades - 1,
              maxLength: grades - 1,
            }),
            fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 10 }),
            fc.double({ min: 0.01, max: 100, noNaN: true }),
          ),
        ),
        ([current, ratios, intake, k]) => {
          const base = projectEnrollment(current, ratios, intake);
          const scaled = projectEnrollment(
            current.map((x) => x * k),
            ratios,
            intake.map((x) => x * k),
          );
          base.forEach((cells, i) =>
            cells.forEach((x, g) =>
              expect(Math.abs(scaled[i]![g]! - k * x)).toBeLessThanOrEqual(1e-9 * Math.max(1, k * x)),
            ),
          );
        },
      ),
    );
  });
});

describe("entryRate", () => {
  it("gives Σ entrants / Σ births: (1030 + 1133) / (1000 + 1100) = 1.03", () => {
    expect(entryRate([1030, 1133], [1000, 1100])).toBe(1.03);
  });
  it("counts only the pairs where both cells are numbers", () => {
    expect(entryRate([1030, null, 1133, 999], [1000, 1200, 1100, null])).toBe(1.03);
  });
  it("gives #DIV/0! when the births of the pairs add up to 0, also when no pair has numbers", () => {
    expect(() => entryRate([30], [0])).toThrow(expect.objectContaining({ kind: "div0" }));
    expect(() => entryRate([30, null], [null, 1000])).toThrow(expect.objectContaining({ kind: "div0" }));
  });
  it("rejects different sizes and negative numbers as #VALUE!", () => {
    expect(() => entryRate([1030, 1133], [1000])).toThrow(/births/);
    expect(() => entryRate([-1], [1000])).toThrow(/entrants/);
    expect(() => entryRate([1], [-1000])).toThrow(/births/);
  });
  it("does not change when entrants and births are both scaled by k", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 20 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 1e5 }), { minLength: n, maxLength: n }),
              fc.array(fc.integer({ min: 1, max: 1e5 }), { minLength: n, maxLength: n }),
              fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
            ),
          ),
        ([entrants, births, k]) => {
          const rate = entryRate(entrants, births);
          const scaled = entryRate(
            entrants.map((x) => x * k),
            births.map((x) => x * k),
          );
          expect(Math.abs(scaled - rate)).toBeLessThanOrEqual(1e-12 * Math.max(1, rate));
        },
      ),
    );
  });
});
