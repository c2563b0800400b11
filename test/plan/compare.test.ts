import fc from "fast-check";
import type { District } from "../../src/district/model";
import { generateDistrict, getSample } from "../../src/district/samples";
import { buildWorkbook, type BuiltWorkbook } from "../../src/plan/build";
import { compareBuilds, hasDifferences, type BuildComparison } from "../../src/plan/compare";
import { applyScenario, parseScenario } from "../../src/plan/scenario";
import { checkStatus } from "../../src/plan/verdict";
import type { SheetKey } from "../../src/plan/types";
import { getPack, type PolicyPack } from "../../src/policy";
import { FIXTURE } from "./fixtures";

const OPTIONS = { generatedAt: "2026-10-08T09:30:00.000Z", generator: "test" };
const WUZHEN = getSample("wuzhen");
const PACK = getPack(WUZHEN.policyPack);
const PRIMARY_MERGER = "鲤泮庄小学、海阳小学合并迁到海阳镇中现址";
const JUNIOR_MERGER = "海阳中学迁入第五中学现址";

const build = (district: District, pack: PolicyPack = getPack(district.policyPack), sheets?: SheetKey[]) =>
  buildWorkbook(district, pack, { ...OPTIONS, ...(sheets && { sheets }) });

function compareWith(changes: unknown[], base: District = WUZHEN): BuildComparison {
  const parsed = parseScenario({ name: "场景", changes }, "s.json");
  if (!parsed.scenario) throw new Error(JSON.stringify(parsed.problems));
  const pack = getPack(base.policyPack);
  const applied = applyScenario(base, pack, parsed.scenario);
  if (!applied.district || !applied.pack) throw new Error(JSON.stringify(applied.problems));
  return compareBuilds(build(base, pack), build(applied.district, applied.pack), {
    a: { district: base, pack },
    b: { district: applied.district, pack: applied.pack },
  });
}

const changedChecks = (comparison: BuildComparison) =>
  comparison.checks.filter((check) => check.changed).map((check) => check.id);
const rowKey = (id: string) => id.split(":")[2];
const sheetOf = (id: string) => id.split(":")[0];

describe("compareBuilds", () => {
  it.each([
    ["the wuzhen sample", WUZHEN],
    ["the zhenlai sample", getSample("zhenlai")],
    ["the test district", FIXTURE],
  ])("finds no differences between %s and itself", (_, district) => {
    const inputs = { district, pack: getPack(district.policyPack) };
    const comparison = compareBuilds(build(district), build(district), { a: inputs, b: inputs });
    expect(hasDifferences(comparison)).toBe(false);
    expect(comparison.counts).toEqual({
      checksChanged: 0,
      checksFlipped: 0,
      totalsChanged: 0,
      linesChanged: 0,
      inputsChanged: 0,
    });
    expect(comparison.checks.map((c) => c.id)).toEqual(build(district).plan.checks.map((c) => c.id));
    expect(comparison.totals.length).toBeGreaterThan(0);
    expect(comparison.totals.every((t) => t.difference === undefined || t.difference === 0)).toBe(true);
  });

  it("finds no differences between any generated district's build and itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const district = generateDistrict(seed, 12);
        expect(hasDifferences(compareBuilds(build(district), build(district)))).toBe(false);
      }),
      { numRuns: 5 },
    );
  });

  it("shows a merger moved from year 3 to year 1 as a changed input and flips only the check it breaks", () => {
    // Year 1 of the term is the budget year 2004; the primary merger planned for 2006 (year 3) then comes before
    // 海阳中学 leaves the site it moves into (2005).
    const comparison = compareWith([{ kind: "mergerYear", merger: PRIMARY_MERGER, termYear: 1 }]);
    expect(comparison.inputs).toEqual([
      expect.objectContaining({ id: `mergers[${PRIMARY_MERGER}].year`, a: 2006, b: 2004 }),
    ]);
    expect(changedChecks(comparison)).toEqual(["mergers.1.order"]);
    expect(comparison.checks.find((c) => c.changed)).toEqual(
      expect.objectContaining({ a: "pass", b: "fail", flipped: true }),
    );
    expect(comparison.counts.totalsChanged).toBe(0);
    expect(new Set(comparison.lines.map((line) => sheetOf(line.id)))).toEqual(new Set(["mergers", "plan"]));
    // On 规划 only the three schools of the moved merger and the district's years before its old year change.
    const onPlan = comparison.lines.filter((line) => sheetOf(line.id) === "plan").map((line) => line.labelZh);
    expect(onPlan.length).toBeGreaterThan(0);
    for (const label of onPlan) expect(label).toMatch(/WZ1[123]|^200[45] ·/);
  });

  it("flips the deadline check of a merger moved past the pack's deadline, and the order check that follows it", () => {
    const comparison = compareWith([{ kind: "mergerYear", merger: JUNIOR_MERGER, year: 2008 }]);
    expect(changedChecks(comparison)).toEqual(["mergers.0.deadline", "mergers.1.order"]);
    expect(comparison.checks.filter((c) => c.changed).every((c) => c.flipped && c.b === "fail")).toBe(true);
  });

  it("shows the checks, totals and lines that depend on the one school two inputs differ in, and no others", () => {
    const code = "WZ13";
    const comparison = compareWith([{ kind: "school", school: code, set: { grades: { g1: 40 } } }]);
    expect(comparison.inputs.map((change) => change.id)).toEqual([`schools[${code}].grades.g1`]);
    // Every line of a table kept per school is the changed school's, except the deviations from the mean of the
    // school's level on 均衡 (P·(X−X̄)²), which move with the mean for every school of the level.
    const codes = new Set(WUZHEN.schools.map((school) => school.code));
    const perSchool = comparison.lines.filter((line) => codes.has(rowKey(line.id) ?? ""));
    expect(new Set(perSchool.map((line) => rowKey(line.id)))).toContain(code);
    const others = perSchool.filter((line) => rowKey(line.id) !== code);
    expect(others.length).toBeGreaterThan(0);
    for (const line of others) {
      expect(line.id).toMatch(/^balance:tblBalancePrimary(Quality)?Dev:/);
    }
    expect(comparison.lines.find((line) => line.id === `schools:tblSchools:${code}:在校生`)?.difference).toBe(
      40 - (WUZHEN.schools.find((s) => s.code === code)?.grades.g1 ?? 0),
    );
    // Totals over schools change; totals of projects, debts and planned kindergartens do not.
    const changedTotals = comparison.totals.filter((t) => t.changed).map((t) => t.id);
    expect(changedTotals).toContain("staffing:tblStaffing:合计:小学生");
    expect(
      changedTotals.filter((id) => ["projects", "debt", "preschool"].includes(sheetOf(id) ?? "")),
    ).toEqual([]);
    // The checks that changed are exactly those whose verdict differs, none of them independent of the schools.
    const a = build(WUZHEN).plan.checks;
    const b = build(
      applyScenario(WUZHEN, PACK, {
        name: "场景",
        description: "",
        changes: [{ kind: "school", school: code, set: { grades: { g1: 40 } } }],
      }).district as District,
    ).plan.checks;
    const differing = b
      .filter((check) => {
        const before = a.find((x) => x.id === check.id);
        return !before || checkStatus(before) !== checkStatus(check);
      })
      .map((check) => check.id);
    expect(changedChecks(comparison)).toEqual(differing);
    const independent = [
      "debt.reconcile",
      "debt.repaid",
      "projects.split",
      "summary.statedCount.0",
      "fiscal.threeGrowth",
    ];
    expect(changedChecks(comparison).filter((id) => independent.includes(id))).toEqual([]);
  });

  it("names a changed pack value as a changed input", () => {
    const comparison = compareWith([{ kind: "policy", key: "class_size.primary", value: 30 }]);
    expect(comparison.inputs).toEqual([
      expect.objectContaining({
        id: "pack.class_size.primary",
        a: 45,
        b: 30,
        labelZh: expect.stringContaining("参数"),
      }),
    ]);
  });

  it("lists a check only one build has, as changed but not flipped, in a stable order", () => {
    const all = build(WUZHEN);
    const withoutDebt = build(WUZHEN, PACK, ["schools", "mergers", "summary"]);
    const comparison = compareBuilds(all, withoutDebt);
    const debt = comparison.checks.filter((check) => check.id.startsWith("debt."));
    expect(debt.length).toBeGreaterThan(0);
    expect(
      debt.every(
        (check) => check.changed && !check.flipped && check.b === undefined && check.a !== undefined,
      ),
    ).toBe(true);
    expect(comparison.checks.map((c) => c.id)).toEqual(all.plan.checks.map((c) => c.id));
    expect(compareBuilds(all, withoutDebt)).toEqual(comparison);
  });

  it("shows a check a new sheet adds without knowing it: checks are matched by id", () => {
    const a = build(WUZHEN);
    const check = {
      ...(a.plan.checks[0] as (typeof a.plan.checks)[number]),
      id: "plan.capacity.2006",
      pass: false,
    };
    const b: BuiltWorkbook = { ...a, plan: { ...a.plan, checks: [...a.plan.checks, check] } };
    const comparison = compareBuilds(a, b);
    expect(comparison.checks.at(-1)).toEqual(
      expect.objectContaining({ id: "plan.capacity.2006", b: "fail", changed: true }),
    );
    expect(comparison.checks.at(-1)?.a).toBeUndefined();
  });
});
