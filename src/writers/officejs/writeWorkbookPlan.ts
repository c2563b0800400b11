/**
 * Renders a WorkbookPlan into the open workbook inside one Excel.run. New sheets get free names (or temporary ones
 * when they replace an earlier generated sheet); the earlier sheets are deleted and the new ones take their names
 * only in the last request, so a failure or a cancel anywhere before leaves them untouched. On failure or cancel
 * the sheets and names this run created are deleted, and a typed error tells the pane what happened.
 */
import type { SheetPlan, WorkbookPlan } from "../../plan/types";
import { Batch, callBytes, eventLoopTurn } from "./batch";
import { numberedCopies } from "./regeneration";
import { messageOf, GenerationCancelled, GenerationFailed } from "./errors";
import type { ExcelContext, ExcelRunner, NamedItemLike, WorksheetLike } from "./excelSubset";
import {
  referencedSheets,
  rewriteReferences,
  uniqueIdentifier,
  uniqueSheetName,
  type ReferenceMaps,
} from "./references";
import {
  coalesceFormats,
  styleOf,
  writeChart,
  writeConstants,
  writeFormulas,
  writeLayout,
  writePageSetup,
  writeRules,
  writeStyle,
} from "./render";

/** Worksheet custom property that marks a sheet this add-in generated (value: the generator's name and version). */
export const GENERATED_MARK = "eduGenerated";

export type OnExistingSheet = "keepBoth" | "replaceGenerated";

/** What the writer is about to do (or, with "done", has done): a step over the workbook or over one sheet. */
export type WriteStep =
  | { readonly kind: "sheets" | "tablesAndNames" | "finish" | "done" }
  | { readonly kind: "values" | "formulas" | "formats"; readonly sheet: string };

export interface WriteOptions {
  /** A taken sheet name: keep both (the new sheet gets " (2)"), or replace a sheet this add-in generated before. */
  readonly onExistingSheet: OnExistingSheet;
  /** Keys of the plan's sheets to write (default: all). */
  readonly sheets?: readonly string[];
  /** Before each step (done of total steps), then once with "done". */
  readonly onProgress?: (done: number, total: number, step: WriteStep) => void;
  readonly signal?: { readonly aborted: boolean };
  /** Largest request to send (Excel on the web rejects 5 MB). */
  readonly maxRequestBytes?: number;
  /**
   * With replaceGenerated: also delete the older copies of the plan's sheets ("学校 (2)") that this add-in
   * generated (marked with GENERATED_MARK); the user's own sheets are never touched.
   */
  readonly removeGeneratedCopies?: boolean;
  /** Awaited after every sync (default: one turn of the event loop, so the pane paints its progress bar). */
  readonly yieldAfterSync?: () => Promise<void>;
  /**
   * Awaited after every slice of queued calls between syncs (Batch's SLICE_CALLS or SLICE_BYTES; default: a turn
   * of the event loop, so that queueing a big sheet is no long task of the pane's).
   */
  readonly yieldBetweenSlices?: () => Promise<void>;
}

export interface WriteReport {
  /** Final names of the sheets written, in plan order. */
  readonly created: readonly string[];
  /** Sheets that could not take their plan name. */
  readonly renamed: readonly { readonly key: string; readonly planName: string; readonly name: string }[];
  /** Earlier generated sheets that were replaced. */
  readonly replaced: readonly string[];
  /** Older generated copies that were deleted (removeGeneratedCopies). */
  readonly removedCopies: readonly string[];
  /** Defined names and tables written under another identifier because the plan's was taken. */
  readonly renamedIdentifiers: readonly { readonly planName: string; readonly name: string }[];
  readonly syncs: number;
  readonly apiCalls: number;
  readonly largestRequestBytes: number;
  readonly totalRequestBytes: number;
}

interface SheetTarget {
  readonly plan: SheetPlan;
  /** Name while writing. */
  readonly writeName: string;
  readonly finalName: string;
  /** The earlier generated sheet it replaces, deleted at the end. */
  readonly replaces?: WorksheetLike;
}

interface Layout {
  readonly targets: readonly SheetTarget[];
  readonly maps: ReferenceMaps;
  /** Plan names to add, under the identifier to add them as. */
  readonly namesToAdd: readonly { readonly name: string; readonly ref: string; readonly comment?: string }[];
  /** Existing names that point into replaced sheets: re-pointed at the new sheets at the end. */
  readonly namesToRepoint: readonly { readonly item: NamedItemLike; readonly ref: string }[];
  /** Tables written under a temporary identifier that take the plan's name once the old sheet is gone. */
  readonly tablesToRename: readonly { readonly temporary: string; readonly name: string }[];
  readonly tableNames: ReadonlyMap<string, string>;
  /** Older generated copies deleted in the last request, with the sheets replaced. */
  readonly copiesToRemove: readonly WorksheetLike[];
  /** The tab position of every replaced sheet, which its successor takes. */
  readonly positions: ReadonlyMap<WorksheetLike, number>;
  readonly renamedIdentifiers: readonly { readonly planName: string; readonly name: string }[];
}

class Cancelled extends Error {}

export async function writeWorkbookPlan(
  context: ExcelContext,
  plan: WorkbookPlan,
  options: WriteOptions,
): Promise<WriteReport> {
  const chosen = chooseSheets(plan, options.sheets);
  const checkCancelled = () => {
    if (options.signal?.aborted) throw new Cancelled();
  };
  const batch = new Batch(
    context,
    options.maxRequestBytes ?? 4_000_000,
    checkCancelled,
    options.yieldAfterSync ?? nextTurn,
    options.yieldBetweenSlices ?? eventLoopTurn,
  );
  const created: string[] = [];
  const addedNames: string[] = [];
  try {
    checkCancelled();
    const layout = await planLayout(context, batch, plan, chosen, options.onExistingSheet, {
      removeCopies: options.removeGeneratedCopies === true,
    });
    const steps = writeSteps(context, batch, plan, layout, created, addedNames);
    const checkpoints = checkpointsOf(steps.length, layout.targets.length);
    let syncsAtCheckpoint = batch.stats.syncs;
    for (const [done, step] of steps.entries()) {
      options.onProgress?.(done, steps.length, step.progress);
      checkCancelled();
      await step.run();
      // A sync per sheet, spread over the steps, unless the byte limit already made one since the last.
      if (checkpoints.has(done) && batch.stats.syncs === syncsAtCheckpoint) await batch.flush();
      syncsAtCheckpoint = checkpoints.has(done) ? batch.stats.syncs : syncsAtCheckpoint;
    }
    await batch.flush();
    options.onProgress?.(steps.length, steps.length, { kind: "done" });
    return report(layout, batch);
  } catch (error) {
    const undo = await rollback(context, created, addedNames);
    if (error instanceof Cancelled) throw new GenerationCancelled(undo.ok, undo.error);
    throw new GenerationFailed(
      `generating the workbook failed: ${messageOf(error)}`,
      error,
      undo.ok,
      undo.error,
    );
  }
}

/** One turn of the event loop (a macrotask), so what the pane queued meanwhile can render and paint. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The steps after which the writer syncs: one per sheet, spread evenly over the steps, the last step included. So
 * Excel works while the progress bar moves, and syncs stay at most sheets + the byte limit's + 3.
 */
function checkpointsOf(steps: number, sheets: number): Set<number> {
  const count = Math.max(1, Math.min(steps, sheets));
  return new Set(Array.from({ length: count }, (_, i) => Math.round(((i + 1) * steps) / count) - 1));
}

/** Excel.run(generate): what the task pane calls. */
export function generateInExcel(
  run: ExcelRunner,
  plan: WorkbookPlan,
  options: WriteOptions,
): Promise<WriteReport> {
  return run((context) => writeWorkbookPlan(context, plan, options));
}

function chooseSheets(plan: WorkbookPlan, keys: readonly string[] | undefined): SheetPlan[] {
  if (keys === undefined) return [...plan.sheets];
  const known = new Set(plan.sheets.map((s) => s.key));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new GenerationFailed(
      `options.sheets: unknown sheet keys ${unknown.join(", ")}; the plan has ${[...known].join(", ")}`,
      null,
      true,
    );
  return plan.sheets.filter((s) => keys.includes(s.key));
}

/** Read what the workbook holds and decide every name: sheets, defined names, tables. One or two syncs. */
async function planLayout(
  context: ExcelContext,
  batch: Batch,
  plan: WorkbookPlan,
  chosen: readonly SheetPlan[],
  mode: OnExistingSheet,
  { removeCopies }: { readonly removeCopies: boolean },
): Promise<Layout> {
  const wb = context.workbook;
  batch.read(() => {
    wb.worksheets.load("items/name,items/position");
    wb.names.load("items/name,items/formula");
    wb.tables.load("items/name");
  }, 3);
  await batch.flush();
  const existing = new Map(wb.worksheets.items.map((s) => [s.name.toLowerCase(), s]));
  const clashes = chosen.flatMap((s) => existing.get(s.name.toLowerCase()) ?? []);
  const replacing = mode === "replaceGenerated";
  const copyNames = new Set(
    numberedCopies(
      chosen.map((s) => s.name),
      wb.worksheets.items.map((s) => s.name),
    ),
  );
  // Which of them this add-in generated is read with the marks below.
  const copies = replacing && removeCopies ? wb.worksheets.items.filter((s) => copyNames.has(s.name)) : [];
  const earlier = replacing
    ? await findGenerated(batch, clashes, copies)
    : { sheets: new Set<WorksheetLike>(), tables: new Set<string>(), copies: [] };
  const targets = assignSheets(chosen, existing, earlier.sheets);
  const takenIds = new Set([...wb.names.items, ...wb.tables.items].map((n) => n.name.toUpperCase()));
  const tables = assignTables(chosen, takenIds, earlier.tables);
  const names = assignNames(plan, targets, wb.names.items, takenIds, mode);
  const maps = {
    sheets: renames(targets, (t) => t.writeName),
    links: renames(targets, (t) => t.finalName),
    identifiers: new Map(
      [...tables.renamed, ...names.renamed].map((r) => [r.planName.toUpperCase(), r.name]),
    ),
  };
  return {
    targets,
    maps,
    namesToAdd: names.toAdd,
    namesToRepoint: names.toRepoint,
    tablesToRename: tables.toRename,
    tableNames: tables.names,
    copiesToRemove: earlier.copies,
    positions: new Map(wb.worksheets.items.map((sheet) => [sheet, sheet.position])),
    renamedIdentifiers: [...tables.renamed, ...names.renamed]
      .filter((r) => !r.temporary)
      .map(({ planName, name }) => ({ planName, name })),
  };
}

/** Lower-cased plan name → the name a sheet has (only those that differ, so most formulas are left as they are). */
function renames(targets: readonly SheetTarget[], nameOf: (t: SheetTarget) => string): Map<string, string> {
  return new Map(
    targets.filter((t) => nameOf(t) !== t.plan.name).map((t) => [t.plan.name.toLowerCase(), nameOf(t)]),
  );
}

/** Which of these sheets this add-in generated, the tables on them, and which of the copies it generated. */
async function findGenerated(
  batch: Batch,
  sheets: readonly WorksheetLike[],
  copies: readonly WorksheetLike[],
) {
  const probe = (sheet: WorksheetLike) => ({
    sheet,
    mark: sheet.customProperties.getItemOrNullObject(GENERATED_MARK),
  });
  const probes = sheets.map(probe);
  const copyProbes = copies.map(probe);
  if (probes.length + copyProbes.length > 0) {
    batch.read(
      () => {
        probes.forEach((p) => (p.mark.load("value"), p.sheet.tables.load("items/name")));
        copyProbes.forEach((p) => p.mark.load("value"));
      },
      4 * probes.length + 2 * copyProbes.length,
    );
    await batch.flush();
  }
  const generated = probes.filter((p) => !p.mark.isNullObject).map((p) => p.sheet);
  return {
    sheets: new Set(generated),
    tables: new Set(generated.flatMap((sheet) => sheet.tables.items.map((t) => t.name.toUpperCase()))),
    copies: copyProbes.filter((p) => !p.mark.isNullObject).map((p) => p.sheet),
  };
}

/** A free name for every sheet; one that replaces an earlier generated sheet takes its name only at the end. */
function assignSheets(
  chosen: readonly SheetPlan[],
  existing: ReadonlyMap<string, WorksheetLike>,
  generated: ReadonlySet<WorksheetLike>,
): SheetTarget[] {
  const taken = new Set(existing.keys());
  return chosen.map((plan): SheetTarget => {
    const clash = existing.get(plan.name.toLowerCase());
    const writeName = uniqueSheetName(plan.name, taken);
    taken.add(writeName.toLowerCase());
    return clash && generated.has(clash)
      ? { plan, writeName, finalName: plan.name, replaces: clash }
      : { plan, writeName, finalName: writeName };
  });
}

interface Renamed {
  readonly planName: string;
  readonly name: string;
  /** Only until the earlier table of that name is gone. */
  readonly temporary?: boolean;
}

/** Table names are workbook-wide: a taken one gets a suffix (back to the plan's name if its holder is replaced). */
function assignTables(
  chosen: readonly SheetPlan[],
  takenIds: Set<string>,
  onReplacedSheets: ReadonlySet<string>,
) {
  const names = new Map<string, string>();
  const renamed: Renamed[] = [];
  for (const table of chosen.flatMap((s) => s.tables)) {
    const id = uniqueIdentifier(table.name, takenIds);
    takenIds.add(id.toUpperCase());
    names.set(table.name, id);
    if (id !== table.name)
      renamed.push({
        planName: table.name,
        name: id,
        temporary: onReplacedSheets.has(table.name.toUpperCase()),
      });
  }
  const toRename = renamed.filter((r) => r.temporary).map((r) => ({ temporary: r.name, name: r.planName }));
  return { names, renamed, toRename };
}

/**
 * Defined names to add (under a suffix when taken), leaving out those that refer to sheets not written. A name an
 * earlier generation made for a sheet now replaced is re-pointed at the new sheet instead.
 */
function assignNames(
  plan: WorkbookPlan,
  targets: readonly SheetTarget[],
  existingNames: readonly NamedItemLike[],
  takenIds: Set<string>,
  mode: OnExistingSheet,
) {
  const written = new Set(targets.map((t) => t.plan.name.toLowerCase()));
  const replaced = new Set(targets.filter((t) => t.replaces).map((t) => t.plan.name.toLowerCase()));
  const finalSheets = new Map(targets.map((t) => [t.plan.name.toLowerCase(), t.finalName]));
  const existing = new Map(existingNames.map((n) => [n.name.toUpperCase(), n]));
  const toAdd: { name: string; ref: string; comment?: string }[] = [];
  const toRepoint: { item: NamedItemLike; ref: string }[] = [];
  const renamed: Renamed[] = [];
  for (const name of plan.names) {
    if (![...referencedSheets(name.ref)].every((s) => written.has(s))) continue;
    const old = existing.get(name.name.toUpperCase());
    if (
      old &&
      mode === "replaceGenerated" &&
      [...referencedSheets(String(old.formula))].some((s) => replaced.has(s))
    ) {
      toRepoint.push({
        item: old,
        ref: `=${rewriteReferences(name.ref, { sheets: finalSheets, identifiers: new Map() })}`,
      });
      continue;
    }
    const id = uniqueIdentifier(name.name, takenIds);
    takenIds.add(id.toUpperCase());
    if (id !== name.name) renamed.push({ planName: name.name, name: id });
    toAdd.push({ name: id, ref: name.ref, ...(name.comment ? { comment: name.comment } : {}) });
  }
  return { toAdd, toRepoint, renamed };
}

interface Step {
  readonly progress: WriteStep;
  readonly run: () => Promise<void>;
}

function writeSteps(
  context: ExcelContext,
  batch: Batch,
  plan: WorkbookPlan,
  layout: Layout,
  created: string[],
  addedNames: string[],
): Step[] {
  const wb = context.workbook;
  const sheets = new Map<string, WorksheetLike>();
  const sheetOf = (t: SheetTarget): WorksheetLike => sheets.get(t.plan.key) as WorksheetLike;
  const { targets, maps } = layout;
  const perSheet = (
    kind: "values" | "formulas" | "formats",
    run: (t: SheetTarget) => Promise<void>,
  ): Step[] => targets.map((t) => ({ progress: { kind, sheet: t.finalName }, run: () => run(t) }));
  return [
    {
      progress: { kind: "sheets" },
      run: async () => {
        for (const t of targets)
          await batch.queue(
            [t.writeName, plan.properties.generator],
            () => {
              const sheet = wb.worksheets.add(t.writeName);
              sheet.customProperties.add(GENERATED_MARK, plan.properties.generator);
              sheets.set(t.plan.key, sheet);
              created.push(t.writeName);
            },
            2,
          );
      },
    },
    ...perSheet("values", async (t) => {
      for (const block of t.plan.blocks) await writeConstants(batch, sheetOf(t), block);
      await writeLayout(batch, sheetOf(t), t.plan, t.plan.tabColor);
    }),
    {
      // Tables and names before formulas, which may refer to them.
      progress: { kind: "tablesAndNames" },
      run: async () => {
        for (const t of targets)
          for (const table of t.plan.tables) {
            const name = layout.tableNames.get(table.name) ?? table.name;
            await batch.queue(
              [table.range, name, table.style],
              () => {
                const added = sheetOf(t).tables.add(table.range, true);
                added.name = name;
                added.style = table.style;
              },
              3,
            );
          }
        for (const name of layout.namesToAdd) {
          const ref = `=${rewriteReferences(name.ref, maps)}`;
          await batch.queue([name.name, ref, name.comment], () => {
            wb.names.add(name.name, ref, name.comment);
            addedNames.push(name.name);
          });
        }
      },
    },
    ...perSheet("formulas", async (t) => {
      for (const block of t.plan.blocks) await writeFormulas(batch, sheetOf(t), block, maps);
    }),
    ...perSheet("formats", async (t) => {
      const sheet = sheetOf(t);
      for (const f of coalesceFormats(t.plan.formats))
        await writeStyle(
          batch,
          sheet,
          f.range,
          styleOf(plan.styles, f.style, `${t.plan.name} format ${f.range}`),
        );
      await writeRules(batch, sheet, t.plan, plan.styles, maps);
      await writePageSetup(batch, sheet, t.plan);
      const sheetNamed = (name: string) => wb.worksheets.getItem(maps.sheets.get(name.toLowerCase()) ?? name);
      for (const chart of t.plan.charts) await writeChart(batch, sheet, chart, sheetNamed);
    }),
    { progress: { kind: "finish" }, run: () => finish(batch, context, layout, sheetOf) },
  ];
}

/** The last request: drop the replaced sheets, give the new ones their names, re-point names and tables. */
async function finish(
  batch: Batch,
  context: ExcelContext,
  layout: Layout,
  sheetOf: (t: SheetTarget) => WorksheetLike,
) {
  const replacing = layout.targets.filter((t) => t.replaces);
  const copies = layout.copiesToRemove;
  if (replacing.length === 0 && copies.length === 0) return;
  // Each new sheet moves just before its predecessor's tab, so that once the predecessors are gone every tab is
  // where it was. Still undoable: a rollback deletes the new sheets, leaving the order as it was.
  const moves = replacing
    .map((t) => ({ sheet: sheetOf(t), at: layout.positions.get(t.replaces as WorksheetLike) ?? 0 }))
    .sort((a, b) => a.at - b.at)
    .map((move, k) => ({ ...move, at: move.at + k }));
  if (moves.length > 0)
    await batch.queue(
      moves.map((m) => m.at),
      () => moves.forEach((m) => (m.sheet.position = m.at)),
      moves.length,
    );
  // A request of its own, after everything else is written; once queued it is no longer cancellable, because a
  // rollback would first apply it and then delete the new sheets, losing both.
  await batch.flush();
  const calls =
    2 * replacing.length + copies.length + layout.namesToRepoint.length + 2 * layout.tablesToRename.length;
  const args = [
    replacing.map((t) => [t.writeName, t.finalName]),
    layout.namesToRepoint.map((n) => n.ref),
    layout.tablesToRename,
  ];
  await batch.queueSized(
    callBytes(args, calls),
    () => {
      for (const t of replacing) (t.replaces as WorksheetLike).delete();
      for (const copy of copies) copy.delete();
      for (const t of replacing) sheetOf(t).name = t.finalName;
      for (const { item, ref } of layout.namesToRepoint) item.formula = ref;
      for (const { temporary, name } of layout.tablesToRename)
        context.workbook.tables.getItem(temporary).name = name;
    },
    calls,
  );
  await batch.flush({ cancellable: false });
}

function report(layout: Layout, batch: Batch): WriteReport {
  const { targets } = layout;
  return {
    created: targets.map((t) => t.finalName),
    renamed: targets
      .filter((t) => t.finalName !== t.plan.name)
      .map((t) => ({ key: t.plan.key, planName: t.plan.name, name: t.finalName })),
    replaced: targets.filter((t) => t.replaces).map((t) => t.plan.name),
    removedCopies: layout.copiesToRemove.map((sheet) => sheet.name),
    renamedIdentifiers: layout.renamedIdentifiers,
    ...batch.stats,
  };
}

/** Delete exactly the sheets and names this run added. Two syncs: find which exist, then delete them. */
async function rollback(context: ExcelContext, created: readonly string[], addedNames: readonly string[]) {
  if (created.length === 0 && addedNames.length === 0) return { ok: true } as const;
  try {
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name");
    await context.sync();
    const mine = new Set(created.map((n) => n.toLowerCase()));
    const ours = new Set(addedNames.map((n) => n.toUpperCase()));
    for (const name of names.items) if (ours.has(name.name.toUpperCase())) name.delete();
    for (const sheet of sheets.items) if (mine.has(sheet.name.toLowerCase())) sheet.delete();
    await context.sync();
    return { ok: true } as const;
  } catch (error) {
    return { ok: false, error } as const;
  }
}
