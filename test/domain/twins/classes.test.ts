import fc from "fast-check";
import {
  averageClassSizeFormula,
  capacity,
  capacityFormula,
  classBand,
  classBandFormula,
  classesNeeded,
  classesNeededFormula,
  mergeCheck,
  mergePassFormula,
  spareClassroomsFormula,
} from "../../../src/domain/classes";
import { columnLetter } from "../../../src/plan/address";
import { policyName } from "../../../src/policy/packs";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { packNames, packWith, RUNS } from "./packs";

describe("classBandFormula", () => {
  it("gives classBand's band, and #DIV/0! for no classes, for generated schools and thresholds", () => {
    // Thresholds in order, generated so that each band (and each name) is exercised.
    const from = fc.integer({ min: 1, max: 100 });
    const pack = packWith({
      "class_band.oversize_from": from,
      "class_band.large_from": from,
      "class_band.super_large_from": from,
    }).filter(
      (p) =>
        p.values["class_band.oversize_from"].value < p.values["class_band.large_from"].value &&
        p.values["class_band.large_from"].value < p.values["class_band.super_large_from"].value,
    );
    fc.assert(
      fc.property(
        pack,
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 80 }),
        (pack, students, classes) => {
          const names = packNames(pack, [
            "class_band.oversize_from",
            "class_band.large_from",
            "class_band.super_large_from",
          ]);
          const formula = classBandFormula("A1", "B1", {
            oversizeFrom: policyName("class_band.oversize_from"),
            largeFrom: policyName("class_band.large_from"),
            superLargeFrom: policyName("class_band.super_large_from"),
          });
          const actual = evaluateFormulas(
            { cells: { A1: students, B1: classes }, formulas: { C1: formula }, names },
            "C1",
          );
          expectSameAsRule(actual, () => classBand(pack, students, classes));
        },
      ),
      RUNS,
    );
  });
});

/** Enrollment by school (rows) and grade (columns); empty cells are null. */
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, grades]) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { freq: 6 }), {
        minLength: grades,
        maxLength: grades,
      }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  );

/** The matrix in A1…, and each grade's total as a SUM over its column. */
function layout(m: readonly (readonly (number | null)[])[]) {
  const cells: Record<string, number | null> = {};
  m.forEach((row, r) => row.forEach((v, j) => (cells[`${columnLetter(j)}${r + 1}`] = v)));
  const totals = (m[0] ?? []).map((_, j) => `SUM(${columnLetter(j)}1:${columnLetter(j)}${m.length})`);
  return { cells, totals };
}

describe("classesNeededFormula", () => {
  it("gives classesNeeded's Σ ROUNDUP(grade total / size), and #DIV/0! for a zero size", () => {
    fc.assert(
      fc.property(matrix, fc.integer({ min: 0, max: 60 }), (m, size) => {
        const { cells, totals } = layout(m);
        const actual = evaluateFormulas(
          { cells: { ...cells, Z1: size }, formulas: { Z2: classesNeededFormula(totals, "Z1") } },
          "Z2",
        );
        expectSameAsRule(actual, () => classesNeeded(m, size));
      }),
      RUNS,
    );
  });
});

describe("the merge check's formulas", () => {
  it("give mergeCheck's spare classrooms, average class size and pass for generated sites", () => {
    fc.assert(
      fc.property(
        matrix,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (m, rooms, size) => {
          const { cells, totals } = layout(m);
          const sheet = {
            cells: { ...cells, Z1: size, Z2: rooms },
            formulas: {
              Z3: `SUM(A1:${columnLetter((m[0]?.length ?? 1) - 1)}${m.length})`,
              Z4: classesNeededFormula(totals, "Z1"),
              Z5: spareClassroomsFormula("Z2", "Z4"),
              Z6: averageClassSizeFormula("Z3", "Z4"),
              Z7: mergePassFormula("Z5"),
            },
          };
          const result = mergeCheck(m, rooms, size);
          expectSameAsRule(evaluateFormulas(sheet, "Z5"), () => result.spare);
          expectSameAsRule(evaluateFormulas(sheet, "Z6"), () => result.averageClassSize);
          expectSameAsRule(evaluateFormulas(sheet, "Z7"), () => result.pass);
        },
      ),
      RUNS,
    );
  });
});

describe("capacityFormula", () => {
  it("gives capacity's classrooms × class size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 66 }), (rooms, size) => {
        const actual = evaluateFormulas(
          { cells: { A1: rooms, B1: size }, formulas: { C1: capacityFormula("A1", "B1") } },
          "C1",
        );
        expectSameAsRule(actual, () => capacity(rooms, size));
      }),
      RUNS,
    );
  });
});
