/**
 * edu-budget compare <a> [b] [--scenario FILE]: two builds side by side on stdout (every check's verdict with the
 * flips marked, the totals and the lines that changed, the input changes), and with --out the comparison as the
 * 对比 sheet of b's workbook.
 */
import { basename } from "path";
import type { District } from "../district/model";
import { fileKind } from "../district/load";
import { SAMPLES } from "../district/samples";
import { compareBuilds, hasDifferences, type BuildComparison, type Compared } from "../plan/compare";
import { withComparisonSheet } from "../plan/comparisonSheet";
import { applyScenario, readScenarioJson } from "../plan/scenario";
import { validatePlan } from "../plan/validate";
import type { CheckStatus } from "../plan/verdict";
import type { PolicyPack } from "../policy";
import { writeXlsx } from "../writers/xlsx";
import type { Context } from "./commands";
import { buildChecked, checkTarget, districtAndPack, problemSummary, problemTable, save } from "./commands";
import { UserError } from "./errors";
import type { DistrictSource } from "./inputs";
import { formatTable } from "./table";

export interface CompareOptions {
  readonly scenario?: string;
  readonly pack?: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly all?: boolean;
}

/** Rows of totals and lines printed without --all. */
const SHOWN_ROWS = 40;

/** A district argument: an input file by its extension, or a sample by its id. */
function sourceOf(arg: string, ctx: Context): { readonly source: DistrictSource; readonly label: string } {
  const kind = fileKind(arg);
  if (kind === "json" || kind === "xlsx") return { source: { input: [arg] }, label: basename(arg) };
  if (kind === undefined && SAMPLES.some((sample) => sample.id === arg))
    return { source: { sample: arg }, label: ctx.t.sampleLabel(arg) };
  throw new UserError(ctx.t.notADistrict(arg, SAMPLES.map((sample) => sample.id).join(", ")));
}

async function readText(path: string, ctx: Context): Promise<string> {
  try {
    return new TextDecoder("utf-8").decode(await ctx.io.readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(ctx.t.fileMissing(path));
    throw new UserError(ctx.t.fileUnreadable(path, error instanceof Error ? error.message : String(error)));
  }
}

interface Side {
  readonly district: District;
  readonly pack: PolicyPack;
  readonly label: string;
}

async function withScenario(side: Side, file: string, ctx: Context): Promise<Side> {
  const { io, t } = ctx;
  const name = basename(file);
  const read = readScenarioJson(await readText(file, ctx), name);
  const applied = read.scenario && applyScenario(side.district, side.pack, read.scenario, name);
  const problems = applied?.problems ?? read.problems;
  if (!read.scenario || !applied?.district || !applied.pack || problems.length > 0) {
    io.stderr(problemTable(problems, ctx) + problemSummary(problems, t));
    throw new UserError(t.scenarioHasErrors);
  }
  return {
    district: applied.district,
    pack: applied.pack,
    label: t.withScenario(side.label, read.scenario.name),
  };
}

export async function compare(
  a: string,
  b: string | undefined,
  options: CompareOptions,
  ctx: Context,
): Promise<number> {
  const { io, t } = ctx;
  if (b === undefined && options.scenario === undefined) throw new UserError(t.compareNeedsTwo);
  if (options.out !== undefined && !/\.xlsx$/i.test(options.out))
    throw new UserError(t.compareOutXlsx(options.out));
  const sourceA = sourceOf(a, ctx);
  const sourceB = b === undefined ? sourceA : sourceOf(b, ctx);
  const inputs = [
    a,
    ...(b === undefined ? [] : [b]),
    ...(options.scenario === undefined ? [] : [options.scenario]),
  ];
  const saving = { force: options.force, inputs };
  // The target is refused before anything is built (an input, a file open in Excel, an existing file).
  if (options.out !== undefined) await checkTarget(options.out, saving, ctx);
  const sideA: Side = { ...(await districtAndPack(sourceA.source, options.pack, ctx)), label: sourceA.label };
  const loadedB: Side =
    b === undefined
      ? { ...sideA }
      : { ...(await districtAndPack(sourceB.source, options.pack, ctx)), label: sourceB.label };
  const sideB = options.scenario === undefined ? loadedB : await withScenario(loadedB, options.scenario, ctx);
  const builtA = buildChecked(sideA.district, sideA.pack, ctx);
  const builtB = buildChecked(sideB.district, sideB.pack, ctx);
  const comparison = compareBuilds(builtA, builtB, {
    a: { district: sideA.district, pack: sideA.pack },
    b: { district: sideB.district, pack: sideB.pack },
  });
  io.stdout(t.compareSides(sideA.label, sideB.label) + "\n\n");
  io.stdout(comparisonText(comparison, options.all === true, ctx));
  if (options.out !== undefined) {
    const plan = withComparisonSheet(builtB.plan, comparison, { a: sideA.label, b: sideB.label });
    const problems = validatePlan(plan);
    if (problems.length > 0)
      throw new Error(
        `${t.planProblems}\n${problems.map((p) => `  ${p.sheet ?? ""}!${p.cell ?? ""} ${p.message}`).join("\n")}`,
      );
    await save(options.out, await writeXlsx(plan), saving, ctx);
  }
  return 0;
}

/** The comparison as tables for the terminal: inputs, every check, the totals and lines that changed. */
export function comparisonText(comparison: BuildComparison, all: boolean, { lang, t }: Context): string {
  const c = t.compareColumns;
  const zh = lang === "zh";
  const shown = (value: Compared | undefined): string =>
    value === undefined
      ? t.absent
      : typeof value === "boolean"
        ? value
          ? t.yes
          : t.no
        : typeof value === "number"
          ? String(Number(value.toFixed(6)))
          : value;
  const verdict = (status: CheckStatus | undefined): string =>
    status === undefined ? t.absent : { pass: t.pass, fail: t.fail, notApplicable: t.notApplicable }[status];
  const parts: string[] = [];
  if (comparison.inputs.length > 0)
    parts.push(
      t.compareInputsTitle,
      formatTable(
        [c.item, c.a, c.b],
        comparison.inputs.map((change) => [
          zh ? change.labelZh : change.labelEn,
          shown(change.a),
          shown(change.b),
        ]),
      ),
    );
  parts.push(
    t.compareChecksTitle,
    formatTable(
      [c.change, c.item, c.a, c.b],
      comparison.checks.flatMap((check) => [
        [
          check.flipped ? t.flipped : check.changed ? t.changed : "",
          zh ? check.labelZh : check.labelEn,
          verdict(check.a),
          verdict(check.b),
        ],
        ...check.items.map((item) => [
          "",
          `  ${zh ? item.labelZh : item.labelEn}`,
          item.a === undefined ? t.absent : item.a ? t.pass : t.fail,
          item.b === undefined ? t.absent : item.b ? t.pass : t.fail,
        ]),
      ]),
    ),
  );
  const values = (title: string, rows: BuildComparison["totals"]) => {
    if (rows.length === 0) return;
    const listed = all ? rows : rows.slice(0, SHOWN_ROWS);
    parts.push(
      title,
      formatTable(
        [c.sheet, c.item, c.a, c.b, c.difference],
        listed.map((row) => [
          row.sheetName,
          zh ? row.labelZh : row.labelEn,
          shown(row.a),
          shown(row.b),
          row.difference === undefined ? "" : shown(row.difference),
        ]),
      ),
    );
    if (listed.length < rows.length) parts.push(t.moreRows(rows.length - listed.length));
  };
  values(t.compareTotalsTitle, all ? comparison.totals : comparison.totals.filter((row) => row.changed));
  values(t.compareLinesTitle, comparison.lines);
  const n = comparison.counts;
  parts.push(
    hasDifferences(comparison)
      ? `${t.compareChecksSummary(n.checksChanged, n.checksFlipped)}${t.listSeparator}${t.compareValuesSummary(n.totalsChanged, n.linesChanged, n.inputsChanged)}`
      : t.noDifferences,
  );
  return parts.join("\n") + "\n";
}
