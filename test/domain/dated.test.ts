import fc from "fast-check";
import { budgetYear, rowInForce } from "../../src/domain/dated";

describe("rules in force in a year", () => {
  const rows = [
    { from: 2001, v: "a" },
    { from: 2014, v: "b" },
  ];
  it("picks the latest row starting in or before the year, and none before the first", () => {
    expect(rowInForce(rows, 2000)).toBeUndefined();
    expect(rowInForce(rows, 2001)?.v).toBe("a");
    expect(rowInForce(rows, 2013)?.v).toBe("a");
    expect(rowInForce(rows, 2014)?.v).toBe("b");
    expect(rowInForce(rows, 2099)?.v).toBe("b");
  });
  it("never picks a row that starts after the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), (year) => {
        const row = rowInForce(rows, year);
        if (row) expect(row.from).toBeLessThanOrEqual(year);
        else expect(year).toBeLessThan(2001);
      }),
    );
  });
  it("accepts whole years from 1900 to 9999 and names the year argument otherwise", () => {
    expect(budgetYear(1900)).toBe(1900);
    expect(budgetYear(9999)).toBe(9999);
    for (const bad of [2012.5, 1899, 10000, 45000, -1, NaN, Infinity]) {
      expect(() => budgetYear(bad)).toThrow(
        expect.objectContaining({ kind: "value", message: expect.stringMatching(/^year: a whole year/) }),
      );
    }
  });
});
