/**
 * Targets with a due year. A target set in a start year and due in a later year is reached in equal yearly steps:
 * by the end of year y the share (y − start + 1) / (due − start + 1) of the way is done (0 before the start, 1 from
 * the due year on). A target due in (or before) the year it is checked in is the whole way in that year.
 */
import { ceilClean, ceilCleanFormula, result } from "./validate";
import { invalidArgument } from "./errors";

function wholeYear(x: number, arg: string): number {
  if (!Number.isInteger(x)) throw invalidArgument(arg, "a whole year");
  return x;
}

/** The share of the way to a target done by the end of `year`, for a target started in `start` and due in `due`. */
export function trajectoryShare(start: number, due: number, year: number): number {
  wholeYear(start, "start_year");
  wholeYear(due, "due_year");
  wholeYear(year, "year");
  const from = Math.min(start, due);
  return Math.min(1, Math.max(0, (year - from + 1) / (due - from + 1)));
}

/** trajectoryShare as a formula of the cells (or names) of the start year, due year and year. */
export function trajectoryShareFormula(start: string, due: string, year: string): string {
  return `MIN(1,MAX(0,(${year}-MIN(${start},${due})+1)/(${due}-MIN(${start},${due})+1)))`;
}

/**
 * How many of `total` must meet a target rate by the end of a year on the trajectory: ceil(rate × total × share),
 * binary noise ignored (0.8 × 10 = 8 stays 8).
 */
export function requiredOnTrajectory(rate: number, total: number, share: number): number {
  if (!(rate >= 0)) throw invalidArgument("rate", "a rate of 0 or more");
  if (!(total >= 0)) throw invalidArgument("total", "a number of 0 or more");
  if (!(share >= 0 && share <= 1)) throw invalidArgument("share", "a share from 0 to 1");
  return ceilClean(result(rate * total * share, "total"));
}

/** requiredOnTrajectory as a formula. */
export function requiredOnTrajectoryFormula(rate: string, total: string, share: string): string {
  return ceilCleanFormula(`${rate}*${total}*${share}`);
}
