/**
 * A province's variant is a small file of layouts over the same lines: Sichuan's 表2-1 财政拨款支出预算表（部门经济
 * 分类科目） (budget reference §3.2 D), the 财政拨款 by 部门预算支出经济分类 类/款 with 基本支出 and 项目支出, and its
 * 表3-2 一般公共预算项目支出预算表. Not part of the default workbook; `layoutSheet` renders either.
 */
import {
  APPROPRIATIONS,
  economicTree,
  fiscalSummaryLayout,
  generalBudgetLayout,
  rowOfLabel,
  type LayoutInput,
  type TableLayout,
} from "../tables";

/** 表2-1 财政拨款支出预算表（部门经济分类科目）. */
export function sichuanTable2_1(input: LayoutInput): TableLayout {
  const rows = economicTree(input, { sources: APPROPRIATIONS.map((a) => a.source) });
  return {
    key: "sichuanTable2_1",
    titleZh: "财政拨款支出预算表（部门经济分类科目）",
    titleEn: "Appropriation expenditure by economic classification",
    note:
      rows.length === 1
        ? "本部门本年无财政拨款安排的支出, 本表为空表"
        : "财政拨款安排的支出, 按部门经济分类列示到款级",
    codeColumn: true,
    codeHeader: "经济分类科目编码",
    basicSplit: true,
    rows,
    identities: [
      {
        labelZh: "表2-1: 合计 − 财政拨款收支总表 支出总计",
        labelEn: "Table 2-1: total − appropriation summary expenditure",
        stated: rows.length - 1,
        parts: { layout: "fiscalSummary", row: rowOfLabel(fiscalSummaryLayout(input), "支出总计") },
      },
    ],
  };
}

/** 表3-2 一般公共预算项目支出预算表: the national 一般公共预算支出表's rows, 项目支出 only. */
export function sichuanTable3_2(input: LayoutInput): TableLayout {
  const national = generalBudgetLayout({
    ...input,
    lines: input.lines.filter((l) => l.expense === "项目支出"),
  });
  return {
    ...national,
    key: "sichuanTable3_2",
    titleZh: "一般公共预算项目支出预算表",
    basicSplit: false,
    rows: national.rows.map((r) =>
      r.kind === "lines" ? { ...r, filter: { ...r.filter, basic: false } } : r,
    ),
    identities: [
      {
        labelZh: "表3-2: 合计 − 预算明细中一般公共预算项目支出",
        labelEn: "Table 3-2: total − general budget project lines",
        stated: national.rows.length - 1,
        parts: { lines: { source: "general", basic: false } },
      },
    ],
  };
}
