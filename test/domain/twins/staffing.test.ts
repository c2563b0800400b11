import fc from "fast-check";
import {
  CLASS_STAFF_KEY,
  classStaffQuota,
  classStaffQuotaFormula,
  schoolStaffQuota,
  schoolStaffQuotaFormula,
  staffPerClass,
  staffQuota,
  staffQuotaFormula,
  staffRatio,
} from "../../../src/domain/staffing";
import { policyName } from "../../../src/policy/packs";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { anyPack, packNames, RUNS } from "./packs";

describe("staffQuotaFormula", () => {
  it("gives staffQuota's students / ratio with the pack's ratio by level, for generated schools", () => {
    fc.assert(
      fc.property(
        anyPack,
        fc.constantFrom("primary", "junior", "senior"),
        fc.integer({ min: 0, max: 5000 }),
        (pack, level, students) => {
          const key = `staff_ratio.${level}` as const;
          const actual = evaluateFormulas(
            {
              cells: { A1: students },
              formulas: { B1: staffQuotaFormula("A1", policyName(key)) },
              names: packNames(pack, [key]),
            },
            "B1",
          );
          expectSameAsRule(actual, () => staffQuota(students, staffRatio(pack, level)));
        },
      ),
      RUNS,
    );
  });

  it("shows #DIV/0! for a zero ratio, as staffQuota", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 400 }).map((x) => x / 10),
        ),
        (students, ratio) => {
          const actual = evaluateFormulas(
            { cells: { A1: students, A2: ratio }, formulas: { B1: staffQuotaFormula("A1", "A2") } },
            "B1",
          );
          expectSameAsRule(actual, () => staffQuota(students, ratio));
        },
      ),
      RUNS,
    );
  });
});

describe("schoolStaffQuotaFormula and classStaffQuotaFormula", () => {
  it("give schoolStaffQuota over classStaffQuota for every school type, as the rules do", () => {
    fc.assert(
      fc.property(
        anyPack,
        fc.constantFrom("小学", "教学点", "特教学校", "九年一贯制"),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 60 }),
        (pack, type, students, classes) => {
          const kind = type === "教学点" ? "teachingPoint" : type === "特教学校" ? "special" : undefined;
          const perClass = kind ? policyName(CLASS_STAFF_KEY[kind]) : "0";
          const actual = evaluateFormulas(
            {
              cells: { A1: type, B1: students, C1: classes },
              formulas: {
                D1: `IF(A1="特教学校",0,${staffQuotaFormula("B1", policyName("staff_ratio.primary"))})`,
                E1: classStaffQuotaFormula("C1", perClass),
                F1: schoolStaffQuotaFormula("A1", "D1", "E1"),
              },
              names: packNames(pack, [
                "staff_ratio.primary",
                "staff_ratio.class_teaching_point",
                "staff_ratio.class_special",
              ]),
            },
            "F1",
          );
          expectSameAsRule(actual, () =>
            schoolStaffQuota(
              kind ?? "ordinary",
              kind === "special" ? 0 : staffQuota(students, staffRatio(pack, "primary")),
              kind ? classStaffQuota(classes, staffPerClass(pack, kind)) : 0,
            ),
          );
        },
      ),
      RUNS,
    );
  });
});
