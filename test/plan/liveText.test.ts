/**
 * Live text: each piece's formula computes, in HyperFormula, the text the builder states for it, for any amount
 * (half cents, binary noise, negatives, zero); long constants stay within Excel's 255 characters a literal.
 */
import fc from "fast-check";
import {
  change,
  concat,
  count,
  either,
  isZero,
  lit,
  money,
  moneyText,
  percent,
  percentText,
  share,
  type Live,
  type Num,
} from "../../src/plan/liveText";
import { formulaLimitBreaches } from "../../src/plan/excelRules";
import { evaluateFormulas } from "../support/hyperformula";

const at = (address: string, value: number): Num => ({ formula: address, value });

/** The text HyperFormula computes for a live piece over A1 = a, B1 = b. */
const computed = (live: Live, a: number, b = 0) =>
  evaluateFormulas({ cells: { A1: a, B1: b }, formulas: { C1: live.formula } }, "C1");

/** Amounts in 万元 as the sheets compute them: cents, tenths of a cent, products with binary noise. */
const amount = fc.oneof(
  fc.integer({ min: -10_000_000, max: 1_000_000_000 }).map((cents) => cents / 100),
  fc.integer({ min: 0, max: 100_000_000 }).map((mils) => mils / 1000),
  fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 200_000 }))
    .map(([n, yuan]) => (n * yuan * 0.16) / 10000),
  fc.double({ min: -1e6, max: 1e8, noNaN: true }),
);

describe("money and percent", () => {
  it("round half away from zero to the cent as Excel's ROUND does: golden values", () => {
    expect(moneyText(1.005)).toBe("1.01");
    expect(moneyText(2.675)).toBe("2.68");
    expect(moneyText(-2.675)).toBe("-2.68");
    expect(moneyText(0.1 + 0.2)).toBe("0.30");
    expect(moneyText(12560)).toBe("12560.00");
    expect(moneyText(-0.001)).toBe("0.00");
    expect(percentText(1110 / 11450)).toBe("9.69%");
    expect(percentText(0.5)).toBe("50.00%");
  });

  it("compute in HyperFormula the text stated for any amount", () => {
    fc.assert(
      fc.property(amount, (x) => {
        expect(computed(money(at("A1", x)), x)).toBe(moneyText(x));
        expect(computed(percent(at("A1", x / 1000)), x / 1000)).toBe(percentText(x / 1000));
      }),
      { numRuns: 300 },
    );
  });

  it("write 1.005 as 1.01 in HyperFormula too, whose own ROUND gives 1.00", () => {
    expect(evaluateFormulas({ formulas: { A1: "ROUND(1.005,2)" } }, "A1")).toBe(1);
    expect(computed(money(at("A1", 1.005)), 1.005)).toBe("1.01");
  });
});

describe("change, share and count", () => {
  it("say increase, decrease, unchanged or no prior amount, as HyperFormula computes them", () => {
    fc.assert(
      fc.property(amount, amount, (current, prior) => {
        const live = change(at("A1", current), at("B1", prior));
        expect(computed(live, current, prior)).toBe(live.text);
        const part = share(at("A1", current), at("B1", prior));
        expect(computed(part, current, prior)).toBe(part.text);
      }),
      { numRuns: 200 },
    );
  });

  it("are the sentences of a hand-computed change", () => {
    expect(change({ formula: "12560", value: 12560 }, { formula: "11450", value: 11450 }).text).toBe(
      "比上年增加1110.00万元，增长9.69%",
    );
    expect(change({ formula: "90", value: 90 }, { formula: "120", value: 120 }).text).toBe(
      "比上年减少30.00万元，下降25.00%",
    );
    expect(change({ formula: "5", value: 5 }, { formula: "5.001", value: 5.001 }).text).toBe("与上年持平");
    expect(change({ formula: "5", value: 5 }, { formula: "0", value: 0 }).text).toBe("上年无可比预算数");
    expect(share({ formula: "1", value: 1 }, { formula: "0", value: 0 }).text).toBe("0.00%");
    expect(count({ formula: "7", value: 7 }).text).toBe("7");
  });

  it("choose the branch the condition gives", () => {
    const live = either(isZero(at("A1", 0)), "无", concat("有", money(at("A1", 0))));
    expect(live.text).toBe("无");
    expect(computed(live, 0)).toBe("无");
    expect(computed({ ...live }, 3)).toBe("有3.00");
  });
});

describe("constants", () => {
  it("split a long text into literals Excel accepts, and join adjacent constants into one", () => {
    const long = "说明".repeat(400) + "“三公”经费";
    const live = concat(lit(long), "。");
    expect(live.text).toBe(long + "。");
    expect(formulaLimitBreaches(live.formula)).toEqual([]);
    expect(evaluateFormulas({ formulas: { A1: live.formula } }, "A1")).toBe(long + "。");
    expect(concat("甲", "乙", money(at("A1", 1)), "丙").formula).toBe(
      `"甲乙"&${money(at("A1", 1)).formula}&"丙"`,
    );
  });
});
