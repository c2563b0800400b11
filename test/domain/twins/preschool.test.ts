import fc from "fast-check";
import {
  enrollmentRate,
  enrollmentRateFormula,
  kgCapacity,
  kgCapacityFormula,
  placesNeeded,
  placesNeededFormula,
} from "../../../src/domain/preschool";
import { policyName } from "../../../src/policy/packs";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { packNames, packWith, RUNS } from "./packs";

const people = fc.integer({ min: 0, max: 20_000 });

describe("enrollmentRateFormula", () => {
  it("gives enrollmentRate, and #DIV/0! for no population", () => {
    fc.assert(
      fc.property(people, people, (enrolled, population) => {
        const actual = evaluateFormulas(
          { cells: { A1: enrolled, B1: population }, formulas: { C1: enrollmentRateFormula("A1", "B1") } },
          "C1",
        );
        expectSameAsRule(actual, () => enrollmentRate(enrolled, population));
      }),
      RUNS,
    );
  });
});

describe("placesNeededFormula", () => {
  it("gives placesNeeded's max(0, ROUNDUP(target × population) − enrolled) for targets in whole percent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        people,
        people,
        (target, population, enrolled) => {
          const actual = evaluateFormulas(
            {
              cells: { A1: target, B1: population, C1: enrolled },
              formulas: { D1: placesNeededFormula("A1", "B1", "C1") },
            },
            "D1",
          );
          expectSameAsRule(actual, () => placesNeeded(target, population, enrolled));
        },
      ),
      // 0.55 × 14000 is 7700.000000000001 in binary: both must still need 7700 places.
      { ...RUNS, examples: [[0.55, 14_000, 0]] },
    );
  });

  it("needs 7700 places for 55 % of 14000 children, binary noise ignored", () => {
    const actual = evaluateFormulas(
      { cells: { A1: 0.55, B1: 14_000, C1: 0 }, formulas: { D1: placesNeededFormula("A1", "B1", "C1") } },
      "D1",
    );
    expect(actual).toBe(7700);
    expect(placesNeeded(0.55, 14_000, 0)).toBe(7700);
  });
});

describe("kgCapacityFormula", () => {
  it("gives kgCapacity's places by class type with the pack's class sizes", () => {
    const classes = fc.integer({ min: 0, max: 20 });
    const size = fc.integer({ min: 10, max: 45 });
    const pack = packWith({
      "class_size.kg_small": size,
      "class_size.kg_middle": size,
      "class_size.kg_large": size,
      "class_size.kg_mixed": size,
    });
    fc.assert(
      fc.property(pack, classes, classes, classes, classes, (pack, small, middle, large, mixed) => {
        const formula = kgCapacityFormula(
          { small: "A1", middle: "B1", large: "C1", mixed: "D1" },
          {
            small: policyName("class_size.kg_small"),
            middle: policyName("class_size.kg_middle"),
            large: policyName("class_size.kg_large"),
            mixed: policyName("class_size.kg_mixed"),
          },
        );
        const names = packNames(pack, [
          "class_size.kg_small",
          "class_size.kg_middle",
          "class_size.kg_large",
          "class_size.kg_mixed",
        ]);
        const actual = evaluateFormulas(
          { cells: { A1: small, B1: middle, C1: large, D1: mixed }, formulas: { E1: formula }, names },
          "E1",
        );
        expectSameAsRule(actual, () => kgCapacity(pack, small, middle, large, mixed));
      }),
      RUNS,
    );
  });
});
