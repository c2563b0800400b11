import type { PolicyPack } from "../policy/types";
import { divisionByZero, invalidArgument, notDefined } from "./errors";
import { LEVEL_ZH, lookupTable, type Level } from "./levels";
import { nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const CV_KEY = {
  basic: { primary: "balance.basic.primary", junior: "balance.basic.junior" },
  quality: { primary: "balance.quality.primary", junior: "balance.quality.junior" },
} as const;

export type BalanceStandard = "basic" | "quality";

const STANDARD_BY_TEXT = lookupTable<BalanceStandard>(
  { basic: "基本", quality: "优质" },
  { basic: "basic", quality: "quality" },
);

/** 基本|basic (default when omitted) or 优质|quality. */
export function parseStandard(text: string | null, argName = "standard"): BalanceStandard {
  if (text === null) return "basic";
  const standard = STANDARD_BY_TEXT.get(text) ?? STANDARD_BY_TEXT.get(text.trim().toLowerCase());
  if (standard) return standard;
  if (text.trim() === "") return "basic";
  throw invalidArgument(argName, "基本|basic or 优质|quality");
}

/**
 * Enrollment-weighted coefficient of variation (§4.3 C): X̄ = ΣPᵢXᵢ/ΣPᵢ, S = sqrt(Σ(Pᵢ/P)(Xᵢ−X̄)²), CV = S/X̄.
 * Pairs with an empty (null) value or enrollment are skipped.
 */
export function balanceCv(
  values: readonly (number | null)[],
  enrollments: readonly (number | null)[],
): number {
  if (values.length !== enrollments.length)
    throw invalidArgument("enrollments", "the same number of cells as values");
  // Plain loops: Excel recalculates this once per indicator and level, over every school of the district.
  const xs: number[] = [];
  const ps: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? null;
    const p = enrollments[i] ?? null;
    if (x === null || p === null) continue;
    xs.push(nonNegative(x, "values"));
    ps.push(nonNegative(p, "enrollments"));
    total += p;
  }
  if (result(total, "enrollments") === 0) throw divisionByZero("enrollments total");
  // Weights Pᵢ/P and deviations relative to the mean keep every term small: no overflow for large inputs.
  let mean = 0;
  for (let i = 0; i < ps.length; i++) mean += ((ps[i] as number) / total) * (xs[i] as number);
  if (result(mean, "values") === 0) throw divisionByZero("values mean");
  let variance = 0;
  for (let i = 0; i < ps.length; i++)
    variance += ((ps[i] as number) / total) * ((xs[i] as number) / mean - 1) ** 2;
  return result(Math.sqrt(variance), "values");
}

/** Composite CV: the arithmetic mean of the indicator CVs (§4.3 C). */
export function compositeCv(cvs: readonly number[]): number {
  if (cvs.length === 0) throw invalidArgument("cvs", "at least one coefficient of variation");
  let sum = 0;
  for (const cv of cvs) sum += nonNegative(cv, "cvs");
  return result(sum / cvs.length, "cvs");
}

/** CV limit of the standard for 小学 or 初中; other levels have none (#N/A). */
export function balanceLimit(pack: PolicyPack, level: Level, standard: BalanceStandard): number {
  if (level !== "primary" && level !== "junior") {
    throw notDefined(`No balance CV limit for ${LEVEL_ZH[level]} (${level}): limits exist for 小学 and 初中`);
  }
  return pack.values[CV_KEY[standard][level]].value;
}

export function balanceCheck(cv: number, limit: number): boolean {
  return nonNegative(cv, "cv") <= nonNegative(limit, "limit");
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.
// balanceCv is written as its working, one step a cell: X̄, each P·(X−X̄)², S, then CV = S/X̄.

/** The enrollment-weighted mean X̄ = ΣPX/ΣP as a formula (#DIV/0! when ΣP is 0). */
export function weightedMeanFormula(values: string, enrollments: string): string {
  return `SUMPRODUCT(${enrollments},${values})/SUM(${enrollments})`;
}

/** One school's weighted squared deviation P·(X−X̄)² as a formula. */
export function weightedDeviationFormula(value: string, enrollment: string, mean: string): string {
  return `${enrollment}*(${value}-${mean})^2`;
}

/** S = √(ΣP(X−X̄)²/ΣP) as a formula over the deviation cells. */
export function weightedSdFormula(deviations: string, enrollments: string): string {
  return `SQRT(SUM(${deviations})/SUM(${enrollments}))`;
}

/** CV = S/X̄ as a formula (#DIV/0! when the mean is 0, as balanceCv). */
export function cvFormula(sd: string, mean: string): string {
  return `${sd}/${mean}`;
}

/** compositeCv as a formula: the mean of the indicator CVs. */
export function compositeCvFormula(cvs: string): string {
  return `AVERAGE(${cvs})`;
}

/** balanceCheck as a formula. */
export function balanceCheckFormula(cv: string, limit: string): string {
  return `${cv}<=${limit}`;
}
