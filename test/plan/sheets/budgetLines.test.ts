/**
 * 预算明细 and the tables over it: computed in a real engine they agree with the values the builder computed, for
 * the samples and for generated districts; every line has codes of the edition; one school's 人员经费 is as
 * computed by hand; editing a school's staff on 学校 moves its lines and the tables.
 */
import fc from "fast-check";
import type { District } from "../../../src/district/model";
import { generateDistrict, getSample } from "../../../src/district/samples";
import { validatePlan } from "../../../src/plan/validate";
import { getPack } from "../../../src/policy/packs";
import { loadPlanIntoHyperFormula, planMismatches } from "../../support/hyperformula";
import { FIXTURE, fixtureWith } from "../fixtures";
import { column, columnCells, FAIL, labelled, planOf, sheetByKey, verdictOf } from "../planHelpers";

describe("预算明细 and the 部门预算 tables of the samples", () => {
  it.each(["zhenlai", "wuzhen"])("compute in HyperFormula as built (%s)", (id) => {
    const plan = planOf(getSample(id));
    expect(validatePlan(plan)).toEqual([]);
    expect(planMismatches(plan)).toEqual([]);
  });
  it("balance the 部门收支总表 by construction and show the gap to the 控制数 on 预算明细 and 目录", () => {
    const plan = planOf(getSample("zhenlai"));
    const loaded = loadPlanIntoHyperFormula(plan);
    const labels = column(plan, loaded, "tbl_deptBudgetSummary_check", "核对项目");
    const differences = column(plan, loaded, "tbl_deptBudgetSummary_check", "差额");
    const byLabel = Object.fromEntries(labels.map((l, i) => [String(l), differences[i]]));
    expect(byLabel["部门收支总表: 本年支出合计 − 预算明细合计"]).toBe(0);
    // 一般公共预算拨款收入 is what the lines funded from it add up to: revenue and spending agree.
    expect(byLabel["部门收支总表: 收入总计 − 支出总计"]).toBe(0);
    // The appropriation typed on 录入-财政 (12,560) is the 控制数: the budget's gap to it is shown with its size.
    const lines = column(plan, loaded, "tblBudgetLines", "本年预算").map(Number);
    const spent = lines.reduce((a, b) => a + b, 0);
    const sheet = sheetByKey(plan, "budgetLines");
    const over = labelled(sheet, "二上 − 控制数");
    expect(Number(loaded.valueAt(sheet.name, over))).toBeCloseTo(spent - 12560, 9);
    const verdict = labelled(sheet, "二上在控制数之内");
    expect(loaded.valueAt(sheet.name, verdict)).toBe(verdictOf(spent <= 12560));
    // A lower 控制数 puts the budget over it: the verdict turns, on 目录 too.
    loaded.setValue(sheet.name, labelled(sheet, "一般公共预算拨款控制数(一下)"), 12000);
    expect(Number(loaded.valueAt(sheet.name, over))).toBeCloseTo(spent - 12000, 9);
    expect(loaded.valueAt(sheet.name, verdict)).toBe(FAIL);
    const index = plan.checks.findIndex((c) => c.id === "budgetLines.withinCeiling");
    expect(index).toBeGreaterThanOrEqual(0);
    expect(column(plan, loaded, "tblChecks", "结果")[index]).toBe(FAIL);
  });
});

describe("预算明细 of generated districts", () => {
  it("computes in HyperFormula as built for any seed and size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 6 }), (seed, n) => {
        const plan = planOf(generateDistrict(seed, n), getPack("national"));
        expect(validatePlan(plan)).toEqual([]);
        expect(planMismatches(plan)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe("the 人员经费 of one school, computed by hand", () => {
  // S001 of the fixture: a 小学 with 30 staff. Pay standards 30,000 / 12,000 / 18,000 元 a person and year; the
  // national rates in force in 2025: 养老 16 %, 职业年金 8 %, 医疗 6 %, 住房公积金 12 %, on the 缴费基数 of
  // 30,000 + 12,000 + 18,000 = 60,000 元.
  const district: District = {
    ...FIXTURE,
    personnel: { basicPay: 30000, allowances: 12000, performancePay: 18000, bureauStaff: 0 },
  };
  const HAND: readonly [string, string, string, number][] = [
    // 明细, 功能科目, 经济科目, 万元
    ["基本工资", "2050202", "30101", 90], // 30 × 30,000 = 900,000 元
    ["津贴补贴", "2050202", "30102", 36], // 30 × 12,000
    ["绩效工资", "2050202", "30107", 54], // 30 × 18,000
    ["机关事业单位基本养老保险缴费", "2080505", "30108", 28.8], // 30 × 60,000 × 16 % = 288,000
    ["职业年金缴费", "2080506", "30109", 14.4], // 30 × 60,000 × 8 %
    ["职工基本医疗保险缴费", "2101102", "30110", 10.8], // 30 × 60,000 × 6 %
    ["住房公积金", "2210201", "30113", 21.6], // 30 × 60,000 × 12 %
  ];
  const lines = () => {
    const plan = planOf(district, getPack("national"));
    const loaded = loadPlanIntoHyperFormula(plan);
    const col = (header: string) => column(plan, loaded, "tblBudgetLines", header);
    const [units, items, fn, ec, amount] = [
      "单位代码",
      "明细",
      "功能科目编码",
      "经济科目编码",
      "本年预算",
    ].map(col);
    return {
      plan,
      loaded,
      rows: (units ?? []).map((u, i) => [u, items?.[i], fn?.[i], ec?.[i], amount?.[i]]),
    };
  };
  it("books each component under its own 功能 and 经济 code with the amount computed by hand", () => {
    const { rows } = lines();
    const school = rows.filter((r) => r[0] === "S001" && HAND.some((h) => h[0] === r[1]));
    expect(school.map((r) => [r[1], r[2], r[3]])).toEqual(HAND.map((h) => [h[0], h[1], h[2]]));
    school.forEach((r, i) => expect(Number(r[4])).toBeCloseTo(HAND[i]?.[3] ?? NaN, 9));
  });
  it("follows an edit of the school's staff on 学校", () => {
    const { plan, loaded } = lines();
    const staff = columnCells(plan, "tblSchools", "教职工数");
    loaded.setValue(staff.sheet, staff.cells[0] ?? "", 60);
    const col = (header: string) => column(plan, loaded, "tblBudgetLines", header);
    const units = col("单位代码");
    const items = col("明细");
    const amounts = col("本年预算");
    const pension = units.findIndex((u, i) => u === "S001" && items[i] === "机关事业单位基本养老保险缴费");
    expect(Number(amounts[pension])).toBeCloseTo(57.6, 9); // 60 × 60,000 × 16 %
  });
});

describe("项目支出 of a capital project", () => {
  const project = {
    name: "一小教学楼",
    school: "S001",
    status: "新建" as const,
    category: "教学楼" as const,
    totalCost: 500,
    district: 500,
    startYear: 2026,
    endYear: 2027,
    amountInYear: 300,
  };
  const codesOf = (district: District) => {
    const plan = planOf(district, getPack("national"));
    const loaded = loadPlanIntoHyperFormula(plan);
    const col = (header: string) => column(plan, loaded, "tblBudgetLines", header);
    const items = col("明细");
    const i = items.indexOf(project.name);
    return [col("功能科目编码")[i], col("经济科目编码")[i], col("本年预算")[i]];
  };
  it("is coded to its school's level and by its category when the user chooses no code", () => {
    expect(codesOf(fixtureWith((input) => ({ ...input, projects: [project] })))).toEqual([
      "2050202",
      "31001",
      300,
    ]);
  });
  it("takes the codes the user chose (a project not at its school's level)", () => {
    const chosen = { ...project, functionCode: "2050299", economicCode: "31006" };
    expect(codesOf(fixtureWith((input) => ({ ...input, projects: [chosen] })))).toEqual([
      "2050299",
      "31006",
      300,
    ]);
  });
});
