import fc from "fast-check";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { kgCapacity, placesNeeded } from "../../../src/domain/preschool";
import { getPack } from "../../../src/policy";
import { validatePlan } from "../../../src/plan/validate";
import { isFormulaCell } from "../../../src/plan/types";
import { expectPlanComputes } from "../../support/hyperformula";
import { cellAt, context, FIXTURE, FIXTURE_INPUT, planOf } from "./helpers";
import { FAIL, PASS, verdictOf } from "../planHelpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [built.sheet("preschool")]);
  return { built, plan, loaded: expectPlanComputes(plan) };
}

const sheetOf = (plan: ReturnType<typeof build>["plan"]) => plan.sheets.find((s) => s.key === "preschool")!;

/** The plan's capacity column, found by its header. */
function capacities(plan: ReturnType<typeof build>["plan"]): unknown[] {
  const sheet = sheetOf(plan);
  const table = sheet.tables.find((t) => t.name === "tblKindergartens")!;
  const [from, to] = table.range.split(":") as [string, string];
  const col = String.fromCharCode(from.charCodeAt(0) + table.columns.findIndex((c) => c.name === "容量(人)"));
  const first = Number(/\d+/.exec(from)![0]) + 1;
  const last = Number(/\d+/.exec(to)![0]);
  return Array.from({ length: last - first + 1 }, (_, i) => cellAt(sheet, `${col}${first + i}`)?.v);
}

describe("学前 sheet", () => {
  it("counts the five-town sample's 1+3+7 = 11 kindergartens against the speech", () => {
    const { built, loaded } = build(getSample("wuzhen"));
    const check = built.ctx.checks.find((c) => c.id.startsWith("preschool.count"));
    expect(check?.detailZh).toBe("所述 11, 列出 11, 规划表 11");
    expect(check?.pass).toBe(true);
    expect(loaded.valueAt("学前", check?.cell ?? "")).toBe(PASS);
  });

  it("checks a speech listing 300 kindergartens with formulas that stay short and within Excel's limits", () => {
    const wuzhen = getSample("wuzhen");
    const first = wuzhen.preschool.planned[0]!;
    const names = Array.from(
      { length: 300 },
      (_, i) => `${"新区第".repeat(12)}${String(i).padStart(4, "0")}幼儿园`,
    );
    const district = districtSchema.parse({
      ...wuzhen,
      preschool: { ...wuzhen.preschool, planned: names.map((name) => ({ ...first, name })) },
      statedCounts: [{ label: "新建300所幼儿园", stated: 300, items: names, source: "讲话" }],
    });
    const { built, plan } = build(district);
    const check = built.ctx.checks.find((c) => c.id.startsWith("preschool.count"));
    expect(check?.pass).toBe(true);
    expect(validatePlan(plan).filter((p) => p.limit)).toEqual([]);
    const longest = Math.max(
      ...sheetOf(plan).blocks.flatMap((b) =>
        b.cells.flat().map((c) => (c && isFormulaCell(c) ? c.f.length : 0)),
      ),
    );
    expect(longest).toBeLessThan(200);
  });

  it("puts kgCapacity() in each kindergarten's capacity cell", () => {
    const wuzhen = getSample("wuzhen");
    const { plan } = build(wuzhen);
    const pack = getPack(wuzhen.policyPack);
    expect(capacities(plan)).toEqual(
      wuzhen.preschool.planned.map((k) =>
        kgCapacity(pack, k.smallClasses, k.middleClasses, k.largeClasses, k.mixedClasses),
      ),
    );
  });

  it("flags a kindergarten over the size limit and a plan that does not cover the places needed", () => {
    const input = structuredClone(FIXTURE_INPUT);
    input.preschool.planned = [
      { ...input.preschool.planned![0]!, smallClasses: 5, middleClasses: 5, largeClasses: 5 },
    ];
    const { built, loaded } = build(districtSchema.parse(input));
    const size = built.ctx.checks.find((c) => c.id === "preschool.size");
    expect(size?.pass).toBe(false);
    expect(loaded.valueAt("学前", size?.cell ?? "")).toBe(FAIL);
    const places = built.ctx.checks.find((c) => c.id === "preschool.places");
    expect(places?.detailZh).toBe(`新增 450 个学位, 需要 ${placesNeeded(0.9, 1000, 700)} 个`);
  });

  it("shows the five towns' target due in 2006 as a trajectory of places and checks 2004's step, not the rate", () => {
    const wuzhen = getSample("wuzhen");
    const { built, plan, loaded } = build(wuzhen);
    const ids = built.ctx.checks.map((c) => c.id);
    expect(ids).not.toContain("preschool.rate");
    const step = built.ctx.checks.find((c) => c.id === "preschool.trajectory");
    const { population3to5, enrolled, planned } = wuzhen.preschool;
    const needed = placesNeeded(0.9, population3to5, enrolled);
    const newPlaces = planned.reduce(
      (sum, k) =>
        sum +
        kgCapacity(getPack("wuzhen-2004"), k.smallClasses, k.middleClasses, k.largeClasses, k.mixedClasses),
      0,
    );
    const required = [1, 2, 3].map((k) => Math.ceil((needed * k) / 3));
    expect(step?.detailZh).toBe(
      `目标 2006 年到期; 2004年末应新增 ${required[0]} 个学位, 规划新增 ${newPlaces} 个`,
    );
    expect(step?.pass).toBe(newPlaces >= (required[0] ?? 0));
    expect(loaded.valueAt("学前", step?.cell ?? "")).toBe(verdictOf(step?.pass));
    const table = sheetOf(plan).tables.find((t) => t.name === "tblPreschoolTrajectory");
    expect(table?.columns.map((c) => c.name)).toEqual([
      "年度",
      "应完成进度",
      "年末应新增学位",
      "年末规划新增学位",
      "达到进度",
    ]);
  });

  it("checks the rate in T when the target is due in T (the five towns' pack in 2026, the national one in 2025)", () => {
    for (const district of [FIXTURE, { ...FIXTURE, budgetYear: 2025, policyPack: "national" }]) {
      const { built } = build(district);
      const ids = built.ctx.checks.map((c) => c.id);
      expect(ids).toContain("preschool.rate");
      expect(ids).not.toContain("preschool.trajectory");
    }
  });

  it("budgets the cost of the kindergartens finished in year T", () => {
    const { built } = build(FIXTURE);
    expect(built.ctx.budgetLines.find((l) => l.categoryEn === "Preschool construction")?.amount.value).toBe(
      900,
    );
  });

  it("leaves zhenlai's kindergartens that are capital projects to 基建, in the budget and in the project count", () => {
    const zhenlai = getSample("zhenlai");
    const built = context(zhenlai);
    const projects = built.sheet("projects");
    const plan = planOf(built, [projects, built.sheet("preschool")]);
    expectPlanComputes(plan);
    expect(built.ctx.checks.filter((c) => c.id.startsWith("preschool.count"))).toEqual([]);
    const line = built.ctx.budgetLines.find((l) => l.categoryEn === "Preschool construction");
    const alsoProjects = zhenlai.preschool.planned.filter((k) =>
      zhenlai.projects.some((p) => p.name === k.name),
    );
    expect(alsoProjects.length).toBeGreaterThan(0);
    expect(line?.amount.value).toBe(
      zhenlai.preschool.planned
        .filter((k) => k.year === zhenlai.budgetYear && !alsoProjects.includes(k))
        .reduce((s, k) => s + k.cost, 0),
    );
  });

  it("computes places needed as placesNeeded() for generated populations, in HyperFormula", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20000 }),
        fc.integer({ min: 0, max: 20000 }),
        (population, enrolled) => {
          const district = districtSchema.parse({
            ...FIXTURE_INPUT,
            preschool: { ...FIXTURE_INPUT.preschool, population3to5: population, enrolled },
          });
          const { built } = build(district);
          const places = built.ctx.checks.find((c) => c.id === "preschool.places");
          expect(places?.detailZh).toContain(`需要 ${placesNeeded(0.9, population, enrolled)} 个`);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("学前 totals row", () => {
  it("shows head counts (classes, places) as integers and money with two decimals", () => {
    const built = context(getSample("wuzhen"));
    const sheet = built.sheet("preschool");
    const styleOf = (ref: string) => {
      const local = ref.replace(/^.*!/, "").replace(/\$/g, "");
      return sheet.formats.filter((f) => f.range === local).map((f) => f.style);
    };
    const kindergartens = sheet.tables.find((t) => t.name === "tblKindergartens");
    expect(kindergartens).toBeDefined();
    /** The totals row's cell under a header (the row below the table). */
    const totalCell = (header: string) => {
      const [start, end] = (kindergartens?.range ?? "").split(":");
      const col = (kindergartens?.columns ?? []).findIndex((c) => c.name === header);
      const first = /^([A-Z]+)/.exec(start ?? "")?.[1] ?? "A";
      const letter = String.fromCharCode(first.charCodeAt(0) + col);
      const row = Number(/(\d+)$/.exec(end ?? "")?.[1]) + 1;
      return `${letter}${row}`;
    };
    expect(styleOf(totalCell("容量(人)"))).toContain("integer");
    expect(styleOf(totalCell("容量(人)"))).not.toContain("money");
    expect(styleOf(totalCell("小班"))).toContain("integer");
    expect(styleOf(totalCell("建设投资(万元)"))).toContain("money");
  });
});
