/**
 * An input workbook (.xlsx bytes) → its input sheets as rows of plain cell values → readDistrictTables.
 * exceljs is allowed here only (see eslint.config.mjs): rich text, formulas and hyperlinks become their text or
 * cached value, so the pure reader sees what the user sees.
 */
import ExcelJS from "exceljs";
import type { Problem } from "../problems";
import { KNOWN_POLICY_PACKS, type DistrictResult } from "../validate";
import { isDate } from "./cells";
import { readDistrictTables, specForName, type InputTable } from "./tables";

export interface WorkbookResult extends DistrictResult {
  readonly tables: InputTable[];
}

export async function readInputWorkbook(
  bytes: Uint8Array,
  fileName: string,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
): Promise<WorkbookResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which takes a Uint8Array in Node and in the browser.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return { problems: [unreadable(fileName, error)], tables: [] };
  }
  const tables = workbook.worksheets.filter((sheet) => specForName(sheet.name)).map(sheetTable);
  return { ...readDistrictTables(tables, fileName, knownPacks), tables };
}

function sheetTable(sheet: ExcelJS.Worksheet): InputTable {
  const rows: unknown[][] = [];
  for (let row = 1; row <= sheet.rowCount; row++) {
    const cells: unknown[] = [];
    sheet.getRow(row).eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = plainValue(cell.value);
    });
    rows.push(Array.from(cells, (cell) => cell ?? null));
  }
  return { sheet: sheet.name, rows };
}

/** What the cell shows: rich text joined, a formula's cached result, a hyperlink's text, an error's code. */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || isDate(value)) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return null;
}

function unreadable(file: string, error: unknown): Problem {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    severity: "error",
    file,
    field: "",
    message: `无法读取该 .xlsx 文件:${detail}`,
    messageEn: `Cannot read this .xlsx file: ${detail}`,
    accepts: "Excel 2007 及以上的 .xlsx 工作簿",
  };
}
