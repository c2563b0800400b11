import fc from "fast-check";
import { getSample } from "../../src/district/samples";
import { SHEET_ORDER, sheetDefinition } from "../../src/plan/sheets";
import { buildWorkbookPlan, sheetChoices } from "../../src/plan/build";
import { validatePlan } from "../../src/plan/validate";
import { STYLES } from "../../src/plan/styles";
import { getPack } from "../../src/policy/packs";
import { expectPlanComputes } from "../support/hyperformula";
import { FIXTURE } from "./fixtures";
import { column, OPTIONS, planOf } from "./planHelpers";

describe("buildWorkbookPlan", () => {
  it("places 目录 first and the other sheets in workbook order", () => {
    const names = planOf(FIXTURE).sheets.map((s) => s.name);
    expect(names[0]).toBe("目录");
    const order = SHEET_ORDER.map((k) => sheetDefinition(k).nameZh);
    expect(names).toEqual(order.filter((n) => names.includes(n)));
    expect(names.slice(0, 7)).toEqual(["目录", "参数", "学校", "财政", "公用经费", "教职工", "控辍"]);
  });

  it("builds only the chosen sheets, always with 参数 and 学校", () => {
    const plan = buildWorkbookPlan(FIXTURE, getPack("national"), { ...OPTIONS, sheets: ["dropout"] });
    expect(plan.sheets.map((s) => s.key)).toEqual(["parameters", "schools", "dropout"]);
    expect(validatePlan(plan)).toEqual([]);
    expectPlanComputes(plan);
    expect(plan.checks.map((c) => c.id)).toEqual(["schools.site", "dropout.allWithin"]);
  });

  it("gives a valid plan that computes without errors for any choice of sheets", () => {
    const wuzhen = getSample("wuzhen");
    const pack = getPack(wuzhen.policyPack);
    fc.assert(
      fc.property(fc.subarray([...SHEET_ORDER]), (sheets) => {
        const plan = buildWorkbookPlan(wuzhen, pack, { ...OPTIONS, sheets });
        expect(validatePlan(plan)).toEqual([]);
        expectPlanComputes(plan);
        const built = plan.sheets.map((s) => s.key);
        expect(built).toEqual(
          SHEET_ORDER.filter((k) => sheets.includes(k) || k === "parameters" || k === "schools"),
        );
        for (const check of plan.checks) expect(built).toContain(check.sheet);
      }),
      { numRuns: 25 },
    );
  });

  it("lists on 目录 only the sheets that were built, and public funds without 财政 take the available funds as an input", () => {
    const plan = buildWorkbookPlan(FIXTURE, getPack("national"), {
      ...OPTIONS,
      sheets: ["contents", "publicFunds"],
    });
    expect(plan.sheets.map((s) => s.name)).toEqual(["目录", "参数", "学校", "公用经费"]);
    expect(validatePlan(plan)).toEqual([]);
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblContents", "工作表 Sheet")).toEqual(["参数", "学校", "公用经费"]);
  });

  it("describes the workbook in its properties and carries every style and check", () => {
    const plan = planOf(FIXTURE);
    expect(plan.properties).toEqual({
      title: "测试区 2026 年教育经费预算",
      district: "测试区",
      budgetYear: 2026,
      policyPack: "wuzhen-2004@1.0.0",
      generator: "edu-budget 1.0.0",
      generatedAt: "2026-11-29T08:00:00Z",
    });
    expect(plan.styles).toBe(STYLES);
    expect(plan.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "fiscal.threeGrowth",
        "fiscal.onlyIncrease",
        "publicFunds.covered",
        "staffing.quota",
        "dropout.allWithin",
      ]),
    );
  });

  it("builds the same plan twice from the same inputs", () => {
    expect(JSON.stringify(planOf(FIXTURE))).toBe(JSON.stringify(planOf(FIXTURE)));
  });
});

describe("sheetChoices", () => {
  it("offers all 17 sheets in order with zh and en names, 参数 and 学校 required", () => {
    const choices = sheetChoices();
    expect(choices.map((c) => c.key)).toEqual([...SHEET_ORDER]);
    expect(choices.filter((c) => c.required).map((c) => c.zh)).toEqual(["参数", "学校"]);
    expect(choices.find((c) => c.key === "publicFunds")).toEqual({
      key: "publicFunds",
      zh: "公用经费",
      en: "Public funds",
      required: false,
    });
  });
});
