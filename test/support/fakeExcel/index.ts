/**
 * A recording fake of the Excel JavaScript API subset in src/writers/officejs/excelSubset.ts, for jest and for the
 * task pane in a browser (plain TypeScript, no Node APIs).
 *
 * - Calls are queued and applied at sync(), like Office.js; loaded properties throw PropertyNotLoaded until synced.
 * - It counts sync() calls and API calls (method calls and property sets), and estimates each request's payload.
 * - `failAtSync(n)` makes the n-th sync from now reject, applying nothing of its batch; a request over
 *   `requestLimitBytes` (5 MB, Excel on the web) is rejected the same way.
 * - Excel's entry rule: a string written to values/formulas that starts with "=", "+", "-" or "@" becomes a formula,
 *   a numeric string a number, "TRUE"/"FALSE" a boolean — unless the cell's number format is "@" (text).
 *   Renaming a sheet rewrites references to it in formulas and names; deleting one turns them into #REF!.
 */
import type { ExcelContext, ExcelRunner } from "../../../src/writers/officejs/excelSubset";
import {
  cellOf,
  cellKeyOrder,
  emptyWorkbook,
  newSheet,
  noteFormulaEntered,
  type FakeCell,
  type FakeScalar,
  type FakeWorkbook,
} from "./model";
import { parseCell } from "../../../src/plan/address";
import { FakeContext, type FakeHost, type FakeStats } from "./proxies";

export type { FakeCell, FakeScalar, FakeWorkbook, FakeSheet, FakeTable, FakeName, FakeChart } from "./model";
export { FakeExcelError } from "./model";
export type { FakeStats, RequestRecord } from "./proxies";

export interface SeedSheet {
  readonly name: string;
  /** A1 → constant, or { formula: "=…" }. */
  readonly cells?: Readonly<Record<string, FakeScalar | { readonly formula: string }>>;
  readonly customProperties?: Readonly<Record<string, string>>;
}

/** Syncs held until the test lets them go: a sync resolves only after release() (no timers involved). */
export interface SyncGate {
  /** Syncs waiting now. */
  readonly waiting: number;
  /** Resolves once a sync is waiting (at once if one already is). */
  nextSync(): Promise<void>;
  /** Lets the oldest waiting sync go on. */
  release(): void;
  /** Stops holding: every waiting and later sync goes on. */
  stop(): void;
}

export interface FakeExcel {
  readonly stats: FakeStats;
  /** The live model (tests may read it; write only through the API or the seed helpers). */
  readonly workbook: FakeWorkbook;
  requestLimitBytes: number;
  /** Make the n-th sync from now (1 = the next) fail. */
  failAtSync(n: number): void;
  /** From now on every sync waits until the returned gate releases it. */
  holdSyncs(): SyncGate;
  createContext(): ExcelContext;
  /** Excel.run: runs the batch with a fresh context and syncs what it left queued. */
  readonly run: ExcelRunner;
  seedSheet(sheet: SeedSheet): void;
  seedName(name: string, formula: string): void;
  resetStats(): void;
  /** A deep copy of the whole workbook, for before/after equality. */
  snapshot(): FakeWorkbookSnapshot;
  /** The non-empty cells of a sheet, in row order, keyed by A1 address. */
  cellsOf(sheetName: string): Record<string, FakeCell>;
  sheetNames(): string[];
}

export type FakeWorkbookSnapshot = Omit<FakeWorkbook, "nextSheetId">;

export interface FakeExcelOptions {
  readonly sheets?: readonly SeedSheet[];
  /**
   * Called after each call a sync applies; a promise it returns is awaited before the next call. Excel does its
   * work outside the pane's thread, the fake on it: the browser tests pause now and then so that what the pane's
   * thread does is not hidden behind the fake's own work. Syncs are still applied one at a time, in order.
   */
  readonly pauseWhileApplying?: () => Promise<void> | undefined;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const workbook = emptyWorkbook();
  const stats: FakeStats = { syncs: 0, apiCalls: 0, requests: [] };
  let failAt: number | null = null;
  let holding = false;
  const held: (() => void)[] = [];
  const onHeld: (() => void)[] = [];
  let applying = Promise.resolve();
  const host: FakeHost & { requestLimitBytes: number } = {
    workbook,
    stats,
    requestLimitBytes: 5_000_000,
    shouldFailSync: () => stats.syncs === failAt,
    gateSync: () =>
      holding
        ? new Promise<void>((resolve) => {
            held.push(resolve);
            onHeld.splice(0).forEach((notify) => notify());
          })
        : Promise.resolve(),
    ...(options.pauseWhileApplying && { pauseWhileApplying: options.pauseWhileApplying }),
    applyInTurn: (apply) => {
      const turn = applying.then(apply);
      applying = turn.catch(() => undefined);
      return turn;
    },
  };
  const gate: SyncGate = {
    get waiting() {
      return held.length;
    },
    nextSync: () =>
      held.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => onHeld.push(resolve)),
    release: () => {
      const next = held.shift();
      if (!next) throw new Error("no sync is waiting to be released");
      next();
    },
    stop: () => {
      holding = false;
      held.splice(0).forEach((resume) => resume());
    },
  };
  const run: ExcelRunner = async (batch) => {
    const context = new FakeContext(host);
    const result = await batch(context);
    if (context.hasPending) await context.sync();
    return result;
  };
  const fake: FakeExcel = {
    stats,
    workbook,
    get requestLimitBytes() {
      return host.requestLimitBytes;
    },
    set requestLimitBytes(bytes: number) {
      host.requestLimitBytes = bytes;
    },
    failAtSync: (n) => {
      failAt = stats.syncs + n;
    },
    holdSyncs: () => {
      holding = true;
      return gate;
    },
    createContext: () => new FakeContext(host),
    run,
    seedSheet: (seed) => {
      const sheet = newSheet(workbook, seed.name);
      Object.assign(sheet.customProperties, seed.customProperties ?? {});
      for (const [address, content] of Object.entries(seed.cells ?? {})) {
        const cell = cellOf(sheet, parseCell(address));
        if (typeof content === "object") {
          cell.formula = content.formula;
          noteFormulaEntered();
        } else cell.value = content;
      }
    },
    seedName: (name, formula) => {
      workbook.names.push({ name, formula, comment: "" });
    },
    resetStats: () => {
      stats.syncs = 0;
      stats.apiCalls = 0;
      stats.requests = [];
      failAt = null;
    },
    snapshot: () => {
      const { nextSheetId: _ignored, ...rest } = workbook;
      return JSON.parse(JSON.stringify(rest)) as FakeWorkbookSnapshot;
    },
    cellsOf: (sheetName) => {
      const sheet = workbook.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
      if (!sheet) throw new Error(`the fake workbook has no sheet ${sheetName}`);
      const keys = Object.keys(sheet.cells).sort(cellKeyOrder);
      return Object.fromEntries(keys.map((k) => [k, sheet.cells[k] as FakeCell]));
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
  };
  for (const seed of options.sheets ?? []) fake.seedSheet(seed);
  return fake;
}

export interface FakeOfficeOptions {
  /** Office.context.displayLanguage, e.g. "zh-CN" (default) or "en-US". */
  readonly displayLanguage?: string;
  /** Office.context.requirements.isSetSupported (default: every set is supported). */
  readonly isSetSupported?: (name: string, version?: string) => boolean;
  /** Office.context.officeTheme (absent unless given, as in Office before 2016). */
  readonly officeTheme?: { readonly bodyBackgroundColor: string; readonly bodyForegroundColor: string };
  /**
   * What Office.context.document.settings saves to (the document): read once at start, written on each
   * saveAsync. Without it the settings live as long as the page.
   */
  readonly documentSettings?: {
    load(): Record<string, unknown>;
    save(all: Record<string, unknown>): void;
  };
}

/** Office.context.document.settings over a plain object: set/get/remove in memory, saveAsync to the document. */
function fakeSettings(backing: FakeOfficeOptions["documentSettings"]) {
  const values: Record<string, unknown> = { ...(backing?.load() ?? {}) };
  return {
    get: (name: string): unknown => (name in values ? structuredClone(values[name]) : null),
    set: (name: string, value: unknown) => void (values[name] = structuredClone(value)),
    remove: (name: string) => void Reflect.deleteProperty(values, name),
    saveAsync: (callback?: (result: { status: string }) => void) => {
      backing?.save(structuredClone(values));
      callback?.({ status: "succeeded" });
    },
  };
}

/**
 * Define the `Excel` and `Office` globals the task pane uses, backed by the fake:
 * Excel.run; Office.onReady (resolves { host: "Excel", platform: "OfficeOnline" }, also calls a callback);
 * Office.context.displayLanguage; Office.context.requirements.isSetSupported (true unless options say otherwise);
 * Office.context.document.settings (get, set, remove, saveAsync); Office.context.officeTheme when given;
 * Office.HostType.Excel. Returns a function that removes them again.
 */
export function installFakeOffice(
  target: object,
  fake: FakeExcel,
  options: FakeOfficeOptions = {},
): () => void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office = {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: { isSetSupported: options.isSetSupported ?? (() => true) },
      document: { settings: fakeSettings(options.documentSettings) },
      ...(options.officeTheme && { officeTheme: options.officeTheme }),
    },
    HostType: { Excel: "Excel" },
  };
  const excel = { run: fake.run };
  const define = (name: string, value: unknown) =>
    Object.defineProperty(target, name, { value, configurable: true, writable: true });
  define("Excel", excel);
  define("Office", office);
  return () => {
    Reflect.deleteProperty(target, "Excel");
    Reflect.deleteProperty(target, "Office");
  };
}
