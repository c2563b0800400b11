import fc from "fast-check";
import { staffQuota, staffQuotaFormula, staffRatio } from "../../../src/domain/staffing";
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
