/**
 * A problem found in a district's input: where it is (file, sheet, row, column as the user sees them), which model
 * field it concerns, what is wrong (zh-CN and English) and what is accepted. Errors stop generation, warnings don't.
 */
export type Severity = "error" | "warning";

/**
 * Problems a shell may act on by kind: an example row of the template left in, a sample district's note or policy
 * pack in another district, an input in which nothing was filled in.
 */
export type ProblemCode = "exampleRow" | "sampleNote" | "samplePack" | "nothingFilled";

export interface Problem {
  readonly severity: Severity;
  readonly file: string;
  readonly sheet?: string;
  /** 1-based, as Excel shows it. */
  readonly row?: number;
  /** The header as the user sees it. */
  readonly column?: string;
  /** Model path, e.g. "schools[3].grades.g1". */
  readonly field: string;
  readonly message: string;
  readonly messageEn: string;
  readonly accepts?: string;
  readonly code?: ProblemCode;
  /** What is accepted, in English, where `accepts` is Chinese prose (not the Chinese values a cell must hold). */
  readonly acceptsEn?: string;
}

/** Where a model path came from in a table-shaped input. */
export interface Location {
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
}

export type Path = readonly (string | number)[];

/** "schools[3].grades.g1" from ["schools", 3, "grades", "g1"]. */
export function pathText(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    "",
  );
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
