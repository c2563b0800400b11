import fc from "fast-check";
import { GRADES_BY_LEVEL } from "../../../src/district/grades";
import { generateDistrict } from "../../../src/district/samples";
import { repaySchedule } from "../../../src/domain/debt";
import { mergeCheck } from "../../../src/domain/classes";
import { expectPlanComputes } from "../../support/hyperformula";
import { shownVerdict } from "../../../src/plan/sheets/contents";
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
            shownVerdict(check),
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
          expect(ctx.checks.find((c) => c.id === `mergers.${m}.capacity`)?.pass).toBe(r.pass);
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
