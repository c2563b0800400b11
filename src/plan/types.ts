/**
 * A workbook plan: the generated budget workbook as plain data. Builders (src/plan/sheets) produce it from a
 * district and a policy pack; two writers render it (src/writers/xlsx with exceljs, src/writers/officejs inside
 * Excel). Nothing here knows about either host.
 *
 * Conventions
 * - Addresses are A1 strings without sheet (e.g. "B3", "B3:F20"); rows and columns in blocks are 0-based offsets.
 * - Formulas are Excel's English, comma-separated, WITHOUT the leading "=" (exceljs stores them so; the Office.js
 *   writer adds "="). Only built-in functions: the file must compute the same in Excel, WPS and LibreOffice.
 * - Every formula cell carries the value the builder computed with the domain rules, so viewers that do not
 *   recalculate still show numbers, and tests can prove the formula and the rule agree.
 * - A constant string is data and is always written as text, even when it starts with "=", "+", "-" or "@".
 */
import type { SheetKey } from "./sheets";

/** The key of a sheet of the budget workbook (src/plan/sheets/index.ts lists them, in workbook order). */
export type { SheetKey };

export type Scalar = string | number | boolean;

/** Excel error values a formula may be expected to produce (the plan marks them; anything else is a defect). */
export type PlanErrorValue = "#DIV/0!" | "#N/A" | "#VALUE!";

export interface ValueCell {
  readonly v: Scalar;
}

export interface FormulaCell {
  /** Formula without the leading "=". */
  readonly f: string;
  /** The value the builder computed for it (or the error it is expected to show). */
  readonly v: Scalar | { readonly error: PlanErrorValue };
}

/** null is an empty cell. */
export type PlanCell = ValueCell | FormulaCell | null;

export function isFormulaCell(cell: PlanCell): cell is FormulaCell {
  return cell !== null && "f" in cell;
}

/** A rectangular block of cells anchored at a top-left address. Every row has the same length. */
export interface Block {
  readonly anchor: string;
  readonly cells: readonly (readonly PlanCell[])[];
}

export type HorizontalAlignment = "left" | "center" | "right";

export interface CellStyle {
  /** Excel number format code, e.g. "#,##0.00", "0.00%", "@". */
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** Font colour, "RRGGBB". */
  readonly color?: string;
  /** Solid fill colour, "RRGGBB". */
  readonly fill?: string;
  readonly horizontal?: HorizontalAlignment;
  readonly wrap?: boolean;
  /** Thin border on all sides. */
  readonly border?: boolean;
}

/** Style ids are keys of WorkbookPlan.styles. */
export type StyleId = string;

export interface RangeFormat {
  readonly range: string;
  readonly style: StyleId;
}

export interface ColumnPlan {
  /** Column letter, e.g. "A". */
  readonly column: string;
  /** Width in characters (Excel's column width unit). */
  readonly width: number;
}

export interface TableColumnPlan {
  readonly name: string;
}

export interface TablePlan {
  /** Workbook-unique, a valid Excel table name (letters, digits, underscore; not a cell address). */
  readonly name: string;
  /** The whole table including its header row, e.g. "A3:T120". */
  readonly range: string;
  readonly columns: readonly TableColumnPlan[];
  /** Built-in style name, e.g. "TableStyleMedium2". */
  readonly style: string;
}

/** Conditional formatting: highlight cells of `range` for which `formula` (relative to the range's top-left) is TRUE. */
export interface ConditionalFormatPlan {
  readonly range: string;
  readonly formula: string;
  readonly style: StyleId;
}

export interface ValidationPlan {
  readonly range: string;
  /** The allowed values (an in-cell drop-down list). */
  readonly list: readonly string[];
  /** Shown when a typed value is not in the list. */
  readonly errorMessage: string;
}

export interface PrintPlan {
  readonly orientation: "portrait" | "landscape";
  /** Fit all columns on one page width. */
  readonly fitToWidth: boolean;
  /** The print scale in percent when the sheet is not fitted to the page width (100 when not set). */
  readonly scale?: number;
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  readonly repeatRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "A:B". */
  readonly repeatColumns?: string;
  /** The page header on every page. */
  readonly header?: HeaderFooterPlan;
  /** The page footer on every page. */
  readonly footer?: HeaderFooterPlan;
}

/**
 * The three parts of a page header or footer, in Excel's header codes: "&P" the page number, "&N" the number of
 * pages, "&&" an ampersand (headerFooterText in excelRules.ts escapes plain text).
 */
export interface HeaderFooterPlan {
  readonly left?: string;
  readonly center?: string;
  readonly right?: string;
}

/** A row's height in points (0-based row), set where wrapped text needs more than one line. */
export interface RowPlan {
  readonly row: number;
  readonly height: number;
}

export interface ChartSeriesPlan {
  readonly name: string;
  /** Range of values on the chart's sheet, e.g. "C5:C12". */
  readonly values: string;
}

export interface ChartPlan {
  readonly type: "column" | "bar" | "pie";
  readonly title: string;
  /** Range of category labels on the same sheet. */
  readonly categories: string;
  readonly series: readonly ChartSeriesPlan[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
}

/** A sheet of a plan; K is its key's type (the budget workbook's sheets have a SheetKey; the input template's its own). */
export interface SheetPlan<K extends string = string> {
  /** Excel sheet name: ≤ 31 characters, none of []:*?/\ , not blank, unique case-insensitively. */
  readonly name: string;
  /** A stable ASCII key (e.g. "schools") the writers and the task pane use to refer to the sheet. */
  readonly key: K;
  readonly tabColor?: string;
  readonly blocks: readonly Block[];
  readonly columns: readonly ColumnPlan[];
  readonly formats: readonly RangeFormat[];
  readonly merges: readonly string[];
  readonly tables: readonly TablePlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly validations: readonly ValidationPlan[];
  /** Frozen rows and columns at the top-left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print: PrintPlan;
  /** Rows of a set height (others keep Excel's default); in row order. */
  readonly rows?: readonly RowPlan[];
  readonly charts: readonly ChartPlan[];
  /** Rows (0-based) that start a new printed page: manual page breaks above them. */
  readonly pageBreaks?: readonly number[];
}

/** A workbook-level defined name, e.g. P_dropout_primary → '参数'!$C$5. */
export interface NamePlan {
  readonly name: string;
  /** Absolute reference with sheet, e.g. "'参数'!$C$5". */
  readonly ref: string;
  readonly comment?: string;
}

/** A check the workbook makes, with where its verdict lives (for 目录 and the task pane's preview). */
export interface CheckPlan {
  readonly id: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Sheet key and cell address of the TRUE/FALSE verdict. */
  readonly sheet: SheetKey;
  readonly cell: string;
  /** The computed verdict. */
  readonly pass: boolean;
  /**
   * false for a check over zero items (nothing to check): its verdict cell shows 不适用, and it counts neither as
   * passed nor as failed (see checkStatus in verdict.ts); absent means applicable.
   */
  readonly applicable?: boolean;
  /** Why, in a sentence (zh-CN), e.g. "教育拨款增长 4.10% ≤ 经常性收入增长 5.00%". */
  readonly detailZh: string;
  readonly detailEn: string;
  /** Sub-results, e.g. one per school checked. */
  readonly items?: readonly CheckItem[];
  /** The 参数 value cell of the policy value that sets the check's threshold, where one does. */
  readonly threshold?: PlanPlace;
  /**
   * The input that makes the check fail, where one row does: the first failing school's row on 学校 (with its code,
   * so that a shell holding the input sheets can go to its 录入-学校 row instead), or the failing row of the sheet.
   */
  readonly cause?: CheckCause;
}

/** A cell of the plan: its sheet's key and its address on that sheet ("C5"). */
export interface PlanPlace {
  readonly sheet: SheetKey;
  readonly cell: string;
}

/** Where a check's failure comes from: a cell of the plan, and the school's code when it is a school's row. */
export interface CheckCause extends PlanPlace {
  readonly school?: string;
}

export interface CheckItem {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly pass: boolean;
  readonly detailZh: string;
  readonly detailEn: string;
}

/** A workbook plan; K is its sheets' key type (SheetKey for the budget workbook). */
export interface WorkbookPlan<K extends string = string> {
  readonly sheets: readonly SheetPlan<K>[];
  readonly names: readonly NamePlan[];
  readonly styles: { readonly [id: StyleId]: CellStyle };
  readonly checks: readonly CheckPlan[];
  readonly properties: {
    readonly title: string;
    readonly district: string;
    readonly budgetYear: number;
    readonly policyPack: string;
    readonly generator: string;
    /** ISO timestamp of the generation (the builders take the clock as input); none for a blank template. */
    readonly generatedAt?: string;
  };
}
