import fc from "fast-check";
import { policyInYear } from "../../src/domain/policyInForce";
import { publicFundsNormInYear } from "../../src/domain/publicFunds";
import { staffRatioInYear } from "../../src/domain/staffing";
import { EDU_DEFAULT, EDU_DEFAULT_TIMELINE as P, NATIONAL_TIMELINE, POLICY_KEYS } from "../../src/policy";

describe("a policy value in force in a year", () => {
  it("gives each staffing key its own area's ratio from the dated table: the plain keys are 城市, as 参数 labels them", () => {
    expect(policyInYear(P, "staff_ratio.primary", 2013)).toBe(19);
    expect(policyInYear(P, "staff_ratio.primary.town", 2013)).toBe(21);
    expect(policyInYear(P, "staff_ratio.primary.rural", 2013)).toBe(23);
    expect(policyInYear(P, "staff_ratio.junior.rural", 2001)).toBe(18);
    expect(policyInYear(P, "staff_ratio.senior.rural", 2010)).toBe(13.5);
    expect(policyInYear(P, "staff_ratio.primary.rural", 2014)).toBe(19);
    expect(() => policyInYear(P, "staff_ratio.primary", 2000)).toThrow(
      expect.objectContaining({ kind: "na", message: expect.stringContaining("2001") }),
    );
  });
  it("gives the public-funds keys from the dated table", () => {
    expect(policyInYear(P, "public_funds.central_west.primary", 2009)).toBe(300);
    expect(policyInYear(P, "public_funds.east.junior", 2011)).toBe(750);
    expect(policyInYear(P, "Public_Funds.East.Primary ", 2020)).toBe(650);
    expect(policyInYear(P, "public_funds.central_west.junior", 2021)).toBe(850);
    // 2010 has a central/west row (Sichuan's base) and none for the east, which keeps 2009's figure.
    expect(policyInYear(P, "public_funds.central_west.primary", 2010)).toBe(400);
    expect(policyInYear(P, "public_funds.east.primary", 2010)).toBe(350);
    expect(() => policyInYear(P, "public_funds.east.primary", 2008)).toThrow(
      expect.objectContaining({ kind: "na", message: expect.stringContaining("2009") }),
    );
  });
  it("gives any other key the value in force in the year, and #N/A naming the start year before the first", () => {
    expect(policyInYear(P, "preschool.target_rate", 2021)).toBe(0.9);
    expect(policyInYear(P, "preschool.target_rate", 2020)).toBe(0.85);
    expect(policyInYear(P, "preschool.target_rate", 2016)).toBe(0.7);
    expect(() => policyInYear(P, "staff_ratio.class_teaching_point", 2017)).toThrow(
      expect.objectContaining({
        kind: "na",
        message: "staff_ratio.class_teaching_point has no value in force in 2017: it applies from 2018",
      }),
    );
    expect(policyInYear(P, "class_size.junior", 2008)).toBe(50);
  });
  it("suggests the closest keys for an unknown key", () => {
    expect(() => policyInYear(P, "dropout.primry", 2012)).toThrow(/dropout\.primary/);
  });
  it("agrees with the value in force now for every key in a year after every start year", () => {
    for (const k of POLICY_KEYS) {
      if (EDU_DEFAULT.values[k].notSet)
        expect(() => policyInYear(P, k, 2030)).toThrow(/has no value in pack/);
      else expect([k, policyInYear(P, k, 2030)]).toEqual([k, EDU_DEFAULT.values[k].value]);
    }
  });
  it("never gives a value whose start year is after the year", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_KEYS), fc.integer({ min: 1900, max: 2040 }), (k, year) => {
        let value: number | undefined;
        try {
          value = policyInYear(NATIONAL_TIMELINE, k, year);
        } catch (e) {
          expect(e).toMatchObject({ kind: "na" });
        }
        if (value === undefined) return;
        const staffed = /^staff_ratio\.(primary|junior|senior)(?:\.(town|rural))?$/.exec(k);
        if (staffed)
          expect(value).toBe(
            staffRatioInYear(staffed[1] as "primary", (staffed[2] ?? "urban") as "rural", year),
          );
        else if (k.startsWith("public_funds.") && /\.(primary|junior)$/.test(k)) {
          const [, region, level] = k.split(".") as [string, "central_west", "primary"];
          expect(value).toBe(publicFundsNormInYear(level, region, year));
        } else {
          const started = NATIONAL_TIMELINE.values[k].entries.filter((e) => e.fromYear <= year);
          expect(started.map((e) => e.value)).toContain(value);
        }
      }),
    );
  });
});
