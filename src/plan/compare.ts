/**
 * Two builds side by side (a scenario against the base, 一上 against 二上, this year's input against last year's):
 * every check's verdict with the flips marked, the key totals with their differences, the lines of the sheets'
 * tables that differ (per school, per year …), and, when the inputs are given, what changed in them.
 *
 * Generic over the plan: checks are matched by id, totals and lines by sheet, table, row key and column header, so
 * a check or a table a new sheet adds appears here without any change. The order is stable: b's order, then what
 * only a has. Nothing here reads anything but the plans (and the inputs, when given).
 */
import type { District } from "../district/model";
import { fieldLabel } from "../district/layout";
import { POLICY_KEYS, type PolicyPack } from "../policy/types";
import { cellAddress, parseCell, parseRange, rangeAddress, sheetRef } from "./address";
import type { BuiltWorkbook } from "./build";
import type { CheckItem, CheckPlan, PlanCell, Scalar, SheetPlan, WorkbookPlan } from "./types";
import { isFormulaCell } from "./types";
import { checkStatus, NOT_APPLICABLE, VERDICT_WORDS, type CheckStatus } from "./verdict";

/** A value as compared: a cell's computed value, or the error it shows ("#DIV/0!"). */
export type Compared = Scalar;

export interface CheckComparison {
  readonly id: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** The sheet's tab name (b's when it has the check). */
  readonly sheetName: string;
  /** The verdict in a and in b; absent when that build has no such check. */
  readonly a?: CheckStatus;
  readonly b?: CheckStatus;
  readonly detailA?: { readonly zh: string; readonly en: string };
  readonly detailB?: { readonly zh: string; readonly en: string };
  /** The verdict differs, or only one build has the check. */
  readonly changed: boolean;
  /** Passed in one and failed in the other. */
  readonly flipped: boolean;
  /** b's verdict cell with its sheet ('布局调整'!$G$20), for a comparison written into b. */
  readonly refB?: string;
  /** The sub-results (one per school …) whose verdict differs, matched by label. */
  readonly items: readonly ItemComparison[];
}

export interface ItemComparison {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly a?: boolean;
  readonly b?: boolean;
}

export interface ValueComparison {
  /** Stable: sheet key, table, row key, column. */
  readonly id: string;
  readonly sheetName: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly a?: Compared;
  readonly b?: Compared;
  /** b − a when both are numbers. */
  readonly difference?: number;
  readonly changed: boolean;
  /** b's cell with its sheet, for a comparison written into b. */
  readonly refB?: string;
}

export interface InputChange {
  /** The model path, with list items named by their code or name: schools[WZ11].classes. */
  readonly id: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Absent when only b has it (added) or only a (removed). */
  readonly a?: Compared;
  readonly b?: Compared;
}

export interface BuildComparison {
  /** Every check of either build. */
  readonly checks: readonly CheckComparison[];
  /** Every key total of either build: tables' totals rows, the summary's lines, the reconciliations. */
  readonly totals: readonly ValueComparison[];
  /** The table cells (numbers and verdicts) that differ, outside the totals. */
  readonly lines: readonly ValueComparison[];
  /** What differs in the inputs, when they were given. */
  readonly inputs: readonly InputChange[];
  readonly counts: {
    readonly checksChanged: number;
    readonly checksFlipped: number;
    readonly totalsChanged: number;
    readonly linesChanged: number;
    readonly inputsChanged: number;
  };
}

export interface CompareInputs {
  readonly a: { readonly district: District; readonly pack: PolicyPack };
  readonly b: { readonly district: District; readonly pack: PolicyPack };
}

/** Two builds compared (b against a); with the inputs, what changed in them too. */
export function compareBuilds(a: BuiltWorkbook, b: BuiltWorkbook, inputs?: CompareInputs): BuildComparison {
  const checks = compareChecks(a.plan, b.plan);
  const valuesA = planValues(a);
  const valuesB = planValues(b);
  const totals = compareValues(valuesA.totals, valuesB.totals);
  const lines = compareLines(valuesA.lines, valuesB.lines);
  const changes = inputs ? compareInputs(inputs.a, inputs.b) : [];
  return {
    checks,
    totals,
    lines,
    inputs: changes,
    counts: {
      checksChanged: checks.filter((c) => c.changed).length,
      checksFlipped: checks.filter((c) => c.flipped).length,
      totalsChanged: totals.filter((t) => t.changed).length,
      linesChanged: lines.length,
      inputsChanged: changes.length,
    },
  };
}

/** Whether two builds differ in anything compared. */
export function hasDifferences(comparison: BuildComparison): boolean {
  const { checksChanged, totalsChanged, linesChanged, inputsChanged } = comparison.counts;
  return checksChanged + totalsChanged + linesChanged + inputsChanged > 0;
}

// ---------------------------------------------------------------- checks

/** Both orders merged: b's, with what only a has placed after the key it follows in a (linear in the keys). */
function mergedKeys(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  // Keys only in a, by the last key before them that b has too (null: before all of them).
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const key of a) {
    if (inB.has(key)) anchor = key;
    else {
      const list = after.get(anchor);
      if (list) list.push(key);
      else after.set(anchor, [key]);
    }
  }
  if (after.size === 0) return [...b];
  const out = [...(after.get(null) ?? [])];
  for (const key of b) {
    out.push(key);
    const following = after.get(key);
    if (following) out.push(...following);
  }
  return out;
}

function byId(checks: readonly CheckPlan[]): Map<string, CheckPlan> {
  const map = new Map<string, CheckPlan>();
  for (const check of checks) if (!map.has(check.id)) map.set(check.id, check);
  return map;
}

function compareChecks(a: WorkbookPlan, b: WorkbookPlan): CheckComparison[] {
  const inA = byId(a.checks);
  const inB = byId(b.checks);
  const sheetNameOf = (plan: WorkbookPlan, key: string) =>
    plan.sheets.find((s) => s.key === key)?.name ?? key;
  return mergedKeys([...inA.keys()], [...inB.keys()]).map((id) => {
    const ca = inA.get(id);
    const cb = inB.get(id);
    const first = (cb ?? ca) as CheckPlan;
    const sa = ca && checkStatus(ca);
    const sb = cb && checkStatus(cb);
    const flipped = (sa === "pass" && sb === "fail") || (sa === "fail" && sb === "pass");
    return {
      id,
      labelZh: first.labelZh,
      labelEn: first.labelEn,
      sheetName: cb ? sheetNameOf(b, cb.sheet) : sheetNameOf(a, first.sheet),
      ...(sa && { a: sa }),
      ...(sb && { b: sb }),
      ...(ca && { detailA: { zh: ca.detailZh, en: ca.detailEn } }),
      ...(cb && { detailB: { zh: cb.detailZh, en: cb.detailEn } }),
      changed: sa !== sb,
      flipped,
      ...(cb && { refB: sheetRef(sheetNameOf(b, cb.sheet), absolute(cb.cell)) }),
      items: compareItems(ca?.items ?? [], cb?.items ?? []),
    };
  });
}

/** Labels made unique by their occurrence ("x", "x#2"), so repeated labels still match one to one. */
function keyed<T>(list: readonly T[], key: (item: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const map = new Map<string, T>();
  for (const item of list) {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    map.set(n === 1 ? k : `${k}#${n}`, item);
  }
  return map;
}

function compareItems(a: readonly CheckItem[], b: readonly CheckItem[]): ItemComparison[] {
  if (a.length === 0 && b.length === 0) return [];
  const ia = keyed(a, (item) => item.labelEn);
  const ib = keyed(b, (item) => item.labelEn);
  return mergedKeys([...ia.keys()], [...ib.keys()]).flatMap((key) => {
    const xa = ia.get(key);
    const xb = ib.get(key);
    if (xa?.pass === xb?.pass) return [];
    const first = (xb ?? xa) as CheckItem;
    return [
      {
        labelZh: first.labelZh,
        labelEn: first.labelEn,
        ...(xa && { a: xa.pass }),
        ...(xb && { b: xb.pass }),
      },
    ];
  });
}

const absolute = (address: string): string => {
  const { row, column } = parseCell(address);
  return cellAddress(row, column, true);
};

// ---------------------------------------------------------------- totals and lines

interface PlanValue {
  readonly sheetName: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly value: Compared | undefined;
  readonly ref?: string;
}

/** Tables that restate the checks (目录 and 汇总 list them): the checks are compared by id instead. */
const RESTATED = new Set(["tblCheckResults"]);
/** Sheets whose tables are an index of the others (目录). */
const INDEX_SHEETS = new Set(["contents"]);
/** Sheets that gather the others' figures (汇总): each of their lines is a key total. */
const GATHERING_SHEETS = new Set(["summary"]);

/** The cells of a sheet by row and column. */
function grid(sheet: SheetPlan): (readonly PlanCell[] | undefined)[] {
  const rows: PlanCell[][] = [];
  for (const block of sheet.blocks) {
    const { row: top, column: left } = parseCell(block.anchor);
    block.cells.forEach((line, r) => {
      const row = (rows[top + r] ??= []);
      line.forEach((cell, c) => {
        if (cell !== null) row[left + c] = cell;
      });
    });
  }
  return rows;
}

function shown(cell: PlanCell | undefined): Compared | undefined {
  if (cell === undefined || cell === null) return undefined;
  const v = cell.v;
  return typeof v === "object" ? v.error : v;
}

const rowKeyText = (value: Compared | undefined): string => (value === undefined ? "" : String(value));

/** The lines of one table: each row by its key, with its numbers and verdicts by column (text left out). */
interface TableLines {
  readonly sheetName: string;
  readonly headers: readonly string[];
  /** The sheet column of headers[0]. */
  readonly left: number;
  readonly rows: Map<string, RowLine>;
}

interface RowLine {
  readonly label: string;
  /** The 0-based sheet row. */
  readonly row: number;
  /** By column of the table (0 is the key column: undefined). */
  readonly values: readonly (Compared | undefined)[];
}

/** Every key total by id, and every table's lines by sheet key and table name, in workbook order. */
function planValues(built: BuiltWorkbook): {
  readonly totals: Map<string, PlanValue>;
  readonly lines: Map<string, TableLines>;
} {
  const totals = new Map<string, PlanValue>();
  const lines = new Map<string, TableLines>();
  for (const sheet of built.plan.sheets) {
    if (INDEX_SHEETS.has(sheet.key) || sheet.tables.length === 0) continue;
    const cells = grid(sheet);
    const at = (row: number, column: number) => cells[row]?.[column] ?? undefined;
    const gathering = GATHERING_SHEETS.has(sheet.key);
    const sheetTotals: {
      readonly id: string;
      readonly header: string;
      readonly table: string;
      readonly value: Compared | undefined;
      readonly ref: string;
    }[] = [];
    for (const table of sheet.tables) {
      if (RESTATED.has(table.name)) continue;
      const { start, end } = parseRange(table.range);
      const headers = table.columns.map((c) => c.name);
      const firstRow = start.row + 1;
      // Each row is known by its first cell (a school code, a year, a key), repeated ones by their occurrence.
      const seen = new Map<string, number>();
      const rows = new Map<string, RowLine>();
      for (let row = firstRow; row <= end.row; row++) {
        const first = shown(at(row, start.column));
        if (first === undefined) continue;
        const base = rowKeyText(first);
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        const rowKey = n === 1 ? base : `${base}#${n}`;
        const second = shown(at(row, start.column + 1));
        const rowLabel = typeof second === "string" && second !== base ? `${base} ${second}` : base;
        const values: (Compared | undefined)[] = [undefined];
        for (let column = start.column + 1; column <= end.column; column++) {
          const value = shown(at(row, column));
          const compared =
            typeof value === "number" || typeof value === "boolean" || isError(value) || isVerdictWord(value);
          values.push(compared ? value : undefined);
          if (!gathering || !compared) continue;
          const header = headers[column - start.column] ?? "";
          totals.set(`${sheet.key}:${table.name}:${rowKey}:${header}`, {
            sheetName: sheet.name,
            labelZh: `${rowLabel} · ${header}`,
            labelEn: `${rowLabel} · ${header}`,
            value,
            ref: sheetRef(sheet.name, cellAddress(row, column, true)),
          });
        }
        rows.set(rowKey, { label: rowLabel, row, values });
      }
      if (!gathering)
        lines.set(`${sheet.key}:${table.name}`, { sheetName: sheet.name, headers, left: start.column, rows });
      // The totals row under the table: a SUM over the column's data rows.
      const totalRow = end.row + 1;
      for (let column = start.column; column <= end.column; column++) {
        const cell = at(totalRow, column);
        if (!cell || !isFormulaCell(cell)) continue;
        if (cell.f !== `SUM(${rangeAddress(firstRow, column, end.row, column)})`) continue;
        sheetTotals.push({
          id: `${sheet.key}:${table.name}:合计:${headers[column - start.column] ?? ""}`,
          header: headers[column - start.column] ?? "",
          table: headers[0] ?? "",
          value: shown(cell),
          ref: sheetRef(sheet.name, cellAddress(totalRow, column, true)),
        });
      }
    }
    // A total is named by its column; by its table too where the sheet has that column's total more than once.
    const count = (key: (t: (typeof sheetTotals)[number]) => string, t: (typeof sheetTotals)[number]) =>
      sheetTotals.filter((other) => key(other) === key(t)).length;
    const seen = new Map<string, number>();
    for (const total of sheetTotals) {
      let name = total.header;
      if (count((t) => t.header, total) > 1) {
        name = `${total.table} · ${total.header}`;
        if (count((t) => `${t.table} · ${t.header}`, total) > 1) {
          const n = (seen.get(name) ?? 0) + 1;
          seen.set(name, n);
          name = `${name} (${n})`;
        }
      }
      totals.set(total.id, {
        sheetName: sheet.name,
        labelZh: `${name} 合计`,
        labelEn: `${name} (total)`,
        value: total.value,
        ref: total.ref,
      });
    }
  }
  const sheetNameOf = (key: string) => built.plan.sheets.find((s) => s.key === key)?.name ?? key;
  const reconciliations = keyed(built.reconciliations, (r) => `${r.sheet}:${r.labelEn}`);
  for (const [key, r] of reconciliations)
    totals.set(`reconciliation:${key}`, {
      sheetName: sheetNameOf(r.sheet),
      labelZh: `核对: ${r.labelZh}`,
      labelEn: `Reconciliation: ${r.labelEn}`,
      value: r.difference.value,
      ref: r.difference.ref,
    });
  return { totals, lines };
}

const isError = (value: Compared | undefined): boolean => typeof value === "string" && value.startsWith("#");

/** The words a verdict or a yes/no cell shows, in any language of the workbook (compared like numbers). */
const VERDICT_TEXTS: ReadonlySet<string> = new Set(
  Object.values(VERDICT_WORDS).flatMap((w) => [w.pass, w.fail, w.yes, w.no, NOT_APPLICABLE]),
);
const isVerdictWord = (value: Compared | undefined): boolean =>
  typeof value === "string" && VERDICT_TEXTS.has(value);

/** Equal values; numbers equal to 1e-9 of their size (the same sum made in another order). */
export function sameValue(a: Compared | undefined, b: Compared | undefined): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

function compareValues(
  a: ReadonlyMap<string, PlanValue>,
  b: ReadonlyMap<string, PlanValue>,
): ValueComparison[] {
  const out: ValueComparison[] = [];
  for (const id of mergedKeys([...a.keys()], [...b.keys()])) {
    const va = a.get(id);
    const vb = b.get(id);
    const first = (vb ?? va) as PlanValue;
    const changed = !va || !vb || !sameValue(va.value, vb.value);
    const x = va?.value;
    const y = vb?.value;
    out.push({
      id,
      sheetName: first.sheetName,
      labelZh: first.labelZh,
      labelEn: first.labelEn,
      ...(x !== undefined && { a: x }),
      ...(y !== undefined && { b: y }),
      ...(typeof x === "number" && typeof y === "number" && { difference: changed ? y - x : 0 }),
      changed,
      ...(vb?.ref !== undefined && { refB: vb.ref }),
    });
  }
  return out;
}

/** The table cells that differ: tables by sheet and name, rows by key, columns by header. */
function compareLines(
  a: ReadonlyMap<string, TableLines>,
  b: ReadonlyMap<string, TableLines>,
): ValueComparison[] {
  const out: ValueComparison[] = [];
  for (const tableId of mergedKeys([...a.keys()], [...b.keys()])) {
    const ta = a.get(tableId);
    const tb = b.get(tableId);
    const first = (tb ?? ta) as TableLines;
    const headers = mergedKeys(ta?.headers.slice(1) ?? [], tb?.headers.slice(1) ?? []);
    const indexIn = (t: TableLines | undefined) => new Map(t?.headers.map((h, i) => [h, i]) ?? []);
    const inA = indexIn(ta);
    const inB = indexIn(tb);
    for (const rowKey of mergedKeys([...(ta?.rows.keys() ?? [])], [...(tb?.rows.keys() ?? [])])) {
      const ra = ta?.rows.get(rowKey);
      const rb = tb?.rows.get(rowKey);
      const label = (rb ?? ra)?.label ?? rowKey;
      for (const header of headers) {
        const ia = inA.get(header);
        const ib = inB.get(header);
        const x = ia === undefined ? undefined : ra?.values[ia];
        const y = ib === undefined ? undefined : rb?.values[ib];
        if (x === undefined && y === undefined) continue;
        if (sameValue(x, y)) continue;
        out.push({
          id: `${tableId}:${rowKey}:${header}`,
          sheetName: first.sheetName,
          labelZh: `${label} · ${header}`,
          labelEn: `${label} · ${header}`,
          ...(x !== undefined && { a: x }),
          ...(y !== undefined && { b: y }),
          ...(typeof x === "number" && typeof y === "number" && { difference: y - x }),
          changed: true,
          ...(tb &&
            rb &&
            ib !== undefined && { refB: sheetRef(tb.sheetName, cellAddress(rb.row, tb.left + ib, true)) }),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- inputs

/** Lists whose items are known by a field of their own, and how an item is named. */
const IDENTITY: Readonly<
  Record<string, { readonly field: string; readonly zh: string; readonly en: string }>
> = {
  schools: { field: "code", zh: "学校", en: "School" },
  projects: { field: "name", zh: "项目", en: "Project" },
  priorProjects: { field: "name", zh: "上年开工项目", en: "Prior project" },
  mergers: { field: "name", zh: "布局调整", en: "Merger" },
  "preschool.planned": { field: "name", zh: "幼儿园", en: "Kindergarten" },
  "debts.items": { field: "item", zh: "欠款", en: "Debt" },
  statedCounts: { field: "label", zh: "所述", en: "Statement" },
};

type Json = unknown;
type Path = (string | number)[];

const isObject = (value: Json): value is Record<string, Json> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const asText = (value: Json): Compared | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join("、");
  return JSON.stringify(value);
};

/** What differs between two inputs: the district's fields (list items matched by code or name) and the pack's values. */
export function compareInputs(
  a: { readonly district: District; readonly pack: PolicyPack },
  b: { readonly district: District; readonly pack: PolicyPack },
): InputChange[] {
  const out: InputChange[] = [];
  walk(a.district, b.district, [], [], { zh: "", en: "" }, out);
  for (const key of POLICY_KEYS) {
    const va = a.pack.values[key];
    const vb = b.pack.values[key];
    const x = va.notSet ? undefined : va.value;
    const y = vb.notSet ? undefined : vb.value;
    if (x === y) continue;
    out.push({
      id: `pack.${key}`,
      labelZh: `参数「${vb.labelZh}」`,
      labelEn: `Parameter "${vb.labelEn}"`,
      ...(x !== undefined && { a: x }),
      ...(y !== undefined && { b: y }),
    });
  }
  return out;
}

function walk(
  a: Json,
  b: Json,
  modelPath: Path,
  idPath: Path,
  owner: { readonly zh: string; readonly en: string },
  out: InputChange[],
): void {
  const pattern = modelPath.filter((k) => typeof k === "string").join(".");
  const identity = IDENTITY[pattern];
  if (identity && Array.isArray(a) && Array.isArray(b)) {
    const name = (item: Json) => (isObject(item) ? String(item[identity.field] ?? "") : "");
    const ia = keyed(a, name);
    const ib = keyed(b, name);
    const base = idPath.map(String).join(".");
    for (const key of mergedKeys([...ia.keys()], [...ib.keys()])) {
      const xa = ia.get(key);
      const xb = ib.get(key);
      const label = { zh: `${identity.zh}「${key}」`, en: `${identity.en} "${key}"` };
      if (xa === undefined || xb === undefined) {
        out.push({
          id: `${base}[${key}]`,
          labelZh: label.zh,
          labelEn: label.en,
          ...(xa !== undefined && { a: "有" }),
          ...(xb !== undefined && { b: "有" }),
        });
        continue;
      }
      const itemName = isObject(xb) && typeof xb.name === "string" ? xb.name : key;
      walk(
        xa,
        xb,
        [...modelPath, 0],
        [...idPath, `[${key}]`],
        {
          zh: `${identity.zh}「${itemName}」`,
          en: `${identity.en} "${itemName}"`,
        },
        out,
      );
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of mergedKeys(Object.keys(a), Object.keys(b)))
      walk(a[key], b[key], [...modelPath, key], [...idPath, key], owner, out);
    return;
  }
  const x = asText(a);
  const y = asText(b);
  if (x === y) return;
  const field = fieldLabel(modelPath);
  const id = idPath.map(String).join(".").replace(/\.\[/g, "[");
  out.push({
    id,
    labelZh: owner.zh ? `${owner.zh} ${field.zh}` : field.zh,
    labelEn: owner.en ? `${owner.en} ${field.en}` : field.en,
    ...(x !== undefined && { a: x }),
    ...(y !== undefined && { b: y }),
  });
}
