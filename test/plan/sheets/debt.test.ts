import fc from "fast-check";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { repaySchedule } from "../../../src/domain/debt";
import { parseRange, columnLetter } from "../../../src/plan/address";
import { expectPlanComputes, type LoadedPlan } from "../../support/hyperformula";
import { context, debtSchedule, FIXTURE, FIXTURE_INPUT, planOf } from "./helpers";
import { FAIL, PASS } from "../planHelpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [built.sheet("debt")]);
  return { built, plan, loaded: expectPlanComputes(plan) };
}

/** The schedule's cells (steps × years + unpaid) as HyperFormula computes them. */
function scheduleValues(loaded: LoadedPlan, range: string): number[][] {
  const { start, end } = parseRange(range.replace(/^'.*'!/, "").replace(/\$/g, ""));
  const out: number[][] = [];
  for (let r = start.row; r <= end.row; r++) {
    const line: number[] = [];
    for (let c = start.column; c <= end.column; c++)
      line.push(loaded.valueAt("债务", `${columnLetter(c)}${r + 1}`) as number);
    out.push(line);
  }
  return out;
}

const subtotals = (d: District) =>
  [1, 2, 3, 4].map((s) =>
    (d.debts?.items ?? []).filter((i) => i.step === s).reduce((a, i) => a + i.amount, 0),
  );

describe("债务 sheet", () => {
  it("shows the speech's 15.26 gap as −15.26 in red and fails the reconciliation", () => {
    const { built, plan, loaded } = build(FIXTURE);
    const rec = built.ctx.reconciliations.find((r) => r.sheet === "debt");
    expect(rec?.difference.value).toBe(-15.26);
    const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(rec?.difference.ref ?? "");
    expect(loaded.valueAt("债务", `${m?.[1]}${m?.[2]}`)).toBeCloseTo(-15.26, 10);
    const sheet = plan.sheets.find((s) => s.key === "debt");
    expect(sheet?.conditionalFormats).toContainEqual({
      range: `${m?.[1]}${m?.[2]}`,
      formula: `${m?.[1]}${m?.[2]}<>0`,
      style: "fail",
    });
    const check = built.ctx.checks.find((c) => c.id === "debt.reconcile");
    expect(check?.pass).toBe(false);
    expect(loaded.valueAt("债务", check?.cell ?? "")).toBe(FAIL);
  });

  it("shows −15.26 for the five-town sample's debts and writes a note for zhenlai, which states none", () => {
    const wuzhen = build(getSample("wuzhen"));
    expect(wuzhen.built.ctx.reconciliations.find((r) => r.sheet === "debt")?.difference.value).toBe(-15.26);
    const zhenlai = build(getSample("zhenlai"));
    expect(zhenlai.built.ctx.checks.filter((c) => c.sheet === "debt")).toEqual([]);
  });

  it("reconciles again when the stated total is edited to the sum of the items", () => {
    const { built, loaded } = build(FIXTURE);
    const check = built.ctx.checks.find((c) => c.id === "debt.reconcile");
    const stated = `B${Number(/\d+/.exec(check?.cell ?? "")?.[0]) - 3}`;
    expect(loaded.valueAt("债务", stated)).toBe(13644.78);
    loaded.setValue("债务", stated, 13660.04);
    expect(loaded.valueAt("债务", check?.cell ?? "")).toBe(PASS);
  });

  it("schedules repayment exactly as repaySchedule() does", () => {
    const { built, loaded } = build(FIXTURE);
    const range = debtSchedule(built).scheduleRange.ref;
    const expected = repaySchedule(subtotals(FIXTURE), FIXTURE.debts?.annualCapacity ?? []);
    const actual = scheduleValues(loaded, range);
    actual.forEach((line, s) => line.forEach((x, y) => expect(x).toBeCloseTo(expected[s]?.[y] ?? NaN, 9)));
  });

  it("leaves capacity after the term end out of the plan, so the debt must be repaid within the term", () => {
    const late = districtSchema.parse({
      ...FIXTURE_INPUT,
      termEndYear: 2027,
      debts: { ...FIXTURE_INPUT.debts, annualCapacity: [2000, 3000, 9000, 9000] },
    });
    const { built } = build(late);
    const check = built.ctx.checks.find((c) => c.id === "debt.repaid");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toBe(`至 2027 年末未偿还 ${(13660.04 - 5000).toFixed(2)} 万元`);
  });

  it("passes the term-end check only when the capacity covers every step, and budgets year T's repayment", () => {
    const { built } = build(FIXTURE);
    expect(built.ctx.checks.find((c) => c.id === "debt.repaid")?.pass).toBe(false);
    const line = built.ctx.budgetLines.find((l) => l.categoryEn === "Debt repayment");
    expect(line?.amount.value).toBe(2000);
    const rich = districtSchema.parse({
      ...FIXTURE_INPUT,
      debts: { ...FIXTURE_INPUT.debts, annualCapacity: [5000, 5000, 5000] },
    });
    expect(build(rich).built.ctx.checks.find((c) => c.id === "debt.repaid")?.pass).toBe(true);
  });

  it("writes a note instead of tables when the district has no debts", () => {
    const { debts: _omit, ...rest } = FIXTURE_INPUT;
    const { built, plan } = build(districtSchema.parse(rest));
    expect(built.ctx.checks.filter((c) => c.sheet === "debt")).toEqual([]);
    expect(plan.sheets.find((s) => s.key === "debt")?.tables).toEqual([]);
  });

  it("computes generated debts and capacities in HyperFormula as repaySchedule() does", () => {
    const cents = fc.integer({ min: 0, max: 500000 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: cents, step: fc.integer({ min: 1, max: 4 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(cents, { minLength: 1, maxLength: 6 }),
        cents,
        (items, capacity, stated) => {
          const district = districtSchema.parse({
            ...FIXTURE_INPUT,
            debts: {
              statedTotal: stated,
              items: items.map((d, i) => ({ ...d, item: `欠款${i}`, category: "其他" })),
              annualCapacity: capacity,
            },
          });
          const { built, loaded } = build(district);
          const inTerm = capacity.slice(0, district.termEndYear - district.budgetYear + 1);
          const expected = repaySchedule(subtotals(district), inTerm);
          const actual = scheduleValues(loaded, debtSchedule(built).scheduleRange.ref);
          actual.forEach((line, s) =>
            line.forEach((x, y) => expect(x).toBeCloseTo(expected[s]?.[y] ?? NaN, 9)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
