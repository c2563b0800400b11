import { boundsText, policyBounds, withinBounds } from "../../src/policy/bounds";
import { listTimelines } from "../../src/policy/packs";
import { resolvePack } from "../../src/policy/resolve";
import { POLICY_KEYS } from "../../src/policy/types";

/** Every year a pack resolves for (a year outside 1949–2100 is refused). */
const YEARS = Array.from({ length: 2100 - 1949 + 1 }, (_, k) => 1949 + k);

describe("the bounds of the policy keys", () => {
  it("hold every value of every shipped pack in every year it resolves for, a value not set included", () => {
    const ids = listTimelines().map((timeline) => timeline.id);
    expect(ids).toEqual(expect.arrayContaining(["national", "zhenlai-2012", "wuzhen-2004", "edu-default"]));
    const outside: string[] = [];
    for (const timeline of listTimelines())
      for (const year of YEARS) {
        const pack = resolvePack(timeline, year);
        for (const key of POLICY_KEYS) {
          const { value } = pack.values[key];
          if (!withinBounds(key, value)) outside.push(`${timeline.id} ${year} ${key} = ${value}`);
        }
      }
    expect([...new Set(outside.map((line) => line.replace(/ \d{4} /, " … ")))]).toEqual([]);
  });

  it("take a merger deadline of the budget year itself (T + 0) up to 50 years, whole years only", () => {
    expect(policyBounds("merger.deadline_years")).toEqual({ min: 0, max: 50, whole: true });
    expect([0, 3, 50].map((years) => withinBounds("merger.deadline_years", years))).toEqual([
      true,
      true,
      true,
    ]);
    expect([-1, 51, 2.5].map((years) => withinBounds("merger.deadline_years", years))).toEqual([
      false,
      false,
      false,
    ]);
    expect(boundsText("merger.deadline_years")[0]).toBe("0 到 50的整数(年)");
  });

  it("take a small-school floor of 0, the rule before 2016 that sets no floor", () => {
    expect(withinBounds("public_funds.small_school_floor", 0)).toBe(true);
    expect(withinBounds("public_funds.small_school_floor", 100)).toBe(true);
    expect(withinBounds("public_funds.small_school_floor", -1)).toBe(false);
    expect(withinBounds("public_funds.small_school_floor", 99.5)).toBe(false);
  });
});
