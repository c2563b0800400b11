/**
 * The renderer of the 部门预算 tables: a layout of src/budget/tables.ts becomes a sheet whose every amount is a live
 * formula: rows of lines sum 预算明细 by exact match on its columns (SUMPRODUCT, see exact.ts), revenue rows read the
 * revenue table, sum rows add rows of the same table; 增减 and 增幅 follow. The layout's identities become a
 * reconciliation table, shown on 目录 with the others. A sheet of a layout is `layoutSheet(...)`: a province's table
 * is its layout and one such line.
 */
import { FUNDING_SOURCES, changeRateFormula, type BudgetLine } from "../../budget/model";
import {
  departmentExpenseLayout,
  departmentIncomeLayout,
  departmentSummaryLayout,
  fiscalSummaryLayout,
  generalBasicLayout,
  generalBudgetLayout,
  governmentFundLayout,
  identityTerms,
  layoutAmounts,
  linesMatching,
  matches,
  projectLayout,
  splitColumns,
  stateCapitalLayout,
  threePublicLayout,
  type LayoutInput,
  type LayoutRow,
  type LineFilter,
  type TableLayout,
} from "../../budget/tables";
import { cellAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, str, val, type Computed, type TableResult } from "../kit";
import type { SheetDefinition, SheetResult } from "../registry";
import type { CellExport } from "../context";
import { sheetRef } from "../address";
import type { PlanCell, SheetKey } from "../types";
import type { BudgetLinesOutput } from "./budgetLines";

const SOURCE_ZH = new Map(FUNDING_SOURCES.map((s) => [s.key, s.zh]));

/** A row of a rendered table and its 上年预算 and 本年预算 cells. */
export interface LayoutRowCells {
  readonly row: LayoutRow;
  readonly prior: CellExport;
  readonly current: CellExport;
}

/** What the sheet of a layout hands on: the layout, its table and every column's computed values. */
export interface LayoutOutput {
  readonly layout: TableLayout;
  readonly table: TableResult;
  readonly amounts: ReadonlyMap<string, readonly number[]>;
  /** Each row with its 上年预算 and 本年预算 cells (the 预算说明 quotes them). */
  readonly rows: readonly LayoutRowCells[];
}

/**
 * The definition of a sheet that renders one layout over 预算明细; `refers` are the sheets of the other layouts its
 * identities refer to (an identity whose table the plan does not hold is left out).
 */
export function layoutSheet<K extends string>(
  sheet: { readonly key: K; readonly nameZh: string; readonly nameEn: string; readonly tabColor: string },
  layout: (input: LayoutInput) => TableLayout,
  refers: readonly string[] = [],
): SheetDefinition<K, LayoutOutput | undefined> {
  const definition: SheetDefinition<K, LayoutOutput | undefined> = {
    ...sheet,
    titleEn: sheet.nameEn,
    needs: ["parameters", "schools"],
    // The bureau signs each table it submits.
    signed: true,
    // Without 预算明细 in the plan the table says so and stays empty.
    reads: ["budgetLines", ...(refers as readonly SheetKey[])],
    // The key is one of SheetKey once the definition is listed in index.ts (SheetKey is read from that list).
    build: (ctx) => renderLayout(ctx, { ...sheet, key: sheet.key as SheetKey }, layout),
  };
  return definition;
}

/**
 * The conditions of a filter on the lines table's columns, each `(cell=text)`, where `at` gives a column's range
 * (for SUMPRODUCT) or one line's cell; undefined when no line can match.
 */
function conditions(filter: LineFilter, at: (key: string) => string): string[] | undefined {
  const out: string[] = [];
  const eq = (key: string, text: string) => `(${at(key)}=${str(text)})`;
  if (filter.source !== undefined) out.push(eq("source", SOURCE_ZH.get(filter.source) ?? ""));
  if (filter.sources !== undefined) {
    if (filter.sources.length === 0) return undefined;
    out.push(`(${filter.sources.map((s) => eq("source", SOURCE_ZH.get(s) ?? "")).join("+")})`);
  }
  if (filter.lei !== undefined) out.push(eq("lei", filter.lei));
  if (filter.functionCode !== undefined) out.push(eq("functionCode", filter.functionCode));
  if (filter.basic !== undefined) out.push(eq("basic", filter.basic ? "基本支出" : "项目支出"));
  if (filter.expense !== undefined) out.push(eq("expense", filter.expense));
  if (filter.economicCode !== undefined) out.push(eq("economicCode", filter.economicCode));
  if (filter.unit !== undefined) out.push(eq("unitCode", filter.unit));
  if (filter.item !== undefined) out.push(eq("item", filter.item));
  return out;
}

const asList = (filter: LineFilter | readonly LineFilter[]): readonly LineFilter[] =>
  Array.isArray(filter) ? filter : [filter as LineFilter];

/** The conditions of every filter, or undefined when no line can match one of them. */
function allConditions(filters: readonly LineFilter[], at: (key: string) => string): string[] | undefined {
  const where: string[] = [];
  for (const f of filters) {
    const c = conditions(f, at);
    if (c === undefined) return undefined;
    where.push(...c);
  }
  return where;
}

/** The sum of a column of the lines that match a filter (or every one of several). */
export function linesSumFormula(
  lines: TableResult,
  column: "prior" | "current",
  filter: LineFilter | readonly LineFilter[],
): string {
  const where = allConditions(asList(filter), (key) => lines.sheetRange(key));
  if (where === undefined) return "0";
  return where.length === 0
    ? `SUM(${lines.sheetRange(column)})`
    : `SUMPRODUCT(${where.join("*")}*${lines.sheetRange(column)})`;
}

/**
 * The sum of a column of some lines (by their index on 预算明细) that match the filters: each line's cell, times the
 * conditions on its own cells.
 */
function ownLinesFormula(
  lines: TableResult,
  column: "prior" | "current",
  indexes: readonly number[],
  filters: readonly LineFilter[],
): string {
  if (indexes.length === 0) return "0";
  const terms = indexes.map((i) => {
    const at = (key: string) => lines.absoluteCell(key, i, true);
    const where = allConditions(filters, at);
    if (where === undefined) return undefined;
    return where.length === 0 ? at(column) : `${where.join("*")}*${at(column)}`;
  });
  if (terms.some((t) => t === undefined)) return "0";
  // A bare cell the user leaves empty (上年预算) is 0 in a sum.
  return filters.length === 0 ? `SUM(${terms.join(",")})` : terms.join("+");
}

/**
 * The sum of some rows of a column: their cells added ("C5+C6+C7"), or, where three or more follow one another, a
 * SUM over their ranges (a total of 20,000 units' rows as C5+C6+… would be longer than Excel's 8,192 characters).
 */
export function sumOfRows(rows: readonly number[], cell: (row: number) => string): string {
  const runs: { first: number; last: number }[] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    if (run && row === run.last + 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  if (runs.every((run) => run.last - run.first < 2)) return rows.map(cell).join("+");
  const parts = runs.flatMap(({ first, last }) =>
    last - first < 2
      ? Array.from({ length: last - first + 1 }, (_, k) => cell(first + k))
      : [`${cell(first)}:${cell(last)}`],
  );
  return `SUM(${parts.join(",")})`;
}

const sumLines = (lines: readonly BudgetLine[], filter: LineFilter, pick: (l: BudgetLine) => number) =>
  lines.filter((l) => matches(l, filter)).reduce((s, l) => s + pick(l), 0);

/** What another layout's sheet handed on, when the plan holds it. */
function layoutOutputOf(ctx: BuildContext, key: string): LayoutOutput | undefined {
  const out: unknown = ctx.outputIfBuilt(key as SheetKey);
  return typeof out === "object" && out !== null && "layout" in out && "amounts" in out
    ? (out as LayoutOutput)
    : undefined;
}

function renderLayout(
  ctx: BuildContext,
  definition: { readonly key: SheetKey; readonly nameZh: string; readonly tabColor: string },
  makeLayout: (input: LayoutInput) => TableLayout,
): SheetResult<LayoutOutput | undefined> {
  const out: BudgetLinesOutput | undefined = ctx.outputIfBuilt("budgetLines");
  const sb = new SheetBuilder(definition, ctx);
  const T = ctx.district.budgetYear;
  if (!out) {
    const layout = makeLayout({ lines: [], year: T });
    sb.title(`${ctx.district.name} ${T}年${layout.titleZh}`, "单位: 万元");
    sb.note("本表依据 预算明细 生成; 本工作簿未含 预算明细, 本表为空表。");
    return { plan: sb.build(), output: undefined };
  }
  const layout = makeLayout({ lines: out.lines, year: T });
  sb.title(`${ctx.district.name} ${T}年${layout.titleZh}`, `单位: 万元。${layout.note}`);
  const revenueIndex = new Map(out.revenueRows.map((r, i) => [r.source, i]));
  const revenue = (pick: "priorValue" | "currentValue") =>
    new Map(out.revenueRows.map((r) => [r.source, r[pick]]));
  const amounts = layoutAmounts(layout, out.lines, {
    prior: revenue("priorValue"),
    current: revenue("currentValue"),
  });
  const valuesOf = (key: string): readonly number[] => amounts.get(key) ?? [];
  const current = valuesOf("current");
  const prior = valuesOf("prior");
  const splits = splitColumns(layout);
  const texts = (layout.textColumns ?? []).map((header, i) => ({ header, key: `text${i}` }));

  const keys = [
    ...(layout.codeColumn ? ["code"] : []),
    "label",
    ...texts.map((t) => t.key),
    "prior",
    "current",
    "delta",
    "rate",
    ...splits.map((c) => c.key),
  ];
  const position = new Map(out.lines.map((l, i) => [l, i]));
  const ownLines = (filter: LineFilter) => linesMatching(out.lines, filter).map((l) => position.get(l) ?? -1);
  const firstRow = sb.row + 1;
  const at = (key: string, row: number) => cellAddress(firstRow + row, keys.indexOf(key));
  const cellFor = (row: LayoutRow, i: number, column: string): PlanCell => {
    const value = valuesOf(column)[i] ?? 0;
    const split = splits.find((c) => c.key === column);
    switch (row.kind) {
      case "lines": {
        const amount = column === "prior" ? "prior" : "current";
        const filters = [row.filter, ...(split?.filters ?? [])];
        return layout.byLine
          ? fx(ownLinesFormula(out.table, amount, ownLines(row.filter), split?.filters ?? []), value)
          : fx(linesSumFormula(out.table, amount, filters), value);
      }
      case "revenue": {
        if (split) return null;
        const index = revenueIndex.get(row.source);
        return index === undefined ? val(0) : fx(out.revenue.absoluteCell(column, index, true), value);
      }
      case "zero":
        return split ? null : val(0);
      case "sum":
        return row.of.length === 0
          ? fx("0", 0)
          : fx(
              sumOfRows(row.of, (j) => at(column, j)),
              value,
            );
    }
  };
  type Item = { readonly row: LayoutRow; readonly i: number };
  const rowsOf: Item[] = layout.rows.map((row, i) => ({ row, i }));
  const table = sb.table<Item>({
    name: `tbl_${layout.key}`,
    rows: rowsOf,
    columns: [
      ...(layout.codeColumn
        ? [
            {
              key: "code",
              header: layout.codeHeader ?? "科目编码",
              width: 10,
              style: "text" as const,
              cell: ({ item }: { item: Item }) =>
                "code" in item.row && item.row.code !== undefined ? val(item.row.code) : null,
            },
          ]
        : []),
      {
        key: "label",
        header: layout.labelHeader ?? "项目",
        width: 30,
        style: "text",
        cell: ({ item }) => val(item.row.label),
      },
      ...texts.map((t, n) => ({
        key: t.key,
        header: t.header,
        width: n === 0 ? 20 : 9,
        style: "text" as const,
        cell: ({ item }: { item: Item }) => {
          const text = item.row.kind === "lines" ? item.row.texts?.[n] : undefined;
          return text === undefined ? null : val(text);
        },
      })),
      {
        key: "prior",
        header: "上年预算",
        width: 13,
        style: "money",
        cell: ({ item }) => cellFor(item.row, item.i, "prior"),
      },
      {
        key: "current",
        header: "本年预算",
        width: 13,
        style: "money",
        cell: ({ item }) => cellFor(item.row, item.i, "current"),
      },
      {
        key: "delta",
        header: "增减",
        width: 12,
        style: "money",
        cell: ({ ref, item }) =>
          fx(`${ref("current")}-${ref("prior")}`, (current[item.i] ?? 0) - (prior[item.i] ?? 0)),
      },
      {
        key: "rate",
        header: "增幅",
        width: 9,
        style: "rate",
        cell: ({ ref, item }) => {
          const before = prior[item.i] ?? 0;
          return fx(
            changeRateFormula(ref("current"), ref("prior")),
            before === 0 ? "" : ((current[item.i] ?? 0) - before) / before,
          );
        },
      },
      ...splits.map((c) => ({
        key: c.key,
        header: c.header,
        width: 13,
        style: "money" as const,
        cell: ({ item }: { item: Item }) => cellFor(item.row, item.i, c.key),
      })),
    ],
  });
  const cellOf = (column: "prior" | "current", i: number, values: readonly number[]): CellExport => ({
    ref: sheetRef(definition.nameZh, table.absoluteCell(column, i)),
    value: values[i] ?? 0,
  });
  const rows = layout.rows.map((row, i) => ({
    row,
    prior: cellOf("prior", i, prior),
    current: cellOf("current", i, current),
  }));
  const output: LayoutOutput = { layout, table, amounts, rows };
  // The identities whose tables this plan holds, each side a formula and its value.
  const identities = layout.identities.flatMap((identity) => {
    const parts: Computed[] = [];
    for (const term of identityTerms(identity)) {
      if ("lines" in term) {
        parts.push({
          formula: linesSumFormula(out.table, "current", term.lines),
          value: sumLines(out.lines, term.lines, (l) => l.current),
        });
        continue;
      }
      const source = term.layout === undefined ? output : layoutOutputOf(ctx, term.layout);
      if (!source) return [];
      const column = term.column ?? "current";
      parts.push({
        formula: source.table.cell(column, term.row, term.layout !== undefined),
        value: source.amounts.get(column)?.[term.row] ?? 0,
      });
    }
    const column = identity.statedColumn ?? "current";
    return [
      {
        identity,
        stated: {
          formula: table.cell(column, identity.stated),
          value: valuesOf(column)[identity.stated] ?? 0,
        },
        parts: {
          formula: parts.length === 0 ? "0" : parts.map((p) => p.formula).join("+"),
          value: parts.reduce((sum, p) => sum + p.value, 0),
        },
      },
    ];
  });
  if (identities.length > 0) {
    sb.note("核对 Reconciliation");
    const check = sb.reconciliationTable(ctx, {
      name: `tbl_${layout.key}_check`,
      headers: { label: "核对项目", stated: "本表", parts: "应等于" },
      style: "money",
      rows: identities.map(({ identity, stated, parts }) => ({
        labelZh: identity.labelZh,
        labelEn: identity.labelEn,
        stated,
        parts,
      })),
    });
    // Each identity is also a check: 目录, 汇总 and the CLI list it with the others.
    const differences = check.values("difference").map(Number);
    identities.forEach(({ identity }, i) => {
      const difference = differences[i] ?? 0;
      sb.registerCheck(ctx, check.cell("ok", i), {
        id: `${layout.key}.identity.${layout.identities.indexOf(identity)}`,
        labelZh: identity.labelZh.replace(" − ", " = "),
        labelEn: identity.labelEn.replace(" − ", " = "),
        pass: check.values("ok")[i] === sb.verdicts.pass,
        detailZh: `差额 ${difference.toFixed(2)} 万元`,
        detailEn: `difference ${difference.toFixed(2)} (10k yuan)`,
      });
    });
  }
  const header = table.headerRow + 1;
  const plan = sb
    .freezeAt(header, keys.indexOf("label") + 1)
    .printSetup({ orientation: "portrait", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
  return { plan, output };
}

/** 部门收支总表 (national T1). */
export const departmentSummarySheet = layoutSheet(
  {
    key: "deptBudgetSummary",
    nameZh: "部门收支总表",
    nameEn: "Dept. revenue and expenditure",
    tabColor: "375623",
  },
  departmentSummaryLayout,
);

/** 一般公共预算支出表 (national T5, to 项). */
export const generalBudgetSheet = layoutSheet(
  {
    key: "generalBudgetExpense",
    nameZh: "一般公共预算支出表",
    nameEn: "General budget expenditure",
    tabColor: "375623",
  },
  generalBudgetLayout,
  ["generalBasicExpense"],
);

/** 部门收入总表 (national T2, by 单位 with a column per funding source). */
export const departmentIncomeSheet = layoutSheet(
  { key: "deptIncome", nameZh: "部门收入总表", nameEn: "Dept. revenue", tabColor: "375623" },
  departmentIncomeLayout,
  ["deptBudgetSummary"],
);

/** 部门支出总表 (national T3, 功能 类/款/项 with 基本支出 and 项目支出). */
export const departmentExpenseSheet = layoutSheet(
  { key: "deptExpense", nameZh: "部门支出总表", nameEn: "Dept. expenditure", tabColor: "375623" },
  departmentExpenseLayout,
  ["deptBudgetSummary"],
);

/** 财政拨款收支总表 (national T4). */
export const fiscalSummarySheet = layoutSheet(
  {
    key: "fiscalSummary",
    nameZh: "财政拨款收支总表",
    nameEn: "Appropriation summary",
    tabColor: "375623",
  },
  fiscalSummaryLayout,
  ["generalBudgetExpense", "governmentFundExpense", "stateCapitalExpense"],
);

/** 一般公共预算基本支出表 (national T6, 经济分类 to 款). */
export const generalBasicSheet = layoutSheet(
  {
    key: "generalBasicExpense",
    nameZh: "一般公共预算基本支出表",
    nameEn: "General budget basic expenditure",
    tabColor: "375623",
  },
  generalBasicLayout,
);

/** 一般公共预算“三公”经费支出表 (national T7). */
export const threePublicSheet = layoutSheet(
  {
    key: "threePublicExpense",
    nameZh: "一般公共预算三公经费支出表",
    nameEn: "Three public expenditure",
    tabColor: "375623",
  },
  threePublicLayout,
  ["generalBasicExpense"],
);

/** 政府性基金预算支出表 (national T8). */
export const governmentFundSheet = layoutSheet(
  {
    key: "governmentFundExpense",
    nameZh: "政府性基金预算支出表",
    nameEn: "Government fund expenditure",
    tabColor: "375623",
  },
  governmentFundLayout,
);

/** 国有资本经营预算支出表 (national T9). */
export const stateCapitalSheet = layoutSheet(
  {
    key: "stateCapitalExpense",
    nameZh: "国有资本经营预算支出表",
    nameEn: "State capital expenditure",
    tabColor: "375623",
  },
  stateCapitalLayout,
);

/** 项目支出表 (T10). */
export const projectExpenseSheet = layoutSheet(
  { key: "projectExpense", nameZh: "项目支出表", nameEn: "Project expenditure", tabColor: "375623" },
  projectLayout,
  ["deptExpense"],
);
