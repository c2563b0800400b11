/**
 * The shape of the term plan (规划) as the inputs fix it: its years, the past years of the history, the grades
 * projected at each school and the age at which its first grade enters. Validation and the plan builder share them.
 */
import { GRADES_BY_TYPE } from "./grades";
import type { District, GradeKey, School } from "./model";

/** Age at entry of a first grade: a school's intake in year t is of the children born in t − age. */
export const ENTRY_AGE: Partial<Readonly<Record<GradeKey, number>>> = { k1: 3, g1: 6, g7: 12, g10: 15 };

/** The years of the plan: T … the term end, never fewer than T, T+1, T+2 (中期财政规划). */
export function planYears(district: Pick<District, "budgetYear" | "termEndYear" | "term">): number[] {
  const T = district.budgetYear;
  const last = Math.max(district.term?.lastYear ?? district.termEndYear, T + 2);
  return Array.from({ length: last - T + 1 }, (_, k) => T + k);
}

/** The past years of the history: every year the history gives, oldest first. */
export function historyYears(district: Pick<District, "term">): number[] {
  return [...new Set((district.term?.history ?? []).map((h) => h.year))].sort((a, b) => a - b);
}

/**
 * The grades a school's enrollment is projected for, in order: the grades of its type but a 学前班 (k3 of a primary
 * school or a teaching point), which is held at its year-T size; none for a special school (held whole).
 */
export function projectedGrades(school: Pick<School, "type">): readonly GradeKey[] {
  if (school.type === "特教学校") return [];
  const grades = GRADES_BY_TYPE[school.type];
  return school.type === "幼儿园" ? grades : grades.filter((g) => g !== "k3");
}
