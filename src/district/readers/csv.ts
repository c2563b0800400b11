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

export type CsvEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

/** Encodings told apart but not read: the user is asked to save the file again. */
export type RefusedEncoding = "Big5" | "UTF-32" | "binary";

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
  /** The file is in an encoding the reader names but does not read (text is then empty). */
  readonly refused?: RefusedEncoding;
}

const BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

const iconvDecode = (bytes: Uint8Array, encoding: string): string =>
  iconv.decode(bytes as Parameters<typeof iconv.decode>[0], encoding);

/**
 * UTF-16 without a BOM, as "Unicode text" saves it: a CSV always has ASCII (commas, line ends), whose UTF-16 has a
 * zero byte in every pair, on the odd side (LE) or the even side (BE). Text in any other encoding has no zero bytes.
 * Zero bytes on both sides alike are not text.
 */
function utf16Order(bytes: Uint8Array): "utf-16le" | "utf-16be" | "binary" | undefined {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) {
      if (index % 2 === 0) even += 1;
      else odd += 1;
    }
  });
  if (even + odd === 0) return undefined;
  // A few zero bytes fall on the other side too: 一 is U+4E00.
  if (odd >= 4 * even) return "utf-16le";
  if (even >= 4 * odd) return "utf-16be";
  return "binary";
}

/**
 * Big5 (traditional Chinese, as Excel in Taiwan and Hong Kong saves it) also decodes as GB18030, to the wrong
 * characters. Its second bytes fall below 0xA1 in about four pairs of ten, where GB2312's common characters never
 * do; Big5 is told when that happens often and the bytes are valid Big5.
 */
function looksLikeBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let low = 0;
  for (let index = 0; index < bytes.length - 1 && pairs < 20_000; index++) {
    if ((bytes[index] as number) < 0x81) continue;
    pairs += 1;
    if ((bytes[index + 1] as number) < 0xa1) low += 1;
    index += 1;
  }
  return pairs >= 4 && low / pairs >= 0.2 && !iconvDecode(bytes, "big5").includes("\uFFFD");
}

/**
 * UTF-8 (with or without BOM), UTF-16 (LE or BE, with or without BOM), then GB18030 (a superset of GBK and GB2312)
 * unless the bytes are Big5; UTF-32 and Big5 are named and refused.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  const refuse = (refused: RefusedEncoding): DecodedCsv => ({
    text: "",
    encoding: "utf-8",
    bom: false,
    refused,
  });
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) return refuse("UTF-32");
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: iconvDecode(bytes.subarray(2), "utf-16le"), encoding: "utf-16le", bom: true };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: iconvDecode(bytes.subarray(2), "utf-16be"), encoding: "utf-16be", bom: true };
  const bom = startsWith(bytes, BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const order = utf16Order(body);
  if (order === "binary") return refuse("binary");
  if (order) return { text: iconvDecode(body, order), encoding: order, bom: false };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    if (looksLikeBig5(body)) return refuse("Big5");
    return { text: iconvDecode(body, "gb18030"), encoding: "gb18030", bom: false };
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
  if (encoding !== "utf-8") {
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    const mark = encoding === "utf-16le" ? [0xff, 0xfe] : encoding === "utf-16be" ? [0xfe, 0xff] : [];
    return bom ? new Uint8Array([...mark, ...bytes]) : bytes;
  }
  const body = new TextEncoder().encode(text);
  return bom ? new Uint8Array([...BOM, ...body]) : body;
}

export interface CsvTable {
  /** sheet is "" when the file could not be matched to an input sheet. */
  readonly table: InputTable;
  readonly encoding: CsvEncoding;
  readonly problems: Problem[];
}

const REFUSED: Record<RefusedEncoding, [string, string]> = {
  Big5: ["文件是 Big5(繁体中文)编码", "it is in the Big5 (traditional Chinese) encoding"],
  "UTF-32": ["文件是 UTF-32 编码", "it is in the UTF-32 encoding"],
  binary: [
    "文件含有零字节,不是文本(可能是改了扩展名的 .xls 或其他文件)",
    "it holds zero bytes and is not text (an .xls or other file renamed?)",
  ],
};

export function readCsvTable(bytes: Uint8Array, fileName: string): CsvTable {
  const decoded = decodeCsv(bytes);
  if (decoded.refused) {
    const [zh, en] = REFUSED[decoded.refused];
    return {
      // Not matched to a sheet, so the sheet it was meant to replace is not emptied (and reported again).
      table: { sheet: "", rows: [] },
      encoding: decoded.encoding,
      problems: [
        {
          severity: "error",
          file: fileName,
          field: "",
          message: `无法读取该 CSV 文件:${zh}。请在 Excel 或 WPS 中另存为「CSV UTF-8」后重试`,
          messageEn: `Cannot read this CSV file: ${en}. Save it again as "CSV UTF-8" in Excel or WPS and retry`,
          accepts: "UTF-8、UTF-16 或 GBK/GB18030 编码的 CSV",
          acceptsEn: "a CSV in UTF-8, UTF-16 or GBK/GB18030",
        },
      ],
    };
  }
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

/**
 * The sheet whose headers the file's header row matches best (at least two, and better than any other): the first
 * filled row, or one of the next five when a title sits above the header.
 */
function specForHeaders(rows: readonly (readonly string[])[]): SheetSpec | undefined {
  const filled = rows.filter((row) => row.some((cell) => !isBlank(cell))).slice(0, 6);
  for (const header of filled) {
    const names = new Set(header.map(normalizeHeader));
    const scored = SHEETS.map((spec) => ({
      spec,
      score: spec.columns.filter((column) => headerNames(column).some((name) => names.has(name))).length,
    })).sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (best && best.score >= 2 && best.score > (second?.score ?? 0)) return best.spec;
  }
  return undefined;
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
