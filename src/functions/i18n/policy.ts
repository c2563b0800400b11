/**
 * The policy numbers the function texts cite, read from the pack they are written for: a description or rule that
 * says "小学 45" takes the 45 from the pack, so a text cannot drift from the value the function uses.
 */
import type { PolicyKey, PolicyPack } from "../../policy/types";

export interface PolicyNumbers {
  /** The value as a formula would write it: 45, 13.5, 0.03. */
  readonly n: (key: PolicyKey) => string;
  /** A rate as a percentage, Chinese style: 3%. */
  readonly pct: (key: PolicyKey) => string;
  /** A rate as a percentage, English style: 3 %. */
  readonly pctEn: (key: PolicyKey) => string;
}

/** A number without binary noise (0.1 × 3 shown as 0.3, not 0.30000000000000004). */
function show(x: number): string {
  return String(Number(x.toPrecision(12)));
}

export function policyNumbers(pack: PolicyPack): PolicyNumbers {
  const value = (key: PolicyKey): number => pack.values[key].value;
  return {
    n: (key) => show(value(key)),
    pct: (key) => `${show(value(key) * 100)}%`,
    pctEn: (key) => `${show(value(key) * 100)} %`,
  };
}
