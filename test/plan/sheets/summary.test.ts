import type { District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { generateDistrict } from "../../../src/district/samples";
import { cellAddress, parseCell, parseRange } from "../../../src/plan/address";
import { buildWorkbookPlan } from "../../../src/plan/build";
import { choosePrintSetup, lastColumnOnFirstPage, lastUsedColumn } from "../../../src/plan/print";
import { STYLES } from "../../../src/plan/styles";
import type { SheetPlan } from "../../../src/plan/types";
import { getPack } from "../../../src/policy";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, suitePlan, valueAtRef } from "./helpers";
import { FAIL, PASS } from "../planHelpers";

const OPTIONS = { generatedAt: "2026-10-08T09:30:00.000Z", generator: "edu-budget test" };
const HEADING = { district: "区", budgetYear: 2026 };

/** This suite's sheets in build order, then 汇总, computed. */
function buildAll(district: District) {
  const built = suitePlan(district);
  return { ...built, loaded: expectPlanComputes(built.plan) };
}

describe("汇总 sheet", () => {
  it.each([
    ["fixture", FIXTURE],
    ["zhenlai", getSample("zhenlai")],
    ["wuzhen", getSample("wuzhen")],
  ])(
    "computes every sheet of the suite for the %s district in HyperFormula without an error",
    (_name, district) => {
      const { plan } = buildAll(district);
      expect(plan.sheets.map((s) => s.name)).toEqual([
        "参数",
        "学校",
        "均衡",
        "布局调整",
        "基建",
        "学前",
        "债务",
        "汇总",
      ]);
    },
  );

  it("sums the budget lines, each read from its source sheet, into the grand total", () => {
    const { ctx, summary, loaded } = buildAll(FIXTURE);
    const table = summary.tables.find((t) => t.name === "tblBudgetSummary");
    expect(table?.range).toMatch(/^A\d+:G\d+$/);
    const lastRow = Number(/\d+$/.exec(table?.range ?? "")?.[0]);
    const total = ctx.budgetLines.reduce((s, l) => s + l.amount.value, 0);
    expect(loaded.valueAt("汇总", `B${lastRow + 1}`)).toBeCloseTo(total, 9);
    for (const line of ctx.budgetLines)
      expect(valueAtRef(loaded, line.amount.ref)).toBeCloseTo(line.amount.value, 9);
    expect(ctx.budgetLines.map((l) => l.categoryEn)).toEqual([
      "Capital projects",
      "Preschool construction",
      "Debt repayment",
    ]);
  });

  it("counts passed and failed checks from the verdict cells of every sheet", () => {
    const { ctx, plan, loaded } = buildAll(getSample("wuzhen"));
    const summary = plan.sheets.find((s) => s.key === "summary");
    const passedCell = summary?.blocks.find(
      (b) => b.cells[0]?.[0] && "v" in b.cells[0][0]! && b.cells[0][0]!.v === "通过",
    );
    const row = Number(/\d+/.exec(passedCell?.anchor ?? "")?.[0]);
    const passed = ctx.checks.filter((c) => c.pass).length;
    expect(loaded.valueAt("汇总", `B${row}`)).toBe(passed);
    expect(loaded.valueAt("汇总", `B${row + 1}`)).toBe(ctx.checks.length - passed);
    expect(ctx.checks.length - passed).toBeGreaterThan(0);
  });

  it("draws a column chart by category and a pie chart by funding source from ranges on the sheet", () => {
    const { summary } = buildAll(FIXTURE);
    expect(summary.charts.map((c) => c.type)).toEqual(["column", "pie"]);
    for (const chart of summary.charts) expect(chart.categories).not.toContain("!");
  });

  it.each(["zhenlai", "wuzhen", "generated"])(
    "draws the %s district's two charts side by side under the budget tables, in the columns 汇总's first page prints",
    (id) => {
      const district = id === "generated" ? generateDistrict(7, 40) : getSample(id);
      const plan = buildWorkbookPlan(district, getPack(district.policyPack), OPTIONS);
      const summary = plan.sheets.find((s) => s.key === "summary") as SheetPlan;
      const [column, pie] = summary.charts.map((c) => ({ from: parseCell(c.from), to: parseCell(c.to) }));
      if (!column || !pie) throw new Error("汇总 has not two charts");
      const bySource = summary.tables.find((t) => t.name === "tblBudgetBySource");
      const below = parseRange(bySource?.range ?? "A1").end.row;
      expect(column.from.row).toBeGreaterThan(below);
      expect([pie.from.row, pie.to.row]).toEqual([column.from.row, column.to.row]);
      expect([column.from.column, pie.from.column]).toEqual([0, column.to.column + 1]);
      const last = lastColumnOnFirstPage(summary, summary.print);
      expect(pie.to.column).toBeLessThanOrEqual(last);
      expect(pie.to.column).toBeGreaterThanOrEqual(Math.min(last, 3));
      // The charts widen neither the printed columns nor the print scale.
      const plain = { ...summary, charts: [] };
      expect(lastUsedColumn(summary)).toBe(lastUsedColumn(plain));
      expect(choosePrintSetup(summary, STYLES, HEADING)).toEqual(choosePrintSetup(plain, STYLES, HEADING));
      // Nothing is written under them: no cell, no table.
      const covered: string[] = [];
      for (const block of summary.blocks) {
        const anchor = parseCell(block.anchor);
        block.cells.forEach((line, r) =>
          line.forEach((cell, c) => {
            const [row, col] = [anchor.row + r, anchor.column + c];
            if (cell !== null && row >= column.from.row && row <= column.to.row && col <= pie.to.column)
              covered.push(cellAddress(row, col));
          }),
        );
      }
      expect(covered).toEqual([]);
      for (const table of summary.tables) {
        const { start, end } = parseRange(table.range);
        expect(end.row < column.from.row || start.row > column.to.row).toBe(true);
      }
    },
  );

  it("shows that 「四个确保」 lists five items, one more than it states, and reconciles the difference", () => {
    const { ctx, loaded } = buildAll(getSample("wuzhen"));
    const fourGuarantees = ctx.reconciliations.find((r) => r.labelZh.includes("四个确保"));
    expect(fourGuarantees?.sheet).toBe("summary");
    expect(fourGuarantees?.difference.value).toBe(-1);
    expect(valueAtRef(loaded, fourGuarantees!.difference.ref)).toBe(-1);
    const check = ctx.checks.find((c) => c.labelZh.includes("四个确保"));
    expect(check?.pass).toBe(false);
    expect(loaded.valueAt("汇总", check!.cell)).toBe(FAIL);
  });

  it("marks which of 「四个确保」's five items are phrased as 确保: 一, 二 and 四 (I-2)", () => {
    const { plan, loaded } = buildAll(getSample("wuzhen"));
    const summary = plan.sheets.find((s) => s.key === "summary");
    const table = (name: string) => summary?.tables.find((t) => t.name === name);
    const columnOf = (name: string, header: string): unknown[] => {
      const t = table(name);
      const [start, end] = (t?.range ?? "").split(":").map((a) => parseCell(a));
      const col = (start?.column ?? 0) + (t?.columns.findIndex((c) => c.name === header) ?? 0);
      const out: unknown[] = [];
      for (let row = (start?.row ?? 0) + 1; row <= (end?.row ?? 0); row++)
        out.push(loaded.valueAt("汇总", cellAddress(row, col)));
      return out;
    };
    const labels = columnOf("tblStatedItems", "所述");
    const marks = columnOf("tblStatedItems", "表述为“确保”").filter((_, i) => labels[i] === "四个确保");
    expect(marks).toEqual(["是", "是", "否", "是", "否"]);
    const counted = columnOf("tblStatedCounts", "所述").indexOf("四个确保");
    expect(columnOf("tblStatedCounts", "其中表述为“确保”")[counted]).toBe(3);
  });

  it("passes stated counts whose lists agree, such as 「三个优先」 with three items", () => {
    const { ctx, loaded } = buildAll(getSample("zhenlai"));
    const priorities = ctx.checks.find((c) => c.labelZh.includes("三个优先"));
    expect(priorities?.pass).toBe(true);
    expect(loaded.valueAt("汇总", priorities!.cell)).toBe(PASS);
    // Counts that name capital projects are checked on 基建, not repeated here.
    expect(ctx.checks.filter((c) => c.labelZh.includes("开工建设7个项目")).map((c) => c.sheet)).toEqual([
      "projects",
    ]);
  });
});
