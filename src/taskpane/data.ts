/**
 * Loading a district for the wizard: from a sample, from the input sheets' values, or from a file's bytes. Each
 * returns what the reducer's "loaded" action takes. No Excel here: the input sheets' values are handed in.
 * The pane loads this module on demand: the readers and the validation are not needed for the first render.
 */
import "./zodConfig";
import type { District } from "../district/model";
import type { Problem } from "../district/problems";
import { SHEETS } from "../district/layout";
import { buildInputTemplatePlan } from "../plan/inputTemplate";
import type { WorkbookPlan } from "../plan/types";
import { validatePlan, type PlanProblem } from "../plan/validate";
import { SAMPLES, getSample } from "../district/samples";
import { listPacks } from "../policy/packs";
import { readDistrictTables } from "../district";
import { fileKind, loadInputs } from "../district/load";
import { historyYears, planYears } from "../district/term";
import type { DataSource, InputTables } from "./state";

export interface Loaded {
  readonly source: DataSource;
  readonly district?: District;
  readonly problems: readonly Problem[];
  readonly tables?: InputTables;
}

export interface SampleInfo {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const sampleList = (): readonly SampleInfo[] =>
  SAMPLES.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn }));

export function loadSample(id: string, label: string): Loaded {
  return { source: { kind: "sample", label }, district: getSample(id), problems: [] };
}

/** The empty input sheets (with their headers, formats and drop-downs) for the user to fill in. */
export const inputTemplatePlan = (): WorkbookPlan => buildInputTemplatePlan();

/** The input sheets' plan with validatePlan's problems, as the gateway writes it. */
export function checkedInputTemplate(): {
  readonly plan: WorkbookPlan;
  readonly problems: readonly PlanProblem[];
} {
  const plan = inputTemplatePlan();
  return { plan, problems: validatePlan(plan) };
}

/** The input sheets' names, in the order the template creates them. */
export const inputSheetNames = (): string[] => SHEETS.map((sheet) => sheet.name);

export function loadTables(tables: InputTables, label: string, kind: DataSource["kind"]): Loaded {
  const result = readDistrictTables(tables, label);
  return { source: { kind, label }, district: result.district, problems: result.problems, tables };
}

/**
 * A file by its extension: .json is a whole district; .xlsx an input workbook; .csv one input table merged over
 * the base sample's tables (so a schools CSV can be tried with the rest of a sample), whose own sheets' problems
 * name `baseLabel`. An unsupported file type is a problem of the file.
 */
export async function loadFile(
  fileName: string,
  bytes: Uint8Array,
  baseSampleId: string,
  baseLabel?: string,
): Promise<Loaded> {
  const source: DataSource = { kind: "file", label: fileName };
  const options =
    fileKind(fileName) === "csv"
      ? { sample: baseSampleId, ...(baseLabel !== undefined && { sampleLabel: baseLabel }) }
      : {};
  const result = await loadInputs([{ name: fileName, bytes }], options);
  return { source, ...result };
}

/** The template's example rows still in the input sheets: the readers leave each out with a warning. */
export function exampleRowsLeft(
  problems: readonly Problem[],
): { readonly sheet: string; readonly row: number }[] {
  return problems.flatMap((problem) =>
    problem.code === "exampleRow" && problem.sheet !== undefined && problem.row !== undefined
      ? [{ sheet: problem.sheet, row: problem.row }]
      : [],
  );
}

/** What the confirmation card after loading shows: who, which year, which pack, and how much was read. */
export interface DistrictSummary {
  readonly name: string;
  readonly budgetYear: number;
  readonly packId: string;
  /** The pack's name in both languages; absent when the district names a pack the add-in does not have. */
  readonly packName?: { readonly zh: string; readonly en: string };
  readonly schools: number;
  readonly projects: number;
  readonly debts: number;
  /** The term plan's inputs, when the district has them: the plan years and the schools with past enrollment. */
  readonly term?: {
    readonly firstYear: number;
    readonly lastYear: number;
    /** Schools with at least one past year of enrollment (往年在校生). */
    readonly schoolsWithHistory: number;
    /** The past years the history gives, oldest first. */
    readonly historyYears: readonly number[];
  };
}

export function districtSummary(district: District): DistrictSummary {
  const pack = listPacks().find((p) => p.id === district.policyPack);
  return {
    name: district.name,
    budgetYear: district.budgetYear,
    packId: district.policyPack,
    ...(pack && { packName: { zh: pack.nameZh ?? pack.id, en: pack.nameEn ?? pack.id } }),
    schools: district.schools.length,
    projects: district.projects.length,
    debts: district.debts?.items.length ?? 0,
    ...(district.term && { term: termSummary(district) }),
  };
}

function termSummary(district: District): NonNullable<DistrictSummary["term"]> {
  const years = planYears(district);
  const codes = new Set(district.schools.map((school) => school.code));
  const withHistory = new Set(
    (district.term?.history ?? []).map((h) => h.school).filter((s) => codes.has(s)),
  );
  return {
    firstYear: years[0] ?? district.budgetYear,
    lastYear: years[years.length - 1] ?? district.budgetYear,
    schoolsWithHistory: withHistory.size,
    historyYears: historyYears(district),
  };
}
