/**
 * One loader for every shell (the CLI and the task pane): files as names and bytes → a district. The reader is
 * picked by the file type (.json a whole district, .xlsx an input workbook, .csv one input table); .csv tables
 * replace their sheets in a base district (a sample, a .json or an .xlsx), and every problem names the file its
 * sheet came from. No file system here: the shells read the bytes.
 */
import type { District } from "./model";
import type { Problem } from "./problems";
import { districtToTables } from "./readers/toTables";
import { mergeTables, readCsvTable } from "./readers/csv";
import { readDistrictJson } from "./readers/json";
import { readDistrictTables, type InputTable } from "./readers/tables";
import { SAMPLES, getSample } from "./samples";

export type FileKind = "json" | "xlsx" | "csv";

export interface InputFile {
  /** The name problems give as their file (a file name, not a path). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface LoadOptions {
  /** A built-in sample as the base district, whose sheets the .csv tables replace. */
  readonly sample?: string;
  /** The file name problems on the sample's own sheets give (default "sample <id>"). */
  readonly sampleLabel?: string;
}

export interface LoadedInputs {
  /** Present when the input has no errors. */
  readonly district?: District;
  readonly problems: readonly Problem[];
  /** The input tables read (an .xlsx, or the tables a .csv was merged into), to find a problem's cell. */
  readonly tables?: readonly InputTable[];
}

/** What makes a set of inputs unusable before any is read. */
export type InputMistake =
  | { readonly kind: "noDistrict" }
  | { readonly kind: "unknownExtension"; readonly file: string }
  | { readonly kind: "unknownSample"; readonly sample: string; readonly samples: readonly string[] }
  | { readonly kind: "sampleAndWhole"; readonly file: string }
  | { readonly kind: "severalWholes"; readonly files: readonly string[] }
  | { readonly kind: "csvNeedsBase"; readonly file: string };

/** The reader a file name asks for, by its extension (any case); undefined for any other. */
export function fileKind(name: string): FileKind | undefined {
  const dot = name.lastIndexOf(".");
  const extension = dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
  return extension === "json" || extension === "xlsx" || extension === "csv" ? extension : undefined;
}

/**
 * Why these inputs cannot make a district, from their names alone (undefined when they can): every file of a known
 * type, one whole district (a sample, a .json or an .xlsx) and any number of .csv tables over it.
 */
export function inputMistake(names: readonly string[], options: LoadOptions = {}): InputMistake | undefined {
  const unknown = names.find((name) => fileKind(name) === undefined);
  if (unknown !== undefined) return { kind: "unknownExtension", file: unknown };
  const csvs = names.filter((name) => fileKind(name) === "csv");
  const wholes = names.filter((name) => fileKind(name) !== "csv");
  if (options.sample === undefined && names.length === 0) return { kind: "noDistrict" };
  if (options.sample !== undefined && wholes.length > 0)
    return { kind: "sampleAndWhole", file: wholes[0] as string };
  if (wholes.length > 1) return { kind: "severalWholes", files: wholes };
  if (options.sample === undefined && wholes.length === 0)
    return { kind: "csvNeedsBase", file: csvs[0] as string };
  if (options.sample !== undefined && !SAMPLES.some((sample) => sample.id === options.sample))
    return { kind: "unknownSample", sample: options.sample, samples: SAMPLES.map((sample) => sample.id) };
  return undefined;
}

/** An input mistake as a problem of the file it is about (the task pane lists it with the others). */
export function mistakeProblem(mistake: InputMistake): Problem {
  const problem = (file: string, message: string, messageEn: string, accepts?: string): Problem => ({
    severity: "error",
    file,
    field: "file",
    message,
    messageEn,
    ...(accepts && { accepts }),
  });
  switch (mistake.kind) {
    case "noDistrict":
      return problem("", "没有区县数据", "No district data");
    case "unknownExtension":
      return problem(mistake.file, "不支持的文件类型", "Unsupported file type", ".xlsx, .csv, .json");
    case "unknownSample":
      return problem(
        mistake.sample,
        "没有这个示例区县",
        "There is no such sample district",
        mistake.samples.join(", "),
      );
    case "sampleAndWhole":
      return problem(
        mistake.file,
        "示例只能与 .csv 表合用 (.json 和 .xlsx 已是完整的区县数据)",
        "A sample combines only with .csv tables (a .json or .xlsx file is a whole district already)",
      );
    case "severalWholes":
      return problem(
        mistake.files[1] ?? "",
        "只能有一个完整的区县数据来源",
        "Give one whole district source only",
      );
    case "csvNeedsBase":
      return problem(
        mistake.file,
        "该 .csv 文件只含一张录入表, 其余各表需要一个示例或 .xlsx 录入工作簿",
        "This .csv file holds one input sheet: the other sheets need a sample or an .xlsx input workbook",
      );
  }
}

const decodeJson = (bytes: Uint8Array): string => new TextDecoder("utf-8").decode(bytes);

/** A whole district (sample, .json or .xlsx) with the input tables a .csv replaces one of. */
async function loadBase(
  file: InputFile | undefined,
  options: LoadOptions,
): Promise<LoadedInputs & { readonly baseTables?: () => readonly InputTable[] }> {
  if (file === undefined) {
    const district = getSample(options.sample as string);
    return { district, problems: [], baseTables: () => districtToTables(district) };
  }
  if (fileKind(file.name) === "json") {
    const result = readDistrictJson(decodeJson(file.bytes), file.name);
    const district = result.district;
    return { ...result, ...(district && { baseTables: () => districtToTables(district) }) };
  }
  // exceljs is large: it is loaded only when a workbook file is read (the pane loads it on demand).
  const { readInputWorkbook } = await import("./readers/xlsx");
  const result = await readInputWorkbook(file.bytes, file.name);
  return { ...result, baseTables: () => result.tables };
}

/**
 * The district these files (and the sample in the options) make, with every problem naming its file: a .csv's
 * sheet names the .csv, the other sheets the base it was merged over. A mistake (see inputMistake) is one problem.
 */
export async function loadInputs(
  files: readonly InputFile[],
  options: LoadOptions = {},
): Promise<LoadedInputs> {
  const mistake = inputMistake(
    files.map((file) => file.name),
    options,
  );
  if (mistake) return { problems: [mistakeProblem(mistake)] };
  const csvs = files.filter((file) => fileKind(file.name) === "csv");
  const whole = files.find((file) => fileKind(file.name) !== "csv");
  const { baseTables, ...base } = await loadBase(whole, options);
  if (csvs.length === 0 || !baseTables) return base;
  const problems: Problem[] = [...base.problems];
  const tables: InputTable[] = [];
  const fileOfSheet = new Map<string, string>();
  for (const file of csvs) {
    const csv = readCsvTable(file.bytes, file.name);
    problems.push(...csv.problems);
    tables.push(csv.table);
    fileOfSheet.set(csv.table.sheet, file.name);
  }
  // Each problem names the file its sheet came from: a CSV, or the sample / workbook it was merged over.
  const baseFile = whole?.name ?? options.sampleLabel ?? `sample ${options.sample}`;
  const merged = mergeTables(baseTables(), tables);
  const read = readDistrictTables(merged, baseFile);
  const located = read.problems.map((p) => ({ ...p, file: fileOfSheet.get(p.sheet ?? "") ?? baseFile }));
  return { district: read.district, problems: [...problems, ...located], tables: merged };
}
