/**
 * The revenue of the 部门预算: 一般公共预算拨款收入 is what the lines funded from it add up to, so the 部门收支总表
 * balances by construction; the other sources are as given and differ from the lines by what is not budgeted; the
 * parts of the appropriation (教育费附加, 地方教育附加, 土地出让收益计提) at their rates in force; the 控制数 of 一下.
 */
import fc from "fast-check";
import { districtSchema, type District, type DistrictInput } from "../../../src/district/model";
import { generateDistrict } from "../../../src/district/samples";
import { getPack, packForYear } from "../../../src/policy/packs";
import { loadPlanIntoHyperFormula, planMismatches, type LoadedPlan } from "../../support/hyperformula";
import { column, columnCells, FAIL, labelled, planOf, sheetByKey } from "../planHelpers";
import type { WorkbookPlan } from "../../../src/plan/types";
import type { PolicyKey } from "../../../src/policy/types";

const noGrades = { k1: 0, k2: 0, k3: 0, g1: 0, g2: 0, g3: 0, g4: 0, g5: 0, g6: 0 };
const year = (appropriation: number) => ({
  appropriation,
  compulsoryAppropriation: appropriation,
  recurringRevenue: 1000,
  staffPay: 60,
  staffHeadcount: 10,
  publicFunds: 13,
  compulsoryPublicFunds: 13,
  students: 200,
  compulsoryStudents: 200,
});

/**
 * One 城市 小学 of 200 pupils and 10 staff, pay standards 30,000 / 12,000 / 18,000 元 a person and year, in 2026
 * under the national rules (养老 16 %, 职业年金 8 %, 医疗 6 %, 住房公积金 12 %; 中西部 小学 650 元 a pupil), with
 * 5 万元 of 政府性基金 given and no line funded by it, and the bases of the appropriation's parts.
 */
const SMALL_INPUT: DistrictInput = {
  name: "小区",
  budgetYear: 2026,
  region: "中西部",
  termEndYear: 2028,
  fiscal: {
    prior: year(90),
    current: {
      ...year(100),
      governmentFunds: 5,
      surchargeTaxBase: 100,
      landTransferIncome: 50,
      proposedAppropriation: 95,
    },
  },
  personnel: { basicPay: 30000, allowances: 12000, performancePay: 18000, bureauStaff: 0 },
  schools: [
    {
      code: "X01",
      name: "城关小学",
      town: "城关镇",
      type: "小学",
      area: "城市",
      grades: { ...noGrades, g1: 35, g2: 35, g3: 35, g4: 35, g5: 30, g6: 30 },
      classes: 6,
      classrooms: 6,
      staff: 10,
    },
  ],
  preschool: { population3to5: 100, enrolled: 90 },
};
const SMALL: District = districtSchema.parse(SMALL_INPUT);

/** The 本年预算 of the 部门收支总表 by row label. */
function summary(plan: WorkbookPlan, loaded: LoadedPlan): Record<string, number> {
  const labels = column(plan, loaded, "tbl_deptBudgetSummary", "项目");
  const amounts = column(plan, loaded, "tbl_deptBudgetSummary", "本年预算");
  return Object.fromEntries(labels.map((label, i) => [String(label), Number(amounts[i])]));
}

describe("the 部门收支总表 of a small district, computed by hand", () => {
  const plan = planOf(SMALL, getPack("national"));
  const loaded = loadPlanIntoHyperFormula(plan);

  it("computes in HyperFormula as built", () => {
    expect(planMismatches(plan)).toEqual([]);
  });

  it("has the revenue and the spending by 类 worked out by hand", () => {
    const rows = summary(plan, loaded);
    // 205 教育: pay 10 × (30,000 + 12,000 + 18,000) = 60 万元, 公用经费 200 × 650 元 = 13 万元.
    expect(rows["教育支出"]).toBeCloseTo(73, 9);
    // 208: 养老 10 × 60,000 × 16 % = 9.6, 职业年金 × 8 % = 4.8; 210: 医疗 × 6 % = 3.6; 221: 公积金 × 12 % = 7.2.
    expect(rows["社会保障和就业支出"]).toBeCloseTo(14.4, 9);
    expect(rows["卫生健康支出"]).toBeCloseTo(3.6, 9);
    expect(rows["住房保障支出"]).toBeCloseTo(7.2, 9);
    expect(rows["本年支出合计"]).toBeCloseTo(98.2, 9);
    // 一般公共预算拨款 is the lines funded from it (all of them); 政府性基金 is as given (5).
    expect(rows["一、一般公共预算拨款收入"]).toBeCloseTo(98.2, 9);
    expect(rows["二、政府性基金预算拨款收入"]).toBe(5);
    expect(rows["本年收入合计"]).toBeCloseTo(103.2, 9);
    expect(rows["收入总计"]).toBeCloseTo(103.2, 9);
    expect(rows["支出总计"]).toBeCloseTo(98.2, 9);
  });

  it("shows the 政府性基金 given and not budgeted as a difference of its size, on 预算明细 and 目录", () => {
    const labels = column(plan, loaded, "tblBudgetSources", "收入来源");
    const differences = column(plan, loaded, "tblBudgetSources", "差额");
    const fund = labels.indexOf("政府性基金预算拨款收入: 收入 − 由其安排的支出");
    expect(differences[fund]).toBe(5);
    expect(column(plan, loaded, "tblBudgetSources", "一致")[fund]).toBe(FAIL);
    const recon = column(plan, loaded, "tblReconciliations", "核对项 Item");
    const at = recon.indexOf("政府性基金预算拨款收入: 收入 − 由其安排的支出");
    expect(column(plan, loaded, "tblReconciliations", "差额")[at]).toBe(5);
    // The table's own identity shows the same 5.
    const check = column(plan, loaded, "tbl_deptBudgetSummary_check", "差额");
    expect(check[0]).toBe(5);
  });

  it("gives the parts of the appropriation at 3 %, 2 % and 10 % of their bases", () => {
    const items = column(plan, loaded, "tblBudgetRevenueParts", "其中");
    const amounts = column(plan, loaded, "tblBudgetRevenueParts", "金额").map(Number);
    const of = (item: string) => amounts[items.indexOf(item)];
    expect(of("教育费附加")).toBeCloseTo(3, 12); // 100 × 3 %
    expect(of("地方教育附加")).toBeCloseTo(2, 12); // 100 × 2 %
    expect(of("土地出让收益计提教育资金")).toBeCloseTo(5, 12); // 50 × 10 %
    const checks = Object.fromEntries(plan.checks.map((c) => [c.id, c]));
    expect(checks["budgetLines.partsWithinGeneral"]?.pass).toBe(true);
    // No 项目支出 for buildings or equipment: the 5 万元 of land money has nothing it may pay for.
    expect(checks["budgetLines.landFundUse"]?.pass).toBe(false);
    expect(checks["budgetLines.landFundUse"]?.detailZh).toContain("计提 5.00 万元");
  });

  it("checks 二上 against the 控制数 and shows its gap to the 建议数", () => {
    const sheet = sheetByKey(plan, "budgetLines");
    const at = (label: string) => Number(loaded.valueAt(sheet.name, labelled(sheet, label)));
    expect(at("一般公共预算拨款控制数(一下)")).toBe(100);
    expect(at("二上 − 控制数")).toBeCloseTo(-1.8, 9);
    expect(at("二上 − 建议数")).toBeCloseTo(3.2, 9);
    expect(plan.checks.find((c) => c.id === "budgetLines.withinCeiling")?.pass).toBe(true);
  });

  it("moves revenue and spending equally when a school's students change", () => {
    const before = summary(plan, loaded);
    const sheet = sheetByKey(plan, "schools");
    const cells = column(plan, loaded, "tblSchools", "一年级");
    expect(cells).toEqual([35]);
    const g1 = firstGrade1(plan);
    loaded.setValue(sheet.name, g1, 135);
    const after = summary(plan, loaded);
    // 100 more pupils × 650 元 = 6.5 万元 of 公用经费, and as much 一般公共预算拨款.
    expect((after["本年支出合计"] ?? 0) - (before["本年支出合计"] ?? 0)).toBeCloseTo(6.5, 9);
    expect((after["一、一般公共预算拨款收入"] ?? 0) - (before["一、一般公共预算拨款收入"] ?? 0)).toBeCloseTo(
      6.5,
      9,
    );
    loaded.setValue(sheet.name, g1, 35);
  });
});

/** The first school's 一年级 cell on 学校. */
const firstGrade1 = (plan: WorkbookPlan) => columnCells(plan, "tblSchools", "一年级").cells[0] ?? "";

describe("the parts of the appropriation before their rules began", () => {
  it("counts no 地方教育附加 and no land money before 2011, and does not check the land money's use", () => {
    const district: District = { ...SMALL, budgetYear: 2010, termEndYear: 2012 };
    const plan = planOf(district, packForYear("national", 2010));
    const loaded = loadPlanIntoHyperFormula(plan);
    expect(planMismatches(plan)).toEqual([]);
    const items = column(plan, loaded, "tblBudgetRevenueParts", "其中");
    const amounts = column(plan, loaded, "tblBudgetRevenueParts", "金额").map(Number);
    const of = (item: string) => amounts[items.indexOf(item)];
    expect(of("教育费附加")).toBeCloseTo(3, 12);
    expect(of("地方教育附加")).toBe(0);
    expect(of("土地出让收益计提教育资金")).toBe(0);
    const land = plan.checks.find((c) => c.id === "budgetLines.landFundUse");
    expect(land?.applicable).toBe(false);
  });
});

describe("the 部门收支总表 of generated districts", () => {
  it("balances 收入总计 with 支出总计 in HyperFormula, also after a school's students change", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 300 }),
        (seed, n, pupils) => {
          const plan = planOf(generateDistrict(seed, n), getPack("national"));
          const loaded = loadPlanIntoHyperFormula(plan);
          const before = summary(plan, loaded);
          expect(before["收入总计"]).toBeCloseTo(before["支出总计"] ?? NaN, 6);
          const sheet = sheetByKey(plan, "schools");
          loaded.setValue(sheet.name, firstGrade1(plan), pupils);
          const after = summary(plan, loaded);
          expect(after["收入总计"]).toBeCloseTo(after["支出总计"] ?? NaN, 6);
          const spent = (after["本年支出合计"] ?? 0) - (before["本年支出合计"] ?? 0);
          const revenue =
            (after["一、一般公共预算拨款收入"] ?? 0) - (before["一、一般公共预算拨款收入"] ?? 0);
          expect(revenue).toBeCloseTo(spent, 6);
        },
      ),
      { numRuns: 6 },
    );
  });
});

describe("the rates of the parts on 参数, by year", () => {
  const rate = (key: PolicyKey, y: number) => packForYear("national", y).values[key].value;
  it.each([
    // 国发明电〔1994〕2号 and 国务院令第448号: 3 %; 财综〔2010〕98号: 2 % from 2011; 国发〔2011〕22号: 10 % from 2011.
    [1993, 0, 0, 0],
    [2004, 0.03, 0, 0],
    [2010, 0.03, 0, 0],
    [2011, 0.03, 0.02, 0.1],
    [2026, 0.03, 0.02, 0.1],
  ])("in %i: 教育费附加 %p, 地方教育附加 %p, 土地出让收益计提 %p", (y, surcharge, local, land) => {
    expect(rate("revenue.education_surcharge_rate", y)).toBe(surcharge);
    expect(rate("revenue.local_education_surcharge_rate", y)).toBe(local);
    expect(rate("revenue.land_transfer_education_rate", y)).toBe(land);
  });
});
