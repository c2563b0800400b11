import { getPack } from "../../../src/policy/packs";
import { expectPlanComputes } from "../../support/hyperformula";
import { quotaDetail } from "../../../src/plan/sheets/staffing";
import { FIXTURE } from "../fixtures";
import { column, labelled, planOf, sheetByKey } from "../planHelpers";

describe("教职工", () => {
  const plan = planOf(FIXTURE);

  it("sets each school's quota to students ÷ ratio, shows it rounded up, and the shortfall against actual staff", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblStaffing", "编制数 STAFF_QUOTA")[0]).toBeCloseTo(600 / 19, 12);
    expect(column(plan, loaded, "tblStaffing", "编制数(向上取整)")[0]).toBe(32);
    expect(column(plan, loaded, "tblStaffing", "缺编(+)/超编(−)")[0]).toBe(32 - 30);
  });

  it("adds the quotas of a complete secondary school's junior and senior parts", () => {
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblStaffing", "学校代码");
    const i = codes.indexOf("S006");
    expect(column(plan, loaded, "tblStaffing", "编制数 STAFF_QUOTA")[i]).toBeCloseTo(
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

  it("checks that staff at least match the rounded quota", () => {
    const check = plan.checks.find((c) => c.id === "staffing.quota");
    expect(check?.pass).toBe(true);
    expect(check?.detailZh).toBe("编制 143 人, 实有 157 人, 超编 14 人");
    expect(check?.detailEn).toBe("quota 143, staff 157, 14 over the quota");
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
