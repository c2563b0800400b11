/**
 * One .xlsx write in its own process, so its peak memory is its own. `writer`: the add-in's writer renders the
 * plan. `floor`: exceljs writes the same values and formulas (with their results) and nothing else. `generate`:
 * what `edu-budget generate` does for a district (validate, build the plan, write it).
 * Prints one JSON line: ms (the write alone; for `generate` the whole), maxRssMb (the whole process), bytes, cells.
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { parseCell } from "../src/plan/address";
import { isFormulaCell, type WorkbookPlan } from "../src/plan/types";
import { writeXlsx } from "../src/writers/xlsx";
import { planFor, validatedPlanFor } from "./workbook";

async function floor(plan: WorkbookPlan): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const { row, column } = parseCell(block.anchor);
      block.cells.forEach((line, r) =>
        line.forEach((cell, c) => {
          if (cell === null) return;
          const target = ws.getCell(row + r + 1, column + c + 1);
          if (isFormulaCell(cell)) {
            const result = typeof cell.v === "object" ? undefined : cell.v;
            target.value = { formula: cell.f, result } as ExcelJS.CellFormulaValue;
          } else target.value = cell.v;
        }),
      );
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return (buffer as ArrayBuffer).byteLength;
}

async function main(): Promise<void> {
  const [mode, schoolsText] = process.argv.slice(2);
  const began = performance.now();
  const plan = mode === "generate" ? validatedPlanFor(Number(schoolsText)) : planFor(Number(schoolsText));
  const cells = plan.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.cells.length * (b.cells[0]?.length ?? 0), 0),
    0,
  );
  const start = mode === "generate" ? began : performance.now();
  const bytes = mode === "floor" ? await floor(plan) : (await writeXlsx(plan)).byteLength;
  const elapsed = performance.now() - start;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms: Math.round(elapsed), maxRssMb: Math.round(maxRssMb), bytes, cells }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
