/**
 * Where the district comes from: a built-in sample, a .json district, an .xlsx input workbook, and .csv files that
 * each replace one input sheet of the sample's or workbook's tables.
 */
import { basename, extname } from "path";
import {
  districtToTables,
  mergeTables,
  readCsvTable,
  readDistrictJson,
  readDistrictTables,
} from "../district";
import type { District } from "../district/model";
import type { Problem } from "../district/problems";
import { readInputWorkbook } from "../district/readers/xlsx";
import { SAMPLES, getSample } from "../district/samples";
import { UserError } from "./errors";
import type { Io } from "./io";
import type { Texts } from "./texts";

export interface DistrictSource {
  readonly sample?: string;
  readonly input?: readonly string[];
}

export interface LoadedDistrict {
  /** Present when the input has no errors. */
  readonly district?: District;
  readonly problems: readonly Problem[];
}

type Tables = Parameters<typeof readDistrictTables>[0];

export function checkSampleId(id: string, t: Texts): string {
  if (!SAMPLES.some((sample) => sample.id === id)) {
    throw new UserError(t.unknownSample(id, SAMPLES.map((sample) => sample.id).join(", ")));
  }
  return id;
}

async function read(path: string, io: Io, t: Texts): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(t.fileMissing(path));
    throw new UserError(t.fileUnreadable(path, error instanceof Error ? error.message : String(error)));
  }
}

const kindOf = (path: string, t: Texts): "json" | "xlsx" | "csv" => {
  const extension = extname(path).toLowerCase().slice(1);
  if (extension === "json" || extension === "xlsx" || extension === "csv") return extension;
  throw new UserError(t.unknownExtension(path));
};

/** A whole district (sample, .json or .xlsx), as a district and as input tables for .csv files to replace. */
async function loadBase(
  source: DistrictSource,
  file: string | undefined,
  io: Io,
  t: Texts,
): Promise<LoadedDistrict & { readonly tables?: () => Tables }> {
  if (file === undefined) {
    const district = getSample(checkSampleId(source.sample as string, t));
    return { district, problems: [], tables: () => districtToTables(district) };
  }
  const bytes = await read(file, io, t);
  if (kindOf(file, t) === "json") {
    const result = readDistrictJson(new TextDecoder("utf-8").decode(bytes), basename(file));
    const district = result.district;
    return { ...result, ...(district && { tables: () => districtToTables(district) }) };
  }
  const result = await readInputWorkbook(bytes, basename(file));
  return { ...result, tables: () => result.tables };
}

export async function loadDistrict(source: DistrictSource, io: Io, t: Texts): Promise<LoadedDistrict> {
  const inputs = source.input ?? [];
  const csvs = inputs.filter((path) => kindOf(path, t) === "csv");
  const wholes = inputs.filter((path) => kindOf(path, t) !== "csv");
  if (source.sample === undefined && inputs.length === 0) throw new UserError(t.needDistrict);
  if (wholes.length + (source.sample === undefined ? 0 : 1) > 1) {
    throw new UserError(source.sample !== undefined ? t.sampleAndJson : t.oneBase);
  }
  if (source.sample === undefined && wholes.length === 0)
    throw new UserError(t.csvNeedsBase(csvs[0] as string));
  const base = await loadBase(source, wholes[0], io, t);
  if (csvs.length === 0 || !base.tables) return base;
  const problems: Problem[] = [...base.problems];
  const tables: Tables[number][] = [];
  const fileOfSheet = new Map<string, string>();
  for (const path of csvs) {
    const csv = readCsvTable(await read(path, io, t), basename(path));
    problems.push(...csv.problems);
    tables.push(csv.table);
    fileOfSheet.set(csv.table.sheet, basename(path));
  }
  // Each problem names the file its sheet came from: a CSV, or the sample / workbook it was merged over.
  const baseFile = wholes[0] === undefined ? `sample ${source.sample}` : basename(wholes[0]);
  const merged = readDistrictTables(mergeTables(base.tables(), tables), baseFile);
  const located = merged.problems.map((p) => ({ ...p, file: fileOfSheet.get(p.sheet ?? "") ?? baseFile }));
  return { district: merged.district, problems: [...problems, ...located] };
}
