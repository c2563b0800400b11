import { DetailedCellError } from "hyperformula";
import type { CellValue as ComputedValue } from "hyperformula";
import { columnLetter, parseCell } from "../../../src/plan/address";
import type { WorkbookPlan } from "../../../src/plan/types";
import { isFormulaCell } from "../../../src/plan/types";
import { writeXlsx } from "../../../src/writers/xlsx";
import { loadPlanIntoHyperFormula } from "../../support/hyperformula";
import type { ReadCell } from "../../support/libreoffice";
import { readCells, recalculateWithLibreOffice } from "../../support/libreoffice";
import { DANGEROUS_TEXT, smallPlan } from "../../support/planFixtures";
import { SAMPLE_IDS, samplePlan } from "./samplePlans";

const RELATIVE_TOLERANCE = 1e-9;
/** Below this, two results are both zero up to floating-point noise (a relative test cannot judge them). */
const ZERO = 1e-12;

function sameValue(found: ReadCell["value"], computed: ComputedValue): boolean {
  if (computed instanceof DetailedCellError) {
    return typeof found === "object" && found !== null && "error" in found && found.error === computed.value;
  }
  if (typeof computed === "number" && typeof found === "number") {
    const difference = Math.abs(found - computed);
    return (
      difference <= ZERO || difference <= RELATIVE_TOLERANCE * Math.max(Math.abs(found), Math.abs(computed))
    );
  }
  // An empty text result comes back as an empty cell.
  return found === computed || (computed === "" && found === undefined);
}

const show = (value: unknown): string =>
  value instanceof DetailedCellError ? value.value : JSON.stringify(value);

/** Every cell of the plan, with its "sheet!A1" key. */
function* planCells(plan: WorkbookPlan) {
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      const anchor = parseCell(block.anchor);
      for (const [r, line] of block.cells.entries()) {
        for (const [c, cell] of line.entries()) {
          const address = `${columnLetter(anchor.column + c)}${anchor.row + r + 1}`;
          yield { sheet: sheet.name, address, key: `${sheet.name}!${address}`, cell };
        }
      }
    }
  }
}

/** Formula cells whose LibreOffice result differs from HyperFormula's, as readable lines. */
function formulaMismatches(plan: WorkbookPlan, recalculated: Map<string, ReadCell>): string[] {
  const engine = loadPlanIntoHyperFormula(plan);
  const problems: string[] = [];
  for (const { sheet, address, key, cell } of planCells(plan)) {
    if (!isFormulaCell(cell)) continue;
    const computed = engine.valueAt(sheet, address);
    const found = recalculated.get(key)?.value;
    if (!sameValue(found, computed))
      problems.push(`${key} =${cell.f}: LibreOffice ${show(found)}, HyperFormula ${show(computed)}`);
  }
  return problems;
}

/** Constant strings that did not come back as the same text. */
function textMismatches(plan: WorkbookPlan, recalculated: Map<string, ReadCell>): string[] {
  const problems: string[] = [];
  for (const { key, cell } of planCells(plan)) {
    if (cell === null || isFormulaCell(cell) || typeof cell.v !== "string") continue;
    const found = recalculated.get(key);
    if (!found?.isText || found.value !== cell.v)
      problems.push(`${key}: ${JSON.stringify(cell.v)} became ${JSON.stringify(found)}`);
  }
  return problems;
}

/** The hand-made plan, with one cached result deliberately stale: only a real recalculation corrects it. */
const staleSummary: WorkbookPlan = {
  ...smallPlan,
  sheets: smallPlan.sheets.map((sheet) =>
    sheet.key !== "summary"
      ? sheet
      : { ...sheet, blocks: [{ anchor: "D1", cells: [[{ f: "'学校'!C7*2", v: 0 }]] }, ...sheet.blocks] },
  ),
};

// LibreOffice runs as long as it needs (no wall-clock limit in the helper); this is only the safety net.
jest.setTimeout(600_000);

describe("a hand-made plan written as .xlsx and recalculated by LibreOffice", () => {
  let recalculated: Map<string, ReadCell>;
  beforeAll(async () => {
    recalculated = await readCells(await recalculateWithLibreOffice(await writeXlsx(staleSummary)));
  });

  it("recalculates on load instead of keeping the cached results", () => {
    expect(recalculated.get("汇总 表!D1")?.value).toBe(930);
  });

  it("computes every formula as HyperFormula does", () => {
    expect(formulaMismatches(staleSummary, recalculated)).toEqual([]);
  });

  it("keeps text that starts with = + - @ as text", () => {
    const names = ["B3", "B4", "B5", "B6"].map((address) => recalculated.get(`学校!${address}`));
    expect(names).toEqual(DANGEROUS_TEXT.map((value) => ({ value, isText: true })));
  });

  it("keeps every constant string as the same text", () => {
    expect(textMismatches(staleSummary, recalculated)).toEqual([]);
  });
});

describe.each(SAMPLE_IDS)("the %s budget workbook recalculated by LibreOffice", (id) => {
  const plan = samplePlan(id);
  let recalculated: Map<string, ReadCell>;
  beforeAll(async () => {
    recalculated = await readCells(await recalculateWithLibreOffice(await writeXlsx(plan)));
  });

  it("computes every formula as HyperFormula does", () => {
    expect(formulaMismatches(plan, recalculated)).toEqual([]);
  });

  it("keeps every constant string as the same text", () => {
    expect(textMismatches(plan, recalculated)).toEqual([]);
  });
});
