/**
 * Rules in force in a year: a dated table is a list of rows, each in force from its start year until the next row
 * of the same rule starts. The value in force in a year is the latest row whose start year is ≤ that year.
 */
import { invalidArgument } from "./errors";

/** The years a `year` argument accepts: a calendar year, not a date serial (use YEAR() on a date). */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 9999;

/** A budget year: a whole number from 1900 to 9999. */
export function budgetYear(year: number, arg = "year"): number {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX) {
    throw invalidArgument(
      arg,
      `a whole year from ${YEAR_MIN} to ${YEAR_MAX}, such as 2014 (YEAR() of a date)`,
    );
  }
  return year;
}

/** The row in force in `year` among rows sorted by start year (`from`), or undefined before the first one. */
export function rowInForce<R extends { readonly from: number }>(
  rows: readonly R[],
  year: number,
): R | undefined {
  let found: R | undefined;
  for (const row of rows) {
    if (row.from > year) break;
    found = row;
  }
  return found;
}
