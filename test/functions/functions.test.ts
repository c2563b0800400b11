import "../support/custom-functions-runtime";
import { CustomFunctionsError } from "../support/custom-functions-runtime";
import * as F from "../../src/functions/functions";
import { toExcelError } from "../../src/functions/adapter";
import { RuleError } from "../../src/domain/errors";
import { FUNCTION_TEXTS } from "../../src/functions/i18n";

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

describe("toExcelError", () => {
  it("maps rule errors to #VALUE! (with message), #DIV/0! and #N/A (with message)", () => {
    expect(toExcelError(new RuleError("value", "x: a number"))).toEqual(
      new CustomFunctionsError("#VALUE!", "x: a number"),
    );
    expect(toExcelError(new RuleError("div0", "x is 0"))).toMatchObject({ code: "#DIV/0!" });
    expect(toExcelError(new RuleError("na", "none"))).toEqual(new CustomFunctionsError("#N/A", "none"));
  });
  it("turns any other exception into #VALUE! without leaking its text", () => {
    const e = toExcelError(new TypeError("secret internals"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBeTruthy();
    expect(e.message).not.toContain("secret");
  });
});

describe("fiscal functions", () => {
  it("GROWTH divides and reports #DIV/0! and #VALUE!", () => {
    expect(F.GROWTH(100, 110)).toBeCloseTo(0.1, 12);
    expect(call(F.GROWTH, 0, 1)).toEqual(err("#DIV/0!"));
    expect(call(F.GROWTH, -1, 1)).toEqual(err("#VALUE!", /^prior/));
    expect(call(F.GROWTH, "100", 1)).toEqual(err("#VALUE!", /prior: a number \(got text "100"\)/));
    expect(call(F.GROWTH, true, 1)).toEqual(err("#VALUE!", /prior/));
  });
  it("THREE_GROWTH reads a row or column of 4 or 5 cells, an empty 5th meaning no pay", () => {
    expect(F.THREE_GROWTH([[1000, 5000, 8000, 700]], [[1100, 5200, 8200, 720]])).toBe(true);
    expect(F.THREE_GROWTH(col(1000, 5000, 8000, 700, ""), col(1100, 5200, 8200, 720, null))).toBe(true);
    expect(F.THREE_GROWTH(col(1000, 5000, 8000, 700, 100), col(1100, 5200, 8200, 720, 99))).toBe(false);
    expect(call(F.THREE_GROWTH, [[1, 2, 3, 4]], [[1, 2, 3, 4, 5]])).toEqual(err("#VALUE!", /current/));
    expect(call(F.THREE_GROWTH, [[1, 2, "", 4]], [[1, 2, 3, 4]])).toEqual(err("#VALUE!", /prior/));
  });
  it("THREE_GROWTH_DETAIL spills label, achieved, required, pass per test", () => {
    const rows = F.THREE_GROWTH_DETAIL([[1000, 5000, 8000, 700, 60000]], [[1050, 5250, 8200, 690, 61000]]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ["G1", false],
      ["G2", true],
      ["G3 public funds", false],
      ["G3 pay", true],
    ]);
    expect(rows[0]?.[1]).toBeCloseTo(0.05, 12);
    expect(rows[0]?.[2]).toBeCloseTo(0.05, 12);
    expect(rows[1]?.[2]).toBe(0);
  });
  it("ONLY_INCREASE checks both totals", () => {
    expect(F.ONLY_INCREASE(100, 100, 10, 11)).toBe(true);
    expect(F.ONLY_INCREASE(100, 99, 10, 11)).toBe(false);
  });
});

describe("dropout functions", () => {
  it("DROPOUT_LIMIT gives 小学 0; 初中 农村 0.03, 县镇 0.03, 城市 0.02; #N/A for other levels", () => {
    expect(F.DROPOUT_LIMIT("小学")).toBe(0);
    expect(F.DROPOUT_LIMIT("初中", null as never)).toBe(0.03);
    expect(F.DROPOUT_LIMIT("初中", "县镇")).toBe(0.03);
    expect(F.DROPOUT_LIMIT("junior", "Urban")).toBe(0.02);
    expect(call(F.DROPOUT_LIMIT, "高中")).toEqual(err("#N/A", /高中/));
    expect(call(F.DROPOUT_LIMIT, "大学")).toEqual(err("#VALUE!", /^level: /));
    expect(call(F.DROPOUT_LIMIT, 1)).toEqual(err("#VALUE!", /^level: /));
  });
  it("DROPOUT_RATE and DROPOUT_CHECK", () => {
    expect(F.DROPOUT_RATE(400, 12)).toBeCloseTo(0.03, 15);
    expect(call(F.DROPOUT_RATE, 0, 0)).toEqual(err("#DIV/0!"));
    expect(call(F.DROPOUT_RATE, 10, 11)).toEqual(err("#VALUE!", /dropouts/));
    expect(F.DROPOUT_CHECK(400, 12, "初中")).toBe(true);
    expect(F.DROPOUT_CHECK(400, 12, "初中", "城市")).toBe(false);
    expect(F.DROPOUT_CHECK(500, 1, "小学", null as never, null as never)).toBe(false);
    expect(F.DROPOUT_CHECK(500, 1, "小学", null as never, 0.01)).toBe(true);
    expect(call(F.DROPOUT_CHECK, 500, 1, "高中")).toEqual(err("#N/A"));
    expect(F.DROPOUT_CHECK(500, 1, "高中", null as never, 0.01)).toBe(true);
  });
});

describe("class functions", () => {
  it("CLASS_SIZE, CLASS_BAND at 45/46, 55/56, 65/66, and CAPACITY", () => {
    expect(["小学", "初中", "高中", "幼儿园", "小班", "中班", "大班"].map((l) => F.CLASS_SIZE(l))).toEqual([
      45, 50, 50, 30, 25, 30, 35,
    ]);
    expect([45, 46, 55, 56, 65, 66].map((n) => F.CLASS_BAND(n, 1))).toEqual([
      "正常",
      "偏大",
      "偏大",
      "大班额",
      "大班额",
      "超大班额",
    ]);
    expect(call(F.CLASS_BAND, 10, 0)).toEqual(err("#DIV/0!"));
    expect(F.CAPACITY(12, "小学")).toBe(540);
    expect(F.CAPACITY(12, "小学", 40)).toBe(480);
  });
  it("CLASSES_NEEDED takes one cell, a row, a column or a matrix", () => {
    expect(F.CLASSES_NEEDED([[100]], "初中")).toBe(2);
    expect(F.CLASSES_NEEDED(100 as never, "初中")).toBe(2);
    expect(F.CLASSES_NEEDED(col(46, 45, ""), "小学")).toBe(3);
    expect(
      F.CLASSES_NEEDED(
        [
          [30, 20, 50],
          [30, 25, 41],
        ],
        "小学",
      ),
    ).toBe(6);
    expect(call(F.CLASSES_NEEDED, [[1, "x"]], "小学")).toEqual(err("#VALUE!", /enrollment/));
    expect(call(F.CLASSES_NEEDED, [[1, 2], [3]], "小学")).toEqual(err("#VALUE!", /rectangular/));
  });
  it("MERGE_CHECK spills one row", () => {
    expect(F.MERGE_CHECK([[90, 90]], 3, "小学")).toEqual([[180, 4, 3, -1, 45, false]]);
  });
});

describe("balance, staffing, funds, preschool", () => {
  it("BALANCE_CV reproduces the worked example 0.515 and rejects different shapes", () => {
    const values = col(279 / 45, 137 / 37, 935 / 89, 160 / 76, 402 / 55);
    expect(F.BALANCE_CV(values, col(45, 37, 89, 76, 55))).toBeCloseTo(0.515, 3);
    expect(call(F.BALANCE_CV, values, [[45, 37, 89, 76, 55]])).toEqual(err("#VALUE!", /same shape/));
    expect(call(F.BALANCE_CV, [[0, 0]], [[1, 1]])).toEqual(err("#DIV/0!"));
  });
  it("BALANCE_CHECK uses basic limits by default and quality on request", () => {
    expect(F.BALANCE_CHECK(0.6, "小学")).toBe(true);
    expect(F.BALANCE_CHECK(0.6, "初中")).toBe(false);
    expect(F.BALANCE_CHECK(0.48, "primary", "优质")).toBe(true);
    expect(F.BALANCE_CHECK(0.48, "junior", "quality")).toBe(false);
  });
  it("STAFF_RATIO 19 / 13.5 / 12.5 and STAFF_QUOTA unrounded", () => {
    expect(["小学", "初中", "高中"].map((l) => F.STAFF_RATIO(l))).toEqual([19, 13.5, 12.5]);
    expect(F.STAFF_QUOTA(950, "小学")).toBe(50);
    expect(F.STAFF_QUOTA(27, "初中")).toBe(2);
    expect(call(F.STAFF_RATIO, "幼儿园")).toEqual(err("#N/A"));
    expect(call(F.STAFF_QUOTA, 10, "小学", 0)).toEqual(err("#DIV/0!"));
  });
  it("PUBLIC_FUNDS_NORM and PUBLIC_FUNDS with floor, boarders and special-needs students", () => {
    expect(F.PUBLIC_FUNDS_NORM("小学")).toBe(650);
    expect(F.PUBLIC_FUNDS_NORM("初中", "东部")).toBe(900);
    expect(call(F.PUBLIC_FUNDS_NORM, "高中")).toEqual(err("#N/A"));
    expect(F.PUBLIC_FUNDS(60, "小学", null as never, null as never, true)).toBe(65000);
    expect(F.PUBLIC_FUNDS(60, "小学")).toBe(39000);
    expect(F.PUBLIC_FUNDS(500, "初中", 100, 5)).toBe(495 * 850 + 5 * 6000 + 100 * 200);
    expect(F.PUBLIC_FUNDS(500, "高中", 0, 0, false, 1000)).toBe(500000);
    expect(call(F.PUBLIC_FUNDS, 5, "小学", 0, 6)).toEqual(err("#VALUE!", /special_students/));
  });
  it("ENROLLMENT_RATE, PLACES_NEEDED and KG_CAPACITY", () => {
    expect(F.ENROLLMENT_RATE(900, 1000)).toBe(0.9);
    expect(F.PLACES_NEEDED(0.9, 1000, 850)).toBe(50);
    expect(F.KG_CAPACITY(1, 1, 1)).toBe(90);
    expect(F.KG_CAPACITY(1, 1, 1, 1)).toBe(120);
  });
});

describe("debt, allowances, classes, policy", () => {
  it("RECONCILE shows the −15.26 gap of the speech's debt figures", () => {
    expect(F.RECONCILE(13644.78, col(1512.88, 480, 3344.29, 1576.59, 6746.28, ""))).toBe(-15.26);
  });
  it("REPAY_SCHEDULE spills steps × (years + 1)", () => {
    expect(F.REPAY_SCHEDULE(col(100, 50), [[30, 30]])).toEqual([
      [30, 30, 40],
      [0, 0, 50],
    ]);
    expect(call(F.REPAY_SCHEDULE, col(-1), [[1]])).toEqual(err("#VALUE!", /amounts/));
  });
  it("ALLOWANCE pays 4 months from September and 12 by default; NUTRITION_COST defaults to 5 元 × 200 days", () => {
    expect(F.ALLOWANCE(10, 400, 9)).toBe(16000);
    expect(F.ALLOWANCE(10, 400)).toBe(48000);
    expect(F.NUTRITION_COST(100)).toBe(100000);
    expect(F.NUTRITION_COST(100, 4, 100)).toBe(40000);
  });
  it("ASSIGN_CLASSES spills a column and CLASS_BALANCE measures it", () => {
    const scores = col(90, 80, 70, 60, 95, 85, 75, 65);
    const genders = col("男", "男", "男", "男", "女", "女", "女", "女");
    const assigned = F.ASSIGN_CLASSES(scores, 2, genders);
    expect(assigned).toHaveLength(8);
    expect(assigned.every((r) => r.length === 1)).toBe(true);
    const [[sizeGap, genderGap, meanGap]] = F.CLASS_BALANCE(assigned, scores, genders) as [
      [number, number, number],
    ];
    expect([sizeGap, genderGap]).toEqual([0, 0]);
    expect(meanGap).toBeLessThanOrEqual(2.5);
    expect(F.ASSIGN_CLASSES(col("", "", "", ""), 2, null as never, 3)).toHaveLength(4);
    expect(call(F.ASSIGN_CLASSES, scores, 2, col("男", "x", "", "", "", "", "", ""))).toEqual(
      err("#VALUE!", /genders/),
    );
  });
  it("POLICY answers every key of the spec's examples and suggests keys for unknown ones", () => {
    expect(F.POLICY("dropout.primary")).toBe(0);
    expect(F.POLICY("preschool.target_rate")).toBe(0.9);
    expect(F.POLICY("class_size.junior")).toBe(50);
    expect(F.POLICY("staff_ratio.junior")).toBe(13.5);
    expect(call(F.POLICY, "dropout.primry")).toEqual(err("#N/A", /dropout\.primary/));
    expect(call(F.POLICY, 3)).toEqual(err("#VALUE!", /key/));
  });
});

describe("v2: rules in force in a year", () => {
  it("STAFF_RATIO(level, area, year): the 2001 table by area until 2013, one ratio from 2014, 农村 by default", () => {
    expect(F.STAFF_RATIO("小学", null as never, 2013)).toBe(23);
    expect(F.STAFF_RATIO("小学", "城市", 2001)).toBe(19);
    expect(F.STAFF_RATIO("junior", "town", 2013)).toBe(16);
    expect(F.STAFF_RATIO("高中", "县镇", 2013)).toBe(13);
    expect(F.STAFF_RATIO("初中", "农村", 2014)).toBe(13.5);
    expect(F.STAFF_RATIO("高中", "农村", 2014)).toBe(12.5);
    expect(call(F.STAFF_RATIO, "小学", null, 2000)).toEqual(err("#N/A", /2001/));
    expect(call(F.STAFF_RATIO, "小学", "郊区", 2010)).toEqual(err("#VALUE!", /^area/));
    expect(call(F.STAFF_RATIO, "小学", null, 2010.5)).toEqual(err("#VALUE!", /^year/));
    expect(call(F.STAFF_RATIO, "小学", null, "2010")).toEqual(err("#VALUE!", /^year/));
    expect(call(F.STAFF_RATIO, "幼儿园", null, 2010)).toEqual(err("#N/A", /幼儿园/));
  });
  it("STAFF_RATIO and STAFF_QUOTA without the new arguments give the v1 results", () => {
    expect(F.STAFF_RATIO("小学", null as never, null as never)).toBe(19);
    expect(F.STAFF_RATIO("小学", "城市")).toBe(19);
    expect(F.STAFF_QUOTA(950, "小学", null as never, null as never, null as never)).toBe(50);
  });
  it("STAFF_QUOTA takes the ratio of the area and year when none is given, and checks them when one is", () => {
    expect(F.STAFF_QUOTA(2300, "小学", null as never, null as never, 2010)).toBe(100);
    expect(F.STAFF_QUOTA(2100, "小学", null as never, "县镇", 2005)).toBe(100);
    expect(F.STAFF_QUOTA(1900, "小学", null as never, "县镇", 2014)).toBe(100);
    expect(F.STAFF_QUOTA(100, "小学", 20, "农村", 1990)).toBe(5);
    expect(call(F.STAFF_QUOTA, 100, "小学", null, null, 1999)).toEqual(err("#N/A", /2001/));
    expect(call(F.STAFF_QUOTA, 100, "小学", 20, "郊区", 2010)).toEqual(err("#VALUE!", /^area/));
    expect(call(F.STAFF_QUOTA, 100, "小学", 20, null, 1.5)).toEqual(err("#VALUE!", /^year/));
  });
  it("PUBLIC_FUNDS_NORM(level, region, year): the dated national baselines, none before 2009", () => {
    expect(F.PUBLIC_FUNDS_NORM("小学", null as never, 2009)).toBe(300);
    expect(F.PUBLIC_FUNDS_NORM("初中", "东部", 2009)).toBe(550);
    expect(F.PUBLIC_FUNDS_NORM("初中", "东部", 2010)).toBe(550);
    expect(F.PUBLIC_FUNDS_NORM("初中", "中西部", 2010)).toBe(600);
    expect(F.PUBLIC_FUNDS_NORM("小学", "east", 2015)).toBe(650);
    expect(F.PUBLIC_FUNDS_NORM("初中", "中西部", 2020)).toBe(800);
    expect(F.PUBLIC_FUNDS_NORM("初中", "中西部", 2021)).toBe(850);
    expect(F.PUBLIC_FUNDS_NORM("初中", "东部", null as never)).toBe(900);
    expect(call(F.PUBLIC_FUNDS_NORM, "小学", null, 2008)).toEqual(
      err("#N/A", /No national public-funds baseline in 2008/),
    );
    expect(call(F.PUBLIC_FUNDS_NORM, "高中", null, 2016)).toEqual(err("#N/A"));
    expect(call(F.PUBLIC_FUNDS_NORM, "小学", "北方", 2016)).toEqual(err("#VALUE!", /^region/));
    expect(call(F.PUBLIC_FUNDS_NORM, "小学", null, 20160)).toEqual(err("#VALUE!", /^year/));
  });
  it("POLICY(key, year): the value in force in the year, #N/A naming the start year before it", () => {
    expect(F.POLICY("staff_ratio.junior.rural", 2010)).toBe(18);
    expect(F.POLICY("staff_ratio.junior", 2010)).toBe(13.5);
    expect(F.POLICY("public_funds.east.primary", 2014)).toBe(650);
    expect(F.POLICY("class_size.primary", 2020)).toBe(45);
    expect(F.POLICY("dropout.primary", null as never)).toBe(0);
    expect(F.POLICY("preschool.target_rate", 2015)).toBe(0.7);
    expect(call(F.POLICY, "staff_ratio.class_special", 2015)).toEqual(err("#N/A", /applies from 2018/));
    expect(call(F.POLICY, "dropout.primry", 2015)).toEqual(err("#N/A", /dropout\.primary/));
    expect(call(F.POLICY, "class_size.primary", "2020")).toEqual(err("#VALUE!", /^year/));
  });
});

describe("help texts", () => {
  /** What a zh text may hold in Latin letters: what users type or see in Excel, never English prose. */
  const typedOrShown = [
    /“[^”]*”|"[^"]*"/g, // quoted values: outputs, policy keys
    /[\u4e00-\u9fff]+\|[a-z_]+/g, // accepted inputs in both languages: 小学|primary
    /\b(TRUE|FALSE|COUNTIF|ROUNDUP|ROUND|M\/F|GB \d+)\b/g,
  ];
  const zhTexts = Object.entries(FUNCTION_TEXTS).flatMap(([id, t]) =>
    [
      t.zhDescription,
      ...t.parameters.map((p) => `${p.zhName} ${p.zhDescription}`),
      ...[t.checks, t.rule, t.source, ...t.examples.flatMap((e) => (e.note ? [e.note] : []))].map(
        (b) => b.zh,
      ),
      ...t.errors.map((e) => e.when.zh),
    ].map((text) => [id, text] as const),
  );
  it("writes no English words in the Chinese texts", () => {
    for (const [id, text] of zhTexts) {
      const prose = typedOrShown.reduce((s, re) => s.replace(re, ""), text);
      expect([id, prose.match(/[A-Za-z]{2,}/g)]).toEqual([id, null]);
    }
  });
  it("cites a document or speech, not only a section of the policy reference", () => {
    for (const [id, t] of Object.entries(FUNCTION_TEXTS)) {
      expect([id, t.source.zh]).toEqual([id, expect.stringMatching(/《|讲话|统计口径|每个键/)]);
      expect([id, t.source.zh]).not.toEqual([id, expect.stringMatching(/^政策依据/)]);
      expect([id, t.source.en]).not.toEqual([id, expect.stringMatching(/^Policy reference/)]);
    }
  });
});
