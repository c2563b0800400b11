/**
 * 上年预算 from last year's lines: each of this year's lines takes the amount of last year's line of the same unit,
 * 功能 code, 经济 code and item (last year's lines of one key added up); a line of last year with no match this year
 * is kept as a line of its own with 本年 0, so nothing of last year is lost.
 */
import type { BudgetLine, ExpenseKind } from "./model";

/** A line of last year's budget as the input gives it (万元). */
export interface PriorLine {
  readonly unitCode: string;
  readonly functionCode: string;
  readonly economicCode: string;
  readonly item: string;
  readonly amount: number;
}

/** The key two years' lines are matched by: unit, 功能 code, 经济 code and item. */
export function priorKey(line: {
  readonly unitCode: string;
  readonly functionCode: string;
  readonly economicCode: string;
  readonly item: string;
}): string {
  return [line.unitCode, line.functionCode, line.economicCode, line.item]
    .map((part) => part.trim())
    .join("\u0000");
}

/** Last year's lines of a key with no line this year: the key's parts and their amount added up. */
export interface UnmatchedPrior extends PriorLine {
  /** 人员经费 for a 301 or 303 款 (工资福利, 对个人和家庭的补助 of a school's staff), 公用经费 for 302, else 项目支出. */
  readonly expense: ExpenseKind;
}

/** The 支出类型 of a last-year line that has no line this year, from its 经济 款. */
export function expenseOfEconomicCode(economicCode: string): ExpenseKind {
  if (economicCode.startsWith("301")) return "人员经费";
  if (economicCode.startsWith("302")) return "公用经费";
  return "项目支出";
}

/**
 * This year's lines with their 上年预算 from last year's (the first line of a key takes the key's whole amount; a
 * repeated key this year gets 0), and last year's keys that no line of this year has, in their input order.
 */
export function matchPrior(
  lines: readonly BudgetLine[],
  prior: readonly PriorLine[],
): { readonly lines: BudgetLine[]; readonly unmatched: UnmatchedPrior[] } {
  const byKey = new Map<string, PriorLine>();
  for (const line of prior) {
    const key = priorKey(line);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, amount: seen.amount + line.amount } : line);
  }
  const used = new Set<string>();
  const matched = lines.map((line) => {
    const key = priorKey({ ...line, unitCode: line.unit.code });
    const last = byKey.get(key);
    if (!last || used.has(key)) return { ...line, prior: 0 };
    used.add(key);
    return { ...line, prior: last.amount };
  });
  const unmatched = [...byKey.entries()]
    .filter(([key]) => !used.has(key))
    .map(([, line]) => ({ ...line, expense: expenseOfEconomicCode(line.economicCode) }));
  return { lines: matched, unmatched };
}
