/**
 * The EDU custom functions: thin adapters over src/domain. The JSDoc of each function is its Excel metadata
 * (custom-functions-metadata); the namespace EDU and the zh-CN names are added by the build.
 * Defaults come from the built-in "edu-default" policy pack (national rules with the speeches' local overrides).
 */
import { allowance, nutritionCost } from "../domain/allowance";
import { assignClasses, classBalance, parseGender, type Gender } from "../domain/assignClasses";
import { balanceCheck, balanceCv, balanceLimit, parseStandard } from "../domain/balance";
import { capacity, classBand, classesNeeded, classSize, mergeCheck, parseClassKind } from "../domain/classes";
import { reconcile, repaySchedule } from "../domain/debt";
import { dropoutCheck, dropoutLimit, dropoutRate } from "../domain/dropout";
import { RuleError } from "../domain/errors";
import { growth, onlyIncrease, threeGrowth } from "../domain/growth";
import { parseArea, parseLevel } from "../domain/levels";
import { enrollmentRate, kgCapacity, placesNeeded } from "../domain/preschool";
import { parseRegion, publicFunds, publicFundsNorm } from "../domain/publicFunds";
import { staffQuota, staffRatio } from "../domain/staffing";
import { EDU_DEFAULT as P, lookupPolicy } from "../policy/packs";
import {
  finiteOut,
  flatten,
  gradeMatrix,
  matrix,
  memoByText,
  memoByTexts,
  num,
  optBool,
  optNum,
  optNumOrNull,
  optText,
  text,
  textVector,
  toExcelError,
  vector,
  type Cell,
} from "./adapter";

const LEVEL_TEXT = "小学|primary, 初中|junior, 高中|senior or 幼儿园|kindergarten";
const AREA_TEXT = "城市|urban, 县镇|town or 农村|rural";

const CLASS_KIND_TEXT = `${LEVEL_TEXT}, 小班, 中班, 大班 or 混龄`;
const STANDARD_TEXT = "基本|basic or 优质|quality";
const REGION_TEXT = "中西部|central_west or 东部|east";

// Lookups by the texts users type, memoized: Excel calls a function once per cell with the same few texts.
const levelOf = memoByText((t: string) => parseLevel(t, "level"));
const areaOf = memoByText((t: string | null) => parseArea(t, "area"));
const classSizeOf = memoByText((t: string) => classSize(P, parseClassKind(t, "level")));
const staffRatioOf = memoByText((t: string) => staffRatio(P, levelOf(t)));
const dropoutLimitOf = memoByTexts((l: string, a: string | null) => dropoutLimit(P, levelOf(l), areaOf(a)));
const balanceLimitOf = memoByTexts((l: string, s: string | null) =>
  balanceLimit(P, levelOf(l), parseStandard(s, "standard")),
);
const normOf = memoByTexts((l: string, r: string | null) =>
  publicFundsNorm(P, levelOf(l), parseRegion(r, "region")),
);
const policyOf = memoByText((key: string) => lookupPolicy(P, key));

const levelText = (v: any): string => text(v, "level", LEVEL_TEXT);
const areaText = (v: any): string | null => optText(v, "area", AREA_TEXT);
const classSizeFor = (v: any) => classSizeOf(text(v, "level", CLASS_KIND_TEXT));

/** prior/current of THREE_GROWTH: 4 numbers, or 5 with pay; an empty 5th cell means "no pay figure". */
function growthCells(v: any, arg: string): number[] {
  const cells = vector(v, arg);
  if (cells.length === 5 && cells[4] === null) cells.pop();
  return cells.map((c) => {
    if (c === null)
      throw new RuleError("value", `${arg}: a number in every cell (only the 5th, pay, may be empty)`);
    return c;
  });
}

function genderList(v: any, n: number): Gender[] | undefined {
  if (v === null || v === undefined) return undefined;
  const cells = textVector(v, "genders", "男/女 or M/F");
  if (cells.every((c) => c === null)) return undefined;
  if (cells.length !== n) throw new RuleError("value", `genders: one cell per student (${n})`);
  return cells.map((c) => parseGender(c ?? "", "genders"));
}

function checkedRows(rows: (number | string | boolean)[][]): any[][] {
  for (const row of rows) for (const cell of row) if (typeof cell === "number") finiteOut(cell);
  return rows;
}

/**
 * Growth rate from the prior to the current year: current / prior − 1.
 * @customfunction GROWTH
 * @param prior Prior-year amount (a positive number).
 * @param current Current-year amount.
 * @returns The growth rate as a fraction (0.05 is 5 %).
 * @helpurl https://localhost:3000/help/GROWTH.html
 */
export function GROWTH(prior: number, current: number): number {
  try {
    return finiteOut(growth(num(prior, "prior"), num(current, "current")));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * TRUE when all three statutory growths of education funding are achieved.
 * @customfunction THREE_GROWTH
 * @param prior Prior year, 4 or 5 cells: education appropriation, recurring fiscal revenue, per-student education expenditure, per-student public funds, optional average staff pay.
 * @param current Current year, the same cells in the same order.
 * @returns TRUE if every growth is achieved, FALSE otherwise.
 * @helpurl https://localhost:3000/help/THREE_GROWTH.html
 */
export function THREE_GROWTH(prior: any[][], current: any[][]): boolean {
  try {
    return threeGrowth(growthCells(prior, "prior"), growthCells(current, "current")).every((row) => row.pass);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Spills one row per statutory growth test: label, achieved growth, required growth, pass.
 * @customfunction THREE_GROWTH_DETAIL
 * @param prior Prior year, 4 or 5 cells: education appropriation, recurring fiscal revenue, per-student education expenditure, per-student public funds, optional average staff pay.
 * @param current Current year, the same cells in the same order.
 * @returns Rows G1, G2, G3 public funds (and G3 pay) × label, achieved, required, pass.
 * @helpurl https://localhost:3000/help/THREE_GROWTH_DETAIL.html
 */
export function THREE_GROWTH_DETAIL(prior: any[][], current: any[][]): any[][] {
  try {
    const rows = threeGrowth(growthCells(prior, "prior"), growthCells(current, "current"));
    return checkedRows(rows.map((r) => [r.label, r.achieved, r.required, r.pass]));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * TRUE when neither total nor per-student education spending falls (两个只增不减).
 * @customfunction ONLY_INCREASE
 * @param prior_total Prior-year total education spending.
 * @param current_total Current-year total education spending.
 * @param prior_per_student Prior-year spending per student.
 * @param current_per_student Current-year spending per student.
 * @returns TRUE if both figures did not fall, FALSE otherwise.
 * @helpurl https://localhost:3000/help/ONLY_INCREASE.html
 */
export function ONLY_INCREASE(
  prior_total: number,
  current_total: number,
  prior_per_student: number,
  current_per_student: number,
): boolean {
  try {
    return onlyIncrease(
      num(prior_total, "prior_total"),
      num(current_total, "current_total"),
      num(prior_per_student, "prior_per_student"),
      num(current_per_student, "current_per_student"),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Dropout rate: dropouts divided by the enrollment at the start of the school year.
 * @customfunction DROPOUT_RATE
 * @param start_enrollment Students enrolled at the start of the school year.
 * @param dropouts Students who dropped out during the year.
 * @returns The dropout rate as a fraction (0.03 is 3 %).
 * @helpurl https://localhost:3000/help/DROPOUT_RATE.html
 */
export function DROPOUT_RATE(start_enrollment: number, dropouts: number): number {
  try {
    return finiteOut(dropoutRate(num(start_enrollment, "start_enrollment"), num(dropouts, "dropouts")));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * The built-in dropout limit for a school level and area.
 * @customfunction DROPOUT_LIMIT
 * @param level School level: 小学|primary or 初中|junior (others have no limit).
 * @param area Area: 城市|urban, 县镇|town or 农村|rural (default 农村).
 * @returns The limit as a fraction: 小学 0, 初中 0.03 rural and town, 0.02 urban.
 * @helpurl https://localhost:3000/help/DROPOUT_LIMIT.html
 */
export function DROPOUT_LIMIT(level: string, area?: string): number {
  try {
    return dropoutLimitOf(levelText(level), areaText(area));
  } catch (e) {
    throw toExcelError(e);
  }
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
  try {
    const start = num(start_enrollment, "start_enrollment");
    const out = num(dropouts, "dropouts");
    const lvl = levelText(level);
    const ar = areaText(area);
    const given = optNumOrNull(limit, "limit");
    if (given === null) return dropoutCheck(start, out, dropoutLimitOf(lvl, ar));
    levelOf(lvl); // a given limit still needs a valid level and area
    areaOf(ar);
    return dropoutCheck(start, out, given);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Standard class size for a school level or a kindergarten class type.
 * @customfunction CLASS_SIZE
 * @param level 小学|primary, 初中|junior, 高中|senior, 幼儿园|kindergarten, or 小班, 中班, 大班, 混龄.
 * @returns Pupils per class: 小学 45, 初中 50, 高中 50, 幼儿园 30; 小班 25, 中班 30, 大班 35, 混龄 30.
 * @helpurl https://localhost:3000/help/CLASS_SIZE.html
 */
export function CLASS_SIZE(level: string): number {
  try {
    return classSizeFor(level);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Class-size band of the average class, rounded up: 正常, 偏大, 大班额 or 超大班额.
 * @customfunction CLASS_BAND
 * @param students Number of students.
 * @param classes Number of classes.
 * @returns 正常 (≤45), 偏大 (46–55), 大班额 (56–65) or 超大班额 (≥66).
 * @helpurl https://localhost:3000/help/CLASS_BAND.html
 */
export function CLASS_BAND(students: number, classes: number): string {
  try {
    return classBand(P, num(students, "students"), num(classes, "classes"));
  } catch (e) {
    throw toExcelError(e);
  }
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
  try {
    const rooms = num(classrooms, "classrooms");
    const size = optNum(class_size, "class_size", classSizeFor(level));
    return finiteOut(capacity(rooms, size));
  } catch (e) {
    throw toExcelError(e);
  }
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
export function CLASSES_NEEDED(enrollment: any[][], level: string, class_size?: number): number {
  try {
    const m = gradeMatrix(enrollment, "enrollment");
    return finiteOut(classesNeeded(m, optNum(class_size, "class_size", classSizeFor(level))));
  } catch (e) {
    throw toExcelError(e);
  }
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
  enrollment: any[][],
  classrooms: number,
  level: string,
  class_size?: number,
): any[][] {
  try {
    const m = gradeMatrix(enrollment, "enrollment");
    const rooms = num(classrooms, "classrooms");
    const r = mergeCheck(m, rooms, optNum(class_size, "class_size", classSizeFor(level)));
    return checkedRows([[r.students, r.classesNeeded, r.classrooms, r.spare, r.averageClassSize, r.pass]]);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Enrollment-weighted coefficient of variation of a per-student indicator across schools.
 * @customfunction BALANCE_CV
 * @param values Per-student indicator value of each school.
 * @param enrollments Enrollment of each school, same shape as values. Pairs with an empty cell are skipped.
 * @returns The weighted coefficient of variation (0.515 in the public worked example).
 * @helpurl https://localhost:3000/help/BALANCE_CV.html
 */
export function BALANCE_CV(values: any[][], enrollments: any[][]): number {
  try {
    const xs = matrix(values, "values");
    const ps = matrix(enrollments, "enrollments");
    if (xs.length !== ps.length || (xs[0] as Cell[]).length !== (ps[0] as Cell[]).length) {
      throw new RuleError("value", "enrollments: a range of the same shape as values");
    }
    return finiteOut(balanceCv(flatten(xs), flatten(ps)));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * TRUE when a coefficient of variation meets the balanced-education standard for the level.
 * @customfunction BALANCE_CHECK
 * @param cv Coefficient of variation.
 * @param level School level: 小学|primary or 初中|junior.
 * @param standard 基本|basic (default: 小学 0.65, 初中 0.55) or 优质|quality (0.50, 0.45).
 * @returns TRUE if the CV is at most the limit, FALSE otherwise.
 * @helpurl https://localhost:3000/help/BALANCE_CHECK.html
 */
export function BALANCE_CHECK(cv: number, level: string, standard?: string): boolean {
  try {
    const value = num(cv, "cv");
    return balanceCheck(
      value,
      balanceLimitOf(levelText(level), optText(standard, "standard", STANDARD_TEXT)),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Students per staff post under the 2014 unified staffing standard.
 * @customfunction STAFF_RATIO
 * @param level School level: 小学|primary, 初中|junior or 高中|senior.
 * @returns Students per post: 小学 19, 初中 13.5, 高中 12.5.
 * @helpurl https://localhost:3000/help/STAFF_RATIO.html
 */
export function STAFF_RATIO(level: string): number {
  try {
    return staffRatioOf(levelText(level));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Staff posts for a number of students: students divided by the ratio, not rounded.
 * @customfunction STAFF_QUOTA
 * @param students Number of students.
 * @param level School level: 小学|primary, 初中|junior or 高中|senior.
 * @param ratio Students per post; default STAFF_RATIO(level).
 * @returns Staff posts (wrap in ROUNDUP or ROUND as your province rounds).
 * @helpurl https://localhost:3000/help/STAFF_QUOTA.html
 */
export function STAFF_QUOTA(students: number, level: string, ratio?: number): number {
  try {
    const n = num(students, "students");
    const lvl = levelText(level);
    levelOf(lvl);
    return finiteOut(staffQuota(n, optNumOrNull(ratio, "ratio") ?? staffRatioOf(lvl)));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Per-student public-funds baseline in yuan per year.
 * @customfunction PUBLIC_FUNDS_NORM
 * @param level School level: 小学|primary or 初中|junior.
 * @param region 中西部|central_west (default) or 东部|east.
 * @returns Yuan per student per year: 中西部 650 / 850, 东部 700 / 900.
 * @helpurl https://localhost:3000/help/PUBLIC_FUNDS_NORM.html
 */
export function PUBLIC_FUNDS_NORM(level: string, region?: string): number {
  try {
    return normOf(levelText(level), optText(region, "region", REGION_TEXT));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * A school's yearly public funds, with the small-school floor, special-needs and boarder rates.
 * @customfunction PUBLIC_FUNDS
 * @param students Number of students.
 * @param level School level: 小学|primary or 初中|junior.
 * @param boarders Boarding students (default 0), 200 yuan each on top.
 * @param special_students Special-needs students (default 0), funded at 6000 yuan instead of the norm.
 * @param small_rural TRUE for a small rural school: fewer than 100 students count as 100 (default FALSE).
 * @param norm Yuan per student per year; default PUBLIC_FUNDS_NORM(level).
 * @returns Yuan per year.
 * @helpurl https://localhost:3000/help/PUBLIC_FUNDS.html
 */
export function PUBLIC_FUNDS(
  students: number,
  level: string,
  boarders?: number,
  special_students?: number,
  small_rural?: boolean,
  norm?: number,
): number {
  try {
    const n = num(students, "students");
    const boarding = optNum(boarders, "boarders", 0);
    const special = optNum(special_students, "special_students", 0);
    const smallRural = optBool(small_rural, "small_rural");
    const lvl = levelText(level);
    const given = optNumOrNull(norm, "norm");
    if (given !== null) levelOf(lvl); // a given norm still needs a valid level
    const rate = given ?? normOf(lvl, null);
    return finiteOut(publicFunds({ students: n, boarders: boarding, special, smallRural, norm: rate }, P));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Gross preschool enrollment rate: enrolled children divided by the population aged 3–5.
 * @customfunction ENROLLMENT_RATE
 * @param enrolled Children enrolled in kindergartens.
 * @param population Population aged 3–5.
 * @returns The rate as a fraction (it may exceed 1).
 * @helpurl https://localhost:3000/help/ENROLLMENT_RATE.html
 */
export function ENROLLMENT_RATE(enrolled: number, population: number): number {
  try {
    return finiteOut(enrollmentRate(num(enrolled, "enrolled"), num(population, "population")));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Kindergarten places still needed to reach a target enrollment rate.
 * @customfunction PLACES_NEEDED
 * @param target_rate Target rate as a fraction (0.9 is 90 %).
 * @param population Population aged 3–5.
 * @param enrolled Children enrolled now.
 * @returns max(0, ceil(target_rate × population) − enrolled).
 * @helpurl https://localhost:3000/help/PLACES_NEEDED.html
 */
export function PLACES_NEEDED(target_rate: number, population: number, enrolled: number): number {
  try {
    return finiteOut(
      placesNeeded(num(target_rate, "target_rate"), num(population, "population"), num(enrolled, "enrolled")),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Places of a kindergarten from its classes: 25 per small, 30 per middle, 35 per large, 30 per mixed class.
 * @customfunction KG_CAPACITY
 * @param small_classes Number of small classes (小班).
 * @param middle_classes Number of middle classes (中班).
 * @param large_classes Number of large classes (大班).
 * @param mixed_classes Number of mixed-age classes (混龄), default 0.
 * @returns Number of places.
 * @helpurl https://localhost:3000/help/KG_CAPACITY.html
 */
export function KG_CAPACITY(
  small_classes: number,
  middle_classes: number,
  large_classes: number,
  mixed_classes?: number,
): number {
  try {
    return finiteOut(
      kgCapacity(
        P,
        num(small_classes, "small_classes"),
        num(middle_classes, "middle_classes"),
        num(large_classes, "large_classes"),
        optNum(mixed_classes, "mixed_classes", 0),
      ),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Difference between a stated total and the sum of its parts, rounded to 2 decimals.
 * @customfunction RECONCILE
 * @param stated_total The total as stated.
 * @param parts The parts; empty cells are skipped.
 * @returns stated_total − SUM(parts); 0 means the parts reconcile.
 * @helpurl https://localhost:3000/help/RECONCILE.html
 */
export function RECONCILE(stated_total: number, parts: any[][]): number {
  try {
    const total = num(stated_total, "stated_total");
    return finiteOut(reconcile(total, flatten(matrix(parts, "parts"))));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Spills a repayment plan: each year pays the earliest unpaid steps up to its capacity.
 * @customfunction REPAY_SCHEDULE
 * @param amounts Amount of each step, in priority order (a column).
 * @param capacity What can be repaid each year (a row).
 * @returns Steps × (years + 1): what each year pays on each step; the last column is what stays unpaid.
 * @helpurl https://localhost:3000/help/REPAY_SCHEDULE.html
 */
export function REPAY_SCHEDULE(amounts: any[][], capacity: any[][]): any[][] {
  try {
    return checkedRows(repaySchedule(vector(amounts, "amounts"), vector(capacity, "capacity")));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Allowance cost for the months paid this year: people × monthly rate × (13 − start month).
 * @customfunction ALLOWANCE
 * @param people Number of people paid.
 * @param monthly_rate Yuan per person per month.
 * @param start_month First month paid, 1–12 (default 1; from September, 9, pays 4 months).
 * @returns Yuan for the year.
 * @helpurl https://localhost:3000/help/ALLOWANCE.html
 */
export function ALLOWANCE(people: number, monthly_rate: number, start_month?: number): number {
  try {
    const n = num(people, "people");
    const rate = num(monthly_rate, "monthly_rate");
    return finiteOut(allowance(n, rate, optNum(start_month, "start_month", 1)));
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Yearly cost of the student nutrition plan: students × yuan per day × days.
 * @customfunction NUTRITION_COST
 * @param students Number of students.
 * @param yuan_per_day Yuan per student per day (default 5).
 * @param days School days per year (default 200).
 * @returns Yuan per year.
 * @helpurl https://localhost:3000/help/NUTRITION_COST.html
 */
export function NUTRITION_COST(students: number, yuan_per_day?: number, days?: number): number {
  try {
    return finiteOut(
      nutritionCost(
        num(students, "students"),
        optNum(yuan_per_day, "yuan_per_day", P.values["nutrition.yuan_per_day"].value),
        optNum(days, "days", P.values["nutrition.days"].value),
      ),
    );
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Spills balanced class numbers for new students (S-shape by score and gender, then balanced means).
 * @customfunction ASSIGN_CLASSES
 * @param scores One score per student (a column); all empty for grade 1, which is placed at random.
 * @param classes Number of classes.
 * @param genders Gender of each student (男/女 or M/F), same shape as scores.
 * @param seed Random seed for ties and grade 1 (default 1); the same seed gives the same result.
 * @returns A column of class numbers 1…classes, one per student.
 * @helpurl https://localhost:3000/help/ASSIGN_CLASSES.html
 */
export function ASSIGN_CLASSES(scores: any[][], classes: number, genders?: any[][], seed?: number): any[][] {
  try {
    const s = vector(scores, "scores");
    const k = num(classes, "classes");
    const g = genderList(genders, s.length);
    return assignClasses(s, k, g, optNum(seed, "seed", 1)).map((c) => [c]);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * Spills how balanced a class assignment is: largest size gap, per-gender count gap, and mean-score gap.
 * @customfunction CLASS_BALANCE
 * @param assignments Class number of each student (a column).
 * @param scores Score of each student, same shape; empty cells are skipped in the means.
 * @param genders Gender of each student (男/女 or M/F), same shape.
 * @returns One row: size gap, gender gap, mean-score gap.
 * @helpurl https://localhost:3000/help/CLASS_BALANCE.html
 */
export function CLASS_BALANCE(assignments: any[][], scores: any[][], genders?: any[][]): any[][] {
  try {
    const a = vector(assignments, "assignments").map((c) => {
      if (c === null) throw new RuleError("value", "assignments: a class number for every student");
      return c;
    });
    const s = vector(scores, "scores");
    const r = classBalance(a, s, genderList(genders, a.length));
    return checkedRows([[r.sizeGap, r.genderGap, r.meanGap]]);
  } catch (e) {
    throw toExcelError(e);
  }
}

/**
 * A value of the built-in policy pack, such as POLICY("dropout.primary").
 * @customfunction POLICY
 * @param key Policy key, e.g. "dropout.primary", "class_size.junior", "preschool.target_rate".
 * @returns The policy value (rates as fractions).
 * @helpurl https://localhost:3000/help/POLICY.html
 */
export function POLICY(key: string): number {
  try {
    return policyOf(text(key, "key", 'a policy key such as "dropout.primary"'));
  } catch (e) {
    throw toExcelError(e);
  }
}
