/**
 * 参数: one row per policy parameter with its value, unit and source. Each value cell is a workbook name
 * (P_dropout_primary …) that every other sheet's formulas use, so editing a value here recomputes the workbook.
 * The policy key of a row is in its name's note, not in a cell.
 */
import { policyName } from "../../policy/packs";
import { POLICY_KEYS, type PolicyKey, type PolicyValue } from "../../policy/types";
import { cellAddress, columnIndex, sheetRef } from "../address";
import type { BuildContext } from "../context";
import { SheetBuilder, val } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";

export const parametersSheet: SheetDefinition<"parameters", undefined> = {
  key: "parameters",
  nameZh: "参数",
  nameEn: "Parameters",
  titleZh: "政策参数",
  titleEn: "Policy parameters",
  tabColor: "70AD47",
  required: true,
  needs: [],
  build: handsNothing(buildParameters),
};

const ORIGIN_ZH = { national: "国家", local: "地方", user: "用户" } as const;

/** Whether a value is national, local or the user's (a pack made before timelines holds national values). */
export function originText(value: PolicyValue): string {
  return ORIGIN_ZH[value.origin ?? "national"];
}

/**
 * What 参数 says beside a value about the budget year: nothing when it is in force; that it is used before its start
 * year by the user's choice; or that it is not in force in the year (its start year, and what stands in).
 */
export function statusText(value: PolicyValue, year: number): string {
  switch (value.status) {
    case "beforeStart":
      return `用户选择提前适用: ${value.fromYear}年起施行, 用于${year}年`;
    case "notInForce":
      return `${year}年未施行(${value.fromYear}年起施行); 此值仅供参考, 依据此值的检查不适用`;
    default:
      return value.untilYear === undefined ? "现行" : `现行(${value.untilYear}年起由新标准替代)`;
  }
}

/** The start year 参数 shows: none for a value not in force in the year. */
function startYearCell(value: PolicyValue): PlanCell {
  return value.status === "notInForce" ? null : val(value.fromYear);
}

/** A value the workbook shows as a percentage. */
const isRate = (unit: string): boolean => unit === "比率";

export function buildParameters(ctx: BuildContext): SheetPlan<SheetKey> {
  const { pack } = ctx;
  const year = pack.year ?? ctx.district.budgetYear;
  const sb = new SheetBuilder(parametersSheet, ctx);
  sb.title(
    "政策参数 Policy parameters",
    "修改“值”列即可重算整个工作簿 (Edit a value to recompute the workbook)",
  );
  sb.keyValues([
    { key: "pack", label: "政策包 Policy pack", cell: val(pack.id) },
    { key: "version", label: "版本 Version", cell: val(pack.version) },
    { key: "packName", label: "名称 Name", cell: val(`${pack.nameZh} (${pack.nameEn})`) },
    ...(pack.basedOn ? [{ key: "basedOn", label: "基于 Based on", cell: val(pack.basedOn) }] : []),
    { key: "year", label: "适用年度 Rules of year", cell: val(year) },
    ...(year !== ctx.district.budgetYear
      ? [
          {
            key: "yearNote",
            label: "注意 Note",
            cell: val(`政策参数按${year}年施行的标准, 与预算年度${ctx.district.budgetYear}年不同`),
          },
        ]
      : []),
  ]);
  const table = sb.table<PolicyKey>({
    name: "tblParameters",
    rows: POLICY_KEYS,
    columns: [
      { key: "name", header: "工作簿名称 Name", width: 38, cell: ({ item }) => val(policyName(item)) },
      { key: "label", header: "名称", width: 34, cell: ({ item }) => val(pack.values[item].labelZh) },
      { key: "value", header: "值", width: 12, cell: ({ item }) => val(pack.values[item].value) },
      { key: "unit", header: "单位", width: 12, cell: ({ item }) => val(pack.values[item].unit) },
      {
        key: "source",
        header: "来源",
        width: 60,
        style: "note",
        cell: ({ item }) => val(pack.values[item].source),
      },
      {
        key: "fromYear",
        header: "起始年份",
        width: 10,
        cell: ({ item }) => startYearCell(pack.values[item]),
      },
      {
        key: "untilYear",
        header: "终止年份",
        width: 10,
        cell: ({ item }) => {
          const until = pack.values[item].untilYear;
          return until === undefined ? null : val(until);
        },
      },
      { key: "origin", header: "类别", width: 8, cell: ({ item }) => val(originText(pack.values[item])) },
      {
        key: "status",
        header: "本年度适用情况",
        width: 40,
        style: "note",
        cell: ({ item }) => val(statusText(pack.values[item], year)),
      },
    ],
  });
  const valueColumn = table.column("value");
  POLICY_KEYS.forEach((key, index) => {
    const local = table.cell("value", index);
    const value = pack.values[key];
    sb.format(local, isRate(value.unit) ? "rate" : Number.isInteger(value.value) ? "integer" : "decimal");
    ctx.names.push({
      name: policyName(key),
      ref: sheetRef(sb.name, cellAddress(table.firstRow + index, columnIndex(valueColumn), true)),
      // The policy key and the policy reference's item id stay in the name's note (never in a cell).
      comment: `${value.labelZh} (${value.ref ? `${key}; ${value.ref}` : key})`,
    });
  });
  planAssumptions(ctx, sb);
  return sb
    .freezeAt(table.headerRow + 1)
    .printSetup({
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${table.headerRow + 1}:${table.headerRow + 1}`,
    })
    .build();
}

/** The workbook name of the assumed yearly growth of 财政经常性收入 (规划), set when the district has term inputs. */
export const REVENUE_GROWTH_NAME = "D_revenue_growth";

/** The term plan's assumptions under the policy values: the revenue growth, a named cell 规划 uses. */
function planAssumptions(ctx: BuildContext, sb: SheetBuilder): void {
  const term = ctx.district.term;
  if (!term) return;
  sb.note("规划假设 Plan assumptions (地方测算值, 非政策标准; 修改即重算 规划)");
  const kv = sb.keyValues([
    {
      key: "revenueGrowth",
      label: "财政经常性收入年增长率(假设)",
      cell: val(term.revenueGrowth),
      style: "rate",
    },
  ]);
  const cell = kv.revenueGrowth;
  if (cell)
    ctx.names.push({ name: REVENUE_GROWTH_NAME, ref: cell.ref, comment: "财政经常性收入年增长率(规划假设)" });
}
