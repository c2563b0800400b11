/**
 * Where each check's threshold and cause are (CheckPlan.threshold and .cause): the 参数 value cell of the policy
 * value that sets the threshold, and the row of the school that makes the check fail.
 */
import { getSample } from "../../src/district/samples";
import { absoluteAddress, sheetRef } from "../../src/plan/address";
import type { CheckPlan, WorkbookPlan } from "../../src/plan/types";
import { checkStatus } from "../../src/plan/verdict";
import { getPack, policyName } from "../../src/policy/packs";
import { POLICY_KEYS, type PolicyKey } from "../../src/policy/types";
import { planCell, planOf, sheetByKey } from "./planHelpers";

const plans = Object.fromEntries(
  ["zhenlai", "wuzhen"].map((id) => [id, { district: getSample(id), plan: planOf(getSample(id)) }]),
);
const sampleOf = (id: string) => {
  const found = plans[id];
  if (!found) throw new Error(`no sample ${id}`);
  return found;
};
const checkOf = (plan: WorkbookPlan, id: string): CheckPlan => {
  const check = plan.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check;
};

/** The policy key whose workbook name refers to the threshold's cell. */
function thresholdKey(plan: WorkbookPlan, check: CheckPlan): PolicyKey | undefined {
  const threshold = check.threshold;
  if (!threshold) return undefined;
  const sheet = sheetByKey(plan, threshold.sheet);
  const ref = sheetRef(sheet.name, absoluteAddress(threshold.cell));
  const name = plan.names.find((n) => n.ref === ref)?.name;
  return POLICY_KEYS.find((key) => policyName(key) === name);
}

/** The code in the 学校 row of a cause (the name cell's left neighbour holds the code). */
function codeAt(plan: WorkbookPlan, cell: string): unknown {
  const column = cell.replace(/\d+$/, "");
  const row = cell.slice(column.length);
  const left = String.fromCharCode(column.charCodeAt(0) - 1);
  const value = planCell(sheetByKey(plan, "schools"), `${left}${row}`);
  return value !== null && "f" in value ? value.v : value?.v;
}

describe("where a check's threshold and cause are", () => {
  it.each(["zhenlai", "wuzhen"])(
    "points every threshold of the %s sample at the 参数 value cell of a policy value",
    (id) => {
      const { plan } = sampleOf(id);
      const withThreshold = plan.checks.filter((check) => check.threshold);
      expect(withThreshold.length).toBeGreaterThan(0);
      for (const check of withThreshold) {
        expect({ id: check.id, sheet: check.threshold?.sheet }).toEqual({
          id: check.id,
          sheet: "parameters",
        });
        expect({ id: check.id, key: thresholdKey(plan, check) }).toEqual({
          id: check.id,
          key: expect.any(String),
        });
      }
    },
  );

  it.each(["zhenlai", "wuzhen"])(
    "points every school cause of the %s sample at that school's row on 学校, a school the check names",
    (id) => {
      const { plan, district } = sampleOf(id);
      const withSchool = plan.checks.filter((check) => check.cause?.school !== undefined);
      expect(withSchool.length).toBeGreaterThan(0);
      for (const check of withSchool) {
        const cause = check.cause;
        if (!cause) continue;
        expect(cause.sheet).toBe("schools");
        expect({ id: check.id, code: codeAt(plan, cause.cell) }).toEqual({
          id: check.id,
          code: cause.school,
        });
        const school = district.schools.find((s) => s.code === cause.school);
        expect(school).toBeDefined();
        // Only a failing check has a cause; a check that names schools names this one (a total such as
        // staffing.quota names none: its cause is the first school off its own quota).
        expect(checkStatus(check)).toBe("fail");
        const said = [check.detailZh, ...(check.items ?? []).filter((i) => !i.pass).map((i) => i.labelZh)];
        const names = (s: { readonly name: string }) => said.some((text) => text.includes(s.name));
        if (district.schools.some(names))
          expect({ id: check.id, named: school !== undefined && names(school) }).toEqual({
            id: check.id,
            named: true,
          });
      }
    },
  );

  it("gives a failed dropout check the limit its first failing school is held to, and that school's row", () => {
    const { plan, district } = sampleOf("wuzhen");
    const check = checkOf(plan, "dropout.allWithin");
    expect(checkStatus(check)).toBe("fail");
    const school = district.schools.find((s) => s.code === check.cause?.school);
    if (!school) throw new Error("the dropout check names no school");
    const key = thresholdKey(plan, check);
    expect(key).toMatch(/^dropout\./);
    const junior = {
      城市: "dropout.junior.urban",
      县镇: "dropout.junior.town",
      农村: "dropout.junior.rural",
    };
    expect(["dropout.primary", junior[school.area]]).toContain(key);
    // The school fails against that limit: its rate is above it.
    const rate = school.prevDropouts / school.prevStartEnrollment;
    if (!key) throw new Error("the dropout check has no threshold");
    expect(rate).toBeGreaterThan(getPack(district.policyPack).values[key].value);
  });

  it("gives a staffing check the staff ratio of the first school off its quota, for its area", () => {
    const { plan, district } = sampleOf("zhenlai");
    const check = checkOf(plan, "staffing.overQuota");
    expect(checkStatus(check)).toBe("fail");
    const school = district.schools.find((s) => s.code === check.cause?.school);
    if (!school) throw new Error("the staffing check names no school");
    expect(check.items?.[0]?.labelZh).toBe(school.name);
    expect(thresholdKey(plan, check)).toMatch(/^staff_ratio\./);
  });

  it("points a term plan's capacity failure at the first short site-year's row on 规划", () => {
    const { plan } = sampleOf("wuzhen");
    const check = checkOf(plan, "plan.capacity");
    expect(checkStatus(check)).toBe("fail");
    expect(check.cause?.sheet).toBe("plan");
    const spare = planCell(sheetByKey(plan, "plan"), check.cause?.cell ?? "A1");
    expect(spare !== null && "f" in spare ? spare.v : undefined).toBeLessThan(0);
  });

  it("gives a passing check no cause", () => {
    for (const { plan } of Object.values(plans))
      for (const check of plan.checks.filter((c) => checkStatus(c) === "pass"))
        expect({ id: check.id, cause: check.cause }).toEqual({ id: check.id, cause: undefined });
  });
});
