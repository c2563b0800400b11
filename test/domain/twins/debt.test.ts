import fc from "fast-check";
import { reconcile, reconcileFormula, reconciles, reconcilesFormula } from "../../../src/domain/debt";
import { evaluateFormulas, expectSameAsRule } from "../../support/hyperformula";
import { RUNS } from "./packs";

/**
 * Amounts to the cent, as the workbook holds money. Not to the tenth of a cent: at a half-cent tie HyperFormula's
 * ROUND rounds the binary value (−8579950.075 is stored as −8579950.07499… and goes to −.07) where Excel and
 * reconcile round the 15-digit decimal (−.08), so such inputs would compare two engines rather than the twin.
 */
const amount = fc.integer({ min: -1e11, max: 1e11 }).map((x) => x / 100);

describe("reconcileFormula", () => {
  it("gives reconcile's ROUND(stated − Σ parts, 2), skipping empty parts, for generated totals", () => {
    fc.assert(
      fc.property(
        amount,
        fc.array(fc.option(amount, { freq: 5 }), { minLength: 1, maxLength: 8 }),
        (stated, parts) => {
          const cells: Record<string, number | null> = { A1: stated };
          parts.forEach((p, i) => (cells[`B${i + 1}`] = p));
          const actual = evaluateFormulas(
            { cells, formulas: { C1: reconcileFormula("A1", [`B1:B${parts.length}`]) } },
            "C1",
          );
          expectSameAsRule(actual, () => reconcile(stated, parts));
        },
      ),
      RUNS,
    );
  });

  it("takes parts as several references, as a sheet that adds cells from two tables", () => {
    fc.assert(
      fc.property(amount, amount, amount, (stated, a, b) => {
        const actual = evaluateFormulas(
          { cells: { A1: stated, B1: a, B2: b }, formulas: { C1: reconcileFormula("A1", ["B1", "B2"]) } },
          "C1",
        );
        expectSameAsRule(actual, () => reconcile(stated, [a, b]));
      }),
      RUNS,
    );
  });
});

describe("reconcilesFormula", () => {
  it("agrees exactly where reconciles does, for differences around half a cent", () => {
    const difference = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }).map((x) => x / 10000),
      fc.integer({ min: -1e9, max: 1e9 }).map((x) => x / 100),
    );
    fc.assert(
      fc.property(difference, (d) => {
        const actual = evaluateFormulas(
          { cells: { A1: d }, formulas: { B1: reconcilesFormula("A1") } },
          "B1",
        );
        expectSameAsRule(actual, () => reconciles(d));
      }),
      RUNS,
    );
  });
});
