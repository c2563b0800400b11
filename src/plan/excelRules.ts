/**
 * What Excel accepts, in one place: its limits, the in-cell list rules, the style rules and the A4 print rules.
 * validatePlan reports a plan that breaks one before anything is written; both writers (exceljs and Office.js) take
 * the same rules and the same values from here, so that a plan validatePlan passes is one both writers can render.
 */
import type { CellStyle, HeaderFooterPlan, PrintPlan } from "./types";

/** Excel's specifications and limits (Microsoft's "Excel specifications and limits"). */
export const EXCEL_LIMITS = {
  /** Characters of a formula's contents, its leading "=" included. */
  formulaLength: 8192,
  /** Levels of nested parentheses (functions within functions). */
  nesting: 64,
  /** Arguments of one function. */
  arguments: 255,
  /** Characters of a text constant inside a formula (and of an in-cell list's source). */
  formulaText: 255,
  /** Characters a cell holds. */
  cellText: 32767,
  sheetName: 31,
  /** Characters of a defined or table name. */
  name: 255,
  rows: 1048576,
  columns: 16384,
  /** Column width in characters. */
  columnWidth: 255,
  /** Font size in points. */
  fontSize: { min: 1, max: 409 },
} as const;

/** A limit a formula or a cell breaks: which, Excel's maximum and what the plan has. */
export interface LimitBreach {
  readonly limit: "formulaLength" | "nesting" | "arguments" | "formulaText" | "cellText";
  readonly max: number;
  readonly actual: number;
  readonly message: string;
}

/**
 * The limits a formula (without its leading "=") breaks: length, nesting, arguments of one function and length
 * of a text constant. Text constants and quoted sheet names are skipped; commas inside an array constant {…}
 * separate its items, not arguments.
 */
export function formulaLimitBreaches(formula: string): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const length = formula.length + 1;
  if (length > EXCEL_LIMITS.formulaLength)
    breaches.push({
      limit: "formulaLength",
      max: EXCEL_LIMITS.formulaLength,
      actual: length,
      message: `formula has ${length} characters (with its "="); Excel allows ${EXCEL_LIMITS.formulaLength}`,
    });
  if (!mayBreakStructure(formula)) return breaches;
  // One entry per open parenthesis: whether it is a function call (and which), its commas, whether it holds any.
  const open: { call: string | undefined; commas: number; filled: boolean }[] = [];
  let braces = 0;
  let deepest = 0;
  let mostArguments = { count: 0, name: "" };
  let longestText = 0;
  const count = (group: { commas: number; filled: boolean }) => (group.filled ? group.commas + 1 : 0);
  const closed = (group: { call: string | undefined; commas: number; filled: boolean }) => {
    if (group.call !== undefined && count(group) > mostArguments.count)
      mostArguments = { count: count(group), name: group.call };
  };
  for (let i = 0; i < formula.length; i++) {
    const char = formula[i] as string;
    const top = open[open.length - 1];
    if (top && char !== ")" && !/\s/.test(char)) top.filled = true;
    if (char === '"' || char === "'") {
      // A text constant or a quoted sheet name; a doubled quote inside is one character.
      let end = i + 1;
      let characters = 0;
      while (end < formula.length) {
        if (formula[end] === char) {
          if (formula[end + 1] === char) end += 2;
          else break;
        } else end++;
        characters++;
      }
      if (char === '"') longestText = Math.max(longestText, characters);
      i = end;
    } else if (char === "{") braces++;
    else if (char === "}") braces = Math.max(0, braces - 1);
    else if (char === "(") {
      const name = /([\p{L}_][\p{L}\p{N}_.]*)\s*$/u.exec(formula.slice(Math.max(0, i - 64), i))?.[1];
      open.push({ call: name?.toUpperCase(), commas: 0, filled: false });
      deepest = Math.max(deepest, open.length);
    } else if (char === ")") {
      const group = open.pop();
      if (group) closed(group);
    } else if (char === "," && braces === 0 && top) top.commas++;
  }
  // A call left open at the end still counts.
  open.forEach(closed);
  if (deepest > EXCEL_LIMITS.nesting)
    breaches.push({
      limit: "nesting",
      max: EXCEL_LIMITS.nesting,
      actual: deepest,
      message: `formula nests ${deepest} levels of parentheses; Excel allows ${EXCEL_LIMITS.nesting}`,
    });
  if (mostArguments.count > EXCEL_LIMITS.arguments)
    breaches.push({
      limit: "arguments",
      max: EXCEL_LIMITS.arguments,
      actual: mostArguments.count,
      message: `${mostArguments.name} has ${mostArguments.count} arguments; Excel allows ${EXCEL_LIMITS.arguments}`,
    });
  if (longestText > EXCEL_LIMITS.formulaText)
    breaches.push({
      limit: "formulaText",
      max: EXCEL_LIMITS.formulaText,
      actual: longestText,
      message: `a text in the formula has ${longestText} characters; Excel allows ${EXCEL_LIMITS.formulaText}`,
    });
  return breaches;
}

/** Whether a formula has enough parentheses, commas or characters to break a limit other than its length. */
function mayBreakStructure(formula: string): boolean {
  if (formula.length > EXCEL_LIMITS.formulaText + 2) return true;
  let parentheses = 0;
  let commas = 0;
  for (let i = 0; i < formula.length; i++) {
    const code = formula.charCodeAt(i);
    if (code === 40) parentheses++;
    else if (code === 44) commas++;
  }
  return parentheses > EXCEL_LIMITS.nesting || commas >= EXCEL_LIMITS.arguments;
}

/** The limit a cell's text breaks (undefined when it fits). Excel counts UTF-16 code units, as JavaScript does. */
export function cellTextBreach(text: string): LimitBreach | undefined {
  if (text.length <= EXCEL_LIMITS.cellText) return undefined;
  return {
    limit: "cellText",
    max: EXCEL_LIMITS.cellText,
    actual: text.length,
    message: `text has ${text.length} characters; a cell holds ${EXCEL_LIMITS.cellText}`,
  };
}

/* In-cell drop-down lists. */

/**
 * Why Excel cannot take these values as an in-cell list (undefined when it can). Excel takes a typed list as one
 * comma-separated text, which a file stores as a quoted formula: an item may hold neither a comma nor a quote, and
 * the text is a formula's text constant, at most 255 characters.
 */
export function listViolation(items: readonly string[]): string | undefined {
  if (items.length === 0) return "the list is empty";
  const bad = items.find((item) => item.includes(",") || item.includes('"'));
  if (bad !== undefined) return `list item "${bad}" contains a comma or a quote, which Excel cannot list`;
  const length = listSource(items).length;
  if (length > EXCEL_LIMITS.formulaText)
    return `the list is ${length} characters, Excel accepts ${EXCEL_LIMITS.formulaText}`;
  return undefined;
}

/** The list as Excel's Source box holds it (what Office.js takes): the items joined by commas. */
export const listSource = (items: readonly string[]): string => items.join(",");

/** The list as a file stores it (what exceljs takes): the source as a quoted formula. */
export const listFormula = (items: readonly string[]): string => `"${listSource(items)}"`;

/** For a writer: the list's items, or a RangeError naming where and why Excel cannot take them. */
export function checkedList(items: readonly string[], where: string): readonly string[] {
  const violation = listViolation(items);
  if (violation !== undefined) throw new RangeError(`${where}: ${violation}`);
  return items;
}

/* Styles. */

const RGB = /^[0-9A-Fa-f]{6}$/;

/** Whether a plan's styles define a style id (an own property: "toString" is not a style). */
export const hasStyle = (styles: { readonly [id: string]: CellStyle }, id: string): boolean =>
  Object.prototype.hasOwnProperty.call(styles, id);

/** The plan style a format or a rule names, or a RangeError naming where and the known styles. */
export function styleNamed(
  styles: { readonly [id: string]: CellStyle },
  id: string,
  where: string,
): CellStyle {
  const style = hasStyle(styles, id) ? styles[id] : undefined;
  if (!style)
    throw new RangeError(
      `${where} refers to unknown style "${id}" (known: ${Object.keys(styles).join(", ")})`,
    );
  return style;
}

/** Why a style cannot be rendered as planned (undefined when it can): colours are "RRGGBB", sizes 1–409 pt. */
export function styleViolation(style: CellStyle): string | undefined {
  for (const key of ["color", "fill"] as const) {
    const colour = style[key];
    if (colour !== undefined && !RGB.test(colour)) return `${key} "${colour}" is not RRGGBB`;
  }
  const size = style.fontSize;
  if (size !== undefined && !(size >= EXCEL_LIMITS.fontSize.min && size <= EXCEL_LIMITS.fontSize.max))
    return `font size ${size} is outside ${EXCEL_LIMITS.fontSize.min}–${EXCEL_LIMITS.fontSize.max} points`;
  return undefined;
}

/** Why a sheet's tab colour cannot be rendered (undefined when it can). */
export const tabColorViolation = (colour: string): string | undefined =>
  RGB.test(colour) ? undefined : `tab colour "${colour}" is not RRGGBB`;

/** Why a column width cannot be rendered (undefined when it can): more than 0, at most 255 characters. */
export const columnWidthViolation = (width: number): string | undefined =>
  width > 0 && width <= EXCEL_LIMITS.columnWidth
    ? undefined
    : `width ${width} (must be more than 0 and at most ${EXCEL_LIMITS.columnWidth})`;

/* Printing: every sheet prints on A4. */

export const PAPER = {
  /** Office.js's paper size name. */
  name: "A4",
  /** The paper size code a file stores (ECMA-376 ST_PaperSize 9). */
  code: 9,
} as const;

/** A4 in points (210 × 297 mm). */
export const A4_POINTS = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 } as const;

/** Excel's standard page margins in inches, as a file stores them. */
export const MARGINS_INCHES = {
  left: 0.7,
  right: 0.7,
  top: 0.75,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
} as const;

/** The same margins in points, as Office.js sets them. */
export const MARGINS_POINTS = {
  left: MARGINS_INCHES.left * 72,
  right: MARGINS_INCHES.right * 72,
  top: MARGINS_INCHES.top * 72,
  bottom: MARGINS_INCHES.bottom * 72,
  header: MARGINS_INCHES.header * 72,
  footer: MARGINS_INCHES.footer * 72,
} as const;

/** The print scales Excel accepts, in percent. */
export const PRINT_SCALE = { min: 10, max: 400 } as const;

/** Excel's column width unit (characters of the default font) in points, for a 7-pixel digit. */
export const columnWidthPoints = (characters: number): number =>
  Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

/** Fit to width: all columns on one page wide, as many pages tall as needed (0: no limit). */
export const FIT_TO_WIDTH = { wide: 1, tall: 0 } as const;

const REPEAT_ROWS = /^\$?(\d+):\$?(\d+)$/;

/** Why print title rows like "1:3" cannot be set (undefined when they can). */
export function repeatRowsViolation(repeatRows: string): string | undefined {
  const match = REPEAT_ROWS.exec(repeatRows);
  if (!match) return `print repeat rows "${repeatRows}" is not like "4:4"`;
  const [first, last] = [Number(match[1]), Number(match[2])];
  if (first < 1 || last < first || last > EXCEL_LIMITS.rows)
    return `print repeat rows "${repeatRows}" are not rows from top to bottom of the sheet`;
  return undefined;
}

/** The rows printed at the top of every page, or a RangeError when they are not rows; none when not set. */
export function titleRows(print: PrintPlan): { readonly first: number; readonly last: number } | undefined {
  const repeat = print.repeatRows;
  if (repeat === undefined || repeat === "") return undefined;
  const violation = repeatRowsViolation(repeat);
  if (violation !== undefined) throw new RangeError(violation);
  const [first, last] = repeat.replace(/\$/g, "").split(":").map(Number) as [number, number];
  return { first, last };
}

const REPEAT_COLUMNS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/;

/** Why print title columns like "A:B" cannot be set (undefined when they can). */
export function repeatColumnsViolation(repeatColumns: string): string | undefined {
  const match = REPEAT_COLUMNS.exec(repeatColumns);
  if (!match) return `print repeat columns "${repeatColumns}" is not like "A:B"`;
  const [first, last] = [columnNumber(match[1] as string), columnNumber(match[2] as string)];
  if (last < first || last > EXCEL_LIMITS.columns)
    return `print repeat columns "${repeatColumns}" are not columns from left to right of the sheet`;
  return undefined;
}

const columnNumber = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The columns printed at the left of every page, or a RangeError when they are not columns; none when not set. */
export function titleColumns(
  print: PrintPlan,
): { readonly first: string; readonly last: string } | undefined {
  const repeat = print.repeatColumns;
  if (repeat === undefined || repeat === "") return undefined;
  const violation = repeatColumnsViolation(repeat);
  if (violation !== undefined) throw new RangeError(violation);
  const [first, last] = repeat.replace(/\$/g, "").split(":") as [string, string];
  return { first, last };
}

/** Why a print scale cannot be set (undefined when it can): a whole percent from 10 to 400. */
export const printScaleViolation = (scale: number): string | undefined =>
  Number.isInteger(scale) && scale >= PRINT_SCALE.min && scale <= PRINT_SCALE.max
    ? undefined
    : `print scale ${scale} % (must be a whole percent from ${PRINT_SCALE.min} to ${PRINT_SCALE.max})`;

/* Page headers and footers. */

/** The characters a file's header (or footer), its codes and its three parts together, may hold. */
export const HEADER_FOOTER_LENGTH = 255;

/** Codes of a header or footer part: the page number, the number of pages. */
export const PAGE_NUMBER = "&P";
export const PAGE_COUNT = "&N";

/** Plain text as a header or footer part: an ampersand is doubled, so that no text reads as a code. */
export const headerFooterText = (text: string): string => text.replace(/&/g, "&&");

/** The footer "第 n 页 共 m 页" as header codes. */
export const PAGE_OF_PAGES = `第 ${PAGE_NUMBER} 页 共 ${PAGE_COUNT} 页`;

/** A header or footer as a file stores it (what exceljs takes): "&L…&C…&R…", parts left out when empty. */
export function headerFooterCode(parts: HeaderFooterPlan | undefined): string {
  if (!parts) return "";
  return [
    ["&L", parts.left],
    ["&C", parts.center],
    ["&R", parts.right],
  ]
    .filter(([, text]) => text !== undefined && text !== "")
    .map(([code, text]) => `${code}${text}`)
    .join("");
}

/** Why a header or footer cannot be set (undefined when it can): Excel keeps 255 characters of it. */
export function headerFooterViolation(
  parts: HeaderFooterPlan | undefined,
  which: string,
): string | undefined {
  const length = headerFooterCode(parts).length;
  return length <= HEADER_FOOTER_LENGTH
    ? undefined
    : `the page ${which} has ${length} characters with its codes; Excel keeps ${HEADER_FOOTER_LENGTH}`;
}

/* Row heights. */

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Why a row height cannot be set (undefined when it can): more than 0, at most 409 points. */
export const rowHeightViolation = (height: number): string | undefined =>
  height > 0 && height <= MAX_ROW_HEIGHT
    ? undefined
    : `row height ${height} (must be more than 0 and at most ${MAX_ROW_HEIGHT} points)`;
