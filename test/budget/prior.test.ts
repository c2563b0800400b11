import fc from "fast-check";
import type { BudgetLine } from "../../src/budget/model";
import { expenseOfEconomicCode, matchPrior, type PriorLine } from "../../src/budget/prior";

const unit = (code: string) => ({ code, name: code, kind: "事业" as const });
const line = (code: string, fn: string, ec: string, item: string, current: number): BudgetLine => ({
  unit: unit(code),
  functionCode: fn,
  economicCode: ec,
  expense: "人员经费",
  source: "general",
  item,
  prior: 0,
  current,
});
const prior = (
  unitCode: string,
  functionCode: string,
  economicCode: string,
  item: string,
  amount: number,
) => ({
  unitCode,
  functionCode,
  economicCode,
  item,
  amount,
});

describe("上年预算 matched from last year's lines", () => {
  it("gives each line the amount of last year's line of the same unit, codes and item", () => {
    const { lines, unmatched } = matchPrior(
      [line("S01", "2050202", "30101", "基本工资", 130), line("S01", "2050202", "30102", "津贴补贴", 50)],
      [prior("S01", "2050202", "30101", "基本工资", 120), prior("S01", "2050202", "30102", "津贴补贴", 40)],
    );
    expect(lines.map((l) => [l.prior, l.current])).toEqual([
      [120, 130],
      [40, 50],
    ]);
    expect(unmatched).toEqual([]);
  });

  it("keeps a line of last year that has no match this year, and gives a new line 上年 0", () => {
    const { lines, unmatched } = matchPrior(
      [line("S01", "2050202", "30101", "基本工资", 130)],
      [prior("S01", "2050203", "30101", "基本工资", 80), prior("JG", "2050101", "30201", "办公费", 5)],
    );
    expect(lines[0]?.prior).toBe(0);
    expect(unmatched).toEqual([
      { ...prior("S01", "2050203", "30101", "基本工资", 80), expense: "人员经费" },
      { ...prior("JG", "2050101", "30201", "办公费", 5), expense: "公用经费" },
    ]);
  });

  it("adds up last year's lines of one key and gives them to the first line of the key", () => {
    const { lines } = matchPrior(
      [line("S01", "2050202", "30101", "基本工资", 10), line("S01", "2050202", "30101", "基本工资", 20)],
      [prior("S01", "2050202", "30101", "基本工资", 3), prior("S01", "2050202", "30101", "基本工资", 4)],
    );
    expect(lines.map((l) => l.prior)).toEqual([7, 0]);
  });

  it("types a kept line by its 经济 款: 301 人员经费, 302 公用经费, others 项目支出", () => {
    expect(["30101", "30299", "30305", "31001"].map(expenseOfEconomicCode)).toEqual([
      "人员经费",
      "公用经费",
      "项目支出",
      "项目支出",
    ]);
  });

  it("loses nothing: this year's 上年 plus the kept lines add up to last year's total, and 本年 is unchanged", () => {
    const key = fc.record({
      unitCode: fc.constantFrom("S01", "S02", "JG"),
      functionCode: fc.constantFrom("2050202", "2050203"),
      economicCode: fc.constantFrom("30101", "30201", "30305"),
      item: fc.constantFrom("基本工资", "办公费", "补助"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer({ min: 0, max: 10_000 })), { maxLength: 12 }),
        fc.array(fc.tuple(key, fc.integer({ min: 0, max: 10_000 })), { maxLength: 12 }),
        (now, last) => {
          const lines = now.map(([k, v]) => line(k.unitCode, k.functionCode, k.economicCode, k.item, v));
          const priorLines: PriorLine[] = last.map(([k, v]) => ({ ...k, amount: v }));
          const result = matchPrior(lines, priorLines);
          const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
          expect(sum(result.lines.map((l) => l.prior)) + sum(result.unmatched.map((l) => l.amount))).toBe(
            sum(priorLines.map((l) => l.amount)),
          );
          expect(result.lines.map((l) => l.current)).toEqual(lines.map((l) => l.current));
        },
      ),
    );
  });
});
