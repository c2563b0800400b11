/** The four commands. Each returns its exit code; user mistakes throw UserError. */
import { basename, extname, join } from "path";
import type { District } from "../district/model";
import type { Problem } from "../district/problems";
import { hasErrors } from "../district/problems";
import { isPackFileName, loadPackFile } from "../district/loadPack";
import { getSample } from "../district/samples";
import { reconciles } from "../domain/debt";
import { buildWorkbook, type BuiltWorkbook } from "../plan/build";
import type { Reconciliation } from "../plan/context";
import { buildInputTemplatePlan } from "../plan/inputTemplate";
import { buildPackTemplatePlan } from "../plan/packTemplate";
import type { WorkbookPlan } from "../plan/types";
import { checkStatus, countChecks } from "../plan/verdict";
import {
  getTimeline,
  listPacks,
  listTimelines,
  packForYear,
  packTemplateJson,
  resolvePack,
  templateYear,
} from "../policy";
import type { PolicyPack } from "../policy";
import { writeXlsx } from "../writers/xlsx";
import { UserError } from "./errors";
import type { DistrictSource } from "./inputs";
import { checkSampleId, loadDistrict, readInput } from "./inputs";
import type { Io } from "./io";
import { lockFiles, samePath } from "./io";
import { formatTable } from "./table";
import type { Lang, Texts } from "./texts";

export interface Context {
  readonly io: Io;
  readonly lang: Lang;
  readonly t: Texts;
}

const generator = (io: Io): string => `edu-budget ${io.version}`;

export function problemTable(problems: readonly Problem[], { lang, t }: Context): string {
  const rows = problems.map((p) => [
    t.severity[p.severity],
    basename(p.file),
    p.sheet ?? "",
    p.row === undefined ? "" : String(p.row),
    // A JSON input has no sheet or row: the model field says where the problem is.
    p.column ?? (p.sheet === undefined && p.row === undefined ? p.field : ""),
    (lang === "zh" ? p.message : p.messageEn) + acceptsText(p, lang, t),
  ]);
  const c = t.columns;
  return formatTable([c.severity, c.file, c.sheet, c.row, c.column, c.message], rows);
}

function acceptsText(p: Problem, lang: Lang, t: Texts): string {
  const accepts = lang === "zh" ? p.accepts : (p.acceptsEn ?? p.accepts);
  return accepts ? ` (${t.columns.accepts}: ${accepts})` : "";
}

export function problemSummary(problems: readonly Problem[], t: Texts): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return t.problemCount(errors, problems.length - errors) + "\n";
}

/**
 * The chosen pack resolved for the budget year: the values in force in that year. A pack file (.json or .xlsx) is
 * read, its problems printed as the district's are, and its timeline resolved; errors stop (exit 2).
 */
async function choosePack(pack: string, year: number, ctx: Context): Promise<PolicyPack> {
  const { io, t } = ctx;
  if (isPackFileName(pack)) {
    const read = await loadPackFile({ name: basename(pack), bytes: await readInput(pack, io, t) });
    if (read.problems.length > 0)
      io.stderr(problemTable(read.problems, ctx) + problemSummary(read.problems, t));
    if (!read.pack || hasErrors(read.problems)) throw new UserError(t.packHasErrors(pack));
    io.stdout(t.packFile(basename(pack), read.changed.length, read.pack.basedOn ?? "") + "\n");
    return resolvePack(read.pack, year);
  }
  const ids = listPacks().map((p) => p.id);
  if (!ids.includes(pack)) throw new UserError(t.unknownPack(pack, ids.join(", ")));
  return packForYear(pack, year);
}

/** Loads and validates the district; prints its problems; stops (exit 2) on errors. */
async function districtPlan(
  source: DistrictSource,
  packId: string | undefined,
  ctx: Context,
): Promise<WorkbookPlan> {
  return (await districtWorkbook(source, packId, ctx)).plan;
}

async function districtWorkbook(
  source: DistrictSource,
  packId: string | undefined,
  ctx: Context,
): Promise<BuiltWorkbook> {
  const { district, pack } = await districtAndPack(source, packId, ctx);
  return buildChecked(district, pack, ctx);
}

/** Loads and validates the district and resolves its pack; prints its problems; stops (exit 2) on errors. */
export async function districtAndPack(
  source: DistrictSource,
  packId: string | undefined,
  ctx: Context,
): Promise<{ readonly district: District; readonly pack: PolicyPack }> {
  const { io, t } = ctx;
  const loaded = await loadDistrict(source, io, t);
  const { district } = loaded;
  // --pack is the user's choice: a warning that the input names a sample's pack without one no longer applies.
  const problems =
    packId === undefined ? loaded.problems : loaded.problems.filter((p) => p.code !== "samplePack");
  if (problems.length > 0) io.stderr(problemTable(problems, ctx) + problemSummary(problems, t));
  if (!district || hasErrors(problems)) throw new UserError(t.inputHasErrors);
  const pack = await choosePack(packId ?? district.policyPack, district.budgetYear, ctx);
  io.stdout(t.district(district.name, district.budgetYear, `${pack.id}@${pack.version}`) + "\n");
  return { district, pack };
}

/** The workbook of a district and pack; a plan Excel would reject is never written (a defect of the builders). */
export function buildChecked(district: District, pack: PolicyPack, ctx: Context): BuiltWorkbook {
  const { io, t } = ctx;
  const built = buildWorkbook(district, pack, {
    generatedAt: io.now().toISOString(),
    generator: generator(io),
  });
  // A plan Excel would reject is never written (a defect of the builders, not of the input).
  if (built.problems.length > 0) {
    const lines = built.problems.map((d) => `  ${[d.sheet, d.cell].filter(Boolean).join("!")} ${d.message}`);
    throw new Error(`${t.planProblems}\n${lines.join("\n")}`);
  }
  return built;
}

/** Characters a file name must not carry: separators, Windows' reserved ones, spaces, controls, bidi controls. */
const unsafeFileChars =
  // eslint-disable-next-line no-control-regex
  /[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

function outputPath(out: string | undefined, plan: WorkbookPlan, t: Texts): string {
  const { district, budgetYear } = plan.properties;
  const name = `${district.replace(unsafeFileChars, "_")}-${budgetYear}-教育经费预算.xlsx`;
  if (out === undefined) return join("out", name);
  if (/\.xlsx$/i.test(out)) return out;
  if (extname(out) !== "" && !/[\\/]$/.test(out)) throw new UserError(t.badOut(out));
  return join(out, name);
}

export interface SaveOptions {
  /** Replace an existing file. */
  readonly force?: boolean;
  /** The files read: never written over, even with --force. */
  readonly inputs?: readonly string[];
}

/**
 * Refuses a target that is one of the inputs, that Excel, WPS or LibreOffice has open (its lock file is beside it),
 * or that exists without --force. Called before the workbook is built, and the write itself never replaces a file
 * without --force.
 */
export async function checkTarget(
  path: string,
  { force, inputs = [] }: SaveOptions,
  { io, t }: Context,
): Promise<void> {
  const target = await io.realPath(path);
  if (target !== undefined) {
    for (const input of inputs) {
      const real = await io.realPath(input);
      if (real !== undefined && samePath(real, target, io.platform))
        throw new UserError(t.outputIsInput(path));
    }
  }
  for (const lock of lockFiles(path))
    if ((await io.realPath(lock)) !== undefined) throw new UserError(t.outputLocked(path, basename(lock)));
  if (target !== undefined && !force) throw new UserError(t.outputExists(path));
}

export async function save(
  path: string,
  bytes: Uint8Array,
  options: SaveOptions,
  ctx: Context,
): Promise<void> {
  const { io, t } = ctx;
  await checkTarget(path, options, ctx);
  try {
    await io.writeFile(path, bytes, { replace: options.force === true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UserError(t.outputExists(path));
    throw new UserError(t.cannotWrite(path, t.ioReason(error)));
  }
  io.stdout(t.written(path, Math.ceil(bytes.length / 1024)) + "\n");
}

const passFail = (plan: WorkbookPlan): [number, number, number] => {
  const { passed, failed, notApplicable } = countChecks(plan.checks);
  return [passed, failed, notApplicable];
};

function checkSummary(plan: WorkbookPlan, { lang, t }: Context): string {
  const failed = plan.checks.filter((check) => checkStatus(check) === "fail");
  const lines = [t.checksSummary(...passFail(plan))];
  if (failed.length > 0) {
    lines.push(
      t.failedChecks,
      ...failed.map(
        (c) => `  ✗ ${lang === "zh" ? c.labelZh : c.labelEn}: ${lang === "zh" ? c.detailZh : c.detailEn}`,
      ),
    );
  }
  return lines.join("\n") + "\n";
}

export async function generate(
  options: DistrictSource & { readonly pack?: string; readonly out?: string; readonly force?: boolean },
  ctx: Context,
): Promise<number> {
  const plan = await districtPlan(options, options.pack, ctx);
  const path = outputPath(options.out, plan, ctx.t);
  const packFile = options.pack !== undefined && isPackFileName(options.pack) ? [options.pack] : [];
  const prior = options.prior === undefined ? [] : [options.prior];
  const saving = { force: options.force, inputs: [...(options.input ?? []), ...packFile, ...prior] };
  await checkTarget(path, saving, ctx);
  await save(path, await writeXlsx(plan), saving, ctx);
  ctx.io.stdout(
    ctx.t.sheets(plan.sheets.length, plan.sheets.map((s) => s.name).join(ctx.t.listSeparator)) + "\n",
  );
  ctx.io.stdout(checkSummary(plan, ctx));
  return 0;
}

export async function template(
  options: { readonly out?: string; readonly example?: string; readonly force?: boolean },
  ctx: Context,
): Promise<number> {
  const example =
    options.example === undefined ? undefined : getSample(checkSampleId(options.example, ctx.t));
  const path = options.out ?? join("out", "教育经费预算-录入模板.xlsx");
  const saving = { force: options.force };
  await checkTarget(path, saving, ctx);
  await save(path, await writeXlsx(buildInputTemplatePlan(example)), saving, ctx);
  return 0;
}

export interface PackTemplateOptions {
  readonly format?: string;
  readonly basedOn?: string;
  readonly year?: string;
  readonly out?: string;
  readonly force?: boolean;
}

/** Writes a pack template: every key with its value in the chosen built-in pack for a year (see src/policy/packFile). */
export async function packTemplate(options: PackTemplateOptions, ctx: Context): Promise<number> {
  const { lang, t } = ctx;
  const ids = listTimelines().map((pack) => pack.id);
  const baseId = options.basedOn ?? "edu-default";
  if (!ids.includes(baseId)) throw new UserError(t.unknownPack(baseId, ids.join(", ")));
  const base = getTimeline(baseId);
  const fromOut = options.out && /\.json$/i.test(options.out) ? "json" : undefined;
  const format = (options.format ?? fromOut ?? "xlsx").toLowerCase();
  if (format !== "xlsx" && format !== "json") throw new UserError(t.badFormat(options.format ?? ""));
  let year = templateYear(base);
  if (options.year !== undefined) {
    year = Number(options.year);
    if (!/^\d{4}$/.test(options.year.trim()) || year < 1949 || year > 2100)
      throw new UserError(t.badYear(options.year));
  }
  const path = options.out ?? join("out", `${lang === "zh" ? "政策包模板" : "pack-template"}.${format}`);
  const bytes =
    format === "json"
      ? new TextEncoder().encode(packTemplateJson(base, year, lang))
      : await writeXlsx(buildPackTemplatePlan(base, year, lang));
  const saving = { force: options.force };
  await checkTarget(path, saving, ctx);
  await save(path, bytes, saving, ctx);
  return 0;
}

export async function check(
  options: DistrictSource & { readonly pack?: string; readonly strict?: boolean },
  ctx: Context,
): Promise<number> {
  const { io, lang, t } = ctx;
  const { plan, reconciliations } = await districtWorkbook(options, options.pack, ctx);
  const rows = plan.checks.map((c) => [
    { pass: t.pass, fail: t.fail, notApplicable: t.notApplicable }[checkStatus(c)],
    lang === "zh" ? c.labelZh : c.labelEn,
    lang === "zh" ? c.detailZh : c.detailEn,
  ]);
  io.stdout(formatTable([t.checkColumns.result, t.checkColumns.check, t.checkColumns.detail], rows));
  const [passed, failed, notApplicable] = passFail(plan);
  io.stdout(t.checksSummary(passed, failed, notApplicable) + "\n");
  const differing = reconciliations.filter((r) => !agrees(r)).length;
  if (reconciliations.length > 0) {
    io.stdout(
      "\n" +
        formatTable(
          [t.checkColumns.result, t.reconciliationColumns.item, t.reconciliationColumns.difference],
          reconciliations.map((r) => [
            agrees(r) ? t.pass : t.fail,
            lang === "zh" ? r.labelZh : r.labelEn,
            r.difference.value.toFixed(2),
          ]),
        ),
    );
    io.stdout(t.reconciliationSummary(reconciliations.length - differing, differing) + "\n");
  }
  if (options.strict && failed + differing > 0) {
    io.stderr(t.strictFailed(failed + differing) + "\n");
    return 1;
  }
  return 0;
}

/** As 目录 shows it: the one decision whether a difference agrees. */
const agrees = (r: Reconciliation): boolean => reconciles(r.difference.value);

export async function validate(options: DistrictSource, ctx: Context): Promise<number> {
  const { io, t } = ctx;
  const { problems } = await loadDistrict(options, io, t);
  if (problems.length === 0) {
    io.stdout(t.noProblems + "\n");
    return 0;
  }
  io.stdout(problemTable(problems, ctx) + problemSummary(problems, t));
  return hasErrors(problems) ? 1 : 0;
}
