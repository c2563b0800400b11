import fc from "fast-check";
import {
  EXCEL_LIMITS,
  cellTextBreach,
  checkedList,
  columnWidthViolation,
  formulaLimitBreaches,
  hasStyle,
  listFormula,
  listSource,
  listViolation,
  repeatRowsViolation,
  styleNamed,
  styleViolation,
  tabColorViolation,
  titleRows,
} from "../../src/plan/excelRules";

const limits = (formula: string) =>
  formulaLimitBreaches(formula).map(({ limit, max, actual }) => ({ limit, max, actual }));

/** n ones added up: "1+1+…", 2n − 1 characters. */
const ones = (n: number): string => Array.from({ length: n }, () => "1").join("+");

describe("Excel's formula limits", () => {
  it("accepts a formula of 8,192 characters with its = and refuses one of 8,193", () => {
    const longest = ones(4096);
    expect(longest.length + 1).toBe(8192);
    expect(limits(longest)).toEqual([]);
    expect(limits(`${longest}1`)).toEqual([{ limit: "formulaLength", max: 8192, actual: 8193 }]);
  });

  it("accepts 64 levels of nested functions and refuses 65", () => {
    const nested = (depth: number) => `${"ABS(".repeat(depth)}1${")".repeat(depth)}`;
    expect(limits(nested(64))).toEqual([]);
    expect(limits(nested(65))).toEqual([{ limit: "nesting", max: 64, actual: 65 }]);
  });

  it("counts grouping parentheses as nesting too", () => {
    expect(limits(`${"(".repeat(64)}1${")".repeat(64)}`)).toEqual([]);
    expect(limits(`${"(".repeat(65)}1${")".repeat(65)}`)).toEqual([
      { limit: "nesting", max: 64, actual: 65 },
    ]);
  });

  it("accepts 255 arguments of one function and refuses 256, naming the function", () => {
    const sum = (n: number) => `SUM(${Array.from({ length: n }, (_, i) => `A${i + 1}`).join(",")})`;
    expect(limits(sum(255))).toEqual([]);
    expect(formulaLimitBreaches(`IF(TRUE(),${sum(256)},0)`)).toEqual([
      { limit: "arguments", max: 255, actual: 256, message: "SUM has 256 arguments; Excel allows 255" },
    ]);
  });

  it("does not count commas inside text, quoted sheet names or array constants as arguments", () => {
    const commas = ",".repeat(300);
    expect(limits(`LEN("${commas.slice(0, 255)}")`)).toEqual([]);
    expect(limits(`SUM('a${commas}b'!A1)`)).toEqual([]);
    expect(limits(`SUM({${Array.from({ length: 300 }, () => 1).join(",")}})`)).toEqual([]);
    expect(limits("TRUE()+NA()")).toEqual([]);
  });

  it("accepts a text constant of 255 characters and refuses 256, a doubled quote counting once", () => {
    expect(limits(`LEN("${"字".repeat(255)}")`)).toEqual([]);
    expect(limits(`LEN("${'""'.repeat(255)}")`)).toEqual([]);
    expect(limits(`LEN("${"字".repeat(256)}")`)).toEqual([{ limit: "formulaText", max: 255, actual: 256 }]);
  });

  it("finds the deepest nesting and the most arguments of any generated formula", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 300 }), (depth, count) => {
        const args = Array.from({ length: count }, () => "1").join(",");
        const formula = `${"ROUND(".repeat(depth - 1)}SUM(${args})${",0)".repeat(depth - 1)}`;
        const found = limits(formula);
        expect(found.some((b) => b.limit === "nesting")).toBe(depth > EXCEL_LIMITS.nesting);
        expect(found.find((b) => b.limit === "arguments")?.actual).toBe(
          count > EXCEL_LIMITS.arguments ? count : undefined,
        );
      }),
    );
  });
});

describe("Excel's cell text limit", () => {
  it("accepts 32,767 characters in a cell and refuses 32,768", () => {
    expect(cellTextBreach("x".repeat(32767))).toBeUndefined();
    expect(cellTextBreach("x".repeat(32768))).toEqual({
      limit: "cellText",
      max: 32767,
      actual: 32768,
      message: "text has 32768 characters; a cell holds 32767",
    });
  });
});

describe("in-cell drop-down lists", () => {
  it("accept a list of 255 characters and refuse one of 256", () => {
    const list = (length: number) => ["a".repeat(length - 2), "b"];
    expect(listSource(list(255))).toHaveLength(255);
    expect(listViolation(list(255))).toBeUndefined();
    expect(listViolation(list(256))).toBe("the list is 256 characters, Excel accepts 255");
  });

  it("refuse an empty list and an item holding a comma or a quote", () => {
    expect(listViolation([])).toBe("the list is empty");
    expect(listViolation(["是", "否,不是"])).toBe(
      'list item "否,不是" contains a comma or a quote, which Excel cannot list',
    );
    expect(listViolation(['"是"'])).toMatch(/contains a comma or a quote/);
  });

  it("are written as the comma-separated source (Office.js) or that source quoted (a file)", () => {
    expect(listSource(["是", "否"])).toBe("是,否");
    expect(listFormula(["是", "否"])).toBe('"是,否"');
  });

  it("are refused by a writer with where and why", () => {
    expect(checkedList(["是"], "x")).toEqual(["是"]);
    expect(() => checkedList([], "学校 validation H3")).toThrow(
      new RangeError("学校 validation H3: the list is empty"),
    );
  });
});

describe("styles", () => {
  const styles = { header: { bold: true } };

  it("are looked up by their own id only, a missing one naming where and the known ids", () => {
    expect(styleNamed(styles, "header", "format")).toEqual({ bold: true });
    expect(hasStyle(styles, "toString")).toBe(false);
    expect(() => styleNamed(styles, "toString", "format")).toThrow(
      'format refers to unknown style "toString" (known: header)',
    );
  });

  it("have RRGGBB colours and a font size Excel takes", () => {
    expect(styleViolation({ color: "9C0006", fill: "ffc7ce", fontSize: 409 })).toBeUndefined();
    expect(styleViolation({ color: "#9C0006" })).toBe('color "#9C0006" is not RRGGBB');
    expect(styleViolation({ fill: "red" })).toBe('fill "red" is not RRGGBB');
    expect(styleViolation({ fontSize: 410 })).toBe("font size 410 is outside 1–409 points");
    expect(styleViolation({ fontSize: 0 })).toMatch(/font size 0/);
    expect(tabColorViolation("4472C4")).toBeUndefined();
    expect(tabColorViolation("blue")).toBe('tab colour "blue" is not RRGGBB');
  });

  it("have column widths above 0 and up to 255 characters", () => {
    expect(columnWidthViolation(255)).toBeUndefined();
    expect(columnWidthViolation(0.5)).toBeUndefined();
    expect(columnWidthViolation(256)).toMatch(/width 256/);
    expect(columnWidthViolation(0)).toMatch(/width 0/);
  });
});

describe("print title rows", () => {
  it("are rows from top to bottom, like 1:3", () => {
    expect(repeatRowsViolation("1:3")).toBeUndefined();
    expect(repeatRowsViolation("$4:$4")).toBeUndefined();
    expect(repeatRowsViolation("A1:B2")).toBe('print repeat rows "A1:B2" is not like "4:4"');
    expect(repeatRowsViolation("3:1")).toMatch(/not rows from top to bottom/);
    expect(repeatRowsViolation("0:1")).toMatch(/not rows from top to bottom/);
  });

  it("are handed to a writer as numbers, or refused", () => {
    expect(titleRows({ orientation: "portrait", fitToWidth: true, repeatRows: "1:2" })).toEqual({
      first: 1,
      last: 2,
    });
    expect(titleRows({ orientation: "portrait", fitToWidth: true })).toBeUndefined();
    expect(() => titleRows({ orientation: "portrait", fitToWidth: true, repeatRows: "x" })).toThrow(
      RangeError,
    );
  });
});
