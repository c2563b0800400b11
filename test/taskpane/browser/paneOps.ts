/**
 * The few Excel calls the task pane makes beyond the writer's subset (find a sheet, its used range, activate,
 * select, the selected cell), added to the fake's contexts for the browser tests. They read the fake's model
 * directly; writes still go through the fake's own queued API so Excel's entry rules apply.
 */
import type { FakeExcel, FakeSheet } from "../../support/fakeExcel";
import type { ExcelContext, ExcelRunner } from "../../../src/writers/officejs/excelSubset";
import { parseCell } from "../../../src/plan/address";

export interface PaneView {
  active: string | null;
  selection: { sheet: string; address: string };
  /** While set, every sync waits for it: lets a test press Cancel in the middle of a generation. */
  syncGate: Promise<void> | null;
}

function usedRange(sheet: FakeSheet) {
  const refs = Object.entries(sheet.cells)
    .filter(([, cell]) => cell.value !== null || cell.formula !== null)
    .map(([address]) => parseCell(address));
  if (refs.length === 0)
    return { isNullObject: true, values: [], rowIndex: 0, columnIndex: 0, load: () => undefined };
  const top = Math.min(...refs.map((r) => r.row));
  const left = Math.min(...refs.map((r) => r.column));
  const bottom = Math.max(...refs.map((r) => r.row));
  const right = Math.max(...refs.map((r) => r.column));
  const values = Array.from({ length: bottom - top + 1 }, (_, r) =>
    Array.from({ length: right - left + 1 }, (_, c) => {
      const cell = Object.entries(sheet.cells).find(([a]) => {
        const ref = parseCell(a);
        return ref.row === top + r && ref.column === left + c;
      })?.[1];
      return cell?.value ?? "";
    }),
  );
  const range = { isNullObject: false, values, rowIndex: top, columnIndex: left, load: () => range };
  return range;
}

function withPaneOps(context: ExcelContext, fake: FakeExcel, view: PaneView): ExcelContext {
  const find = (name: string) =>
    fake.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const getItemOrNullObject = (name: string) => {
    const sheet = find(name);
    if (!sheet) return { isNullObject: true };
    return {
      isNullObject: false,
      activate: () => void (view.active = sheet.name),
      getRange: (address: string) => ({
        select: () => {
          view.active = sheet.name;
          view.selection = { sheet: sheet.name, address };
        },
      }),
      getUsedRangeOrNullObject: () => usedRange(sheet),
    };
  };
  const getSelectedRange = () => ({
    getCell: () => {
      const { sheet, address } = view.selection;
      const cell = {
        address: `${sheet}!${address}`,
        load: () => cell,
        set formulas(formulas: unknown[][]) {
          context.workbook.worksheets.getItem(sheet).getRange(address).formulas = formulas;
        },
      };
      return cell;
    },
  });
  const worksheets = extend(context.workbook.worksheets, { getItemOrNullObject });
  const workbook = extend(context.workbook, { worksheets, getSelectedRange });
  const sync = async () => {
    await view.syncGate;
    return context.sync();
  };
  return extend(context, { workbook, sync });
}

/** The object with extra members; its own members keep the object itself as `this`. */
function extend<T extends object>(target: T, extras: Record<string, unknown>): T {
  return new Proxy(target, {
    get: (object, key) => {
      if (typeof key === "string" && key in extras) return extras[key];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** Excel.run over the fake, with the pane's extra calls. */
export function paneRunner(fake: FakeExcel, view: PaneView): ExcelRunner {
  return (batch) => fake.run((context) => batch(withPaneOps(context, fake, view)));
}
