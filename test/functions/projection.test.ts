/** The enrollment-projection and budget-classification functions as Excel calls them (src/functions/projection, budget). */
import fc from "fast-check";
import "../support/custom-functions-runtime";
import { CustomFunctionsError } from "../support/custom-functions-runtime";
import { ENTRY_RATE, FUNC_CODE, PROGRESSION_RATIO, PROJECT_ENROLLMENT } from "../../src/functions/functions";

/** Calls a function and returns its value, or the Excel error it throws. */
function call(f: (...args: never[]) => unknown, ...args: unknown[]): unknown {
  try {
    return (f as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    return e;
  }
}
const err = (code: string, message?: RegExp) =>
  expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });
const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

const HISTORY = [
  [200, 204, 180],
  [300, 196, 198],
  [250, 294, 198],
];

describe("EDU.PROGRESSION_RATIO", () => {
  it("spills one row of grades − 1 ratios", () => {
    expect(PROGRESSION_RATIO(HISTORY)).toEqual([[0.98, 0.99]]);
  });
  it("skips empty, text and TRUE/FALSE cells, dropping only their pairs", () => {
    for (const gap of [null, "", "n/a", true]) {
      expect(
        PROGRESSION_RATIO([
          [200, 200, 180],
          [300, gap, 198],
          [250, 294, 198],
        ]),
      ).toEqual([[0.98, 0.99]]);
    }
  });
  it("shows #DIV/0! in the column of a grade with no pupils and keeps the other column", () => {
    const [[first, second]] = PROGRESSION_RATIO([
      [200, 0, 180],
      [300, 196, 198],
    ]) as [[unknown, unknown]];
    expect(first).toBe(0.98);
    expect(second).toBeInstanceOf(CustomFunctionsError);
    expect((second as CustomFunctionsError).code).toBe("#DIV/0!");
  });
  it("gives #VALUE! naming history for a single row, a single column or a single cell", () => {
    for (const history of [[[200, 204, 180]], col(200, 300), 200]) {
      expect(call(PROGRESSION_RATIO, history)).toEqual(err("#VALUE!", /history/));
    }
  });
});

describe("EDU.PROJECT_ENROLLMENT", () => {
  it("spills n rows × grades from Excel rows and an intake column", () => {
    const rows = PROJECT_ENROLLMENT([[250, 294, 198]], [[0.98, 0.99]], col(260, 240, 230)) as number[][];
    const expected = [
      [260, 245, 291.06],
      [240, 254.8, 242.55],
      [230, 235.2, 252.252],
    ];
    expected.forEach((cells, i) => cells.forEach((x, g) => expect(rows[i]![g]).toBeCloseTo(x, 9)));
    expect(rows.map((r) => r.length)).toEqual([3, 3, 3]);
  });
  it("takes the ratios PROGRESSION_RATIO spills", () => {
    const ratios = PROGRESSION_RATIO(HISTORY);
    expect(PROJECT_ENROLLMENT([HISTORY[2]!], ratios, [[260]])).toEqual(
      PROJECT_ENROLLMENT([[250, 294, 198]], [[0.98, 0.99]], [[260]]),
    );
  });
  it("gives #VALUE! when ratios is not grades − 1 cells, or current or ratios is not one row", () => {
    expect(call(PROJECT_ENROLLMENT, [[250, 294, 198]], [[0.98]], col(260))).toEqual(err("#VALUE!", /ratios/));
    expect(call(PROJECT_ENROLLMENT, col(250, 294, 198), [[0.98, 0.99]], col(260))).toEqual(
      err("#VALUE!", /current: one row/),
    );
    expect(call(PROJECT_ENROLLMENT, [[250, 294, 198]], col(0.98, 0.99), col(260))).toEqual(
      err("#VALUE!", /ratios: one row/),
    );
  });
  it("gives #VALUE! for negative numbers, empty cells and text, naming the argument", () => {
    expect(call(PROJECT_ENROLLMENT, [[250, -1, 198]], [[0.98, 0.99]], col(260))).toEqual(
      err("#VALUE!", /current/),
    );
    expect(call(PROJECT_ENROLLMENT, [[250, null, 198]], [[0.98, 0.99]], col(260))).toEqual(
      err("#VALUE!", /current/),
    );
    expect(call(PROJECT_ENROLLMENT, [[250, 294, 198]], [[0.98, "x"]], col(260))).toEqual(
      err("#VALUE!", /ratios/),
    );
    expect(call(PROJECT_ENROLLMENT, [[250, 294, 198]], [[0.98, 0.99]], col(260, null))).toEqual(
      err("#VALUE!", /entrants/),
    );
    expect(call(PROJECT_ENROLLMENT, [[250, 294, 198]], [[0.98, 0.99]], col(-260))).toEqual(
      err("#VALUE!", /entrants/),
    );
  });
  it("gives as many rows as entrants has years, in a row or a column", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (intake, asRow) => {
          const entrants = asRow ? [intake] : intake.map((x) => [x]);
          const rows = PROJECT_ENROLLMENT([[250, 294, 198]], [[0.98, 0.99]], entrants) as number[][];
          expect(rows.map((r) => r[0])).toEqual(intake);
        },
      ),
    );
  });
});

describe("EDU.ENTRY_RATE", () => {
  it("gives Σ entrants / Σ births over the pairs of numbers", () => {
    expect(ENTRY_RATE(col(1030, 1133), col(1000, 1100))).toBe(1.03);
    expect(ENTRY_RATE(col(1030, "", 1133), col(1000, 900, 1100))).toBe(1.03);
    expect(ENTRY_RATE([[1030, 1133]], [[1000, 1100]])).toBe(1.03);
  });
  it("gives #DIV/0! when the births add up to 0", () => {
    expect(call(ENTRY_RATE, col(30), col(0))).toEqual(err("#DIV/0!"));
    expect(call(ENTRY_RATE, col(30, ""), col("", 0))).toEqual(err("#DIV/0!"));
  });
  it("gives #VALUE! for ranges of different shapes, a row against a column too", () => {
    expect(call(ENTRY_RATE, col(1030, 1133), col(1000))).toEqual(err("#VALUE!", /births/));
    expect(call(ENTRY_RATE, col(1030, 1133), [[1000, 1100]])).toEqual(err("#VALUE!", /same shape/));
  });
});

describe("EDU.FUNC_CODE", () => {
  const CODES: Record<string, string> = {
    幼儿园: "2050201",
    kindergarten: "2050201",
    小学: "2050202",
    primary: "2050202",
    初中: "2050203",
    junior: "2050203",
    高中: "2050204",
    senior: "2050204",
    特教: "2050701",
    特殊教育: "2050701",
    special: "2050701",
    职业: "2050302",
    中职: "2050302",
    vocational: "2050302",
    " Senior ": "2050204",
    SPECIAL: "2050701",
  };
  it.each(Object.entries(CODES))("gives %s the code %s, as text", (level, code) => {
    expect(FUNC_CODE(level)).toBe(code);
  });
  it("gives #N/A with a message naming the accepted levels for any other level", () => {
    for (const level of ["大学", "小班", "", "college"]) {
      expect(call(FUNC_CODE, level)).toEqual(err("#N/A", /level.*职业\|中职\|vocational/));
    }
  });
  it("gives #VALUE! naming level for a number or an empty cell", () => {
    expect(call(FUNC_CODE, 205)).toEqual(err("#VALUE!", /level/));
    expect(call(FUNC_CODE, null)).toEqual(err("#VALUE!", /level/));
  });
});
