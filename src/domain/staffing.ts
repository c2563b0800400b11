import type { PolicyPack } from "../policy/types";
import { notDefined } from "./errors";
import { LEVEL_ZH, type Level } from "./levels";
import { divisor, nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const RATIO_KEY = {
  primary: "staff_ratio.primary",
  junior: "staff_ratio.junior",
  senior: "staff_ratio.senior",
} as const;

/** Students per staff post, 2014 unified urban–rural standard (§4.5). */
export function staffRatio(pack: PolicyPack, level: Level): number {
  if (level === "kindergarten") {
    throw notDefined(
      `No staffing ratio for ${LEVEL_ZH[level]} (${level}): ratios exist for 小学, 初中 and 高中`,
    );
  }
  return pack.values[RATIO_KEY[level]].value;
}

/** students / ratio, not rounded: rounding is a provincial choice. */
export function staffQuota(students: number, ratio: number): number {
  nonNegative(students, "students");
  return result(students / divisor(ratio, "ratio"), "students");
}

// The workbook's formula for this rule (its Excel twin), written from cell references and workbook names.

/** staffQuota as a formula: students / ratio, not rounded (#DIV/0! for a zero ratio). */
export function staffQuotaFormula(students: string, ratio: string): string {
  return `${students}/${ratio}`;
}

// Staffing by classes (§4.5): teaching points and special schools have their own rule, set by the province.

/** The kinds of school staffed by classes, and the pack key of their staff posts per class (班师比). */
export const CLASS_STAFF_KEY = {
  teachingPoint: "staff_ratio.class_teaching_point",
  special: "staff_ratio.class_special",
} as const;
export type ClassStaffed = keyof typeof CLASS_STAFF_KEY;

/** Staff posts per class (班师比) for a teaching point or a special school. */
export function staffPerClass(pack: PolicyPack, kind: ClassStaffed): number {
  return pack.values[CLASS_STAFF_KEY[kind]].value;
}

/** classes × staff posts per class, not rounded. */
export function classStaffQuota(classes: number, perClass: number): number {
  nonNegative(classes, "classes");
  nonNegative(perClass, "perClass");
  return result(classes * perClass, "classes");
}

/**
 * A school's quota, not rounded: a special school by its classes only; a teaching point by the larger of its
 * students ÷ ratio and its classes × 班师比 (生师比与班师比相结合); any other school by students ÷ ratio.
 */
export function schoolStaffQuota(
  kind: ClassStaffed | "ordinary",
  byStudents: number,
  byClasses: number,
): number {
  nonNegative(byStudents, "byStudents");
  nonNegative(byClasses, "byClasses");
  if (kind === "special") return byClasses;
  if (kind === "teachingPoint") return Math.max(byStudents, byClasses);
  return byStudents;
}

/** classStaffQuota as a formula. */
export function classStaffQuotaFormula(classes: string, perClass: string): string {
  return `${classes}*${perClass}`;
}

/** schoolStaffQuota as a formula over the school's type cell (学校类型 text). */
export function schoolStaffQuotaFormula(type: string, byStudents: string, byClasses: string): string {
  return `IF(${type}="特教学校",${byClasses},IF(${type}="教学点",MAX(${byStudents},${byClasses}),${byStudents}))`;
}
