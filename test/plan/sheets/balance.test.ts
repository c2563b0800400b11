import fc from "fast-check";
import { GRADES_BY_LEVEL, schoolStudents } from "../../../src/district/grades";
import { districtSchema, type District } from "../../../src/district/model";
import { balanceCv, compositeCv } from "../../../src/domain/balance";
import { labelled, planOf as planOfDistrict, FAIL, PASS } from "../planHelpers";
import { packForYear } from "../../../src/policy/packs";
import { BALANCE_INDICATORS, indicatorValue, type BalanceOutput } from "../../../src/plan/sheets/balance";
import { expectPlanComputes } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf, valueAtRef, type Built } from "./helpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [built.sheet("balance")]);
  return { built, plan, loaded: expectPlanComputes(plan) };
}

/** The CV cell 均衡 handed on for a level and resource (it must have one). */
function cvOf(built: Built, level: "primary" | "junior", resource: keyof BalanceOutput["cv"]["primary"]) {
  const cell = built.output("balance").cv[level][resource];
  if (!cell) throw new Error(`均衡 handed on no CV for ${level} ${resource}`);
  return cell;
}

function domainCv(district: District, level: "primary" | "junior", k: number): number {
  const rows = district.schools.filter(
    (s) =>
      schoolStudents(s, GRADES_BY_LEVEL[level]) > 0 &&
      ["小学", "初中", "九年一贯制", "完全中学", "教学点"].includes(s.type),
  );
  const ind = BALANCE_INDICATORS[k];
  if (!ind) throw new Error("no indicator");
  return balanceCv(
    rows.map((s) => indicatorValue(s, ind)),
    rows.map((s) => schoolStudents(s, GRADES_BY_LEVEL[level])),
  );
}

const worked = (books: readonly number[], students: readonly number[]) =>
  districtSchema.parse({
    ...FIXTURE_INPUT,
    schools: students.map((n, i) => ({
      ...(FIXTURE_INPUT.schools[0] as object),
      code: `E${i}`,
      grades: { g1: n },
      books: books[i],
    })),
  });

describe("均衡 sheet", () => {
  it("computes every formula in HyperFormula to the value the domain rules give", () => {
    const { built } = build(FIXTURE);
    expect(built.ctx.checks.filter((c) => c.sheet === "balance").map((c) => c.id)).toEqual([
      "balance.basic.primary",
      "balance.quality.primary",
      "balance.basic.junior",
      "balance.quality.junior",
    ]);
  });

  it("gives CV 0.515 for the books of the §4.3 C worked example, through its formulas", () => {
    const { built, loaded } = build(worked([279, 137, 935, 160, 402], [45, 37, 89, 76, 55]));
    const books = cvOf(built, "primary", "books");
    expect(valueAtRef(loaded, books.ref)).toBeCloseTo(0.515, 3);
  });

  it("puts in each CV cell the value balanceCv() gives, for both levels", () => {
    const { built, loaded } = build(FIXTURE);
    for (const level of ["primary", "junior"] as const)
      BALANCE_INDICATORS.forEach((ind, k) => {
        const cell = cvOf(built, level, ind.resource);
        expect(valueAtRef(loaded, cell.ref)).toBeCloseTo(domainCv(FIXTURE, level, k), 12);
      });
  });

  it("recomputes the CV from 学校 when a school's books change", () => {
    const students = [45, 37, 89, 76, 55];
    const { built, loaded } = build(worked([279, 137, 935, 160, 402], students));
    const schools = built.output("schools").table;
    loaded.setValue("学校", schools.cell("books", 3), 76);
    const books = cvOf(built, "primary", "books");
    const expected = balanceCv(
      [279, 137, 935, 76, 402].map((b, i) => b / (students[i] as number)),
      students,
    );
    expect(valueAtRef(loaded, books.ref)).toBeCloseTo(expected, 12);
  });

  it("fails 基本均衡 when the composite CV exceeds the limit and passes when schools are alike", () => {
    const rich = {
      books: 90000,
      computers: 900,
      staff: 400,
      teachingArea: 90000,
      sportsArea: 90000,
      equipmentValue: 9e6,
      staffAboveQualification: 300,
      staffMidTitle: 300,
    };
    const poor = {
      books: 10,
      computers: 1,
      staff: 2,
      teachingArea: 50,
      sportsArea: 50,
      equipmentValue: 1000,
      staffAboveQualification: 1,
      staffMidTitle: 1,
    };
    const unequal = build(
      districtSchema.parse({
        ...FIXTURE_INPUT,
        schools: [rich, poor, poor, poor].map((r, i) => ({
          ...(FIXTURE_INPUT.schools[0] as object),
          ...r,
          code: `U${i}`,
          grades: { g1: 50 },
        })),
      }),
    );
    const primaryBasic = unequal.built.ctx.checks.find((c) => c.id === "balance.basic.primary");
    expect(primaryBasic?.pass).toBe(false);
    expect(unequal.loaded.valueAt("均衡", primaryBasic?.cell ?? "")).toBe(FAIL);
    const equal = build(worked([500, 500, 500, 500, 500], [50, 50, 50, 50, 50]));
    const ok = equal.built.ctx.checks.find((c) => c.id === "balance.basic.primary");
    expect(ok?.pass).toBe(true);
    expect(equal.loaded.valueAt("均衡", ok?.cell ?? "")).toBe(PASS);
  });

  /** Schools whose resources are proportional to their pupils (every CV 0) except books. */
  const onlyBooksDiffer = (schools: readonly { books: number; pupils: number; type?: string }[]) =>
    districtSchema.parse({
      ...FIXTURE_INPUT,
      schools: schools.map(({ books, pupils, type }, i) => ({
        ...(FIXTURE_INPUT.schools[0] as object),
        code: `B${i}`,
        type: type ?? "小学",
        grades: { g1: pupils },
        books,
        computers: pupils,
        staff: pupils,
        teachingArea: 5 * pupils,
        sportsArea: 8 * pupils,
        equipmentValue: 2000 * pupils,
        staffAboveQualification: pupils,
        staffMidTitle: pupils,
      })),
    });
  const verdict = (built: ReturnType<typeof build>, id: string) => {
    const check = built.built.ctx.checks.find((c) => c.id === id);
    return { pass: check?.pass, computed: built.loaded.valueAt("均衡", check?.cell ?? "") };
  };

  it("fails 优质均衡 when one indicator's CV is over 0.50 though the composite is under it, and keeps 基本", () => {
    const proportional = onlyBooksDiffer(
      [279, 137, 935, 160, 402].map((books, i) => ({ books, pupils: [45, 37, 89, 76, 55][i] as number })),
    );
    const cvs = BALANCE_INDICATORS.map((_, k) => domainCv(proportional, "primary", k));
    expect(compositeCv(cvs)).toBeLessThan(0.5);
    expect(Math.max(...cvs)).toBeCloseTo(0.515, 3);
    const built = build(proportional);
    expect(verdict(built, "balance.quality.primary")).toEqual({ pass: false, computed: FAIL });
    expect(verdict(built, "balance.basic.primary")).toEqual({ pass: true, computed: PASS });
    expect(built.built.ctx.checks.find((c) => c.id === "balance.quality.primary")?.detailZh).toBe(
      "超过 0.50: 生均图书册数",
    );
  });

  it("leaves a teaching point under 50 pupils out of 优质均衡 (live from 学校) but not out of 基本均衡", () => {
    const schools = [
      { books: 1000, pupils: 50 },
      { books: 1400, pupils: 60 },
      { books: 1300, pupils: 55 },
      { books: 900, pupils: 45 },
      { books: 4000, pupils: 20, type: "教学点" },
    ];
    const district = onlyBooksDiffer(schools);
    const booksCv = (rows: typeof schools) =>
      balanceCv(
        rows.map((r) => r.books / r.pupils),
        rows.map((r) => r.pupils),
      );
    const built = build(district);
    const sheet = built.plan.sheets.find((s) => s.key === "balance");
    if (!sheet) throw new Error("no 均衡");
    const maxCell = labelled(sheet, "优质口径最大单项差异系数");
    expect(built.loaded.valueAt("均衡", maxCell)).toBeCloseTo(booksCv(schools.slice(0, 4)), 12);
    expect(valueAtRef(built.loaded, cvOf(built.built, "primary", "books").ref)).toBeCloseTo(
      booksCv(schools),
      12,
    );
    expect(booksCv(schools)).toBeGreaterThan(0.5);
    expect(verdict(built, "balance.quality.primary")).toEqual({ pass: true, computed: PASS });
    expect(built.built.ctx.checks.find((c) => c.id === "balance.quality.primary")?.detailZh).toContain(
      "不计 1 个不足50人的教学点",
    );
    // 80 pupils: the teaching point counts again.
    const g1 = built.built.output("schools").table.cell("g1", 4);
    built.loaded.setValue("学校", g1, 80);
    const moved = [...schools.slice(0, 4), { books: 4000, pupils: 80 }];
    expect(built.loaded.valueAt("均衡", maxCell)).toBeCloseTo(booksCv(moved), 12);
  });

  it("computes in HyperFormula the domain's CVs for generated schools", () => {
    const schoolArb = fc.record({
      g1: fc.integer({ min: 0, max: 60 }),
      g7: fc.integer({ min: 0, max: 60 }),
      books: fc.integer({ min: 0, max: 20000 }),
      computers: fc.integer({ min: 0, max: 200 }),
      staff: fc.integer({ min: 0, max: 80 }),
      teachingArea: fc.integer({ min: 0, max: 8000 }),
    });
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 1, maxLength: 8 }), (rows) => {
        const district = districtSchema.parse({
          ...FIXTURE_INPUT,
          schools: rows.map((r, i) => ({
            ...(FIXTURE_INPUT.schools[0] as object),
            code: `S${i}`,
            type: "九年一贯制",
            grades: { g1: r.g1, g7: r.g7 },
            books: r.books,
            computers: r.computers,
            staff: r.staff,
            teachingArea: r.teachingArea,
          })),
        });
        const { built, loaded } = build(district);
        for (const cvs of Object.values(built.output("balance").cv))
          for (const e of Object.values(cvs)) expect(valueAtRef(loaded, e.ref)).toBeCloseTo(e.value, 9);
      }),
      { numRuns: 30 },
    );
  });
});

describe("均衡 in a year before its standards", () => {
  it("shows 不适用 for 基本均衡 before 2012 and 优质均衡 before 2017, and checks both from their start", () => {
    const verdicts = (year: number) => {
      const plan = planOfDistrict({ ...FIXTURE, budgetYear: year }, packForYear("national", year));
      const loaded = expectPlanComputes(plan);
      const sheet = plan.sheets.find((s) => s.key === "balance");
      return plan.checks
        .filter((c) => c.sheet === "balance")
        .map((c) => [c.id, loaded.valueAt(sheet?.name ?? "", c.cell), c.applicable !== false] as const);
    };
    const in2010 = verdicts(2010);
    expect(in2010.map(([, shown]) => shown)).toEqual(["不适用", "不适用", "不适用", "不适用"]);
    expect(in2010.every(([, , applicable]) => !applicable)).toBe(true);
    const in2014 = new Map(verdicts(2014).map(([id, shown]) => [id, shown]));
    expect([PASS, FAIL]).toContain(in2014.get("balance.basic.primary"));
    expect(in2014.get("balance.quality.primary")).toBe("不适用");
    expect(verdicts(2020).every(([, shown]) => shown === PASS || shown === FAIL)).toBe(true);
  });

  it("says from when the standard applies in the check's detail", () => {
    const plan = planOfDistrict({ ...FIXTURE, budgetYear: 2014 }, packForYear("national", 2014));
    const check = plan.checks.find((c) => c.id === "balance.quality.junior");
    expect(check?.detailZh).toContain("2014年未施行(2017年起施行)");
  });
});
