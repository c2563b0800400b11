import fc from "fast-check";
import { GRADES_BY_LEVEL, LEVELS_BY_TYPE } from "../../../src/district/grades";
import { generateDistrict } from "../../../src/district/samples";
import { repaySchedule } from "../../../src/domain/debt";
import { mergeCheck } from "../../../src/domain/classes";
import { dropoutCheck, dropoutLimit } from "../../../src/domain/dropout";

const AREA = { 城市: "urban", 县镇: "town", 农村: "rural" } as const;
import { expectPlanComputes } from "../../support/hyperformula";
import { shownVerdict } from "../../../src/plan/sheets/contents";
import { VERDICT_WORDS } from "../../../src/plan/verdict";
import { debtSchedule, suitePlan, valueAtRef } from "./helpers";

describe("均衡 布局调整 基建 学前 债务 汇总 on generated districts", () => {
  it("compute in HyperFormula exactly what the domain rules give", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 25 }), (seed, n) => {
        const district = generateDistrict(seed, n);
        const { ctx, built, plan } = suitePlan(district);
        const loaded = expectPlanComputes(plan);
        // Verdicts as HyperFormula computes them equal the domain's.
        for (const check of ctx.checks) {
          const sheet = plan.sheets.find((s) => s.key === check.sheet);
          expect([check.id, loaded.valueAt(sheet?.name ?? "", check.cell)]).toEqual([
            check.id,
            shownVerdict(check, VERDICT_WORDS.zh),
          ]);
        }
        district.mergers.forEach((merger, m) => {
          const codes = [...merger.sources, ...(merger.stayingSchool ? [merger.stayingSchool] : [])];
          const matrix = codes.map((code) =>
            GRADES_BY_LEVEL[merger.level].map(
              (g) => district.schools.find((s) => s.code === code)?.grades[g] ?? 0,
            ),
          );
          const r = mergeCheck(matrix, merger.siteClassrooms, ctx.param(`class_size.${merger.level}`).value);
          // The staying school's other levels keep their classes at the site, at their own class size.
          const staying = district.schools.find((s) => s.code === merger.stayingSchool);
          const kept = (["primary", "junior", "senior"] as const)
            .filter((level) => level !== merger.level && staying)
            .reduce(
              (sum, level) =>
                sum +
                mergeCheck(
                  [GRADES_BY_LEVEL[level].map((g) => staying?.grades[g] ?? 0)],
                  0,
                  ctx.param(`class_size.${level}`).value,
                ).classesNeeded,
              0,
            );
          expect(ctx.checks.find((c) => c.id === `mergers.${m}.capacity`)?.pass).toBe(
            merger.siteClassrooms - r.classesNeeded - kept >= 0,
          );
        });
        const inTerm =
          district.debts?.annualCapacity.slice(
            0,
            Math.max(0, district.termEndYear - district.budgetYear + 1),
          ) ?? [];
        if (district.debts && inTerm.length > 0) {
          const steps = [1, 2, 3, 4].map((s) =>
            district.debts!.items.filter((i) => i.step === s).reduce((a, i) => a + i.amount, 0),
          );
          const plan = repaySchedule(steps, inTerm);
          const yearT = debtSchedule(built).repaymentYearT;
          expect(valueAtRef(loaded, yearT.ref) as number).toBeCloseTo(
            plan.reduce((s, row) => s + (row[0] ?? 0), 0),
            6,
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("generated districts with schools of two levels", () => {
  it("give some 九年一贯制, 完全中学 and 十二年一贯制 their dropouts per level, each level within its start and summing to the school's", () => {
    const schools = Array.from({ length: 40 }, (_, seed) => generateDistrict(seed + 1, 12).schools).flat();
    const split = schools.filter((s) => s.levels);
    expect(split.length).toBeGreaterThan(0);
    expect(new Set(split.map((s) => s.type))).toEqual(new Set(["九年一贯制", "完全中学", "十二年一贯制"]));
    for (const school of split) {
      const levels = Object.values(school.levels ?? {});
      expect(levels).toHaveLength(LEVELS_BY_TYPE[school.type].length);
      for (const level of levels) expect(level.prevDropouts).toBeLessThanOrEqual(level.prevStartEnrollment);
      expect(levels.reduce((a, l) => a + l.prevStartEnrollment, 0)).toBe(school.prevStartEnrollment);
      expect(levels.reduce((a, l) => a + l.prevDropouts, 0)).toBe(school.prevDropouts);
    }
  });

  it("check each level of such a school on 控辍 as dropoutCheck does, computed in HyperFormula", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 16 }), (seed, n) => {
        const district = generateDistrict(seed, n);
        const { ctx, plan } = suitePlan(district, ["dropout"]);
        expectPlanComputes(plan);
        const items = ctx.checks.find((c) => c.id === "dropout.allWithin")?.items ?? [];
        for (const school of district.schools) {
          const limited = school.type === "完全中学" ? ["junior"] : ["primary", "junior"];
          for (const level of limited) {
            const figures = school.levels?.[level as "primary" | "junior"];
            if (!figures || figures.prevStartEnrollment === 0) continue;
            const limit = dropoutLimit(ctx.pack, level as "primary" | "junior", AREA[school.area]);
            const item = items.find((i) => i.labelEn === `${school.code} ${school.name} ${level}`);
            expect(item?.pass).toBe(dropoutCheck(figures.prevStartEnrollment, figures.prevDropouts, limit));
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
