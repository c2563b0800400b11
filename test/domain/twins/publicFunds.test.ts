import fc from "fast-check";
import {
  fundedPupils,
  fundedPupilsFormula,
  parseRegion,
  publicFunds,
  publicFundsFormula,
  publicFundsNorm,
  publicFundsNormFormula,
} from "../../../src/domain/publicFunds";
import { policyName } from "../../../src/policy/packs";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { anyPack, packNames, packWith, RUNS } from "./packs";

/**
 * A compulsory school: students (often right at the small-school floor, where the rule turns), boarders and
 * special-needs students among them, small rural or not.
 */
const school = (floor: number) =>
  fc
    .oneof(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: -1, max: 1 }).map((d) => Math.max(0, floor + d)),
    )
    .chain((students) =>
      fc.record({
        students: fc.constant(students),
        boarders: fc.integer({ min: 0, max: students }),
        special: fc.integer({ min: 0, max: students }),
        smallRural: fc.boolean(),
        norm: fc.integer({ min: 0, max: 200_000 }).map((x) => x / 100),
      }),
    );

describe("fundedPupilsFormula and publicFundsFormula", () => {
  it("give fundedPupils (the 100-pupil floor, special students apart) and publicFunds for generated schools", () => {
    const pack = packWith({
      "public_funds.small_school_floor": fc.integer({ min: 0, max: 200 }),
      "public_funds.special": fc.integer({ min: 0, max: 10_000 }),
      "public_funds.boarder": fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(
        pack.chain((p) =>
          fc.tuple(fc.constant(p), school(p.values["public_funds.small_school_floor"].value)),
        ),
        ([pack, s]) => {
          const sheet = {
            cells: { A1: s.students, B1: s.boarders, C1: s.special, D1: s.smallRural, E1: s.norm },
            formulas: {
              F1: fundedPupilsFormula("A1", "C1", "D1", policyName("public_funds.small_school_floor")),
              G1: publicFundsFormula("F1", "E1", "C1", "B1", {
                special: policyName("public_funds.special"),
                boarder: policyName("public_funds.boarder"),
              }),
            },
            names: packNames(pack, [
              "public_funds.small_school_floor",
              "public_funds.special",
              "public_funds.boarder",
            ]),
          };
          expectSameAsRule(evaluateFormulas(sheet, "F1"), () => fundedPupils(s, pack));
          expectSameAsRule(evaluateFormulas(sheet, "G1"), () => publicFunds(s, pack));
        },
      ),
      RUNS,
    );
  });
});

describe("publicFundsNormFormula", () => {
  it("gives publicFundsNorm by region for 小学 and 初中 in every pack", () => {
    fc.assert(
      fc.property(
        anyPack,
        fc.constantFrom("primary", "junior"),
        fc.constantFrom("东部", "中西部"),
        (pack, level, region) => {
          const east = `public_funds.east.${level}` as const;
          const centralWest = `public_funds.central_west.${level}` as const;
          const actual = evaluateFormulas(
            {
              cells: { A1: region },
              formulas: {
                B1: publicFundsNormFormula("A1", {
                  east: policyName(east),
                  centralWest: policyName(centralWest),
                }),
              },
              names: packNames(pack, [east, centralWest]),
            },
            "B1",
          );
          expectSameAsRule(actual, () => publicFundsNorm(pack, level, parseRegion(region)));
        },
      ),
      RUNS,
    );
  });
});
