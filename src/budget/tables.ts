/**
 * The tables of the 部门预算 as layouts over the budget lines (budget reference §3): a layout says which rows a table
 * has and what each row sums (lines matching a filter, a revenue source, or other rows of the table); a renderer in
 * src/plan turns it into a sheet of live formulas. The national layouts are here; a province's variant (Sichuan's
 * 表1…表7, Yunnan's 18 tables) is another small file of layouts over the same lines.
 */
import { classificationEdition, codeLevels, type ClassCode } from "./codes";
import {
  FUNDING_SOURCES,
  isBasic,
  totalsBy,
  type BudgetLine,
  type ExpenseKind,
  type FundingSource,
} from "./model";

/** Which lines a row sums; every given field must match. */
export interface LineFilter {
  readonly source?: FundingSource;
  /** Any of these sources (an empty list matches no line). */
  readonly sources?: readonly FundingSource[];
  /** The 类 of the 功能分类 code (3 digits). */
  readonly lei?: string;
  /** The 项 of the 功能分类 code (7 digits). */
  readonly functionCode?: string;
  /** 基本支出 (true) or 项目支出 (false). */
  readonly basic?: boolean;
  /** 人员经费, 公用经费 or 项目支出. */
  readonly expense?: ExpenseKind;
  /** The 经济分类 款 (5 digits). */
  readonly economicCode?: string;
  /** The unit's code. */
  readonly unit?: string;
  /** What the line is (a project's name). */
  readonly item?: string;
}

export type LayoutRow =
  | {
      readonly kind: "lines";
      readonly label: string;
      readonly code?: string;
      readonly filter: LineFilter;
      /** The texts of the layout's text columns (a project's 单位, 功能科目, 经济科目), in their order. */
      readonly texts?: readonly string[];
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
 * A column that splits 本年预算 (基本支出, 人员经费, a funding source): each row's lines that also match every
 * filter of the column. Revenue and zero rows leave it empty.
 */
export interface LayoutColumn {
  readonly key: string;
  readonly header: string;
  readonly filters: readonly LineFilter[];
}

/** The amount columns of every table, and what a split column's key may not be. */
export const AMOUNT_COLUMNS = ["prior", "current"] as const;

/**
 * One side of an identity: a row of a column of this table or of another layout's table (by its key), or the
 * lines a filter selects on 预算明细.
 */
export type IdentityTerm =
  | { readonly row: number; readonly column?: string; readonly layout?: string }
  | { readonly lines: LineFilter };

/**
 * A difference the table must not have: a row (by index, in `statedColumn`, 本年预算 when omitted) against the sum of
 * its parts: another row (收入总计 = 支出总计), a row of another table (the 一般公共预算 column of 财政拨款收支总表 =
 * the 合计 of 一般公共预算支出表) or the lines a filter selects on 预算明细. An empty list of parts is 0.
 */
export interface LayoutIdentity {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly stated: number;
  readonly statedColumn?: string;
  readonly parts: IdentityTerm | readonly IdentityTerm[];
}

export interface TableLayout {
  /** Stable ASCII key, also the sheet's key. */
  readonly key: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** The note an empty table carries, and what the table shows. */
  readonly note: string;
  readonly codeColumn: boolean;
  /** The header of the code column (科目编码 when omitted). */
  readonly codeHeader?: string;
  /** The header of the label column (项目 when omitted). */
  readonly labelHeader?: string;
  /** Text columns after the label (a project's 单位, 功能科目, 经济科目); each lines row gives its texts. */
  readonly textColumns?: readonly string[];
  /** Also split 本年预算 into 基本支出 and 项目支出 (rows of kind "lines" and "sum" only). */
  readonly basicSplit: boolean;
  /**
   * Each lines row names a few lines of its own (a project): its cells add up those lines' cells rather than search
   * all the lines, so a table of a row per project stays quick to compute.
   */
  readonly byLine?: boolean;
  /** Further columns splitting 本年预算, after 基本支出 / 项目支出. */
  readonly columns?: readonly LayoutColumn[];
  readonly rows: readonly LayoutRow[];
  readonly identities: readonly LayoutIdentity[];
}

/** The split columns of 基本支出 and 项目支出. */
export const BASIC_SPLIT: readonly LayoutColumn[] = [
  { key: "basic", header: "其中: 基本支出", filters: [{ basic: true }] },
  { key: "project", header: "项目支出", filters: [{ basic: false }] },
];

/** Every split column of a layout, in order. */
export function splitColumns(layout: TableLayout): readonly LayoutColumn[] {
  return [...(layout.basicSplit ? BASIC_SPLIT : []), ...(layout.columns ?? [])];
}

/** The parts of an identity as a list. */
export function identityTerms(identity: LayoutIdentity): readonly IdentityTerm[] {
  const parts = identity.parts;
  return Array.isArray(parts) ? parts : [parts as IdentityTerm];
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
    (filter.sources === undefined || filter.sources.includes(line.source)) &&
    (filter.lei === undefined || codeLevels(line.functionCode).lei === filter.lei) &&
    (filter.functionCode === undefined || line.functionCode === filter.functionCode) &&
    (filter.basic === undefined || isBasic(line.expense) === filter.basic) &&
    (filter.expense === undefined || line.expense === filter.expense) &&
    (filter.economicCode === undefined || line.economicCode === filter.economicCode) &&
    (filter.unit === undefined || line.unit.code === filter.unit) &&
    (filter.item === undefined || line.item === filter.item)
  );
}

/** Whether a line matches every filter. */
export const matchesAll = (line: BudgetLine, filters: readonly LineFilter[]): boolean =>
  filters.every((f) => matches(line, f));

/**
 * The 财政拨款 a department receives, the columns of the 财政拨款收支总表 (budget reference §3.3 T4): the funding
 * sources that are appropriations, with the header of each. Every other source is 其他资金.
 */
export const APPROPRIATIONS: readonly { readonly source: FundingSource; readonly header: string }[] = [
  { source: "general", header: "一般公共预算财政拨款" },
  { source: "fund", header: "政府性基金预算财政拨款" },
  { source: "stateCapital", header: "国有资本经营预算财政拨款" },
];
const APPROPRIATION_SOURCES: readonly FundingSource[] = APPROPRIATIONS.map((a) => a.source);
/** The sources of FUNDING_SOURCES that are not appropriations (事业收入, 其他收入, 上年结转 …). */
const OTHER_SOURCES: readonly FundingSource[] = FUNDING_SOURCES.map((s) => s.key).filter(
  (s) => !APPROPRIATION_SOURCES.includes(s),
);

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

/** A function-classification tree: each 类 and 款 the sum of the rows under it, the 项 rows lines; 合计 last. */
function functionTree(input: LayoutInput, base: LineFilter): { rows: LayoutRow[]; classRows: number[] } {
  const { edition } = classificationEdition(input.year);
  const selected = input.lines.filter((l) => matches(l, base));
  const items = [...new Set(selected.map((l) => l.functionCode))].sort();
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
        rows.push({ kind: "lines", label: nameOf(code), code, filter: { ...base, functionCode: code } });
      }
      rows[kuanRow] = { kind: "sum", label: nameOf(kuan), code: kuan, of: itemRows };
      kuanRows.push(kuanRow);
    }
    rows[leiRow] = { kind: "sum", label: nameOf(lei), code: lei, of: kuanRows };
    classRows.push(leiRow);
  }
  rows.push({ kind: "sum", label: "合计", of: classRows });
  return { rows, classRows };
}

/**
 * An economic-classification tree (部门预算支出经济分类): each 类 the sum of its 款, the 款 rows lines; 合计 last.
 */
export function economicTree(input: LayoutInput, base: LineFilter): LayoutRow[] {
  const { edition } = classificationEdition(input.year);
  const codes = [...new Set(input.lines.filter((l) => matches(l, base)).map((l) => l.economicCode))].sort();
  const nameOf = (code: string) =>
    edition.economics.find((c: ClassCode) => c.code === code)?.name ?? "(未收录的科目)";
  const rows: LayoutRow[] = [];
  const classRows: number[] = [];
  for (const lei of [...new Set(codes.map((c) => c.slice(0, 3)))]) {
    const leiRow = rows.length;
    classRows.push(leiRow);
    const of = codes.filter((c) => c.startsWith(lei)).map((_, i) => leiRow + 1 + i);
    rows.push({ kind: "sum", label: nameOf(lei), code: lei, of });
    for (const code of codes.filter((c) => c.startsWith(lei)))
      rows.push({ kind: "lines", label: nameOf(code), code, filter: { ...base, economicCode: code } });
  }
  rows.push({ kind: "sum", label: "合计", of: classRows });
  return rows;
}

/** The index of the row of a layout with this code (undefined when the table has none). */
export const rowOfCode = (layout: TableLayout, code: string): number | undefined => {
  const i = layout.rows.findIndex((r) => "code" in r && r.code === code);
  return i < 0 ? undefined : i;
};

/** The index of the row of a layout with this label; throws when there is none (a layout's own rows). */
export const rowOfLabel = (layout: TableLayout, label: string): number => {
  const i = layout.rows.findIndex((r) => r.label === label);
  if (i < 0) throw new Error(`layout ${layout.key} has no row ${label}`);
  return i;
};

/** The 合计 row: the last row of a tree layout. */
const lastRow = (layout: { readonly rows: readonly LayoutRow[] }): number => layout.rows.length - 1;

/**
 * The table of one appropriation by 支出功能分类 to 项 (一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算
 * 支出表), with 本年 split into 基本支出 and 项目支出; an empty one says so in its standard note.
 */
function appropriationTable(
  input: LayoutInput,
  spec: {
    readonly key: string;
    readonly source: FundingSource;
    readonly titleZh: string;
    readonly titleEn: string;
    readonly full: string;
    readonly empty: string;
  },
): TableLayout {
  const { rows } = functionTree(input, { source: spec.source });
  const empty = !input.lines.some((l) => l.source === spec.source);
  return {
    key: spec.key,
    titleZh: spec.titleZh,
    titleEn: spec.titleEn,
    note: empty ? spec.empty : spec.full,
    codeColumn: true,
    basicSplit: true,
    rows,
    identities: [
      {
        labelZh: `${spec.titleZh}: 合计 − 预算明细中${SOURCE_NAME(spec.source)}合计`,
        labelEn: `${spec.titleEn}: total − budget lines of the source`,
        stated: rows.length - 1,
        parts: { lines: { source: spec.source } },
      },
    ],
  };
}

const SOURCE_NAME = (source: FundingSource): string =>
  FUNDING_SOURCES.find((s) => s.key === source)?.zh ?? source;

/**
 * 一般公共预算支出表 (national T5): the spending from 一般公共预算拨款 by 支出功能分类 to 项, each 类 and 款 the sum of
 * the rows under it, with 本年 split into 基本支出 and 项目支出; its 基本支出 is the 一般公共预算基本支出表's 合计.
 */
export function generalBudgetLayout(input: LayoutInput): TableLayout {
  const table = appropriationTable(input, {
    key: "generalBudgetExpense",
    source: "general",
    titleZh: "一般公共预算支出表",
    titleEn: "General public budget expenditure",
    full: "一般公共预算拨款安排的支出, 按支出功能分类列示到项级",
    empty: "本部门本年无一般公共预算拨款安排的支出, 本表为空表",
  });
  const basic = generalBasicLayout(input);
  return {
    ...table,
    identities: [
      {
        labelZh: "一般公共预算支出表: 合计 − 预算明细中一般公共预算拨款合计",
        labelEn: "General budget table: total − budget lines from the general budget",
        stated: lastRow(table),
        parts: { lines: { source: "general" } },
      },
      {
        labelZh: "一般公共预算支出表: 基本支出 − 一般公共预算基本支出表 合计",
        labelEn: "General budget table: basic expenditure − basic expenditure table total",
        stated: lastRow(table),
        statedColumn: "basic",
        parts: { layout: basic.key, row: lastRow(basic) },
      },
    ],
  };
}

/** 政府性基金预算支出表 (national T8). */
export function governmentFundLayout(input: LayoutInput): TableLayout {
  return appropriationTable(input, {
    key: "governmentFundExpense",
    source: "fund",
    titleZh: "政府性基金预算支出表",
    titleEn: "Government fund budget expenditure",
    full: "政府性基金预算拨款安排的支出, 按支出功能分类列示到项级",
    empty: "本部门本年无政府性基金预算财政拨款安排, 本表为空表",
  });
}

/** 国有资本经营预算支出表 (national T9). */
export function stateCapitalLayout(input: LayoutInput): TableLayout {
  return appropriationTable(input, {
    key: "stateCapitalExpense",
    source: "stateCapital",
    titleZh: "国有资本经营预算支出表",
    titleEn: "State capital budget expenditure",
    full: "国有资本经营预算拨款安排的支出, 按支出功能分类列示到项级",
    empty: "本部门本年无国有资本经营预算财政拨款安排, 本表为空表",
  });
}

/** The table of each appropriation's spending, by source. */
const APPROPRIATION_TABLE: Readonly<Partial<Record<FundingSource, (input: LayoutInput) => TableLayout>>> = {
  general: generalBudgetLayout,
  fund: governmentFundLayout,
  stateCapital: stateCapitalLayout,
};

/**
 * 部门收入总表 (national T2): the money of each 单位 (the bureau, then each school) by funding source, one column
 * per source; its 合计 is the 部门收支总表's 收入总计.
 */
export function departmentIncomeLayout(input: LayoutInput): TableLayout {
  const units = [...new Map(input.lines.map((l) => [l.unit.code, l.unit])).values()];
  const rows: LayoutRow[] = units.map((u) => ({
    kind: "lines",
    label: u.name,
    code: u.code,
    filter: { unit: u.code },
  }));
  rows.push({ kind: "sum", label: "合计", of: units.map((_, i) => i) });
  const summary = departmentSummaryLayout(input);
  return {
    key: "deptIncome",
    titleZh: "部门收入总表",
    titleEn: "Department revenue",
    note:
      units.length === 0
        ? "本部门本年无收入预算, 本表为空表"
        : "按单位列示各单位预算的资金来源; 合计应等于部门收支总表的收入总计",
    codeColumn: true,
    codeHeader: "单位代码",
    labelHeader: "单位名称",
    byLine: true,
    basicSplit: false,
    columns: FUNDING_SOURCES.map((s) => ({
      key: `source_${s.key}`,
      header: s.zh,
      filters: [{ source: s.key }],
    })),
    rows,
    identities: [
      {
        labelZh: "部门收入总表: 合计 − 部门收支总表 收入总计",
        labelEn: "Department revenue: total − department summary total revenue",
        stated: lastRow({ rows }),
        parts: { layout: summary.key, row: rowOfLabel(summary, "收入总计") },
      },
    ],
  };
}

/**
 * 部门支出总表 (national T3): all the spending by 支出功能分类 类/款/项 with 基本支出 and 项目支出; each 类 is the
 * 部门收支总表's row of that 类.
 */
export function departmentExpenseLayout(input: LayoutInput): TableLayout {
  const { rows, classRows } = functionTree(input, {});
  const summary = departmentSummaryLayout(input);
  return {
    key: "deptExpense",
    titleZh: "部门支出总表",
    titleEn: "Department expenditure",
    note:
      input.lines.length === 0
        ? "本部门本年无支出预算, 本表为空表"
        : "按支出功能分类列示到项级, 分基本支出和项目支出",
    codeColumn: true,
    basicSplit: true,
    rows,
    identities: [
      {
        labelZh: "部门支出总表: 合计 − 预算明细合计",
        labelEn: "Department expenditure: total − all budget lines",
        stated: lastRow({ rows }),
        parts: { lines: {} },
      },
      ...classRows.map((i) => {
        const row = rows[i];
        const code = row && "code" in row ? (row.code ?? "") : "";
        const at = rowOfCode(summary, code);
        return {
          labelZh: `部门支出总表: ${code} ${row?.label ?? ""} − 部门收支总表 同类`,
          labelEn: `Department expenditure: class ${code} − department summary`,
          stated: i,
          parts: at === undefined ? [] : [{ layout: summary.key, row: at }],
        };
      }),
    ],
  };
}

/**
 * 财政拨款收支总表 (national T4): the 财政拨款 received by appropriation, and the spending they pay by 支出功能分类 类,
 * with a column per appropriation; each column is that appropriation's own table (一般公共预算支出表 by 类 too).
 */
export function fiscalSummaryLayout(input: LayoutInput): TableLayout {
  const { edition } = classificationEdition(input.year);
  const rows: LayoutRow[] = [{ kind: "sum", label: "一、本年收入", of: APPROPRIATIONS.map((_, i) => i + 1) }];
  APPROPRIATIONS.forEach((a) =>
    rows.push({ kind: "revenue", label: `    ${SOURCE_NAME(a.source)}`, source: a.source }),
  );
  const incomeTotal = rows.length;
  rows.push({ kind: "sum", label: "收入总计", of: [0] });
  const paid = input.lines.filter((l) => APPROPRIATION_SOURCES.includes(l.source));
  const classes = [...new Set(paid.map((l) => codeLevels(l.functionCode).lei))].sort();
  const first = rows.length;
  classes.forEach((lei) =>
    rows.push({
      kind: "lines",
      label: edition.functions.find((c) => c.code === lei)?.name ?? "(未收录的科目)",
      code: lei,
      filter: { lei, sources: APPROPRIATION_SOURCES },
    }),
  );
  const spendingTotal = rows.length;
  rows.push({ kind: "sum", label: "支出总计", of: classes.map((_, i) => first + i) });
  const general = generalBudgetLayout(input);
  return {
    key: "fiscalSummary",
    titleZh: "财政拨款收支总表",
    titleEn: "Appropriation revenue and expenditure",
    note:
      paid.length === 0
        ? "本部门本年无财政拨款安排的支出, 本表为空表"
        : "财政拨款收入按来源、支出按支出功能分类类级列示; 收入总计应等于支出总计",
    codeColumn: true,
    basicSplit: false,
    columns: APPROPRIATIONS.map((a) => ({
      key: a.source,
      header: a.header,
      filters: [{ source: a.source }],
    })),
    rows,
    identities: [
      {
        labelZh: "财政拨款收支总表: 收入总计 − 支出总计",
        labelEn: "Appropriation summary: total revenue − total expenditure",
        stated: incomeTotal,
        parts: { row: spendingTotal },
      },
      ...APPROPRIATIONS.flatMap((a) => {
        const table = APPROPRIATION_TABLE[a.source]?.(input);
        if (!table) return [];
        return [
          {
            labelZh: `财政拨款收支总表: ${a.header} − ${table.titleZh} 合计`,
            labelEn: `Appropriation summary: ${a.source} column − ${table.titleEn}`,
            stated: spendingTotal,
            statedColumn: a.source,
            parts: { layout: table.key, row: lastRow(table) },
          },
        ];
      }),
      ...classes.map((lei, i) => {
        const at = rowOfCode(general, lei);
        return {
          labelZh: `财政拨款收支总表: ${lei} 一般公共预算财政拨款 − 一般公共预算支出表 同类`,
          labelEn: `Appropriation summary: class ${lei} general column − general budget table`,
          stated: first + i,
          statedColumn: "general",
          parts: at === undefined ? [] : [{ layout: general.key, row: at }],
        };
      }),
    ],
  };
}

/**
 * 一般公共预算基本支出表 (national T6): 基本支出 from 一般公共预算拨款 by 部门预算支出经济分类 类/款, with 人员经费 and
 * 公用经费; 人员经费 is 301 + 303 and 公用经费 302 (+ any 310 in 基本支出).
 */
export function generalBasicLayout(input: LayoutInput): TableLayout {
  const base: LineFilter = { source: "general", basic: true };
  const rows = economicTree(input, base);
  const classRows = (codes: readonly string[]) =>
    codes.flatMap((code) => {
      const i = rows.findIndex((r) => "code" in r && r.code === code);
      return i < 0 ? [] : [{ row: i }];
    });
  const total = rows.length - 1;
  return {
    key: "generalBasicExpense",
    titleZh: "一般公共预算基本支出表",
    titleEn: "General budget basic expenditure",
    note:
      rows.length === 1
        ? "本部门本年无一般公共预算基本支出, 本表为空表"
        : "一般公共预算拨款安排的基本支出, 按部门预算支出经济分类列示到款级",
    codeColumn: true,
    codeHeader: "经济分类科目编码",
    basicSplit: false,
    columns: [
      { key: "personnel", header: "人员经费", filters: [{ expense: "人员经费" }] },
      { key: "publicFunds", header: "公用经费", filters: [{ expense: "公用经费" }] },
    ],
    rows,
    identities: [
      {
        labelZh: "一般公共预算基本支出表: 合计 − 预算明细中一般公共预算基本支出",
        labelEn: "Basic expenditure table: total − basic budget lines from the general budget",
        stated: total,
        parts: { lines: base },
      },
      {
        labelZh: "一般公共预算基本支出表: 人员经费 − (301 + 303)",
        labelEn: "Basic expenditure table: personnel − (301 + 303)",
        stated: total,
        statedColumn: "personnel",
        parts: classRows(["301", "303"]),
      },
      {
        labelZh: "一般公共预算基本支出表: 公用经费 − (302 + 310)",
        labelEn: "Basic expenditure table: public funds − (302 + 310)",
        stated: total,
        statedColumn: "publicFunds",
        parts: classRows(["302", "310"]),
      },
    ],
  };
}

/** The 经济分类 款 of each “三公” item (budget reference §3.3 T7; the mapping is standard practice). */
export const THREE_PUBLIC = [
  { key: "abroad", zh: "因公出国（境）费", economicCode: "30212" },
  { key: "reception", zh: "公务接待费", economicCode: "30217" },
  { key: "vehicleRunning", zh: "公务用车运行费", economicCode: "30231" },
  { key: "vehiclePurchase", zh: "公务用车购置费", economicCode: "31013" },
] as const;
export type ThreePublicKey = (typeof THREE_PUBLIC)[number]["key"];

/**
 * 一般公共预算“三公”经费支出表 (national T7): 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费 (其中: 运行费,
 * 购置费), from the lines of their 经济分类 款; each item is its 款 in the 基本支出表 plus its 项目支出.
 */
export function threePublicLayout(input: LayoutInput): TableLayout {
  const code = (key: ThreePublicKey) => THREE_PUBLIC.find((t) => t.key === key)?.economicCode ?? "";
  const lines = (key: ThreePublicKey): LayoutRow => ({
    kind: "lines",
    label: THREE_PUBLIC.find((t) => t.key === key)?.zh ?? key,
    code: code(key),
    filter: { source: "general", economicCode: code(key) },
  });
  const rows: LayoutRow[] = [
    { kind: "sum", label: "合计", of: [1, 2, 3] },
    lines("abroad"),
    lines("reception"),
    { kind: "sum", label: "公务用车购置及运行费", of: [4, 5] },
    { ...lines("vehicleRunning"), label: "    其中: 公务用车运行费" },
    { ...lines("vehiclePurchase"), label: "    公务用车购置费" },
  ];
  const basic = generalBasicLayout(input);
  const any = input.lines.some(
    (l) => l.source === "general" && THREE_PUBLIC.some((t) => t.economicCode === l.economicCode),
  );
  return {
    key: "threePublicExpense",
    titleZh: "一般公共预算“三公”经费支出表",
    titleEn: "General budget “three public” expenditure",
    note: any
      ? "一般公共预算拨款安排的“三公”经费 (因公出国（境）费、公务接待费、公务用车购置及运行费)"
      : "本部门本年无一般公共预算拨款安排的“三公”经费, 本表各项为0",
    codeColumn: true,
    codeHeader: "经济分类科目编码",
    basicSplit: false,
    rows,
    identities: THREE_PUBLIC.map((t) => {
      const row = rows.findIndex((r) => "code" in r && r.code === t.economicCode);
      const inBasic = rowOfCode(basic, t.economicCode);
      return {
        labelZh: `“三公”经费支出表: ${t.zh} − (基本支出表 ${t.economicCode} + 项目支出)`,
        labelEn: `Three public: ${t.key} − (basic table ${t.economicCode} + projects)`,
        stated: row,
        parts: [
          ...(inBasic === undefined ? [] : [{ layout: basic.key, row: inBasic }]),
          { lines: { source: "general" as const, economicCode: t.economicCode, basic: false } },
        ],
      };
    }),
  };
}

/**
 * 项目支出表 (budget reference §3.3 T10): each 项目支出 of each 单位 with its 功能 and 经济 codes, 合计 and its
 * 财政拨款 and 其他资金; its 合计 is the 部门支出总表's 项目支出.
 */
export function projectLayout(input: LayoutInput): TableLayout {
  const groups = new Map<string, BudgetLine>();
  for (const l of input.lines)
    if (!isBasic(l.expense))
      groups.set([l.unit.code, l.item, l.functionCode, l.economicCode].join("\u0000"), l);
  const rows: LayoutRow[] = [...groups.values()].map((l) => ({
    kind: "lines",
    label: l.item,
    texts: [l.unit.name, l.functionCode, l.economicCode],
    filter: {
      basic: false,
      unit: l.unit.code,
      item: l.item,
      functionCode: l.functionCode,
      economicCode: l.economicCode,
    },
  }));
  rows.push({ kind: "sum", label: "合计", of: rows.map((_, i) => i) });
  const expense = departmentExpenseLayout(input);
  return {
    key: "projectExpense",
    titleZh: "项目支出表",
    titleEn: "Project expenditure",
    note:
      groups.size === 0
        ? "本部门本年无项目支出, 本表为空表"
        : "各单位项目支出, 含资本性项目、学生资助和偿还债务; 合计应等于部门支出总表的项目支出",
    codeColumn: false,
    labelHeader: "项目名称",
    textColumns: ["单位", "功能科目", "经济科目"],
    byLine: true,
    basicSplit: false,
    columns: [
      { key: "appropriation", header: "财政拨款", filters: [{ sources: APPROPRIATION_SOURCES }] },
      { key: "otherFunds", header: "其他资金", filters: [{ sources: OTHER_SOURCES }] },
    ],
    rows,
    identities: [
      {
        labelZh: "项目支出表: 合计 − 预算明细中项目支出",
        labelEn: "Project table: total − project budget lines",
        stated: rows.length - 1,
        parts: { lines: { basic: false } },
      },
      {
        labelZh: "项目支出表: 合计 − 部门支出总表 项目支出",
        labelEn: "Project table: total − department expenditure projects",
        stated: rows.length - 1,
        parts: { layout: expense.key, row: lastRow(expense), column: "project" },
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
        out[i] = candidates(lines, row.filter)
          .filter((l) => matches(l, row.filter))
          .reduce((s, l) => s + pick(l), 0);
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

/** The lines by the value of each selective field, so that a table of a row per unit or project stays linear. */
const INDEXES = new WeakMap<readonly BudgetLine[], Map<string, BudgetLine[]>>();
const INDEXED = [
  ["unit", (l: BudgetLine) => l.unit.code],
  ["item", (l: BudgetLine) => l.item],
  ["functionCode", (l: BudgetLine) => l.functionCode],
  ["economicCode", (l: BudgetLine) => l.economicCode],
] as const;

/** The lines a filter may match: those sharing its most selective field, or all. */
function candidates(lines: readonly BudgetLine[], filter: LineFilter): readonly BudgetLine[] {
  const field = INDEXED.find(([key]) => filter[key] !== undefined);
  if (!field) return lines;
  let index = INDEXES.get(lines);
  if (!index) {
    index = new Map();
    for (const line of lines)
      for (const [key, of] of INDEXED) {
        const k = `${key}\u0000${of(line)}`;
        const list = index.get(k);
        if (list) list.push(line);
        else index.set(k, [line]);
      }
    INDEXES.set(lines, index);
  }
  return index.get(`${field[0]}\u0000${filter[field[0]] ?? ""}`) ?? [];
}

/** The lines that match a filter, in their order. */
export function linesMatching(lines: readonly BudgetLine[], filter: LineFilter): BudgetLine[] {
  return candidates(lines, filter).filter((l) => matches(l, filter));
}

/**
 * Every column of a layout, row by row: 上年预算 and 本年预算 (revenue rows from the revenue of each year) and each
 * split column (本年, the lines that also match the column's filters; revenue rows 0).
 */
export function layoutAmounts(
  layout: TableLayout,
  lines: readonly BudgetLine[],
  revenue: {
    readonly prior: ReadonlyMap<FundingSource, number>;
    readonly current: ReadonlyMap<FundingSource, number>;
  },
): Map<string, number[]> {
  const out = new Map<string, number[]>([
    ["prior", rowAmounts(layout.rows, lines, revenue.prior, (l) => l.prior)],
    ["current", rowAmounts(layout.rows, lines, revenue.current)],
  ]);
  for (const column of splitColumns(layout))
    out.set(
      column.key,
      rowAmounts(
        layout.rows,
        lines.filter((l) => matchesAll(l, column.filters)),
        new Map(),
      ),
    );
  return out;
}

/** The totals of the lines by 类: the grouping the 部门收支总表 uses (for tests and the 说明). */
export function byClass(lines: readonly BudgetLine[]) {
  return totalsBy(lines, (l) => codeLevels(l.functionCode).lei);
}
