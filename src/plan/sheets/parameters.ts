/**
 * 参数: one row per policy parameter with its value, unit and source. Each value cell is a workbook name
 * (P_dropout_primary …) that every other sheet's formulas use, so editing a value here recomputes the workbook.
 */
import { policyName } from "../../policy/packs";
import { POLICY_KEYS, type PolicyKey } from "../../policy/types";
import { cellAddress, columnIndex, sheetRef } from "../address";
import type { BuildContext } from "../context";
import { SheetBuilder, val } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import type { SheetKey, SheetPlan } from "../types";

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

/** A value the workbook shows as a percentage. */
const isRate = (unit: string): boolean => unit === "比率";

export function buildParameters(ctx: BuildContext): SheetPlan<SheetKey> {
  const { pack } = ctx;
  const sb = new SheetBuilder(parametersSheet);
  sb.title(
    "政策参数 Policy parameters",
    "修改“值”列即可重算整个工作簿 (Edit a value to recompute the workbook)",
  );
  sb.keyValues([
    { key: "pack", label: "政策包 Policy pack", cell: val(pack.id) },
    { key: "version", label: "版本 Version", cell: val(pack.version) },
    { key: "packName", label: "名称 Name", cell: val(`${pack.nameZh} (${pack.nameEn})`) },
    ...(pack.basedOn ? [{ key: "basedOn", label: "基于 Based on", cell: val(pack.basedOn) }] : []),
  ]);
  const table = sb.table<PolicyKey>({
    name: "tblParameters",
    rows: POLICY_KEYS,
    columns: [
      { key: "key", header: "键 Key", width: 34, cell: ({ item }) => val(item) },
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
      { key: "fromYear", header: "起始年份", width: 10, cell: ({ item }) => val(pack.values[item].fromYear) },
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
      // The policy reference's item id, if any, stays in the name's note (never in a cell).
      comment: value.ref ? `${value.labelZh} (${value.ref})` : value.labelZh,
    });
  });
  return sb
    .freezeAt(table.headerRow + 1)
    .printSetup({
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: `${table.headerRow + 1}:${table.headerRow + 1}`,
    })
    .build();
}
