import type { PolicyPack } from "../policy/types";
import { notDefined } from "./errors";
import { LEVEL_ZH, type Level } from "./levels";
import { divisor, nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const RATIO_KEY = {
  primary: "staff_ratio.primary",
  junior: "staff_ratio.junior",
  senior: "staff_ratio.senior",
} as const;

/** Students per staff post, 2014 unified urban–rural standard (§4.5). */
export function staffRatio(pack: PolicyPack, level: Level): number {
  if (level === "kindergarten") {
    throw notDefined(
      `No staffing ratio for ${LEVEL_ZH[level]} (${level}): ratios exist for 小学, 初中 and 高中`,
    );
  }
  return pack.values[RATIO_KEY[level]].value;
}

/** students / ratio, not rounded: rounding is a provincial choice. */
export function staffQuota(students: number, ratio: number): number {
  nonNegative(students, "students");
  return result(students / divisor(ratio, "ratio"), "students");
}

// The workbook's formula for this rule (its Excel twin), written from cell references and workbook names.

/** staffQuota as a formula: students / ratio, not rounded (#DIV/0! for a zero ratio). */
export function staffQuotaFormula(students: string, ratio: string): string {
  return `${students}/${ratio}`;
}
