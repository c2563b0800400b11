/**
 * The builders' toolkit: cells, and a SheetBuilder that lays out titles, key/value blocks and Excel tables whose
 * columns are specified once (header, width, style, how a row's cell is made). Every formula cell is made with fx(),
 * which takes the formula and the value the builder computed for it with the domain rules.
 */
import { reconcile, reconcileFormula, reconciles, reconcilesFormula } from "../domain/debt";
import { RuleError, type RuleErrorKind } from "../domain/errors";
import { cellAddress, columnLetter, rangeAddress, sheetRef } from "./address";
import type { Reconciliation } from "./context";
import type { SheetDefinition } from "./registry";
import type { StyleName } from "./styles";
import { NOT_APPLICABLE, VERDICT_WORDS, type VerdictWords } from "./verdict";
import type {
  Block,
  ChartPlan,
  CheckPlan,
  ColumnPlan,
  ConditionalFormatPlan,
  FormulaCell,
  PlanCell,
  PlanErrorValue,
  PrintPlan,
  RangeFormat,
  Scalar,
  SheetKey,
  SheetPlan,
  TablePlan,
  ValidationPlan,
  ValueCell,
} from "./types";

export function val(v: Scalar): ValueCell {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`constant is not a finite number: ${v}`);
  return { v };
}

export function fx(formula: string, v: Scalar): FormulaCell {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`formula ${formula} computed ${v}`);
  return { f: formula.startsWith("=") ? formula.slice(1) : formula, v };
}

/** A formula the plan expects to show an Excel error (e.g. a rate over zero students). */
export function fxError(formula: string, error: PlanErrorValue): FormulaCell {
  return { f: formula, v: { error } };
}

/** The Excel error a formula shows where a domain rule throws a RuleError of each kind. */
export const EXCEL_ERROR: Readonly<Record<RuleErrorKind, PlanErrorValue>> = {
  value: "#VALUE!",
  div0: "#DIV/0!",
  na: "#N/A",
};

/**
 * A formula whose value a domain rule computes: when the rule rejects its inputs (a zero base, a level without a
 * limit) the cell is marked with the Excel error the formula shows for the same inputs.
 */
export function fxRule(formula: string, compute: () => Scalar): FormulaCell {
  try {
    return fx(formula, compute());
  } catch (error) {
    if (error instanceof RuleError) return fxError(formula, EXCEL_ERROR[error.kind]);
    throw error;
  }
}

/** The computed value of a cell (undefined for empty cells and expected errors). */
export function valueOf(cell: PlanCell): Scalar | undefined {
  if (cell === null) return undefined;
  const v = cell.v;
  return typeof v === "object" ? undefined : v;
}

/** A string literal inside a formula: "…" with quotes doubled. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export interface RowContext<R> {
  readonly item: R;
  /** 0-based index of the data row. */
  readonly index: number;
  /** 0-based sheet row. */
  readonly row: number;
  /** A1 address of this row's cell in the column with `key` (the column must exist). */
  ref(key: string): string;
  /** The column's range from its first data row (row fixed) to this row, for a running sum: "E$5:E8". */
  fromFirst(key: string): string;
  /** The value computed for this row's cell in an earlier column. */
  value(key: string): Scalar | undefined;
  num(key: string): number;
}

export interface ColumnSpec<R> {
  readonly key: string;
  readonly header: string;
  /** Width in characters; defaults from the header length. */
  readonly width?: number;
  readonly style?: StyleName;
  cell(ctx: RowContext<R>): PlanCell;
}

export interface TableSpec<R> {
  /** Workbook-unique table name (ASCII letters, digits, underscore). */
  readonly name: string;
  readonly columns: readonly ColumnSpec<R>[];
  readonly rows: readonly R[];
  /** First column (0-based); default 0. */
  readonly column?: number;
  /** Add a totals row under the table (outside it) with these column keys summed. */
  readonly totals?: { readonly label: string; readonly keys: readonly string[]; readonly labelKey?: string };
}

export interface TableResult {
  readonly name: string;
  readonly sheet: string;
  /** 0-based sheet rows. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly rowCount: number;
  column(key: string): string;
  /** Data range of a column on this sheet, e.g. "E5:E40". */
  range(key: string): string;
  /** Absolute data range with sheet, for formulas on other sheets: '学校'!$E$5:$E$40. */
  sheetRange(key: string): string;
  /** Address of one data row's cell; with sheet when `qualified`. */
  cell(key: string, index: number, qualified?: boolean): string;
  /** Absolute address of one data row's cell ($E$7); with sheet when `qualified` ('学校'!$E$7). */
  absoluteCell(key: string, index: number, qualified?: boolean): string;
  /** Absolute data range of a column on this sheet, e.g. "$E$5:$E$40". */
  absoluteRange(key: string): string;
  values(key: string): readonly (Scalar | undefined)[];
  /** The totals row's cell of a summed column (ref with sheet, local without), when the table has totals. */
  total(key: string): TotalCell;
}

/** A totals cell: its absolute reference with sheet, its address on the sheet, and its computed value. */
export interface TotalCell {
  readonly ref: string;
  readonly local: string;
  readonly value: number;
}

/** A key/value row's value cell: absolute reference with sheet, address on the sheet (relative and absolute). */
export interface KeyValueCell {
  readonly ref: string;
  readonly local: string;
  readonly absolute: string;
  readonly value: Scalar | undefined;
}

/** Where a sheet registers what 目录, 汇总, the CLI and the task pane report: its checks and reconciliations. */
export interface Register {
  readonly checks: CheckPlan[];
  readonly reconciliations: Reconciliation[];
}

/** A check as its builder states it; the sheet and the verdict cell are filled in when it is registered. */
export type CheckSpec = Omit<CheckPlan, "sheet" | "cell">;

/**
 * A verdict: the condition (a formula that is TRUE when the check passes) shown as the pass or fail word of the
 * workbook's language, IF(condition,"通过","未通过"), with the word the builder computed.
 */
export function verdictFx(condition: string, pass: boolean, words: VerdictWords): FormulaCell {
  return fx(`IF(${condition},${str(words.pass)},${str(words.fail)})`, pass ? words.pass : words.fail);
}

/** A formula and the value the builder computed for it. */
export interface Computed<T extends Scalar = number> {
  readonly formula: string;
  readonly value: T;
}

export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly formats: RangeFormat[] = [];
  private readonly merges: string[] = [];
  private readonly tables: TablePlan[] = [];
  private readonly conditionalFormats: ConditionalFormatPlan[] = [];
  private readonly validations: ValidationPlan[] = [];
  private readonly charts: ChartPlan[] = [];
  private readonly pageBreaks: number[] = [];
  private readonly widths = new Map<number, number>();
  private freeze?: { rows: number; columns: number };
  private print: PrintPlan = { orientation: "landscape", fitToWidth: true };
  /** Next free 0-based row. */
  row = 0;

  readonly name: string;
  readonly key: SheetKey;
  private readonly tabColor: string;
  /** What the sheet's verdict cells show for a pass and a fail. */
  readonly verdicts: VerdictWords;

  /**
   * A sheet laid out for its definition (name, key and tab colour), its verdicts in the words of the workbook's
   * language (`ctx.verdicts`; Chinese when not given).
   */
  constructor(
    sheet: Pick<SheetDefinition, "key" | "nameZh" | "tabColor">,
    language: { readonly verdicts: VerdictWords } = { verdicts: VERDICT_WORDS.zh },
  ) {
    this.name = sheet.nameZh;
    this.key = sheet.key;
    this.tabColor = sheet.tabColor;
    this.verdicts = language.verdicts;
  }

  /** A verdict cell of a condition: IF(condition,"通过","未通过") with the word computed for it. */
  verdict(condition: string, pass: boolean): FormulaCell {
    return verdictFx(condition, pass, this.verdicts);
  }

  /** A yes/no cell of a condition (a flag, not a check): IF(condition,"是","否") with the word computed for it. */
  yesNo(condition: string, yes: boolean): FormulaCell {
    const words = this.verdicts;
    return fx(`IF(${condition},${str(words.yes)},${str(words.no)})`, yes ? words.yes : words.no);
  }

  /** A condition TRUE where a yes/no cell says yes: cell="是". */
  isYes(cell: string): string {
    return `${cell}=${str(this.verdicts.yes)}`;
  }

  /** A verdict whose condition a domain rule decides; the Excel error the formula shows where the rule rejects. */
  verdictRule(condition: string, compute: () => boolean): FormulaCell {
    const words = this.verdicts;
    return fxRule(`IF(${condition},${str(words.pass)},${str(words.fail)})`, () =>
      compute() ? words.pass : words.fail,
    );
  }

  /** A check's verdict cell: the verdict of its condition, or 不适用 for a check with nothing to check. */
  verdictCell(condition: string, spec: Pick<CheckSpec, "pass" | "applicable">): PlanCell {
    return spec.applicable === false ? val(NOT_APPLICABLE) : this.verdict(condition, spec.pass);
  }

  /** The pass word as a formula literal ("通过"), to compare a verdict cell with. */
  get passLiteral(): string {
    return str(this.verdicts.pass);
  }

  /** The fail word as a formula literal ("未通过"). */
  get failLiteral(): string {
    return str(this.verdicts.fail);
  }

  /** A formula counting the passed verdicts of a range: COUNTIF(range,"通过"). */
  countPassed(range: string): string {
    return `COUNTIF(${range},${this.passLiteral})`;
  }

  /** A formula counting the failed verdicts of a range: COUNTIF(range,"未通过"). */
  countFailed(range: string): string {
    return `COUNTIF(${range},${this.failLiteral})`;
  }

  /**
   * A condition TRUE when no verdict of the range failed, an error when one is an error (as AND over the booleans
   * was): SUMPRODUCT(--(range="未通过"))=0. 不适用 and empty cells are not failures.
   */
  noneFailed(range: string): string {
    return `SUMPRODUCT(--(${range}=${this.failLiteral}))=0`;
  }

  /** Sheet title in A1 (bold, large) and an optional subtitle line under it. */
  title(text: string, subtitle?: string): this {
    this.put(this.row, 0, [[val(text)]]);
    this.format(cellAddress(this.row, 0), "title");
    this.row += 1;
    if (subtitle) {
      this.put(this.row, 0, [[val(subtitle)]]);
      this.format(cellAddress(this.row, 0), "subtitle");
      this.row += 1;
    }
    this.row += 1;
    return this;
  }

  /** A one-line remark (grey italic), running on to the right. */
  note(text: string): this {
    this.put(this.row, 0, [[val(text)]]);
    this.format(cellAddress(this.row, 0), "remark");
    this.row += 1;
    return this;
  }

  skip(rows = 1): this {
    this.row += rows;
    return this;
  }

  /**
   * Label/value rows from column A. Returns each value cell's address (with sheet) by key, so other sheets and the
   * contents page can refer to it.
   */
  keyValues(
    rows: readonly { key: string; label: string; cell: PlanCell; style?: StyleName; note?: string }[],
  ): Record<string, KeyValueCell> {
    const out: Record<string, KeyValueCell> = {};
    const hasNotes = rows.some((r) => r.note !== undefined);
    this.put(
      this.row,
      0,
      rows.map((r) =>
        hasNotes ? [val(r.label), r.cell, r.note ? val(r.note) : null] : [val(r.label), r.cell],
      ),
    );
    rows.forEach((r, i) => {
      const local = cellAddress(this.row + i, 1);
      const absolute = cellAddress(this.row + i, 1, true);
      out[r.key] = { ref: sheetRef(this.name, absolute), local, absolute, value: valueOf(r.cell) };
      if (r.style) this.format(local, r.style);
    });
    this.format(rangeAddress(this.row, 0, this.row + rows.length - 1, 0), "label");
    this.row += rows.length + 1;
    return out;
  }

  /** An Excel table with a header row at the cursor; the cursor moves below it (and its totals row). */
  table<R>(spec: TableSpec<R>): TableResult {
    const left = spec.column ?? 0;
    const headerRow = this.row;
    const firstRow = headerRow + 1;
    const keys = spec.columns.map((c) => c.key);
    const indexOf = new Map(keys.map((k, i) => [k, i]));
    const colOf = (key: string): number => {
      const i = indexOf.get(key);
      if (i === undefined) throw new Error(`table ${spec.name} has no column ${key}`);
      return left + i;
    };
    // An Excel table needs one data row; an empty list gets one blank row.
    const dataRows = Math.max(spec.rows.length, 1);
    const lastRow = firstRow + dataRows - 1;
    const cells: PlanCell[][] = [spec.columns.map((c) => val(c.header))];
    const computed: (Scalar | undefined)[][] = spec.columns.map(() => []);
    spec.rows.forEach((item, index) => {
      const row = firstRow + index;
      const line: PlanCell[] = [];
      const ctx: RowContext<R> = {
        item,
        index,
        row,
        ref: (key) => cellAddress(row, colOf(key)),
        fromFirst: (key) => `${cellAddress(firstRow, colOf(key), "row")}:${cellAddress(row, colOf(key))}`,
        value: (key) => computed[colOf(key) - left]?.[index],
        num: (key) => {
          const v = computed[colOf(key) - left]?.[index];
          if (typeof v !== "number")
            throw new Error(`table ${spec.name} row ${index}: ${key} is not a number`);
          return v;
        },
      };
      spec.columns.forEach((column, c) => {
        const cell = column.cell(ctx);
        line.push(cell);
        (computed[c] as (Scalar | undefined)[]).push(valueOf(cell));
      });
      cells.push(line);
    });
    if (spec.rows.length === 0) cells.push(spec.columns.map(() => null));
    this.put(headerRow, left, cells);
    const right = left + spec.columns.length - 1;
    this.format(rangeAddress(headerRow, left, headerRow, right), "header");
    spec.columns.forEach((column, c) => {
      if (column.style) this.format(rangeAddress(firstRow, left + c, lastRow, left + c), column.style);
      this.width(left + c, column.width ?? Math.max(8, Math.min(40, displayWidth(column.header) + 2)));
    });
    this.tables.push({
      name: spec.name,
      range: rangeAddress(headerRow, left, lastRow, right),
      columns: spec.columns.map((c) => ({ name: c.header })),
      style: "TableStyleLight9",
    });
    const sheet = this.name;
    const totals = new Map<string, TotalCell>();
    this.row = lastRow + 1;
    if (spec.totals) {
      const totalRow = this.row;
      const line: PlanCell[] = spec.columns.map((c) => {
        if (c.key === (spec.totals?.labelKey ?? keys[0])) return val(spec.totals?.label ?? "合计");
        if (!spec.totals?.keys.includes(c.key)) return null;
        const col = colOf(c.key);
        const sum = (computed[col - left] ?? []).reduce<number>(
          (s, v) => s + (typeof v === "number" ? v : 0),
          0,
        );
        totals.set(c.key, {
          ref: sheetRef(sheet, cellAddress(totalRow, col, true)),
          local: cellAddress(totalRow, col),
          value: sum,
        });
        return fx(`SUM(${rangeAddress(firstRow, col, lastRow, col)})`, sum);
      });
      this.put(totalRow, left, [line]);
      // Bold across the row; each total keeps its column's number format (a head count is not money).
      this.format(rangeAddress(totalRow, left, totalRow, right), "label");
      spec.columns.forEach((c, i) => {
        if (spec.totals?.keys.includes(c.key))
          this.format(cellAddress(totalRow, left + i), c.style && c.style !== "text" ? c.style : "total");
      });
      this.row += 1;
    }
    this.row += 1;
    const absRange = (key: string) =>
      `${cellAddress(firstRow, colOf(key), true)}:${cellAddress(lastRow, colOf(key), true)}`;
    return {
      name: spec.name,
      sheet,
      headerRow,
      firstRow,
      lastRow,
      rowCount: spec.rows.length,
      column: (key) => columnLetter(colOf(key)),
      range: (key) => rangeAddress(firstRow, colOf(key), lastRow, colOf(key)),
      sheetRange: (key) => sheetRef(sheet, absRange(key)),
      cell: (key, index, qualified = false) => {
        const local = cellAddress(firstRow + index, colOf(key));
        return qualified ? sheetRef(sheet, local) : local;
      },
      absoluteCell: (key, index, qualified = false) => {
        const absolute = cellAddress(firstRow + index, colOf(key), true);
        return qualified ? sheetRef(sheet, absolute) : absolute;
      },
      absoluteRange: absRange,
      values: (key) => computed[colOf(key) - left] ?? [],
      total: (key) => {
        const t = totals.get(key);
        if (!t) throw new Error(`table ${spec.name} has no total for ${key}`);
        return t;
      },
    };
  }

  /** A verdict cell already placed (in a table or key/value block): coloured pass/fail and registered once. */
  check(register: Pick<Register, "checks">, cell: string, spec: CheckSpec): CheckPlan {
    this.passFail(cell, cell);
    return this.registerCheck(register, cell, spec);
  }

  /** Registers a verdict cell whose range is already coloured pass/fail (a column of verdicts) as a check. */
  registerCheck(register: Pick<Register, "checks">, cell: string, spec: CheckSpec): CheckPlan {
    const plan: CheckPlan = { ...spec, sheet: this.key, cell };
    register.checks.push(plan);
    return plan;
  }

  /**
   * A check row at the cursor: the label, the verdict (a formula and the value computed for it) and an optional
   * remark, coloured pass/fail and registered once as a check of this sheet.
   */
  checkRow(
    register: Pick<Register, "checks">,
    row: { readonly label: string; readonly formula: string; readonly note?: string },
    spec: CheckSpec,
  ): CheckPlan {
    const kv = this.keyValues([
      {
        key: "verdict",
        label: row.label,
        cell: this.verdictCell(row.formula, spec),
        style: "verdict",
        ...(row.note === undefined ? {} : { note: row.note }),
      },
    ]);
    return this.check(register, kv.verdict?.local ?? "", spec);
  }

  /**
   * Reconciliation rows at the cursor, one table: each row's stated figure and its parts (formulas and computed
   * values), the difference ROUND(stated − parts, 2) and whether it agrees (reconciles, the one decision), each
   * registered once.
   */
  reconciliationTable(
    register: Pick<Register, "reconciliations">,
    spec: {
      readonly name: string;
      readonly headers: { readonly label: string; readonly stated: string; readonly parts: string };
      readonly style: StyleName;
      readonly rows: readonly {
        readonly labelZh: string;
        readonly labelEn: string;
        readonly stated: Computed;
        readonly parts: Computed;
      }[];
    },
  ): TableResult {
    const table = this.table({
      name: spec.name,
      rows: spec.rows,
      columns: [
        { key: "label", header: spec.headers.label, width: 40, cell: ({ item }) => val(item.labelZh) },
        {
          key: "stated",
          header: spec.headers.stated,
          style: spec.style,
          cell: ({ item }) => fx(item.stated.formula, item.stated.value),
        },
        {
          key: "parts",
          header: spec.headers.parts,
          style: spec.style,
          cell: ({ item }) => fx(item.parts.formula, item.parts.value),
        },
        {
          key: "difference",
          header: "差额",
          style: spec.style,
          cell: ({ item, ref }) =>
            fx(
              reconcileFormula(ref("stated"), [ref("parts")]),
              reconcile(item.stated.value, [item.parts.value]),
            ),
        },
        {
          key: "ok",
          header: "一致",
          style: "verdict",
          cell: ({ ref, num }) =>
            this.verdict(reconcilesFormula(ref("difference")), reconciles(num("difference"))),
        },
      ],
    });
    if (spec.rows.length > 0) this.passFail(table.range("ok"), table.cell("ok", 0));
    const differences = table.values("difference");
    spec.rows.forEach((row, i) =>
      register.reconciliations.push({
        labelZh: row.labelZh,
        labelEn: row.labelEn,
        sheet: this.key,
        difference: { ref: table.absoluteCell("difference", i, true), value: Number(differences[i]) },
      }),
    );
    return table;
  }

  /**
   * A stated count (a number of projects a document names) against the items the input lists with it and the rows of a table: key/value
   * rows stated, listed, `others` (e.g. how many listed names the table holds, how many rows it has), the
   * difference stated − `against` and whether all agree (stated = listed = against, every listed name found). The
   * difference is registered as a reconciliation and the verdict as a check.
   */
  statedCount(
    register: Register,
    spec: {
      readonly stated: { readonly label: string; readonly value: number };
      /** The items listed with it: a formula counting them, or the count as a constant. */
      readonly listed: { readonly label: string; readonly formula?: string; readonly value: number };
      /** Further counts in order; `against` names the one the stated count is reconciled with. */
      readonly others: readonly ({
        readonly key: "matched" | "against";
        readonly label: string;
      } & Computed)[];
      readonly differenceLabel: string;
      readonly reconciliation: { readonly labelZh: string; readonly labelEn: string };
      readonly check: CheckSpec;
    },
  ): { readonly difference: KeyValueCell; readonly verdict: CheckPlan } {
    const top = this.row;
    const at = (key: string) => {
      const i = ["stated", "listed", ...spec.others.map((o) => o.key)].indexOf(key);
      return cellAddress(top + i, 1);
    };
    const against = spec.others.find((o) => o.key === "against");
    const matched = spec.others.find((o) => o.key === "matched");
    if (!against)
      throw new Error(`statedCount ${spec.check.id}: no count to reconcile the stated count with`);
    const difference = spec.stated.value - against.value;
    const equal = [`${at("stated")}=${at("listed")}`, `${at("listed")}=${at("against")}`];
    if (matched) equal.push(`${at("matched")}=${at("listed")}`);
    const kv = this.keyValues([
      { key: "stated", label: spec.stated.label, cell: val(spec.stated.value), style: "integer" },
      {
        key: "listed",
        label: spec.listed.label,
        cell:
          spec.listed.formula === undefined
            ? val(spec.listed.value)
            : fx(spec.listed.formula, spec.listed.value),
        style: "integer",
      },
      ...spec.others.map((o) => ({
        key: o.key,
        label: o.label,
        cell: fx(o.formula, o.value),
        style: "integer" as const,
      })),
      {
        key: "difference",
        label: spec.differenceLabel,
        cell: fx(`${at("stated")}-${at("against")}`, difference),
        style: "integer",
      },
      {
        key: "ok",
        label: "数量相符",
        cell: this.verdict(`AND(${equal.join(",")})`, spec.check.pass),
        style: "verdict",
      },
    ]);
    const diff = kv.difference;
    const ok = kv.ok;
    if (!diff || !ok) throw new Error(`statedCount ${spec.check.id}: key/value rows missing`);
    const verdict = this.check(register, ok.local, spec.check);
    this.conditional(diff.local, `${diff.local}<>0`, "fail");
    register.reconciliations.push({
      ...spec.reconciliation,
      sheet: this.key,
      difference: { ref: diff.ref, value: difference },
    });
    return { difference: diff, verdict };
  }

  /** Place a rectangular block of cells (0-based row/column). */
  put(row: number, column: number, cells: readonly (readonly PlanCell[])[]): this {
    if (cells.length === 0) return this;
    const width = cells[0]?.length ?? 0;
    if (cells.some((line) => line.length !== width))
      throw new Error(`${this.name}: block at ${cellAddress(row, column)} is not rectangular`);
    this.blocks.push({ anchor: cellAddress(row, column), cells });
    return this;
  }

  format(range: string, style: StyleName): this {
    this.formats.push({ range, style });
    return this;
  }

  merge(range: string): this {
    this.merges.push(range);
    return this;
  }

  /** Green where a verdict shows the pass word, red where it shows the fail word (relative to the top-left cell). */
  passFail(range: string, topLeft: string): this {
    this.format(range, "verdict");
    this.conditionalFormats.push({ range, formula: `${topLeft}=${this.passLiteral}`, style: "pass" });
    this.conditionalFormats.push({ range, formula: `${topLeft}=${this.failLiteral}`, style: "fail" });
    return this;
  }

  conditional(range: string, formula: string, style: StyleName): this {
    this.conditionalFormats.push({ range, formula, style });
    return this;
  }

  validation(range: string, list: readonly string[], errorMessage: string): this {
    this.validations.push({ range, list, errorMessage });
    return this;
  }

  chart(chart: ChartPlan): this {
    this.charts.push(chart);
    return this;
  }

  /** A manual page break above the cursor's row: what follows starts a new printed page. */
  pageBreak(): this {
    if (this.row > 0 && !this.pageBreaks.includes(this.row)) this.pageBreaks.push(this.row);
    return this;
  }

  width(column: number, width: number): this {
    this.widths.set(column, Math.max(this.widths.get(column) ?? 0, width));
    return this;
  }

  freezeAt(rows: number, columns = 0): this {
    this.freeze = { rows, columns };
    return this;
  }

  printSetup(print: PrintPlan): this {
    this.print = print;
    return this;
  }

  build(): SheetPlan<SheetKey> {
    const columns: ColumnPlan[] = [...this.widths.entries()]
      .sort(([a], [b]) => a - b)
      .map(([column, width]) => ({ column: columnLetter(column), width }));
    return {
      name: this.name,
      key: this.key,
      ...(this.tabColor ? { tabColor: this.tabColor } : {}),
      blocks: this.blocks,
      columns,
      formats: this.formats,
      merges: this.merges,
      tables: this.tables,
      conditionalFormats: this.conditionalFormats,
      validations: this.validations,
      ...(this.freeze ? { freeze: this.freeze } : {}),
      print: this.print,
      charts: this.charts,
      ...(this.pageBreaks.length > 0 && { pageBreaks: this.pageBreaks }),
    };
  }
}

/** Approximate display width: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}
