/**
 * Proxies shaped like Office.js objects: property sets and method calls are queued and applied to the model at
 * sync(); loaded properties can be read only after load() and sync(), as in Excel (PropertyNotLoaded otherwise).
 */
import { cellAddress, columnIndex } from "../../../src/plan/address";
import type {
  ApplicationLike,
  BorderEdge,
  ChartCollectionLike,
  ChartLike,
  ChartSeriesLike,
  ConditionalFormatCollectionLike,
  ConditionalFormatLike,
  DataValidationLike,
  ExcelContext,
  NamedItemCollectionLike,
  NamedItemLike,
  HeaderFooterLike,
  PageBreakCollectionLike,
  PageLayoutLike,
  RangeFormatLike,
  RangeAreasLike,
  RangeLike,
  TableCollectionLike,
  TableLike,
  WorkbookLike,
  WorksheetCollectionLike,
  WorksheetCustomPropertyCollectionLike,
  WorksheetCustomPropertyLike,
  WorksheetFreezePanesLike,
  WorksheetLike,
} from "../../../src/writers/officejs/excelSubset";
import {
  boxOf,
  cellOf,
  checkSheetName,
  deleteSheet,
  enter,
  FakeExcelError,
  forEachCell,
  newSheet,
  renameSheet,
  renameTableReferences,
  sheetById,
  sheetByName,
  type Box,
  type FakeChart,
  type FakeSheet,
  type FakeTable,
  type FakeWorkbook,
  readGrid,
  usedRange,
} from "./model";

export interface RequestRecord {
  /** Estimated payload: JSON of every queued call's arguments plus a fixed overhead per call. */
  readonly bytes: number;
  readonly calls: number;
  readonly calculationSuspended: boolean;
}

export interface FakeStats {
  syncs: number;
  apiCalls: number;
  requests: RequestRecord[];
}

/** What the proxies need from the fake: its workbook, its counters and its failure switches. */
export interface FakeHost {
  readonly workbook: FakeWorkbook;
  readonly stats: FakeStats;
  /** Requests bigger than this are rejected whole, like Excel on the web (5 MB). */
  readonly requestLimitBytes: number;
  /** True when the sync being made now must fail. */
  shouldFailSync(): boolean;
  /** Resolves when the sync being made may go on (a test holding syncs releases it). */
  gateSync(): Promise<void>;
  /** Between two calls a sync applies: a promise to await before the next, or undefined to go straight on. */
  pauseWhileApplying?(): Promise<void> | undefined;
  /** Runs the applying of one sync's calls after every other sync's (a paused one included). */
  applyInTurn(apply: () => Promise<void>): Promise<void>;
}

const CALL_OVERHEAD_BYTES = 64;

const encoder = new TextEncoder();

/** UTF-8 bytes of a text, as the request carries it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

class Session {
  private pending: { bytes: number; apply: () => void }[] = [];
  private suspend = false;
  constructor(readonly host: FakeHost) {}

  get workbook(): FakeWorkbook {
    return this.host.workbook;
  }

  queue(args: readonly unknown[], apply: () => void): void {
    this.host.stats.apiCalls++;
    this.pending.push({ bytes: CALL_OVERHEAD_BYTES + utf8Length(JSON.stringify(args)), apply });
  }

  suspendCalculation(): void {
    this.queue(["suspendApiCalculationUntilNextSync"], () => undefined);
    this.suspend = true;
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    const calculationSuspended = this.suspend;
    this.pending = [];
    this.suspend = false;
    const bytes = batch.reduce((sum, call) => sum + call.bytes, 0);
    this.host.stats.syncs++;
    this.host.stats.requests.push({ bytes, calls: batch.length, calculationSuspended });
    const fails = this.host.shouldFailSync();
    await this.host.gateSync();
    if (fails) throw new FakeExcelError("GeneralException", "the request failed (injected)");
    if (bytes > this.host.requestLimitBytes)
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `request of ${bytes} bytes`);
    // Like Excel, calls before a failing one stay applied.
    const pause = this.host.pauseWhileApplying;
    if (!pause) {
      for (const call of batch) call.apply();
      return;
    }
    await this.host.applyInTurn(async () => {
      for (const call of batch) {
        call.apply();
        const paused = pause();
        if (paused) await paused;
      }
    });
  }
}

function notLoaded(property: string): never {
  throw new FakeExcelError("PropertyNotLoaded", `${property} was read before load() and sync()`);
}

/** A late-bound reference: set when the call that creates or finds the object is applied. */
class Slot<T> {
  private value: T | undefined;
  set(value: T): void {
    this.value = value;
  }
  get(): T {
    if (this.value === undefined)
      throw new FakeExcelError("InvalidObjectPath", "object used before it existed");
    return this.value;
  }
}

export class FakeContext implements ExcelContext {
  readonly workbook: WorkbookLike;
  readonly application: ApplicationLike;
  private readonly session: Session;
  constructor(host: FakeHost) {
    const session = new Session(host);
    this.session = session;
    this.workbook = {
      worksheets: new WorksheetCollection(session),
      names: new NamedItemCollection(session),
      tables: new TableCollection(session, null),
      getActiveCell: () => {
        session.queue(["workbook.getActiveCell"], () => undefined);
        const active = () => session.workbook.active ?? fail("no active sheet");
        return new Range(
          session,
          () => sheetById(session.workbook, active().sheetId),
          () => active().selection.split(":")[0] as string,
        );
      },
    };
    this.application = { suspendApiCalculationUntilNextSync: () => session.suspendCalculation() };
  }
  sync(): Promise<void> {
    return this.session.sync();
  }
  get hasPending(): boolean {
    return this.session.hasPending;
  }
}

class WorksheetCollection implements WorksheetCollectionLike {
  private loaded: WorksheetLike[] | null = null;
  constructor(private readonly session: Session) {}
  get items(): WorksheetLike[] {
    return this.loaded ?? notLoaded("worksheets.items");
  }
  load(): WorksheetCollectionLike {
    this.session.queue(["worksheets.load"], () => {
      this.loaded = this.session.workbook.sheets.map((sheet) => {
        const slot = new Slot<number>();
        slot.set(sheet.id);
        return new Worksheet(this.session, slot, {
          name: sheet.name,
          tabColor: sheet.tabColor,
          position: this.session.workbook.sheets.indexOf(sheet),
        });
      });
    });
    return this;
  }
  add(name?: string): WorksheetLike {
    const slot = new Slot<number>();
    this.session.queue(["worksheets.add", name], () => {
      const wb = this.session.workbook;
      let n = wb.sheets.length + 1;
      while (name === undefined && wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      slot.set(newSheet(wb, name ?? `Sheet${n}`).id);
    });
    return new Worksheet(this.session, slot, null);
  }
  getItem(key: string): WorksheetLike {
    const slot = new Slot<number>();
    this.session.queue(["worksheets.getItem", key], () =>
      slot.set(sheetByName(this.session.workbook, key).id),
    );
    return new Worksheet(this.session, slot, null);
  }
  getItemOrNullObject(key: string): WorksheetLike {
    const slot = new Slot<number>();
    const found = { exists: null as boolean | null };
    this.session.queue(["worksheets.getItemOrNullObject", key], () => {
      const sheet = this.session.workbook.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
      found.exists = sheet !== undefined;
      if (sheet) slot.set(sheet.id);
    });
    return new Worksheet(this.session, slot, null, found);
  }
}

class Worksheet implements WorksheetLike {
  readonly tables: TableCollectionLike;
  readonly charts: ChartCollectionLike;
  readonly freezePanes: WorksheetFreezePanesLike;
  readonly pageLayout: PageLayoutLike;
  readonly horizontalPageBreaks: PageBreakCollectionLike;
  readonly customProperties: WorksheetCustomPropertyCollectionLike;
  constructor(
    private readonly session: Session,
    private readonly slot: Slot<number>,
    private loaded: { name: string; tabColor: string; position: number } | null,
    private readonly found: { exists: boolean | null } = { exists: true },
  ) {
    const sheet = (): FakeSheet => sheetById(session.workbook, slot.get());
    this.tables = new TableCollection(session, sheet);
    this.charts = new ChartCollection(session, sheet);
    this.freezePanes = freezePanes(session, sheet);
    this.pageLayout = new PageLayout(session, sheet);
    this.horizontalPageBreaks = {
      add: (pageBreakRange: string) =>
        session.queue(["horizontalPageBreaks.add", pageBreakRange], () =>
          (sheet().pageBreaks ??= []).push(boxOf(pageBreakRange).top + 1),
        ),
    };
    this.customProperties = customProperties(session, sheet);
  }
  private sheet(): FakeSheet {
    return sheetById(this.session.workbook, this.slot.get());
  }
  get isNullObject(): boolean {
    return this.found.exists === null ? notLoaded("worksheet.isNullObject") : !this.found.exists;
  }
  get name(): string {
    return this.loaded?.name ?? notLoaded("worksheet.name");
  }
  activate(): void {
    this.session.queue(["worksheet.activate"], () => {
      this.session.workbook.active = { sheetId: this.sheet().id, selection: "A1" };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike {
    let used: string | null = null;
    const found = { exists: null as boolean | null };
    this.session.queue(["worksheet.getUsedRangeOrNullObject", valuesOnly], () => {
      used = usedRange(this.sheet(), valuesOnly === true);
      found.exists = used !== null;
    });
    return new Range(
      this.session,
      () => this.sheet(),
      () => used ?? fail("the sheet is empty"),
      found,
    );
  }
  set name(name: string) {
    this.session.queue(["worksheet.name", name], () =>
      renameSheet(this.session.workbook, this.sheet(), name),
    );
  }
  get tabColor(): string {
    return this.loaded?.tabColor ?? notLoaded("worksheet.tabColor");
  }
  set tabColor(color: string) {
    this.session.queue(["worksheet.tabColor", color], () => (this.sheet().tabColor = color));
  }
  get position(): number {
    return this.loaded?.position ?? notLoaded("worksheet.position");
  }
  set position(position: number) {
    this.session.queue(["worksheet.position", position], () => {
      const wb = this.session.workbook;
      const sheet = this.sheet();
      if (!Number.isInteger(position) || position < 0 || position >= wb.sheets.length)
        throw new FakeExcelError("InvalidArgument", `position ${position} is outside the tabs`);
      const others = wb.sheets.filter((s) => s !== sheet);
      wb.sheets = [...others.slice(0, position), sheet, ...others.slice(position)];
    });
  }
  load(): WorksheetLike {
    this.session.queue(["worksheet.load"], () => {
      const sheet = this.sheet();
      this.loaded = {
        name: sheet.name,
        tabColor: sheet.tabColor,
        position: this.session.workbook.sheets.indexOf(sheet),
      };
    });
    return this;
  }
  getRange(address?: string): RangeLike {
    if (address === undefined)
      throw new FakeExcelError("NotImplemented", "getRange() needs an address in the fake");
    this.session.queue(["worksheet.getRange", address], () =>
      ROWS.test(address) ? undefined : boxOrColumns(address),
    );
    return new Range(
      this.session,
      () => this.sheet(),
      () => address,
    );
  }
  getRanges(address: string): RangeAreasLike {
    const areas = address.split(",").map((area) => area.trim());
    this.session.queue(["worksheet.getRanges", address], () => {
      if (address.length > AREAS_ADDRESS_LIMIT)
        throw new FakeExcelError("InvalidArgument", `getRanges: an address of ${address.length} characters`);
      for (const area of areas) if (!ROWS.test(area)) boxOrColumns(area);
    });
    const session = this.session;
    const sheet = () => this.sheet();
    return {
      format: {
        set rowHeight(height: number) {
          session.queue(["format.rowHeight", height], () => {
            if (!(height >= 0 && height <= 409))
              throw new FakeExcelError("InvalidArgument", `row height ${height}`);
            const heights = (sheet().rowHeights ??= {});
            for (const area of areas) {
              const rows = ROWS.exec(area);
              if (!rows)
                throw new FakeExcelError("NotImplemented", "rowHeight on cells: use 5:5 in the fake");
              for (let r = Number(rows[1]); r <= Number(rows[2]); r++) heights[r] = height;
            }
          });
        },
        get rowHeight(): number {
          return notLoaded("format.rowHeight");
        },
      },
    };
  }
  delete(): void {
    this.session.queue(["worksheet.delete"], () => deleteSheet(this.session.workbook, this.sheet()));
  }
}

/** The fake rejects a getRanges address longer than this, as Excel rejects some of about 8,200 characters. */
const AREAS_ADDRESS_LIMIT = 8000;

const COLUMNS = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i;
const ROWS = /^\$?([1-9][0-9]*):\$?([1-9][0-9]*)$/;

function boxOrColumns(address: string): Box | { columns: [number, number] } {
  const columns = COLUMNS.exec(address);
  if (columns) return { columns: [columnIndex(columns[1] as string), columnIndex(columns[2] as string)] };
  try {
    return boxOf(address);
  } catch {
    throw new FakeExcelError("InvalidArgument", `bad range address ${address}`);
  }
}

class Range implements RangeLike {
  readonly format: RangeFormatLike;
  readonly conditionalFormats: ConditionalFormatCollectionLike;
  readonly dataValidation: DataValidationLike;
  constructor(
    private readonly session: Session,
    private readonly sheet: () => FakeSheet,
    private readonly where: () => string,
    private readonly found: { exists: boolean | null } = { exists: true },
  ) {
    this.format = rangeFormat(this);
    this.conditionalFormats = {
      add: (type) => {
        const style: Record<string, string | boolean> = {};
        const entry = { range: "", type, formula: "", style };
        this.queue(["conditionalFormats.add", type], (sheet, address) => {
          entry.range = address;
          sheet.conditionalFormats.push(entry);
        });
        const set = (key: string) => (value: string | number | boolean) =>
          this.queue([key, value], () =>
            key === "formula" ? (entry.formula = String(value)) : (style[key] = String(value)),
          );
        return conditionalFormat(set);
      },
    };
    this.dataValidation = dataValidation(this);
  }
  private loaded: {
    values: unknown[][];
    formulas: unknown[][];
    numberFormat: unknown[][];
    address: string;
  } | null = null;
  get isNullObject(): boolean {
    return this.found.exists === null ? notLoaded("range.isNullObject") : !this.found.exists;
  }
  get address(): string {
    return this.loaded?.address ?? notLoaded("range.address");
  }
  load(): RangeLike {
    this.session.queue(["range.load"], () => {
      if (this.found.exists === false) return;
      const sheet = this.sheet();
      const address = this.where();
      const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet.name);
      this.loaded = {
        values: readGrid(sheet, address, "values"),
        formulas: readGrid(sheet, address, "formulas"),
        numberFormat: readGrid(sheet, address, "numberFormat"),
        address: `${plain ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`}!${address}`,
      };
    });
    return this;
  }
  select(): void {
    this.queue(["range.select"], (sheet, address) => {
      this.session.workbook.active = { sheetId: sheet.id, selection: address };
    });
  }
  /** The range's address, resolved when a queued call is applied. */
  locate(): string {
    return this.where();
  }
  /** Queue a call on this range; apply receives the sheet and the address. */
  queue(args: readonly unknown[], apply: (sheet: FakeSheet, address: string) => void): void {
    this.session.queue(args, () => apply(this.sheet(), this.where()));
  }
  /** Queue a call that touches every cell of the range. */
  eachCell(
    args: readonly unknown[],
    visit: (cell: ReturnType<typeof cellOf>, r: number, c: number) => void,
  ): void {
    this.queue(args, (sheet, address) => {
      const box = boxOrColumns(address);
      if (!("rows" in box))
        throw new FakeExcelError("NotImplemented", `cell formats on whole columns (${address})`);
      forEachCell(box, (ref, r, c) => visit(cellOf(sheet, ref), r, c));
    });
  }
  private grid(
    property: string,
    grid: unknown[][],
    write: (cell: ReturnType<typeof cellOf>, v: unknown) => void,
  ) {
    this.queue([`range.${property}`, this.addressForPayload(), grid], (sheet, address) => {
      const box = boxOf(address);
      if (grid.length !== box.rows || grid.some((row) => row.length !== box.columns))
        throw new FakeExcelError("InvalidArgument", `${property}: the array does not match ${address}`);
      forEachCell(box, (ref, r, c) => {
        const v = grid[r]?.[c];
        if (v !== null && v !== undefined) write(cellOf(sheet, ref), v);
      });
    });
  }
  private addressForPayload(): string {
    try {
      return this.where();
    } catch {
      return "";
    }
  }
  get values(): unknown[][] {
    return this.loaded?.values ?? notLoaded("range.values");
  }
  set values(grid: unknown[][]) {
    this.grid("values", grid, enter);
  }
  get formulas(): unknown[][] {
    return this.loaded?.formulas ?? notLoaded("range.formulas");
  }
  set formulas(grid: unknown[][]) {
    this.grid("formulas", grid, enter);
  }
  get numberFormat(): unknown[][] {
    return this.loaded?.numberFormat ?? notLoaded("range.numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.grid("numberFormat", grid, (cell, v) => (cell.numberFormat = v === "" ? "General" : String(v)));
  }
  merge(across?: boolean): void {
    this.queue(["range.merge", across], (sheet, address) => {
      if (sheet.merges.some((m) => overlaps(boxOf(m), boxOf(address))))
        throw new FakeExcelError("InvalidOperation", `merge ${address} overlaps another merge`);
      sheet.merges.push(address);
    });
  }
}

function overlaps(a: Box, b: Box): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}

function rangeFormat(range: Range): RangeFormatLike {
  const style = (key: string) => (value: string | number | boolean) =>
    range.eachCell([`format.${key}`, value], (cell) => (cell.style[key] = value));
  const border = (edge: BorderEdge) => (key: string) => (value: string | number | boolean) =>
    range.queue([`border.${edge}.${key}`, value], (sheet, address) => {
      const box = boxOf(address);
      const set = (ref: { row: number; column: number }, side: string) =>
        (cellOf(sheet, ref).style[`border.${side}.${key}`] = value);
      // An edge touches only the cells along it; an inside border every cell, on the sides that face another.
      const along: Partial<Record<BorderEdge, [Box, string]>> = {
        EdgeTop: [{ ...box, rows: 1 }, "top"],
        EdgeBottom: [{ ...box, top: box.top + box.rows - 1, rows: 1 }, "bottom"],
        EdgeLeft: [{ ...box, columns: 1 }, "left"],
        EdgeRight: [{ ...box, left: box.left + box.columns - 1, columns: 1 }, "right"],
      };
      const edgeCells = along[edge];
      if (edgeCells) forEachCell(edgeCells[0], (ref) => set(ref, edgeCells[1]));
      else
        forEachCell(box, (ref, r, c) => {
          const [before, after, inner, last] =
            edge === "InsideHorizontal"
              ? ["top", "bottom", r, box.rows - 1]
              : ["left", "right", c, box.columns - 1];
          if (inner > 0) set(ref, before);
          if (inner < last) set(ref, after);
        });
    });
  return {
    set columnWidth(width: number) {
      range.queue(["format.columnWidth", width], (sheet, address) => {
        const box = boxOrColumns(address);
        const [first, last] = "columns" in box && Array.isArray(box.columns) ? box.columns : [0, -1];
        if (last < first)
          throw new FakeExcelError("NotImplemented", "columnWidth on cells: use A:A in the fake");
        for (let c = first; c <= last; c++) sheet.columnWidths[cellAddress(0, c).replace(/\d+$/, "")] = width;
      });
    },
    get columnWidth(): number {
      return notLoaded("format.columnWidth");
    },
    set rowHeight(height: number) {
      range.queue(["format.rowHeight", height], (sheet, address) => {
        const rows = ROWS.exec(address);
        if (!rows) throw new FakeExcelError("NotImplemented", "rowHeight on cells: use 5:5 in the fake");
        if (!(height >= 0 && height <= 409))
          throw new FakeExcelError("InvalidArgument", `row height ${height}`);
        const heights = (sheet.rowHeights ??= {});
        for (let r = Number(rows[1]); r <= Number(rows[2]); r++) heights[r] = height;
      });
    },
    get rowHeight(): number {
      return notLoaded("format.rowHeight");
    },
    set horizontalAlignment(value: string) {
      style("horizontalAlignment")(value);
    },
    get horizontalAlignment(): string {
      return notLoaded("format.horizontalAlignment");
    },
    set wrapText(value: boolean) {
      style("wrapText")(value);
    },
    get wrapText(): boolean {
      return notLoaded("format.wrapText");
    },
    font: setters(["bold", "italic", "size", "color"], (key) => style(`font.${key}`)),
    fill: setters(["color"], (key) => style(`fill.${key}`)),
    borders: { getItem: (edge: BorderEdge) => setters(["style", "weight"], border(edge)) },
  } as RangeFormatLike;
}

/** An object whose listed properties are write-only setters (reading them throws, like an unloaded property). */
function setters<K extends string>(
  keys: readonly K[],
  setter: (key: K) => (value: string | number | boolean) => void,
): Record<K, never> {
  const target = {} as Record<K, never>;
  for (const key of keys)
    Object.defineProperty(target, key, { set: setter(key), get: () => notLoaded(key), enumerable: true });
  return target;
}

function conditionalFormat(
  set: (key: string) => (value: string | number | boolean) => void,
): ConditionalFormatLike {
  return {
    custom: {
      rule: setters(["formula"], () => set("formula")),
      format: {
        font: setters(["bold", "color"], (key) => set(`font.${key}`)),
        fill: setters(["color"], (key) => set(`fill.${key}`)),
      },
    },
  } as ConditionalFormatLike;
}

function dataValidation(range: Range): DataValidationLike {
  const entryOf = (sheet: FakeSheet, address: string) =>
    (sheet.validations[address] ??= { rule: null, errorAlert: null });
  return setters(
    ["rule", "errorAlert"],
    (key) => (value) =>
      range.queue([`dataValidation.${key}`, value], (sheet, address) => {
        entryOf(sheet, address)[key] = JSON.parse(JSON.stringify(value));
      }),
  ) as unknown as DataValidationLike;
}

function freezePanes(session: Session, sheet: () => FakeSheet): WorksheetFreezePanesLike {
  const freeze = (args: readonly unknown[], rows: () => number, columns: () => number) =>
    session.queue(args, () => (sheet().freeze = { rows: rows(), columns: columns() }));
  return {
    freezeRows: (count = 1) =>
      freeze(
        ["freezeRows", count],
        () => count,
        () => 0,
      ),
    freezeColumns: (count = 1) =>
      freeze(
        ["freezeColumns", count],
        () => 0,
        () => count,
      ),
    freezeAt: (frozenRange: string) => {
      const box = (): Box => boxOf(frozenRange);
      freeze(
        ["freezeAt", frozenRange],
        () => box().top + box().rows,
        () => box().left + box().columns,
      );
    },
  };
}

class PageLayout implements PageLayoutLike {
  constructor(
    private readonly session: Session,
    private readonly sheet: () => FakeSheet,
  ) {}
  get orientation(): string {
    return notLoaded("pageLayout.orientation");
  }
  set orientation(value: string) {
    if (value !== "Portrait" && value !== "Landscape") throw new FakeExcelError("InvalidArgument", value);
    this.session.queue(
      ["pageLayout.orientation", value],
      () => (this.sheet().pageLayout.orientation = value),
    );
  }
  get paperSize(): string {
    return notLoaded("pageLayout.paperSize");
  }
  set paperSize(value: string) {
    this.session.queue(["pageLayout.paperSize", value], () => (this.sheet().pageLayout.paperSize = value));
  }
  get zoom(): PageLayoutLike["zoom"] {
    return notLoaded("pageLayout.zoom");
  }
  set zoom(value: PageLayoutLike["zoom"]) {
    this.session.queue(["pageLayout.zoom", value], () => (this.sheet().pageLayout.zoom = { ...value }));
  }
  setPrintTitleRows(rows: string): void {
    this.session.queue(["setPrintTitleRows", rows], () => (this.sheet().pageLayout.printTitleRows = rows));
  }
  setPrintTitleColumns(columns: string): void {
    if (!COLUMNS.test(columns)) throw new FakeExcelError("InvalidArgument", `print title columns ${columns}`);
    this.session.queue(
      ["setPrintTitleColumns", columns],
      () => (this.sheet().pageLayout.printTitleColumns = columns),
    );
  }
  get headersFooters(): PageLayoutLike["headersFooters"] {
    const part = (key: keyof HeaderFooterLike) => ({
      get: (): string => notLoaded(`headersFooters.${key}`),
      set: (text: string) => {
        // Excel keeps 255 characters of a header or footer (ECMA-376's limit for its whole text).
        if (text.length > 255) throw new FakeExcelError("InvalidArgument", `${key} longer than 255`);
        this.session.queue(
          [`headersFooters.${key}`, text],
          () => ((this.sheet().pageLayout.headerFooter ??= {})[key] = text),
        );
      },
    });
    const keys: (keyof HeaderFooterLike)[] = [
      "leftHeader",
      "centerHeader",
      "rightHeader",
      "leftFooter",
      "centerFooter",
      "rightFooter",
    ];
    const defaultForAllPages = Object.defineProperties(
      {},
      Object.fromEntries(keys.map((key) => [key, { ...part(key), enumerable: true }])),
    ) as HeaderFooterLike;
    return { defaultForAllPages };
  }
}

function customProperties(session: Session, sheet: () => FakeSheet): WorksheetCustomPropertyCollectionLike {
  const find = (key: string): string | undefined => {
    const props = sheet().customProperties;
    const hit = Object.keys(props).find((k) => k.toLowerCase() === key.toLowerCase());
    return hit === undefined ? undefined : props[hit];
  };
  return {
    add: (key, value) =>
      session.queue(["customProperties.add", key, value], () => {
        const props = sheet().customProperties;
        for (const k of Object.keys(props)) if (k.toLowerCase() === key.toLowerCase()) delete props[k];
        props[key] = value;
      }),
    getItemOrNullObject: (key) => {
      let loaded: { isNullObject: boolean; value: string } | null = null;
      const item: WorksheetCustomPropertyLike = {
        get isNullObject() {
          return loaded?.isNullObject ?? notLoaded("isNullObject");
        },
        get value() {
          return loaded?.value ?? notLoaded("customProperty.value");
        },
        load: () => {
          session.queue(["customProperty.load", key], () => {
            const value = find(key);
            loaded = { isNullObject: value === undefined, value: value ?? "" };
          });
          return item;
        },
      };
      session.queue(["customProperties.getItemOrNullObject", key], () => undefined);
      return item;
    },
  };
}

class TableCollection implements TableCollectionLike {
  private loaded: TableLike[] | null = null;
  constructor(
    private readonly session: Session,
    private readonly sheet: (() => FakeSheet) | null,
  ) {}
  private scope(): FakeTable[] {
    const wb = this.session.workbook;
    return this.sheet ? wb.tables.filter((t) => t.sheetId === this.sheet?.().id) : wb.tables;
  }
  get items(): TableLike[] {
    return this.loaded ?? notLoaded("tables.items");
  }
  load(): TableCollectionLike {
    this.session.queue(["tables.load"], () => {
      this.loaded = this.scope().map((t) => {
        const slot = new Slot<FakeTable>();
        slot.set(t);
        return new Table(this.session, slot, t.name);
      });
    });
    return this;
  }
  add(address: string, hasHeaders: boolean): TableLike {
    const slot = new Slot<FakeTable>();
    this.session.queue(["tables.add", address, hasHeaders], () => {
      if (!this.sheet)
        throw new FakeExcelError("NotImplemented", "add tables through a worksheet in the fake");
      const sheet = this.sheet();
      const wb = this.session.workbook;
      const box = boxOf(address);
      if (wb.tables.some((t) => t.sheetId === sheet.id && overlaps(boxOf(t.range), box)))
        throw new FakeExcelError("InvalidOperation", `table at ${address} overlaps another table`);
      let n = wb.tables.length + 1;
      while (wb.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      for (let c = 0; c < box.columns; c++) {
        const header = cellOf(sheet, { row: box.top, column: box.left + c });
        if (hasHeaders && header.value === null) header.value = `Column${c + 1}`;
      }
      const table: FakeTable = {
        name: `Table${n}`,
        sheetId: sheet.id,
        range: address,
        style: "TableStyleMedium2",
      };
      wb.tables.push(table);
      slot.set(table);
    });
    return new Table(this.session, slot, null);
  }
  getItem(key: string): TableLike {
    const slot = new Slot<FakeTable>();
    this.session.queue(["tables.getItem", key], () => {
      const table = this.scope().find((t) => t.name.toLowerCase() === key.toLowerCase());
      if (!table) throw new FakeExcelError("ItemNotFound", `no table named ${key}`);
      slot.set(table);
    });
    return new Table(this.session, slot, null);
  }
}

class Table implements TableLike {
  constructor(
    private readonly session: Session,
    private readonly slot: Slot<FakeTable>,
    private readonly loadedName: string | null,
  ) {}
  get name(): string {
    return this.loadedName ?? notLoaded("table.name");
  }
  set name(name: string) {
    this.session.queue(["table.name", name], () => {
      const wb = this.session.workbook;
      const table = this.slot.get();
      if (!/^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name))
        throw new FakeExcelError("InvalidArgument", `invalid table name ${name}`);
      if (wb.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `a table named ${name} exists`);
      if (wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `a name ${name} exists`);
      renameTableReferences(wb, table.name, name);
      table.name = name;
    });
  }
  get style(): string {
    return notLoaded("table.style");
  }
  set style(style: string) {
    this.session.queue(["table.style", style], () => (this.slot.get().style = style));
  }
  getHeaderRowRange(): RangeLike {
    this.session.queue(["table.getHeaderRowRange"], () => undefined);
    const sheet = () => sheetById(this.session.workbook, this.slot.get().sheetId);
    return new Range(this.session, sheet, () => {
      const box = boxOf(this.slot.get().range);
      return `${cellAddress(box.top, box.left)}:${cellAddress(box.top, box.left + box.columns - 1)}`;
    });
  }
}

class NamedItemCollection implements NamedItemCollectionLike {
  private loaded: NamedItemLike[] | null = null;
  constructor(private readonly session: Session) {}
  get items(): NamedItemLike[] {
    return this.loaded ?? notLoaded("names.items");
  }
  load(): NamedItemCollectionLike {
    this.session.queue(["names.load"], () => {
      this.loaded = this.session.workbook.names.map((n) => new NamedItem(this.session, n.name, n.formula));
    });
    return this;
  }
  add(name: string, reference: string, comment?: string): NamedItemLike {
    this.session.queue(["names.add", name, reference, comment], () => {
      const wb = this.session.workbook;
      if (
        !/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name) ||
        /^[A-Z]{1,3}[0-9]+$/i.test(name)
      )
        throw new FakeExcelError("InvalidArgument", `invalid name ${name}`);
      if ([...wb.names, ...wb.tables].some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeExcelError("ItemAlreadyExists", `the name ${name} exists`);
      wb.names.push({
        name,
        formula: reference.startsWith("=") ? reference : `=${reference}`,
        comment: comment ?? "",
      });
    });
    return new NamedItem(this.session, name, null);
  }
  getItem(name: string): NamedItemLike {
    this.session.queue(["names.getItem", name], () => this.find(name));
    return new NamedItem(this.session, name, null);
  }
  private find(name: string) {
    const item = this.session.workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return (
      item ??
      (() => {
        throw new FakeExcelError("ItemNotFound", `no name ${name}`);
      })()
    );
  }
}

class NamedItem implements NamedItemLike {
  constructor(
    private readonly session: Session,
    readonly name: string,
    private readonly loadedFormula: string | null,
  ) {}
  private find() {
    const item = this.session.workbook.names.find((n) => n.name.toLowerCase() === this.name.toLowerCase());
    if (!item) throw new FakeExcelError("ItemNotFound", `no name ${this.name}`);
    return item;
  }
  get formula(): unknown {
    return this.loadedFormula ?? notLoaded("namedItem.formula");
  }
  set formula(formula: unknown) {
    this.session.queue(["namedItem.formula", formula], () => (this.find().formula = String(formula)));
  }
  delete(): void {
    this.session.queue(["namedItem.delete", this.name], () => {
      const item = this.find();
      const wb = this.session.workbook;
      wb.names = wb.names.filter((n) => n !== item);
    });
  }
}

class ChartCollection implements ChartCollectionLike {
  constructor(
    private readonly session: Session,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, sourceData: RangeLike, seriesBy?: string): ChartLike {
    const slot = new Slot<FakeChart>();
    const source = sourceData as Range;
    this.session.queue(["charts.add", type, seriesBy], () => {
      const chart: FakeChart = { type, title: "", series: [], from: null, to: null };
      chart.series.push({ name: "", values: source.locate(), categories: null });
      this.sheet().charts.push(chart);
      slot.set(chart);
    });
    const session = this.session;
    const series = (index: () => number): ChartSeriesLike => {
      const at = () => slot.get().series[index()] ?? fail(`no series ${index()}`);
      const rangeOf = (r: RangeLike, put: (address: string) => void) =>
        session.queue(["series.setRange"], () => put((r as Range).locate()));
      return {
        get name(): string {
          return notLoaded("series.name");
        },
        set name(name: string) {
          session.queue(["series.name", name], () => (at().name = name));
        },
        setValues: (r) => rangeOf(r, (address) => (at().values = address)),
        setXAxisValues: (r) => rangeOf(r, (address) => (at().categories = address)),
      };
    };
    return {
      title: setters(
        ["text"],
        () => (text) => session.queue(["title.text", text], () => (slot.get().title = String(text))),
      ),
      series: {
        getItemAt: (index) => {
          session.queue(["series.getItemAt", index], () => undefined);
          return series(() => index);
        },
        add: (name) => {
          let index = -1;
          session.queue(["series.add", name], () => {
            index = slot.get().series.push({ name: name ?? "", values: null, categories: null }) - 1;
          });
          return series(() => index);
        },
      },
      setPosition: (start, end) =>
        session.queue(["chart.setPosition", start, end], () => {
          slot.get().from = start;
          slot.get().to = end ?? null;
        }),
    } as ChartLike;
  }
}

function fail(message: string): never {
  throw new FakeExcelError("ItemNotFound", message);
}

export { checkSheetName };
