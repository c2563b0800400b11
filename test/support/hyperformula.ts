/**
 * Computes a WorkbookPlan with HyperFormula (a real formula engine, in-process) so tests can prove that every
 * formula the builders wrote evaluates to the value they computed with the domain rules.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { CellValue } from "hyperformula";
import { RuleError } from "../../src/domain/errors";
import { columnLetter, parseCell } from "../../src/plan/address";
import { EXCEL_ERROR } from "../../src/plan/kit";
import { isFormulaCell } from "../../src/plan/types";
import type { PlanCell, Scalar, WorkbookPlan } from "../../src/plan/types";

export interface LoadedPlan {
  readonly hf: HyperFormula;
  sheetId(name: string): number;
  /** The value HyperFormula computed for a cell ("B3") of a sheet (by name). */
  valueAt(sheet: string, address: string): CellValue;
  /** Set an input cell (a number, boolean or text; text is kept as text). */
  setValue(sheet: string, address: string, value: Scalar): void;
}

/** Raw content for HyperFormula: formulas get "=", text gets a leading apostrophe so it never parses as anything. */
function rawContent(cell: PlanCell): string | number | boolean | null {
  if (cell === null) return null;
  if (isFormulaCell(cell)) return `=${cell.f}`;
  return typeof cell.v === "string" ? `'${cell.v}` : cell.v;
}

export function loadPlanIntoHyperFormula(plan: WorkbookPlan): LoadedPlan {
  // Array arithmetic as in Excel's SUMPRODUCT, which evaluates its arguments as arrays: SUMPRODUCT(--(range=cell)).
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    smartRounding: false,
    useArrayArithmetic: true,
  });
  const ids = new Map<string, number>();
  const sheetId = (name: string): number => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`the plan has no sheet ${name}`);
    return id;
  };
  hf.suspendEvaluation();
  for (const sheet of plan.sheets) {
    hf.addSheet(sheet.name);
    const id = hf.getSheetId(sheet.name);
    if (id === undefined) throw new Error(`HyperFormula did not add sheet ${sheet.name}`);
    ids.set(sheet.name, id);
  }
  // Names first: formulas that use them must not parse as #NAME?.
  for (const name of plan.names) hf.addNamedExpression(name.name, `=${name.ref}`);
  for (const sheet of plan.sheets) {
    const id = sheetId(sheet.name);
    for (const block of sheet.blocks) {
      const { row, column } = parseCell(block.anchor);
      hf.setCellContents(
        { sheet: id, row, col: column },
        block.cells.map((line) => line.map(rawContent)),
      );
    }
  }
  hf.resumeEvaluation();
  return {
    hf,
    sheetId,
    valueAt: (sheet, address) => {
      const { row, column } = parseCell(address);
      return hf.getCellValue({ sheet: sheetId(sheet), row, col: column });
    },
    setValue: (sheet, address, value) => {
      const { row, column } = parseCell(address);
      hf.setCellContents({ sheet: sheetId(sheet), row, col: column }, rawContent({ v: value }));
    },
  };
}

const TOLERANCE = 1e-9;

function sameNumber(actual: number, expected: number): boolean {
  const diff = Math.abs(actual - expected);
  return diff <= TOLERANCE || diff <= TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
}

function describe(value: CellValue): string {
  return value instanceof DetailedCellError ? `${value.value} (${value.message})` : JSON.stringify(value);
}

/** Every formula cell whose HyperFormula value differs from the value the plan stored, as readable lines. */
export function planMismatches(plan: WorkbookPlan, loaded = loadPlanIntoHyperFormula(plan)): string[] {
  const problems: string[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const anchor = parseCell(block.anchor);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (!isFormulaCell(cell)) return;
          const address = `${columnLetter(anchor.column + c)}${anchor.row + r + 1}`;
          const actual = loaded.valueAt(sheet.name, address);
          const expected = cell.v;
          const where = `${sheet.name}!${address} =${cell.f}`;
          if (typeof expected === "object") {
            if (!(actual instanceof DetailedCellError) || actual.value !== expected.error)
              problems.push(`${where}: expected error ${expected.error}, got ${describe(actual)}`);
          } else if (actual instanceof DetailedCellError) {
            problems.push(`${where}: expected ${JSON.stringify(expected)}, got error ${describe(actual)}`);
          } else if (typeof expected === "number" && typeof actual === "number") {
            if (!sameNumber(actual, expected)) problems.push(`${where}: expected ${expected}, got ${actual}`);
          } else if (actual !== expected) {
            problems.push(`${where}: expected ${JSON.stringify(expected)}, got ${describe(actual)}`);
          }
        }),
      );
    }
  }
  return problems;
}

/** Jest assertion: every formula computes, in HyperFormula, the value the plan stored (errors only where marked). */
export function expectPlanComputes(plan: WorkbookPlan): LoadedPlan {
  const loaded = loadPlanIntoHyperFormula(plan);
  expect(planMismatches(plan, loaded)).toEqual([]);
  return loaded;
}

/** Every non-empty cell's computed value, keyed "sheet!A1" — to compare a workbook before and after an edit. */
export function snapshotValues(plan: WorkbookPlan, loaded: LoadedPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const anchor = parseCell(block.anchor);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === null) return;
          const address = `${columnLetter(anchor.column + c)}${anchor.row + r + 1}`;
          out.set(`${sheet.name}!${address}`, loaded.valueAt(sheet.name, address));
        }),
      );
    }
  }
  return out;
}

/** Keys ("sheet!A1") whose value differs between two snapshots. */
export function changedCells(before: Map<string, CellValue>, after: Map<string, CellValue>): string[] {
  const changed: string[] = [];
  for (const [key, value] of before) {
    const next = after.get(key);
    const same =
      typeof value === "number" && typeof next === "number"
        ? sameNumber(value, next)
        : value instanceof DetailedCellError && next instanceof DetailedCellError
          ? value.value === next.value
          : value === next;
    if (!same) changed.push(key);
  }
  return changed;
}

/** A scratch sheet for a rule's formula: input cells, working formula cells (without "=") and workbook names. */
export interface FormulaSheet {
  readonly cells?: Readonly<Record<string, Scalar | null>>;
  readonly formulas?: Readonly<Record<string, string>>;
  readonly names?: Readonly<Record<string, number>>;
}

/** One engine for every scratch sheet of a test file: building an engine per evaluation would dominate the run. */
let scratch: { readonly hf: HyperFormula; readonly id: number; readonly names: Set<string> } | undefined;

function scratchEngine(): NonNullable<typeof scratch> {
  if (scratch) return scratch;
  const hf = HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    smartRounding: false,
    useArrayArithmetic: true,
  });
  hf.addSheet("S");
  const id = hf.getSheetId("S");
  if (id === undefined) throw new Error("HyperFormula did not add the scratch sheet");
  scratch = { hf, id, names: new Set() };
  return scratch;
}

/** The value HyperFormula computes for one cell ("C1") of a scratch sheet (the previous sheet is cleared first). */
export function evaluateFormulas(sheet: FormulaSheet, address: string): CellValue {
  const { hf, id, names } = scratchEngine();
  const put = (at: string, content: string | number | boolean | null) => {
    const { row, column } = parseCell(at);
    hf.setCellContents({ sheet: id, row, col: column }, content);
  };
  hf.batch(() => {
    hf.clearSheet(id);
    const wanted = sheet.names ?? {};
    for (const name of [...names]) {
      if (name in wanted) continue;
      hf.removeNamedExpression(name);
      names.delete(name);
    }
    for (const [name, value] of Object.entries(wanted)) {
      if (names.has(name)) hf.changeNamedExpression(name, value);
      else hf.addNamedExpression(name, value);
      names.add(name);
    }
    for (const [at, v] of Object.entries(sheet.cells ?? {})) put(at, v === null ? null : rawContent({ v }));
    for (const [at, f] of Object.entries(sheet.formulas ?? {})) put(at, `=${f}`);
  });
  const { row, column } = parseCell(address);
  return hf.getCellValue({ sheet: id, row, col: column });
}

/**
 * Jest assertion: a formula's value equals what the domain rule computes (numbers to 1e-9, relative for large
 * ones), and where the rule rejects its inputs the formula shows the Excel error of the rule's error kind.
 */
export function expectSameAsRule(actual: CellValue, compute: () => Scalar): void {
  let expected: Scalar;
  try {
    expected = compute();
  } catch (error) {
    if (!(error instanceof RuleError)) throw error;
    const shown = actual instanceof DetailedCellError ? actual.value : describe(actual);
    expect({ shown, because: error.message }).toEqual({
      shown: EXCEL_ERROR[error.kind],
      because: error.message,
    });
    return;
  }
  if (actual instanceof DetailedCellError)
    throw new Error(`the rule computes ${JSON.stringify(expected)}, the formula shows ${describe(actual)}`);
  if (typeof expected === "number" && typeof actual === "number") {
    if (!sameNumber(actual, expected))
      throw new Error(`the rule computes ${expected}, the formula ${actual}`);
    return;
  }
  expect(actual).toBe(expected);
}
