/**
 * 预算说明: its paragraphs, computed by a real engine, are the texts the plan states, for the samples and for
 * generated districts; they follow the published order; editing a school's students or a rate on 参数 changes the
 * numbers in the text; one paragraph of the zhenlai sample is checked by hand against its 部门收支总表.
 */
import fc from "fast-check";
import { generateDistrict, getSample } from "../../../src/district/samples";
import { readExplanation } from "../../../src/plan/explain";
import type { BuildContext } from "../../../src/plan/context";
import { formulaLimitBreaches } from "../../../src/plan/excelRules";
import { checksSection, explainSheet } from "../../../src/plan/sheets/explain";
import { VERDICT_WORDS } from "../../../src/plan/verdict";
import { isFormulaCell, type CheckPlan, type WorkbookPlan } from "../../../src/plan/types";
import { validatePlan } from "../../../src/plan/validate";
import { getPack } from "../../../src/policy/packs";
import { columnLetter, parseCell, parseRange } from "../../../src/plan/address";
import { columnWidthPoints } from "../../../src/plan/excelRules";
import { lineHeight, MIN_PRINTED_SIZE, printedFontSize, wrappedLines } from "../../../src/plan/print";
import {
  evaluateFormulas,
  loadPlanIntoHyperFormula,
  planMismatches,
  type LoadedPlan,
} from "../../support/hyperformula";
import { buildWorkbookPlan } from "../../../src/plan/build";
import { SHEET_ORDER } from "../../../src/plan/sheets";
import { column, columnCells, OPTIONS, planOf, sheetByKey } from "../planHelpers";

/** The 说明's paragraph cells: address, the text the plan states, and whether it is a formula. */
function paragraphs(plan: WorkbookPlan): { address: string; text: string; live: boolean }[] {
  const sheet = sheetByKey(plan, "explain");
  const out: { address: string; text: string; live: boolean }[] = [];
  for (const block of sheet.blocks) {
    const a = parseCell(block.anchor);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell !== null && typeof cell.v === "string")
          out.push({
            address: `${columnLetter(a.column + c)}${a.row + r + 1}`,
            text: cell.v,
            live: isFormulaCell(cell),
          });
      }),
    );
  }
  return out;
}

/** The texts HyperFormula computes for the 说明's formula cells. */
const computedTexts = (plan: WorkbookPlan, loaded: LoadedPlan) =>
  paragraphs(plan)
    .filter((p) => p.live)
    .map((p) => String(loaded.valueAt(explainSheet.nameZh, p.address)));

const explainMismatches = (plan: WorkbookPlan) =>
  planMismatches(plan).filter((m) => m.startsWith(`${explainSheet.nameZh}!`));

describe("the 预算说明 of the samples", () => {
  it.each(["zhenlai", "wuzhen"])("computes in HyperFormula to the texts the plan states (%s)", (id) => {
    const plan = planOf(getSample(id));
    expect(validatePlan(plan)).toEqual([]);
    expect(explainMismatches(plan)).toEqual([]);
    const loaded = loadPlanIntoHyperFormula(plan);
    const live = paragraphs(plan).filter((p) => p.live);
    // Every number of the budget sections is live: at least the nine sections' paragraphs are formulas.
    expect(live.length).toBeGreaterThanOrEqual(11);
    expect(computedTexts(plan, loaded)).toEqual(live.map((p) => p.text));
  });

  it("lists its sections in the published order, the term plan before 名词解释", () => {
    const explanation = readExplanation(planOf(getSample("wuzhen")));
    expect(explanation?.sections.map((s) => s.heading)).toEqual([
      "一、部门收支总体情况",
      "二、部门收入情况",
      "三、部门支出情况",
      "四、财政拨款收支情况",
      "五、一般公共预算当年拨款情况",
      "六、一般公共预算基本支出情况",
      "七、一般公共预算“三公”经费支出情况",
      "八、政府性基金预算支出情况",
      "九、国有资本经营预算支出情况",
      "十、检查结果与未通过的原因",
      "十一、中期财政规划",
      "十二、名词解释",
    ]);
    expect(explanation?.sections.every((s) => s.paragraphs.length > 0)).toBe(true);
  });

  it("names every check that failed, with its verdict live, and counts them", () => {
    const plan = planOf(getSample("zhenlai"));
    const failed = plan.checks.filter((c) => c.applicable !== false && !c.pass);
    expect(failed.length).toBeGreaterThan(0);
    const section = readExplanation(plan)?.sections.find((s) => s.heading.endsWith("检查结果与未通过的原因"));
    expect(section?.paragraphs[0]).toContain(`现未通过${failed.length}项`);
    for (const check of failed)
      expect(
        section?.paragraphs.some((p) => p.startsWith(`${check.labelZh}（`) && p.includes("：未通过")),
      ).toBe(true);
  });

  it("states the 规划 totals of T, T+1 and T+2 when the plan holds 规划, and leaves the section out without it", () => {
    const district = getSample("wuzhen");
    const T = district.budgetYear;
    const full = readExplanation(planOf(district));
    const plan = full?.sections.find((s) => s.heading.endsWith("中期财政规划"))?.paragraphs[0] ?? "";
    for (const year of [T, T + 1, T + 2]) expect(plan).toContain(`${year}年支出合计`);
    const without = buildWorkbookPlan(district, getPack(district.policyPack), {
      ...OPTIONS,
      sheets: SHEET_ORDER.filter((key) => key !== "plan"),
    });
    expect(without.sheets.some((s) => s.key === "plan")).toBe(false);
    const headings = readExplanation(without)?.sections.map((s) => s.heading) ?? [];
    expect(headings.some((h) => h.endsWith("中期财政规划"))).toBe(false);
    expect(headings[headings.length - 1]).toBe("十一、名词解释");
  });

  it("is the golden 部门支出 paragraph of zhenlai, its shares computed by hand from the 部门收支总表", () => {
    const plan = planOf(getSample("zhenlai"));
    const loaded = loadPlanIntoHyperFormula(plan);
    const labels = column(plan, loaded, "tbl_deptBudgetSummary", "项目");
    const current = column(plan, loaded, "tbl_deptBudgetSummary", "本年预算");
    const total = Number(current[labels.indexOf("支出总计")]);
    // 部门收支总表: 支出总计 12,549.83 万元 (to the cent), of which (预算明细) 基本支出 8,521.26 and 项目支出 4,028.57
    // (8,521.26 + 4,028.57 = 12,549.83): 8,521.26 ÷ 12,549.83 = 67.899 % and 4,028.57 ÷ 12,549.83 = 32.101 %, to two
    // decimals 67.90 % and 32.10 %.
    expect(Math.round(total * 100) / 100).toBe(12549.83);
    const section = readExplanation(plan)?.sections.find((s) => s.heading === "三、部门支出情况");
    expect(section?.paragraphs[0]).toBe(
      "2012年支出总计12549.83万元。其中：基本支出8521.26万元，占67.90%；项目支出4028.57万元，占32.10%。",
    );
  });
});

describe("the 预算说明 on paper", () => {
  it("wraps each paragraph across the merged width, its row tall enough for the lines it takes", () => {
    const plan = planOf(getSample("wuzhen"));
    const sheet = sheetByKey(plan, "explain");
    const widths = sheet.columns.map((c) => c.width);
    // The merged width in characters, as print.ts measures a merge (points of the columns, less the cell margins).
    const merged = (columns: number) =>
      (widths.slice(0, columns).reduce((s, w) => s + columnWidthPoints(w), 0) / 0.75 - 5) / 7;
    const heights = new Map((sheet.rows ?? []).map((r) => [r.row, r.height]));
    const paragraphRows = sheet.merges.map((m) => parseRange(m)).filter((r) => r.start.column === 0);
    expect(paragraphRows.length).toBeGreaterThan(20);
    let tall = 0;
    for (const { start, end } of paragraphRows) {
      const text = paragraphs(plan).find((p) => p.address === `A${start.row + 1}`)?.text ?? "";
      const lines = wrappedLines(text, merged(end.column + 1), 11);
      if (lines > 1) {
        tall += 1;
        expect(heights.get(start.row)).toBeGreaterThanOrEqual(lines * lineHeight(11));
      }
    }
    expect(tall).toBeGreaterThan(5);
    expect(printedFontSize(sheet, plan.styles)).toBeGreaterThanOrEqual(MIN_PRINTED_SIZE);
  });
});

describe("the 预算说明 of generated districts", () => {
  it("computes in HyperFormula to the texts the plan states for any seed and size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 8 }), (seed, n) => {
        const plan = planOf(generateDistrict(seed, n), getPack("national"));
        expect(validatePlan(plan)).toEqual([]);
        expect(explainMismatches(plan)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe("the 预算说明 follows its inputs", () => {
  const changedTexts = (edit: (plan: WorkbookPlan, loaded: LoadedPlan) => void, id = "zhenlai") => {
    const plan = planOf(getSample(id));
    const loaded = loadPlanIntoHyperFormula(plan);
    const before = computedTexts(plan, loaded);
    edit(plan, loaded);
    const after = computedTexts(plan, loaded);
    return before.map((text, i) => [text, after[i] ?? ""] as const).filter(([a, b]) => a !== b);
  };
  const numbers = (text: string) => text.match(/\d+\.\d\d/g) ?? [];

  it("changes its numbers when a school's students are edited on 学校", () => {
    const changed = changedTexts((plan, loaded) => {
      const grade = columnCells(plan, "tblSchools", "一年级");
      const first = grade.cells[0] ?? "";
      loaded.setValue(grade.sheet, first, Number(loaded.valueAt(grade.sheet, first)) + 400);
    });
    // The 公用经费 of the school grows with its students: numbers in the sentences changed, not their words.
    const basic = changed.find(([before]) => before.includes("一般公共预算基本支出"));
    expect(basic).toBeDefined();
    const [before, after] = basic ?? ["", ""];
    expect(numbers(after)).not.toEqual(numbers(before));
    expect(after.replace(/\d+\.\d\d/g, "#")).toBe(before.replace(/\d+\.\d\d/g, "#"));
    const publicFunds = (text: string) => Number(/公用经费(\d+\.\d\d)万元/.exec(text)?.[1]);
    expect(publicFunds(after)).toBeGreaterThan(publicFunds(before));
    expect(changed.some(([text]) => text.includes("支出总计"))).toBe(true);
  });

  it("changes its 人员经费 when the pension rate is edited on 参数", () => {
    const changed = changedTexts((plan, loaded) => {
      const name = plan.names.find((n) => n.name === "P_personnel_pension_rate");
      const cell = name?.ref.split("!")[1]?.replace(/\$/g, "") ?? "";
      loaded.setValue("参数", cell, Number(loaded.valueAt("参数", cell)) + 0.04);
    });
    const basic = changed.find(([before]) => before.includes("一般公共预算基本支出"));
    expect(basic).toBeDefined();
    const personnel = (text: string) => /人员经费(\d+\.\d\d)万元/.exec(text)?.[1];
    expect(Number(personnel(basic?.[1] ?? ""))).toBeGreaterThan(Number(personnel(basic?.[0] ?? "")));
  });
});

describe("the checks section over very many checks", () => {
  // A plan of 150 checks on one sheet S, verdicts in A1:A150: the first 120 failed when generated.
  const checks: CheckPlan[] = Array.from({ length: 150 }, (_, i) => ({
    id: `c${i}`,
    labelZh: `检查${i + 1}`,
    labelEn: `check ${i + 1}`,
    sheet: "fiscal",
    cell: `A${i + 1}`,
    pass: i >= 120,
    detailZh: "生成时",
    detailEn: "at generation",
  }));
  const ctx = {
    checks,
    reconciliations: [],
    definition: () => ({ nameZh: "S" }),
    verdicts: VERDICT_WORDS.zh,
  } as unknown as BuildContext;
  const cells = Object.fromEntries(checks.map((c) => [c.cell, c.pass ? "通过" : "未通过"]));

  it("counts live within Excel's formula length, the checks that failed at generation, when all would not fit", () => {
    const section = checksSection(ctx, 9);
    const [first, ...items] = section.paragraphs;
    if (!first || !("overTails" in first))
      throw new Error("the section starts with its count over the items");
    expect(items).toHaveLength(120);
    // The items' live verdicts in B1:B120, as the sheet puts them in the rows under the count.
    const tails = Object.fromEntries(
      items.map((item, i) => [`B${i + 1}`, "lead" in item ? item.tail.formula : "0"]),
    );
    const summary = first.overTails("B1:B120");
    expect(formulaLimitBreaches(summary.formula)).toEqual([]);
    expect(summary.text).toContain("生成时未通过120项，其中现仍未通过120项");
    const run = (verdicts: Record<string, boolean | string>) =>
      evaluateFormulas({ cells: verdicts, formulas: { ...tails, C1: summary.formula } }, "C1");
    expect(run(cells)).toBe(summary.text);
    // Two of them pass after an edit: the sentence says so.
    expect(run({ ...cells, A1: "通过", A2: "通过" })).toContain("其中现仍未通过118项");
  });
});
