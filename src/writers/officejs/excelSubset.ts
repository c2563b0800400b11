/**
 * The part of the Excel JavaScript API (ExcelApi 1.12) the Office.js writer and the task pane use. Everything is
 * typed as a supertype of @types/office-js, so a real Excel.RequestContext is assignable to ExcelContext (a type
 * test checks it), and the recording fake in test/support implements exactly this. Enum-typed properties are plain
 * strings: the writer passes Excel's string literals ("Landscape", "Custom", …) because the Excel enum objects
 * do not exist outside Office.
 */

export interface Loadable<T> {
  load(propertyNames?: string | string[]): T;
}

export interface ExcelContext {
  readonly workbook: WorkbookLike;
  readonly application: ApplicationLike;
  sync(): Promise<void>;
}

export interface ApplicationLike {
  suspendApiCalculationUntilNextSync(): void;
}

export interface WorkbookLike {
  readonly worksheets: WorksheetCollectionLike;
  readonly names: NamedItemCollectionLike;
  readonly tables: TableCollectionLike;
  /** Task pane: where a picked formula goes. */
  getActiveCell(): RangeLike;
}

export interface WorksheetCollectionLike extends Loadable<WorksheetCollectionLike> {
  readonly items: WorksheetLike[];
  add(name?: string): WorksheetLike;
  getItem(key: string): WorksheetLike;
  getItemOrNullObject(key: string): WorksheetLike;
}

export interface WorksheetLike extends Loadable<WorksheetLike> {
  readonly isNullObject: boolean;
  name: string;
  tabColor: string;
  /** Zero-based tab position; setting it moves the sheet. */
  position: number;
  readonly tables: TableCollectionLike;
  readonly charts: ChartCollectionLike;
  readonly freezePanes: WorksheetFreezePanesLike;
  readonly pageLayout: PageLayoutLike;
  /** Manual page breaks above rows (ExcelApi 1.9). */
  readonly horizontalPageBreaks: PageBreakCollectionLike;
  readonly customProperties: WorksheetCustomPropertyCollectionLike;
  getRange(address?: string): RangeLike;
  /** Several ranges as one, "3:3,7:9" (ExcelApi 1.9): the writer sets the height of scattered rows through it. */
  getRanges(address: string): RangeAreasLike;
  delete(): void;
  /** Task pane only. */
  activate(): void;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
}

export interface PageBreakCollectionLike {
  /** A break before the top-left cell of the range, e.g. "A31": row 31 starts a new printed page. */
  add(pageBreakRange: string): unknown;
}

export interface WorksheetCustomPropertyCollectionLike {
  add(key: string, value: string): unknown;
  getItemOrNullObject(key: string): WorksheetCustomPropertyLike;
}

export interface WorksheetCustomPropertyLike extends Loadable<WorksheetCustomPropertyLike> {
  readonly isNullObject: boolean;
  readonly value: string;
}

export interface RangeLike extends Loadable<RangeLike> {
  readonly isNullObject: boolean;
  /** With the sheet, e.g. "'学校'!B3" (after load). */
  readonly address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: RangeFormatLike;
  readonly conditionalFormats: ConditionalFormatCollectionLike;
  readonly dataValidation: DataValidationLike;
  merge(across?: boolean): void;
  /** Task pane only: activates the range's sheet and selects it. */
  select(): void;
}

/** Ranges of one sheet taken together (RangeAreas); the writer only sets their rows' height. */
export interface RangeAreasLike {
  readonly format: { rowHeight: number };
}

export interface RangeFormatLike {
  columnWidth: number;
  /** Of whole rows ("5:5"), in points. */
  rowHeight: number;
  horizontalAlignment: string;
  wrapText: boolean;
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly fill: { color: string };
  readonly borders: { getItem(index: BorderEdge): { style: string; weight: string } };
}

export type BorderEdge =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface ConditionalFormatCollectionLike {
  add(type: "Custom"): ConditionalFormatLike;
}

export interface ConditionalFormatLike {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly font: { bold: boolean; color: string }; readonly fill: { color: string } };
  };
}

export interface DataValidationLike {
  rule: { list?: { inCellDropDown: boolean; source: unknown } };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
}

export interface TableCollectionLike extends Loadable<TableCollectionLike> {
  readonly items: TableLike[];
  add(address: string, hasHeaders: boolean): TableLike;
  getItem(key: string): TableLike;
}

export interface TableLike {
  name: string;
  style: string;
  getHeaderRowRange(): RangeLike;
}

export interface NamedItemCollectionLike extends Loadable<NamedItemCollectionLike> {
  readonly items: NamedItemLike[];
  add(name: string, reference: string, comment?: string): unknown;
  getItem(name: string): NamedItemLike;
}

export interface NamedItemLike {
  readonly name: string;
  formula: unknown;
  delete(): void;
}

export interface WorksheetFreezePanesLike {
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  freezeAt(frozenRange: string): void;
}

export interface PageLayoutLike {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  readonly headersFooters: { readonly defaultForAllPages: HeaderFooterLike };
  setPrintTitleRows(rows: string): void;
  setPrintTitleColumns(columns: string): void;
}

/** One page header and footer (ExcelApi 1.9), each part in Excel's header codes. */
export interface HeaderFooterLike {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface ChartCollectionLike {
  add(type: string, sourceData: RangeLike, seriesBy?: string): ChartLike;
}

export interface ChartLike {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): ChartSeriesLike; add(name?: string): ChartSeriesLike };
  setPosition(startCell: string, endCell?: string): void;
}

export interface ChartSeriesLike {
  name: string;
  setValues(sourceData: RangeLike): void;
  setXAxisValues(sourceData: RangeLike): void;
}

/** Excel.run as the pane receives it. */
export type ExcelRunner = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;
