import fc from "fast-check";
import {
  dropoutCheck,
  dropoutCheckFormula,
  dropoutLimit,
  dropoutLimitFormula,
  dropoutRate,
  dropoutRateFormula,
} from "../../../src/domain/dropout";
import { parseArea, type Level } from "../../../src/domain/levels";
import { policyName } from "../../../src/policy/packs";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { packNames, packWith, RUNS } from "./packs";

/** Start-of-year enrollment and the dropouts among them. */
const enrollment = fc
  .integer({ min: 0, max: 3000 })
  .chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: 0, max: start })));

describe("dropoutRateFormula", () => {
  it("gives dropoutRate, and #DIV/0! for no enrollment, for generated schools", () => {
    fc.assert(
      fc.property(enrollment, ([start, dropouts]) => {
        const actual = evaluateFormulas(
          { cells: { A1: start, B1: dropouts }, formulas: { C1: dropoutRateFormula("A1", "B1") } },
          "C1",
        );
        expectSameAsRule(actual, () => dropoutRate(start, dropouts));
      }),
      RUNS,
    );
  });
});

/** The levels each 学段 text of the schools table teaches (the limit is the lowest of theirs). */
const LEVELS_OF: Readonly<Record<string, readonly Level[]>> = {
  小学: ["primary"],
  初中: ["junior"],
  "小学+初中": ["primary", "junior"],
  "初中+高中": ["junior"],
  高中: ["senior"],
  幼儿园: ["kindergarten"],
};

describe("dropoutLimitFormula", () => {
  it("gives dropoutLimit by 学段 and 城乡, and #N/A for a level without a limit, for generated limits", () => {
    const limit = fc.integer({ min: 0, max: 500 }).map((x) => x / 10000);
    const pack = packWith({
      "dropout.primary": limit,
      "dropout.junior.urban": limit,
      "dropout.junior.town": limit,
      "dropout.junior.rural": limit,
    });
    fc.assert(
      fc.property(
        pack,
        fc.constantFrom(...Object.keys(LEVELS_OF)),
        fc.constantFrom("城市", "县镇", "农村", ""),
        (pack, level, area) => {
          const formula = dropoutLimitFormula("A1", "B1", {
            primary: policyName("dropout.primary"),
            urban: policyName("dropout.junior.urban"),
            town: policyName("dropout.junior.town"),
            rural: policyName("dropout.junior.rural"),
          });
          const names = packNames(pack, [
            "dropout.primary",
            "dropout.junior.urban",
            "dropout.junior.town",
            "dropout.junior.rural",
          ]);
          const actual = evaluateFormulas(
            { cells: { A1: level, B1: area }, formulas: { C1: formula }, names },
            "C1",
          );
          expectSameAsRule(actual, () =>
            Math.min(...(LEVELS_OF[level] ?? []).map((l) => dropoutLimit(pack, l, parseArea(area)))),
          );
        },
      ),
      RUNS,
    );
  });
});

describe("dropoutCheckFormula", () => {
  it("gives dropoutCheck's verdict for generated schools and limits", () => {
    const rate = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10000);
    fc.assert(
      fc.property(
        enrollment.filter(([start]) => start > 0),
        rate,
        ([start, dropouts], limit) => {
          const actual = evaluateFormulas(
            {
              cells: { A1: start, B1: dropouts, D1: limit },
              formulas: { C1: dropoutRateFormula("A1", "B1"), E1: dropoutCheckFormula("C1", "D1") },
            },
            "E1",
          );
          expectSameAsRule(actual, () => dropoutCheck(start, dropouts, limit));
        },
      ),
      RUNS,
    );
  });
});
