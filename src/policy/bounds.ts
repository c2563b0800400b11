/**
 * The values a policy key can take, in the unit the pack stores (a rate as a fraction: 0.03 is 3 %). A pack file's
 * value outside them is a problem on its cell; every built-in pack's values lie inside them.
 */
import { NATIONAL_TIMELINE } from "./national";
import type { PolicyKey } from "./types";

export interface PolicyBounds {
  readonly min: number;
  /** Absent: no upper bound. */
  readonly max?: number;
  /** The minimum itself is not allowed (students per staff post). */
  readonly above?: boolean;
  /** Whole numbers only (months, days, class sizes, people). */
  readonly whole?: boolean;
}

export const RATE_UNIT = "比率";

/** The most 元 a per-student, per-person or per-day amount can be: far above any norm, below any typo of 万元. */
const MAX_YUAN = 1_000_000;

/** The bounds of a key's values. */
export function policyBounds(key: PolicyKey): PolicyBounds {
  const unit = NATIONAL_TIMELINE.values[key].unit;
  if (unit === RATE_UNIT) return { min: 0, max: 1 };
  if (key === "allowance.start_month") return { min: 1, max: 12, whole: true };
  if (key.startsWith("class_size.") || key.startsWith("class_band."))
    return { min: 1, max: 100, whole: true };
  if (key === "nutrition.days") return { min: 0, max: 366, whole: true };
  // Years from the budget year: 0 is the budget year itself (the nation sets none; its placeholder is 0).
  if (key === "merger.deadline_years") return { min: 0, max: 50, whole: true };
  // A floor of 0 is no floor: the rule before 2016 (按100人核定 dates from 国发〔2015〕67号).
  if (key === "public_funds.small_school_floor") return { min: 0, max: 100_000, whole: true };
  if (unit === "人") return { min: 1, max: 100_000, whole: true };
  if (key.startsWith("staff_ratio.")) return { min: 0, max: 1_000, above: true };
  return { min: 0, max: MAX_YUAN };
}

/** Whether a value lies within a key's bounds. */
export function withinBounds(key: PolicyKey, value: number): boolean {
  const { min, max, above, whole } = policyBounds(key);
  if (!Number.isFinite(value)) return false;
  if (whole && !Number.isInteger(value)) return false;
  if (above ? value <= min : value < min) return false;
  return max === undefined || value <= max;
}

/** The bounds as a sentence: [zh, en]. */
export function boundsText(key: PolicyKey): [string, string] {
  const { min, max, above, whole } = policyBounds(key);
  const unit = NATIONAL_TIMELINE.values[key].unit;
  if (unit === RATE_UNIT)
    return [
      `0 到 1 之间的小数(比率:0.03 即 3%,也可写 3%)`,
      `a fraction from 0 to 1 (a rate: 0.03 is 3 %; "3%" also works)`,
    ];
  const kindZh = whole ? "整数" : "数";
  const kindEn = whole ? "a whole number" : "a number";
  const lowZh = above ? `大于 ${min}` : `${min} 或以上`;
  const lowEn = above ? `above ${min}` : `${min} or more`;
  const range = (zh: string, en: string): [string, string] => [
    `${zh}的${kindZh}(${unit})`,
    `${kindEn} ${en} (${unit})`,
  ];
  if (max === undefined) return range(lowZh, lowEn);
  return above
    ? range(`大于 ${min}、至多 ${max}`, `above ${min} and at most ${max}`)
    : range(`${min} 到 ${max}`, `from ${min} to ${max}`);
}

/** Keys that are targets: only they take a due year. */
export function isTargetKey(key: PolicyKey): boolean {
  return key.endsWith(".target_rate");
}
