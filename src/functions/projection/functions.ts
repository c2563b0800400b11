/**
 * Enrollment projection by grade progression: the progression ratios of an enrollment history, the projected
 * enrollment by grade, and the entry rate of first graders per birth. Grades are columns in school order; years are
 * rows, oldest first. The JSDoc of each function is its Excel metadata; its zh-CN names and reference help are in
 * ./texts.ts.
 */
import { RuleError } from "../../domain/errors";
import { entryRate, progressionRatios, projectEnrollment } from "../../domain/projection";
import {
  excel,
  excelRange,
  excelRangeWithErrors,
  flatten,
  numberRow,
  numbersOrGaps,
  vector,
} from "../adapter";

/**
 * Spills the grade progression ratios of an enrollment history: each grade a year later over the grade below it.
 * @customfunction PROGRESSION_RATIO
 * @param history Enrollment by year (rows, oldest first) and grade (columns in school order), at least 2 × 2; cells that are not numbers are skipped.
 * @returns One row of grades − 1 ratios r(g) = Σ E(g+1, t+1) / Σ E(g, t); a grade without a pair of numbers gives #DIV/0! in its column.
 * @helpurl https://localhost:3000/help/PROGRESSION_RATIO.html
 */
export function PROGRESSION_RATIO(history: unknown[][]): unknown[][] {
  return excelRangeWithErrors(() => [progressionRatios(numbersOrGaps(history, "history"))]);
}

/**
 * Spills enrollment by grade for the coming years from this year's enrollment, the progression ratios and the intake.
 * @customfunction PROJECT_ENROLLMENT
 * @param current Enrollment by grade in year T (one row).
 * @param ratios Progression ratio of each grade to the next (one row of grades − 1 cells, e.g. from PROGRESSION_RATIO).
 * @param entrants First-grade intake for the years T+1 … T+n (a row or column).
 * @returns n rows × grades: E(1, T+k) = entrants(k), E(g+1, T+k) = E(g, T+k−1) × r(g); not rounded.
 * @helpurl https://localhost:3000/help/PROJECT_ENROLLMENT.html
 */
export function PROJECT_ENROLLMENT(
  current: unknown[][],
  ratios: unknown[][],
  entrants: unknown[][],
): unknown[][] {
  return excelRange(() => {
    const now = numberRow(current, "current", "enrollment by grade");
    const r = numberRow(ratios, "ratios", "the progression ratio of each grade but the last");
    const intake = vector(entrants, "entrants").map((x) => {
      if (x === null) throw new RuleError("value", "entrants: a number for every year");
      return x;
    });
    return projectEnrollment(now, r, intake);
  });
}

/**
 * First graders per birth of their cohort: Σ entrants / Σ births over the pairs where both cells are numbers.
 * @customfunction ENTRY_RATE
 * @param entrants First-grade intake of each year.
 * @param births Births of each intake's birth year, same shape as entrants.
 * @returns The entry rate as a fraction.
 * @helpurl https://localhost:3000/help/ENTRY_RATE.html
 */
export function ENTRY_RATE(entrants: unknown[][], births: unknown[][]): number {
  return excel(() => {
    const e = numbersOrGaps(entrants, "entrants");
    const b = numbersOrGaps(births, "births");
    if (e.length !== b.length || (e[0] as unknown[]).length !== (b[0] as unknown[]).length) {
      throw new RuleError("value", "births: a range of the same shape as entrants");
    }
    return entryRate(flatten(e), flatten(b));
  });
}
