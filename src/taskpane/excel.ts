/**
 * Every call the pane makes into Excel, in one place. Components get an ExcelGateway, so the UI never touches the
 * Excel global and tests can hand in a recording double.
 */
import { parseCell } from "../plan/address";
import type { WorkbookPlan } from "../plan/types";
import type { PlanProblem } from "../plan/validate";
import type { WriteStep } from "../writers/officejs";
import type { ExcelRunner } from "../writers/officejs/excelSubset";
import type { OnExistingSheet } from "./state";

/** A plan with what validatePlan found in it (buildWorkbook's result): only a plan without problems is written. */
export interface CheckedPlan {
  readonly plan: WorkbookPlan;
  readonly problems: readonly PlanProblem[];
}

/** The plan was not written because Excel would reject it: nothing in the workbook was touched. */
export class PlanRefused extends Error {
  override readonly name = "PlanRefused";
  readonly rolledBack = true;

  constructor(readonly problems: readonly PlanProblem[]) {
    super(
      `the workbook plan has ${problems.length} ${problems.length === 1 ? "problem" : "problems"}: ` +
        problems
          .slice(0, 10)
          .map((p) => [[p.sheet, p.cell].filter(Boolean).join("!"), p.message].filter(Boolean).join(" "))
          .join("; ") +
        (problems.length > 10 ? `; and ${problems.length - 10} more` : ""),
    );
  }
}

export interface GenerateOptions {
  readonly onExistingSheet: OnExistingSheet;
  /** With replaceGenerated: also delete the older numbered copies ("学校 (2)") this add-in generated. */
  readonly removeGeneratedCopies?: boolean;
  readonly onProgress: (done: number, total: number, step: WriteStep) => void;
  readonly signal: AbortSignal;
}

/** What a write did to the workbook's sheets. */
export interface WriteSummary {
  /** Final names of the sheets written, in plan order. */
  readonly created: readonly string[];
  /** Sheets that could not take their plan name because it was taken. */
  readonly renamed: readonly { readonly planName: string; readonly name: string }[];
  /** Earlier generated sheets that were replaced. */
  readonly replaced: readonly string[];
  /** Older generated copies that were deleted. */
  readonly removedCopies: readonly string[];
}

/** Worksheet custom property the writer puts on every sheet it generates (GENERATED_MARK in the writer). */
export const GENERATED_MARK = "eduGenerated";

/**
 * The Excel JavaScript API requirement set the writer needs: worksheet custom properties (the mark above) came in
 * ExcelApi 1.12; everything else the writer and the pane call is older.
 */
export const REQUIRED_EXCEL_API = "1.12";

export interface ExcelGateway {
  /**
   * Writes a plan (the writer rolls back on failure or cancel); says what it created, renamed and replaced. A plan
   * with problems is refused (PlanRefused) before anything is written.
   */
  writePlan(checked: CheckedPlan, options: GenerateOptions): Promise<WriteSummary>;
  /** Names of the sheets this add-in generated before (marked with GENERATED_MARK). */
  generatedSheets(): Promise<string[]>;
  /** The used-range values of the named sheets that exist (absent sheets are left out). */
  readSheets(names: readonly string[]): Promise<{ sheet: string; rows: unknown[][] }[]>;
  /** Activates a sheet and selects a cell or range on it; false when the sheet does not exist. */
  select(sheet: string, address: string): Promise<boolean>;
  /** Activates a sheet; false when it does not exist (any more). */
  activate(sheet: string): Promise<boolean>;
  /** The selected cell's address and what it holds (its formula, or its value as text; "" when empty). */
  activeCell(): Promise<{ readonly address: string; readonly content: string }>;
  /** Puts a formula into the selected cell; returns the cell's address. */
  insertFormula(formula: string): Promise<string>;
}

/** The gateway to Excel; the plan writer runs its batches through `run` (Excel.run unless a test hands in a fake). */
export function officeExcel(run?: ExcelRunner): ExcelGateway {
  return {
    async writePlan({ plan, problems }, options) {
      if (problems.length > 0) throw new PlanRefused(problems);
      // The writer is loaded on demand: the first render does not need it.
      const { generateInExcel } = await import("../writers/officejs");
      const report = await generateInExcel(run ?? Excel.run.bind(Excel), plan, {
        onExistingSheet: options.onExistingSheet,
        removeGeneratedCopies: options.removeGeneratedCopies === true,
        onProgress: options.onProgress,
        signal: options.signal,
      });
      return {
        created: report.created,
        renamed: report.renamed.map(({ planName, name }) => ({ planName, name })),
        replaced: report.replaced,
        removedCopies: report.removedCopies,
      };
    },
    generatedSheets: () =>
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const marks = sheets.items.map((sheet) => ({
          name: sheet.name,
          mark: sheet.customProperties.getItemOrNullObject(GENERATED_MARK).load("value"),
        }));
        await context.sync();
        return marks.filter(({ mark }) => !mark.isNullObject).map(({ name }) => name);
      }),
    readSheets: (names) =>
      Excel.run(async (context) => {
        const sheets = names.map((name) => ({
          name,
          sheet: context.workbook.worksheets.getItemOrNullObject(name),
        }));
        await context.sync();
        const present = sheets
          .filter(({ sheet }) => !sheet.isNullObject)
          .map(({ name, sheet }) => ({
            name,
            range: sheet.getUsedRangeOrNullObject(true).load("values,address"),
          }));
        await context.sync();
        return present.map(({ name, range }) => ({
          sheet: name,
          rows: range.isNullObject ? [] : fromA1(range),
        }));
      }),
    select: (sheetName, address) =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        await context.sync();
        if (sheet.isNullObject) return false;
        sheet.activate();
        sheet.getRange(address).select();
        await context.sync();
        return true;
      }),
    activate: (sheetName) =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        await context.sync();
        if (sheet.isNullObject) return false;
        sheet.activate();
        await context.sync();
        return true;
      }),
    activeCell: () =>
      Excel.run(async (context) => {
        const cell = context.workbook.getActiveCell().load("address,formulas");
        await context.sync();
        const content: unknown = cell.formulas[0]?.[0];
        return {
          address: cell.address,
          content: content === null || content === undefined ? "" : String(content),
        };
      }),
    insertFormula: (formula) =>
      Excel.run(async (context) => {
        const cell = context.workbook.getActiveCell().load("address");
        await context.sync();
        cell.formulas = [[formula]];
        await context.sync();
        return cell.address;
      }),
  };
}

/** A used range's values padded to start at A1, so row and column numbers are the sheet's own. */
function fromA1(range: { values: unknown[][]; address: string }): unknown[][] {
  // address is "'录入-学校'!B3:K40" (or "Sheet1!B3"): its top-left cell says how much to pad.
  const topLeft = parseCell(
    (range.address.split("!").pop() ?? "A1").split(":")[0]?.replace(/\$/g, "") ?? "A1",
  );
  const pad = (): unknown[] => Array<unknown>(topLeft.column).fill(null);
  const rows = range.values.map((row) => [...pad(), ...row]);
  return [...Array.from({ length: topLeft.row }, () => [] as unknown[]), ...rows];
}
