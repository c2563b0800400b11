/**
 * One cell as Excel, exceljs or a CSV gives it → the value the model expects, or what is wrong with it.
 * Lenient where Excel users are: numbers typed as text ("1,234", full-width digits), 是/否, Y/N, TRUE/FALSE.
 */
import { normalizeHeader, type FieldSpec } from "../layout";

export type Converted =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Characters XML cannot carry, removed from the text (as U+XXXX). */
      readonly removed?: readonly string[];
    }
  | {
      readonly ok: false;
      readonly zh: string;
      readonly en: string;
      readonly accepts: string;
      readonly acceptsEn: string;
    };

/** A Date cell, told without naming the Date global (the pure core never reads the clock). */
export function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

const fail = (zh: string, en: string, accepts: string, acceptsEn = accepts): Converted => ({
  ok: false,
  zh,
  en,
  accepts,
  acceptsEn,
});

/** The error values Excel, WPS and LibreOffice show in a cell (and write into a CSV). */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
] as const;

/** The Excel error a cell's text is, if it is one ("#REF!", " #n/a "). */
export function excelError(text: string): string | undefined {
  const wanted = text.trim().toUpperCase();
  return EXCEL_ERRORS.find((code) => code === wanted);
}

/**
 * Characters an .xlsx file (XML 1.0) cannot carry: C0 controls other than tab, line feed and carriage return,
 * U+FFFE, U+FFFF and unpaired surrogates.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML cannot carry, and which ones were removed (as U+XXXX, each once). */
export function xmlSafeText(text: string): { readonly text: string; readonly removed: string[] } {
  const removed = new Set<string>();
  const safe = text.replace(NOT_XML, (char) => {
    removed.add(`U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
    return "";
  });
  return { text: safe, removed: [...removed] };
}

/** An accepted text value, with what had to be removed from it. */
function textValue(text: string, toValue: (text: string) => unknown = (t) => t.trim()): Converted {
  const { text: safe, removed } = xmlSafeText(text);
  return { ok: true, value: toValue(safe), ...(removed.length > 0 && { removed }) };
}
const NUMBER_TEXT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** "1,234.5", " 12 ", "１２" → a number; anything else → undefined. */
export function parseNumberText(text: string): number | undefined {
  const compact = text.normalize("NFKC").replace(/\s/g, "");
  return NUMBER_TEXT.test(compact) ? Number(compact.replace(/,/g, "")) : undefined;
}

/** The cell as a message quotes it: [zh, en]. */
function describe(cell: unknown): [string, string] {
  if (isDate(cell)) return ["日期", "a date"];
  if (typeof cell === "boolean") return cell ? ["TRUE", "TRUE"] : ["FALSE", "FALSE"];
  if (typeof cell === "object") return ["无法识别的单元格", "a cell of an unknown kind"];
  return [`「${String(cell)}」`, `"${String(cell)}"`];
}

export const ACCEPTS: Record<FieldSpec["kind"], string> = {
  text: "文本",
  optionalText: "文本",
  count: "0 或以上的整数",
  signedCount: "整数, 迁入为正、迁出为负",
  money: "0 或以上的数(可带千分位逗号)",
  rate: "小数或百分数,如 0.05 或 5%",
  year: "四位年份,如 2012",
  bool: "是/否(也接受 Y/N、TRUE/FALSE、1/0)",
  enum: "",
  list: "以顿号或逗号分隔的代码",
};

export const ACCEPTS_EN: Record<FieldSpec["kind"], string> = {
  text: "text",
  optionalText: "text",
  count: "a whole number, 0 or more",
  signedCount: "a whole number, positive in, negative out",
  money: "a number, 0 or more (thousands commas allowed)",
  rate: "a fraction or a percentage, e.g. 0.05 or 5%",
  year: "a four-digit year, e.g. 2012",
  bool: "是/否 (yes/no; Y/N, TRUE/FALSE and 1/0 also work)",
  enum: "",
  list: "codes separated by 、 or commas",
};

/** A non-blank cell converted for the field it sits in. */
export function convertCell(cell: unknown, spec: FieldSpec): Converted {
  const error = typeof cell === "string" ? excelError(cell) : undefined;
  if (error !== undefined)
    return fail(
      `单元格是 Excel 错误值 ${error}(公式出错或引用失效),不是数据`,
      `the cell holds the Excel error ${error} (a broken formula or reference), not data`,
      ACCEPTS[spec.kind] || (spec.options ?? []).map((candidate) => candidate.zh).join("/"),
      ACCEPTS_EN[spec.kind] || (spec.options ?? []).map((candidate) => candidate.zh).join("/"),
    );
  switch (spec.kind) {
    case "text":
    case "optionalText":
      if (typeof cell === "string") return textValue(cell);
      if (typeof cell === "number" && Number.isFinite(cell)) return { ok: true, value: String(cell) };
      return fail(
        `应为文本,实为${describe(cell)[0]}`,
        `must be text, got ${describe(cell)[1]}`,
        ACCEPTS.text,
        ACCEPTS_EN.text,
      );
    case "rate": {
      const percent = typeof cell === "string" ? /^\s*(.*?)\s*[%％]\s*$/.exec(cell) : null;
      const value =
        typeof cell === "number"
          ? cell
          : percent
            ? (parseNumberText(percent[1] ?? "") ?? NaN) / 100
            : typeof cell === "string"
              ? parseNumberText(cell)
              : undefined;
      if (value !== undefined && Number.isFinite(value)) return { ok: true, value };
      return fail(
        `应为小数或百分数,实为${describe(cell)[0]}`,
        `must be a fraction or a percentage, got ${describe(cell)[1]}`,
        ACCEPTS.rate,
        ACCEPTS_EN.rate,
      );
    }
    case "count":
    case "signedCount":
    case "money":
    case "year": {
      const value =
        typeof cell === "number" ? cell : typeof cell === "string" ? parseNumberText(cell) : undefined;
      if (value !== undefined && Number.isFinite(value)) return { ok: true, value };
      return fail(
        `应为数字,实为${describe(cell)[0]}`,
        `must be a number, got ${describe(cell)[1]}`,
        ACCEPTS[spec.kind],
        ACCEPTS_EN[spec.kind],
      );
    }
    case "bool":
    case "enum": {
      const options = spec.options ?? [];
      const key =
        typeof cell === "boolean"
          ? String(cell)
          : typeof cell === "string" || typeof cell === "number"
            ? String(cell)
            : "";
      const wanted = normalizeHeader(key);
      const option = options.find((candidate) =>
        [candidate.zh, candidate.value, ...(candidate.aliases ?? [])].some(
          (name) => normalizeHeader(name) === wanted,
        ),
      );
      if (option) return { ok: true, value: spec.kind === "bool" ? option.value === "true" : option.value };
      const accepts =
        spec.kind === "bool" ? ACCEPTS.bool : options.map((candidate) => candidate.zh).join("/");
      const acceptsEn = spec.kind === "bool" ? ACCEPTS_EN.bool : accepts;
      return fail(`取值${describe(cell)[0]}无效`, `${describe(cell)[1]} is not accepted`, accepts, acceptsEn);
    }
    case "list": {
      if (typeof cell === "number") return { ok: true, value: [String(cell)] };
      if (typeof cell !== "string")
        return fail(
          `应为文本,实为${describe(cell)[0]}`,
          `must be text, got ${describe(cell)[1]}`,
          ACCEPTS.list,
          ACCEPTS_EN.list,
        );
      return textValue(cell, splitList);
    }
  }
}

export function splitList(text: string): string[] {
  return text
    .split(/[、,，;；\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The model value as a cell a user reads and can type back: 是/否, option labels, lists joined by 、. */
export function toCell(value: unknown, spec: FieldSpec): string | number | null {
  if (value === undefined || value === null) return null;
  if (spec.kind === "bool") return value ? "是" : "否";
  if (spec.kind === "enum")
    return spec.options?.find((option) => option.value === value)?.zh ?? String(value);
  if (spec.kind === "list" && Array.isArray(value)) return value.join("、");
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}
