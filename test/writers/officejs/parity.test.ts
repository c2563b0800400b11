/**
 * The same plans through both writers give the same workbook: cell values, formulas and number formats, defined
 * names and tables (the .xlsx read back with exceljs, the Office.js writer's output read from the fake Excel).
 */
import type { Workbook } from "exceljs";
import { writeXlsx } from "../../../src/writers/xlsx";
import { writeWorkbookPlan } from "../../../src/writers/officejs";
import type { WorkbookPlan } from "../../../src/plan/types";
import { createFakeExcel, type FakeExcel } from "../../support/fakeExcel";
import { smallPlan } from "../../support/planFixtures";
import { readXlsx } from "../xlsx/readBack";
import { SAMPLE_IDS, samplePlan } from "../xlsx/samplePlans";

interface CellView {
  readonly value?: unknown;
  readonly formula?: string;
  readonly numFmt: string;
}

type WorkbookView = {
  readonly sheets: Record<string, Record<string, CellView>>;
  readonly names: Record<string, string>;
  readonly tables: Record<string, string>;
};

const unquote = (ref: string) => ref.replace(/^=/, "");

function viewOfXlsx(workbook: Workbook): WorkbookView {
  const sheets: WorkbookView["sheets"] = {};
  const tables: Record<string, string> = {};
  workbook.eachSheet((ws) => {
    const cells: Record<string, CellView> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // exceljs shows a merged range's value in every cell of it; the file holds it in the first only.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const numFmt = cell.numFmt || "General";
        if (cell.formula) cells[cell.address] = { formula: cell.formula, numFmt };
        else if (cell.value !== null && cell.value !== "")
          cells[cell.address] = { value: cell.value, numFmt };
      }),
    );
    sheets[ws.name] = cells;
    for (const t of ws.getTables()) {
      const table = (t as unknown as { table: { name: string; tableRef: string } }).table;
      tables[table.name] = `${ws.name}!${table.tableRef}`;
    }
  });
  const names = Object.fromEntries(
    workbook.definedNames.model.map((n) => [n.name, unquote(n.ranges.join(","))]),
  );
  return { sheets, names, tables };
}

function viewOfFake(fake: FakeExcel): WorkbookView {
  const sheets: WorkbookView["sheets"] = {};
  for (const sheet of fake.workbook.sheets) {
    const cells: Record<string, CellView> = {};
    for (const [address, cell] of Object.entries(fake.cellsOf(sheet.name))) {
      if (cell.formula)
        cells[address] = { formula: cell.formula.replace(/^=/, ""), numFmt: cell.numberFormat };
      else if (cell.value !== null) cells[address] = { value: cell.value, numFmt: cell.numberFormat };
    }
    sheets[sheet.name] = cells;
  }
  const sheetName = (id: number) => fake.workbook.sheets.find((s) => s.id === id)?.name;
  return {
    sheets,
    names: Object.fromEntries(fake.workbook.names.map((n) => [n.name, unquote(n.formula)])),
    tables: Object.fromEntries(
      fake.workbook.tables.map((t) => [t.name, `${sheetName(t.sheetId)}!${t.range}`]),
    ),
  };
}

async function bothWays(plan: WorkbookPlan): Promise<[WorkbookView, WorkbookView]> {
  const xlsx = viewOfXlsx(await readXlsx(await writeXlsx(plan)));
  const fake = createFakeExcel();
  // Excel always has a sheet: start from one and leave it out of the comparison.
  fake.seedSheet({ name: "Sheet1" });
  await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }));
  const office = viewOfFake(fake);
  delete office.sheets.Sheet1;
  return [office, xlsx];
}

const plans: [string, () => WorkbookPlan][] = [
  ["the hand-made plan", () => smallPlan],
  ...SAMPLE_IDS.map((id): [string, () => WorkbookPlan] => [`the ${id} sample's plan`, () => samplePlan(id)]),
];

describe("the Office.js and .xlsx writers agree", () => {
  test.each(plans)("on every cell, number format, name and table of %s", async (_label, plan) => {
    const [office, xlsx] = await bothWays(plan());
    expect(Object.keys(office.sheets)).toEqual(Object.keys(xlsx.sheets));
    for (const name of Object.keys(xlsx.sheets))
      expect([name, office.sheets[name]]).toEqual([name, xlsx.sheets[name]]);
    expect(office.names).toEqual(xlsx.names);
    expect(office.tables).toEqual(xlsx.tables);
    expect(Object.keys(office.names).length).toBeGreaterThan(0);
    expect(Object.keys(office.tables).length).toBeGreaterThan(0);
  });
});
