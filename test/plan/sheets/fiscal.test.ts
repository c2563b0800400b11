import { threeGrowth } from "../../../src/domain/growth";
import type { FiscalYear } from "../../../src/district/model";
import { expectPlanComputes } from "../../support/hyperformula";
import type { District } from "../../../src/district/model";
import { buildWorkbookPlan } from "../../../src/plan/build";
import { getPack } from "../../../src/policy/packs";
import { FIXTURE, fixtureWith } from "../fixtures";
import { column, labelled, OPTIONS, planOf as fullPlanOf, sheetByKey, FAIL, verdictOf } from "../planHelpers";

/**
 * A workbook without the 部门预算 (预算明细): 财政 compares the appropriations as typed on 录入-财政, the growth
 * rules under test here. With the 部门预算, year T's appropriation is the budget's own (tested below).
 */
const planOf = (district: District) =>
  buildWorkbookPlan(district, getPack(district.policyPack), {
    ...OPTIONS,
    sheets: ["fiscal", "publicFunds", "summary", "contents"],
  });

const figures = (y: FiscalYear, compulsory: boolean): number[] => {
  const e = compulsory ? y.compulsoryAppropriation : y.appropriation;
  const n = compulsory ? y.compulsoryStudents : y.students;
  const pf = compulsory ? y.compulsoryPublicFunds : y.publicFunds;
  return [e, y.recurringRevenue, (e * 10000) / n, (pf * 10000) / n, (y.staffPay * 10000) / y.staffHeadcount];
};

describe("财政", () => {
  const plan = planOf(FIXTURE);
  const sheet = sheetByKey(plan, "fiscal");

  it("shows achieved and required growth and a verdict per test as THREE_GROWTH_DETAIL does", () => {
    const loaded = expectPlanComputes(plan);
    const rows = threeGrowth(figures(FIXTURE.fiscal.prior, false), figures(FIXTURE.fiscal.current, false));
    const achieved = column(plan, loaded, "tblThreeGrowth", "实际增长 Achieved");
    rows.forEach((row, i) => expect(achieved[i]).toBeCloseTo(row.achieved, 12));
    expect(column(plan, loaded, "tblThreeGrowth", "要求增长 Required")[0]).toBeCloseTo(
      189000 / 180000 - 1,
      12,
    );
    expect(column(plan, loaded, "tblThreeGrowth", "是否达到 Pass")).toEqual(
      rows.map((r) => verdictOf(r.pass)),
    );
  });

  it("recomputes the growths for compulsory education when the scope cell is switched to 义务教育", () => {
    const loaded = expectPlanComputes(plan);
    loaded.setValue(sheet.name, labelled(sheet, "三个增长口径"), "义务教育");
    const rows = threeGrowth(figures(FIXTURE.fiscal.prior, true), figures(FIXTURE.fiscal.current, true));
    const achieved = column(plan, loaded, "tblThreeGrowth", "实际增长 Achieved");
    rows.forEach((row, i) => expect(achieved[i]).toBeCloseTo(row.achieved, 12));
    // Compulsory students fell (1700 → 1640) while funds rose: every per-student figure rises.
    expect(loaded.valueAt(sheet.name, labelled(sheet, "三个增长 Three statutory growths"))).toBe(
      verdictOf(rows.every((r) => r.pass)),
    );
  });

  it("labels the scope on the sheet and in the check (I-4)", () => {
    const compulsory = planOf(fixtureWith((d) => ({ ...d, fiscal: { ...d.fiscal, scope: "compulsory" } })));
    const loaded = expectPlanComputes(compulsory);
    const s = sheetByKey(compulsory, "fiscal");
    expect(loaded.valueAt(s.name, labelled(s, "三个增长口径"))).toBe("义务教育");
    expect(compulsory.checks.find((c) => c.id === "fiscal.threeGrowth")?.labelZh).toBe("三个增长(义务教育)");
  });

  it("fails G1 when appropriation grows no faster than revenue, naming both rates", () => {
    const slow = planOf(
      fixtureWith((d) => ({
        ...d,
        fiscal: { ...d.fiscal, current: { ...d.fiscal.current, appropriation: 54600 } },
      })),
    );
    expectPlanComputes(slow);
    const check = slow.checks.find((c) => c.id === "fiscal.threeGrowth");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toContain("G1 教育财政拨款增长高于财政经常性收入增长: 5.00% ≤ 5.00% ✗");
  });

  it("marks the growths it cannot compute over a zero prior base as #DIV/0! and fails the check", () => {
    const zero = planOf(
      fixtureWith((d) => ({ ...d, fiscal: { ...d.fiscal, prior: { ...d.fiscal.prior, appropriation: 0 } } })),
    );
    const loaded = expectPlanComputes(zero);
    expect(String(column(zero, loaded, "tblThreeGrowth", "实际增长 Achieved")[0])).toContain("DIV/0");
    const check = zero.checks.find((c) => c.id === "fiscal.threeGrowth");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toContain("无法计算");
  });

  it("reconciles the fiscal student counts with the schools table and shows the difference", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblFiscalReconcile", "差额")).toEqual([2210 - 2263, 1640 - 1738]);
    const labels = column(plan, loaded, "tblReconciliations", "核对项 Item");
    const at = labels.indexOf("在校学生数: 财政 − 学校表合计");
    expect(column(plan, loaded, "tblReconciliations", "差额").slice(at, at + 2)).toEqual([-53, -98]);
    expect(column(plan, loaded, "tblReconciliations", "一致").slice(at, at + 2)).toEqual([FAIL, FAIL]);
  });

  it("puts year T's staff pay on 汇总 as a line read from its input on 财政", () => {
    const plan = planOf(FIXTURE);
    const loaded = expectPlanComputes(plan);
    const lines = column(plan, loaded, "tblBudgetSummary", "支出类别");
    const amounts = column(plan, loaded, "tblBudgetSummary", `${FIXTURE.budgetYear}年预算`);
    const at = lines.indexOf("教职工工资");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(amounts[at]).toBe(FIXTURE.fiscal.current.staffPay);
    const fiscal = sheetByKey(plan, "fiscal");
    // Editing this year's pay on 财政 changes the line on 汇总.
    const pay = labelled(fiscal, "教职工工资总额").replace("B", "C");
    loaded.setValue(fiscal.name, pay, 1234.5);
    expect(column(plan, loaded, "tblBudgetSummary", `${FIXTURE.budgetYear}年预算`)[at]).toBe(1234.5);
  });

  it("takes year T's appropriation from the 部门预算 and checks the growths against it, the typed one being the 控制数", () => {
    const plan = fullPlanOf(FIXTURE);
    const loaded = expectPlanComputes(plan);
    const revenue = column(plan, loaded, "tblBudgetRevenue", "本年预算");
    const lines = column(plan, loaded, "tblBudgetLines", "本年预算").map(Number);
    const general = Number(revenue[0]);
    expect(general).toBeCloseTo(
      lines.reduce((a, b) => a + b, 0),
      9,
    );
    expect(column(plan, loaded, "tblFiscal", "本年 T")[0]).toBeCloseTo(general, 9);
    const prior = FIXTURE.fiscal.prior.appropriation;
    expect(column(plan, loaded, "tblThreeGrowth", "实际增长 Achieved")[0]).toBeCloseTo(
      general / prior - 1,
      12,
    );
    // The typed appropriation is the 控制数 on 预算明细.
    const budget = sheetByKey(plan, "budgetLines");
    expect(loaded.valueAt(budget.name, labelled(budget, "一般公共预算拨款控制数(一下)"))).toBe(
      FIXTURE.fiscal.current.appropriation,
    );
  });

  it("cites the statute articles in force in the budget year under the title", () => {
    const texts = (year: number): string[] =>
      sheetByKey(
        planOf(fixtureWith((input) => ({ ...input, budgetYear: year, termEndYear: year + 4 }))),
        "fiscal",
      )
        .blocks.flatMap((b) => b.cells.flat())
        .flatMap((c) => (c !== null && "v" in c && typeof c.v === "string" ? [c.v] : []));
    const subtitle = (year: number): string => texts(year).find((t) => t.includes("教育法")) ?? "";
    expect(subtitle(2004)).toContain("教育法(1995年)第五十五条");
    expect(subtitle(2004)).toContain("义务教育法(1986年)第十二条");
    expect(subtitle(2012)).toContain("教育法(1995年)第五十五条");
    expect(subtitle(2012)).toContain("义务教育法(2006年修订)第四十二条");
    expect(subtitle(2026)).toContain("教育法(2015年修正)第五十六条");
    expect(subtitle(2026)).not.toContain("第五十五条");
  });
});
