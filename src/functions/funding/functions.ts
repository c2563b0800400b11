/**
 * Funding functions: public funds, preschool places, debts, allowances and the nutrition plan. The JSDoc of each
 * function is its Excel metadata; its zh-CN names and reference help are in ./texts.ts. Defaults come from the
 * built-in "edu-default" policy pack.
 */
import { allowance, nutritionCost } from "../../domain/allowance";
import { reconcile, repaySchedule } from "../../domain/debt";
import { enrollmentRate, kgCapacityWith, kgClassSizes, placesNeeded } from "../../domain/preschool";
import { budgetYear } from "../../domain/dated";
import {
  parseRegion,
  publicFundsNorm,
  publicFundsNormInYear,
  publicFundsRates,
  publicFundsWith,
} from "../../domain/publicFunds";
import { EDU_DEFAULT as P } from "../../policy/packs";
import {
  excel,
  excelRange,
  flatten,
  matrix,
  memoByText,
  memoByTexts,
  num,
  optBool,
  optNum,
  optNumOrNull,
  optText,
  vector,
} from "../adapter";
import { levelOf, levelText } from "../levels";

const REGION_TEXT = "中西部|central_west or 东部|east";

// The pack is immutable: its figures are read once here, not on every cell's call.
const KG_SIZES = kgClassSizes(P);
const FUNDS_RATES = publicFundsRates(P);
const NUTRITION_YUAN_PER_DAY = P.values["nutrition.yuan_per_day"].value;
const NUTRITION_DAYS = P.values["nutrition.days"].value;

const normOf = memoByTexts((l: string, r: string | null) =>
  publicFundsNorm(P, levelOf(l), parseRegion(r, "region")),
);
/** The norm of the default region (PUBLIC_FUNDS has no region argument): one Map probe instead of two. */
const defaultNormOf = memoByText((l: string) => normOf(l, null));

/**
 * Per-student public-funds baseline in yuan per year, as in force in a year (rural schools only before 2016).
 * @customfunction PUBLIC_FUNDS_NORM
 * @param level School level: 小学|primary or 初中|junior.
 * @param region 中西部|central_west (default) or 东部|east.
 * @param year Year whose national baseline applies (default: the baseline in force now, POLICY keys public_funds.central_west.* and public_funds.east.*).
 * @returns Yuan per student per year; #N/A for a year before the first national baseline.
 * @helpurl https://localhost:3000/help/PUBLIC_FUNDS_NORM.html
 */
export function PUBLIC_FUNDS_NORM(level: string, region?: string, year?: number): number {
  return excel(() => {
    const lvl = levelText(level);
    const reg = optText(region, "region", REGION_TEXT);
    const y = optNumOrNull(year, "year");
    if (y === null) return normOf(lvl, reg);
    return publicFundsNormInYear(levelOf(lvl), parseRegion(reg, "region"), budgetYear(y));
  });
}

/**
 * A school's yearly public funds, with the small-school floor, special-needs and boarder rates.
 * @customfunction PUBLIC_FUNDS
 * @param students Number of students.
 * @param level School level: 小学|primary or 初中|junior.
 * @param boarders Boarding students (default 0), each funded at the boarder rate on top.
 * @param special_students Special-needs students (default 0), funded at the special-needs rate instead of the norm.
 * @param small_rural TRUE for a small rural school: below the small-school floor it counts as the floor (default FALSE).
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
  return excel(() => {
    const n = num(students, "students");
    const boarding = optNum(boarders, "boarders", 0);
    const special = optNum(special_students, "special_students", 0);
    const smallRural = optBool(small_rural, "small_rural");
    const lvl = levelText(level);
    const given = optNumOrNull(norm, "norm");
    if (given !== null) levelOf(lvl); // a given norm still needs a valid level
    const rate = given ?? defaultNormOf(lvl);
    return publicFundsWith({ students: n, boarders: boarding, special, smallRural, norm: rate }, FUNDS_RATES);
  });
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
  return excel(() => enrollmentRate(num(enrolled, "enrolled"), num(population, "population")));
}

/**
 * Kindergarten places still needed to reach a target enrollment rate.
 * @customfunction PLACES_NEEDED
 * @param target_rate Target rate as a fraction (0.85 is 85 %; the built-in target is POLICY("preschool.target_rate")).
 * @param population Population aged 3–5.
 * @param enrolled Children enrolled now.
 * @returns max(0, ceil(target_rate × population) − enrolled).
 * @helpurl https://localhost:3000/help/PLACES_NEEDED.html
 */
export function PLACES_NEEDED(target_rate: number, population: number, enrolled: number): number {
  return excel(() =>
    placesNeeded(num(target_rate, "target_rate"), num(population, "population"), num(enrolled, "enrolled")),
  );
}

/**
 * Places of a kindergarten from its classes, each class type at its standard size (CLASS_SIZE of 小班, 中班, 大班, 混龄).
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
  return excel(() =>
    kgCapacityWith(
      KG_SIZES,
      num(small_classes, "small_classes"),
      num(middle_classes, "middle_classes"),
      num(large_classes, "large_classes"),
      optNum(mixed_classes, "mixed_classes", 0),
    ),
  );
}

/**
 * Difference between a stated total and the sum of its parts, rounded to 2 decimals.
 * @customfunction RECONCILE
 * @param stated_total The total as stated.
 * @param parts The parts; empty cells are skipped.
 * @returns stated_total − SUM(parts); 0 means the parts reconcile.
 * @helpurl https://localhost:3000/help/RECONCILE.html
 */
export function RECONCILE(stated_total: number, parts: unknown[][]): number {
  return excel(() => reconcile(num(stated_total, "stated_total"), flatten(matrix(parts, "parts"))));
}

/**
 * Spills a repayment plan: each year pays the earliest unpaid steps up to its capacity.
 * @customfunction REPAY_SCHEDULE
 * @param amounts Amount of each step, in priority order (a column).
 * @param capacity What can be repaid each year (a row).
 * @returns Steps × (years + 1): what each year pays on each step; the last column is what stays unpaid.
 * @helpurl https://localhost:3000/help/REPAY_SCHEDULE.html
 */
export function REPAY_SCHEDULE(amounts: unknown[][], capacity: unknown[][]): unknown[][] {
  return excelRange(() => repaySchedule(vector(amounts, "amounts"), vector(capacity, "capacity")));
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
  return excel(() => {
    const n = num(people, "people");
    const rate = num(monthly_rate, "monthly_rate");
    return allowance(n, rate, optNum(start_month, "start_month", 1));
  });
}

/**
 * Yearly cost of the student nutrition plan: students × yuan per day × days.
 * @customfunction NUTRITION_COST
 * @param students Number of students.
 * @param yuan_per_day Yuan per student per day (default POLICY("nutrition.yuan_per_day")).
 * @param days School days per year (default POLICY("nutrition.days")).
 * @returns Yuan per year.
 * @helpurl https://localhost:3000/help/NUTRITION_COST.html
 */
export function NUTRITION_COST(students: number, yuan_per_day?: number, days?: number): number {
  return excel(() =>
    nutritionCost(
      num(students, "students"),
      optNum(yuan_per_day, "yuan_per_day", NUTRITION_YUAN_PER_DAY),
      optNum(days, "days", NUTRITION_DAYS),
    ),
  );
}
