import { buildFiscal } from "../../../src/plan/sheets/fiscal";
import { buildPublicFunds } from "../../../src/plan/sheets/publicFunds";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, fixtureWith } from "../fixtures";
import { column, labelled, planOf, sheetByKey } from "../planHelpers";
import { context } from "./helpers";

const plan = planOf(FIXTURE);
const amounts = (loaded = expectPlanComputes(plan)) => column(plan, loaded, "tblPublicFunds", "公用经费(元)");

describe("公用经费", () => {
  it("lists the compulsory schools only (not the kindergarten)", () => {
    expect(column(plan, expectPlanComputes(plan), "tblPublicFunds", "学校代码")).toEqual([
      "S001",
      "S002",
      "S003",
      "S004",
      "S006",
    ]);
  });

  it("funds a primary school at 650 元 per student in 中西部", () => {
    expect(amounts()[0]).toBe(600 * 650);
  });

  it("counts a rural teaching point of 12 pupils as 100 (small rural school floor)", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblPublicFunds", "核定人数")[3]).toBe(100);
    expect(amounts(loaded)[3]).toBe(100 * 650);
  });

  it("funds special-needs students at 6000 instead of the norm and adds 200 per boarder", () => {
    // 河口中学: 450 junior students, 3 special-needs, 120 boarders.
    expect(amounts()[1]).toBe(447 * 850 + 3 * 6000 + 120 * 200);
  });

  it("weights a nine-year school's norm by its primary and junior students", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblPublicFunds", "生均定额(元)")[2]).toBeCloseTo(
      (60 * 650 + 41 * 850) / 101,
      10,
    );
    expect(amounts(loaded)[2]).toBeCloseTo((99 * (60 * 650 + 41 * 850)) / 101 + 2 * 6000 + 30 * 200, 8);
  });

  it("switches to the east norms when the district's region is edited to 东部", () => {
    const loaded = expectPlanComputes(plan);
    loaded.setValue("学校", labelled(sheetByKey(plan, "schools"), "地区"), "东部");
    expect(amounts(loaded)[0]).toBe(600 * 700);
  });

  it("totals by town to the grand total and reconciles them on the sheet", () => {
    const loaded = expectPlanComputes(plan);
    const byTown = column(plan, loaded, "tblPublicFundsByTown", "公用经费(万元)").map(Number);
    const perSchool = column(plan, loaded, "tblPublicFunds", "公用经费(万元)").map(Number);
    expect(byTown.reduce((a, b) => a + b, 0)).toBeCloseTo(
      perSchool.reduce((a, b) => a + b, 0),
      10,
    );
    const sheet = sheetByKey(plan, "publicFunds");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "核对"))).toBe(0);
  });

  it("shows the gap to the available funds as the 专项资金 need and fails the check", () => {
    const short = planOf(
      fixtureWith((d) => ({
        ...d,
        fiscal: { ...d.fiscal, current: { ...d.fiscal.current, compulsoryPublicFunds: 100 } },
      })),
    );
    const loaded = expectPlanComputes(short);
    const sheet = sheetByKey(short, "publicFunds");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "缺口"))).toBeCloseTo(150.1237623762376 - 100, 10);
    const check = short.checks.find((c) => c.id === "publicFunds.covered");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toBe("定额需求 150.12 万元, 可用 100.00 万元, 缺口 50.12 万元");
  });

  it("exports its total (万元) and a budget line for 汇总", () => {
    const built = context(FIXTURE);
    buildFiscal(built.ctx);
    buildPublicFunds(built.ctx);
    const total = { ref: "'公用经费'!$N$13", value: 150.1237623762376 };
    expect(built.ctx.exports.get("publicFunds.total")).toEqual(total);
    expect(built.ctx.budgetLines).toEqual([
      { category: "公用经费(按定额)", categoryEn: "Public funds (by norm)", amount: total },
    ]);
  });
});
