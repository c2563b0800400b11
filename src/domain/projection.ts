/**
 * Enrollment projection by grade progression (年级升级比例法, budget reference §8): the ratio of each grade to the
 * grade below it a year earlier, the projection of enrollment by grade from those ratios and the yearly intake, and
 * the entry rate from births. Grades are columns in school order; years are rows, oldest first.
 */
import { divisionByZero, invalidArgument, RuleError } from "./errors";
import { result } from "./validate";

/** A cell of a range: a number, or null for a cell that is empty or not a number. */
export type Cell = number | null;

/** A ratio, or the error of its column alone (no pair of numbers, or a zero denominator). */
export type RatioCell = number | RuleError;

function enrollment(x: number, arg: string): number {
  if (!(x >= 0) || x === Infinity) throw invalidArgument(arg, "enrollments are numbers ≥ 0");
  return x;
}

/**
 * r(g) = Σₜ E(g+1, t+1) / Σₜ E(g, t) over every pair of consecutive years where both cells are numbers, for
 * g = 1 … grades − 1. A cell that is not a number drops only the pairs it is in; a grade left with no pair or with a
 * zero denominator gets a #DIV/0! error in its own column, the other columns keep their ratios.
 */
export function progressionRatios(history: readonly (readonly Cell[])[]): RatioCell[] {
  const years = history.length;
  const grades = history[0]?.length ?? 0;
  if (years < 2 || grades < 2 || history.some((row) => row.length !== grades)) {
    throw invalidArgument("history", "years × grades, at least 2 rows (years) and 2 columns (grades)");
  }
  for (const row of history) for (const cell of row) if (cell !== null) enrollment(cell, "history");
  const ratios: RatioCell[] = [];
  for (let g = 0; g + 1 < grades; g++) {
    let numerator = 0;
    let denominator = 0;
    let pairs = 0;
    for (let t = 0; t + 1 < years; t++) {
      const from = (history[t] as readonly Cell[])[g] ?? null;
      const to = (history[t + 1] as readonly Cell[])[g + 1] ?? null;
      if (from === null || to === null) continue;
      denominator += from;
      numerator += to;
      pairs++;
    }
    if (pairs === 0)
      ratios.push(new RuleError("div0", `history: grade ${g + 1} has no two years with numbers`));
    else if (denominator === 0) ratios.push(divisionByZero(`history: the enrollment of grade ${g + 1}`));
    else ratios.push(result(numerator / denominator, "history"));
  }
  return ratios;
}

/**
 * Enrollment by grade for the years T+1 … T+n: E(1, T+k) = entrants(k), E(g+1, T+k) = E(g, T+k−1) × r(g), starting
 * from E(·, T) = current. Returns n rows × grades, not rounded.
 */
export function projectEnrollment(
  current: readonly number[],
  ratios: readonly number[],
  entrants: readonly number[],
): number[][] {
  const grades = current.length;
  if (grades < 2) throw invalidArgument("current", "one row of enrollment by grade, at least 2 grades");
  if (ratios.length !== grades - 1) {
    throw invalidArgument(
      "ratios",
      `one row of grades − 1 = ${grades - 1} ratios (current has ${grades} grades)`,
    );
  }
  if (entrants.length === 0) throw invalidArgument("entrants", "first-grade intake for at least one year");
  for (const x of current) enrollment(x, "current");
  for (const r of ratios) if (!(r >= 0) || r === Infinity) throw invalidArgument("ratios", "numbers ≥ 0");
  for (const x of entrants) enrollment(x, "entrants");
  const rows: number[][] = [];
  let previous = current;
  for (const intake of entrants) {
    const next = new Array<number>(grades);
    next[0] = intake;
    for (let g = 1; g < grades; g++) {
      next[g] = result((previous[g - 1] as number) * (ratios[g - 1] as number), "current");
    }
    rows.push(next);
    previous = next;
  }
  return rows;
}

/** Σ entrants / Σ births over the pairs where both cells are numbers (α of §8: intake per birth of its cohort). */
export function entryRate(entrants: readonly Cell[], births: readonly Cell[]): number {
  if (entrants.length !== births.length)
    throw invalidArgument("births", "a range of the same shape as entrants");
  for (const e of entrants) if (e !== null) enrollment(e, "entrants");
  for (const b of births) if (b !== null) enrollment(b, "births");
  let admitted = 0;
  let born = 0;
  for (let i = 0; i < entrants.length; i++) {
    const e = entrants[i] ?? null;
    const b = births[i] ?? null;
    if (e === null || b === null) continue;
    admitted += e;
    born += b;
  }
  if (born === 0) throw divisionByZero("births (the sum over the pairs with numbers)");
  return result(admitted / born, "entrants");
}

// The workbook's formula for one projection step (its Excel twin), written from cell references.

/** One projected cell, E(g+1, T+k) = E(g, T+k−1) × r(g), from the cell of the grade below a year earlier. */
export function projectionStepFormula(lowerGradeYearBefore: string, ratio: string): string {
  return `${lowerGradeYearBefore}*${ratio}`;
}

/**
 * progressionRatios' cell for one grade as a formula (PROGRESSION_RATIO's twin for a history without gaps): the sum
 * of the upper grade in the later years over the sum of the lower grade in the earlier years (#DIV/0! for a zero sum).
 */
export function progressionRatioFormula(upperLaterYears: string, lowerEarlierYears: string): string {
  return `SUM(${upperLaterYears})/SUM(${lowerEarlierYears})`;
}

/** entryRate as a formula (ENTRY_RATE's twin for ranges without gaps): Σ entrants / Σ births of their cohorts. */
export function entryRateFormula(entrants: string, births: string): string {
  return `SUM(${entrants})/SUM(${births})`;
}
