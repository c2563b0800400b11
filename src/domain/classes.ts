import type { PolicyKey, PolicyPack } from "../policy/types";
import { invalidArgument } from "./errors";
import { LEVEL_EN, LEVEL_ZH, lookupTable, type Level } from "./levels";
import { ceilClean, divisor, nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const SIZE_KEY: Readonly<Record<ClassKind, PolicyKey>> = {
  kindergarten: "class_size.kindergarten",
  primary: "class_size.primary",
  junior: "class_size.junior",
  senior: "class_size.senior",
  kg_small: "class_size.kg_small",
  kg_middle: "class_size.kg_middle",
  kg_large: "class_size.kg_large",
  kg_mixed: "class_size.kg_mixed",
};

export type KgClass = "kg_small" | "kg_middle" | "kg_large" | "kg_mixed";
export type ClassKind = Level | KgClass;
export type ClassBand = "正常" | "偏大" | "大班额" | "超大班额";

const KG_ZH: Readonly<Record<KgClass, string>> = {
  kg_small: "小班",
  kg_middle: "中班",
  kg_large: "大班",
  kg_mixed: "混龄",
};
const KG_EN: Readonly<Record<KgClass, string>> = {
  kg_small: "small",
  kg_middle: "middle",
  kg_large: "large",
  kg_mixed: "mixed",
};
const KIND_BY_TEXT = lookupTable<ClassKind>(LEVEL_ZH, LEVEL_EN, KG_ZH, KG_EN);

/** A school level or a kindergarten class type (小班/中班/大班/混龄 or small/middle/large/mixed). */
export function parseClassKind(text: string, argName = "level"): ClassKind {
  const kind = KIND_BY_TEXT.get(text) ?? KIND_BY_TEXT.get(text.trim().toLowerCase());
  if (!kind) {
    throw invalidArgument(
      argName,
      "小学|primary, 初中|junior, 高中|senior, 幼儿园|kindergarten, 小班, 中班, 大班 or 混龄",
    );
  }
  return kind;
}

/** Standard class size (§4.4, §4.7) of a ClassKind, or of its zh/en text (e.g. "小班" → 25). */
export function classSize(pack: PolicyPack, kind: ClassKind | string): number {
  const key = Object.prototype.hasOwnProperty.call(SIZE_KEY, kind)
    ? SIZE_KEY[kind as ClassKind]
    : SIZE_KEY[parseClassKind(kind)];
  return pack.values[key].value;
}

/** Band of ceil(students/classes): 正常 ≤45, 偏大 46–55, 大班额 56–65, 超大班额 ≥66 (thresholds from the pack). */
export function classBand(pack: PolicyPack, students: number, classes: number): ClassBand {
  return classBandWith(classBands(pack), students, classes);
}

/** The class-size bands' lower bounds of a pack, read once (the functions read them at load, not per cell). */
export interface ClassBands {
  readonly oversizeFrom: number;
  readonly largeFrom: number;
  readonly superLargeFrom: number;
}

export function classBands(pack: PolicyPack): ClassBands {
  return {
    oversizeFrom: pack.values["class_band.oversize_from"].value,
    largeFrom: pack.values["class_band.large_from"].value,
    superLargeFrom: pack.values["class_band.super_large_from"].value,
  };
}

/** classBand with the pack's bands already read (classBands). */
export function classBandWith(bands: ClassBands, students: number, classes: number): ClassBand {
  nonNegative(students, "students");
  const size = ceilClean(result(students / divisor(classes, "classes"), "students"));
  if (size >= bands.superLargeFrom) return "超大班额";
  if (size >= bands.largeFrom) return "大班额";
  if (size >= bands.oversizeFrom) return "偏大";
  return "正常";
}

export function capacity(classrooms: number, size: number): number {
  nonNegative(classrooms, "classrooms");
  nonNegative(size, "class_size");
  return result(classrooms * size, "classrooms");
}

/** Σ over grades (columns, summed over rows = schools) of ceil(grade total / class size); empty counts 0. */
export function classesNeeded(matrix: readonly (readonly (number | null)[])[], size: number): number {
  divisor(size, "class_size");
  const totals: number[] = [];
  for (const row of matrix) {
    row.forEach((cell, j) => {
      totals[j] = (totals[j] ?? 0) + (cell === null ? 0 : nonNegative(cell, "enrollment"));
    });
  }
  let needed = 0;
  for (const total of totals) needed += ceilClean(result(total / size, "enrollment"));
  return result(needed, "enrollment");
}

export interface MergeResult {
  readonly students: number;
  readonly classesNeeded: number;
  readonly classrooms: number;
  readonly spare: number;
  /** students / classes needed; 0 when no class is needed (no students). */
  readonly averageClassSize: number;
  readonly pass: boolean;
}

/** Can the merged enrollment be taught in the host site's classrooms at the standard class size? */
export function mergeCheck(
  matrix: readonly (readonly (number | null)[])[],
  classrooms: number,
  size: number,
): MergeResult {
  const needed = classesNeeded(matrix, size);
  nonNegative(classrooms, "classrooms");
  let students = 0;
  for (const row of matrix) for (const cell of row) students += cell ?? 0;
  result(students, "enrollment");
  const spare = classrooms - needed;
  return {
    students,
    classesNeeded: needed,
    classrooms,
    spare,
    averageClassSize: needed === 0 ? 0 : students / needed,
    pass: spare >= 0,
  };
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** The workbook names of the class-band thresholds (class_band.*_from). */
export interface ClassBandNames {
  readonly oversizeFrom: string;
  readonly largeFrom: string;
  readonly superLargeFrom: string;
}

/** classBand as a formula: the band of ROUNDUP(students/classes, 0) (#DIV/0! for no classes). */
export function classBandFormula(students: string, classes: string, names: ClassBandNames): string {
  const size = `ROUNDUP(${students}/${classes},0)`;
  return (
    `IF(${size}>=${names.superLargeFrom},"超大班额",IF(${size}>=${names.largeFrom},"大班额",` +
    `IF(${size}>=${names.oversizeFrom},"偏大","正常")))`
  );
}

/** capacity as a formula: classrooms × class size. */
export function capacityFormula(classrooms: string, size: string): string {
  return `${classrooms}*${size}`;
}

/** classesNeeded as a formula over the grade totals (one reference or sum per grade): Σ ROUNDUP(total/size, 0). */
export function classesNeededFormula(gradeTotals: readonly string[], size: string): string {
  if (gradeTotals.length === 0) return "0";
  return gradeTotals.map((total) => `ROUNDUP(${total}/${size},0)`).join("+");
}

/** mergeCheck's spare classrooms as a formula. */
export function spareClassroomsFormula(classrooms: string, needed: string): string {
  return `${classrooms}-${needed}`;
}

/** mergeCheck's average class size as a formula: 0 when no class is needed. */
export function averageClassSizeFormula(students: string, needed: string): string {
  return `IF(${needed}=0,0,${students}/${needed})`;
}

/** mergeCheck's pass as a formula: no classroom short. */
export function mergePassFormula(spare: string): string {
  return `${spare}>=0`;
}
