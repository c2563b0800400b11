import { getSample } from "../../src/district/samples";
import { buildWorkbookPlan } from "../../src/plan/build";
import type { WorkbookPlan } from "../../src/plan/types";
import {
  checkStatus,
  countChecks,
  NOT_APPLICABLE,
  VERDICT_WORDS,
  type WorkbookLanguage,
} from "../../src/plan/verdict";
import { getPack } from "../../src/policy/packs";
import { checkCounts } from "../../src/taskpane/plan";
import { expectPlanComputes } from "../support/hyperformula";
import { fixtureWith } from "./fixtures";
import { column, labelled, OPTIONS, planOf, YES } from "./planHelpers";

describe("a check over zero items", () => {
  // No school has an enrollment to take a dropout rate of, and no kindergarten is planned.
  const none = fixtureWith((input) => ({
    ...input,
    schools: input.schools.map((s) => ({ ...s, prevStartEnrollment: 0, prevDropouts: 0 })),
    preschool: { ...input.preschool, planned: [] },
  }));
  const plan = planOf(none);

  it("is not applicable, and its verdict cell shows 不适用 rather than TRUE", () => {
    const loaded = expectPlanComputes(plan);
    for (const id of ["dropout.allWithin", "preschool.size"]) {
      const check = plan.checks.find((c) => c.id === id);
      expect(check?.applicable).toBe(false);
      expect(checkStatus(check ?? { pass: true })).toBe("notApplicable");
      const sheet = plan.sheets.find((s) => s.key === check?.sheet)?.name ?? "";
      expect(loaded.valueAt(sheet, check?.cell ?? "")).toBe(NOT_APPLICABLE);
      expect(check?.detailZh).toContain("不适用");
    }
  });

  it("shows 不适用 on 目录 and 汇总, still holding, and counts it neither as passed nor failed", () => {
    const loaded = expectPlanComputes(plan);
    const at = plan.checks.findIndex((c) => c.id === "dropout.allWithin");
    expect(column(plan, loaded, "tblChecks", "结果")[at]).toBe(NOT_APPLICABLE);
    expect(column(plan, loaded, "tblChecks", "说明仍适用 Still holds")[at]).toBe(YES);
    expect(column(plan, loaded, "tblCheckResults", "结果")[at]).toBe(NOT_APPLICABLE);
    const counts = countChecks(plan.checks);
    expect(counts.notApplicable).toBeGreaterThanOrEqual(2);
    expect(counts.passed + counts.failed + counts.notApplicable).toBe(plan.checks.length);
    expect(checkCounts(plan)).toEqual({ passed: counts.passed, failed: counts.failed });
  });

  it("is applicable again once there is an item to check", () => {
    const some = planOf(fixtureWith((input) => input));
    expect(some.checks.find((c) => c.id === "dropout.allWithin")?.applicable).toBeUndefined();
  });
});

describe("the words a verdict cell shows", () => {
  const district = getSample("wuzhen");
  const build = (language: WorkbookLanguage) =>
    buildWorkbookPlan(district, getPack(district.policyPack), { ...OPTIONS, language });
  const shown = (plan: WorkbookPlan, language: WorkbookLanguage) => {
    const words = VERDICT_WORDS[language];
    return plan.checks.map((c) => {
      const status = checkStatus(c);
      return status === "pass" ? words.pass : status === "fail" ? words.fail : NOT_APPLICABLE;
    });
  };

  it.each(["zh", "en"] as const)(
    "are the %s workbook's pass and fail words on every verdict cell, counted on 汇总 as the checks are",
    (language) => {
      const plan = build(language);
      const loaded = expectPlanComputes(plan);
      const cells = plan.checks.map((c) =>
        loaded.valueAt(plan.sheets.find((s) => s.key === c.sheet)?.name ?? "", c.cell),
      );
      expect(cells).toEqual(shown(plan, language));
      const summary = plan.sheets.find((s) => s.key === "summary");
      if (!summary) throw new Error("no 汇总");
      const counts = countChecks(plan.checks);
      expect(loaded.valueAt(summary.name, labelled(summary, "通过"))).toBe(counts.passed);
      expect(loaded.valueAt(summary.name, labelled(summary, "未通过"))).toBe(counts.failed);
      expect(counts.failed).toBeGreaterThan(0);
    },
  );

  it("shows no Chinese verdict word in an English workbook's cells", () => {
    const plan = build("en");
    const words = new Set([VERDICT_WORDS.zh.pass, VERDICT_WORDS.zh.fail]);
    // A verdict is a formula's result; a label that says 通过 (汇总's count of the passed checks) is not one.
    const zhCells = plan.sheets.flatMap((sheet) =>
      sheet.blocks.flatMap((b) =>
        b.cells.flat().filter((cell) => cell !== null && "f" in cell && words.has(String(cell.v))),
      ),
    );
    expect(zhCells).toEqual([]);
  });
});
