/**
 * 债务: the debt items and their repayment steps, the stated total reconciled with the sum of the items
 * (RECONCILE as ROUND(stated − Σ, 2)), and the repayment plan to the term end (REPAY_SCHEDULE as formulas: each year
 * pays the earliest unpaid steps up to what it can repay).
 */
import type { Debts } from "../../district/model";
import { DEBT_STEPS } from "../../district/model";
import {
  reconcile,
  reconcileFormula,
  reconciles,
  reconcilesFormula,
  repayFormula,
  repaySchedule,
  unpaidFormula,
} from "../../domain/debt";
import { cellAddress, rangeAddress, sheetRef } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, val } from "../kit";
import type { SheetDefinition, SheetResult } from "../registry";
import type { PlanCell } from "../types";

/** The repayment schedule's year-T total and its whole range (value: unpaid at the term's end), in 万元. */
export interface DebtSchedule {
  readonly repaymentYearT: CellExport;
  readonly scheduleRange: CellExport;
  /** What each year of the schedule repays in all (T first), 万元. */
  readonly byYear: readonly (CellExport & { readonly year: number })[];
  /** The amount of all the steps together (what the schedule starts from), 万元. */
  readonly total: CellExport;
}

/** What 债务 hands on: its repayment schedule, when the district has debts and a capacity to repay in the term. */
export interface DebtOutput {
  readonly schedule: DebtSchedule | undefined;
}

export const debtSheet: SheetDefinition<"debt", DebtOutput> = {
  key: "debt",
  nameZh: "债务",
  nameEn: "Debt",
  titleZh: "教育债务: 分步偿还与核对",
  titleEn: "Debt",
  tabColor: "C00000",
  needs: [],
  build: buildDebtSheet,
};

const money = (x: number) => x.toFixed(2);

export function buildDebtSheet(ctx: BuildContext): SheetResult<DebtOutput> {
  const sb = new SheetBuilder(debtSheet, ctx);
  sb.title(
    "教育债务: 分步偿还与核对",
    "单位: 万元。所述总额与分项之和核对; 还款计划按步骤先后、每年偿还能力安排到本届政府任期末",
  );
  const debts = ctx.district.debts;
  if (!debts) {
    sb.note("本区未录入教育债务 (债务数据为空), 本表不作计算。");
    return { plan: sb.build(), output: { schedule: undefined } };
  }
  const headerRow = sb.row;
  const items = sb.table({
    name: "tblDebts",
    rows: debts.items,
    columns: [
      { key: "item", header: "欠款项目", width: 30, style: "text", cell: (c) => val(c.item.item) },
      { key: "category", header: "类别", width: 12, style: "text", cell: (c) => val(c.item.category) },
      { key: "amount", header: "金额(万元)", width: 14, style: "money", cell: (c) => val(c.item.amount) },
      { key: "step", header: "偿还步骤", width: 10, style: "integer", cell: (c) => val(c.item.step) },
    ],
    totals: { label: "分项合计", keys: ["amount"] },
  });
  sb.validation(items.range("step"), DEBT_STEPS.map(String), "偿还步骤必须是 1、2、3 或 4");
  const subtotals = DEBT_STEPS.map((step) =>
    debts.items.filter((d) => d.step === step).reduce((s, d) => s + d.amount, 0),
  );
  const steps = sb.table({
    name: "tblDebtSteps",
    rows: [...DEBT_STEPS],
    columns: [
      { key: "step", header: "步骤", width: 10, style: "integer", cell: (c) => val(c.item) },
      {
        key: "subtotal",
        header: "小计(万元)",
        width: 14,
        style: "money",
        cell: (c) =>
          fx(
            `SUMIF(${items.range("step")},${c.ref("step")},${items.range("amount")})`,
            subtotals[c.index] ?? 0,
          ),
      },
      {
        key: "cumulative",
        header: "累计(万元)",
        width: 14,
        style: "money",
        cell: (c) =>
          fx(
            `SUM(${c.fromFirst("subtotal")})`,
            subtotals.slice(0, c.index + 1).reduce((s, x) => s + x, 0),
          ),
      },
    ],
  });
  reconciliation(ctx, sb, debts, items.range("amount"));
  const repayment = schedule(ctx, sb, debts, subtotals, (i) => steps.cell("subtotal", i));
  sb.freezeAt(headerRow + 1);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return { plan: sb.build(), output: { schedule: repayment } };
}

function reconciliation(ctx: BuildContext, sb: SheetBuilder, debts: Debts, amounts: string): void {
  const parts = debts.items.map((d) => d.amount);
  const sum = parts.reduce((s, x) => s + x, 0);
  const difference = reconcile(debts.statedTotal, parts);
  const statedLocal = cellAddress(sb.row, 1);
  const diffLocal = cellAddress(sb.row + 2, 1);
  const kv = sb.keyValues([
    {
      key: "stated",
      label: "所述总额",
      cell: val(debts.statedTotal),
      style: "money",
      note: debts.statedSource,
    },
    { key: "sum", label: "分项之和", cell: fx(`SUM(${amounts})`, sum), style: "money" },
    {
      key: "difference",
      label: "差额(所述 − 分项)",
      cell: fx(reconcileFormula(statedLocal, [amounts]), difference),
      style: "money",
      note:
        difference === 0
          ? "分项与所述总额一致"
          : "分项之和与所述总额不符; 还款计划按分项之和安排, 差额需核实 (可能是不同时点的利息或抄录错误)",
    },
    {
      key: "ok",
      label: "分项与总额相符",
      cell: sb.verdict(reconcilesFormula(diffLocal), reconciles(difference)),
      style: "verdict",
    },
  ]);
  sb.conditional(diffLocal, `${diffLocal}<>0`, "fail");
  const ok = kv.ok;
  const diff = kv.difference;
  if (!ok || !diff) return;
  ctx.reconciliations.push({
    labelZh: "教育债务: 所述总额 − 分项之和",
    labelEn: "Education debt: stated total − sum of the items",
    sheet: "debt",
    difference: { ref: diff.ref, value: difference },
  });
  sb.check(ctx, ok.local, {
    id: "debt.reconcile",
    labelZh: "债务分项与所述总额相符",
    labelEn: "Debt items add up to the stated total",
    pass: reconciles(difference),
    detailZh: `所述 ${money(debts.statedTotal)} − 分项 ${money(sum)} = ${money(difference)} 万元`,
    detailEn: `stated ${money(debts.statedTotal)} − items ${money(sum)} = ${money(difference)} (10k yuan)`,
  });
}

function schedule(
  ctx: BuildContext,
  sb: SheetBuilder,
  debts: Debts,
  subtotals: readonly number[],
  subtotalRef: (i: number) => string,
): DebtSchedule | undefined {
  const T = ctx.district.budgetYear;
  const term = ctx.district.termEndYear;
  // Years after the term end do not count towards repaying within the term.
  const capacities = debts.annualCapacity.slice(0, Math.max(0, term - T + 1));
  const years = capacities.map((_, y) => T + y);
  sb.note(
    `还款计划: 每年按步骤先后偿还, 不超过当年偿还能力; 最后一列为任期末 (${ctx.district.termEndYear}年) 仍未偿还的金额。`,
  );
  if (capacities.length < debts.annualCapacity.length)
    sb.note(`偿还能力录入了 ${debts.annualCapacity.length} 年, 任期内只有 ${capacities.length} 年计入计划。`);
  if (years.length === 0) {
    sb.note("任期内没有录入偿还能力, 无法安排还款计划。");
    return undefined;
  }
  const plan = repaySchedule(subtotals, capacities);
  const top = sb.row;
  const capRow = top + 1;
  const first = top + 2;
  const last = first + DEBT_STEPS.length - 1;
  const totalRow = last + 1;
  const yearCol = (y: number) => 2 + y;
  const unpaidCol = yearCol(years.length);
  const header: PlanCell[] = [
    val("步骤"),
    val("金额(万元)"),
    ...years.map((y) => val(`${y}年`)),
    val("期末未偿还"),
  ];
  const capacity: PlanCell[] = [val("当年偿还能力"), null, ...capacities.map((c) => val(c)), null];
  const rows: PlanCell[][] = DEBT_STEPS.map((step, s) => {
    const row = first + s;
    const amount = cellAddress(row, 1);
    const line: PlanCell[] = [val(`第${step}步`), fx(subtotalRef(s), subtotals[s] ?? 0)];
    years.forEach((_, y) => {
      const col = yearCol(y);
      const earlierYears = y === 0 ? null : rangeAddress(row, yearCol(0), row, col - 1);
      const earlierSteps = s === 0 ? null : rangeAddress(first, col, row - 1, col);
      const cap = cellAddress(capRow, col, "row");
      line.push(fx(repayFormula(amount, earlierYears, cap, earlierSteps), plan[s]?.[y] ?? 0));
    });
    line.push(
      fx(
        unpaidFormula(amount, rangeAddress(row, yearCol(0), row, unpaidCol - 1)),
        plan[s]?.[years.length] ?? 0,
      ),
    );
    return line;
  });
  const columnTotal = (col: number) => DEBT_STEPS.reduce((sum, _, s) => sum + (plan[s]?.[col] ?? 0), 0);
  const totals: PlanCell[] = [
    val("合计"),
    fx(
      `SUM(${rangeAddress(first, 1, last, 1)})`,
      subtotals.reduce((s, x) => s + x, 0),
    ),
    ...years.map((_, y) => fx(`SUM(${rangeAddress(first, yearCol(y), last, yearCol(y))})`, columnTotal(y))),
    fx(`SUM(${rangeAddress(first, unpaidCol, last, unpaidCol)})`, columnTotal(years.length)),
  ];
  sb.put(top, 0, [header, capacity, ...rows, totals]);
  sb.format(rangeAddress(top, 0, top, unpaidCol), "header");
  sb.format(rangeAddress(capRow, 1, totalRow, unpaidCol), "money");
  sb.format(rangeAddress(totalRow, 0, totalRow, unpaidCol), "total");
  years.forEach((_, y) => sb.width(yearCol(y), 12));
  sb.width(unpaidCol, 12);
  sb.conditional(
    rangeAddress(first, unpaidCol, last, unpaidCol),
    `${cellAddress(first, unpaidCol)}>0`,
    "fail",
  );
  sb.row = totalRow + 2;

  const unpaid = columnTotal(years.length);
  const unpaidRef = cellAddress(totalRow, unpaidCol);
  const reachesTermEnd = years[years.length - 1] === ctx.district.termEndYear;
  sb.checkRow(
    ctx,
    {
      label: "任期末全部还清",
      formula: `ROUND(${unpaidRef},2)=0`,
      note: reachesTermEnd
        ? `计划年度 ${T}–${ctx.district.termEndYear}`
        : `注意: 偿还能力录入到 ${years[years.length - 1]} 年, 任期末为 ${ctx.district.termEndYear} 年`,
    },
    {
      id: "debt.repaid",
      labelZh: "教育欠款在任期内全部偿还",
      labelEn: "Education debt repaid within the term",
      pass: unpaid === 0,
      detailZh: `至 ${years[years.length - 1]} 年末未偿还 ${money(unpaid)} 万元`,
      detailEn: `unpaid at the end of ${years[years.length - 1]}: ${money(unpaid)} (10k yuan)`,
    },
  );
  const yearT = { ref: sheetRef(sb.name, cellAddress(totalRow, yearCol(0), true)), value: columnTotal(0) };
  ctx.budgetLines.push({ category: "偿还教育欠款", categoryEn: "Debt repayment", amount: yearT });
  return {
    repaymentYearT: yearT,
    scheduleRange: {
      ref: sheetRef(sb.name, rangeAddress(first, yearCol(0), last, unpaidCol)),
      value: unpaid,
    },
    byYear: years.map((year, y) => ({
      year,
      ref: sheetRef(sb.name, cellAddress(totalRow, yearCol(y), true)),
      value: columnTotal(y),
    })),
    total: {
      ref: sheetRef(sb.name, cellAddress(totalRow, 1, true)),
      value: subtotals.reduce((s, x) => s + x, 0),
    },
  };
}
