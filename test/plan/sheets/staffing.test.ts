import { getPack, packForYear } from "../../../src/policy/packs";
import { expectPlanComputes } from "../../support/hyperformula";
import { quotaDetail } from "../../../src/plan/sheets/staffing";
import { FIXTURE, fixtureWith } from "../fixtures";
import type { PlanCell } from "../../../src/plan/types";

const valueText = (cell: PlanCell | undefined): string =>
  cell !== null && cell !== undefined && "v" in cell ? String(cell.v) : "";
import { column, columnCells, labelled, planOf, sheetByKey, FAIL } from "../planHelpers";

describe("教职工", () => {
  const plan = planOf(FIXTURE);

  it("sets each school's quota to students ÷ ratio, shows it rounded up, and the shortfall against actual staff", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblStaffing", "编制数 Staff quota")[0]).toBeCloseTo(600 / 19, 12);
    expect(column(plan, loaded, "tblStaffing", "编制数(向上取整)")[0]).toBe(32);
    expect(column(plan, loaded, "tblStaffing", "缺编(+)/超编(−)")[0]).toBe(32 - 30);
  });

  it("adds the quotas of a complete secondary school's junior and senior parts", () => {
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblStaffing", "学校代码");
    const i = codes.indexOf("S006");
    expect(column(plan, loaded, "tblStaffing", "编制数 Staff quota")[i]).toBeCloseTo(
      575 / 13.5 + 330 / 12.5,
      12,
    );
  });

  it("pays the allowance from September for 4 months under the 五镇 pack", () => {
    const loaded = expectPlanComputes(plan);
    const sheet = sheetByKey(plan, "staffing");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "本年发放月数"))).toBe(4);
    // 河口中学 tier 1 (200 元), 31 teachers; S003 tier 2 (300 元), 14; 山口教学点 tier 3 (400 元), 2.
    expect(column(plan, loaded, "tblAllowance", "本年补助(元)")).toEqual([
      31 * 200 * 4,
      14 * 300 * 4,
      2 * 400 * 4,
    ]);
    expect(loaded.valueAt(sheet.name, labelled(sheet, "本年补助合计"))).toBeCloseTo(4.48, 12);
  });

  it("pays 12 months under the national pack and recomputes when the start month is edited", () => {
    const national = planOf(FIXTURE, getPack("national"));
    const loaded = expectPlanComputes(national);
    expect(column(national, loaded, "tblAllowance", "本年补助(元)")[0]).toBe(31 * 200 * 12);
    const name = national.names.find((n) => n.name === "P_allowance_start_month");
    loaded.setValue("参数", name?.ref.split("!")[1]?.replace(/\$/g, "") ?? "", 9);
    expect(column(national, loaded, "tblAllowance", "本年补助(元)")[0]).toBe(31 * 200 * 4);
  });

  it("fails the quota check when staff are above the quota, and says by how many", () => {
    // 山口教学点 is staffed by its class (1 × 2) rather than 12 ÷ 23 rounded up to 1. The fixture's pack is of 2004,
    // so the 2001 table stands by area: 河口中学 (县镇) 450 ÷ 16 → 29, the rural nine-year school 60 ÷ 23 + 41 ÷ 18
    // → 5; the quota is 137.
    const check = plan.checks.find((c) => c.id === "staffing.quota");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toBe("编制 137 人, 实有 157 人, 超编 20 人");
    expect(check?.detailEn).toBe("quota 137, staff 157, 20 over the quota");
    const loaded = expectPlanComputes(plan);
    expect(loaded.valueAt(check?.sheet === "staffing" ? "教职工" : "", check?.cell ?? "")).toBe(FAIL);
  });

  it("fails the over-quota check for each school above its quota, with its size, and marks the cell", () => {
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblStaffing", "学校代码");
    const gaps = column(plan, loaded, "tblStaffing", "缺编(+)/超编(−)").map(Number);
    const over = codes.filter((_, i) => (gaps[i] ?? 0) < 0);
    expect(over.length).toBeGreaterThan(0);
    const check = plan.checks.find((c) => c.id === "staffing.overQuota");
    expect(check?.pass).toBe(false);
    expect(check?.items?.map((item) => item.labelEn)).toEqual(over);
    const excess = gaps.filter((g) => g < 0).reduce((a, g) => a - g, 0);
    expect(check?.detailZh).toBe(`${over.length} 所学校超编, 共超 ${excess} 人`);
    expect(loaded.valueAt("教职工", check?.cell ?? "")).toBe(FAIL);
    const sheet = sheetByKey(plan, "staffing");
    expect(sheet.conditionalFormats.some((cf) => cf.style === "fail" && cf.formula.includes("<0"))).toBe(
      true,
    );
  });

  it("passes the quota checks only when every school has exactly its quota", () => {
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblStaffing", "学校代码");
    const rounded = column(plan, loaded, "tblStaffing", "编制数(向上取整)").map(Number);
    const matched = fixtureWith((input) => ({
      ...input,
      schools: input.schools.map((s) => {
        const j = codes.indexOf(s.code);
        return j >= 0 ? { ...s, staff: rounded[j] ?? s.staff } : s;
      }),
    }));
    const ok = planOf(matched);
    expect(ok.checks.find((c) => c.id === "staffing.quota")?.pass).toBe(true);
    expect(ok.checks.find((c) => c.id === "staffing.overQuota")?.pass).toBe(true);
    expect(ok.checks.find((c) => c.id === "staffing.overQuota")?.detailZh).toBe("没有学校超编");
  });

  it("shows one 教职工编制 total: the rounded quotas summed, no second rounding by level", () => {
    const loaded = expectPlanComputes(plan);
    const sheet = sheetByKey(plan, "staffing");
    const labels = sheet.blocks.flatMap((b) => b.cells.map((row) => row[0])).map((c) => valueText(c));
    expect(labels.filter((l) => l.includes("编制(向上取整)"))).toEqual([]);
    const rounded = column(plan, loaded, "tblStaffing", "编制数(向上取整)").map(Number);
    const total = rounded.reduce((a, b) => a + b, 0);
    expect(plan.checks.find((c) => c.id === "staffing.quota")?.detailZh).toContain(`编制 ${total} 人`);
  });

  it("staffs a teaching point by the larger of students ÷ ratio and classes × 班师比", () => {
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblStaffing", "学校代码");
    const i = codes.indexOf("S004");
    // 12 pupils ÷ 23 (农村 primary, the 2001 table in force in the pack's 2004) = 0.52 posts; 1 class × 2 posts = 2.
    expect(column(plan, loaded, "tblStaffing", "编制数 Staff quota")[i]).toBe(2);
    const big = fixtureWith((input) => ({
      ...input,
      schools: input.schools.map((s) =>
        s.code === "S004" ? { ...s, grades: { ...s.grades, g1: 30, g2: 30, g3: 30 } } : s,
      ),
    }));
    const bigPlan = planOf(big);
    const bigLoaded = expectPlanComputes(bigPlan);
    const j = column(bigPlan, bigLoaded, "tblStaffing", "学校代码").indexOf("S004");
    expect(column(bigPlan, bigLoaded, "tblStaffing", "编制数 Staff quota")[j]).toBeCloseTo(90 / 23, 12);
  });

  it("staffs a special school by its classes × 班师比 only, never by the ordinary ratios", () => {
    const special = fixtureWith((input) => ({
      ...input,
      schools: [
        ...input.schools,
        {
          code: "S007",
          name: "培智学校",
          town: "城关镇",
          type: "特教学校",
          area: "城市",
          grades: { ...input.schools[0]?.grades, g1: 10, g2: 10, g3: 8, g7: 6 },
          classes: 5,
          classrooms: 6,
          staff: 15,
        },
      ],
    }));
    const built = planOf(special);
    const loaded = expectPlanComputes(built);
    const k = column(built, loaded, "tblStaffing", "学校代码").indexOf("S007");
    expect(column(built, loaded, "tblStaffing", "小学编制")[k]).toBe(0);
    expect(column(built, loaded, "tblStaffing", "初中编制")[k]).toBe(0);
    expect(column(built, loaded, "tblStaffing", "编制数 Staff quota")[k]).toBe(5 * 3);
    // The 班师比 is a district input on 参数: an edit there changes the quota.
    const name = built.names.find((n) => n.name === "P_staff_ratio_class_special");
    loaded.setValue("参数", name?.ref.split("!")[1]?.replace(/\$/g, "") ?? "", 2.5);
    expect(column(built, loaded, "tblStaffing", "编制数 Staff quota")[k]).toBe(12.5);
    const params = sheetByKey(built, "parameters");
    const text = params.blocks.flatMap((b) => b.cells.flat()).map(valueText);
    expect(text.some((t) => t.includes("国家未定统一的班师比"))).toBe(true);
  });

  it("moves a school's teachers to its new tier when the tier is edited on 学校 after generation", () => {
    const loaded = expectPlanComputes(plan);
    const { sheet, cells } = columnCells(plan, "tblSchools", "偏远等级(0-3)");
    const codes = column(plan, loaded, "tblSchools", "学校代码");
    const s001 = cells[codes.indexOf("S001")] ?? "";
    // S001 (30 staff) has no tier; made tier 3 it is paid 400 元 for 4 months.
    loaded.setValue(sheet, s001, 3);
    expect(column(plan, loaded, "tblAllowance", "本年补助(元)")).toEqual([
      31 * 200 * 4,
      14 * 300 * 4,
      (2 + 30) * 400 * 4,
    ]);
    expect(column(plan, loaded, "tblAllowance", "学校数")).toEqual([1, 1, 2]);
    const s002 = cells[codes.indexOf("S002")] ?? "";
    loaded.setValue(sheet, s002, 0);
    expect(column(plan, loaded, "tblAllowance", "本年补助(元)")[0]).toBe(0);
  });

  it("says a shortfall as a positive number short and never shows a negative shortfall", () => {
    expect(quotaDetail(150, 140)).toEqual({
      detailZh: "编制 150 人, 实有 140 人, 差 10 人",
      detailEn: "quota 150, staff 140, short by 10",
    });
    expect(quotaDetail(140, 140).detailEn).toBe("quota 140, staff 140, exactly the quota");
    for (const [quota, staff] of [
      [1, 107],
      [200, 201],
      [0, 3],
    ] as const)
      expect(quotaDetail(quota, staff).detailZh).not.toMatch(/-/);
  });
});

describe("教职工: quotas by level and area in the year's table", () => {
  it("staffs a rural nine-year school's primary part at 1:23 and its junior part at 1:18 under the 2001 table", () => {
    const plan = planOf(FIXTURE, packForYear("national", 2010));
    const loaded = expectPlanComputes(plan);
    const i = column(plan, loaded, "tblStaffing", "学校代码").indexOf("S003");
    expect(column(plan, loaded, "tblStaffing", "小学编制")[i]).toBeCloseTo(60 / 23, 12);
    expect(column(plan, loaded, "tblStaffing", "初中编制")[i]).toBeCloseTo(41 / 18, 12);
  });

  it("staffs the same school at the unified 1:19 and 1:13.5 from 2014", () => {
    const plan = planOf(FIXTURE, packForYear("national", 2026));
    const loaded = expectPlanComputes(plan);
    const i = column(plan, loaded, "tblStaffing", "学校代码").indexOf("S003");
    expect(column(plan, loaded, "tblStaffing", "小学编制")[i]).toBeCloseTo(60 / 19, 12);
    expect(column(plan, loaded, "tblStaffing", "初中编制")[i]).toBeCloseTo(41 / 13.5, 12);
  });

  it("re-staffs a school when its area is edited on 学校 (县镇 junior 1:16 in the 2001 table)", () => {
    const plan = planOf(FIXTURE, packForYear("national", 2010));
    const loaded = expectPlanComputes(plan);
    const { sheet, cells } = columnCells(plan, "tblSchools", "城乡");
    loaded.setValue(sheet, cells[2] ?? "", "县镇");
    const i = column(plan, loaded, "tblStaffing", "学校代码").indexOf("S003");
    expect(column(plan, loaded, "tblStaffing", "初中编制")[i]).toBeCloseTo(41 / 16, 12);
  });
});
