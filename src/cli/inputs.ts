/**
 * Where the district comes from: a built-in sample, a .json district, an .xlsx input workbook, and .csv files that
 * each replace one input sheet of the sample's or workbook's tables. The CLI reads the files; the loader
 * (src/district/load) makes the district.
 */
import { basename } from "path";
import type { District } from "../district/model";
import type { Problem } from "../district/problems";
import { fileKind, inputMistake, loadInputs, type InputMistake } from "../district/load";
import { priorBudgetLineSchema } from "../district/model";
import { readPriorBudgetWorkbook } from "../district/readers/xlsx";
import { SAMPLES } from "../district/samples";
import { UserError } from "./errors";
import type { Io } from "./io";
import type { Texts } from "./texts";

export interface DistrictSource {
  readonly sample?: string;
  readonly input?: readonly string[];
  /** Last year's generated workbook, whose 预算明细 gives this year's 上年预算. */
  readonly prior?: string;
}

export interface LoadedDistrict {
  /** Present when the input has no errors. */
  readonly district?: District;
  readonly problems: readonly Problem[];
}

export function checkSampleId(id: string, t: Texts): string {
  if (!SAMPLES.some((sample) => sample.id === id)) {
    throw new UserError(t.unknownSample(id, SAMPLES.map((sample) => sample.id).join(", ")));
  }
  return id;
}

/** A file's bytes; a missing or unreadable file is the user's mistake, named by its path. */
export async function readInput(path: string, io: Io, t: Texts): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(t.fileMissing(path));
    throw new UserError(t.fileUnreadable(path, error instanceof Error ? error.message : String(error)));
  }
}

/** The one-line message of a mistake in the options, naming the path as the user typed it. */
function mistakeText(mistake: InputMistake, t: Texts): string {
  switch (mistake.kind) {
    case "noDistrict":
      return t.needDistrict;
    case "unknownExtension":
      return t.unknownExtension(mistake.file);
    case "unknownSample":
      return t.unknownSample(mistake.sample, mistake.samples.join(", "));
    case "sampleAndWhole":
      return t.sampleAndJson;
    case "severalWholes":
      return t.oneBase;
    case "csvNeedsBase":
      return t.csvNeedsBase(mistake.file);
  }
}

export async function loadDistrict(source: DistrictSource, io: Io, t: Texts): Promise<LoadedDistrict> {
  const inputs = source.input ?? [];
  const options = source.sample === undefined ? {} : { sample: source.sample };
  const mistake = inputMistake(inputs, options);
  if (mistake) throw new UserError(mistakeText(mistake, t));
  // The whole district first, then the tables over it; problems name each file by its name, not its path.
  const ordered = [
    ...inputs.filter((path) => fileKind(path) !== "csv"),
    ...inputs.filter((path) => fileKind(path) === "csv"),
  ];
  const files = [];
  for (const path of ordered) files.push({ name: basename(path), bytes: await readInput(path, io, t) });
  const { district, problems } = await loadInputs(files, options);
  if (source.prior === undefined || !district) return { ...(district && { district }), problems };
  // Last year's workbook replaces any 录入-上年预算 the input has.
  const name = basename(source.prior);
  const read = await readPriorBudgetWorkbook(await readInput(source.prior, io, t), name);
  const lines = priorBudgetLineSchema.array().safeParse(read.lines ?? []);
  const priorProblems: Problem[] = lines.success
    ? [...read.problems]
    : [
        ...read.problems,
        ...lines.error.issues.map((issue) => ({
          severity: "error" as const,
          file: name,
          sheet: "预算明细",
          field: "priorBudgetLines",
          message: `上年预算明细第 ${Number(issue.path[0]) + 1} 条: ${issue.message}`,
          messageEn: `prior-year line ${Number(issue.path[0]) + 1}: ${issue.message}`,
        })),
      ];
  const all = [...problems, ...priorProblems];
  if (priorProblems.some((p) => p.severity === "error") || !lines.success) return { problems: all };
  return { district: { ...district, priorBudgetLines: lines.data }, problems: all };
}
