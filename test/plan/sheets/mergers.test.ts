import fc from "fast-check";
import { GRADES_BY_LEVEL } from "../../../src/district/grades";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { mergeCheck } from "../../../src/domain/classes";
import { parseCell, columnLetter } from "../../../src/plan/address";
import { getPack } from "../../../src/policy";
import { expectPlanComputes, type LoadedPlan } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf } from "./helpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [built.sheet("mergers")]);
  return { built, plan, loaded: expectPlanComputes(plan) };
}

/** The MERGE_CHECK row left of a verdict cell: students, classes needed, classrooms, spare, average, pass. */
function mergeRow(loaded: LoadedPlan, verdict: string): unknown[] {
  const { row, column } = parseCell(verdict);
  return [5, 4, 3, 2, 1, 0].map((back) =>
    loaded.valueAt("布局调整", `${columnLetter(column - back)}${row + 1}`),
  );
}

function expectedAfter(district: District, m: number) {
  const merger = district.mergers[m];
  if (!merger) throw new Error("no merger");
  const codes = [...merger.sources, ...(merger.stayingSchool ? [merger.stayingSchool] : [])];
  const matrix = codes.map((code) =>
    GRADES_BY_LEVEL[merger.level].map((g) => district.schools.find((s) => s.code === code)?.grades[g] ?? 0),
  );
  // The documented rule: the site school's classrooms on 学校 unless the merger enters a different number.
  const siteCode = merger.stayingSchool ?? merger.siteSchool;
  const siteRooms = district.schools.find((s) => s.code === siteCode)?.classrooms;
  return mergeCheck(
    matrix,
    siteRooms !== undefined && merger.siteClassrooms === 0 ? siteRooms : merger.siteClassrooms,
    getPack(district.policyPack).values[`class_size.${merger.level}`].value,
  );
}

describe("布局调整 sheet", () => {
  it("puts mergeCheck()'s row after each move into the workbook and computes it in HyperFormula", () => {
    const { built, loaded } = build(FIXTURE);
    FIXTURE.mergers.forEach((_, m) => {
      const check = built.ctx.checks.find((c) => c.id === `mergers.${m}.capacity`);
      const r = expectedAfter(FIXTURE, m);
      expect(mergeRow(loaded, check?.cell ?? "")).toEqual([
        r.students,
        r.classesNeeded,
        r.classrooms,
        r.spare,
        r.averageClassSize,
        r.pass,
      ]);
      expect(check?.pass).toBe(r.pass);
    });
  });

  it("fails a move past the three-year deadline", () => {
    const { built, loaded } = build(FIXTURE);
    const late = built.ctx.checks.find((c) => c.id === "mergers.1.deadline");
    expect(late?.pass).toBe(false);
    expect(loaded.valueAt("布局调整", late?.cell ?? "")).toBe(false);
    expect(built.ctx.checks.find((c) => c.id === "mergers.0.deadline")?.pass).toBe(true);
  });

  it("checks both sites of the 海阳 chain in the five-town sample", () => {
    const wuzhen = getSample("wuzhen");
    const { built } = build(wuzhen);
    wuzhen.mergers.forEach((_, m) =>
      expect(built.ctx.checks.find((c) => c.id === `mergers.${m}.capacity`)?.pass).toBe(
        expectedAfter(wuzhen, m).pass,
      ),
    );
  });

  it("takes the site's classrooms from 学校 by reference when the merger enters none, and follows an edit there", () => {
    const input = structuredClone(FIXTURE_INPUT);
    const { siteClassrooms: _omit, ...merger } = input.mergers?.[0] ?? { siteClassrooms: 0 };
    const district = districtSchema.parse({ ...input, mergers: [{ ...merger, name: "P02并入P01" }] });
    const { built, loaded } = build(district);
    const cell = built.ctx.checks.find((c) => c.id === "mergers.0.capacity")?.cell ?? "";
    const p01 = district.schools.find((s) => s.code === "P01");
    expect(mergeRow(loaded, cell)[2]).toBe(p01?.classrooms);
    const rooms = built.output("schools").table.cell("classrooms", 0);
    loaded.setValue("学校", rooms, 40);
    expect(mergeRow(loaded, cell)[2]).toBe(40);
  });

  it("finds the site's school by the name in the site text (「P01学校现址」) when no code is given", () => {
    const input = structuredClone(FIXTURE_INPUT);
    const district = districtSchema.parse({
      ...input,
      mergers: [{ name: "P02并入", year: 2026, level: "primary", sources: ["P02"], site: "P01学校现址" }],
    });
    const { built, loaded } = build(district);
    const cell = built.ctx.checks.find((c) => c.id === "mergers.0.capacity")?.cell ?? "";
    expect(mergeRow(loaded, cell)[2]).toBe(district.schools[0]?.classrooms);
  });

  it("uses a site classroom count entered different from 学校 as entered, and says so on the sheet", () => {
    const { plan, built, loaded } = build(FIXTURE);
    const cell = built.ctx.checks.find((c) => c.id === "mergers.0.capacity")?.cell ?? "";
    expect(mergeRow(loaded, cell)[2]).toBe(14);
    const texts = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat().map((c) => c?.v)));
    expect(texts).toContain("现址教室数: 按录入 14 间 (学校 表「P01学校」为 8 间, 录入数视为扩建后)");
  });

  it("checks the 海阳 chain's order (I-11) and fails a move into a site before its school has left", () => {
    const wuzhen = getSample("wuzhen");
    const order = (district: District) => {
      const { built, loaded } = build(district);
      const check = built.ctx.checks.find((c) => c.id === "mergers.1.order");
      return { pass: check?.pass, computed: loaded.valueAt("布局调整", check?.cell ?? "") };
    };
    expect(order(wuzhen)).toEqual({ pass: true, computed: true });
    const early = { ...wuzhen, mergers: wuzhen.mergers.map((m, i) => (i === 1 ? { ...m, year: 2004 } : m)) };
    expect(order(early)).toEqual({ pass: false, computed: false });
  });

  it("names the merger and the code when a source school is missing", () => {
    const bad = districtSchema.parse({
      ...FIXTURE_INPUT,
      mergers: [{ ...FIXTURE_INPUT.mergers?.[0], sources: ["NOPE"] }],
    });
    expect(() => build(bad)).toThrow(/mergers\[0\]\.sources\[0\].*NOPE/);
  });

  it("agrees with mergeCheck() for generated enrollments and classrooms", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, rooms) => {
          const grades = (xs: number[]) => Object.fromEntries(xs.map((x, i) => [`g${i + 1}`, x]));
          const schools = [
            { ...(FIXTURE_INPUT.schools[0] as object), code: "A", grades: grades(a) },
            { ...(FIXTURE_INPUT.schools[0] as object), code: "B", grades: grades(b) },
          ];
          const district = districtSchema.parse({
            ...FIXTURE_INPUT,
            schools,
            mergers: [
              {
                name: "B→A",
                year: 2026,
                level: "primary",
                sources: ["B"],
                site: "A",
                stayingSchool: "A",
                siteClassrooms: rooms,
              },
            ],
          });
          const { built, loaded } = build(district);
          const r = expectedAfter(district, 0);
          const cell = built.ctx.checks.find((c) => c.id === "mergers.0.capacity")?.cell ?? "";
          const row = mergeRow(loaded, cell);
          expect(row.slice(0, 4)).toEqual([r.students, r.classesNeeded, r.classrooms, r.spare]);
          expect(row[4]).toBeCloseTo(r.averageClassSize, 9);
          expect(row[5]).toBe(r.pass);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("says a site short of classrooms as a shortage, never as a negative spare", () => {
    const { built } = build(getSample("wuzhen"));
    const capacity = built.ctx.checks.filter((c) => c.id.endsWith(".capacity"));
    const failing = capacity.filter((c) => !c.pass);
    expect(failing.length).toBeGreaterThan(0);
    for (const check of capacity) {
      expect(check.detailZh).not.toMatch(/富余 -/);
      expect(check.detailEn).not.toMatch(/spare -/);
    }
    for (const check of failing) {
      expect(check.detailZh).toMatch(/缺 \d+ 间$/);
      expect(check.detailEn).toMatch(/\d+ short$/);
    }
  });
});
