/**
 * The translation table: for each EDU function id, its zh-CN metadata (name, description, parameters) and its
 * reference content in both languages. English names and descriptions come from the functions' JSDoc
 * (dist/functions.json); the build joins the two into functions.zh-cn.json, the help pages and docs/functions.md.
 */

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** A cell as Excel hands it to a custom function; an omitted optional argument is null. */
export type CellValue = number | string | boolean | null;
/** A scalar, or a range as Excel passes it: rows of cells. */
export type ExcelValue = CellValue | readonly (readonly CellValue[])[];
export type SpreadsheetError = "#VALUE!" | "#DIV/0!" | "#N/A";
/** An Excel error in one cell of a spilled result (one column's #DIV/0! among numbers). */
export interface ErrorCell {
  readonly error: SpreadsheetError;
}
/** What a call returns: a scalar, or a spill whose cells may be errors of their own. */
export type ExcelResult = CellValue | readonly (readonly (CellValue | ErrorCell)[])[];

export interface ParameterText {
  readonly zhName: string;
  readonly zhDescription: string;
}

/** A parameter's texts with the name it has in the function's JSDoc (and functions.json). */
export interface NamedParameterText extends ParameterText {
  readonly name: string;
}

/** A call and what it returns; the bundle test calls every example through the built add-in. */
export interface Example {
  readonly args: readonly ExcelValue[];
  readonly result: ExcelResult;
  /** Decimal places a numeric result is compared (and shown) to; exact to 9 places when absent. */
  readonly digits?: number;
  readonly note?: Bilingual;
}

/** An error the function gives, with a call that gives it (also checked by the bundle test). */
export interface ErrorCase {
  readonly error: SpreadsheetError;
  readonly when: Bilingual;
  readonly args: readonly ExcelValue[];
}

/** A table of the reference page (a dated policy table), written from the rule's data. */
export interface ReferenceTable {
  readonly title: Bilingual;
  readonly head: readonly Bilingual[];
  /** Cells: one text for both languages, or a text per language. */
  readonly rows: readonly (readonly (string | Bilingual)[])[];
}

export interface FunctionText {
  readonly zhName: string;
  readonly zhDescription: string;
  /**
   * Each parameter's texts keyed by its JSDoc name (see params), in the order of the function's parameters; the
   * build refuses a table whose names are not exactly the JSDoc's.
   */
  readonly parameters: readonly NamedParameterText[];
  /** What the function checks or computes, for whom. */
  readonly checks: Bilingual;
  /** The rule with its numbers (written from the policy pack, see policyNumbers). */
  readonly rule: Bilingual;
  /** Policy reference sections (§), speech ids (S1-…, S2-…) and the documents behind them. */
  readonly source: Bilingual;
  readonly examples: readonly Example[];
  readonly errors: readonly ErrorCase[];
  /** Tables shown after the rule, e.g. the standards in force by year. */
  readonly tables?: readonly ReferenceTable[];
}

export type FunctionTable = { readonly [id: string]: FunctionText };

export function bi(en: string, zh: string): Bilingual {
  return { en, zh };
}

export function param(zhName: string, zhDescription: string): ParameterText {
  return { zhName, zhDescription };
}

/** Parameter texts keyed by the JSDoc parameter names, written in the parameters' order. */
export function params(byName: { readonly [name: string]: ParameterText }): NamedParameterText[] {
  return Object.entries(byName).map(([name, text]) => ({ name, ...text }));
}

/** A column range: one value per row. */
export function column(...values: CellValue[]): CellValue[][] {
  return values.map((value) => [value]);
}

/** An error cell of a spilled result. */
export function errorCell(error: SpreadsheetError): ErrorCell {
  return { error };
}

/** A row range. */
export function row(...values: CellValue[]): CellValue[][] {
  return [values];
}
