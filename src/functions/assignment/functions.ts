/**
 * Class assignment and the policy pack: balanced classes for new students, how balanced an assignment is, and the
 * pack's values. The JSDoc of each function is its Excel metadata; its zh-CN names and reference help are in
 * ./texts.ts.
 */
import { assignClasses, classBalance, parseGender, type Gender } from "../../domain/assignClasses";
import { budgetYear } from "../../domain/dated";
import { RuleError } from "../../domain/errors";
import { policyInYear } from "../../domain/policyInForce";
import { EDU_DEFAULT as P, EDU_DEFAULT_TIMELINE, lookupPolicy } from "../../policy/packs";
import {
  excel,
  excelRange,
  memoByText,
  num,
  optNum,
  optNumOrNull,
  text,
  textVector,
  vector,
} from "../adapter";

const policyOf = memoByText((key: string) => lookupPolicy(P, key));

function genderList(v: unknown, n: number): Gender[] | undefined {
  if (v === null || v === undefined) return undefined;
  const cells = textVector(v, "genders", "男/女 or M/F");
  if (cells.every((c) => c === null)) return undefined;
  if (cells.length !== n) throw new RuleError("value", `genders: one cell per student (${n})`);
  return cells.map((c) => parseGender(c ?? "", "genders"));
}

/**
 * Spills balanced class numbers for new students (S-shape by score and gender, then balanced means).
 * @customfunction ASSIGN_CLASSES
 * @param scores One score per student (a column); all empty for grade 1, which is placed at random.
 * @param classes Number of classes.
 * @param genders Gender of each student (男/女 or M/F), same shape as scores.
 * @param seed Random seed for ties and grade 1 (default 1); the same seed gives the same result.
 * @returns A column of class numbers 1…classes, one per student.
 * @helpurl https://localhost:3000/help/ASSIGN_CLASSES.html
 */
export function ASSIGN_CLASSES(
  scores: unknown[][],
  classes: number,
  genders?: unknown[][],
  seed?: number,
): unknown[][] {
  return excelRange(() => {
    const s = vector(scores, "scores");
    const k = num(classes, "classes");
    const g = genderList(genders, s.length);
    return assignClasses(s, k, g, optNum(seed, "seed", 1)).map((c) => [c]);
  });
}

/**
 * Spills how balanced a class assignment is: largest size gap, per-gender count gap, and mean-score gap.
 * @customfunction CLASS_BALANCE
 * @param assignments Class number of each student (a column).
 * @param scores Score of each student, same shape; empty cells are skipped in the means.
 * @param genders Gender of each student (男/女 or M/F), same shape.
 * @returns One row: size gap, gender gap, mean-score gap.
 * @helpurl https://localhost:3000/help/CLASS_BALANCE.html
 */
export function CLASS_BALANCE(
  assignments: unknown[][],
  scores: unknown[][],
  genders?: unknown[][],
): unknown[][] {
  return excelRange(() => {
    const a = vector(assignments, "assignments").map((c) => {
      if (c === null) throw new RuleError("value", "assignments: a class number for every student");
      return c;
    });
    const s = vector(scores, "scores");
    const r = classBalance(a, s, genderList(genders, a.length));
    return [[r.sizeGap, r.genderGap, r.meanGap]];
  });
}

/**
 * A value of the built-in policy pack, such as POLICY("dropout.primary"), as in force now or in a given year.
 * @customfunction POLICY
 * @param key Policy key, e.g. "dropout.primary", "class_size.junior", "preschool.target_rate".
 * @param year Year whose value applies: the latest value starting in or before it (default: the value in force now).
 * @returns The policy value (rates as fractions); #N/A for a key with no value in force in that year.
 * @helpurl https://localhost:3000/help/POLICY.html
 */
export function POLICY(key: string, year?: number): number {
  return excel(() => {
    const k = text(key, "key", 'a policy key such as "dropout.primary"');
    const y = optNumOrNull(year, "year");
    return y === null ? policyOf(k) : policyInYear(EDU_DEFAULT_TIMELINE, k, budgetYear(y));
  });
}
