/**
 * Policy values as the user edits them: rates (unit 比率) are typed as percentages (3 means 3 %) and stored as
 * fractions; every key has sane bounds, so a typo cannot reach the preview or the workbook.
 */
import type { PolicyKey } from "../policy/types";
import type { StringKey } from "./i18n";

export const RATE_UNIT = "比率";

export const isRate = (unit: string): boolean => unit === RATE_UNIT;

/** Bounds in the unit the user types (percent for rates). */
export interface Bounds {
  readonly min: number;
  readonly max?: number;
  /** The minimum itself is not allowed (ratios, sizes). */
  readonly above?: boolean;
  readonly whole?: boolean;
}

export function boundsOf(key: PolicyKey, unit: string): Bounds {
  if (isRate(unit)) return { min: 0, max: 100 };
  if (key === "allowance.start_month") return { min: 1, max: 12, whole: true };
  if (key.startsWith("class_size.") || key.startsWith("class_band."))
    return { min: 1, max: 100, whole: true };
  if (key === "nutrition.days") return { min: 0, max: 366, whole: true };
  if (unit === "人") return { min: 1, max: 100_000, whole: true };
  if (key.startsWith("staff_ratio.")) return { min: 0, max: 1_000, above: true };
  // Money: 元 per student or per person.
  return { min: 0 };
}

/** The value as shown in the input: a rate 0.03 as "3". */
export function displayValue(value: number, unit: string): string {
  return String(isRate(unit) ? Number((value * 100).toPrecision(12)) : value);
}

export type PolicyInput =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: StringKey; readonly values: Record<string, number> };

/** The typed text as the stored value (a fraction for rates), or why it is not accepted. */
export function parsePolicyInput(key: PolicyKey, unit: string, text: string): PolicyInput {
  const typed = Number(text.trim());
  const bounds = boundsOf(key, unit);
  const fail = (reason: StringKey, values: Record<string, number> = {}): PolicyInput => ({
    ok: false,
    reason,
    values,
  });
  if (text.trim() === "" || !Number.isFinite(typed)) return fail("policyInvalid");
  if (bounds.whole && !Number.isInteger(typed)) return fail("policyInvalidWhole");
  if (bounds.above && typed <= bounds.min) return fail("policyInvalidPositive");
  if (typed < bounds.min || (bounds.max !== undefined && typed > bounds.max))
    return bounds.max === undefined
      ? fail("policyInvalidMin", { min: bounds.min })
      : fail("policyInvalidRange", { min: bounds.min, max: bounds.max });
  return { ok: true, value: isRate(unit) ? Number((typed / 100).toPrecision(12)) : typed };
}
