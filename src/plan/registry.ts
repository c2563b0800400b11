/**
 * What a sheet is to the plan builder: its definition (key, names, titles, tab colour, the sheets it needs and its
 * builder), kept in the sheet's own file under src/plan/sheets, and the order sheets are built in, which follows
 * the declared needs. The list of sheets, in workbook order, is src/plan/sheets/index.ts.
 */
import type { BuildContext } from "./context";
import type { PrintOverride } from "./print";
import type { SheetKey, SheetPlan } from "./types";

/** What a builder makes: the sheet, and what it hands on to the sheets that need or read it. */
export interface SheetResult<O> {
  readonly plan: SheetPlan<SheetKey>;
  /** Typed by the sheet's definition; undefined for a sheet that hands nothing on. */
  readonly output: O;
}

export interface SheetDefinition<K extends string = SheetKey, O = unknown> {
  /** Stable ASCII key the writers, the task pane and the CLI use for the sheet. */
  readonly key: K;
  /** The tab's name (formulas on other sheets refer to it by this name). */
  readonly nameZh: string;
  readonly nameEn: string;
  /** The Chinese title in A1 (after the district or the year that some titles begin with). */
  readonly titleZh?: string;
  /** The sheet's English title, as 目录 lists it. */
  readonly titleEn: string;
  /** Tab colour, "RRGGBB". */
  readonly tabColor: string;
  /** Part of every plan: the other sheets' formulas refer to it. */
  readonly required?: boolean;
  /** Sheets whose cells or output this one uses: built before it, and part of every plan that holds it. */
  readonly needs: readonly SheetKey[];
  /** Sheets this one uses when the plan holds them (their output): built before it when they are. */
  readonly reads?: readonly SheetKey[];
  /**
   * It gathers what the other sheets handed in (budget lines, checks, reconciliations): it is built after every
   * sheet that does not gather.
   */
  readonly gathers?: boolean;
  /**
   * What the sheet sets of its print setup itself; the rest is chosen for it (src/plan/print.ts: A4, fit to one
   * page wide at 8 pt or more, else across pages at a readable scale; header, footer and print titles).
   */
  readonly print?: PrintOverride;
  /** A table the bureau signs: it ends with the signature block (单位负责人, 财务负责人, 制表人, 日期). */
  readonly signed?: boolean;
  build(ctx: BuildContext): SheetResult<O>;
}

/** The builder of a sheet that hands nothing on. */
export function handsNothing(build: (ctx: BuildContext) => SheetPlan<SheetKey>) {
  return (ctx: BuildContext): SheetResult<undefined> => ({ plan: build(ctx), output: undefined });
}

/** The parts of a definition that decide the build order. */
export interface Ordering {
  readonly key: string;
  readonly needs: readonly string[];
  readonly reads?: readonly string[];
  readonly gathers?: boolean;
}

/**
 * The order to build the sheets in: each after the sheets it needs or reads, the gathering ones after all others;
 * otherwise in the order given (the workbook order). Throws on a need of a sheet not in the list, or on a cycle.
 */
export function buildOrder<D extends Ordering>(definitions: readonly D[]): D[] {
  const byKey = new Map<string, D>();
  for (const definition of definitions) {
    if (byKey.has(definition.key)) throw new Error(`sheet ${definition.key} is defined twice`);
    byKey.set(definition.key, definition);
  }
  const before = new Map<string, string[]>();
  for (const definition of definitions) {
    const earlier: string[] = [];
    for (const key of [...definition.needs, ...(definition.reads ?? [])]) {
      if (!byKey.has(key))
        throw new Error(
          `sheet ${definition.key} needs an unknown sheet "${key}" (known: ${[...byKey.keys()].join(", ")})`,
        );
      earlier.push(key);
    }
    if (definition.gathers)
      earlier.push(...definitions.filter((other) => !other.gathers).map((other) => other.key));
    before.set(definition.key, earlier);
  }
  const order: D[] = [];
  const placed = new Set<string>();
  while (order.length < definitions.length) {
    const next = definitions.find(
      (d) => !placed.has(d.key) && (before.get(d.key) ?? []).every((key) => placed.has(key)),
    );
    if (!next)
      throw new Error(`sheets depend on each other in a cycle: ${cycleOf(definitions, before, placed)}`);
    order.push(next);
    placed.add(next.key);
  }
  return order;
}

/** One cycle among the sheets not yet placed, as "a → b → a". */
function cycleOf(
  definitions: readonly Ordering[],
  before: ReadonlyMap<string, readonly string[]>,
  placed: ReadonlySet<string>,
): string {
  const start = definitions.find((d) => !placed.has(d.key))?.key ?? "";
  const path: string[] = [];
  let key = start;
  while (!path.includes(key)) {
    path.push(key);
    key = (before.get(key) ?? []).find((k) => !placed.has(k)) ?? start;
  }
  return [...path.slice(path.indexOf(key)), key].join(" → ");
}

/** The keys of the chosen sheets with every required sheet and everything they need, transitively. */
export function withNeeds(
  definitions: readonly Ordering[],
  chosen: Iterable<string>,
  required: Iterable<string>,
) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const keys = new Set<string>();
  const add = (key: string) => {
    if (keys.has(key)) return;
    const definition = byKey.get(key);
    if (!definition) throw new Error(`unknown sheet "${key}" (known: ${[...byKey.keys()].join(", ")})`);
    keys.add(key);
    definition.needs.forEach(add);
  };
  for (const key of required) add(key);
  for (const key of chosen) add(key);
  return keys;
}
