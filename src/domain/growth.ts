import { divisionByZero, invalidArgument } from "./errors";
import { finite, nonNegative, result } from "./validate";

/** current/prior − 1. A zero prior is #DIV/0!; a negative prior makes a growth rate meaningless. */
export function growth(prior: number, current: number, priorArg = "prior", currentArg = "current"): number {
  if (finite(prior, priorArg) < 0)
    throw invalidArgument(priorArg, "a number > 0 (a growth rate needs a positive base)");
  if (prior === 0) throw divisionByZero(priorArg);
  return result(finite(current, currentArg) / prior - 1, currentArg);
}

export type GrowthTest = "G1" | "G2" | "G3 public funds" | "G3 pay";

export interface GrowthRow {
  readonly test: GrowthTest;
  /** The test's name as the spec names it (G1, G2, G3 public funds, G3 pay): the same in every language. */
  readonly label: string;
  readonly achieved: number;
  readonly required: number;
  readonly pass: boolean;
}

const ITEMS = [
  "appropriation",
  "revenue",
  "per-student expenditure",
  "per-student public funds",
  "pay",
] as const;

/**
 * The three statutory growths (§4.1). prior/current: education appropriation, recurring fiscal revenue,
 * per-student education expenditure, per-student public funds, optionally average staff pay.
 */
export function threeGrowth(prior: readonly number[], current: readonly number[]): GrowthRow[] {
  if (prior.length !== 4 && prior.length !== 5) throw invalidArgument("prior", "4 or 5 numbers");
  if (current.length !== prior.length)
    throw invalidArgument("current", `as many cells as prior (${prior.length})`);
  const g = (i: number): number =>
    growth(prior[i] ?? NaN, current[i] ?? NaN, `prior ${ITEMS[i]}`, `current ${ITEMS[i]}`);
  const rising = (test: GrowthTest, i: number): GrowthRow => {
    const achieved = g(i);
    return { test, label: test, achieved, required: 0, pass: (current[i] ?? 0) > (prior[i] ?? 0) };
  };
  const g1 = g(0);
  const g1Required = g(1);
  const rows: GrowthRow[] = [
    {
      test: "G1",
      label: "G1",
      achieved: g1,
      required: g1Required,
      pass: g1 > g1Required,
    },
    rising("G2", 2),
    rising("G3 public funds", 3),
  ];
  if (prior.length === 5) rows.push(rising("G3 pay", 4));
  return rows;
}

/** 两个只增不减: total and per-student education spending do not fall. */
export function onlyIncrease(
  priorTotal: number,
  currentTotal: number,
  priorPerStudent: number,
  currentPerStudent: number,
): boolean {
  nonNegative(priorTotal, "prior_total");
  nonNegative(currentTotal, "current_total");
  nonNegative(priorPerStudent, "prior_per_student");
  nonNegative(currentPerStudent, "current_per_student");
  return currentTotal >= priorTotal && currentPerStudent >= priorPerStudent;
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** growth as a formula: current/prior − 1 (#DIV/0! for a zero prior; the workbook's figures are ≥ 0). */
export function growthFormula(prior: string, current: string): string {
  return `${current}/${prior}-1`;
}

/** G1's pass as a formula: the appropriation's growth above the revenue's (both growth cells). */
export function outgrowsFormula(achieved: string, required: string): string {
  return `${achieved}>${required}`;
}

/** G2's and G3's pass as a formula: the figure rises from prior to current. */
export function risesFormula(prior: string, current: string): string {
  return `${current}>${prior}`;
}

/** onlyIncrease as a formula: neither the total nor the per-student figure falls. */
export function onlyIncreaseFormula(
  priorTotal: string,
  currentTotal: string,
  priorPerStudent: string,
  currentPerStudent: string,
): string {
  return `AND(${currentTotal}>=${priorTotal},${currentPerStudent}>=${priorPerStudent})`;
}
