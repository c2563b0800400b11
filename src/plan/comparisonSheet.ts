/**
 * 对比: a comparison of two builds (src/plan/compare.ts) as a sheet of b's workbook. It is made from two builds, not
 * from one district and pack, so it is not one of the registry's sheets: the CLI (and the task pane) add it to b's
 * plan with withComparisonSheet. Column A holds a's values as generated (a is another workbook); column B refers
 * to b's own cells, so it follows b when b is recalculated or edited, and the change and difference columns are
 * formulas over both.
 */
import type { BuildComparison, Compared, ValueComparison } from "./compare";
import { fx, fxError, SheetBuilder, str, val } from "./kit";
import type { CheckStatus } from "./verdict";
import { NOT_APPLICABLE, VERDICT_WORDS } from "./verdict";
import type { PlanCell, PlanErrorValue, SheetPlan, WorkbookPlan } from "./types";

export const COMPARISON_SHEET = {
  key: "comparison",
  nameZh: "对比",
  nameEn: "Comparison",
  tabColor: "7030A0",
};

/** What a and b are, in the user's words (a file, 基础数据, 场景「…」). */
export interface ComparisonLabels {
  readonly a: string;
  readonly b: string;
}

/** What a side shows for a check it does not have, or a value it does not have. */
export const ABSENT = "—";
const CHANGED = "有变化";
const FLIPPED = "通过↔未通过";

/** The 对比 sheet speaks Chinese, as the workbooks it compares do by default. */
const WORDS = VERDICT_WORDS.zh;

const verdictOf = (status: CheckStatus | undefined): string =>
  status === undefined
    ? ABSENT
    : status === "notApplicable"
      ? NOT_APPLICABLE
      : status === "pass"
        ? WORDS.pass
        : WORDS.fail;

const isError = (value: Compared | undefined): value is PlanErrorValue =>
  value === "#DIV/0!" || value === "#N/A" || value === "#VALUE!";

/** A value of a, as generated. */
const constant = (value: Compared | undefined): PlanCell => val(value ?? ABSENT);

/** A value of b: its cell in this workbook, with the value it was generated with. */
const live = (ref: string | undefined, value: Compared | undefined): PlanCell => {
  if (ref === undefined || value === undefined) return val(ABSENT);
  return isError(value) ? fxError(ref, value) : fx(ref, value);
};

/** Whether a verdict cell shows a pass or a fail (not 不适用, not absent). */
const decided = (cell: string): string => `OR(${cell}=${str(WORDS.pass)},${cell}=${str(WORDS.fail)})`;

/** The change of a verdict: nothing, a flip between passed and failed, or another change (不适用, absent). */
const changeFormula = (a: string, b: string): string =>
  `IF(${a}=${b},"",IF(AND(${decided(a)},${decided(b)}),${str(FLIPPED)},${str(CHANGED)}))`;

function changeValue(a: string, b: string): string {
  if (a === b) return "";
  const isDecided = (v: string) => v === WORDS.pass || v === WORDS.fail;
  return isDecided(a) && isDecided(b) ? FLIPPED : CHANGED;
}

/** The 对比 sheet of a comparison (b is the workbook it is written into). */
export function buildComparisonSheet(comparison: BuildComparison, labels: ComparisonLabels): SheetPlan {
  // The builder lays out any sheet; the key is set to the comparison's own below (it is not a registry sheet).
  const sb = new SheetBuilder({
    key: "summary",
    nameZh: COMPARISON_SHEET.nameZh,
    tabColor: COMPARISON_SHEET.tabColor,
  });
  sb.title(
    `对比: A = ${labels.a}, B = ${labels.b}`,
    "A 列为对比方生成时的值; B 列引用本工作簿的单元格, 随本工作簿重算; 差额 = B − A",
  );
  const { counts } = comparison;
  sb.keyValues([
    { key: "checks", label: "检查结果有变化", cell: val(counts.checksChanged), style: "integer" },
    { key: "flipped", label: "其中通过↔未通过", cell: val(counts.checksFlipped), style: "integer" },
    { key: "totals", label: "合计有变化", cell: val(counts.totalsChanged), style: "integer" },
    { key: "lines", label: "明细有变化", cell: val(counts.linesChanged), style: "integer" },
    { key: "inputs", label: "输入有变化", cell: val(counts.inputsChanged), style: "integer" },
  ]);

  sb.note(comparison.inputs.length > 0 ? "输入的变化" : "输入的变化: 无");
  if (comparison.inputs.length > 0)
    sb.table({
      name: "tblCompareInputs",
      rows: comparison.inputs,
      columns: [
        { key: "item", header: "项目", width: 44, style: "text", cell: (c) => val(c.item.labelZh) },
        { key: "a", header: "A", width: 16, cell: (c) => constant(c.item.a) },
        { key: "b", header: "B", width: 16, cell: (c) => constant(c.item.b) },
      ],
    });

  sb.note("检查结果 (B 列引用本工作簿的判定单元格)");
  const checks = sb.table({
    name: "tblCompareChecks",
    rows: comparison.checks,
    columns: [
      { key: "check", header: "检查", width: 40, style: "text", cell: (c) => val(c.item.labelZh) },
      { key: "sheet", header: "工作表", width: 10, style: "text", cell: (c) => val(c.item.sheetName) },
      { key: "a", header: "A", width: 9, cell: (c) => val(verdictOf(c.item.a)) },
      {
        key: "b",
        header: "B",
        width: 9,
        cell: (c) => (c.item.refB === undefined ? val(ABSENT) : fx(c.item.refB, verdictOf(c.item.b))),
      },
      {
        key: "change",
        header: "变化",
        width: 14,
        cell: (c) =>
          fx(changeFormula(c.ref("a"), c.ref("b")), changeValue(verdictOf(c.item.a), verdictOf(c.item.b))),
      },
      {
        key: "detailA",
        header: "A 说明",
        width: 40,
        style: "note",
        cell: (c) => val(c.item.detailA?.zh ?? ABSENT),
      },
      {
        key: "detailB",
        header: "B 说明",
        width: 40,
        style: "note",
        cell: (c) => val(c.item.detailB?.zh ?? ABSENT),
      },
    ],
  });
  if (comparison.checks.length > 0) {
    for (const key of ["a", "b"]) sb.passFail(checks.range(key), checks.cell(key, 0));
    sb.conditional(checks.range("change"), `${checks.cell("change", 0)}<>""`, "warn");
  }

  sb.note("合计 (差额 = B − A)");
  valueTable(sb, "tblCompareTotals", comparison.totals);
  sb.note(comparison.lines.length > 0 ? "明细的变化 (只列出有变化的单元格)" : "明细的变化: 无");
  if (comparison.lines.length > 0) valueTable(sb, "tblCompareLines", comparison.lines);
  sb.freezeAt(3);
  sb.printSetup({ orientation: "landscape", fitToWidth: true });
  return { ...sb.build(), key: COMPARISON_SHEET.key };
}

function valueTable(sb: SheetBuilder, name: string, rows: readonly ValueComparison[]): void {
  const table = sb.table({
    name,
    rows,
    columns: [
      { key: "sheet", header: "工作表", width: 10, style: "text", cell: (c) => val(c.item.sheetName) },
      { key: "item", header: "项目", width: 44, style: "text", cell: (c) => val(c.item.labelZh) },
      { key: "a", header: "A", width: 14, cell: (c) => constant(c.item.a) },
      { key: "b", header: "B", width: 14, cell: (c) => live(c.item.refB, c.item.b) },
      {
        key: "difference",
        header: "差额",
        width: 14,
        cell: (c) => {
          const { a, b } = c.item;
          return typeof a === "number" && typeof b === "number" && c.item.refB !== undefined
            ? fx(`${c.ref("b")}-${c.ref("a")}`, b - a)
            : null;
        },
      },
    ],
  });
  if (rows.length > 0) {
    const first = table.cell("difference", 0);
    sb.conditional(table.range("difference"), `AND(ISNUMBER(${first}),${first}<>0)`, "warn");
  }
}

/** b's plan with the 对比 sheet last (replacing one written before). */
export function withComparisonSheet(
  plan: WorkbookPlan,
  comparison: BuildComparison,
  labels: ComparisonLabels,
): WorkbookPlan {
  const sheet = buildComparisonSheet(comparison, labels);
  return { ...plan, sheets: [...plan.sheets.filter((s) => s.key !== COMPARISON_SHEET.key), sheet] };
}
