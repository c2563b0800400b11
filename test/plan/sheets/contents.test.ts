import { shownVerdict } from "../../../src/plan/sheets/contents";
import { VERDICT_WORDS } from "../../../src/plan/verdict";
import { schoolsSheet } from "../../../src/plan/sheets/schools";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, fixtureWith } from "../fixtures";
import { column, columnCells, labelled, planOf, sheetByKey, FAIL, NO, verdictOf, YES } from "../planHelpers";

describe("目录", () => {
  const plan = planOf(FIXTURE);
  const sheet = sheetByKey(plan, "contents");

  it("is the first sheet and links to every other sheet with HYPERLINK", () => {
    expect(plan.sheets[0]).toBe(sheet);
    const loaded = expectPlanComputes(plan);
    const others = plan.sheets.slice(1).map((s) => s.name);
    expect(column(plan, loaded, "tblContents", "工作表 Sheet")).toEqual(others);
    const formulas = sheet.blocks.flatMap((b) => b.cells.flat()).flatMap((c) => (c && "f" in c ? [c.f] : []));
    expect(formulas).toContain(`HYPERLINK("#'${schoolsSheet.nameZh}'!A1","${schoolsSheet.nameZh}")`);
  });

  it("states the district, year, pack, when and by what it was generated, and the sample note", () => {
    const values = sheet.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.v);
    expect(values).toEqual(
      expect.arrayContaining([
        "测试区",
        2026,
        "wuzhen-2004@1.0.0 讲话(二) 五镇 2004",
        "2026-11-29 08:00 UTC",
        "edu-budget 1.0.0",
        FIXTURE.note,
      ]),
    );
  });

  it("lists every check with a live verdict and its detail", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblChecks", "检查 Check")).toEqual(plan.checks.map((c) => c.labelZh));
    // A check with nothing to check shows 不适用 here as on its sheet.
    expect(column(plan, loaded, "tblChecks", "结果")).toEqual(
      plan.checks.map((c) => shownVerdict(c, VERDICT_WORDS.zh)),
    );
    expect(column(plan, loaded, "tblChecks", "生成时说明 Detail at generation")).toEqual(
      plan.checks.map((c) => c.detailZh),
    );
    expect(column(plan, loaded, "tblChecks", "说明仍适用 Still holds").every((v) => v === YES)).toBe(true);
  });

  it("follows a check when its inputs are edited (the verdict is a formula)", () => {
    const loaded = expectPlanComputes(plan);
    const appropriation = columnCells(plan, "tblFiscal", "本年 T");
    // Current appropriation below the prior one: G1 and 两个只增不减 fail.
    loaded.setValue(appropriation.sheet, appropriation.cells[0] ?? "", 50000);
    const results = column(plan, loaded, "tblChecks", "结果");
    const index = plan.checks.findIndex((c) => c.id === "fiscal.onlyIncrease");
    expect(results[index]).toBe(FAIL);
  });

  it("lists every reconciliation with its difference and whether it is 0", () => {
    const loaded = expectPlanComputes(plan);
    const labels = column(plan, loaded, "tblReconciliations", "核对项 Item");
    expect(labels).toEqual(
      expect.arrayContaining(["在校学生数: 财政 − 学校表合计", "公用经费: 按乡镇合计 − 总计"]),
    );
    const ok = column(plan, loaded, "tblReconciliations", "一致");
    const differences = column(plan, loaded, "tblReconciliations", "差额");
    differences.forEach((d, i) => expect(ok[i]).toBe(verdictOf(Math.round(Number(d) * 100) === 0)));
  });

  it("flags a generation-time detail that no longer explains the live verdict after an input changes", () => {
    // Year T's appropriation is the budget's own: a prior year a sixth below it passes the three growths.
    const general = Number(column(plan, expectPlanComputes(plan), "tblBudgetRevenue", "本年预算")[0]);
    const prior = Math.round((general / 1.2) * 100) / 100;
    const plan2 = planOf(
      fixtureWith((d) => ({
        ...d,
        fiscal: { ...d.fiscal, prior: { ...d.fiscal.prior, appropriation: prior } },
      })),
    );
    const loaded = expectPlanComputes(plan2);
    const index = plan2.checks.findIndex((c) => c.id === "fiscal.threeGrowth");
    expect(plan2.checks[index]?.pass).toBe(true);
    const fiscal = sheetByKey(plan2, "fiscal");
    // A prior-year appropriation ten times larger turns this year's growth negative: G1 fails.
    const priorCell = labelled(fiscal, "教育财政拨款");
    loaded.setValue(fiscal.name, priorCell, Number(loaded.valueAt(fiscal.name, priorCell)) * 10);
    expect(column(plan2, loaded, "tblChecks", "结果")[index]).toBe(FAIL);
    expect(column(plan2, loaded, "tblChecks", "说明仍适用 Still holds")[index]).toBe(NO);
  });
});
