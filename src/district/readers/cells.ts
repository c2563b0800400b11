/**
 * One cell as Excel, exceljs or a CSV gives it → the value the model expects, or what is wrong with it.
 * Lenient where Excel users are: numbers typed as text ("1,234", full-width digits), 是/否, Y/N, TRUE/FALSE.
 */
import { normalizeHeader, type FieldSpec } from "../layout";

export type Converted =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly zh: string; readonly en: string; readonly accepts: string };

/** A Date cell, told without naming the Date global (the pure core never reads the clock). */
export function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

const fail = (zh: string, en: string, accepts: string): Converted => ({ ok: false, zh, en, accepts });
const NUMBER_TEXT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/** "1,234.5", " 12 ", "１２" → a number; anything else → undefined. */
export function parseNumberText(text: string): number | undefined {
  const compact = text.normalize("NFKC").replace(/\s/g, "");
  return NUMBER_TEXT.test(compact) ? Number(compact.replace(/,/g, "")) : undefined;
}

function describe(cell: unknown): string {
  if (isDate(cell)) return "日期";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "object") return "无法识别的单元格";
  return `「${String(cell)}」`;
}

export const ACCEPTS: Record<FieldSpec["kind"], string> = {
  text: "文本",
  optionalText: "文本",
  count: "0 或以上的整数",
  money: "0 或以上的数(可带千分位逗号)",
  year: "四位年份,如 2012",
  bool: "是/否(也接受 Y/N、TRUE/FALSE、1/0)",
  enum: "",
  list: "以顿号或逗号分隔的代码",
};

/** A non-blank cell converted for the field it sits in. */
export function convertCell(cell: unknown, spec: FieldSpec): Converted {
  switch (spec.kind) {
    case "text":
    case "optionalText":
      if (typeof cell === "string") return { ok: true, value: cell.trim() };
      if (typeof cell === "number" && Number.isFinite(cell)) return { ok: true, value: String(cell) };
      return fail(`应为文本,实为${describe(cell)}`, `must be text, got ${describe(cell)}`, ACCEPTS.text);
    case "count":
    case "money":
    case "year": {
      const value =
        typeof cell === "number" ? cell : typeof cell === "string" ? parseNumberText(cell) : undefined;
      if (value !== undefined && Number.isFinite(value)) return { ok: true, value };
      return fail(
        `应为数字,实为${describe(cell)}`,
        `must be a number, got ${describe(cell)}`,
        ACCEPTS[spec.kind],
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
      return fail(`取值${describe(cell)}无效`, `${describe(cell)} is not accepted`, accepts);
    }
    case "list": {
      if (typeof cell === "number") return { ok: true, value: [String(cell)] };
      if (typeof cell !== "string")
        return fail(`应为文本,实为${describe(cell)}`, `must be text, got ${describe(cell)}`, ACCEPTS.list);
      return { ok: true, value: splitList(cell) };
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
