/** CLASSES_NEEDED and MERGE_CHECK read per-grade counts the same way whether they are typed in a row or a column. */
import fc from "fast-check";
import "../support/custom-functions-runtime";
import * as F from "../../src/functions/functions";

const column = (xs: readonly number[]): number[][] => xs.map((x) => [x]);

describe("per-grade enrollment in a row or a column", () => {
  it("needs two classes for each of six grades of 46 pupils, typed down a column", () => {
    const grades = [46, 46, 46, 46, 46, 46];
    expect(F.CLASSES_NEEDED(column(grades), "小学")).toBe(12);
    expect(F.CLASSES_NEEDED([grades], "小学")).toBe(12);
  });

  it("fails a merger short of classrooms whichever way its grades are typed", () => {
    const grades = [46, 46, 46, 46, 46, 46];
    expect(F.MERGE_CHECK(column(grades), 7, "小学")).toEqual([[276, 12, 7, -5, 23, false]]);
    expect(F.MERGE_CHECK([grades], 7, "小学")).toEqual([[276, 12, 7, -5, 23, false]]);
  });

  it("gives the same classes for any counts typed as a row or as a column", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 12 }), (grades) => {
        expect(F.CLASSES_NEEDED(column(grades), "初中")).toBe(F.CLASSES_NEEDED([grades], "初中"));
      }),
    );
  });

  it("still sums a matrix's rows (schools) per grade column", () => {
    expect(
      F.CLASSES_NEEDED(
        [
          [23, 23],
          [23, 23],
        ],
        "小学",
      ),
    ).toBe(4);
  });
});
