import fc from "fast-check";
import {
  assignClasses,
  classBalance,
  IMPROVE_WORK_BUDGET,
  MAX_SCORE,
  type AssignStats,
  parseGender,
  snakeAssignment,
  type Gender,
} from "../../src/domain/assignClasses";

const counts = (assigned: number[], k: number): number[] => {
  const c = new Array<number>(k).fill(0);
  for (const a of assigned) c[a - 1] = (c[a - 1] ?? 0) + 1;
  return c;
};

describe("snakeAssignment", () => {
  it("deals ranked boys 1…k, k…1 and girls from the opposite end", () => {
    const scores = [90, 80, 70, 60, 95, 85, 75, 65];
    const genders: Gender[] = ["M", "M", "M", "M", "F", "F", "F", "F"];
    // Boys 90,80 → classes 1,2; 70,60 → 2,1. Girls 95,85 → 2,1; 75,65 → 1,2.
    expect(snakeAssignment(scores, 2, genders)).toEqual([1, 2, 2, 1, 2, 1, 1, 2]);
  });
  it("keeps class sizes within 1 when both genders leave a partial row on the same side", () => {
    const genders: Gender[] = ["M", "M", "M", "F"];
    expect(counts(snakeAssignment([4, 3, 2, 1], 2, genders), 2)).toEqual([2, 2]);
  });
});

describe("assignClasses", () => {
  const cohort = fc.integer({ min: 1, max: 12 }).chain((k) =>
    fc.record({
      k: fc.constant(k),
      students: fc.array(
        fc.record({
          score: fc.integer({ min: 0, max: 1000 }).map((s) => s / 10),
          gender: fc.constantFrom<Gender>("M", "F"),
        }),
        { minLength: k, maxLength: 120 },
      ),
      seed: fc.integer({ min: 0, max: 1000 }),
    }),
  );

  it("keeps sizes and each gender's count within 1, never does worse than the snake, and repeats for a seed", () => {
    fc.assert(
      fc.property(cohort, ({ k, students, seed }) => {
        const scores = students.map((s) => s.score);
        const genders = students.map((s) => s.gender);
        const assigned = assignClasses(scores, k, genders, seed);
        const got = classBalance(assigned, scores, genders);
        const snake = classBalance(snakeAssignment(scores, k, genders, seed), scores, genders);
        expect(assigned.every((a) => Number.isInteger(a) && a >= 1 && a <= k)).toBe(true);
        expect(counts(assigned, k).every((c) => c > 0)).toBe(true);
        expect(got.sizeGap).toBeLessThanOrEqual(1);
        expect(got.genderGap).toBeLessThanOrEqual(1);
        expect(got.meanGap).toBeLessThanOrEqual(snake.meanGap);
        expect(assignClasses(scores, k, genders, seed)).toEqual(assigned);
      }),
      { numRuns: 200 },
    );
  });

  it("halves the snake's largest mean gap for 1,000 students in 20 classes", () => {
    let state = 12345;
    const rnd = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 3; trial++) {
      const scores = Array.from({ length: 1000 }, () => Math.round(rnd() * 1000) / 10);
      const genders: Gender[] = scores.map(() => (rnd() < 0.5 ? "M" : "F"));
      const got = classBalance(assignClasses(scores, 20, genders), scores, genders);
      const snake = classBalance(snakeAssignment(scores, 20, genders), scores, genders);
      expect(got.meanGap).toBeLessThanOrEqual(0.5 * snake.meanGap);
      expect(got).toMatchObject({ sizeGap: 0, genderGap: expect.any(Number) });
    }
  });

  it("places grade 1 (all scores empty) at random, balanced by size and gender, reproducibly per seed", () => {
    const scores = new Array<null>(45).fill(null);
    const genders: Gender[] = scores.map((_, i) => (i % 3 === 0 ? "F" : "M"));
    const a = assignClasses(scores, 4, genders, 7);
    expect(classBalance(a, scores, genders)).toEqual({ sizeGap: 1, genderGap: 1, meanGap: 0 });
    expect(assignClasses(scores, 4, genders, 7)).toEqual(a);
    expect(assignClasses(scores, 4, genders, 8)).not.toEqual(a);
  });

  it("works without genders", () => {
    const a = assignClasses([5, 4, 3, 2, 1, 0, 9], 3);
    expect(classBalance(a, [5, 4, 3, 2, 1, 0, 9]).sizeGap).toBeLessThanOrEqual(1);
  });

  it("rejects mixed empty and filled scores, bad class counts, seeds and gender lists", () => {
    expect(() => assignClasses([1, null], 1)).toThrow(/scores/);
    expect(() => assignClasses([1, 2], 3)).toThrow(/classes: a whole number from 1 to 2/);
    expect(() => assignClasses([1, 2], 1.5)).toThrow(/classes/);
    expect(() => assignClasses([1, 2], 1, ["M"])).toThrow(/genders/);
    expect(() => assignClasses([1, 2], 1, undefined, 0.5)).toThrow(/seed/);
    expect(() => assignClasses([], 1)).toThrow(/scores/);
  });
});

describe("assignClasses on pathological scores", () => {
  /** Scores that made the improvement run for tens of seconds: two far-apart clusters, or huge outliers. */
  const pathological = (n: number, kind: "bimodal" | "outliers", seed: number): number[] => {
    let state = seed >>> 0 || 1;
    const rnd = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: n }, () => {
      if (kind === "bimodal") return (rnd() < 0.5 ? 20 : 80) + rnd() * 7.3;
      const r = rnd();
      return r < 0.01 ? MAX_SCORE * (rnd() < 0.5 ? -1 : 1) * rnd() : r * 100;
    });
  };
  const genderOf = (i: number, salt: number): Gender => (((i * 7919 + salt) % 97) / 97 < 0.52 ? "M" : "F");

  const expectBalancedWithinBudget = (scores: number[], k: number, genders: Gender[], seed: number) => {
    const stats: AssignStats = { work: -1, swaps: -1, budgetSpent: true };
    const assigned = assignClasses(scores, k, genders, seed, stats);
    const got = classBalance(assigned, scores, genders);
    const snake = classBalance(snakeAssignment(scores, k, genders, seed), scores, genders);
    expect(stats.work).toBeGreaterThanOrEqual(0);
    expect(stats.work).toBeLessThanOrEqual(IMPROVE_WORK_BUDGET);
    expect(stats.swaps).toBeGreaterThanOrEqual(0);
    expect(got.sizeGap).toBeLessThanOrEqual(1);
    expect(got.genderGap).toBeLessThanOrEqual(1);
    expect(got.meanGap).toBeLessThanOrEqual(snake.meanGap);
    return stats;
  };

  it("stays within its work budget and never does worse than the snake, for any size, class count and scores", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom<"bimodal" | "outliers">("bimodal", "outliers"),
        fc.integer({ min: 1, max: 1_000_000 }),
        (k, extra, kind, seed) => {
          const scores = pathological(k + extra, kind, seed);
          expectBalancedWithinBudget(
            scores,
            k,
            scores.map((_, i) => genderOf(i, seed)),
            seed,
          );
        },
      ),
      { numRuns: 20 },
    );
  });

  it.each(["bimodal", "outliers"] as const)(
    "stops %s scores of 10,000 students in 60 classes at its work budget",
    (kind) => {
      const scores = pathological(10_000, kind, 99);
      const stats = expectBalancedWithinBudget(
        scores,
        60,
        scores.map((_, i) => genderOf(i, 5)),
        1,
      );
      expect(stats.swaps).toBeGreaterThan(0);
    },
  );

  it("reports the work it did and leaves small cohorts unbounded by the budget", () => {
    const stats: AssignStats = { work: 0, swaps: 0, budgetSpent: false };
    const scores = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    assignClasses(scores, 5, undefined, 1, stats);
    expect(stats.work).toBeGreaterThan(0);
    expect(stats.budgetSpent).toBe(false);
  });
});

describe("classBalance and genders", () => {
  it("reports the size, gender and mean-score gaps", () => {
    expect(classBalance([1, 1, 2, 2, 2], [80, 90, 70, null, 60], ["M", "F", "M", "M", "F"])).toEqual({
      sizeGap: 1,
      genderGap: 1,
      meanGap: 20,
    });
  });
  it("reads 男/女/M/F in any case", () => {
    expect(["男", "女", "m", " F "].map((g) => parseGender(g))).toEqual(["M", "F", "M", "F"]);
    expect(() => parseGender("x")).toThrow(/genders: 男\/女 or M\/F/);
  });
  const students = fc.array(
    fc.record({
      score: fc.oneof(
        fc.integer({ min: 0, max: 1000 }).map((s) => s / 10),
        fc.constant(null),
      ),
      gender: fc.constantFrom<Gender>("M", "F"),
    }),
    { minLength: 1, maxLength: 40 },
  );
  it("never reports a negative gap", () => {
    fc.assert(
      fc.property(students, fc.integer({ min: 1, max: 8 }), fc.integer(), (list, k, salt) => {
        const assigned = list.map((_, i) => (Math.abs(salt + i * 7919) % Math.min(k, list.length)) + 1);
        const r = classBalance(
          assigned,
          list.map((s) => s.score),
          list.map((s) => s.gender),
        );
        expect(r.sizeGap).toBeGreaterThanOrEqual(0);
        expect(r.genderGap).toBeGreaterThanOrEqual(0);
        expect(r.meanGap).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it("reports 0 gaps when every class holds the same students' twins", () => {
    fc.assert(
      fc.property(students, fc.integer({ min: 1, max: 8 }), (template, k) => {
        // Each class gets one copy of the template, in the same order: identical sizes, genders and means.
        const rows = template.flatMap((s) => Array.from({ length: k }, (_, c) => ({ ...s, cls: c + 1 })));
        const r = classBalance(
          rows.map((x) => x.cls),
          rows.map((x) => x.score),
          rows.map((x) => x.gender),
        );
        expect(r).toEqual({ sizeGap: 0, genderGap: 0, meanGap: 0 });
      }),
    );
  });
});
