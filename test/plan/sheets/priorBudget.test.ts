/**
 * 上年预算 from last year: the generated workbook of year T read back as T+1's 上年预算 gives each line of T+1 the
 * 本年预算 of T, line by line; a hand-computed 增幅; last year's lines with no match kept with 本年 0.
 */
import { readPriorBudgetWorkbook } from "../../../src/district/readers/xlsx";
import { getSample } from "../../../src/district/samples";
import type { District, PriorBudgetLine } from "../../../src/district/model";
import { buildWorkbookPlan } from "../../../src/plan/build";
import type { WorkbookPlan } from "../../../src/plan/types";
import { getPack } from "../../../src/policy/packs";
import { writeXlsx } from "../../../src/writers/xlsx";
import { expectPlanComputes } from "../../support/hyperformula";
import { column, OPTIONS } from "../planHelpers";

const planFor = (district: District): WorkbookPlan =>
  buildWorkbookPlan(district, getPack(district.policyPack), OPTIONS);

/** 预算明细's lines as computed: key (unit, codes, item) and the amounts. */
function lines(plan: WorkbookPlan) {
  const loaded = expectPlanComputes(plan);
  const col = (header: string) => column(plan, loaded, "tblBudgetLines", header);
  const [units, fns, ecs, items] = ["单位代码", "功能科目编码", "经济科目编码", "明细"].map(col);
  // The column is 上年预算 when last year's lines are given, 上年预算(填列) when the user fills it.
  const given = plan.sheets.some((s) =>
    s.tables.some((t) => t.name === "tblBudgetLines" && t.columns.some((c) => c.name === "上年预算")),
  );
  const prior = col(given ? "上年预算" : "上年预算(填列)");
  const current = col("本年预算");
  const delta = col("增减");
  const rate = col("增幅");
  return (units ?? []).map((unit, i) => ({
    key: [unit, fns?.[i], ecs?.[i], items?.[i]].join("|"),
    prior: prior[i],
    current: current[i],
    delta: delta[i],
    rate: rate[i],
  }));
}

describe("上年预算 from last year", () => {
  const zhenlai = getSample("zhenlai");

  it("reads year T's workbook back as T+1's 上年: each line's 上年 of T+1 is its 本年 of T", async () => {
    const planT = planFor(zhenlai);
    const read = await readPriorBudgetWorkbook(await writeXlsx(planT), "上年.xlsx");
    expect(read.problems).toEqual([]);
    const linesT = lines(planT).filter((l) => Number(l.current) > 0);
    expect(read.lines?.length).toBe(linesT.length);
    const next: District = {
      ...zhenlai,
      budgetYear: zhenlai.budgetYear + 1,
      termEndYear: Math.max(zhenlai.termEndYear, zhenlai.budgetYear + 1),
      priorBudgetLines: read.lines ?? [],
    };
    const byKey = new Map(lines(planFor(next)).map((l) => [l.key, l]));
    for (const line of linesT)
      expect([line.key, byKey.get(line.key)?.prior]).toEqual([line.key, line.current]);
    // Nothing of T is lost: T+1's 上年 adds up to T's 本年.
    const sum = (xs: readonly number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 1e6) / 1e6;
    expect(sum([...byKey.values()].map((l) => Number(l.prior)))).toBe(
      sum(linesT.map((l) => Number(l.current))),
    );
  });

  it("gives the bureau's 基本工资 an 增幅 of 3 % over a 上年 of 50 (25 staff × 20,600 元 = 51.5 万元)", () => {
    const prior: PriorBudgetLine[] = [
      { unitCode: "JG", functionCode: "2050101", economicCode: "30101", item: "基本工资", amount: 50 },
      // Last year's line with no line this year: kept with 本年 0, 增减 −3, 增幅 −100 %.
      { unitCode: "JG", functionCode: "2050101", economicCode: "30201", item: "办公费", amount: 3 },
    ];
    const all = lines(planFor({ ...zhenlai, priorBudgetLines: prior }));
    const pay = all.find((l) => l.key === "JG|2050101|30101|基本工资");
    expect(pay?.prior).toBe(50);
    expect(pay?.current).toBeCloseTo(51.5, 10);
    expect(pay?.delta).toBeCloseTo(1.5, 10);
    expect(pay?.rate).toBeCloseTo(0.03, 10);
    const office = all.find((l) => l.key === "JG|2050101|30201|办公费");
    expect([office?.prior, office?.current, office?.delta, office?.rate]).toEqual([3, 0, -3, -1]);
    // A line with no 上年 this year shows no 增幅.
    expect(all.find((l) => l.key.startsWith("JG|2050101|30102"))?.rate).toBe("");
  });

  it("leaves 上年预算 for the user to fill when no last year's lines are given", () => {
    const plan = planFor(zhenlai);
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblBudgetLines", "上年预算(填列)").every((v) => v === null)).toBe(true);
  });
});
