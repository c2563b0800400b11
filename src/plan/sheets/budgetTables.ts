/**
 * The renderer of the 部门预算 tables: a layout of src/budget/tables.ts becomes a sheet whose every amount is a live
 * formula: rows of lines sum 预算明细 by exact match on its columns (SUMPRODUCT, see exact.ts), revenue rows read the
 * revenue table, sum rows add rows of the same table; 增减 and 增幅 follow. The layout's identities become a
 * reconciliation table, shown on 目录 with the others. A sheet of a layout is `layoutSheet(...)`: a province's table
 * is its layout and one such line.
 */
import { FUNDING_SOURCES, changeRateFormula, type BudgetLine } from "../../budget/model";
import {
  departmentSummaryLayout,
  generalBudgetLayout,
  matches,
  rowAmounts,
  type LayoutInput,
  type LayoutRow,
  type LineFilter,
  type TableLayout,
} from "../../budget/tables";
import { cellAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";
import type { BudgetLinesOutput } from "./budgetLines";

const SOURCE_ZH = new Map(FUNDING_SOURCES.map((s) => [s.key, s.zh]));

/** The definition of a sheet that renders one layout over 预算明细. */
export function layoutSheet<K extends string>(
  sheet: { readonly key: K; readonly nameZh: string; readonly nameEn: string; readonly tabColor: string },
  layout: (input: LayoutInput) => TableLayout,
): SheetDefinition<K, undefined> {
  const definition: SheetDefinition<K, undefined> = {
    ...sheet,
    titleEn: sheet.nameEn,
    needs: ["parameters", "schools"],
    // Without 预算明细 in the plan the table says so and stays empty.
    reads: ["budgetLines"],
    // The key is one of SheetKey once the definition is listed in index.ts (SheetKey is read from that list).
    build: handsNothing((ctx) => renderLayout(ctx, { ...sheet, key: sheet.key as SheetKey }, layout)),
  };
  return definition;
}

/** The SUMPRODUCT conditions of a filter over the lines table. */
function conditions(lines: TableResult, filter: LineFilter): string[] {
  const out: string[] = [];
  if (filter.source !== undefined)
    out.push(`(${lines.sheetRange("source")}=${str(SOURCE_ZH.get(filter.source) ?? "")})`);
  if (filter.lei !== undefined) out.push(`(${lines.sheetRange("lei")}=${str(filter.lei)})`);
  if (filter.functionCode !== undefined)
    out.push(`(${lines.sheetRange("functionCode")}=${str(filter.functionCode)})`);
  if (filter.basic !== undefined)
    out.push(`(${lines.sheetRange("basic")}=${str(filter.basic ? "基本支出" : "项目支出")})`);
  return out;
}

/** The sum of a column of the lines a filter selects. */
export function linesSumFormula(lines: TableResult, column: "prior" | "current", filter: LineFilter): string {
  const where = conditions(lines, filter);
  return where.length === 0
    ? `SUM(${lines.sheetRange(column)})`
    : `SUMPRODUCT(${where.join("*")}*${lines.sheetRange(column)})`;
}

const sumLines = (lines: readonly BudgetLine[], filter: LineFilter, pick: (l: BudgetLine) => number) =>
  lines.filter((l) => matches(l, filter)).reduce((s, l) => s + pick(l), 0);

function renderLayout(
  ctx: BuildContext,
  definition: { readonly key: SheetKey; readonly nameZh: string; readonly tabColor: string },
  makeLayout: (input: LayoutInput) => TableLayout,
): SheetPlan<SheetKey> {
  const out: BudgetLinesOutput | undefined = ctx.outputIfBuilt("budgetLines");
  const sb = new SheetBuilder(definition, ctx);
  const T = ctx.district.budgetYear;
  if (!out) {
    const layout = makeLayout({ lines: [], year: T });
    sb.title(`${ctx.district.name} ${T}年${layout.titleZh}`, "单位: 万元");
    sb.note("本表依据 预算明细 生成; 本工作簿未含 预算明细, 本表为空表。");
    return sb.build();
  }
  const layout = makeLayout({ lines: out.lines, year: T });
  sb.title(`${ctx.district.name} ${T}年${layout.titleZh}`, `单位: 万元。${layout.note}`);
  const revenueIndex = new Map(out.revenueRows.map((r, i) => [r.source, i]));
  const revenue = (pick: "priorValue" | "currentValue") =>
    new Map(out.revenueRows.map((r) => [r.source, r[pick]]));
  const current = rowAmounts(layout.rows, out.lines, revenue("currentValue"));
  const prior = rowAmounts(layout.rows, out.lines, revenue("priorValue"), (l) => l.prior);
  const basic = rowAmounts(layout.rows, out.lines, new Map(), (l) =>
    l.expense === "项目支出" ? 0 : l.current,
  );

  const keys = [
    ...(layout.codeColumn ? ["code"] : []),
    "label",
    "prior",
    "current",
    "delta",
    "rate",
    ...(layout.basicSplit ? ["basic", "project"] : []),
  ];
  const firstRow = sb.row + 1;
  const at = (key: string, row: number) => cellAddress(firstRow + row, keys.indexOf(key));
  const cellFor = (
    row: LayoutRow,
    i: number,
    column: "prior" | "current" | "basic",
    values: readonly number[],
  ): PlanCell => {
    const value = values[i] ?? 0;
    switch (row.kind) {
      case "lines": {
        const filter = column === "basic" ? { ...row.filter, basic: true } : row.filter;
        return fx(linesSumFormula(out.table, column === "prior" ? "prior" : "current", filter), value);
      }
      case "revenue": {
        if (column === "basic") return null;
        const index = revenueIndex.get(row.source);
        return index === undefined ? val(0) : fx(out.revenue.absoluteCell(column, index, true), value);
      }
      case "zero":
        return column === "basic" ? null : val(0);
      case "sum":
        return row.of.length === 0 ? fx("0", 0) : fx(row.of.map((j) => at(column, j)).join("+"), value);
    }
  };
  const rowsOf = layout.rows.map((row, i) => ({ row, i }));
  const table = sb.table({
    name: `tbl_${layout.key}`,
    rows: rowsOf,
    columns: [
      ...(layout.codeColumn
        ? [
            {
              key: "code",
              header: "科目编码",
              width: 10,
              style: "text" as const,
              cell: ({ item }: { item: (typeof rowsOf)[number] }) =>
                "code" in item.row && item.row.code !== undefined ? val(item.row.code) : null,
            },
          ]
        : []),
      { key: "label", header: "项目", width: 30, style: "text", cell: ({ item }) => val(item.row.label) },
      {
        key: "prior",
        header: "上年预算",
        width: 13,
        style: "money",
        cell: ({ item }) => cellFor(item.row, item.i, "prior", prior),
      },
      {
        key: "current",
        header: "本年预算",
        width: 13,
        style: "money",
        cell: ({ item }) => cellFor(item.row, item.i, "current", current),
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
      ...(layout.basicSplit
        ? [
            {
              key: "basic",
              header: "其中: 基本支出",
              width: 13,
              style: "money" as const,
              cell: ({ item }: { item: (typeof rowsOf)[number] }) =>
                cellFor(item.row, item.i, "basic", basic),
            },
            {
              key: "project",
              header: "项目支出",
              width: 13,
              style: "money" as const,
              cell: ({ ref, item }: { ref(key: string): string; item: (typeof rowsOf)[number] }) =>
                item.row.kind === "lines" || item.row.kind === "sum"
                  ? fx(`${ref("current")}-${ref("basic")}`, (current[item.i] ?? 0) - (basic[item.i] ?? 0))
                  : null,
            },
          ]
        : []),
    ],
  });
  if (layout.identities.length > 0) {
    sb.note("核对 Reconciliation");
    const check = sb.reconciliationTable(ctx, {
      name: `tbl_${layout.key}_check`,
      headers: { label: "核对项目", stated: "本表", parts: "应等于" },
      style: "money",
      rows: layout.identities.map((identity) => ({
        labelZh: identity.labelZh,
        labelEn: identity.labelEn,
        stated: { formula: table.cell("current", identity.stated), value: current[identity.stated] ?? 0 },
        parts:
          "row" in identity.parts
            ? {
                formula: table.cell("current", identity.parts.row),
                value: current[identity.parts.row] ?? 0,
              }
            : {
                formula: linesSumFormula(out.table, "current", identity.parts.lines),
                value: sumLines(out.lines, identity.parts.lines, (l) => l.current),
              },
      })),
    });
    // Each identity is also a check: 目录, 汇总 and the CLI list it with the others.
    const differences = check.values("difference").map(Number);
    layout.identities.forEach((identity, i) => {
      const difference = differences[i] ?? 0;
      sb.registerCheck(ctx, check.cell("ok", i), {
        id: `${layout.key}.identity.${i}`,
        labelZh: identity.labelZh.replace(" − ", " = "),
        labelEn: identity.labelEn.replace(" − ", " = "),
        pass: check.values("ok")[i] === sb.verdicts.pass,
        detailZh: `差额 ${difference.toFixed(2)} 万元`,
        detailEn: `difference ${difference.toFixed(2)} (10k yuan)`,
      });
    });
  }
  const header = table.headerRow + 1;
  return sb
    .freezeAt(header, keys.indexOf("label") + 1)
    .printSetup({ orientation: "portrait", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
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
);
