import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, fixtureWith } from "../fixtures";
import { column, labelled, planOf, sheetByKey } from "../planHelpers";
import { getPack } from "../../../src/policy/packs";
import { context } from "./helpers";

const plan = planOf(FIXTURE);
const amounts = (loaded = expectPlanComputes(plan)) => column(plan, loaded, "tblPublicFunds", "公用经费(元)");
/** The norms of the fixture's pack (the era's baseline, §4.6). */
const norms = getPack(FIXTURE.policyPack).values;
const PRIMARY = norms["public_funds.central_west.primary"].value;
const JUNIOR = norms["public_funds.central_west.junior"].value;
const EAST_PRIMARY = norms["public_funds.east.primary"].value;
const SPECIAL = norms["public_funds.special"].value;
const BOARDER = norms["public_funds.boarder"].value;
/** The fixture's total in 万元: the per-school amounts, each checked against the rule above. */
const totalWan = () => amounts().reduce<number>((sum, a) => sum + Number(a), 0) / 10000;

describe("公用经费", () => {
  it("lists the compulsory schools only (not the kindergarten)", () => {
    expect(column(plan, expectPlanComputes(plan), "tblPublicFunds", "学校代码")).toEqual([
      "S001",
      "S002",
      "S003",
      "S004",
      "S006",
    ]);
  });

  it("funds a primary school at the pack's 中西部 primary norm per student", () => {
    expect(amounts()[0]).toBe(600 * PRIMARY);
  });

  it("counts a rural teaching point of 12 pupils as 100 (small rural school floor)", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblPublicFunds", "核定人数")[3]).toBe(100);
    expect(amounts(loaded)[3]).toBe(100 * PRIMARY);
  });

  it("funds special-needs students at their own rate instead of the norm and adds the boarder rate", () => {
    // 河口中学: 450 junior students, 3 special-needs, 120 boarders.
    expect(amounts()[1]).toBe(447 * JUNIOR + 3 * SPECIAL + 120 * BOARDER);
  });

  it("weights a nine-year school's norm by its primary and junior students", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblPublicFunds", "生均定额(元)")[2]).toBeCloseTo(
      (60 * PRIMARY + 41 * JUNIOR) / 101,
      10,
    );
    expect(amounts(loaded)[2]).toBeCloseTo(
      (99 * (60 * PRIMARY + 41 * JUNIOR)) / 101 + 2 * SPECIAL + 30 * BOARDER,
      8,
    );
  });

  it("switches to the east norms when the district's region is edited to 东部", () => {
    const loaded = expectPlanComputes(plan);
    loaded.setValue("学校", labelled(sheetByKey(plan, "schools"), "地区"), "东部");
    expect(amounts(loaded)[0]).toBe(600 * EAST_PRIMARY);
  });

  it("totals by town to the grand total and reconciles them on the sheet", () => {
    const loaded = expectPlanComputes(plan);
    const byTown = column(plan, loaded, "tblPublicFundsByTown", "公用经费(万元)").map(Number);
    const perSchool = column(plan, loaded, "tblPublicFunds", "公用经费(万元)").map(Number);
    expect(byTown.reduce((a, b) => a + b, 0)).toBeCloseTo(
      perSchool.reduce((a, b) => a + b, 0),
      10,
    );
    const sheet = sheetByKey(plan, "publicFunds");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "核对"))).toBe(0);
  });

  it("shows the gap to the available funds as the 专项资金 need and fails the check", () => {
    const short = planOf(
      fixtureWith((d) => ({
        ...d,
        fiscal: { ...d.fiscal, current: { ...d.fiscal.current, compulsoryPublicFunds: 50 } },
      })),
    );
    const loaded = expectPlanComputes(short);
    const sheet = sheetByKey(short, "publicFunds");
    const need = totalWan();
    expect(need).toBeGreaterThan(50);
    expect(loaded.valueAt(sheet.name, labelled(sheet, "缺口"))).toBeCloseTo(need - 50, 10);
    const check = short.checks.find((c) => c.id === "publicFunds.covered");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toBe(
      `定额需求 ${need.toFixed(2)} 万元, 可用 50.00 万元, 缺口 ${(need - 50).toFixed(2)} 万元`,
    );
  });

  it("exports its total (万元) and a budget line for 汇总", () => {
    const built = context(FIXTURE);
    built.sheet("fiscal");
    built.sheet("publicFunds");
    const exported = built.output("publicFunds").total;
    expect(exported?.ref).toBe("'公用经费'!$N$13");
    expect(exported?.value).toBeCloseTo(totalWan(), 10);
    const total = exported!;
    expect(built.ctx.budgetLines.filter((line) => line.category !== "教职工工资")).toEqual([
      { category: "公用经费(按定额)", categoryEn: "Public funds (by norm)", amount: total },
    ]);
  });
});

describe("公用经费 gap per school", () => {
  it("sums max(0, norm − available) per school where every school gives its own funds", () => {
    const given = fixtureWith((input) => ({
      ...input,
      // The first school has far more than its norm: its surplus covers no other school's gap.
      schools: input.schools.map((s, i) => ({ ...s, publicFundsAvailable: i === 0 ? 1000 : 1 })),
    }));
    const built = planOf(given);
    const loaded = expectPlanComputes(built);
    const need = column(built, loaded, "tblPublicFunds", "公用经费(万元)").map(Number);
    const codes = column(built, loaded, "tblPublicFunds", "学校代码");
    const availableOf = (code: unknown) =>
      given.schools.find((s) => s.code === code)?.publicFundsAvailable ?? Number.NaN;
    const expected = need.reduce((sum, n, i) => sum + Math.max(0, n - availableOf(codes[i])), 0);
    const districtWide = Math.max(
      0,
      need.reduce((a, b) => a + b, 0) - codes.reduce((a: number, c) => a + availableOf(c), 0),
    );
    expect(expected).toBeGreaterThan(districtWide);
    const sheet = sheetByKey(built, "publicFunds");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "缺口"))).toBeCloseTo(expected, 10);
    expect(column(built, loaded, "tblPublicFunds", "本校缺口(万元)").map(Number)).toEqual(
      need.map((n, i) => Math.max(0, n - availableOf(codes[i]))),
    );
    const check = built.checks.find((c) => c.id === "publicFunds.covered");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toContain("按校核算");
  });

  it("keeps the district-wide gap when a school gives no funds of its own", () => {
    const partly = fixtureWith((input) => ({
      ...input,
      schools: input.schools.map((s, i) => (i === 0 ? { ...s, publicFundsAvailable: 1000 } : s)),
    }));
    const built = planOf(partly);
    expect(() => columnOf(built)).toThrow(/no column/);
  });
});

const columnOf = (built: ReturnType<typeof planOf>) =>
  column(built, expectPlanComputes(built), "tblPublicFunds", "本校缺口(万元)");
