/**
 * An input workbook (.xlsx bytes) → its input sheets as rows of plain cell values → readDistrictTables.
 * exceljs is allowed here only (see eslint.config.mjs): rich text, formulas and hyperlinks become their text or
 * cached value, so the pure reader sees what the user sees.
 */
import ExcelJS from "exceljs";
import type { Problem } from "../problems";
import { KNOWN_POLICY_PACKS, type DistrictResult } from "../validate";
import type { PriorBudgetLine } from "../model";
import { isDate } from "./cells";
import { priorLinesFromWorkbook } from "./priorBudget";
import { columnLetter, headerRowIndex, readDistrictTables, specForName, type InputTable } from "./tables";
import { checkZip, ZIP_LIMITS, type ZipLimits, type ZipRefusal } from "./zip";

export interface WorkbookResult extends DistrictResult {
  readonly tables: InputTable[];
}

export interface ReadOptions {
  /** Limits on the unpacked file (tests pass small ones). */
  readonly limits?: ZipLimits;
}

/** An .xlsx file unpacked within the zip limits, or the one problem why it was not. */
async function loadWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits,
): Promise<{ readonly workbook: ExcelJS.Workbook } | { readonly problem: Problem }> {
  const refusal = await checkZip(bytes, limits);
  if (refusal) return { problem: tooLarge(fileName, refusal) };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which takes a Uint8Array in Node and in the browser.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return { problem: unreadable(fileName, error) };
  }
  return { workbook };
}

/**
 * Every sheet of an .xlsx file as rows of plain cell values (what the user sees), with the same zip limits and
 * problems as the input workbook; for files that are not an input workbook (a policy pack file).
 */
export async function readWorkbookTables(
  bytes: Uint8Array,
  fileName: string,
  { limits = ZIP_LIMITS }: ReadOptions = {},
): Promise<{ readonly tables: InputTable[]; readonly problems: Problem[] }> {
  const loaded = await loadWorkbook(bytes, fileName, limits);
  if ("problem" in loaded) return { tables: [], problems: [loaded.problem] };
  return { tables: loaded.workbook.worksheets.map(sheetTable), problems: [] };
}

/** Last year's generated workbook (.xlsx bytes) → its 预算明细 lines as this year's 上年预算 (录入-上年预算). */
export async function readPriorBudgetWorkbook(
  bytes: Uint8Array,
  fileName: string,
  { limits = ZIP_LIMITS }: ReadOptions = {},
): Promise<{ readonly lines?: PriorBudgetLine[]; readonly problems: Problem[] }> {
  const read = await readWorkbookTables(bytes, fileName, { limits });
  if (read.problems.length > 0) return { problems: read.problems };
  return priorLinesFromWorkbook(read.tables, fileName);
}

export async function readInputWorkbook(
  bytes: Uint8Array,
  fileName: string,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
  { limits = ZIP_LIMITS }: ReadOptions = {},
): Promise<WorkbookResult> {
  const loaded = await loadWorkbook(bytes, fileName, limits);
  if ("problem" in loaded) return { problems: [loaded.problem], tables: [] };
  const { workbook } = loaded;
  const sheets = workbook.worksheets.filter((sheet) => specForName(sheet.name));
  const read = sheets.map((sheet) => unmergeHeader(sheet, sheetTable(sheet), fileName));
  const tables = read.map(({ table }) => table);
  const result = readDistrictTables(tables, fileName, knownPacks);
  const problems = [...read.flatMap((r) => r.problems), ...result.problems];
  return {
    ...(!problems.some((p) => p.severity === "error") && result.district && { district: result.district }),
    problems,
    tables,
  };
}

/** "B1" → 0-based row and column. */
function cellIndex(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!match) return undefined;
  const column =
    [...(match[1] as string).toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/**
 * A header cell merged across columns leaves the columns after the first without a header (exceljs repeats the
 * text into them, which would read as a repeated header): each such merge is one problem naming its columns, and
 * the repeated text is taken out of the header row.
 */
function unmergeHeader(
  sheet: ExcelJS.Worksheet,
  table: InputTable,
  file: string,
): { table: InputTable; problems: Problem[] } {
  const spec = specForName(sheet.name);
  const headerAt = spec ? headerRowIndex(table, spec) : -1;
  const header = table.rows[headerAt];
  if (!header) return { table, problems: [] };
  const problems: Problem[] = [];
  const cleaned = [...header];
  for (const range of sheet.model.merges ?? []) {
    const [from, to] = range.split(":").map(cellIndex);
    if (!from || !to || from.row > headerAt || to.row < headerAt || to.column <= from.column) continue;
    const text = String(header[from.column] ?? "").trim();
    for (let column = from.column + 1; column <= to.column; column++) cleaned[column] = null;
    const columns = `${columnLetter(from.column)}–${columnLetter(to.column)}`;
    problems.push({
      severity: "error",
      file,
      sheet: sheet.name,
      row: headerAt + 1,
      column: text,
      field: spec?.key ?? "",
      message: `表头「${text}」是跨 ${columns} 列的合并单元格:请取消合并,让每列各有自己的表头`,
      messageEn: `The header "${text}" is one cell merged across columns ${columns.replace("–", "-")}: unmerge it so that each column has a header of its own`,
      accepts: "每列一个表头单元格",
      acceptsEn: "one header cell per column",
    });
  }
  const rows = table.rows.map((row, index) => (index === headerAt ? cleaned : row));
  return { table: { sheet: table.sheet, rows }, problems };
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
    // exceljs and JSZip explain in English only: the task pane shows that part as the technical detail.
    message: `无法读取该 .xlsx 文件:${detail}`,
    messageEn: `Cannot read this .xlsx file: ${detail}`,
    accepts: "Excel 2007 及以上的 .xlsx 工作簿",
    acceptsEn: "an .xlsx workbook (Excel 2007 or later)",
  };
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;

/** A file refused before it is unpacked: what passed which limit. */
function tooLarge(file: string, refusal: ZipRefusal): Problem {
  const [zh, en] = ((): [string, string] => {
    switch (refusal.kind) {
      case "part":
        return [
          `其中的 ${refusal.part} 解压后超过 ${megabytes(refusal.bytes - 1)},上限为 ${megabytes(refusal.limit)}`,
          `its part ${refusal.part} unpacks to more than ${megabytes(refusal.bytes - 1)}, above the limit of ${megabytes(refusal.limit)}`,
        ];
      case "total":
        return [
          `解压后共超过 ${megabytes(refusal.bytes - 1)},上限为 ${megabytes(refusal.limit)}`,
          `it unpacks to more than ${megabytes(refusal.bytes - 1)} in all, above the limit of ${megabytes(refusal.limit)}`,
        ];
      case "parts":
        return [
          `其中有 ${refusal.count} 个部件,上限为 ${refusal.limit} 个`,
          `it holds ${refusal.count} parts, above the limit of ${refusal.limit}`,
        ];
      case "sharedStrings":
        return [
          `其中的不同文本超过 ${refusal.limit} 个(上限)`,
          `it holds more than ${refusal.limit} distinct texts (the limit)`,
        ];
    }
  })();
  return {
    severity: "error",
    file,
    field: "",
    message: `该 .xlsx 文件过大,未读取:${zh}。录入工作簿远小于此;文件可能已损坏或是“压缩炸弹”。`,
    messageEn: `This .xlsx file is too large and was not read: ${en}. An input workbook is far smaller; the file may be damaged or a zip bomb.`,
    accepts: `解压后每个部件 ≤ ${megabytes(ZIP_LIMITS.partBytes)}、共 ≤ ${megabytes(ZIP_LIMITS.totalBytes)} 的 .xlsx 工作簿`,
    acceptsEn: `an .xlsx workbook whose parts unpack to at most ${megabytes(ZIP_LIMITS.partBytes)} each, ${megabytes(ZIP_LIMITS.totalBytes)} in all`,
  };
}
