/**
 * The input workbook as a plan: a 填表说明 sheet listing every field (unit, what is accepted, required or optional),
 * then the 录入 sheets (12) with bold frozen headers, drop-down lists, number formats and column widths. An empty
 * template holds no district data at all: the item sheets (区县, 财政) list their items with blank values and a
 * 填写说明 column, and each list sheet has one example row, marked 示例 in its first column and set in grey italics,
 * which the readers leave out. Given a district, the sheets hold it instead (and no example row). Every cell is a
 * constant, and text columns are formatted as text so a name typed as "=…" stays a name.
 */
import { SHEETS, YES_NO, type FieldSpec, type SheetKey, type SheetSpec } from "../district/layout";
import type { District } from "../district/model";
import { districtToTables } from "../district/readers/toTables";
import {
  EXAMPLE_COLUMN,
  EXAMPLE_MARK,
  HELP_COLUMN,
  LIST_SHEETS,
  SHEET_HELP,
  exampleCells,
  fieldHelp,
  sheetFields,
} from "../district/readers/template";
import { columnLetter } from "./address";
import { STYLES } from "./styles";
import type { CellStyle, PlanCell, RangeFormat, SheetPlan, ValidationPlan, WorkbookPlan } from "./types";

/** Rows the formats and drop-downs reach below the header, beyond the rows already filled. */
const SPARE_ROWS = 500;

/** The sheet that explains the others: first, so the workbook opens on it. */
export const HELP_SHEET = "填表说明";

/** The template's own looks: the example row in grey italics, help text in grey. */
const TEMPLATE_STYLES = {
  title: STYLES.title,
  header: STYLES.header,
  label: STYLES.label,
  text: STYLES.text,
  integer: STYLES.integer,
  money: STYLES.money,
  example: { italic: true, color: "808080" },
  help: { italic: true, color: "595959", wrap: true },
} as const satisfies Record<string, CellStyle>;

type Cell = string | number | null;

export function buildInputTemplatePlan(example?: District): WorkbookPlan {
  const tables = example ? districtToTables(example) : undefined;
  const rowsOf = (spec: SheetSpec): readonly (readonly unknown[])[] =>
    tables?.find((table) => table.sheet === spec.name)?.rows.slice(1) ?? emptyRows(spec);
  return {
    sheets: [
      helpSheet(),
      ...SHEETS.map((spec) =>
        isList(spec.key) ? listSheet(spec, rowsOf(spec), !example) : itemSheet(spec, rowsOf(spec)),
      ),
    ],
    names: [],
    styles: TEMPLATE_STYLES,
    checks: [],
    properties: {
      title: example ? `${example.name} 数据录入表` : "区县数据录入表",
      district: example ? example.name : "",
      budgetYear: example ? example.budgetYear : 0,
      policyPack: example ? example.policyPack : "",
      generator: "edu-budget",
    },
  };
}

const isList = (key: SheetKey): boolean => LIST_SHEETS.includes(key);

/** An empty template's rows: each item of an item sheet with a blank value; nothing on a list sheet. */
function emptyRows(spec: SheetSpec): Cell[][] {
  return (spec.rows ?? []).map((row) => [row.zh, ...spec.columns.slice(1).map(() => null)]);
}

const cellOf = (value: unknown): PlanCell => {
  if (typeof value === "string" || typeof value === "boolean") return { v: value };
  if (typeof value === "number" && Number.isFinite(value)) return { v: value };
  return null;
};
const rowOf = (values: readonly unknown[], width: number): PlanCell[] =>
  Array.from({ length: width }, (_, column) => cellOf(values[column]));

/** One row per item of a list (学校, 项目 …): the 示例 marker column first, then the sheet's columns. */
function listSheet(spec: SheetSpec, rows: readonly (readonly unknown[])[], withExample: boolean): SheetPlan {
  const width = spec.columns.length + 1;
  const example = withExample ? exampleCells(spec.key) : undefined;
  const body = [...(example ? [[EXAMPLE_MARK, ...example]] : []), ...rows.map((row) => [null, ...row])];
  const cells = [[EXAMPLE_COLUMN.zh, ...spec.columns.map((column) => column.zh)], ...body].map((row) =>
    rowOf(row, width),
  );
  const lastRow = body.length + 1 + SPARE_ROWS;
  const dataRange = (column: number) => `${columnLetter(column)}2:${columnLetter(column)}${lastRow}`;
  const last = columnLetter(width - 1);
  return {
    ...sheetFrame(spec, cells),
    columns: [
      { column: "A", width: 6 },
      ...spec.columns.map((column, index) => ({
        column: columnLetter(index + 1),
        width: column.width ?? headerWidth(column),
      })),
    ],
    formats: [
      { range: `A1:${last}1`, style: "header" },
      { range: dataRange(0), style: "text" },
      ...spec.columns.map((column, index) => columnFormat(column, dataRange(index + 1))),
      ...(example ? [{ range: `A2:${last}2`, style: "example" }] : []),
    ].filter((format): format is RangeFormat => format !== undefined),
    validations: [
      {
        range: dataRange(0),
        list: [EXAMPLE_MARK],
        errorMessage: `${EXAMPLE_COLUMN.zh}:只标记模板的示例行,本区的数据行留空`,
      },
      ...spec.columns.flatMap((column, index) => validation(column, dataRange(index + 1)) ?? []),
    ],
    freeze: { rows: 1, columns: spec.key === "schools" ? 3 : 0 },
    print: { orientation: width > 6 ? "landscape" : "portrait", fitToWidth: width <= 16, repeatRows: "1:1" },
  };
}

/** Items down column A (区县, 财政): formats and lists go on each row's value cells, help in the last column. */
function itemSheet(spec: SheetSpec, rows: readonly (readonly unknown[])[]): SheetPlan {
  const items = spec.rows ?? [];
  const valueColumns = spec.columns.length - 1;
  const width = spec.columns.length + 1;
  const helpOf = (label: unknown) => {
    const field = items.find((item) => item.zh === label);
    return field ? helpText(field) : null;
  };
  const cells = [
    [...spec.columns.map((column) => column.zh), HELP_COLUMN.zh],
    ...rows.map((row) => [...row.slice(0, spec.columns.length), helpOf(row[0])]),
  ].map((row) => rowOf(row, width));
  const [firstValue, lastValue, help] = [
    columnLetter(1),
    columnLetter(valueColumns),
    columnLetter(width - 1),
  ];
  const valueRange = (index: number) => `${firstValue}${index + 2}:${lastValue}${index + 2}`;
  return {
    ...sheetFrame(spec, cells),
    columns: [
      ...spec.columns.map((column, index) => ({
        column: columnLetter(index),
        width: column.width ?? headerWidth(column),
      })),
      { column: help, width: 56 },
    ],
    formats: [
      { range: `A1:${help}1`, style: "header" },
      { range: `A2:A${items.length + 1}`, style: "text" },
      ...items.map((row, index) => columnFormat(row, valueRange(index))),
      { range: `${help}2:${help}${items.length + 1}`, style: "help" },
    ].filter((format): format is RangeFormat => format !== undefined),
    validations: items.flatMap((row, index) => validation(row, valueRange(index)) ?? []),
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "portrait", fitToWidth: true, repeatRows: "1:1" },
  };
}

function sheetFrame(
  spec: SheetSpec,
  cells: PlanCell[][],
): Pick<
  SheetPlan,
  "name" | "key" | "tabColor" | "blocks" | "merges" | "tables" | "conditionalFormats" | "charts"
> {
  return {
    name: spec.name,
    key: `input-${spec.key}`,
    tabColor: "2F75B5",
    blocks: [{ anchor: "A1", cells }],
    merges: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
  };
}

/** 必填/选填, what the cell takes and its unit, in one line (the item sheets' 填写说明 column). */
function helpText(field: FieldSpec): string {
  const help = fieldHelp(field);
  const unit = help.unit && !field.zh.includes(help.unit) ? `;单位:${help.unit}` : "";
  return `${help.required ? "必填" : "选填"}。${help.accepts}${unit}`;
}

const HELP_HEADERS = ["工作表", "字段", "英文名", "单位", "必填", "可填内容", "说明"];

const GENERAL_HELP = [
  "每张「录入-」表的第一行是表头;列的顺序可以调换,也接受英文表头。“填写说明”列只作说明,不会读入。",
  "灰色斜体、「示例」列标有「示例」的一行是示例,不会读入:填写前请删除该行,或在其上填入本区数据后清空「示例」单元格。",
  `必填的表:${SHEETS.filter((spec) => spec.required)
    .map((spec) => spec.name)
    .join("、")};其余各表不填即为没有(没有基建项目、没有债务……),不会用示例或样例区县的数据代替。`,
  "金额以万元计(字段名注明元或㎡的除外);人数、班数等填 0 或以上的整数。读入时逐表逐行检查,问题会指明工作表、行和列。",
];

/** 填表说明: a few general rules, then one row per field of every sheet. */
function helpSheet(): SheetPlan {
  const width = HELP_HEADERS.length;
  const generalRows: Cell[][] = [[HELP_SHEET], ...GENERAL_HELP.map((line, k) => [`${k + 1}. ${line}`]), []];
  const headerRow = generalRows.length + 1;
  const rows: Cell[][] = [...generalRows, HELP_HEADERS];
  const sectionRows: number[] = [];
  for (const spec of SHEETS) {
    rows.push([
      spec.name,
      null,
      null,
      null,
      spec.required ? "必填表" : "选填表",
      null,
      SHEET_HELP[spec.key][0],
    ]);
    sectionRows.push(rows.length);
    for (const field of sheetFields(spec.key)) {
      const help = fieldHelp(field);
      rows.push([
        spec.name,
        field.zh,
        field.en,
        help.unit,
        help.required ? "必填" : "选填",
        help.accepts,
        FIELD_NOTES[`${spec.key}.${field.field}`] ?? null,
      ]);
    }
  }
  const last = columnLetter(width - 1);
  return {
    name: HELP_SHEET,
    key: "input-help",
    tabColor: "7F7F7F",
    blocks: [{ anchor: "A1", cells: rows.map((row) => rowOf(row, width)) }],
    columns: [14, 28, 30, 7, 8, 36, 60].map((w, index) => ({ column: columnLetter(index), width: w })),
    formats: [
      { range: "A1", style: "title" },
      { range: `A${headerRow}:${last}${headerRow}`, style: "header" },
      ...sectionRows.map((row) => ({ range: `A${row}:${last}${row}`, style: "label" })),
      { range: `F${headerRow + 1}:G${rows.length}`, style: "help" },
    ],
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    freeze: { rows: headerRow, columns: 0 },
    print: { orientation: "landscape", fitToWidth: true, repeatRows: `${headerRow}:${headerRow}` },
    charts: [],
  };
}

/** What a field means where its name does not say it all. */
const FIELD_NOTES: Readonly<Record<string, string>> = {
  "district.budgetYear": "编制预算的年度 T",
  "district.termEndYear": "偿还债务须在此年度前完成",
  "district.policyPack": "所依据的政策包;样例区县的政策包只在明确选择时使用",
  "debts.rowType": "每行必填:欠款、声明总额或偿还能力",
  "debts.item": "欠款行填写",
  "debts.category": "欠款行填写",
  "debts.step": "欠款行填写:第几步偿还",
  "debts.year": "偿还能力行填写",
  "debts.amount": "每行必填",
  "mergers.sources": "多所学校以顿号分隔",
  "stated.label": "同一声明的多个事项:每个事项一行,声明列可只填第一行",
};

/** Chinese characters take two character widths. */
function headerWidth(column: FieldSpec): number {
  const units = [...column.zh].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.min(40, Math.max(8, units + 2));
}

const NUMBER_STYLE: Partial<Record<FieldSpec["kind"], string>> = {
  count: "integer",
  signedCount: "integer",
  money: "money",
  text: "text",
  optionalText: "text",
  list: "text",
};

function columnFormat(column: FieldSpec, range: string): RangeFormat | undefined {
  const style = column.kind === "year" ? undefined : NUMBER_STYLE[column.kind];
  return style ? { range, style } : undefined;
}

function validation(column: FieldSpec, range: string): ValidationPlan | undefined {
  const options = column.kind === "bool" ? YES_NO : column.options;
  const list = options ? options.map((option) => option.zh) : column.list;
  if (!list) return undefined;
  return { range, list, errorMessage: `${column.zh}:请从下拉列表中选择(${list.join("/")})` };
}
