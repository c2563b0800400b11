import { DetailedCellError } from "hyperformula";
import { getSample } from "../../../src/district/samples";
import { columnLetter, parseCell } from "../../../src/plan/address";
import { isFormulaCell } from "../../../src/plan/types";
import { writeXlsx } from "../../../src/writers/xlsx";
import { loadPlanIntoHyperFormula } from "../../support/hyperformula";
import { readCells, recalculateWithLibreOffice } from "../../support/libreoffice";
import type { WorkbookPlan } from "../../../src/plan/types";
import { planOf as fullPlanOf } from "../planHelpers";
import { CASED, context, FIXTURE, planOf, suitePlan, TRICKY } from "./helpers";

jest.setTimeout(300_000);

/** A second engine: LibreOffice recalculates the written .xlsx and must agree with HyperFormula on every formula. */
const DISTRICTS = {
  wuzhen: getSample("wuzhen"),
  fixture: FIXTURE,
  "tricky-names": TRICKY,
  "names in any case": CASED,
};
/** Every formula of a plan, computed by LibreOffice from the written .xlsx, as HyperFormula computes it. */
async function disagreements(plan: WorkbookPlan): Promise<string[]> {
  const xlsx = await writeXlsx(plan);
  const cells = await readCells(await recalculateWithLibreOffice(xlsx));
  const hf = loadPlanIntoHyperFormula(plan);
  const problems: string[] = [];
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks) {
      const a = parseCell(block.anchor);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (!isFormulaCell(cell)) return;
          const addr = `${columnLetter(a.column + c)}${a.row + r + 1}`;
          const h = hf.valueAt(sheet.name, addr);
          const l = cells.get(`${sheet.name}!${addr}`)?.value;
          const same =
            typeof h === "number" && typeof l === "number"
              ? Math.abs(h - l) <= 1e-9 * Math.max(1, Math.abs(h))
              : h === l || (h === "" && l === undefined);
          if (!same)
            problems.push(
              `${sheet.name}!${addr} =${cell.f}: LO ${JSON.stringify(l)} HF ${h instanceof DetailedCellError ? h.value : JSON.stringify(h)}`,
            );
        }),
      );
    }
  return problems;
}

it.each(Object.keys(DISTRICTS) as (keyof typeof DISTRICTS)[])(
  "computes the %s district's sheets in LibreOffice as in HyperFormula",
  async (id) => {
    const { plan } = suitePlan(DISTRICTS[id], ["publicFunds"]);
    expect((await disagreements(plan)).slice(0, 20)).toEqual([]);
  },
);

it("computes the wuzhen sample's 规划 in LibreOffice as in HyperFormula", async () => {
  const built = context(getSample("wuzhen"));
  const plan = planOf(built, [built.sheet("debt"), built.sheet("plan")]);
  expect((await disagreements(plan)).slice(0, 20)).toEqual([]);
});

it("computes the zhenlai sample's 规划 with the 部门预算 it reads in LibreOffice as in HyperFormula", async () => {
  const built = context(getSample("zhenlai"));
  const keys = ["fiscal", "publicFunds", "projects", "debt", "budgetLines", "plan"] as const;
  const plan = planOf(
    built,
    keys.map((key) => built.sheet(key)),
  );
  expect((await disagreements(plan)).slice(0, 20)).toEqual([]);
});

it("computes the zhenlai sample's 基建 with its prior-project pairs in LibreOffice as in HyperFormula", async () => {
  const built = context(getSample("zhenlai"));
  const plan = planOf(built, [built.sheet("projects")]);
  expect(plan.sheets.some((sheet) => sheet.tables.some((t) => t.name === "tblProjectsPrior"))).toBe(true);
  expect((await disagreements(plan)).slice(0, 20)).toEqual([]);
});

it("computes the zhenlai sample's 预算说明 in LibreOffice to the texts the plan states", async () => {
  const built = context(getSample("zhenlai"));
  const keys = [
    "fiscal",
    "publicFunds",
    "staffing",
    "projects",
    "debt",
    "plan",
    "budgetLines",
    "deptBudgetSummary",
    "generalBudgetExpense",
    "explain",
  ] as const;
  const plan = planOf(
    built,
    keys.map((key) => built.sheet(key)),
  );
  const explain = plan.sheets.find((s) => s.key === "explain");
  const texts = (explain?.blocks ?? []).flatMap((b) =>
    b.cells.flatMap((line) => line.filter(isFormulaCell).map((cell) => cell.v)),
  );
  // The paragraphs with amounts in them (TEXT(…,"0.00") inside the sentence), each compared below.
  expect(
    texts.filter((text) => typeof text === "string" && /\d\.\d\d万元/.test(text)).length,
  ).toBeGreaterThanOrEqual(10);
  expect((await disagreements(plan)).slice(0, 20)).toEqual([]);
});

it("computes the wuzhen sample's 部门预算 tables in LibreOffice as in HyperFormula", async () => {
  const plan = fullPlanOf(getSample("wuzhen"));
  const budget = new Set(
    plan.sheets.filter((s) => s.key === "budgetLines" || s.tables.some((t) => t.name.startsWith("tbl_"))),
  );
  expect(budget.size).toBeGreaterThanOrEqual(11);
  const names = [...budget].map((s) => `${s.name}!`);
  const problems = (await disagreements(plan)).filter((p) => names.some((n) => p.startsWith(n)));
  expect(problems.slice(0, 20)).toEqual([]);
});
