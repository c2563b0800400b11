/**
 * A province's variant is a small file of layouts (src/budget/layouts/sichuan.ts): rendered by the same renderer
 * over the same 预算明细, its tables compute in HyperFormula as built and reconcile with the national tables.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sichuanTable2_1, sichuanTable3_2 } from "../../../src/budget/layouts/sichuan";
import { getSample } from "../../../src/district/samples";
import { startPlan } from "../../../src/plan/build";
import type { SheetDefinition } from "../../../src/plan/registry";
import { buildOrder } from "../../../src/plan/registry";
import { SHEETS } from "../../../src/plan/sheets";
import { layoutSheet } from "../../../src/plan/sheets/budgetTables";
import { STYLES } from "../../../src/plan/styles";
import type { WorkbookPlan } from "../../../src/plan/types";
import { validatePlan } from "../../../src/plan/validate";
import { getPack } from "../../../src/policy/packs";
import { loadPlanIntoHyperFormula, planMismatches } from "../../support/hyperformula";
import { column, OPTIONS } from "../../plan/planHelpers";

// The two Sichuan tables as sheets: one line each over the layouts (not in the default workbook).
const SICHUAN = [
  layoutSheet(
    { key: "sichuanTable2_1", nameZh: "表2-1财政拨款支出经济分类", nameEn: "Table 2-1", tabColor: "375623" },
    sichuanTable2_1,
    ["fiscalSummary"],
  ),
  layoutSheet(
    { key: "sichuanTable3_2", nameZh: "表3-2一般公共预算项目支出", nameEn: "Table 3-2", tabColor: "375623" },
    sichuanTable3_2,
  ),
] as unknown as readonly SheetDefinition[];

function sichuanPlan(id: string): WorkbookPlan {
  const district = getSample(id);
  const definitions = [...SHEETS, ...SICHUAN] as readonly SheetDefinition[];
  const run = startPlan(district, getPack(district.policyPack), OPTIONS, definitions);
  const built = new Map(buildOrder(definitions).map((d) => [d.key, run.build(d.key)]));
  return {
    sheets: definitions.flatMap((d) => built.get(d.key) ?? []),
    names: run.context.names,
    styles: STYLES,
    checks: run.context.checks,
    properties: {
      title: "四川",
      district: district.name,
      budgetYear: district.budgetYear,
      policyPack: "p",
      generator: "t",
    },
  };
}

describe("Sichuan's variant of the tables", () => {
  it("is a small file of layouts", () => {
    const source = readFileSync(join(__dirname, "../../../src/budget/layouts/sichuan.ts"), "utf8");
    expect(source.split("\n").length).toBeLessThan(80);
  });
  it.each(["zhenlai", "wuzhen"])(
    "renders through the national renderer, computes as built and agrees with the national tables (%s)",
    (id) => {
      const plan = sichuanPlan(id);
      expect(validatePlan(plan)).toEqual([]);
      const loaded = loadPlanIntoHyperFormula(plan);
      expect(planMismatches(plan, loaded)).toEqual([]);
      // 表2-1's 合计 is the 财政拨款收支总表's 支出总计; 表3-2's the general budget's 项目支出.
      for (const table of ["tbl_sichuanTable2_1_check", "tbl_sichuanTable3_2_check"])
        expect(column(plan, loaded, table, "差额")).toEqual([0]);
      const codes = column(plan, loaded, "tbl_sichuanTable2_1", "经济分类科目编码");
      expect(codes).toEqual(expect.arrayContaining(["301", "30101", "302", "30299", "303"]));
      const totals = column(plan, loaded, "tbl_sichuanTable2_1", "本年预算");
      const national = column(plan, loaded, "tbl_fiscalSummary", "本年预算");
      expect(totals.at(-1)).toBeCloseTo(Number(national.at(-1)), 9);
      expect(Number(totals.at(-1))).toBeGreaterThan(0);
    },
  );
});
