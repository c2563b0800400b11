/**
 * The tables of the 部门预算 as layouts over the budget lines (budget reference §3): a layout says which rows a table
 * has and what each row sums (lines matching a filter, a revenue source, or other rows of the table); a renderer in
 * src/plan turns it into a sheet of live formulas. The national layouts are here; a province's variant (Sichuan's
 * 表1…表7, Yunnan's 18 tables) is another small file of layouts over the same lines.
 */
import { classificationEdition, codeLevels, type ClassCode } from "./codes";
import { FUNDING_SOURCES, isBasic, totalsBy, type BudgetLine, type FundingSource } from "./model";

/** Which lines a row sums; every given field must match. */
export interface LineFilter {
  readonly source?: FundingSource;
  /** The 类 of the 功能分类 code (3 digits). */
  readonly lei?: string;
  /** The 项 of the 功能分类 code (7 digits). */
  readonly functionCode?: string;
  /** 基本支出 (true) or 项目支出 (false). */
  readonly basic?: boolean;
}

export type LayoutRow =
  | {
      readonly kind: "lines";
      readonly label: string;
      readonly code?: string;
      readonly filter: LineFilter;
    }
  | { readonly kind: "revenue"; readonly label: string; readonly source: FundingSource }
  | {
      readonly kind: "sum";
      readonly label: string;
      readonly code?: string;
      /** Indexes of the rows of this layout it adds up. */
      readonly of: readonly number[];
    }
  /** A row with nothing in it yet (结转下年 of a budget that carries nothing forward). */
  | { readonly kind: "zero"; readonly label: string };

/**
 * A difference the table must not have: a row (by index) against another row (收入总计 = 支出总计) or against the
 * lines a filter selects on 预算明细 (the table's total = all the lines it should hold).
 */
export interface LayoutIdentity {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly stated: number;
  readonly parts: { readonly row: number } | { readonly lines: LineFilter };
}

export interface TableLayout {
  /** Stable ASCII key, also the sheet's key. */
  readonly key: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** The note an empty table carries, and what the table shows. */
  readonly note: string;
  readonly codeColumn: boolean;
  /** Also split 本年预算 into 基本支出 and 项目支出 (rows of kind "lines" and "sum" only). */
  readonly basicSplit: boolean;
  readonly rows: readonly LayoutRow[];
  readonly identities: readonly LayoutIdentity[];
}

/** What a layout is made from: the lines and the classification edition. */
export interface LayoutInput {
  readonly lines: readonly BudgetLine[];
  readonly year: number;
}

/** Whether a line matches a filter. */
export function matches(line: BudgetLine, filter: LineFilter): boolean {
  return (
    (filter.source === undefined || line.source === filter.source) &&
    (filter.lei === undefined || codeLevels(line.functionCode).lei === filter.lei) &&
    (filter.functionCode === undefined || line.functionCode === filter.functionCode) &&
    (filter.basic === undefined || isBasic(line.expense) === filter.basic)
  );
}

const REVENUE_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八"];

/** 部门收支总表 (national T1): revenue by source and spending by every 类, with 收入总计 = 支出总计. */
export function departmentSummaryLayout(input: LayoutInput): TableLayout {
  const { edition } = classificationEdition(input.year);
  const rows: LayoutRow[] = [];
  const ofYear = FUNDING_SOURCES.filter((s) => s.key !== "carryOver");
  ofYear.forEach((s, i) =>
    rows.push({ kind: "revenue", label: `${REVENUE_NUMERALS[i] ?? ""}、${s.zh}`, source: s.key }),
  );
  const revenueTotal = rows.length;
  rows.push({ kind: "sum", label: "本年收入合计", of: ofYear.map((_, i) => i) });
  const carry = rows.length;
  rows.push({ kind: "revenue", label: "上年结转", source: "carryOver" });
  const incomeTotal = rows.length;
  rows.push({ kind: "sum", label: "收入总计", of: [revenueTotal, carry] });
  const classes = edition.functions.filter((c) => c.code.length === 3);
  const first = rows.length;
  classes.forEach((c) => rows.push({ kind: "lines", label: c.name, code: c.code, filter: { lei: c.code } }));
  const expenseTotal = rows.length;
  rows.push({
    kind: "sum",
    label: "本年支出合计",
    of: classes.map((_, i) => first + i),
  });
  const forward = rows.length;
  rows.push({ kind: "zero", label: "结转下年" });
  const spendingTotal = rows.length;
  rows.push({ kind: "sum", label: "支出总计", of: [expenseTotal, forward] });
  return {
    key: "deptBudgetSummary",
    titleZh: "部门收支总表",
    titleEn: "Department revenue and expenditure",
    note: "收入按来源、支出按支出功能分类类级列示; 收入总计应等于支出总计",
    codeColumn: true,
    basicSplit: false,
    rows,
    identities: [
      {
        labelZh: "部门收支总表: 收入总计 − 支出总计",
        labelEn: "Department summary: total revenue − total expenditure",
        stated: incomeTotal,
        parts: { row: spendingTotal },
      },
      {
        labelZh: "部门收支总表: 本年支出合计 − 预算明细合计",
        labelEn: "Department summary: expenditure − all budget lines",
        stated: expenseTotal,
        parts: { lines: {} },
      },
    ],
  };
}

/**
 * 一般公共预算支出表 (national T5): the spending from 一般公共预算拨款 by 支出功能分类 to 项, each 类 and 款 the sum of
 * the rows under it, with 本年 split into 基本支出 and 项目支出.
 */
export function generalBudgetLayout(input: LayoutInput): TableLayout {
  const { edition } = classificationEdition(input.year);
  const general = input.lines.filter((l) => l.source === "general");
  const items = [...new Set(general.map((l) => l.functionCode))].sort();
  const rows: LayoutRow[] = [];
  const nameOf = (code: string) =>
    edition.functions.find((c: ClassCode) => c.code === code)?.name ?? "(未收录的科目)";
  const classRows: number[] = [];
  for (const lei of [...new Set(items.map((code) => codeLevels(code).lei))]) {
    const leiRow = rows.length;
    rows.push({ kind: "sum", label: nameOf(lei), code: lei, of: [] });
    const kuanRows: number[] = [];
    for (const kuan of [...new Set(items.filter((c) => c.startsWith(lei)).map((c) => codeLevels(c).kuan))]) {
      const kuanRow = rows.length;
      rows.push({ kind: "sum", label: nameOf(kuan), code: kuan, of: [] });
      const itemRows: number[] = [];
      for (const code of items.filter((c) => c.startsWith(kuan))) {
        itemRows.push(rows.length);
        rows.push({
          kind: "lines",
          label: nameOf(code),
          code,
          filter: { source: "general", functionCode: code },
        });
      }
      rows[kuanRow] = { kind: "sum", label: nameOf(kuan), code: kuan, of: itemRows };
      kuanRows.push(kuanRow);
    }
    rows[leiRow] = { kind: "sum", label: nameOf(lei), code: lei, of: kuanRows };
    classRows.push(leiRow);
  }
  const totalRow = rows.length;
  rows.push({ kind: "sum", label: "合计", of: classRows });
  return {
    key: "generalBudgetExpense",
    titleZh: "一般公共预算支出表",
    titleEn: "General public budget expenditure",
    note:
      general.length === 0
        ? "本部门本年无一般公共预算拨款安排的支出, 本表为空表"
        : "一般公共预算拨款安排的支出, 按支出功能分类列示到项级",
    codeColumn: true,
    basicSplit: true,
    rows,
    identities: [
      {
        labelZh: "一般公共预算支出表: 合计 − 预算明细中一般公共预算拨款合计",
        labelEn: "General budget table: total − budget lines from the general budget",
        stated: totalRow,
        parts: { lines: { source: "general" } },
      },
    ],
  };
}

/** The 本年 amount of each row, from the lines (revenue rows from `revenue`). */
export function rowAmounts(
  rows: readonly LayoutRow[],
  lines: readonly BudgetLine[],
  revenue: ReadonlyMap<FundingSource, number>,
  pick: (line: BudgetLine) => number = (line) => line.current,
): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    switch (row.kind) {
      case "lines":
        out[i] = lines.filter((l) => matches(l, row.filter)).reduce((s, l) => s + pick(l), 0);
        break;
      case "revenue":
        out[i] = revenue.get(row.source) ?? 0;
        break;
      case "zero":
        out[i] = 0;
        break;
      case "sum":
        out[i] = NaN;
    }
  });
  // Sums may refer to later rows (a 类 to its 款): resolve them after the rest.
  const resolve = (i: number, seen: Set<number>): number => {
    const row = rows[i];
    if (!row) return 0;
    if (row.kind !== "sum") return out[i] ?? 0;
    if (seen.has(i)) throw new Error(`layout row ${i} sums itself`);
    seen.add(i);
    return row.of.reduce((s, j) => s + resolve(j, seen), 0);
  };
  return rows.map((_, i) => resolve(i, new Set()));
}

/** The totals of the lines by 类: the grouping the 部门收支总表 uses (for tests and the 说明). */
export function byClass(lines: readonly BudgetLine[]) {
  return totalsBy(lines, (l) => codeLevels(l.functionCode).lei);
}
