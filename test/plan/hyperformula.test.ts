import { DetailedCellError } from "hyperformula";
import type { WorkbookPlan } from "../../src/plan/types";
import {
  changedCells,
  expectPlanComputes,
  loadPlanIntoHyperFormula,
  planMismatches,
  snapshotValues,
} from "../support/hyperformula";
import { DANGEROUS_TEXT, smallPlan } from "../support/planFixtures";

describe("loadPlanIntoHyperFormula", () => {
  it("computes every formula of a hand-made plan to the value the plan stored", () => {
    const loaded = expectPlanComputes(smallPlan);
    expect(loaded.valueAt("汇总 表", "B1")).toBe(465);
  });

  it("keeps text that looks like a formula or a number as text", () => {
    const loaded = loadPlanIntoHyperFormula(smallPlan);
    expect(DANGEROUS_TEXT.map((_, i) => loaded.valueAt("学校", `B${i + 3}`))).toEqual([...DANGEROUS_TEXT]);
    expect(loaded.valueAt("学校", "A4")).toBe("007");
  });

  it("resolves workbook names so editing a parameter recomputes its dependents only", () => {
    const loaded = loadPlanIntoHyperFormula(smallPlan);
    const before = snapshotValues(smallPlan, loaded);
    loaded.setValue("参数", "C4", 700);
    const changed = changedCells(before, snapshotValues(smallPlan, loaded));
    expect(changed.sort()).toEqual(
      // 学校!F4 stays 0: that school has no students.
      ["参数!C4", "学校!F3", "学校!F5", "学校!F6", "学校!F7", "汇总 表!B2"].sort(),
    );
  });

  it("reports a formula whose stored value is wrong and an unmarked error", () => {
    const sheet = smallPlan.sheets[2];
    if (!sheet) throw new Error("fixture has three sheets");
    const broken: WorkbookPlan = {
      ...smallPlan,
      sheets: [
        ...smallPlan.sheets.slice(0, 2),
        {
          ...sheet,
          blocks: [
            {
              anchor: "A1",
              cells: [
                [
                  { f: "1+1", v: 3 },
                  { f: "1/0", v: 0 },
                ],
              ],
            },
          ],
        },
      ],
    };
    const problems = planMismatches(broken);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("expected 3, got 2");
    expect(problems[1]).toContain("#DIV/0!");
  });

  it("reports an expected error that does not happen", () => {
    const loaded = loadPlanIntoHyperFormula(smallPlan);
    expect(loaded.valueAt("学校", "B12")).toBeInstanceOf(DetailedCellError);
    const sheet = smallPlan.sheets[2];
    if (!sheet) throw new Error("fixture has three sheets");
    const plan: WorkbookPlan = {
      ...smallPlan,
      sheets: [
        ...smallPlan.sheets.slice(0, 2),
        { ...sheet, blocks: [{ anchor: "A1", cells: [[{ f: "1", v: { error: "#N/A" } }]] }] },
      ],
    };
    expect(planMismatches(plan)).toEqual([expect.stringContaining("expected error #N/A")]);
  });
});
