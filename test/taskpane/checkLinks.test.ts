import { districtToTables } from "../../src/district";
import { getSample } from "../../src/district/samples";
import type { CheckPlan, WorkbookPlan } from "../../src/plan/types";
import { checkLinks } from "../../src/taskpane/checkLinks";
import { planOf } from "../plan/planHelpers";

const district = getSample("zhenlai");
const plan: WorkbookPlan = planOf(district);
const dropout = plan.checks.find((c) => c.id === "dropout.allWithin") as CheckPlan;

describe("the Preview step's links of a failed check", () => {
  it("goes to the 参数 cell of the threshold and the school's row on 学校 for a sample", () => {
    expect(checkLinks(dropout, plan, { source: { kind: "sample", label: "zhenlai" } })).toEqual([
      { kind: "threshold", sheet: "参数", address: dropout.threshold?.cell },
      { kind: "cause", sheet: "学校", address: dropout.cause?.cell },
    ]);
  });

  it("goes to the school's own row on 录入-学校 when the data came from the input sheets", () => {
    // As read from Excel: the sheet's rows from A1, the code in column B beside the 示例 marker column.
    const schools = districtToTables(district).find((t) => t.sheet === "录入-学校");
    if (!schools) throw new Error("no 录入-学校 table");
    const rows = schools.rows.map((row) => ["", ...row]);
    const at = rows.findIndex((row) => row.includes(dropout.cause?.school));
    expect(at).toBeGreaterThan(0);
    const links = checkLinks(dropout, plan, {
      source: { kind: "sheets", label: "录入表" },
      tables: [{ sheet: "录入-学校", rows }],
    });
    expect(links[1]).toEqual({ kind: "cause", sheet: "录入-学校", address: `B${at + 1}` });
  });

  it("has no link for a check that says neither threshold nor cause", () => {
    expect(checkLinks({}, plan, { source: { kind: "sample", label: "zhenlai" } })).toEqual([]);
  });
});
