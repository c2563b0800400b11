import fc from "fast-check";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { yearShare } from "../../../src/plan/sheets/projects";
import { expectPlanComputes } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf, valueAtRef } from "./helpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [built.sheet("projects")]);
  return { built, plan, loaded: expectPlanComputes(plan) };
}

describe("基建 sheet", () => {
  it("counts zhenlai's 7 new projects against the 7 the speech states and lists", () => {
    const { built, loaded } = build(getSample("zhenlai"));
    const check = built.ctx.checks.find((c) => c.labelZh.includes("开工建设7个项目"));
    expect(check?.pass).toBe(true);
    expect(check?.detailZh).toContain("新建 7");
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(true);
    const rec = built.ctx.reconciliations.find((r) => r.labelZh.includes("开工建设7个项目"));
    expect(rec?.difference.value).toBe(0);
  });

  it("fails the count when the speech states more projects than the table holds", () => {
    const input = {
      ...FIXTURE_INPUT,
      statedCounts: [{ label: "开工建设3个项目", stated: 3, items: ["一中教学楼", "二小周转房"] }],
    };
    const { built, loaded } = build(districtSchema.parse(input));
    const check = built.ctx.checks.find((c) => c.id.startsWith("projects.count"));
    expect(check?.pass).toBe(false);
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(false);
    expect(
      built.ctx.reconciliations.find((r) => r.labelZh.includes("开工建设3个项目"))?.difference.value,
    ).toBe(1);
  });

  it("shows a funding split that misses the total cost, and pushes it as a reconciliation", () => {
    const input = structuredClone(FIXTURE_INPUT);
    (input.projects ?? [])[0] = { ...(input.projects ?? [])[0]!, town: 12.5 };
    const { built, loaded } = build(districtSchema.parse(input));
    const rec = built.ctx.reconciliations.find((r) => r.labelZh.includes("一中教学楼"));
    expect(rec?.difference.value).toBe(12.5);
    expect(valueAtRef(loaded, rec?.difference.ref ?? "")).toBe(12.5);
    expect(built.ctx.checks.find((c) => c.id === "projects.split")?.pass).toBe(false);
  });

  it("budgets year T's amounts split by funding source, adding up to the year's total", () => {
    const { built, loaded } = build(FIXTURE);
    const line = built.ctx.budgetLines.find((l) => l.categoryEn === "Capital projects");
    expect(line?.amount.value).toBe(670);
    const parts = Object.values(line?.bySource ?? {}).map((e) => valueAtRef(loaded, e.ref) as number);
    expect(parts.reduce((s, x) => s + x, 0)).toBeCloseTo(670, 9);
  });

  it("computes generated projects in HyperFormula as the builder does", () => {
    const money = fc.integer({ min: 0, max: 100000 }).map((c) => c / 100);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ c: money, p: money, d: money, t: money, y: money, extra: money, nu: fc.boolean() }),
          { maxLength: 6 },
        ),
        (rows) => {
          const projects = rows.map((r, i) => ({
            name: `项目${i}`,
            school: "P01",
            status: r.nu ? "新建" : "续建",
            category: "教学楼",
            totalCost: r.c + r.p + r.d + r.t + r.extra,
            central: r.c,
            provincial: r.p,
            district: r.d,
            town: r.t,
            startYear: 2026,
            endYear: 2027,
            amountInYear: r.y,
          }));
          const district = districtSchema.parse({ ...FIXTURE_INPUT, projects, statedCounts: [] });
          const { built } = build(district);
          const line = built.ctx.budgetLines.find((l) => l.categoryEn === "Capital projects");
          if (projects.length > 0)
            expect(line?.bySource?.central?.value).toBeCloseTo(
              district.projects.reduce((s, p) => s + yearShare(p, "central"), 0),
              9,
            );
        },
      ),
      { numRuns: 30 },
    );
  });
});
