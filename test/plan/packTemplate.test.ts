import { buildPackTemplatePlan } from "../../src/plan/packTemplate";
import { isFormulaCell } from "../../src/plan/types";
import { validatePlan } from "../../src/plan/validate";
import { getTimeline, listTimelines, POLICY_KEYS, templateYear } from "../../src/policy";

describe("the pack template plan", () => {
  it.each(listTimelines().flatMap((pack) => [[pack.id, "zh"] as const, [pack.id, "en"] as const]))(
    "of %s (%s) passes validatePlan and holds constants only",
    (id, lang) => {
      const base = getTimeline(id);
      const plan = buildPackTemplatePlan(base, templateYear(base), lang);
      expect(validatePlan(plan)).toEqual([]);
      const cells = plan.sheets.flatMap((sheet) => sheet.blocks.flatMap((block) => block.cells.flat()));
      expect(cells.some((cell) => cell !== null && isFormulaCell(cell))).toBe(false);
      // The basedOn line, the name line, the title line, the header, the note row and one row per key.
      expect(plan.sheets[0]?.blocks[0]?.cells).toHaveLength(5 + POLICY_KEYS.length);
    },
  );

  it("offers the built-in pack ids as a drop-down on the basedOn cell", () => {
    const plan = buildPackTemplatePlan(getTimeline("edu-default"), 2025);
    expect(plan.sheets[0]?.validations).toEqual([
      expect.objectContaining({ range: "B1", list: listTimelines().map((pack) => pack.id) }),
    ]);
  });

  it("leaves the value blank where the pack sets none, and says so in the note", () => {
    const plan = buildPackTemplatePlan(getTimeline("national"), 2025);
    const rows = plan.sheets[0]?.blocks[0]?.cells.slice(5) ?? [];
    const row = rows[POLICY_KEYS.indexOf("merger.deadline_years")] ?? [];
    expect(row[2]).toBeNull();
    const note = row[8];
    expect(note && "v" in note ? note.v : null).toBe("2025年现行; 未设定数值, 由本地填写");
  });
});
