/**
 * Exact-match counting and summing for criteria that come from data. COUNTIF/SUMIF read a text criterion as an
 * operator or pattern (`<5`, `=x`, `*`, `?`, `~`), so a name like 幼儿园* would match others; an equality inside
 * SUMPRODUCT compares text as text and computes the same in Excel, WPS, LibreOffice and HyperFormula.
 */
import { caseKey } from "../../district/names";

/** How many cells of `range` equal `key` (a cell reference or a formula string literal). */
export const countEqual = (range: string, key: string): string => `SUMPRODUCT(--(${range}=${key}))`;

/** The sum of `values` over the rows whose `range` cell equals `key`. */
export const sumEqual = (range: string, key: string, values: string): string =>
  `SUMPRODUCT((${range}=${key})*${values})`;

/**
 * The text `=` compares in Excel, WPS, LibreOffice and HyperFormula: the same letters in any case are equal
 * ("Town A" = "TOWN A"). Cached values that count or sum by a name group names by this key, so they agree with
 * what the formulas compute after recalculation (names the engines disagree on are refused by validation).
 */
export const textKey = caseKey;

/** Whether `=` in a formula finds two texts equal. */
export const sameText = (a: string, b: string): boolean => textKey(a) === textKey(b);
