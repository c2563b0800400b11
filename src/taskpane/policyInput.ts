/**
 * Policy values as the user edits them: rates (unit 比率) are typed as percentages (3 means 3 %) and stored as
 * fractions; every key has sane bounds, so a typo cannot reach the preview or the workbook.
 */
import { RATE_UNIT, policyBounds, type PolicyBounds } from "../policy/bounds";
import { listTimelines } from "../policy/packs";
import type { PolicyKey } from "../policy/types";
import type { StringKey } from "./i18n";

export { RATE_UNIT };

export const isRate = (unit: string): boolean => unit === RATE_UNIT;

/** Bounds in the unit the user types (percent for rates). */
export type Bounds = PolicyBounds;

/**
 * The placeholder a built-in pack shows for a value it leaves not set (0 for 布局调整完成期限, which the nation does
 * not fix): the pane shows it, so it can be typed back.
 */
function unsetValues(key: PolicyKey): number[] {
  return listTimelines().flatMap((pack) =>
    pack.values[key].entries.filter((entry) => entry.notSet).map((entry) => entry.value),
  );
}

/**
 * The key's bounds (src/policy/bounds.ts) in the unit the user types: a rate's in percent; the minimum lowered to a
 * built-in pack's placeholder for a value not set.
 */
export function boundsOf(key: PolicyKey, unit: string): Bounds {
  const stored = policyBounds(key);
  const bounds = { ...stored, min: Math.min(stored.min, ...unsetValues(key)) };
  if (!isRate(unit)) return bounds;
  const percent = (value: number) => Number((value * 100).toPrecision(12));
  return {
    ...bounds,
    min: percent(bounds.min),
    ...(bounds.max !== undefined && { max: percent(bounds.max) }),
  };
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
  // Below its minimum, an amount is told the minimum (its maximum only keeps a typo such as 万元 for 元 out); a
  // rate, a count or a size is told its range.
  const ranged = isRate(unit) || bounds.whole === true || typed > (bounds.max ?? Infinity);
  if (typed < bounds.min || (bounds.max !== undefined && typed > bounds.max))
    return bounds.max === undefined || !ranged
      ? fail("policyInvalidMin", { min: bounds.min })
      : fail("policyInvalidRange", { min: bounds.min, max: bounds.max });
  return { ok: true, value: isRate(unit) ? Number((typed / 100).toPrecision(12)) : typed };
}
