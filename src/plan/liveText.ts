/**
 * Live text: a sentence whose numbers are formulas. Each piece is made once as a pair, the formula that writes the
 * text in the workbook (="本年收入总计"&TEXT(…)&"万元") and the text the builder computes for it with the same
 * rounding, so a cell shows the sentence without recalculation and a document (.docx) can carry the same words.
 *
 * Numbers are written with TEXT(…,"0.00"), which every engine formats alike (HyperFormula formats neither
 * thousands separators nor "%" codes). They are rounded in whole cents first, ROUND(ROUND(x*100,6),0): the inner
 * ROUND takes away binary noise (1.005 × 100 is 100.49999999999999), so every engine rounds half away from zero as
 * Excel's ROUND does and as roundHalfAway computes here.
 */
import { roundHalfAway } from "../domain/validate";
import { EXCEL_LIMITS } from "./excelRules";
import { str } from "./kit";

/** A number a sentence refers to: a formula (a cell, a sum) and the value computed for it. */
export interface Num {
  readonly formula: string;
  readonly value: number;
}

/** A condition: a formula giving TRUE or FALSE and the value computed for it. */
export interface Test {
  readonly formula: string;
  readonly value: boolean;
}

/** A piece of text: its formula and the text it computes. */
export interface Live {
  readonly formula: string;
  readonly text: string;
  /** A constant (its formula is only string literals). */
  readonly constant?: boolean;
  /** The pieces of a concatenation (so a concatenation of concatenations is one flat list). */
  readonly parts?: readonly Live[];
}

/** A constant as number (a literal in a formula). */
export const num = (value: number): Num => ({ formula: String(value), value });

/** Two numbers added, subtracted or divided (the formula with parentheses). */
export const plus = (...terms: readonly Num[]): Num =>
  terms.length === 0
    ? num(0)
    : {
        formula: terms.length === 1 ? (terms[0]?.formula ?? "0") : terms.map((t) => t.formula).join("+"),
        value: terms.reduce((s, t) => s + t.value, 0),
      };
export const minus = (a: Num, b: Num): Num => ({
  formula: `(${a.formula})-(${b.formula})`,
  value: a.value - b.value,
});

/** A text constant: string literals of at most 255 characters each (Excel's limit), joined with &. */
export function lit(text: string): Live {
  return { formula: literal(text), text, constant: true };
}

/** Characters per string literal: within Excel's limit, with room to spare for a doubled quote counted twice. */
const LITERAL_CHUNK = Math.floor(EXCEL_LIMITS.formulaText / 2);

function literal(text: string): string {
  if (text === "") return '""';
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += LITERAL_CHUNK)
    chunks.push(chars.slice(i, i + LITERAL_CHUNK).join(""));
  return chunks.map(str).join("&");
}

/** Pieces in a row; adjacent constants become one literal. */
export function concat(...parts: readonly (Live | string)[]): Live {
  const merged: Live[] = [];
  const flat = parts.flatMap((p) => (typeof p === "string" ? [lit(p)] : (p.parts ?? [p])));
  for (const part of flat) {
    const last = merged[merged.length - 1];
    if (last?.constant && part.constant) merged[merged.length - 1] = lit(last.text + part.text);
    else if (!(part.constant && part.text === "")) merged.push(part);
  }
  if (merged.length === 0) return lit("");
  const text = merged.map((p) => p.text).join("");
  if (merged.length === 1 && merged[0]) return merged[0];
  return { formula: merged.map((p) => p.formula).join("&"), text, parts: merged };
}

/** The whole cents of a number, as ROUND(ROUND(x*100,6),0) computes them. */
export function cents(x: number): number {
  return roundHalfAway(roundHalfAway(x * 100, 6), 0);
}

const centsFormula = (formula: string): string => `ROUND(ROUND((${formula})*100,6),0)`;

/** The text of an amount with two decimals: "12560.00" (its sign when negative). */
export function moneyText(x: number): string {
  return (cents(x) / 100).toFixed(2);
}

/** An amount with two decimals, live. */
export function money(n: Num): Live {
  return { formula: `TEXT(${centsFormula(n.formula)}/100,"0.00")`, text: moneyText(n.value) };
}

/** The text of a ratio as a percentage with two decimals: 0.1234 → "12.34%". */
export function percentText(ratio: number): string {
  return `${(roundHalfAway(roundHalfAway(ratio * 10000, 6), 0) / 100).toFixed(2)}%`;
}

/** A ratio as a percentage with two decimals, live. */
export function percent(ratio: Num): Live {
  return {
    formula: `TEXT(ROUND(ROUND((${ratio.formula})*10000,6),0)/100,"0.00")&"%"`,
    text: percentText(ratio.value),
  };
}

/** A count (a whole number), live. */
export function count(n: Num): Live {
  return { formula: `TEXT(${n.formula},"0")`, text: roundHalfAway(n.value, 0).toFixed(0) };
}

/** One text or the other, live. */
export function either(test: Test, then: Live | string, otherwise: Live | string): Live {
  const [a, b] = [then, otherwise].map((p) => (typeof p === "string" ? lit(p) : p)) as [Live, Live];
  return { formula: `IF(${test.formula},${a.formula},${b.formula})`, text: test.value ? a.text : b.text };
}

/** Whether an amount is zero to the cent. */
export function isZero(n: Num): Test {
  return { formula: `${centsFormula(n.formula)}=0`, value: cents(n.value) === 0 };
}

/** Whether an amount is above zero to the cent. */
export function isPositive(n: Num): Test {
  return { formula: `${centsFormula(n.formula)}>0`, value: cents(n.value) > 0 };
}

/** The share of a part in a whole as a percentage ("0.00%" of a zero whole). */
export function share(part: Num, whole: Num): Live {
  return either(
    isZero(whole),
    "0.00%",
    percent({
      formula: `(${part.formula})/(${whole.formula})`,
      value: whole.value === 0 ? 0 : part.value / whole.value,
    }),
  );
}

/**
 * The change from 上年 in a sentence: "比上年增加 X 万元，增长 Y%", "比上年减少 …，下降 …", "与上年持平", or, where 上年
 * has no amount, "上年无可比预算数".
 */
export function change(current: Num, prior: Num): Live {
  const delta = minus(current, prior);
  const back = minus(prior, current);
  const rate = (n: Num): Num => ({
    formula: `(${n.formula})/(${prior.formula})`,
    value: prior.value === 0 ? 0 : n.value / prior.value,
  });
  return either(
    isZero(prior),
    "上年无可比预算数",
    either(
      isPositive(delta),
      concat("比上年增加", money(delta), "万元，增长", percent(rate(delta))),
      either(
        isPositive(back),
        concat("比上年减少", money(back), "万元，下降", percent(rate(back))),
        "与上年持平",
      ),
    ),
  );
}
