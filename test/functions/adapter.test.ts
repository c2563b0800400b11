/** The error boundary every EDU function runs in: only values Excel can show, or an Excel error, come out. */
import "../support/custom-functions-runtime";
import { CustomFunctionsError } from "../support/custom-functions-runtime";
import { excel, excelRange } from "../../src/functions/adapter";
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
