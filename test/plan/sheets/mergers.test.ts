import fc from "fast-check";
import { GRADES_BY_LEVEL } from "../../../src/district/grades";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { mergeCheck } from "../../../src/domain/classes";
import { parseCell, columnLetter } from "../../../src/plan/address";
import { getPack } from "../../../src/policy";
import { expectPlanComputes, type LoadedPlan } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf } from "./helpers";
import { FAIL, PASS, verdictOf } from "../planHelpers";

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
  const pack = getPack(district.policyPack);
  const own = mergeCheck(
    matrix,
    siteRooms !== undefined && merger.siteClassrooms === 0 ? siteRooms : merger.siteClassrooms,
    pack.values[`class_size.${merger.level}`].value,
  );
  // The staying school's other levels stay at the site: their classes, at their own class size, need rooms too.
  const staying = district.schools.find((s) => s.code === merger.stayingSchool);
  const others = (["primary", "junior", "senior"] as const)
    .filter((level) => level !== merger.level && staying)
    .map((level) => {
      const counts = GRADES_BY_LEVEL[level].map((g) => staying?.grades[g] ?? 0);
      return mergeCheck([counts], 0, pack.values[`class_size.${level}`].value);
    });
  const students = own.students + others.reduce((sum, o) => sum + o.students, 0);
  const classesNeeded = own.classesNeeded + others.reduce((sum, o) => sum + o.classesNeeded, 0);
  return {
    students,
    classesNeeded,
    classrooms: own.classrooms,
    spare: own.classrooms - classesNeeded,
    averageClassSize: classesNeeded === 0 ? 0 : students / classesNeeded,
    pass: own.classrooms - classesNeeded >= 0,
  };
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
        verdictOf(r.pass),
      ]);
      expect(check?.pass).toBe(r.pass);
    });
  });

  it("fails a move past the three-year deadline", () => {
    const { built, loaded } = build(FIXTURE);
    const late = built.ctx.checks.find((c) => c.id === "mergers.1.deadline");
    expect(late?.pass).toBe(false);
    expect(loaded.valueAt("布局调整", late?.cell ?? "")).toBe(FAIL);
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
    expect(order(wuzhen)).toEqual({ pass: true, computed: PASS });
    const early = { ...wuzhen, mergers: wuzhen.mergers.map((m, i) => (i === 1 ? { ...m, year: 2004 } : m)) };
    expect(order(early)).toEqual({ pass: false, computed: FAIL });
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
          expect(row[5]).toBe(verdictOf(r.pass));
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

describe("布局调整: a site that keeps another level", () => {
  const zero = { g1: 0, g2: 0, g3: 0, g4: 0, g5: 0, g6: 0, g7: 0, g8: 0, g9: 0 };
  const district = districtSchema.parse({
    ...structuredClone(FIXTURE_INPUT),
    schools: [
      ...structuredClone(FIXTURE_INPUT.schools),
      {
        ...structuredClone(FIXTURE_INPUT.schools[0]),
        code: "Y01",
        name: "一贯制学校",
        type: "九年一贯制",
        grades: { ...zero, g1: 20, g2: 20, g3: 20, g4: 20, g5: 20, g6: 20, g7: 40, g8: 40, g9: 40 },
        classes: 9,
        classrooms: 12,
      },
      {
        ...structuredClone(FIXTURE_INPUT.schools[0]),
        code: "Y02",
        name: "并入小学",
        type: "小学",
        grades: { ...zero, g1: 26, g2: 26, g3: 26, g4: 26, g5: 26, g6: 26 },
        classes: 6,
        classrooms: 6,
      },
    ],
    mergers: [
      {
        name: "Y02并入Y01",
        year: 2027,
        level: "primary",
        sources: ["Y02"],
        site: "Y01现址",
        stayingSchool: "Y01",
      },
    ],
  });

  it("fails a primary merger whose site keeps a junior section when only the primary classes would fit", () => {
    const pack = getPack(district.policyPack);
    expect([pack.values["class_size.primary"].value, pack.values["class_size.junior"].value]).toEqual([
      45, 50,
    ]);
    // Primary alone: 46 pupils in each of 6 grades need ROUNDUP(46/45) = 2 classes each, 12 in all: 12 rooms fit.
    expect(mergeCheck([[46, 46, 46, 46, 46, 46]], 12, 45)).toMatchObject({ classesNeeded: 12, pass: true });
    const { built, loaded } = build(district);
    const check = built.ctx.checks.find((c) => c.id === "mergers.0.capacity");
    // The junior section stays: 3 grades of 40 need 1 class each at 50, so 15 classes for 12 rooms (3 short);
    // 6 × 46 + 3 × 40 = 396 students, 396 / 15 = 26.4 per class.
    expect(mergeRow(loaded, check?.cell ?? "")).toEqual([396, 15, 12, -3, 26.4, FAIL]);
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toContain("缺 3 间");
  });

  it("counts the staying junior section before the move too: 6 + 3 classes in 12 rooms pass", () => {
    const { built, loaded } = build(district);
    const check = built.ctx.checks.find((c) => c.id === "mergers.0.capacity");
    const { row, column } = parseCell(check?.cell ?? "");
    const before = [5, 4, 3, 2, 1, 0].map((back) =>
      loaded.valueAt("布局调整", `${columnLetter(column - back)}${row}`),
    );
    expect(before).toEqual([240, 9, 12, 3, 240 / 9, PASS]);
  });

  it("follows an edit of the staying school's junior grades on 学校", () => {
    const { built, plan, loaded } = build(district);
    const check = built.ctx.checks.find((c) => c.id === "mergers.0.capacity");
    const schools = plan.sheets.find((s) => s.key === "schools");
    const table = schools?.tables.find((t) => t.name === "tblSchools");
    if (!schools || !table) throw new Error("no 学校");
    const start = parseCell(table.range.split(":")[0] ?? "");
    const g7 = table.columns.findIndex((c) => c.name === "七年级");
    const index = district.schools.findIndex((s) => s.code === "Y01");
    // 七年级 from 40 to 120: ROUNDUP(120/50) = 3 classes, 2 more.
    loaded.setValue(schools.name, `${columnLetter(start.column + g7)}${start.row + 2 + index}`, 120);
    expect(mergeRow(loaded, check?.cell ?? "").slice(1, 4)).toEqual([17, 12, -5]);
  });
});
