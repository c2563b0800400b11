import { invalidArgument } from "./errors";
import { finite, result, round2, roundHalfAway } from "./validate";

/** stated_total − Σ parts, rounded to 2 decimals; 0 means the parts reconcile. Empty (null) parts are skipped. */
export function reconcile(statedTotal: number, parts: readonly (number | null)[]): number {
  let sum = 0;
  for (const part of parts) if (part !== null) sum += finite(part, "parts");
  return round2(result(finite(statedTotal, "stated_total") - sum, "parts"));
}

/** Decimals a reconciliation is decided to: a difference under half a cent (of 万元 or 元) agrees. */
export const RECONCILE_DIGITS = 2;

/** Whether a reconciliation's difference (stated − Σ parts) agrees: it rounds to 0 at RECONCILE_DIGITS decimals. */
export function reconciles(difference: number): boolean {
  return roundHalfAway(difference, RECONCILE_DIGITS) === 0;
}

/** Money is scheduled in whole cents: amounts up to this many (万)元 stay exact in a double. */
export const MAX_AMOUNT = 1e11;

function cents(x: number | null, arg: string): number {
  if (x === null) return 0;
  if (!(x >= 0 && x <= MAX_AMOUNT)) throw invalidArgument(arg, `numbers from 0 to ${MAX_AMOUNT}`);
  return Math.round(x * 100);
}

/**
 * Repayment plan: each year pays the earliest unpaid steps up to its capacity. Returns steps × (years + 1):
 * cell [i][y] is what year y pays on step i; the last column is what stays unpaid. Empty cells count 0.
 */
export function repaySchedule(
  amounts: readonly (number | null)[],
  capacities: readonly (number | null)[],
): number[][] {
  if (amounts.length === 0) throw invalidArgument("amounts", "at least one step");
  if (capacities.length === 0) throw invalidArgument("capacity", "at least one year");
  const owed = amounts.map((a) => cents(a, "amounts"));
  const caps = capacities.map((c) => cents(c, "capacity"));
  const paid = owed.map(() => caps.map(() => 0));
  let step = 0;
  caps.forEach((cap, year) => {
    let left = cap;
    while (left > 0 && step < owed.length) {
      const pay = Math.min(left, owed[step] ?? 0);
      (paid[step] as number[])[year] = pay;
      owed[step] = (owed[step] ?? 0) - pay;
      left -= pay;
      if (owed[step] === 0) step++;
    }
  });
  return paid.map((row, i) => [...row, owed[i] ?? 0].map((c) => c / 100));
}

// The workbook's formula for this rule (its Excel twin), written from cell references.

/** reconcile as a formula: ROUND(stated − SUM(parts), 2); parts are references or ranges. */
export function reconcileFormula(statedTotal: string, parts: readonly string[]): string {
  return `ROUND(${statedTotal}-SUM(${parts.join(",")}),${RECONCILE_DIGITS})`;
}

/** reconciles as a formula of the difference cell. */
export function reconcilesFormula(difference: string): string {
  return `ROUND(${difference},${RECONCILE_DIGITS})=0`;
}

/**
 * One cell of repaySchedule as a formula, laid out as its result (steps down, years across): what a year pays on a
 * step, ROUND(MIN(still owed, room left), 2). Still owed is the amount less what the earlier years paid on the step
 * (`paidInEarlierYears`, a range of this row; null in the first year); room left is MAX(0, the year's capacity less
 * what the earlier steps took that year (`paidOnEarlierSteps`, a range of this column; null for the first step)).
 */
export function repayFormula(
  amount: string,
  paidInEarlierYears: string | null,
  capacity: string,
  paidOnEarlierSteps: string | null,
): string {
  const owed = paidInEarlierYears === null ? amount : `${amount}-SUM(${paidInEarlierYears})`;
  const room =
    paidOnEarlierSteps === null ? `MAX(0,${capacity})` : `MAX(0,${capacity}-SUM(${paidOnEarlierSteps}))`;
  return `ROUND(MIN(${owed},${room}),2)`;
}

/** repaySchedule's last column as a formula: what stays unpaid of a step after every year's payment. */
export function unpaidFormula(amount: string, paid: string): string {
  return `ROUND(${amount}-SUM(${paid}),2)`;
}
