/** The writers and validatePlan take Excel's rules from one module: what one refuses, all refuse. */
import { listSource } from "../../src/plan/excelRules";
import type { WorkbookPlan } from "../../src/plan/types";
import { validatePlan } from "../../src/plan/validate";
import { writeWorkbookPlan } from "../../src/writers/officejs";
import { writeXlsx } from "../../src/writers/xlsx";
import { createFakeExcel } from "../support/fakeExcel";
import { smallPlan } from "../support/planFixtures";

const withList = (list: readonly string[]): WorkbookPlan => ({
  ...smallPlan,
  sheets: smallPlan.sheets.map((sheet) =>
    sheet.name === "学校" ? { ...sheet, validations: [{ range: "H3:H6", list, errorMessage: "x" }] } : sheet,
  ),
});

const writeOfficeJs = (plan: WorkbookPlan) => {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: {} }] });
  return fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
};

/** What validatePlan, the .xlsx writer and the Office.js writer make of a plan: "ok" or "refused". */
async function verdicts(plan: WorkbookPlan): Promise<string[]> {
  const outcome = (write: Promise<unknown>) =>
    write.then(
      () => "ok",
      () => "refused",
    );
  return [
    validatePlan(plan).length === 0 ? "ok" : "refused",
    await outcome(writeXlsx(plan)),
    await outcome(writeOfficeJs(plan)),
  ];
}

describe("Excel's rules, the same in validatePlan and both writers", () => {
  it.each([
    ["a list of exactly 255 characters", ["甲".repeat(253), "乙"], "ok"],
    ["a list of 256 characters", ["甲".repeat(254), "乙"], "refused"],
    ["an empty list", [], "refused"],
    ["an item with a comma", ["是", "否,不是"], "refused"],
    ["an item with a quote", ["是", '"否"'], "refused"],
  ] as const)("agree on %s", async (_, list, verdict) => {
    if (list.length === 2 && verdict === "ok") expect(listSource(list)).toHaveLength(255);
    expect(await verdicts(withList(list))).toEqual([verdict, verdict, verdict]);
  });

  it("agree on an unknown style", async () => {
    const plan = {
      ...smallPlan,
      sheets: smallPlan.sheets.map((s, i) =>
        i === 0 ? { ...s, formats: [{ range: "A1", style: "nope" }] } : s,
      ),
    };
    expect(await verdicts(plan)).toEqual(["refused", "refused", "refused"]);
  });

  it("agree on print title rows that are not rows", async () => {
    const plan = {
      ...smallPlan,
      sheets: smallPlan.sheets.map((s, i) =>
        i === 0 ? { ...s, print: { ...s.print, repeatRows: "A1:B2" } } : s,
      ),
    };
    expect(await verdicts(plan)).toEqual(["refused", "refused", "refused"]);
  });
});
