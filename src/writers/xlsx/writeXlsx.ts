/** Renders a WorkbookPlan as an .xlsx file with exceljs, in memory (no file system: it also runs in a browser). */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, Worksheet } from "exceljs";
import { columnLetter, parseCell, parseRange, rangeAddress } from "../../plan/address";
import type { PlanCell, SheetPlan, TablePlan, ValidationPlan, WorkbookPlan } from "../../plan/types";
import { isFormulaCell } from "../../plan/types";
import {
  EXCEL_LIMITS,
  FIT_TO_WIDTH,
  PAPER,
  checkedList,
  headerFooterCode,
  listFormula,
  titleColumns,
  titleRows,
} from "../../plan/excelRules";
import { StyleCache, toDxfStyle } from "./styles";
import { addCharts } from "./charts";

/** exceljs takes a width of exactly 9 for "not set" and drops it; a hair more keeps the column as planned. */
const EXCELJS_UNSET_WIDTH = 9;

/** exceljs's model of a worksheet: plain data, no cell objects. */
type SheetModel = ExcelJS.Worksheet["model"];

/** The parts of exceljs's zip writer and .xlsx renderer (what `workbook.xlsx` is) that the writer drives. */
interface ZipWriter {
  append(data: unknown, options: { readonly name: string }): void;
  /** The JSZip package exceljs fills and then packs (exceljs's ZipWriter). */
  readonly zip?: unknown;
}
interface XlsxModel {
  readonly worksheets: SheetModel[];
}
interface XlsxRenderer {
  writeBuffer(): Promise<ArrayBuffer>;
  prepareModel(model: XlsxModel, options: unknown): void;
  addContentTypes(zip: ZipWriter, model: XlsxModel): Promise<void>;
  addWorkbookRels(zip: ZipWriter, model: XlsxModel): Promise<void>;
  addWorksheets(zip: ZipWriter, model: XlsxModel): Promise<void>;
  addWorkbook(zip: ZipWriter, model: XlsxModel): Promise<void>;
}
type XlsxRendererClass = new (workbook: { readonly model: unknown }) => XlsxRenderer;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJsXlsx = require("exceljs/lib/xlsx/xlsx") as XlsxRendererClass;

/** exceljs's XML writer: pieces of text pushed in order, joined at the end; rollbacks cut back to a piece. */
interface XmlStreamLike {
  _xml: string[];
  readonly _rollbacks: readonly unknown[];
  openNode(name: string, attributes?: unknown): void;
  readonly xml: string;
}
interface Xform {
  render(stream: XmlStreamLike, model: unknown): void;
  prepare(model: unknown, options: unknown): void;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const XmlStream = require("exceljs/lib/utils/xml-stream") as new () => XmlStreamLike;
const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as new () => Xform;
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform") as new () => Xform;
/* eslint-enable @typescript-eslint/no-require-imports */

/** Pieces of XML text an XmlBytes holds before it encodes them (about a megabyte of text). */
const PIECES_PER_CHUNK = 1 << 16;

/**
 * exceljs's XML writer that turns its text into UTF-8 bytes as it goes, wherever no rollback is open: a sheet of
 * millions of cells is never one string (nor an array of tens of millions of pieces), only its bytes.
 */
class XmlBytes extends XmlStream {
  private readonly chunks: Uint8Array[] = [];
  private readonly encoder = new TextEncoder();

  override openNode(name: string, attributes?: unknown): void {
    if (this._rollbacks.length === 0 && this._xml.length >= PIECES_PER_CHUNK) {
      this.chunks.push(this.encoder.encode(this._xml.join("")));
      this._xml = [];
    }
    super.openNode(name, attributes);
  }

  /** The whole text as UTF-8 (the stream is closed). */
  bytes(): Uint8Array {
    const chunks = [...this.chunks.splice(0), this.encoder.encode(this.xml)];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/**
 * exceljs's renderer, sheet by sheet: each sheet's XML is made as UTF-8 bytes (XmlBytes) and its rows are released
 * once rendered, so the zip holds bytes and the model shrinks as the sheets are written.
 */
class XlsxRendererBySheet extends ExcelJsXlsx {
  /** The plan whose charts are added to the package once exceljs has put in its last part. */
  plan?: WorkbookPlan;
  /** The model of the sheet at an index with its cells, made when the sheet is rendered. */
  cellsOf?: (index: number) => SheetModel;
  /** What exceljs prepares every sheet with (shared strings, styles), kept to prepare each sheet as it comes. */
  private sheetOptions?: unknown;
  /** The parts that tell what the sheets hold (shared strings), written once the sheets are. */
  private deferred: (() => Promise<void>)[] = [];

  /**
   * exceljs prepares every sheet before it renders any (shared strings, style ids, merges): here each sheet is
   * prepared with its cells when it is rendered, in the same order, so every index comes out as before.
   */
  override prepareModel(model: XlsxModel, options: unknown): void {
    // exceljs's prepareModel makes the options in its body and hands them to each sheet's prepare: they are taken
    // there, and the sheets are prepared later (synchronously: no other write runs in between).
    const prepare = WorksheetXform.prototype.prepare;
    let captured: unknown;
    WorksheetXform.prototype.prepare = (_sheet: unknown, sheetOptions: unknown) => {
      captured = sheetOptions;
    };
    try {
      super.prepareModel(model, options);
    } finally {
      WorksheetXform.prototype.prepare = prepare;
    }
    this.sheetOptions = captured;
  }

  /** Reserved in its place among the parts, written once the sheets have given the shared strings. */
  override async addContentTypes(zip: ZipWriter, model: XlsxModel): Promise<void> {
    zip.append("", { name: "[Content_Types].xml" });
    this.deferred.push(() => super.addContentTypes(zip, model));
  }

  override async addWorkbookRels(zip: ZipWriter, model: XlsxModel): Promise<void> {
    zip.append("", { name: "xl/_rels/workbook.xml.rels" });
    this.deferred.push(() => super.addWorkbookRels(zip, model));
  }

  override async addWorksheets(zip: ZipWriter, model: XlsxModel): Promise<void> {
    const encoder = new TextEncoder();
    const bytes: ZipWriter = {
      append: (data, options) => zip.append(typeof data === "string" ? encoder.encode(data) : data, options),
    };
    const worksheetXform = new WorksheetXform();
    const relationshipsXform = new RelationshipsXform();
    const sheets = model.worksheets;
    for (let i = 0; i < sheets.length; i++) {
      const sheet = sheets[i] as SheetModel & {
        readonly id: number;
        readonly rels?: readonly unknown[];
        readonly comments?: readonly unknown[];
      };
      if (!sheet) continue;
      const full = this.cellsOf
        ? ({
            ...this.cellsOf(i),
            id: sheet.id,
            tables: (sheet as { tables?: unknown }).tables,
          } as typeof sheet)
        : sheet;
      if (this.cellsOf) worksheetXform.prepare(full, this.sheetOptions);
      if ((full.comments?.length ?? 0) > 0) {
        // Notes are exceljs's own parts: its renderer writes them (the plan has none).
        await super.addWorksheets(bytes, { ...model, worksheets: [full] });
      } else {
        // As exceljs's addWorksheets writes a sheet and its relationships, with the sheet's XML made as bytes.
        const xml = new XmlBytes();
        worksheetXform.render(xml, full);
        zip.append(xml.bytes(), { name: `xl/worksheets/sheet${sheet.id}.xml` });
        if (full.rels && full.rels.length > 0) {
          const rels = new XmlStream();
          relationshipsXform.render(rels, full.rels);
          bytes.append(rels.xml, { name: `xl/worksheets/_rels/sheet${sheet.id}.xml.rels` });
        }
      }
      sheets[i] = { ...sheet, rows: [] } as SheetModel;
    }
    for (const part of this.deferred.splice(0)) await part();
  }

  /** The workbook part is exceljs's last: the charts go in after it, before the package is packed. */
  override async addWorkbook(zip: ZipWriter, model: XlsxModel): Promise<void> {
    await super.addWorkbook(zip, model);
    if (!this.plan) return;
    if (!(zip.zip instanceof JSZip))
      throw new Error("exceljs's zip writer holds no JSZip package: charts cannot be added");
    await addCharts(zip.zip, this.plan);
  }
}

/**
 * Each sheet's cells are turned into exceljs's plain model as soon as the sheet is written, and the cell objects
 * are dropped, so at most one sheet's cell objects are alive at a time; the workbook model then reuses those
 * sheet models (exceljs's own getter would build every sheet's model twice). 20,000 schools stay within 2 GB.
 */
export async function writeXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setProperties(workbook, plan);
  const styles = new StyleCache(plan.styles);
  const worksheets = plan.sheets.map((sheet) => {
    const ws = workbook.addWorksheet(sheet.name);
    writeFrame(ws, sheet, styles);
    return ws;
  });
  // The frames' models (no cells) for the workbook's parts; each sheet's cells are made when it is rendered.
  const sheetModels = worksheets.map((ws) => ({ ...detachModel(ws), rows: [] }) as SheetModel);
  writeNames(workbook, plan);
  const model = { ...workbook.model, worksheets: sheetModels, sheets: sheetModels };
  const renderer = new XlsxRendererBySheet({ model });
  renderer.plan = plan;
  renderer.cellsOf = (index) => {
    const ws = worksheets[index];
    const sheet = plan.sheets[index];
    if (!ws || !sheet) throw new Error(`the workbook has no sheet ${index + 1}`);
    writeCells(ws, sheet, styles);
    return detachModel(ws);
  };
  const buffer = await renderer.writeBuffer();
  return new Uint8Array(buffer);
}

/** The worksheet's model; its rows (cell objects) are released, the model keeps everything they held. */
function detachModel(ws: Worksheet): SheetModel {
  const model = ws.model;
  (ws as unknown as { _rows: unknown[] })._rows = [];
  return model;
}

function setProperties(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const { title, generator, district, budgetYear, policyPack } = plan.properties;
  workbook.title = title;
  workbook.creator = generator;
  workbook.lastModifiedBy = generator;
  workbook.subject = `${district} ${budgetYear}`;
  workbook.keywords = policyPack;
  // The plan's time, not the writer's clock: the same plan gives the same file.
  const created = new Date(plan.properties.generatedAt ?? Number.NaN);
  if (!Number.isNaN(created.getTime())) {
    workbook.created = created;
    workbook.modified = created;
  }
}

/**
 * The sheet's cells: its blocks, formats, merges and row heights over the cells its tables hold (exceljs wrote them
 * when the tables were added, and they were released with the sheet's other cells until now).
 */
function writeCells(ws: Worksheet, sheet: SheetPlan, styles: StyleCache): void {
  for (const table of sheet.tables) touchTableCells(ws, table);
  for (const block of sheet.blocks) writeBlock(ws, block.anchor, block.cells);
  applyFormats(ws, sheet, styles);
  for (const range of sheet.merges) ws.mergeCells(range);
  for (const table of sheet.tables) checkTableHeader(ws, table);
  for (const { row, height } of sheet.rows ?? []) ws.getRow(row + 1).height = height;
}

/** Everything of the sheet but its cells (writeCells): columns, tables, rules, views, page setup. */
function writeFrame(ws: Worksheet, sheet: SheetPlan, styles: StyleCache): void {
  if (sheet.tabColor) ws.properties.tabColor = { argb: `FF${sheet.tabColor.toUpperCase()}` };
  for (const { column, width } of sheet.columns) {
    ws.getColumn(column).width = width === EXCELJS_UNSET_WIDTH ? width + 1e-6 : width;
  }
  // Tables first: exceljs writes a table's cells itself, and copying a formula cell drops a 0 or FALSE result.
  for (const table of sheet.tables) addTable(ws, table);
  sheet.conditionalFormats.forEach((rule, index) =>
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "expression",
          formulae: [rule.formula],
          style: toDxfStyle(styles.planStyle(rule.style)),
          priority: index + 1,
        },
      ],
    }),
  );
  // exceljs supports sheet-level validations (ranges) but its typings only declare the per-cell one.
  const validations = (
    ws as Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const validation of sheet.validations) validations.add(validation.range, listValidation(validation));
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows, columns } = sheet.freeze;
    ws.views = [
      { state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: `${columnLetter(columns)}${rows + 1}` },
    ];
  }
  // A break above 0-based row r is Excel's break after the 1-based row r.
  for (const row of sheet.pageBreaks ?? []) ws.getRow(row).addPageBreak();
  // Merged into exceljs's defaults, which keep Excel's standard page margins.
  const titles = titleRows(sheet.print);
  const columns = titleColumns(sheet.print);
  Object.assign(ws.pageSetup, {
    paperSize: PAPER.code,
    orientation: sheet.print.orientation,
    fitToPage: sheet.print.fitToWidth,
    ...(sheet.print.fitToWidth
      ? { fitToWidth: FIT_TO_WIDTH.wide, fitToHeight: FIT_TO_WIDTH.tall }
      : { scale: sheet.print.scale ?? 100 }),
    ...(titles && { printTitlesRow: `${titles.first}:${titles.last}` }),
    ...(columns && { printTitlesColumn: `${columns.first}:${columns.last}` }),
  });
  const header = headerFooterCode(sheet.print.header);
  const footer = headerFooterCode(sheet.print.footer);
  if (header !== "" || footer !== "")
    ws.headerFooter = {
      ...ws.headerFooter,
      ...(header !== "" && { oddHeader: header }),
      ...(footer !== "" && { oddFooter: footer }),
    };
}

/** A constant string stays a plain string (exceljs stores it as a shared string, never as a formula). */
function cellValue(cell: PlanCell): CellValue {
  if (cell === null) return null;
  if (!isFormulaCell(cell)) return cell.v;
  const result = typeof cell.v === "object" ? { error: cell.v.error } : cell.v;
  return { formula: cell.f, result } as CellValue;
}

function writeBlock(ws: Worksheet, anchor: string, cells: readonly (readonly PlanCell[])[]): void {
  const origin = parseCell(anchor);
  cells.forEach((rowCells, r) => {
    const row = ws.getRow(origin.row + r + 1);
    rowCells.forEach((cell, c) => {
      if (cell !== null) row.getCell(origin.column + c + 1).value = cellValue(cell);
    });
  });
}

/** Overlapping formats compose property by property, later ones winning, as they do when applied in Excel. */
function applyFormats(ws: Worksheet, sheet: SheetPlan, styles: StyleCache): void {
  // Cells by number (row × Excel's 16,384 columns + column) and composed keys interned: a sheet of a million
  // formatted cells holds a million small numbers, not a million strings.
  const keys = new Map<number, string>();
  const composed = new Map<string, string>();
  const compose = (previous: string, style: string): string => {
    const pair = `${previous}\n${style}`;
    const known = composed.get(pair);
    if (known !== undefined) return known;
    composed.set(pair, pair);
    return pair;
  };
  for (const format of sheet.formats) {
    styles.planStyle(format.style);
    const { start, end } = parseRange(format.range);
    for (let r = start.row; r <= end.row; r++) {
      for (let c = start.column; c <= end.column; c++) {
        const at = r * EXCEL_LIMITS.columns + c;
        const previous = keys.get(at);
        keys.set(at, previous === undefined ? format.style : compose(previous, format.style));
      }
    }
  }
  for (const [at, key] of keys) {
    const r = Math.floor(at / EXCEL_LIMITS.columns);
    ws.getRow(r + 1).getCell((at % EXCEL_LIMITS.columns) + 1).style = styles.resolve(key);
  }
}

/** Declares the table over empty cells; the blocks then write the header and the rows. */
function addTable(ws: Worksheet, table: TablePlan): void {
  const { start, end } = parseRange(table.range);
  const width = end.column - start.column + 1;
  if (width !== table.columns.length) {
    throw new Error(
      `table ${table.name}: range ${table.range} is ${width} columns wide but has ${table.columns.length} column names`,
    );
  }
  if (end.row === start.row)
    throw new Error(`table ${table.name}: range ${table.range} has a header but no data row`);
  // exceljs writes a cell for every row it is given and keeps the rows in the table's model: it is given one, and
  // the table's range is then set to the plan's (touchTableCells makes the other cells with the sheet's cells).
  const added = ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: table.range.split(":")[0] as string,
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: table.columns.map((column) => ({ name: column.name, filterButton: true })),
    rows: [table.columns.map((): CellValue => null)],
  }) as unknown as { table: { tableRef: string; autoFilterRef: string } };
  const range = rangeAddress(start.row, start.column, end.row, end.column);
  added.table.tableRef = range;
  added.table.autoFilterRef = range;
}

/** The table's cells as exceljs left them when it added the table: each one there (a null but for the header). */
function touchTableCells(ws: Worksheet, table: TablePlan): void {
  const { start, end } = parseRange(table.range);
  for (let r = start.row; r <= end.row; r++) {
    const row = ws.getRow(r + 1);
    for (let c = start.column; c <= end.column; c++) {
      const cell = row.getCell(c + 1);
      cell.value = r === start.row ? (table.columns[c - start.column]?.name ?? null) : null;
    }
  }
}

/** Excel repairs (and renames) a table whose header cells differ from its column names: refuse such a plan. */
function checkTableHeader(ws: Worksheet, table: TablePlan): void {
  const { start } = parseRange(table.range);
  const header = ws.getRow(start.row + 1);
  table.columns.forEach((column, c) => {
    const cell = header.getCell(start.column + c + 1);
    if (cell.value !== column.name) {
      throw new Error(
        `table ${table.name}: header cell ${cell.address} holds "${String(cell.value)}", not the column name "${column.name}"`,
      );
    }
  });
}

function listValidation(validation: ValidationPlan): ExcelJS.DataValidation {
  const list = checkedList(validation.list, `validation ${validation.range}`);
  return {
    type: "list",
    allowBlank: true,
    formulae: [listFormula(list)],
    showErrorMessage: true,
    errorStyle: "stop",
    error: validation.errorMessage,
  };
}

function writeNames(workbook: ExcelJS.Workbook, plan: WorkbookPlan): void {
  for (const name of plan.names) workbook.definedNames.add(name.ref, name.name);
}
