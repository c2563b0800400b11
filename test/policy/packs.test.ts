import {
  closestKeys,
  derivePack,
  EDU_DEFAULT,
  getPack,
  listPacks,
  lookupPolicy,
  NATIONAL,
  policyName,
  policyValue,
  POLICY_KEYS,
  WUZHEN_2004,
  ZHENLAI_2012,
} from "../../src/policy";
import fc from "fast-check";
import { RuleError } from "../../src/domain/errors";
import { SUGGESTION_TEXT_LENGTH, suggestionWork } from "../../src/policy/packs";

describe("built-in policy packs", () => {
  it.each(listPacks().map((p) => [p.id, p] as const))(
    "%s defines every key with a finite value, unit, labels, source and start year",
    (_id, pack) => {
      for (const key of POLICY_KEYS) {
        const v = pack.values[key];
        expect(Number.isFinite(v.value)).toBe(true);
        expect(v.unit && v.labelZh && v.labelEn && v.source).toBeTruthy();
        expect(Number.isInteger(v.fromYear) && v.fromYear > 1980).toBe(true);
      }
      expect(Object.keys(pack.values).sort()).toEqual([...POLICY_KEYS].sort());
      expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );

  it("national pack holds the national dropout limits 1 % / 2 % / 3 % / 3 %", () => {
    expect(policyValue(NATIONAL, "dropout.primary")).toBe(0.01);
    expect(policyValue(NATIONAL, "dropout.junior.urban")).toBe(0.02);
    expect(policyValue(NATIONAL, "dropout.junior.town")).toBe(0.03);
    expect(policyValue(NATIONAL, "dropout.junior.rural")).toBe(0.03);
  });

  it("national pack holds class sizes, bands, CV limits, staffing and funding from §4", () => {
    const expected: [Parameters<typeof policyValue>[1], number][] = [
      ["class_size.primary", 45],
      ["class_size.junior", 50],
      ["class_size.senior", 50],
      ["class_size.kindergarten", 30],
      ["class_size.kg_small", 25],
      ["class_size.kg_middle", 30],
      ["class_size.kg_large", 35],
      ["class_size.kg_mixed", 30],
      ["class_band.oversize_from", 46],
      ["class_band.large_from", 56],
      ["class_band.super_large_from", 66],
      ["balance.basic.primary", 0.65],
      ["balance.basic.junior", 0.55],
      ["balance.quality.primary", 0.5],
      ["balance.quality.junior", 0.45],
      ["staff_ratio.primary", 19],
      ["staff_ratio.junior", 13.5],
      ["staff_ratio.senior", 12.5],
      ["public_funds.central_west.primary", 650],
      ["public_funds.central_west.junior", 850],
      ["public_funds.east.primary", 700],
      ["public_funds.east.junior", 900],
      ["public_funds.boarder", 200],
      ["public_funds.special", 6000],
      ["public_funds.small_school_floor", 100],
      ["preschool.target_rate", 0.9],
      ["preschool.max_kindergarten_size", 360],
      ["allowance.start_month", 1],
      ["nutrition.yuan_per_day", 5],
      ["nutrition.days", 200],
      ["school_size.max", 2000],
      ["school_size.max_nine_year", 2500],
    ];
    for (const [key, value] of expected) expect([key, policyValue(NATIONAL, key)]).toEqual([key, value]);
  });

  it("zhenlai-2012 applies speech (一): no primary dropout, rural junior within 3 %, quoting S1-17", () => {
    expect(policyValue(ZHENLAI_2012, "dropout.primary")).toBe(0);
    expect(ZHENLAI_2012.values["dropout.primary"].source).toContain("确保小学无辍学");
    expect(ZHENLAI_2012.values["dropout.junior.rural"].source).toContain("确保小学无辍学");
    expect(ZHENLAI_2012.values["dropout.junior.rural"].ref).toBe("S1-17");
    expect(policyValue(ZHENLAI_2012, "dropout.junior.rural")).toBe(0.03);
    expect(ZHENLAI_2012.basedOn).toBe("national@1.0.0");
  });

  it("wuzhen-2004 applies speech (二): 90 % preschool, 80 % standardized schools, allowance from September", () => {
    expect(policyValue(WUZHEN_2004, "preschool.target_rate")).toBe(0.9);
    expect(WUZHEN_2004.values["preschool.target_rate"].source).toContain("入园(班)率达到90以上");
    expect(WUZHEN_2004.values["preschool.target_rate"].ref).toBe("S2-15");
    expect(policyValue(WUZHEN_2004, "standardized.target_rate")).toBe(0.8);
    expect(WUZHEN_2004.values["standardized.target_rate"].source).toContain("全市80的学校");
    expect(WUZHEN_2004.values["standardized.target_rate"].ref).toBe("S2-13");
    expect(policyValue(WUZHEN_2004, "allowance.start_month")).toBe(9);
    expect(WUZHEN_2004.values["allowance.start_month"].source).toContain("从今年新学年开始");
    expect(WUZHEN_2004.values["allowance.start_month"].ref).toBe("S2-06");
  });

  it("gives the five towns' targets their due years and its mergers their 3-year deadline, and the national pack none", () => {
    expect(WUZHEN_2004.values["standardized.target_rate"].dueYear).toBe(2006);
    expect(WUZHEN_2004.values["preschool.target_rate"].dueYear).toBe(2006);
    expect(policyValue(WUZHEN_2004, "merger.deadline_years")).toBe(3);
    expect(WUZHEN_2004.values["merger.deadline_years"].source).toContain("要在三年内");
    expect(WUZHEN_2004.values["merger.deadline_years"].notSet).toBeUndefined();
    for (const pack of [NATIONAL, ZHENLAI_2012]) {
      expect(pack.values["standardized.target_rate"].notSet).toBe(true);
      expect(pack.values["merger.deadline_years"].notSet).toBe(true);
    }
    expect(NATIONAL.values["preschool.target_rate"].dueYear).toBe(2025);
  });

  it("edu-default is the national rules with no district's overrides, but for the specified primary dropout limit 0", () => {
    expect(getPack("edu-default")).toBe(EDU_DEFAULT);
    const same = (k: (typeof POLICY_KEYS)[number]) =>
      EDU_DEFAULT.values[k].value === NATIONAL.values[k].value &&
      EDU_DEFAULT.values[k].source === NATIONAL.values[k].source;
    const differing = POLICY_KEYS.filter((k) => !same(k));
    expect(differing).toEqual(["dropout.primary"]);
    expect(EDU_DEFAULT.values["dropout.primary"].source).toContain("函数规范");
    expect(EDU_DEFAULT.values["dropout.primary"].source).toContain("1%");
    expect(policyValue(EDU_DEFAULT, "allowance.start_month")).toBe(1);
    expect(EDU_DEFAULT.values["allowance.start_month"].source).not.toContain("S2-06");
    expect(EDU_DEFAULT.values["preschool.target_rate"].source).not.toContain("S2-15");
    expect(EDU_DEFAULT.basedOn).toBe("national@1.0.0");
    expect(policyValue(EDU_DEFAULT, "dropout.primary")).toBe(0);
    expect(policyValue(EDU_DEFAULT, "dropout.junior.rural")).toBe(0.03);
    expect(policyValue(EDU_DEFAULT, "dropout.junior.town")).toBe(0.03);
    expect(policyValue(EDU_DEFAULT, "dropout.junior.urban")).toBe(0.02);
    expect(policyValue(EDU_DEFAULT, "preschool.target_rate")).toBe(0.9);
    // No national standardized-school target: edu-default sets none (the 80 % is speech (二)'s district's own).
    expect(EDU_DEFAULT.values["standardized.target_rate"].notSet).toBe(true);
    expect(policyValue(EDU_DEFAULT, "nutrition.yuan_per_day")).toBe(5);
  });

  it("getPack of an unknown id is a not-defined error listing the packs", () => {
    expect(() => getPack("nowhere")).toThrow(/national, zhenlai-2012, wuzhen-2004, edu-default/);
  });
});

describe("derivePack", () => {
  it("returns a new pack with the edits and records its base, leaving the base untouched", () => {
    const before = JSON.stringify(NATIONAL);
    const edited = derivePack(
      NATIONAL,
      { "class_size.primary": 40, "public_funds.boarder": { value: 300, source: "青海" } },
      {
        id: "qinghai",
        version: "1.1.0",
      },
    );
    expect(policyValue(edited, "class_size.primary")).toBe(40);
    expect(edited.values["class_size.primary"].source).toContain("user edit");
    expect(edited.values["public_funds.boarder"].source).toBe("青海");
    expect(edited.basedOn).toBe("national@1.0.0");
    expect(edited.version).toBe("1.1.0");
    expect(JSON.stringify(NATIONAL)).toBe(before);
    expect(policyValue(NATIONAL, "class_size.primary")).toBe(45);
  });

  it("rejects unknown keys, non-finite values and malformed ids or versions", () => {
    const opts = { id: "x", version: "1.0.0" };
    expect(() => derivePack(NATIONAL, { "class_size.primry": 1 } as never, opts)).toThrow(
      /class_size.primary/,
    );
    expect(() => derivePack(NATIONAL, { "class_size.primary": NaN }, opts)).toThrow(RuleError);
    expect(() => derivePack(NATIONAL, {}, { id: "Bad Id", version: "1.0.0" })).toThrow(/id/);
    expect(() => derivePack(NATIONAL, {}, { id: "x", version: "v1" })).toThrow(/version/);
  });
});

describe("policy keys and names", () => {
  it("suggests the closest keys by edit distance", () => {
    expect(closestKeys("dropout.primry", 1)).toEqual(["dropout.primary"]);
    expect(closestKeys("class_size.junor", 2)[0]).toBe("class_size.junior");
  });

  it("looks keys up ignoring case and spaces, and answers unknown keys with suggestions", () => {
    expect(lookupPolicy(EDU_DEFAULT, " Dropout.Primary ")).toBe(0);
    expect(() => lookupPolicy(EDU_DEFAULT, "preschool.target")).toThrow(/preschool.target_rate/);
    try {
      lookupPolicy(EDU_DEFAULT, "nope");
    } catch (e) {
      expect((e as RuleError).kind).toBe("na");
    }
    expect.assertions(3);
  });

  it("suggests for an unknown key of any length by its first 64 characters, computing each suggestion once", () => {
    const perSuggestion = SUGGESTION_TEXT_LENGTH * POLICY_KEYS.reduce((n, k) => n + k.length, 0);
    const unknownKey = fc
      .tuple(fc.string({ maxLength: 80 }), fc.nat({ max: 100_000 }), fc.constantFrom("x", "字", " ", "é"))
      .map(([head, repeat, filler]) => head + filler.repeat(repeat))
      .filter((key) => !POLICY_KEYS.includes(key.trim().toLowerCase() as never));
    fc.assert(
      fc.property(unknownKey, (key) => {
        const before = suggestionWork.cells;
        let message = "";
        try {
          lookupPolicy(EDU_DEFAULT, key);
        } catch (e) {
          message = (e as RuleError).message;
        }
        const first = suggestionWork.cells - before;
        expect(first).toBeLessThanOrEqual(perSuggestion);
        expect(() => lookupPolicy(EDU_DEFAULT, key)).toThrow(RuleError);
        expect(suggestionWork.cells - before).toBe(first);
        expect(message).toMatch(
          /^Unknown policy key "[^]*"\. Did you mean: [a-z0-9_.]+, [a-z0-9_.]+, [a-z0-9_.]+\?$/,
        );
        expect(message.length).toBeLessThan(300);
        expect(closestKeys(key)).toEqual(closestKeys(key.trimStart().slice(0, SUGGESTION_TEXT_LENGTH)));
      }),
      { numRuns: 60 },
    );
  });

  it("gives every key a distinct workbook name of letters, digits and underscores that is not cell-like", () => {
    const names = POLICY_KEYS.map(policyName);
    expect(new Set(names).size).toBe(POLICY_KEYS.length);
    for (const name of names) {
      expect(name).toMatch(/^P_[A-Za-z0-9_]+$/);
      expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    }
    expect(policyName("dropout.primary")).toBe("P_dropout_primary");
  });
});
