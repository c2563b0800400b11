import { getSample } from "../../src/district/samples";
import { buildWorkbook } from "../../src/plan/build";
import { compareBuilds } from "../../src/plan/compare";
import { COMPARISON_SHEET, withComparisonSheet } from "../../src/plan/comparisonSheet";
import { applyScenario } from "../../src/plan/scenario";
import { validatePlan } from "../../src/plan/validate";
import { parseCell } from "../../src/plan/address";
import { isFormulaCell, type PlanCell, type SheetPlan } from "../../src/plan/types";
import { getPack } from "../../src/policy";
import { expectPlanComputes } from "../support/hyperformula";
import { FAIL, PASS } from "./planHelpers";

const OPTIONS = { generatedAt: "2026-10-08T09:30:00.000Z", generator: "test" };
const WUZHEN = getSample("wuzhen");
const PACK = getPack(WUZHEN.policyPack);
const LABELS = { a: "示例 wuzhen", b: "示例 wuzhen + 场景「合并提前」" };

function scenarioPlan() {
  const applied = applyScenario(WUZHEN, PACK, {
    name: "合并提前",
    description: "",
    changes: [
      { kind: "mergerYear", merger: "鲤泮庄小学、海阳小学合并迁到海阳镇中现址", termYear: 1 },
      { kind: "school", school: "WZ13", set: { grades: { g1: 40 } } },
    ],
  });
  if (!applied.district || !applied.pack) throw new Error(JSON.stringify(applied.problems));
  const a = buildWorkbook(WUZHEN, PACK, OPTIONS);
  const b = buildWorkbook(applied.district, applied.pack, OPTIONS);
  const comparison = compareBuilds(a, b, {
    a: { district: WUZHEN, pack: PACK },
    b: { district: applied.district, pack: applied.pack },
  });
  return { b, comparison, plan: withComparisonSheet(b.plan, comparison, LABELS) };
}

/** The cell of a sheet at an A1 address. */
function cellAt(sheet: SheetPlan, address: string): PlanCell | undefined {
  const { row, column } = parseCell(address);
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    const cell = block.cells[row - anchor.row]?.[column - anchor.column];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

/** The text of every constant cell of a sheet. */
const texts = (sheet: SheetPlan): string[] =>
  sheet.blocks.flatMap((block) =>
    block.cells.flatMap((line) =>
      line.flatMap((cell) => (cell && !isFormulaCell(cell) && typeof cell.v === "string" ? [cell.v] : [])),
    ),
  );

describe("the 对比 sheet", () => {
  it("is the last sheet of b's workbook, which Excel accepts as it is", () => {
    const { b, plan } = scenarioPlan();
    expect(plan.sheets.map((s) => s.name)).toEqual([...b.plan.sheets.map((s) => s.name), "对比"]);
    expect(plan.sheets.at(-1)?.key).toBe(COMPARISON_SHEET.key);
    expect(validatePlan(plan)).toEqual([]);
  });

  it("computes in a formula engine what the comparison found: b's cells live, the flip marked", () => {
    const { comparison, plan } = scenarioPlan();
    const loaded = expectPlanComputes(plan);
    const sheet = plan.sheets.at(-1) as SheetPlan;
    const flipped = comparison.checks.findIndex((check) => check.flipped);
    expect(flipped).toBeGreaterThanOrEqual(0);
    const table = sheet.tables.find((t) => t.name === "tblCompareChecks");
    const top = Number(/\d+/.exec(table?.range ?? "")?.[0]);
    const row = top + 1 + flipped;
    expect(loaded.valueAt("对比", `C${row}`)).toBe(PASS);
    expect(loaded.valueAt("对比", `D${row}`)).toBe(FAIL);
    expect(loaded.valueAt("对比", `E${row}`)).toBe("通过↔未通过");
    expect(loaded.valueAt("对比", `E${top + 1}`)).toBe("");
  });

  it("follows b when b is edited: the B column refers to b's cells", () => {
    const { comparison, plan } = scenarioPlan();
    const loaded = expectPlanComputes(plan);
    const table = (plan.sheets.at(-1) as SheetPlan).tables.find((t) => t.name === "tblCompareChecks");
    const row =
      Number(/\d+/.exec(table?.range ?? "")?.[0]) + 1 + comparison.checks.findIndex((c) => c.flipped);
    // The order table's 迁入年度 refers to the merger's year cell on 布局调整: putting it back to 2006 in b makes
    // the order check pass there, and 对比 follows.
    const mergers = plan.sheets.find((s) => s.key === "mergers") as SheetPlan;
    const order = mergers.tables.find((t) => t.name === "tblMergerOrder");
    const inYear = cellAt(mergers, `D${Number(/\d+/.exec(order?.range ?? "")?.[0]) + 1}`);
    expect(inYear && isFormulaCell(inYear)).toBe(true);
    const yearCell = inYear && isFormulaCell(inYear) ? inYear.f.replace(/\$/g, "") : "";
    loaded.setValue("布局调整", yearCell, 2006);
    expect(loaded.valueAt("对比", `D${row}`)).toBe(PASS);
    expect(loaded.valueAt("对比", `E${row}`)).toBe("");
  });

  it("speaks Chinese in its cells and names no check by its id", () => {
    const { comparison, plan } = scenarioPlan();
    const cells = texts(plan.sheets.at(-1) as SheetPlan);
    for (const check of comparison.checks) expect(cells).not.toContain(check.id);
    expect(cells).toContain("检查");
    expect(cells).toContain("输入的变化");
  });

  it("says there is no change for a build compared with itself", () => {
    const a = buildWorkbook(WUZHEN, PACK, OPTIONS);
    const comparison = compareBuilds(a, a, {
      a: { district: WUZHEN, pack: PACK },
      b: { district: WUZHEN, pack: PACK },
    });
    const plan = withComparisonSheet(a.plan, comparison, { a: "A", b: "B" });
    const loaded = expectPlanComputes(plan);
    const sheet = plan.sheets.at(-1) as SheetPlan;
    expect(texts(sheet)).toEqual(expect.arrayContaining(["输入的变化: 无", "明细的变化: 无"]));
    const table = sheet.tables.find((t) => t.name === "tblCompareChecks");
    const top = Number(/\d+/.exec(table?.range ?? "")?.[0]);
    for (let i = 0; i < comparison.checks.length; i++)
      expect(loaded.valueAt("对比", `E${top + 1 + i}`)).toBe("");
  });

  it("replaces a 对比 sheet written before rather than adding a second", () => {
    const { comparison, plan } = scenarioPlan();
    const again = withComparisonSheet(plan, comparison, LABELS);
    expect(again.sheets.filter((s) => s.name === "对比")).toHaveLength(1);
  });
});
