/**
 * CSV files as Excel and WPS save them in China: UTF-8 (with or without BOM) or GBK/GB18030. RFC 4180 parsing
 * (quoted fields, doubled quotes, CRLF, newlines inside quotes). A CSV brings one input sheet, told by its file
 * name (学校.csv, schools.csv) or by its headers.
 */
import iconv from "iconv-lite";
import { SHEETS, headerNames, normalizeHeader, type SheetSpec } from "../layout";
import type { Problem } from "../problems";
import { isBlank } from "./cells";
import { specForName, type InputTable } from "./tables";

export type CsvEncoding = "utf-8" | "gb18030";

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

/** Strict UTF-8 first (any invalid sequence fails it); otherwise GB18030, a superset of GBK and GB2312. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const bom = BOM.every((byte, index) => bytes[index] === byte);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    return {
      text: iconv.decode(body as Parameters<typeof iconv.decode>[0], "gb18030"),
      encoding: "gb18030",
      bom: false,
    };
  }
}

export interface ParsedCsv {
  readonly rows: string[][];
  /** A quoted field was still open at the end of the text. */
  readonly unterminated: boolean;
}

export function parseCsv(text: string): ParsedCsv {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") endField();
    else if (char === "\r" || char === "\n") {
      endRow();
      if (char === "\r" && text[index + 1] === "\n") index += 1;
    } else field += char;
    index += 1;
  }
  if (field !== "" || row.length > 0 || quoted) endRow();
  return { rows, unterminated: quoted };
}

/** Rows → CSV bytes (CRLF line ends, fields quoted only when needed). */
export function encodeCsv(
  rows: readonly (readonly unknown[])[],
  encoding: CsvEncoding,
  bom = false,
): Uint8Array {
  const quote = (cell: unknown): string => {
    const text = cell === null || cell === undefined ? "" : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
  if (encoding === "gb18030") return new Uint8Array(iconv.encode(text, "gb18030"));
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([...BOM, ...body]) : body;
}

export interface CsvTable {
  /** sheet is "" when the file could not be matched to an input sheet. */
  readonly table: InputTable;
  readonly encoding: CsvEncoding;
  readonly problems: Problem[];
}

export function readCsvTable(bytes: Uint8Array, fileName: string): CsvTable {
  const decoded = decodeCsv(bytes);
  const { rows, unterminated } = parseCsv(decoded.text);
  const spec = specForFile(fileName) ?? specForHeaders(rows);
  const problems: Problem[] = [];
  const sheet = spec?.name ?? "";
  if (!spec)
    problems.push({
      severity: "error",
      file: fileName,
      field: "",
      message: "无法判断该 CSV 文件对应哪张录入表",
      messageEn: "Cannot tell which input sheet this CSV file holds",
      accepts: `文件名为 ${SHEETS.map((s) => `${s.fileNames[0] ?? s.nameEn}.csv`).join("、")}(或英文 ${SHEETS.map((s) => `${s.nameEn}.csv`).join(", ")}),或表头与录入表一致`,
    });
  if (unterminated)
    problems.push({
      severity: "error",
      file: fileName,
      ...(sheet && { sheet }),
      row: rows.length,
      field: "",
      message: "CSV 中有未闭合的引号,文件可能不完整",
      messageEn: "A quoted field is not closed: the file may be cut short",
      accepts: "成对的英文双引号",
    });
  return { table: { sheet, rows }, encoding: decoded.encoding, problems };
}

function specForFile(fileName: string): SheetSpec | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return specForName(base.replace(/\.[^.]*$/, ""));
}

/** The sheet whose headers the file's first filled row matches best (at least two, and better than any other). */
function specForHeaders(rows: readonly (readonly string[])[]): SheetSpec | undefined {
  const header = rows.find((row) => row.some((cell) => !isBlank(cell))) ?? [];
  const names = new Set(header.map(normalizeHeader));
  const scored = SHEETS.map((spec) => ({
    spec,
    score: spec.columns.filter((column) => headerNames(column).some((name) => names.has(name))).length,
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && best.score >= 2 && best.score > (second?.score ?? 0) ? best.spec : undefined;
}

/** The base tables with each CSV's sheet replaced (or added); CSVs not matched to a sheet are left out. */
export function mergeTables(base: readonly InputTable[], replacements: readonly InputTable[]): InputTable[] {
  const known = replacements.filter((table) => table.sheet !== "");
  const replaced = base.map((table) => known.find((candidate) => candidate.sheet === table.sheet) ?? table);
  return [
    ...replaced,
    ...known.filter((table) => !base.some((candidate) => candidate.sheet === table.sheet)),
  ];
}
