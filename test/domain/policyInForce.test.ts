import fc from "fast-check";
import { policyInYear } from "../../src/domain/policyInForce";
import { publicFundsNormInYear } from "../../src/domain/publicFunds";
import { staffRatioInYear } from "../../src/domain/staffing";
import { EDU_DEFAULT as P, NATIONAL, POLICY_KEYS } from "../../src/policy";

describe("a policy value in force in a year", () => {
  it("gives the staffing keys from the dated table, for the default area 农村", () => {
    expect(policyInYear(P, "staff_ratio.primary", 2013)).toBe(23);
    expect(policyInYear(P, "staff_ratio.junior", 2001)).toBe(18);
    expect(policyInYear(P, "staff_ratio.senior", 2010)).toBe(13.5);
    expect(policyInYear(P, "staff_ratio.primary", 2014)).toBe(19);
    expect(() => policyInYear(P, "staff_ratio.primary", 2000)).toThrow(
      expect.objectContaining({ kind: "na", message: expect.stringContaining("2001") }),
    );
  });
  it("gives the public-funds keys from the dated table", () => {
    expect(policyInYear(P, "public_funds.central_west.primary", 2009)).toBe(300);
    expect(policyInYear(P, "public_funds.east.junior", 2011)).toBe(750);
    expect(policyInYear(P, "Public_Funds.East.Primary ", 2020)).toBe(650);
    expect(policyInYear(P, "public_funds.central_west.junior", 2021)).toBe(850);
    expect(() => policyInYear(P, "public_funds.east.primary", 2008)).toThrow(
      expect.objectContaining({ kind: "na", message: expect.stringContaining("2009") }),
    );
  });
  it("gives any other key its value from its start year on, and #N/A naming the start year before it", () => {
    expect(policyInYear(P, "preschool.target_rate", 2021)).toBe(0.9);
    expect(() => policyInYear(P, "preschool.target_rate", 2020)).toThrow(
      expect.objectContaining({
        kind: "na",
        message: "preschool.target_rate has no value in force in 2020: it applies from 2021",
      }),
    );
    expect(policyInYear(P, "class_size.junior", 2008)).toBe(50);
  });
  it("suggests the closest keys for an unknown key", () => {
    expect(() => policyInYear(P, "dropout.primry", 2012)).toThrow(/dropout\.primary/);
  });
  it("agrees with the value in force now for every key in a year after every start year", () => {
    for (const k of POLICY_KEYS) expect([k, policyInYear(P, k, 2030)]).toEqual([k, P.values[k].value]);
  });
  it("never gives a value whose start year is after the year", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLICY_KEYS), fc.integer({ min: 1900, max: 2040 }), (k, year) => {
        let value: number | undefined;
        try {
          value = policyInYear(NATIONAL, k, year);
        } catch (e) {
          expect(e).toMatchObject({ kind: "na" });
        }
        if (value === undefined) return;
        const staffed = /^staff_ratio\.(primary|junior|senior)(?:\.(town|rural))?$/.exec(k);
        if (staffed)
          expect(value).toBe(
            staffRatioInYear(staffed[1] as "primary", (staffed[2] ?? "rural") as "rural", year),
          );
        else if (k.startsWith("public_funds.") && /\.(primary|junior)$/.test(k)) {
          const [, region, level] = k.split(".") as [string, "central_west", "primary"];
          expect(value).toBe(publicFundsNormInYear(level, region, year));
        } else expect(NATIONAL.values[k].fromYear).toBeLessThanOrEqual(year);
      }),
    );
  });
});
