/**
 * The national set of 部门预算 tables over 预算明细, computed in a real engine: every table is there (an empty one
 * with its standard note), every identity within and across the tables holds for the samples and for generated
 * districts, the “三公” amounts the bureau gives become its lines and fill the “三公” table, and one small
 * district's 一般公共预算基本支出表 is as computed by hand.
 */
import fc from "fast-check";
import type { District } from "../../../src/district/model";
import { generateDistrict, getSample } from "../../../src/district/samples";
import { sumOfRows } from "../../../src/plan/sheets/budgetTables";
import type { WorkbookPlan } from "../../../src/plan/types";
import { validatePlan } from "../../../src/plan/validate";
import { getPack } from "../../../src/policy/packs";
import { loadPlanIntoHyperFormula, planMismatches, type LoadedPlan } from "../../support/hyperformula";
import { fixtureWith } from "../fixtures";
import { column, columnCells, planOf, sheetByKey } from "../planHelpers";

const TABLES = [
  "deptBudgetSummary",
  "deptIncome",
  "deptExpense",
  "fiscalSummary",
  "generalBudgetExpense",
  "generalBasicExpense",
  "threePublicExpense",
  "governmentFundExpense",
  "stateCapitalExpense",
  "projectExpense",
] as const;

const APPROPRIATION_SOURCES = ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入"];

/** The label and the difference of every identity on the tables, as the engine computes them. */
function identities(plan: WorkbookPlan, loaded: LoadedPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of TABLES) {
    const name = `tbl_${key}_check`;
    if (!sheetByKey(plan, key).tables.some((t) => t.name === name)) continue;
    const labels = column(plan, loaded, name, "核对项目");
    const differences = column(plan, loaded, name, "差额");
    labels.forEach((label, i) => out.set(String(label), Number(differences[i])));
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Every identity is 0, except those between the revenue (the appropriation and the other sources given) and the
 * spending (the lines): those are exactly the gap between the two, which 财政 and the revenue side reconcile.
 */
function expectIdentitiesHold(plan: WorkbookPlan, loaded = loadPlanIntoHyperFormula(plan)): void {
  const sumOf = (values: readonly unknown[]) => values.reduce<number>((s, v) => s + Number(v), 0);
  const revenue = column(plan, loaded, "tblBudgetRevenue", "本年预算");
  const revenueSources = column(plan, loaded, "tblBudgetRevenue", "收入来源");
  const lines = column(plan, loaded, "tblBudgetLines", "本年预算");
  const lineSources = column(plan, loaded, "tblBudgetLines", "资金来源");
  const appropriated = (sources: readonly unknown[], values: readonly unknown[]) =>
    sumOf(values.filter((_, i) => APPROPRIATION_SOURCES.includes(String(sources[i]))));
  const gap = round2(sumOf(revenue) - sumOf(lines));
  const appropriationGap = round2(appropriated(revenueSources, revenue) - appropriated(lineSources, lines));
  const expected = new Map([
    ["部门收支总表: 收入总计 − 支出总计", gap],
    ["部门收入总表: 合计 − 部门收支总表 收入总计", round2(0 - gap)],
    ["财政拨款收支总表: 收入总计 − 支出总计", appropriationGap],
  ]);
  const found = identities(plan, loaded);
  // The identities across tables are all there: each table's with the others it shares money with.
  expect(found.size).toBeGreaterThanOrEqual(20);
  for (const [label, difference] of found)
    expect([label, difference]).toEqual([label, expected.get(label) ?? 0]);
  for (const label of expected.keys()) expect(found.has(label)).toBe(true);
}

describe("a table's sum of its rows", () => {
  const cell = (row: number) => `C${row + 5}`;

  it("adds a few rows cell by cell and sums three or more that follow one another as a range", () => {
    expect(sumOfRows([0, 2], cell)).toBe("C5+C7");
    expect(sumOfRows([0, 1], cell)).toBe("C5+C6");
    expect(sumOfRows([0, 1, 2, 5, 7, 8, 9, 10], cell)).toBe("SUM(C5:C7,C10,C12:C15)");
  });

  it("keeps the total of 20,000 units' rows within Excel's 8,192 characters", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    expect(sumOfRows(rows, cell)).toBe("SUM(C5:C20004)");
  });
});

describe("the national tables of the samples", () => {
  it.each(["zhenlai", "wuzhen"])("are all in the workbook, the new ones after the first two (%s)", (id) => {
    const keys = planOf(getSample(id)).sheets.map((s) => s.key);
    expect(keys.filter((k) => (TABLES as readonly string[]).includes(k))).toEqual([
      "deptBudgetSummary",
      "generalBudgetExpense",
      "deptIncome",
      "deptExpense",
      "fiscalSummary",
      "generalBasicExpense",
      "threePublicExpense",
      "governmentFundExpense",
      "stateCapitalExpense",
      "projectExpense",
    ]);
  });
  it.each(["zhenlai", "wuzhen"])("reconcile within and across the tables in HyperFormula (%s)", (id) => {
    const plan = planOf(getSample(id));
    expect(validatePlan(plan)).toEqual([]);
    const loaded = loadPlanIntoHyperFormula(plan);
    expect(planMismatches(plan, loaded)).toEqual([]);
    expectIdentitiesHold(plan, loaded);
  });
  it("print an empty table with its standard note", () => {
    const plan = planOf(getSample("zhenlai"));
    const text = (key: string) => JSON.stringify(sheetByKey(plan, key).blocks);
    expect(text("governmentFundExpense")).toContain("无政府性基金预算财政拨款安排");
    expect(text("stateCapitalExpense")).toContain("无国有资本经营预算财政拨款安排");
    expect(text("threePublicExpense")).toContain("无一般公共预算拨款安排的“三公”经费");
  });
  it("list every identity on 目录 with its difference", () => {
    const plan = planOf(getSample("wuzhen"));
    const contents = JSON.stringify(sheetByKey(plan, "contents").blocks);
    for (const label of [
      "财政拨款收支总表: 一般公共预算财政拨款 − 一般公共预算支出表 合计",
      "一般公共预算支出表: 基本支出 − 一般公共预算基本支出表 合计",
      "一般公共预算基本支出表: 人员经费 − (301 + 303)",
      "部门支出总表: 205 教育支出 − 部门收支总表 同类",
      "项目支出表: 合计 − 部门支出总表 项目支出",
    ])
      expect(contents).toContain(label);
  });
});

describe("the national tables of generated districts", () => {
  it("compute as built and reconcile for any seed and size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 5 }), (seed, n) => {
        const plan = planOf(generateDistrict(seed, n), getPack("national"));
        const loaded = loadPlanIntoHyperFormula(plan);
        expect(planMismatches(plan, loaded)).toEqual([]);
        expectIdentitiesHold(plan, loaded);
      }),
      { numRuns: 6 },
    );
  });
});

/**
 * A district of one school, computed by hand: S001, a 小学 in the city with 600 pupils and 30 staff, and the
 * bureau's 2 staff; pay standards 30,000 / 12,000 / 18,000 元 a person and year (缴费基数 60,000 元); the national
 * rules of 2026: 养老 16 %, 职业年金 8 %, 医疗 6 %, 住房公积金 12 %, 公用经费 650 元 a pupil (中西部 小学). The
 * bureau budgets 1.5 万元 of 公务接待费, 2 of 公务用车运行费 and 18 for buying a car (a project).
 */
const SMALL: District = fixtureWith((input) => ({
  ...input,
  schools: input.schools.slice(0, 1),
  projects: [],
  mergers: [],
  statedCounts: [],
  personnel: { basicPay: 30000, allowances: 12000, performancePay: 18000, bureauStaff: 2 },
  threePublic: { reception: 1.5, vehicleRunning: 2, vehiclePurchase: 18 },
}));

describe("the 一般公共预算基本支出表 of one small district, computed by hand", () => {
  // 32 people: 30 at the school and 2 at the bureau.
  const HAND: readonly [string, string, number, number, number][] = [
    // code, name, 合计, 人员经费, 公用经费 (万元)
    ["301", "工资福利支出", 272.64, 272.64, 0],
    ["30101", "基本工资", 96, 96, 0], // 32 × 30,000 元
    ["30102", "津贴补贴", 38.4, 38.4, 0], // 32 × 12,000
    ["30107", "绩效工资", 57.6, 57.6, 0], // 32 × 18,000
    ["30108", "机关事业单位基本养老保险缴费", 30.72, 30.72, 0], // 32 × 60,000 × 16 %
    ["30109", "职业年金缴费", 15.36, 15.36, 0], // 32 × 60,000 × 8 %
    ["30110", "职工基本医疗保险缴费", 11.52, 11.52, 0], // 32 × 60,000 × 6 %
    ["30113", "住房公积金", 23.04, 23.04, 0], // 32 × 60,000 × 12 %
    ["302", "商品和服务支出", 42.5, 0, 42.5],
    ["30217", "公务接待费", 1.5, 0, 1.5],
    ["30231", "公务用车运行维护费", 2, 0, 2],
    ["30299", "其他商品和服务支出", 39, 0, 39], // 600 × 650 元
    ["", "合计", 315.14, 272.64, 42.5],
  ];
  const plan = planOf(SMALL, getPack("national"));
  const loaded = loadPlanIntoHyperFormula(plan);
  const col = (table: string, header: string) => column(plan, loaded, table, header);
  it("has a row per 经济分类 类 and 款 with 合计, 人员经费 and 公用经费 as computed by hand", () => {
    const table = "tbl_generalBasicExpense";
    const [codes, names, totals, personnel, publicFunds] = [
      "经济分类科目编码",
      "项目",
      "本年预算",
      "人员经费",
      "公用经费",
    ].map((h) => col(table, h));
    expect((codes ?? []).map((c) => (c === null ? "" : String(c)))).toEqual(HAND.map((h) => h[0]));
    expect(names).toEqual(HAND.map((h) => h[1]));
    HAND.forEach((h, i) => {
      expect(Number(totals?.[i])).toBeCloseTo(h[2], 9);
      expect(Number(personnel?.[i])).toBeCloseTo(h[3], 9);
      expect(Number(publicFunds?.[i])).toBeCloseTo(h[4], 9);
    });
  });
  it("gives the “三公” table 合计 21.5: 接待 1.5, 用车 20 of which 运行 2 and 购置 18", () => {
    const names = col("tbl_threePublicExpense", "项目");
    const amounts = col("tbl_threePublicExpense", "本年预算");
    expect(Object.fromEntries(names.map((n, i) => [String(n).trim(), amounts[i]]))).toEqual({
      合计: 21.5,
      "因公出国（境）费": 0,
      公务接待费: 1.5,
      公务用车购置及运行费: 20,
      "其中: 公务用车运行费": 2,
      公务用车购置费: 18,
    });
  });
  it("lists the car as a project of the bureau, paid by the appropriation", () => {
    const names = col("tbl_projectExpense", "项目名称");
    const i = names.indexOf("公务用车购置费");
    expect([
      col("tbl_projectExpense", "单位")[i],
      col("tbl_projectExpense", "功能科目")[i],
      col("tbl_projectExpense", "经济科目")[i],
      col("tbl_projectExpense", "本年预算")[i],
      col("tbl_projectExpense", "财政拨款")[i],
      col("tbl_projectExpense", "其他资金")[i],
    ]).toEqual([`${SMALL.name}教育局(机关)`, "2050101", "31013", 18, 18, 0]);
  });
  it("reconciles within and across the tables", () => {
    expect(validatePlan(plan)).toEqual([]);
    const loaded = loadPlanIntoHyperFormula(plan);
    expect(planMismatches(plan, loaded)).toEqual([]);
    expectIdentitiesHold(plan, loaded);
  });
  it("follows an edit of the school's staff: 人员经费 and the tables over it move together", () => {
    const before = Number(col("tbl_generalBasicExpense", "人员经费").at(-1));
    const staff = columnCells(plan, "tblSchools", "教职工数");
    const edited = loadPlanIntoHyperFormula(plan);
    edited.setValue(staff.sheet, staff.cells[0] ?? "", 60);
    const after = Number(column(plan, edited, "tbl_generalBasicExpense", "人员经费").at(-1));
    // 30 more people × (60,000 + 60,000 × 42 %) 元 = 255.6 万元
    expect(round2(after - before)).toBe(255.6);
    expect(identities(plan, edited).get("一般公共预算支出表: 基本支出 − 一般公共预算基本支出表 合计")).toBe(
      0,
    );
  });
});
