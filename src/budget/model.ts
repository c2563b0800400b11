/**
 * The 部门预算 model (budget reference §3): every line of the budget with its 单位, 支出功能分类 项, 部门预算支出经济分类
 * 款, 基本支出 (人员经费 / 公用经费) or 项目支出, funding source and the amounts of 上年预算 and 本年预算. The 控制数 of
 * 一下 and the 建议数 of 一上 are given per funding source, not per line (预算明细 compares them). The national tables
 * and a province's are renderers over these lines; the model does no I/O.
 */
import { classificationEdition, economicCodeOf, functionCodeOf } from "./codes";

/** 单位性质: the bureau is a 行政 unit, schools and kindergartens are 事业 units. */
export const UNIT_KINDS = ["行政", "事业"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 支出类型: 基本支出 is 人员经费 or 公用经费; 项目支出 is everything else. */
export const EXPENSE_KINDS = ["人员经费", "公用经费", "项目支出"] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/** Whether an expense kind is 基本支出. */
export const isBasic = (kind: ExpenseKind): boolean => kind !== "项目支出";

/** The revenue rows of the 部门收支总表 a line's money comes from (budget reference §3.3). */
export const FUNDING_SOURCES = [
  { key: "general", zh: "一般公共预算拨款收入" },
  { key: "fund", zh: "政府性基金预算拨款收入" },
  { key: "stateCapital", zh: "国有资本经营预算拨款收入" },
  { key: "business", zh: "事业收入" },
  { key: "other", zh: "其他收入" },
  { key: "carryOver", zh: "上年结转" },
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number]["key"];

export interface BudgetUnit {
  /** The unit's code (a school's code; the bureau's own). */
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKind;
}

export interface BudgetLine {
  readonly unit: BudgetUnit;
  /** 支出功能分类 项, 7 digits as text. */
  readonly functionCode: string;
  /** 部门预算支出经济分类 款, 5 digits as text. */
  readonly economicCode: string;
  readonly expense: ExpenseKind;
  readonly source: FundingSource;
  /** What the line is (基本工资, 住房公积金, a project's name). */
  readonly item: string;
  /** 上年预算, 万元 (0 when not given). */
  readonly prior: number;
  /** 本年预算, 万元. */
  readonly current: number;
}

/** Why a line is not a valid line of the edition of `year`; empty when it is. */
export function lineProblems(line: BudgetLine, year: number): string[] {
  const { edition } = classificationEdition(year);
  const problems: string[] = [];
  if (!/^\d{7}$/.test(line.functionCode) || !functionCodeOf(edition, line.functionCode))
    problems.push(`功能分类科目 ${line.functionCode} 不是 ${edition.year} 年版的项级科目`);
  if (!/^\d{5}$/.test(line.economicCode) || !economicCodeOf(edition, line.economicCode))
    problems.push(`经济分类科目 ${line.economicCode} 不是 ${edition.year} 年版的款级科目`);
  for (const [name, amount] of [
    ["上年预算", line.prior],
    ["本年预算", line.current],
  ] as const)
    if (!(Number.isFinite(amount) && amount >= 0)) problems.push(`${name} 须为不小于0的数 (得到 ${amount})`);
  return problems;
}

/** The 本年预算 and 上年预算 of some lines. */
export interface Amounts {
  readonly prior: number;
  readonly current: number;
}

/** The amounts of the lines grouped by `key`, in the order each group first appears. */
export function totalsBy(
  lines: readonly BudgetLine[],
  key: (line: BudgetLine) => string,
): Map<string, Amounts> {
  const out = new Map<string, Amounts>();
  for (const line of lines) {
    const k = key(line);
    const had = out.get(k) ?? { prior: 0, current: 0 };
    out.set(k, { prior: had.prior + line.prior, current: had.current + line.current });
  }
  return out;
}

/** The amounts of all the lines. */
export function total(lines: readonly BudgetLine[]): Amounts {
  return lines.reduce((sum, l) => ({ prior: sum.prior + l.prior, current: sum.current + l.current }), {
    prior: 0,
    current: 0,
  });
}

/** 增减 and 增幅 of a row: the change and the change over 上年预算 (undefined when 上年 is 0). */
export function change(amounts: Amounts): { readonly delta: number; readonly rate: number | undefined } {
  const delta = amounts.current - amounts.prior;
  return { delta, rate: amounts.prior === 0 ? undefined : delta / amounts.prior };
}

/** The Excel twin of `change`'s rate: "" where 上年 is 0. */
export function changeRateFormula(current: string, prior: string): string {
  return `IF(${prior}=0,"",(${current}-${prior})/${prior})`;
}
