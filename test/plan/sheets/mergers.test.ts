import fc from "fast-check";
import { GRADES_BY_LEVEL } from "../../../src/district/grades";
import { districtSchema, type District } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { mergeCheck } from "../../../src/domain/classes";
import { parseCell, columnLetter } from "../../../src/plan/address";
import { buildMergersSheet } from "../../../src/plan/sheets/mergers";
import { getPack } from "../../../src/policy";
import { expectPlanComputes, type LoadedPlan } from "../../support/hyperformula";
import { context, FIXTURE, FIXTURE_INPUT, planOf } from "./helpers";

function build(district: District) {
  const built = context(district);
  const plan = planOf(built, [buildMergersSheet(built.ctx)]);
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
  return mergeCheck(
    matrix,
    merger.siteClassrooms,
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
});
