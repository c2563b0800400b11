import { districtSchema, type DistrictInput } from "../../src/district/model";
import { validateDistrict } from "../../src/district/validate";
import { computeTerm, projectAmountInYear } from "../../src/plan/term";
import { getPack } from "../../src/policy";
import type { PolicyKey } from "../../src/policy/types";
import { TERM_INPUT, TERM_MIGRATION_INPUT, withMerger } from "./termFixture";

const size = (key: PolicyKey) => getPack("national").values[key].value;

describe("the term plan", () => {
  const district = districtSchema.parse(TERM_INPUT);
  const term = computeTerm(district, size);

  it("projects a 3-grade school over 3 years as computed by hand", () => {
    // r(8) = (98 + 105) / (100 + 110) = 203/210; r(9) = (88 + 95) / (90 + 98) = 183/188;
    // entry rate = (100 + 110 + 120) / (1000 + 1100 + 1200) = 0.1.
    const j1 = term?.schools[0];
    expect(j1?.ratios.get("g8")?.value).toBeCloseTo(203 / 210, 12);
    expect(j1?.ratios.get("g9")?.value).toBeCloseTo(183 / 188, 12);
    expect(j1?.entryRate).toBeCloseTo(0.1, 12);
    const rows = j1?.enrollment.map((e) => [e.g7, e.g8, e.g9]);
    expect(rows).toEqual([
      [120, 105, 95],
      // 1300 × 0.1 = 130; 120 × 203/210 = 116; 105 × 183/188 = 102.2 → 102
      [130, 116, 102],
      // 1250 × 0.1 = 125; 130 × 203/210 = 125.7 → 126; 116 × 183/188 = 112.9 → 113
      [125, 126, 113],
    ]);
  });

  it("takes an entered intake instead of births × the entry rate", () => {
    const j2 = term?.schools[1];
    expect(j2?.entryRate).toBeUndefined();
    // r(8) = 78/86, r(9) = 72/81: 40 × 78/86 = 36.3 → 36, 38 × 72/81 = 33.8 → 34; then 10 × 78/86 = 9.07 → 9,
    // 36 × 72/81 = 32.
    expect(j2?.enrollment.map((e) => [e.g7, e.g8, e.g9])).toEqual([
      [40, 38, 35],
      [10, 36, 34],
      [10, 9, 32],
    ]);
  });

  it("adds net migration after progression, spreading a school's over its grades and never going below 0", () => {
    const moved = computeTerm(districtSchema.parse(TERM_MIGRATION_INPUT), size);
    expect(moved?.schools[0]?.enrollment.map((e) => [e.g7, e.g8, e.g9])).toEqual([
      [120, 105, 95],
      // 120 × 203/210 + 10 = 126; the rest as without migration.
      [130, 126, 102],
      // 1250 × 0.1 − 2 = 123; 130 × 203/210 − 2 = 123.7 → 124; 126 × 183/188 − 2 = 120.6 → 121.
      [123, 124, 121],
    ]);
    // 第二中学: its entered intake 10 − 20 is held at 0, and so is what that grade becomes.
    expect(moved?.schools[1]?.enrollment.map((e) => [e.g7, e.g8, e.g9])).toEqual([
      [40, 38, 35],
      [0, 36, 34],
      [10, 0, 32],
    ]);
  });

  it("moves the students of a merger to its site from the merger's year on", () => {
    const merged = computeTerm(districtSchema.parse(withMerger(2026)), size);
    const site = merged?.sites[0];
    // Junior classes of 50: alone 3+3+2 = 8 and 3+3+3 = 9; with 二中 in 2026: 135, 135, 145 → 3+3+3 = 9.
    expect(site?.years.map((y) => [y.year, y.students, y.classesNeeded, y.spare])).toEqual([
      [2024, 320, 8, 1],
      [2025, 348, 9, 0],
      [2026, 415, 9, 0],
    ]);
    expect(merged?.sites[1]?.years.map((y) => y.students)).toEqual([113, 80, 0]);
  });

  it("spreads a project's remaining cost over its construction years other than T", () => {
    // 900 − 300 over 2023, 2025 and 2026.
    expect(
      projectAmountInYear({ startYear: 2023, endYear: 2026, totalCost: 900, amountInYear: 300 }, 2024, 2025),
    ).toBe(200);
    expect(
      projectAmountInYear({ startYear: 2023, endYear: 2026, totalCost: 900, amountInYear: 300 }, 2024, 2027),
    ).toBe(0);
  });
});

describe("term inputs", () => {
  const problems = (input: DistrictInput) =>
    validateDistrict(input, { file: "t.json" }).problems.filter((p) => p.severity === "error");

  it("accepts the fixture", () => {
    expect(problems(TERM_INPUT)).toEqual([]);
  });

  const warnings = (input: DistrictInput) =>
    validateDistrict(input, { file: "t.json" }).problems.filter((p) => p.severity === "warning");

  it("warns about a school without its past years, naming the school and the years", () => {
    const input = {
      ...TERM_INPUT,
      term: {
        ...TERM_INPUT.term,
        history: TERM_INPUT.term?.history?.filter((h) => !(h.school === "J2" && h.year === 2022)),
      },
    };
    expect(warnings(input).map((p) => p.message)).toEqual([
      expect.stringContaining("第二中学」缺少 2022 年"),
    ]);
    expect(problems(input)).toEqual([]);
  });

  it("warns about missing births for a cohort an intake needs, naming the years", () => {
    const input = {
      ...TERM_INPUT,
      term: { ...TERM_INPUT.term, births: TERM_INPUT.term?.births?.filter((b) => b.year !== 2014) },
    };
    expect(warnings(input).map((p) => p.message)).toEqual([expect.stringContaining("缺少 2014 年出生人口")]);
  });

  it("refuses a plan shorter than T … T+2 and warns about a history year that is not before T", () => {
    const input = {
      ...TERM_INPUT,
      term: {
        ...TERM_INPUT.term,
        lastYear: 2025,
        history: [...(TERM_INPUT.term?.history ?? []), { school: "J1", year: 2024, grades: {} }],
      },
    };
    expect(problems(input).map((p) => p.field)).toEqual(["term.lastYear"]);
    expect(warnings(input).map((p) => p.field)).toEqual(expect.arrayContaining(["term.history[4].year"]));
  });

  it("refuses net migration of a grade the school does not project, given twice, and warns about a year outside the plan", () => {
    const input = {
      ...TERM_INPUT,
      term: {
        ...TERM_INPUT.term,
        migration: [
          { school: "J1", year: 2025, grade: "g3" as const, migrants: 2 },
          { school: "J1", year: 2026, migrants: 1 },
          { school: "J1", year: 2026, migrants: 2 },
          { school: "J1", year: 2024, migrants: 2 },
          { school: "X9", year: 2025, migrants: 2 },
        ],
      },
    };
    expect(problems(input).map((p) => p.field)).toEqual(["term.migration[0].grade", "term.migration[2]"]);
    expect(warnings(input).map((p) => p.field)).toEqual([
      "term.migration[3].year",
      "term.migration[4].school",
    ]);
  });

  it("refuses overrides on grades that are not projected and leaves rows of unknown schools or years out with a warning", () => {
    const input = {
      ...TERM_INPUT,
      term: {
        ...TERM_INPUT.term,
        entrants: [
          { school: "X9", year: 2025, entrants: 3 },
          { school: "J1", year: 2024, entrants: 3 },
        ],
        ratios: [{ school: "J1", grade: "g7" as const, ratio: 1 }],
      },
    };
    expect(problems(input).map((p) => p.field)).toEqual(["term.ratios[0].grade"]);
    expect(warnings(input).map((p) => p.field)).toEqual(["term.entrants[0].school", "term.entrants[1].year"]);
  });
});
