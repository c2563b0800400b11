import fc from "fast-check";
import { listPacks, lookupPolicy, policyValue, POLICY_KEYS } from "../../src/policy";
import { EDU_DEFAULT } from "../../src/policy";
import "../support/custom-functions-runtime";
import { POLICY } from "../../src/functions/functions";

describe("policy lookup", () => {
  const packs = listPacks();
  const key = fc.constantFrom(...POLICY_KEYS);
  // What users type: any case, stray spaces around the key.
  const typed = fc
    .tuple(key, fc.boolean(), fc.constantFrom("", " ", "  "), fc.constantFrom("", " "))
    .map(([k, upper, before, after]) => ({
      key: k,
      text: `${before}${upper ? k.toUpperCase() : k}${after}`,
    }));

  it("resolves every key, however typed, to the pack's value in every pack", () => {
    fc.assert(
      fc.property(typed, fc.constantFrom(...packs), ({ key: k, text }, pack) => {
        // A key the pack sets no value for (no national figure, no local policy) is #N/A, never a placeholder.
        if (pack.values[k].notSet) expect(() => lookupPolicy(pack, text)).toThrow(/has no value/);
        else expect(lookupPolicy(pack, text)).toBe(pack.values[k].value);
        expect(policyValue(pack, k)).toBe(pack.values[k].value);
      }),
    );
  });

  it("EDU.POLICY answers every key with the default pack's value, and a key the pack sets no value for with #N/A", () => {
    for (const k of POLICY_KEYS) {
      if (EDU_DEFAULT.values[k].notSet) expect(() => POLICY(k)).toThrow(/has no value in pack/);
      else expect([k, POLICY(k)]).toEqual([k, EDU_DEFAULT.values[k].value]);
    }
    expect(POLICY_KEYS.filter((k) => EDU_DEFAULT.values[k].notSet)).toEqual([
      "standardized.target_rate",
      "merger.deadline_years",
    ]);
  });

  it("cites every built-in source in Chinese, with no English words", () => {
    for (const pack of packs)
      for (const k of POLICY_KEYS)
        expect([pack.id, k, pack.values[k].source]).not.toEqual([
          pack.id,
          k,
          expect.stringMatching(/[A-Za-z]{3,}/),
        ]);
  });
});
