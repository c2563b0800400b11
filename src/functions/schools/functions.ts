/**
 * School functions: dropout, class sizes and capacity, balanced education and staffing. The JSDoc of each function
 * is its Excel metadata; its zh-CN names and reference help are in ./texts.ts. Defaults come from the built-in
 * "edu-default" policy pack.
 */
import { balanceCheck, balanceCv, balanceLimit, parseStandard } from "../../domain/balance";
import { capacity, classBands, classBandWith, classesNeeded, mergeCheck } from "../../domain/classes";
import { dropoutCheck, dropoutLimit, dropoutRate } from "../../domain/dropout";
import { RuleError } from "../../domain/errors";
import { budgetYear } from "../../domain/dated";
import { staffQuota, staffRatio, staffRatioInYear } from "../../domain/staffing";
import { EDU_DEFAULT as P } from "../../policy/packs";
import {
  excel,
  excelRange,
  flatten,
  gradeMatrix,
  matrix,
  memoByText,
  memoByTexts,
  num,
  optNum,
  optNumOrNull,
  optText,
  type Cell,
} from "../adapter";
import { areaOf, areaText, classSizeFor, levelOf, levelText } from "../levels";

const STANDARD_TEXT = "基本|basic or 优质|quality";

// The pack is immutable: its bands are read once here, not on every cell's call.
const BANDS = classBands(P);

const staffRatioOf = memoByText((t: string) => staffRatio(P, levelOf(t)));

/** STAFF_RATIO(level, area, year): the pack's ratio when year is omitted (v1), else the table of that year. */
function staffRatioFor(level: string, area: string | null, year: number | null): number {
  const lvl = levelOf(level);
  const ar = areaOf(area);
  if (year === null) return staffRatioOf(level);
  return staffRatioInYear(lvl, ar, budgetYear(year));
}
const dropoutLimitOf = memoByTexts((l: string, a: string | null) => dropoutLimit(P, levelOf(l), areaOf(a)));
const balanceLimitOf = memoByTexts((l: string, s: string | null) =>
  balanceLimit(P, levelOf(l), parseStandard(s, "standard")),
);
/** The usual call omits the standard: one Map probe instead of two. */
const basicLimitOf = memoByText((l: string) => balanceLimitOf(l, null));

/**
 * Dropout rate: dropouts divided by the enrollment at the start of the school year.
 * @customfunction DROPOUT_RATE
 * @param start_enrollment Students enrolled at the start of the school year.
 * @param dropouts Students who dropped out during the year.
 * @returns The dropout rate as a fraction (0.025 is 2.5 %).
 * @helpurl https://localhost:3000/help/DROPOUT_RATE.html
 */
export function DROPOUT_RATE(start_enrollment: number, dropouts: number): number {
  return excel(() => dropoutRate(num(start_enrollment, "start_enrollment"), num(dropouts, "dropouts")));
}

/**
 * The built-in dropout limit for a school level and area.
 * @customfunction DROPOUT_LIMIT
 * @param level School level: 小学|primary or 初中|junior (others have no limit).
 * @param area Area: 城市|urban, 县镇|town or 农村|rural (default 农村).
 * @returns The limit as a fraction, from the policy pack (POLICY keys dropout.primary and dropout.junior.*).
 * @helpurl https://localhost:3000/help/DROPOUT_LIMIT.html
 */
export function DROPOUT_LIMIT(level: string, area?: string): number {
  return excel(() => dropoutLimitOf(levelText(level), areaText(area)));
}

/**
 * TRUE when a school's dropout rate is within the limit.
 * @customfunction DROPOUT_CHECK
 * @param start_enrollment Students enrolled at the start of the school year.
 * @param dropouts Students who dropped out during the year.
 * @param level School level: 小学|primary or 初中|junior.
 * @param area Area: 城市|urban, 县镇|town or 农村|rural (default 农村).
 * @param limit Limit as a fraction; default DROPOUT_LIMIT(level, area).
 * @returns TRUE if the rate is at most the limit, FALSE otherwise.
 * @helpurl https://localhost:3000/help/DROPOUT_CHECK.html
 */
export function DROPOUT_CHECK(
  start_enrollment: number,
  dropouts: number,
  level: string,
  area?: string,
  limit?: number,
): boolean {
  return excel(() => {
    const start = num(start_enrollment, "start_enrollment");
    const out = num(dropouts, "dropouts");
    const lvl = levelText(level);
    const ar = areaText(area);
    const given = optNumOrNull(limit, "limit");
    if (given === null) return dropoutCheck(start, out, dropoutLimitOf(lvl, ar));
    levelOf(lvl); // a given limit still needs a valid level and area
    areaOf(ar);
    return dropoutCheck(start, out, given);
  });
}

/**
 * Standard class size for a school level or a kindergarten class type.
 * @customfunction CLASS_SIZE
 * @param level 小学|primary, 初中|junior, 高中|senior, 幼儿园|kindergarten, or 小班, 中班, 大班, 混龄.
 * @returns Pupils per class, from the policy pack (POLICY keys class_size.*).
 * @helpurl https://localhost:3000/help/CLASS_SIZE.html
 */
export function CLASS_SIZE(level: string): number {
  return excel(() => classSizeFor(level));
}

/**
 * Class-size band of the average class, rounded up: 正常, 偏大, 大班额 or 超大班额.
 * @customfunction CLASS_BAND
 * @param students Number of students.
 * @param classes Number of classes.
 * @returns 正常, 偏大, 大班额 or 超大班额, by the bands of the policy pack (POLICY keys class_band.*).
 * @helpurl https://localhost:3000/help/CLASS_BAND.html
 */
export function CLASS_BAND(students: number, classes: number): string {
  return excel(() => classBandWith(BANDS, num(students, "students"), num(classes, "classes")));
}

/**
 * Student places of a school: classrooms times the class size.
 * @customfunction CAPACITY
 * @param classrooms Number of classrooms.
 * @param level School level or kindergarten class type (sets the default class size).
 * @param class_size Pupils per class; default CLASS_SIZE(level).
 * @returns Number of student places.
 * @helpurl https://localhost:3000/help/CAPACITY.html
 */
export function CAPACITY(classrooms: number, level: string, class_size?: number): number {
  return excel(() => {
    const rooms = num(classrooms, "classrooms");
    return capacity(rooms, optNum(class_size, "class_size", classSizeFor(level)));
  });
}

/**
 * Classes needed: for each grade, its total enrollment divided by the class size, rounded up, summed over grades.
 * @customfunction CLASSES_NEEDED
 * @param enrollment One cell, a row or column of per-grade counts, or a matrix (rows = schools, columns = grades). Empty cells count 0.
 * @param level School level or kindergarten class type (sets the default class size).
 * @param class_size Pupils per class; default CLASS_SIZE(level).
 * @returns Number of classes needed.
 * @helpurl https://localhost:3000/help/CLASSES_NEEDED.html
 */
export function CLASSES_NEEDED(enrollment: unknown[][], level: string, class_size?: number): number {
  return excel(() => {
    const m = gradeMatrix(enrollment, "enrollment");
    return classesNeeded(m, optNum(class_size, "class_size", classSizeFor(level)));
  });
}

/**
 * Spills a school-merger check: students, classes needed, classrooms, spare classrooms, average class size, pass.
 * @customfunction MERGE_CHECK
 * @param enrollment Enrollment of the merged schools, as in CLASSES_NEEDED.
 * @param classrooms Classrooms at the receiving site.
 * @param level School level or kindergarten class type (sets the default class size).
 * @param class_size Pupils per class; default CLASS_SIZE(level).
 * @returns One row: students, classes needed, classrooms, spare, average class size, pass (spare ≥ 0).
 * @helpurl https://localhost:3000/help/MERGE_CHECK.html
 */
export function MERGE_CHECK(
  enrollment: unknown[][],
  classrooms: number,
  level: string,
  class_size?: number,
): unknown[][] {
  return excelRange(() => {
    const m = gradeMatrix(enrollment, "enrollment");
    const rooms = num(classrooms, "classrooms");
    const r = mergeCheck(m, rooms, optNum(class_size, "class_size", classSizeFor(level)));
    return [[r.students, r.classesNeeded, r.classrooms, r.spare, r.averageClassSize, r.pass]];
  });
}

/**
 * Enrollment-weighted coefficient of variation of a per-student indicator across schools.
 * @customfunction BALANCE_CV
 * @param values Per-student indicator value of each school.
 * @param enrollments Enrollment of each school, same shape as values. Pairs with an empty cell are skipped.
 * @returns The weighted coefficient of variation (0.515 in the public worked example).
 * @helpurl https://localhost:3000/help/BALANCE_CV.html
 */
export function BALANCE_CV(values: unknown[][], enrollments: unknown[][]): number {
  return excel(() => {
    const xs = matrix(values, "values");
    const ps = matrix(enrollments, "enrollments");
    if (xs.length !== ps.length || (xs[0] as Cell[]).length !== (ps[0] as Cell[]).length) {
      throw new RuleError("value", "enrollments: a range of the same shape as values");
    }
    return balanceCv(flatten(xs), flatten(ps));
  });
}

/**
 * TRUE when a coefficient of variation meets the balanced-education standard for the level.
 * @customfunction BALANCE_CHECK
 * @param cv Coefficient of variation.
 * @param level School level: 小学|primary or 初中|junior.
 * @param standard 基本|basic (the default) or 优质|quality: the standard whose limit for the level applies.
 * @returns TRUE if the CV is at most the limit (POLICY keys balance.basic.* and balance.quality.*), FALSE otherwise.
 * @helpurl https://localhost:3000/help/BALANCE_CHECK.html
 */
export function BALANCE_CHECK(cv: number, level: string, standard?: string): boolean {
  return excel(() => {
    const value = num(cv, "cv");
    const lvl = levelText(level);
    const std = optText(standard, "standard", STANDARD_TEXT);
    return balanceCheck(value, std === null ? basicLimitOf(lvl) : balanceLimitOf(lvl, std));
  });
}

/**
 * Students per staff post in force in a year: from 2014 the unified ratios, 2001–2013 the 2001 ratios by area.
 * @customfunction STAFF_RATIO
 * @param level School level: 小学|primary, 初中|junior or 高中|senior.
 * @param area Area for years before 2014: 城市|urban, 县镇|town or 农村|rural (default 农村); ignored from 2014.
 * @param year Year whose standard applies (default: the standard in force now, POLICY keys staff_ratio.*).
 * @returns Students per post; #N/A for a year before the first national standard.
 * @helpurl https://localhost:3000/help/STAFF_RATIO.html
 */
export function STAFF_RATIO(level: string, area?: string, year?: number): number {
  return excel(() => staffRatioFor(levelText(level), areaText(area), optNumOrNull(year, "year")));
}

/**
 * Staff posts for a number of students: students divided by the ratio, not rounded.
 * @customfunction STAFF_QUOTA
 * @param students Number of students.
 * @param level School level: 小学|primary, 初中|junior or 高中|senior.
 * @param ratio Students per post; default STAFF_RATIO(level, area, year).
 * @param area Area for years before 2014: 城市|urban, 县镇|town or 农村|rural (default 农村).
 * @param year Year whose standard applies (default: the standard in force now).
 * @returns Staff posts (wrap in ROUNDUP or ROUND as your province rounds).
 * @helpurl https://localhost:3000/help/STAFF_QUOTA.html
 */
export function STAFF_QUOTA(
  students: number,
  level: string,
  ratio?: number,
  area?: string,
  year?: number,
): number {
  return excel(() => {
    const n = num(students, "students");
    const lvl = levelText(level);
    levelOf(lvl); // checked first, as in v1: a given ratio still needs a valid level, area and year
    const given = optNumOrNull(ratio, "ratio");
    const ar = areaText(area);
    const y = optNumOrNull(year, "year");
    if (given === null) return staffQuota(n, staffRatioFor(lvl, ar, y));
    areaOf(ar);
    if (y !== null) budgetYear(y);
    return staffQuota(n, given);
  });
}
