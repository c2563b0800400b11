import fc from "fast-check";
import { districtSchema, type District, type DistrictInput } from "../../../src/district/model";
import { generateDistrict, getSample } from "../../../src/district/samples";
import { inventedTerm } from "../../../src/district/samples/build";
import { validateDistrict } from "../../../src/district/validate";
import type { CheckPlan, WorkbookPlan } from "../../../src/plan/types";
import {
  changedCells,
  expectPlanComputes,
  loadPlanIntoHyperFormula,
  planMismatches,
  snapshotValues,
} from "../../support/hyperformula";
import { columnCells, FAIL, PASS } from "../planHelpers";
import { TERM_INPUT, withMerger } from "../termFixture";
import { context, planOf } from "./helpers";

function build(district: District): WorkbookPlan {
  const built = context(district);
  const sheets = [built.sheet("debt"), built.sheet("plan")];
  return planOf(built, sheets);
}

const parsed = (input: DistrictInput) => districtSchema.parse(input);
const check = (plan: WorkbookPlan, id: string): CheckPlan | undefined => plan.checks.find((c) => c.id === id);

describe("规划", () => {
  it.each(["zhenlai", "wuzhen"])("agrees with the domain computation in HyperFormula for %s", (id) => {
    expect(planMismatches(build(getSample(id)))).toEqual([]);
  });

  it("agrees with the domain computation in HyperFormula for generated districts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 3, max: 25 }), (seed, size) => {
        const generated = generateDistrict(seed, size);
        const T = generated.budgetYear;
        const input = {
          ...generated,
          term: inventedTerm(generated.schools, T, Math.max(generated.termEndYear, T + 2), 0.07),
        };
        const result = validateDistrict(input, { file: "generated" });
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(planMismatches(build(result.district as District))).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it("says so and projects nothing for a district without term inputs", () => {
    const plan = build(parsed({ ...TERM_INPUT, term: undefined }));
    expect(plan.sheets.find((s) => s.key === "plan")?.tables).toEqual([]);
    expect(plan.checks.filter((c) => c.sheet === "plan")).toEqual([]);
  });

  describe("an edit changes exactly the years that depend on it", () => {
    const plan = build(parsed(TERM_INPUT));
    const before = snapshotValues(plan, expectPlanComputes(plan));
    // Rows of tblPlanEnrollment: J1 2022, 2023, 2024, 2025, 2026, then J2 the same years.
    const grade = (header: string) => columnCells(plan, "tblPlanEnrollment", header);
    const at = (header: string, row: number) => `${grade(header).sheet}!${grade(header).cells[row]}`;
    const gradeCellsOf = (rows: readonly number[]) =>
      ["七年级", "八年级", "九年级"].flatMap((h) => rows.map((r) => at(h, r)));
    const allGradeCells = gradeCellsOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    it("a birth count changes the intake of its cohort's year and what that cohort becomes", () => {
      const loaded = loadPlanIntoHyperFormula(plan);
      const births = columnCells(plan, "tblPlanBirths", "出生人口");
      // 2013: the cohort entering grade 7 of 第一中学 in 2025, its grade 8 in 2026.
      loaded.setValue(births.sheet, births.cells[3] as string, 1400);
      const changed = changedCells(before, snapshotValues(plan, loaded));
      expect(changed.filter((c) => allGradeCells.includes(c)).sort()).toEqual(
        [at("七年级", 3), at("八年级", 4)].sort(),
      );
      expect(loaded.valueAt(grade("七年级").sheet, grade("七年级").cells[3] as string)).toBe(140);
    });

    it("a past enrollment changes that school's projected years only", () => {
      const loaded = loadPlanIntoHyperFormula(plan);
      const g7 = grade("七年级");
      // 第一中学's grade 7 in 2022: it enters its entry rate and its grade-8 ratio.
      loaded.setValue(g7.sheet, g7.cells[0] as string, 130);
      const changed = changedCells(before, snapshotValues(plan, loaded));
      const projected = gradeCellsOf([3, 4]);
      const edited = at("七年级", 0);
      for (const cell of changed.filter((c) => allGradeCells.includes(c)))
        expect([edited, ...projected]).toContain(cell);
      expect(projected.filter((c) => changed.includes(c)).length).toBeGreaterThanOrEqual(4);
      // 第二中学 and year T are untouched.
      expect(changed.filter((c) => gradeCellsOf([1, 2, 5, 6, 7, 8, 9]).includes(c))).toEqual([]);
    });
  });

  it("a merger moved from year 3 to year 1 flips the capacity check of the years it makes short", () => {
    const late = build(parsed(withMerger(2026)));
    const early = build(parsed(withMerger(2024)));
    expect(planMismatches(late)).toEqual([]);
    expect(planMismatches(early)).toEqual([]);
    expect(check(late, "plan.site.0")?.pass).toBe(true);
    const failed = check(early, "plan.site.0");
    expect(failed?.pass).toBe(false);
    // 一中 and 二中 together: 160, 143, 130 → 4+3+3 = 10 classes in 2024; 140, 152, 136 → 3+4+3 = 10 in 2025.
    expect(failed?.detailZh).toBe("2024年缺 1 间, 2025年缺 1 间");
    const pass = (plan: WorkbookPlan) => {
      const cells = columnCells(plan, "tblPlanCapacity", "教室充足");
      const loaded = loadPlanIntoHyperFormula(plan);
      return cells.cells.slice(0, 3).map((c) => loaded.valueAt(cells.sheet, c));
    };
    expect(pass(late)).toEqual([PASS, PASS, PASS]);
    expect(pass(early)).toEqual([FAIL, FAIL, PASS]);
    // The verdict on the sheet is the one registered.
    const loadedEarly = loadPlanIntoHyperFormula(early);
    const sheet = early.sheets.find((s) => s.key === "plan")?.name ?? "";
    expect(loadedEarly.valueAt(sheet, failed?.cell ?? "A1")).toBe(FAIL);
  });

  it("lists each project's amounts for T, T+1 and T+2 with their totals", () => {
    const plan = build(parsed(TERM_INPUT));
    const loaded = loadPlanIntoHyperFormula(plan);
    const read = (header: string) => {
      const c = columnCells(plan, "tblPlanRolling", header);
      return loaded.valueAt(c.sheet, c.cells[0] as string);
    };
    expect([read("2024年(预算)"), read("2025年(规划)"), read("2026年(规划)"), read("三年合计")]).toEqual([
      300, 200, 200, 700,
    ]);
  });
});

describe("规划 with term inputs that do not line up", () => {
  it("says what is missing and projects nothing when births of a cohort are missing", () => {
    const input = {
      ...TERM_INPUT,
      term: { ...TERM_INPUT.term, births: TERM_INPUT.term?.births?.filter((b) => b.year !== 2014) },
    };
    const plan = build(districtSchema.parse(input));
    const sheet = plan.sheets.find((s) => s.key === "plan");
    expect(sheet?.tables).toEqual([]);
    const texts = sheet?.blocks.flatMap((b) => b.cells.flat()).map((c) => (c === null ? "" : String(c.v)));
    expect(texts).toContainEqual(expect.stringContaining("缺少 2014 年出生人口"));
  });
});
