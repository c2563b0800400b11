/** The error boundary every EDU function runs in: only values Excel can show, or an Excel error, come out. */
import "../support/custom-functions-runtime";
import { CustomFunctionsError } from "../support/custom-functions-runtime";
import {
  excel,
  excelRange,
  excelRangeWithErrors,
  numberRow,
  numbersOrGaps,
} from "../../src/functions/adapter";
import { RuleError } from "../../src/domain/errors";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("nothing was thrown");
}

describe("excel", () => {
  it("returns a finite number, text or TRUE/FALSE as the body gave it", () => {
    expect(excel(() => 0.25)).toBe(0.25);
    expect(excel(() => "正常")).toBe("正常");
    expect(excel(() => false)).toBe(false);
  });
  it("turns NaN, Infinity and undefined into #VALUE!", () => {
    for (const bad of [NaN, Infinity, -Infinity, undefined as unknown as number]) {
      expect(thrown(() => excel(() => bad))).toEqual(
        new CustomFunctionsError("#VALUE!", "the inputs give no finite result"),
      );
    }
  });
  it("turns rule errors into their Excel errors and any other exception into #VALUE! without its text", () => {
    expect(
      thrown(() =>
        excel(() => {
          throw new RuleError("div0", "prior is 0");
        }),
      ),
    ).toMatchObject({ code: "#DIV/0!" });
    expect(
      thrown(() =>
        excel(() => {
          throw new RuleError("na", "no limit");
        }),
      ),
    ).toEqual(new CustomFunctionsError("#N/A", "no limit"));
    const internal = thrown(() =>
      excel((): number => {
        throw new TypeError("secret internals");
      }),
    );
    expect(internal).toBeInstanceOf(CustomFunctionsError);
    expect((internal as CustomFunctionsError).code).toBe("#VALUE!");
    expect((internal as CustomFunctionsError).message).not.toContain("secret");
  });
});

describe("excelRange", () => {
  it("returns a rectangle of showable cells as the body gave it", () => {
    const rows = [
      ["G1", 0.05, 0.06, false],
      ["G2", 0.05, 0, true],
    ];
    expect(excelRange(() => rows)).toBe(rows);
  });
  it("turns an empty, ragged or unshowable spill into #VALUE!", () => {
    for (const bad of [[], [[]], [[1, 2], [3]], [[1, NaN]], [[1, undefined]], [[null]], [[[1]]]]) {
      expect(thrown(() => excelRange(() => bad as unknown[][]))).toMatchObject({ code: "#VALUE!" });
    }
    expect(thrown(() => excelRange(() => undefined as unknown as unknown[][]))).toMatchObject({
      code: "#VALUE!",
    });
  });
  it("turns what the body throws into the Excel error", () => {
    expect(
      thrown(() =>
        excelRange(() => {
          throw new RuleError("value", "amounts: a column");
        }),
      ),
    ).toEqual(new CustomFunctionsError("#VALUE!", "amounts: a column"));
  });
});

describe("excelRangeWithErrors", () => {
  it("shows a rule error in its own cell as its Excel error, the other cells as they are", () => {
    const [[value, error]] = excelRangeWithErrors(() => [[0.98, new RuleError("div0", "x is 0")]]) as [
      [unknown, unknown],
    ];
    expect(value).toBe(0.98);
    expect(error).toBeInstanceOf(CustomFunctionsError);
    expect((error as CustomFunctionsError).code).toBe("#DIV/0!");
  });
  it("still turns an empty, ragged or unshowable spill, or a thrown rule error, into #VALUE!", () => {
    for (const bad of [[], [[]], [[1, 2], [3]], [[1, NaN]], [[undefined]], [[null]]]) {
      expect(thrown(() => excelRangeWithErrors(() => bad as unknown[][]))).toMatchObject({ code: "#VALUE!" });
    }
    expect(
      thrown(() =>
        excelRangeWithErrors(() => {
          throw new RuleError("value", "history: a range");
        }),
      ),
    ).toEqual(new CustomFunctionsError("#VALUE!", "history: a range"));
  });
});

describe("numbersOrGaps and numberRow", () => {
  it("reads every cell that is not a finite number as a gap, checking only the shape", () => {
    expect(numbersOrGaps([[1, "", "x", true, null]], "history")).toEqual([[1, null, null, null, null]]);
    expect(numbersOrGaps(7, "history")).toEqual([[7]]);
    expect(thrown(() => numbersOrGaps([[1, 2], [3]], "history"))).toMatchObject({
      message: expect.stringMatching(/^history: a rectangular range/),
    });
  });
  it("takes one row with a number in every cell, naming the argument otherwise", () => {
    expect(numberRow([[250, 294]], "current", "enrollment by grade")).toEqual([250, 294]);
    expect(thrown(() => numberRow([[250], [294]], "current", "enrollment by grade"))).toMatchObject({
      message: expect.stringMatching(/^current: one row/),
    });
    expect(thrown(() => numberRow([[250, null]], "current", "enrollment by grade"))).toMatchObject({
      message: expect.stringMatching(/^current: a number in every cell/),
    });
  });
});
