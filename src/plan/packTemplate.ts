/**
 * The pack template as a plan: one sheet (政策包) with the basedOn and name lines, a header, a note row explaining
 * the columns (the reader leaves it out) and one row per key with its value in the chosen built-in pack for a year,
 * its unit, source and start year. Every cell is a constant; text columns are formatted as text. Read back
 * unchanged (src/policy/packFile), it gives the built-in pack itself.
 */
import { listTimelines } from "../policy/packs";
import { PACK_COLUMNS, packTemplateRows, packTemplateTexts, type PackLang } from "../policy/packFile";
import type { PolicyTimelinePack } from "../policy/types";
import { columnLetter } from "./address";
import { STYLES } from "./styles";
import type { CellStyle, PlanCell, SheetPlan, WorkbookPlan } from "./types";

const PACK_STYLES = {
  title: STYLES.title,
  header: STYLES.header,
  label: STYLES.label,
  text: STYLES.text,
  remark: STYLES.remark,
  help: { italic: true, color: "595959", wrap: true },
} as const satisfies Record<string, CellStyle>;

const WIDTHS: Readonly<Record<string, number>> = {
  key: 34,
  label: 30,
  value: 12,
  unit: 11,
  source: 70,
  fromYear: 10,
  untilYear: 10,
  dueYear: 10,
  note: 26,
};

const cell = (value: string | number | null | undefined): PlanCell =>
  value === null || value === undefined ? null : { v: value };

export function buildPackTemplatePlan(
  base: PolicyTimelinePack,
  year: number,
  lang: PackLang = "zh",
): WorkbookPlan {
  const texts = packTemplateTexts(base, year, lang);
  const width = PACK_COLUMNS.length;
  const pad = (cells: PlanCell[]): PlanCell[] => Array.from({ length: width }, (_, i) => cells[i] ?? null);
  const headerRow = 4;
  const rows: PlanCell[][] = [
    pad([cell(texts.basedOn), cell(base.id), cell(texts.basedOnHelp)]),
    pad([cell(texts.name), null, cell(texts.nameHelp)]),
    pad([
      cell(texts.applyEarly),
      cell((base.applyBeforeStart ?? []).join(texts.separator)),
      cell(`${texts.applyEarlyHelp}${lang === "zh" ? "。" : ". "}${texts.yearNote}`),
    ]),
    pad(texts.headers.map(cell)),
    pad([cell(texts.note), ...texts.help.slice(1).map(cell)]),
    ...packTemplateRows(base, year, lang).map((row) =>
      pad(
        PACK_COLUMNS.map((column) => {
          const value = row[column.key];
          return cell(typeof value === "string" || typeof value === "number" ? value : null);
        }),
      ),
    ),
  ];
  const last = columnLetter(width - 1);
  const lastRow = rows.length;
  const columnOf = (key: string): string => columnLetter(PACK_COLUMNS.findIndex((c) => c.key === key));
  const textColumns = ["key", "label", "unit", "source", "note"].map(columnOf);
  const sheet: SheetPlan = {
    name: texts.sheet,
    key: "pack-template",
    tabColor: "70AD47",
    blocks: [{ anchor: "A1", cells: rows }],
    columns: PACK_COLUMNS.map((column, index) => ({
      column: columnLetter(index),
      width: WIDTHS[column.key] ?? 12,
    })),
    formats: [
      { range: "A1:A3", style: "label" },
      { range: "B1:B3", style: "text" },
      { range: "C1:C3", style: "remark" },
      { range: `A${headerRow}:${last}${headerRow}`, style: "header" },
      { range: `A${headerRow + 1}:${last}${headerRow + 1}`, style: "help" },
      ...textColumns.map((column) => ({
        range: `${column}${headerRow + 2}:${column}${lastRow + 200}`,
        style: "text",
      })),
    ],
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: [
      {
        range: "B1",
        list: listTimelines().map((pack) => pack.id),
        errorMessage: `${texts.basedOn}: ${texts.basedOnHelp}`,
      },
    ],
    freeze: { rows: headerRow + 1, columns: 1 },
    print: { orientation: "landscape", fitToWidth: true, repeatRows: `${headerRow}:${headerRow}` },
    charts: [],
  };
  return {
    sheets: [sheet],
    names: [],
    styles: PACK_STYLES,
    checks: [],
    properties: {
      title:
        lang === "zh" ? `政策包模板(基于${base.nameZh})` : `Policy pack template (based on ${base.nameEn})`,
      district: "",
      budgetYear: year,
      policyPack: base.id,
      generator: "edu-budget",
    },
  };
}
