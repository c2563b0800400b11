/**
 * The input workbook as a plan: the 8 录入 sheets with bold frozen headers, drop-down lists, number formats, column
 * widths and example rows (one per sheet, or a whole district). Every cell is a constant, and text columns are
 * formatted as text so a name typed as "=…" stays a name. readDistrictTables reads these sheets back.
 */
import { SHEETS, YES_NO, type FieldSpec, type SheetSpec } from "../district/layout";
import type { District } from "../district/model";
import { districtToTables } from "../district/readers/toTables";
import { getSample } from "../district/samples";
import { columnLetter } from "./address";
import { STYLES } from "./styles";
import type { PlanCell, RangeFormat, SheetPlan, ValidationPlan, WorkbookPlan } from "./types";

/** Rows the formats and drop-downs reach below the header, beyond the rows already filled. */
const SPARE_ROWS = 500;

export function buildInputTemplatePlan(example?: District): WorkbookPlan {
  const district = example ?? templateExample();
  const tables = districtToTables(district);
  return {
    sheets: SHEETS.map((spec) =>
      sheetPlan(spec, tables.find((table) => table.sheet === spec.name)?.rows ?? []),
    ),
    names: [],
    styles: { header: STYLES.header, text: STYLES.text, integer: STYLES.integer, money: STYLES.money },
    checks: [],
    properties: {
      title: example ? `${district.name} 数据录入表` : "区县数据录入表(示例行)",
      district: example ? district.name : "",
      budgetYear: district.budgetYear,
      policyPack: district.policyPack,
      generator: "edu-budget",
    },
  };
}

/**
 * The example rows of an empty template: a small valid district cut from the wuzhen sample (the two schools its
 * first merger names, one of each other row, one statement with its items) so the template reads back clean.
 */
export function templateExample(): District {
  const wuzhen = getSample("wuzhen");
  const merger = wuzhen.mergers[0];
  const codes = new Set([...(merger?.sources ?? []), merger?.stayingSchool]);
  const schools = wuzhen.schools.filter((school) => codes.has(school.code));
  const project = getSample("zhenlai").projects[0];
  return {
    ...wuzhen,
    schools,
    projects: project
      ? [
          {
            ...project,
            school: schools[0]?.code ?? project.school,
            startYear: wuzhen.budgetYear,
            endYear: wuzhen.budgetYear + 1,
          },
        ]
      : [],
    mergers: merger ? [merger] : [],
    debts: wuzhen.debts && { ...wuzhen.debts, items: wuzhen.debts.items.slice(0, 1) },
    preschool: { ...wuzhen.preschool, planned: wuzhen.preschool.planned.slice(0, 1) },
    statedCounts: wuzhen.statedCounts.slice(0, 1),
  };
}

function sheetPlan(spec: SheetSpec, rows: readonly (readonly unknown[])[]): SheetPlan {
  const width = spec.columns.length;
  const lastRow = Math.max(rows.length, 1) + SPARE_ROWS;
  const cells: PlanCell[][] = rows.map((row) =>
    Array.from({ length: width }, (_, column) => planCell(row[column])),
  );
  const dataRange = (column: number) => `${columnLetter(column)}2:${columnLetter(column)}${lastRow}`;
  const keyValue = spec.rows !== undefined;
  return {
    name: spec.name,
    key: `input-${spec.key}`,
    tabColor: "2F75B5",
    blocks: cells.length > 0 ? [{ anchor: "A1", cells }] : [],
    columns: spec.columns.map((column, index) => ({
      column: columnLetter(index),
      width: column.width ?? headerWidth(column),
    })),
    formats: [
      { range: `A1:${columnLetter(width - 1)}1`, style: "header" },
      ...(keyValue
        ? rowFormats(spec)
        : spec.columns.map((column, index) => columnFormat(column, dataRange(index)))),
    ].filter((format): format is RangeFormat => format !== undefined),
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: keyValue
      ? rowValidations(spec)
      : spec.columns.flatMap((column, index) => validation(column, dataRange(index)) ?? []),
    freeze: { rows: 1, columns: spec.key === "schools" ? 2 : 0 },
    print: { orientation: width > 6 ? "landscape" : "portrait", fitToWidth: width <= 16, repeatRows: "1:1" },
    charts: [],
  };
}

function planCell(value: unknown): PlanCell {
  if (typeof value === "string" || typeof value === "boolean") return { v: value };
  if (typeof value === "number" && Number.isFinite(value)) return { v: value };
  return null;
}

/** Chinese characters take two character widths. */
function headerWidth(column: FieldSpec): number {
  const units = [...column.zh].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.min(40, Math.max(8, units + 2));
}

const NUMBER_STYLE: Partial<Record<FieldSpec["kind"], string>> = {
  count: "integer",
  money: "money",
  text: "text",
  optionalText: "text",
  list: "text",
};

function columnFormat(column: FieldSpec, range: string): RangeFormat | undefined {
  const style = column.kind === "year" ? undefined : NUMBER_STYLE[column.kind];
  return style ? { range, style } : undefined;
}

/** Key/value sheets (区县, 财政): items down column A, so formats and lists go on the value cells of each row. */
function rowFormats(spec: SheetSpec): (RangeFormat | undefined)[] {
  const last = columnLetter(spec.columns.length - 1);
  return [
    { range: `A2:A${(spec.rows?.length ?? 0) + 1}`, style: "text" },
    ...(spec.rows ?? []).map((row, index) => columnFormat(row, `B${index + 2}:${last}${index + 2}`)),
  ];
}

function rowValidations(spec: SheetSpec): ValidationPlan[] {
  const last = columnLetter(spec.columns.length - 1);
  return (spec.rows ?? []).flatMap(
    (row, index) => validation(row, `B${index + 2}:${last}${index + 2}`) ?? [],
  );
}

function validation(column: FieldSpec, range: string): ValidationPlan | undefined {
  const options = column.kind === "bool" ? YES_NO : column.options;
  const list = options ? options.map((option) => option.zh) : column.list;
  if (!list) return undefined;
  return { range, list, errorMessage: `${column.zh}:请从下拉列表中选择(${list.join("/")})` };
}
