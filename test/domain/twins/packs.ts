/** Policy packs and their workbook names, for the rule twins' property tests. */
import fc from "fast-check";
import { listPacks, policyName } from "../../../src/policy/packs";
import type { PolicyKey, PolicyPack } from "../../../src/policy/types";

/** Any of the packs the product ships. */
export const anyPack: fc.Arbitrary<PolicyPack> = fc.constantFrom(...listPacks());

/** The workbook names of some policy keys with the pack's values, as the 参数 sheet defines them. */
export function packNames(pack: PolicyPack, keys: readonly PolicyKey[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [policyName(key), pack.values[key].value]));
}

/** Money in 万元 with two decimals, from 0 to `max`. */
export const money = (max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: max * 100 }).map((cents) => cents / 100);

export const RUNS = { numRuns: 100 } as const;
