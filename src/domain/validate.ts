import { divisionByZero, invalidArgument } from "./errors";

/** Argument checks shared by the rules: each names the argument and what it accepts. */
export function finite(x: number, arg: string): number {
  if (!Number.isFinite(x)) throw invalidArgument(arg, "a finite number");
  return x;
}

export function nonNegative(x: number, arg: string): number {
  if (!(x >= 0) || x === Infinity) throw invalidArgument(arg, "a number ≥ 0");
  return x;
}

/** A divisor: negative is invalid, zero is #DIV/0!. */
export function divisor(x: number, arg: string): number {
  if (nonNegative(x, arg) === 0) throw divisionByZero(arg);
  return x;
}

export function wholeInRange(x: number, arg: string, min: number, max: number): number {
  if (!Number.isInteger(x) || x < min || x > max)
    throw invalidArgument(arg, `a whole number from ${min} to ${max}`);
  return x;
}

/** A result that overflowed means the inputs were too large for the rule. */
export function result(x: number, arg: string): number {
  if (!Number.isFinite(x)) throw invalidArgument(arg, "numbers small enough to give a finite result");
  return x;
}

const CEIL_CLEAN_DIGITS = 6;
const CEIL_CLEAN_FACTOR = 10 ** CEIL_CLEAN_DIGITS;

/**
 * ceil that ignores binary noise: 0.55 × 14000 = 7700.000000000001 must give 7700, not 7701. The value is first
 * rounded to 6 decimals, as its formula twin ceilCleanFormula does, so rule and workbook agree on every input.
 */
export function ceilClean(x: number): number {
  // Scaled rounding as ROUND computes it, without roundHalfAway's decimal conversion: this runs per cell.
  const scaled = x < 0 ? -Math.round(-x * CEIL_CLEAN_FACTOR) : Math.round(x * CEIL_CLEAN_FACTOR);
  const up = Math.ceil(scaled / CEIL_CLEAN_FACTOR);
  return up === 0 ? 0 : up;
}

/** ceilClean as a formula: ROUNDUP alone would take 7700.000000000001 up to 7701. */
export function ceilCleanFormula(x: string): string {
  return `ROUNDUP(ROUND(${x},${CEIL_CLEAN_DIGITS}),0)`;
}

/**
 * Round half away from zero to `digits` decimals as Excel's ROUND does: the scaled value is first taken to Excel's 15
 * significant digits, so binary noise (1.005 × 100 = 100.49999999999999) rounds as the decimal it stands for. Never
 * returns -0. The one rounding of the project: rules, sheets and shells all round with it.
 */
export function roundHalfAway(x: number, digits = 0): number {
  const factor = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Number(Math.abs(x * factor).toPrecision(15)))) / factor;
  return r === 0 ? 0 : r;
}

/** Round half away from zero to 2 decimals, as Excel's ROUND(x, 2); never returns -0. */
export function round2(x: number): number {
  return roundHalfAway(x, 2);
}
