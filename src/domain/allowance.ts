import { nonNegative, result, wholeInRange } from "./validate";

/** people × monthly rate × months paid this year, from startMonth to December (September → 4 months). */
export function allowance(people: number, monthlyRate: number, startMonth = 1): number {
  nonNegative(people, "people");
  nonNegative(monthlyRate, "monthly_rate");
  return result(people * monthlyRate * (13 - wholeInRange(startMonth, "start_month", 1, 12)), "people");
}

/** students × 元 per day × school days (学生营养改善计划). */
export function nutritionCost(students: number, yuanPerDay: number, days: number): number {
  return result(
    nonNegative(students, "students") * nonNegative(yuanPerDay, "yuan_per_day") * nonNegative(days, "days"),
    "students",
  );
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** The months allowance pays in the year, from the start month to December, as a formula. */
export function allowanceMonthsFormula(startMonth: string): string {
  return `13-${startMonth}`;
}

/** allowance as a formula of people, monthly rate and the months cell (allowanceMonthsFormula). */
export function allowanceFormula(people: string, monthlyRate: string, months: string): string {
  return `${people}*${monthlyRate}*${months}`;
}

/** nutritionCost as a formula. */
export function nutritionCostFormula(students: string, yuanPerDay: string, days: string): string {
  return `${students}*${yuanPerDay}*${days}`;
}
