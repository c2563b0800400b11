/** Policy packs and their workbook names, for the rule twins' property tests. */
import fc from "fast-check";
import { listPacks, policyName } from "../../../src/policy/packs";
import type { PolicyKey, PolicyPack } from "../../../src/policy/types";

/** Any of the packs the product ships. */
export const anyPack: fc.Arbitrary<PolicyPack> = fc.constantFrom(...listPacks());

/**
 * A shipped pack with some of its values replaced by generated ones, so that a twin that reads the wrong name is
 * caught even where the shipped packs happen to give two keys the same value (小班/混龄, 县镇/农村 limits).
 */
export function packWith(values: {
  readonly [K in PolicyKey]?: fc.Arbitrary<number>;
}): fc.Arbitrary<PolicyPack> {
  const keys = Object.keys(values) as PolicyKey[];
  return fc
    .tuple(anyPack, fc.tuple(...keys.map((key) => values[key] as fc.Arbitrary<number>)))
    .map(([pack, generated]) => {
      const replaced = { ...pack.values };
      keys.forEach((key, i) => {
        replaced[key] = { ...pack.values[key], value: generated[i] ?? pack.values[key].value };
      });
      return { ...pack, values: replaced };
    });
}

/** The workbook names of some policy keys with the pack's values, as the 参数 sheet defines them. */
export function packNames(pack: PolicyPack, keys: readonly PolicyKey[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [policyName(key), pack.values[key].value]));
}

/** Money in 万元 with two decimals, from 0 to `max`. */
export const money = (max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: max * 100 }).map((cents) => cents / 100);

export const RUNS = { numRuns: 100 } as const;
