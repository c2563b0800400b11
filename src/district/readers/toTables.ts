/** A district → the input sheets' rows (the inverse of readDistrictTables): template example rows and round trips. */
import { FISCAL_YEARS, sheetSpec, type SheetKey } from "../layout";
import type { District } from "../model";
import { toCell } from "./cells";
import type { InputTable } from "./tables";

type Cell = string | number | null;

const valueAt = (source: unknown, field: string): unknown =>
  field
    .split(".")
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
      source,
    );

const headers = (key: SheetKey): Cell[] => sheetSpec(key).columns.map((column) => column.zh);
const listRows = (key: SheetKey, items: readonly unknown[]): Cell[][] =>
  items.map((item) => sheetSpec(key).columns.map((column) => toCell(valueAt(item, column.field), column)));

export function districtToTables(district: District): InputTable[] {
  const debts = district.debts;
  const debtRow = (values: Partial<Record<string, unknown>>): Cell[] =>
    sheetSpec("debts").columns.map((spec) => toCell(values[spec.field], spec));
  const tables: Record<SheetKey, Cell[][]> = {
    district: [
      headers("district"),
      ...(sheetSpec("district").rows ?? []).map((row) => [row.zh, toCell(valueAt(district, row.field), row)]),
    ],
    fiscal: [
      headers("fiscal"),
      ...(sheetSpec("fiscal").rows ?? []).map((row) => [
        row.zh,
        ...FISCAL_YEARS.map((year) => toCell(valueAt(district.fiscal[year.key], row.field), row)),
      ]),
    ],
    schools: [headers("schools"), ...listRows("schools", district.schools)],
    projects: [headers("projects"), ...listRows("projects", district.projects)],
    prior: [headers("prior"), ...listRows("prior", district.priorProjects ?? [])],
    priorBudget: [headers("priorBudget"), ...listRows("priorBudget", district.priorBudgetLines ?? [])],
    debts: [
      headers("debts"),
      ...(debts
        ? [
            ...debts.items.map((item) => debtRow({ rowType: "item", ...item })),
            debtRow({
              rowType: "statedTotal",
              amount: debts.statedTotal,
              ...(debts.statedSource === "" ? {} : { item: debts.statedSource }),
            }),
            ...debts.annualCapacity.map((amount, k) =>
              debtRow({ rowType: "capacity", year: district.budgetYear + k, amount }),
            ),
          ]
        : []),
    ],
    mergers: [headers("mergers"), ...listRows("mergers", district.mergers)],
    history: [headers("history"), ...listRows("history", district.term?.history ?? [])],
    births: [headers("births"), ...listRows("births", district.term?.births ?? [])],
    entrants: [headers("entrants"), ...listRows("entrants", district.term?.entrants ?? [])],
    ratios: [headers("ratios"), ...listRows("ratios", district.term?.ratios ?? [])],
    migration: [headers("migration"), ...listRows("migration", district.term?.migration ?? [])],
    preschool: [headers("preschool"), ...listRows("preschool", district.preschool.planned)],
    stated: [
      headers("stated"),
      ...district.statedCounts.flatMap((count) =>
        (count.items.length > 0 ? count.items : [undefined]).map(
          (item) =>
            listRows("stated", [
              { label: count.label, stated: count.stated, item, source: count.source || undefined },
            ])[0] as Cell[],
        ),
      ),
    ],
  };
  return (Object.keys(tables) as SheetKey[]).map((key) => ({
    sheet: sheetSpec(key).name,
    rows: tables[key],
  }));
}
