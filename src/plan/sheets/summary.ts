/**
 * 汇总: year-T spending by category (one row per budget line the other sheets registered, each a formula pointing
 * at its source cell) and by funding source, with a column chart and a pie chart, and the result of every check
 * (each a formula reading the verdict cell on its sheet) with the counts passed and failed.
 */
import { cellAddress } from "../address";
import type { BudgetLine } from "../context";
import { fx, SheetBuilder, str, val } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import { shownVerdict, stillHolds } from "./contents";
import { sameText } from "./exact";
import type { District, StatedCount } from "../../district/model";
import type { BuildContext } from "../context";
import type { ChartPlan, CheckPlan, SheetKey, SheetPlan } from "../types";
import { columnWidthPoints } from "../excelRules";
import { choosePrintSetup, columnWidths, lastColumnOnFirstPage } from "../print";
import { STYLES } from "../styles";
import { countChecks, NOT_APPLICABLE } from "../verdict";
import { sheetRef } from "../address";

export const summarySheet: SheetDefinition<"summary", undefined> = {
  key: "summary",
  nameZh: "汇总",
  nameEn: "Summary",
  titleZh: "教育经费预算汇总",
  titleEn: "Budget summary",
  tabColor: "404040",
  signed: true,
  needs: [],
  // One row per budget line and check the other sheets handed in.
  gathers: true,
  build: handsNothing(buildSummarySheet),
};

const SOURCES = [
  { key: "central", zh: "中央" },
  { key: "provincial", zh: "省级" },
  { key: "district", zh: "区级" },
  { key: "town", zh: "镇级" },
] as const;

const known = (line: BudgetLine) => SOURCES.reduce((s, src) => s + (line.bySource?.[src.key]?.value ?? 0), 0);

export function buildSummarySheet(ctx: BuildContext): SheetPlan<SheetKey> {
  const sb = new SheetBuilder(summarySheet, ctx);
  const T = ctx.district.budgetYear;
  sb.title(
    `${T}年教育经费预算汇总`,
    "单位: 万元。各行均引用来源工作表的单元格; 资金来源未注明的部分列入“未分来源”",
  );
  const lines = ctx.budgetLines;
  const headerRow = sb.row;
  const table = sb.table<BudgetLine>({
    name: "tblBudgetSummary",
    rows: lines,
    columns: [
      { key: "category", header: "支出类别", width: 18, style: "text", cell: (c) => val(c.item.category) },
      {
        key: "amount",
        header: `${T}年预算`,
        width: 14,
        style: "money",
        cell: (c) => fx(c.item.amount.ref, c.item.amount.value),
      },
      ...SOURCES.map((src) => ({
        key: src.key,
        header: src.zh,
        width: 12,
        style: "money" as const,
        cell: (c: { item: BudgetLine }) => {
          const e = c.item.bySource?.[src.key];
          return e ? fx(e.ref, e.value) : null;
        },
      })),
      {
        key: "unassigned",
        header: "未分来源",
        width: 12,
        style: "money",
        cell: (c) =>
          fx(
            `${c.ref("amount")}-SUM(${c.ref("central")}:${c.ref("town")})`,
            c.item.amount.value - known(c.item),
          ),
      },
    ],
    totals: { label: "合计", keys: ["amount", ...SOURCES.map((s) => s.key), "unassigned"] },
  });
  const sourceRows = [
    ...SOURCES.map((s) => ({ key: s.key as string, zh: s.zh })),
    { key: "unassigned", zh: "未分来源" },
  ];
  const bySource = sb.table({
    name: "tblBudgetBySource",
    rows: sourceRows,
    columns: [
      { key: "source", header: "资金来源", width: 18, cell: (c) => val(c.item.zh) },
      {
        key: "amount",
        header: `${T}年预算`,
        width: 14,
        style: "money",
        cell: (c) =>
          lines.length > 0 ? fx(table.total(c.item.key).local, table.total(c.item.key).value) : fx("0", 0),
      },
    ],
    totals: { label: "合计", keys: ["amount"] },
  });
  // The charts go under the two tables, side by side within the columns the first printed page holds: the
  // rows are kept free here, the columns are known once every table has set its widths.
  const chartTop = sb.row;
  if (lines.length > 0) sb.skip(CHART_ROWS + 1);
  otherStatedCounts(ctx, sb);
  checkList(ctx, sb);
  sb.freezeAt(headerRow + 1);
  sb.printSetup({
    orientation: "landscape",
    fitToWidth: true,
    repeatRows: `${headerRow + 1}:${headerRow + 1}`,
  });
  const built = sb.build();
  if (lines.length === 0) return built;
  const heading = { district: ctx.district.name, budgetYear: T };
  const print = choosePrintSetup(built, STYLES, heading, summarySheet.print);
  const [column, pie] = sideBySide(built, lastColumnOnFirstPage(built, print), chartTop);
  return {
    ...built,
    charts: [
      {
        type: "column",
        title: `${T}年预算支出构成 (万元)`,
        categories: table.range("category"),
        series: [{ name: "预算", values: table.range("amount") }],
        ...column,
      },
      {
        type: "pie",
        title: "资金来源",
        categories: bySource.range("source"),
        series: [{ name: "资金来源", values: bySource.range("amount") }],
        ...pie,
      },
    ],
  };
}

/** Rows a chart of 汇总 takes. */
export const CHART_ROWS = 16;

/**
 * Two charts' corners in the rows from `top`, side by side across columns A to `last`, split where the widths come
 * nearest to halves; one column only holds them one under the other.
 */
function sideBySide(sheet: SheetPlan, last: number, top: number): [ChartCorners, ChartCorners] {
  const bottom = top + CHART_ROWS - 1;
  if (last < 1)
    return [
      { from: cellAddress(top, 0), to: cellAddress(bottom, 0) },
      { from: cellAddress(bottom + 1, 0), to: cellAddress(bottom + CHART_ROWS, 0) },
    ];
  const widths = columnWidths(sheet, last).map(columnWidthPoints);
  const total = widths.reduce((a, b) => a + b, 0);
  let split = 0;
  let left = widths[0] ?? 0;
  for (let c = 1, sum = left; c < last; c++) {
    sum += widths[c] ?? 0;
    if (Math.abs(sum - total / 2) < Math.abs(left - total / 2)) [split, left] = [c, sum];
  }
  return [
    { from: cellAddress(top, 0), to: cellAddress(bottom, split) },
    { from: cellAddress(top, split + 1), to: cellAddress(bottom, last) },
  ];
}

type ChartCorners = Pick<ChartPlan, "from" | "to">;

/** Every check so far, each reading its verdict cell, then how many pass and fail. */
function checkList(ctx: BuildContext, sb: SheetBuilder): void {
  const checks = ctx.checks;
  const sheetName = (sheet: SheetKey) => ctx.definition(sheet).nameZh;
  sb.note("检查结果 (各行引用所在工作表的判定单元格)");
  const list = sb.table<CheckPlan>({
    name: "tblCheckResults",
    rows: [...checks],
    columns: [
      { key: "label", header: "检查项目", width: 40, style: "text", cell: (c) => val(c.item.labelZh) },
      {
        key: "sheet",
        header: "工作表",
        width: 10,
        cell: (c) => val(sheetName(c.item.sheet)),
      },
      {
        key: "pass",
        header: "结果",
        width: 8,
        style: "verdict",
        cell: (c) => fx(sheetRef(sheetName(c.item.sheet), c.item.cell), shownVerdict(c.item, ctx.verdicts)),
      },
      { key: "detail", header: "生成时说明", width: 50, style: "note", cell: (c) => val(c.item.detailZh) },
      stillHolds(ctx.verdicts),
    ],
  });
  if (checks.length > 0) {
    const range = list.range("pass");
    sb.passFail(range, range.split(":")[0] ?? range);
    sb.conditional(list.range("holds"), `${list.cell("holds", 0)}=${str(ctx.verdicts.no)}`, "warn");
  }
  const { passed, failed, notApplicable } = countChecks(checks);
  const kv = sb.keyValues([
    {
      key: "passed",
      label: "通过",
      cell: fx(checks.length > 0 ? sb.countPassed(list.range("pass")) : "0", passed),
      style: "integer",
    },
    {
      key: "failed",
      label: "未通过",
      cell: fx(checks.length > 0 ? sb.countFailed(list.range("pass")) : "0", failed),
      style: "integer",
    },
    {
      key: "notApplicable",
      label: "不适用",
      cell: fx(
        checks.length > 0 ? `COUNTIF(${list.range("pass")},${str(NOT_APPLICABLE)})` : "0",
        notApplicable,
      ),
      style: "integer",
    },
  ]);
  if (kv.failed) sb.conditional(kv.failed.local, `${kv.failed.local}>0`, "fail");
}

/** The word of a guarantee; a list whose name has it has each item marked as phrased so or not. */
const GUARANTEE = "确保";
const namesGuarantee = (label: string): boolean => label.includes(GUARANTEE);

/** Stated counts that name capital projects or planned kindergartens are checked on 基建 and 学前. */
function checkedElsewhere(district: District, stated: StatedCount): boolean {
  return stated.items.some(
    (item) =>
      district.projects.some((p) => sameText(p.name, item)) ||
      district.preschool.planned.some((k) => sameText(k.name, item)),
  );
}

/**
 * Every other count a source states next to its list (a heading that names four items and lists five): the items one per row, and
 * per statement the stated number against COUNTA of its items, with the difference.
 */
function otherStatedCounts(ctx: BuildContext, sb: SheetBuilder): void {
  const statements = ctx.district.statedCounts.filter((s) => !checkedElsewhere(ctx.district, s));
  if (statements.length === 0) return;
  sb.note("所述数量与所列项目核对 (差额 = 所述数 − 列出项数)");
  const items = statements.flatMap((s, index) =>
    s.items.map((item, i) => ({ index, label: s.label, n: i + 1, item })),
  );
  const list = sb.table({
    name: "tblStatedItems",
    rows: items,
    columns: [
      { key: "label", header: "所述", width: 30, style: "text", cell: (c) => val(c.item.label) },
      { key: "n", header: "序号", width: 6, style: "integer", cell: (c) => val(c.item.n) },
      { key: "item", header: "所列项目", width: 40, style: "text", cell: (c) => val(c.item.item) },
      // A list named for a guarantee may list items that are not phrased as one: each is marked.
      {
        key: "guarantee",
        header: "表述为“确保”",
        width: 10,
        cell: (c) =>
          namesGuarantee(c.item.label)
            ? fx(
                `IF(COUNTIF(${c.ref("item")},${str(`*${GUARANTEE}*`)})>0,"是","否")`,
                c.item.item.includes(GUARANTEE) ? "是" : "否",
              )
            : null,
      },
    ],
  });
  const firstItem = (index: number) => items.findIndex((x) => x.index === index);
  const counts = sb.table({
    name: "tblStatedCounts",
    rows: statements.map((s, index) => ({ s, index })),
    columns: [
      { key: "label", header: "所述", width: 30, style: "text", cell: (c) => val(c.item.s.label) },
      { key: "stated", header: "所述数", width: 8, style: "integer", cell: (c) => val(c.item.s.stated) },
      {
        key: "listed",
        header: "列出项数",
        width: 8,
        style: "integer",
        cell: (c) => {
          const n = c.item.s.items.length;
          if (n === 0) return fx("0", 0);
          const first = firstItem(c.item.index);
          return fx(`COUNTA(${list.cell("item", first)}:${list.cell("item", first + n - 1)})`, n);
        },
      },
      {
        key: "difference",
        header: "差额",
        width: 8,
        style: "integer",
        cell: (c) => fx(`${c.ref("stated")}-${c.ref("listed")}`, c.num("stated") - c.num("listed")),
      },
      {
        key: "ok",
        header: "一致",
        width: 8,
        style: "verdict",
        cell: (c) => sb.verdict(`${c.ref("difference")}=0`, c.num("difference") === 0),
      },
      {
        key: "guarantees",
        header: "其中表述为“确保”",
        width: 10,
        style: "integer",
        cell: (c) => {
          const n = c.item.s.items.length;
          if (!namesGuarantee(c.item.s.label) || n === 0) return null;
          const first = firstItem(c.item.index);
          return fx(
            `COUNTIF(${list.cell("guarantee", first)}:${list.cell("guarantee", first + n - 1)},"是")`,
            c.item.s.items.filter((item) => item.includes(GUARANTEE)).length,
          );
        },
      },
      { key: "source", header: "出处", width: 30, style: "note", cell: (c) => val(c.item.s.source || "—") },
    ],
  });
  const okRange = counts.range("ok");
  sb.passFail(okRange, okRange.split(":")[0] ?? okRange);
  statements.forEach((s, index) => {
    const listed = s.items.length;
    const difference = s.stated - listed;
    ctx.reconciliations.push({
      labelZh: `「${s.label}」: 所述数 − 列出项数`,
      labelEn: `"${s.label}": stated count − items listed`,
      sheet: "summary",
      difference: { ref: counts.absoluteCell("difference", index, true), value: difference },
    });
    sb.registerCheck(ctx, counts.cell("ok", index), {
      id: `summary.statedCount.${index}`,
      labelZh: `所述数量: ${s.label}`,
      labelEn: `Stated count: ${s.label}`,
      pass: difference === 0,
      detailZh: `所述 ${s.stated}, 列出 ${listed}${difference === 0 ? "" : `, 差 ${difference}`}`,
      detailEn: `stated ${s.stated}, listed ${listed}${difference === 0 ? "" : `, difference ${difference}`}`,
    });
  });
}
