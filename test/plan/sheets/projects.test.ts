import fc from "fast-check";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { yearShare } from "../../../src/plan/sheets/projects";
import { expectPlanComputes } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf, valueAtRef } from "./helpers";
import { FAIL, PASS } from "../planHelpers";

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
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(PASS);
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
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(FAIL);
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

describe("基建: projects started last year against this year's continuing ones", () => {
  const zhenlai = getSample("zhenlai");
  /** The pairs table's rows as HyperFormula computes them: 上年开工项目, 本年续建项目, 乡镇, 核对结果. */
  function pairRows(plan: ReturnType<typeof build>["plan"], loaded: ReturnType<typeof build>["loaded"]) {
    const sheet = plan.sheets.find((s) => s.name === "基建");
    const table = sheet?.tables.find((t) => t.name === "tblProjectsPrior");
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table?.range ?? "");
    if (!m) throw new Error("no pairs table");
    const [first, last] = [Number(m[2]) + 1, Number(m[4])];
    return Array.from({ length: last - first + 1 }, (_, i) =>
      ["A", "B", "C", "D"].map((column) => loaded.valueAt("基建", `${column}${first + i}`)),
    );
  }

  it("lists zhenlai's pairs of the speech, the results computed by the workbook's formulas", () => {
    const { plan, loaded } = build(zhenlai);
    expect(pairRows(plan, loaded)).toEqual([
      ["坦途第二小学", "坦途第一小学", "坦途镇", "名称不一致"],
      ["五棵树中心校", "五棵树小学", "五棵树镇", "名称不一致"],
      ["培智学校", "培智学校", "镇赉镇", "一致"],
      ["大屯中学", null, "大屯镇", "未列入本年续建"],
    ]);
  });

  it("fails the check for zhenlai, naming the pairs that differ", () => {
    const { built, loaded } = build(zhenlai);
    const check = built.ctx.checks.find((c) => c.id === "projects.prior");
    expect(check?.pass).toBe(false);
    expect(check?.applicable).toBeUndefined();
    expect(check?.detailZh).toBe(
      "坦途第二小学↔坦途第一小学 名称不一致; 五棵树中心校↔五棵树小学 名称不一致; 大屯中学 未列入本年续建",
    );
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(FAIL);
  });

  it("passes when every continuing project has the name of a project started last year", () => {
    const continuing = zhenlai.projects.filter((p) => p.status === "续建");
    const district = {
      ...zhenlai,
      priorProjects: continuing.map((p) => ({ name: p.name, school: p.school })).reverse(),
    };
    const { built, plan, loaded } = build(district);
    const check = built.ctx.checks.find((c) => c.id === "projects.prior");
    expect(check?.pass).toBe(true);
    expect(check?.detailZh).toBe("全部一致");
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(PASS);
    expect(pairRows(plan, loaded).map((row) => row[3])).toEqual(["一致", "一致", "一致"]);
  });

  it("recomputes a pair's result and the check when a name is corrected in the workbook", () => {
    const { built, plan, loaded } = build(zhenlai);
    const check = built.ctx.checks.find((c) => c.id === "projects.prior");
    const table = plan.sheets
      .find((s) => s.name === "基建")
      ?.tables.find((t) => t.name === "tblProjectsPrior");
    const headerRow = Number(/^A(\d+):/.exec(table?.range ?? "")?.[1]);
    loaded.setValue("基建", `B${headerRow + 1}`, "坦途第二小学");
    expect(loaded.valueAt("基建", `D${headerRow + 1}`)).toBe("一致");
    expect(loaded.valueAt("基建", check?.cell ?? "")).toBe(FAIL);
  });

  it("leaves the sheet as it was and registers no pairing check when no prior list is given", () => {
    const { priorProjects: _prior, ...without } = zhenlai;
    const sheetOf = (district: District) => {
      const built = context(district);
      return { sheet: built.sheet("projects"), checks: built.ctx.checks };
    };
    const before = sheetOf(without);
    const after = sheetOf(zhenlai);
    expect(before.checks.map((c) => c.id)).not.toContain("projects.prior");
    expect(before.sheet.tables.map((t) => t.name)).not.toContain("tblProjectsPrior");
    expect(JSON.stringify(before.sheet.blocks)).not.toContain("上年开工项目");
    // The pairs come after everything else: the sheet without them is the sheet with them, cut short.
    expect(after.sheet.blocks.slice(0, before.sheet.blocks.length)).toEqual(before.sheet.blocks);
    expect(after.sheet.tables.slice(0, before.sheet.tables.length)).toEqual(before.sheet.tables);
  });

  it("shows the check as not applicable when neither list holds a project", () => {
    const district = {
      ...zhenlai,
      projects: zhenlai.projects.filter((p) => p.status !== "续建"),
      priorProjects: [],
    };
    const { built, plan } = build(district);
    const check = built.ctx.checks.find((c) => c.id === "projects.prior");
    expect(check?.applicable).toBe(false);
    const cell = plan.sheets
      .find((s) => s.name === "基建")
      ?.blocks.flatMap((b) => b.cells.flat())
      .find((c) => c !== null && c.v === "不适用");
    expect(cell).toBeDefined();
  });
});
