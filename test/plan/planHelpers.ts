/** Finding cells of a built plan by what they mean (a table column, a labelled value) rather than by address. */
import type { CellValue } from "hyperformula";
import { cellAddress, parseCell, parseRange } from "../../src/plan/address";
import { buildWorkbookPlan } from "../../src/plan/build";
import type { District } from "../../src/district/model";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { getPack } from "../../src/policy/packs";
import type { PolicyPack } from "../../src/policy/types";
import { VERDICT_WORDS } from "../../src/plan/verdict";
import type { LoadedPlan } from "../support/hyperformula";

/** What a verdict cell shows in a Chinese workbook for a pass and a fail, and a yes/no cell for yes and no. */
export const { pass: PASS, fail: FAIL, yes: YES, no: NO } = VERDICT_WORDS.zh;

/** The word a verdict cell shows for a check that passes or fails. */
export const verdictOf = (pass: boolean | undefined): string | undefined =>
  pass === undefined ? undefined : pass ? PASS : FAIL;

export const OPTIONS = { generatedAt: "2026-11-29T08:00:00Z", generator: "edu-budget 1.0.0" };

export const planOf = (district: District, pack: PolicyPack = getPack(district.policyPack)): WorkbookPlan =>
  buildWorkbookPlan(district, pack, OPTIONS);

export function sheetByKey(plan: WorkbookPlan, key: string): SheetPlan {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

/** Addresses of a table column's data cells (by header), with the sheet's name. */
export function columnCells(
  plan: WorkbookPlan,
  table: string,
  header: string,
): { sheet: string; cells: string[] } {
  for (const sheet of plan.sheets) {
    const found = sheet.tables.find((t) => t.name === table);
    if (!found) continue;
    const index = found.columns.findIndex((c) => c.name === header);
    if (index < 0) throw new Error(`${table} has no column ${header}`);
    const { start, end } = parseRange(found.range);
    const cells: string[] = [];
    for (let row = start.row + 1; row <= end.row; row++) cells.push(cellAddress(row, start.column + index));
    return { sheet: sheet.name, cells };
  }
  throw new Error(`no table ${table}`);
}

/** HyperFormula's values of a table column's data rows. */
export function column(plan: WorkbookPlan, loaded: LoadedPlan, table: string, header: string): CellValue[] {
  const { sheet, cells } = columnCells(plan, table, header);
  return cells.map((cell) => loaded.valueAt(sheet, cell));
}

/** The plan's cell at an address of a sheet. */
export function planCell(sheet: SheetPlan, address: string): PlanCell {
  const { row, column: col } = parseCell(address);
  for (const block of [...sheet.blocks].reverse()) {
    const anchor = parseCell(block.anchor);
    const cell = block.cells[row - anchor.row]?.[col - anchor.column];
    if (cell !== undefined && row >= anchor.row && col >= anchor.column) return cell;
  }
  return null;
}

/** The address of the value next to a label in column A that starts with `label`. */
export function labelled(sheet: SheetPlan, label: string): string {
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    if (anchor.column !== 0) continue;
    const index = block.cells.findIndex((line) => {
      const v = line[0]?.v;
      return typeof v === "string" && v.startsWith(label);
    });
    if (index >= 0) return cellAddress(anchor.row + index, 1);
  }
  throw new Error(`no label ${label} on ${sheet.name}`);
}
