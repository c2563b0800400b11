/**
 * Fiscal functions: growth rates, the three statutory growths and the two no-decreases. The JSDoc of each function
 * is its Excel metadata; its zh-CN names and reference help are in ./texts.ts.
 */
import { RuleError } from "../../domain/errors";
import { growth, onlyIncrease, threeGrowth } from "../../domain/growth";
import { excel, excelRange, num, vector } from "../adapter";

/** prior/current of THREE_GROWTH: 4 numbers, or 5 with pay; an empty 5th cell means "no pay figure". */
function growthCells(v: unknown, arg: string): number[] {
  const cells = vector(v, arg);
  if (cells.length === 5 && cells[4] === null) cells.pop();
  return cells.map((c) => {
    if (c === null)
      throw new RuleError("value", `${arg}: a number in every cell (only the 5th, pay, may be empty)`);
    return c;
  });
}

/**
 * Growth rate from the prior to the current year: current / prior − 1.
 * @customfunction GROWTH
 * @param prior Prior-year amount (a positive number).
 * @param current Current-year amount.
 * @returns The growth rate as a fraction (0.05 is 5 %).
 * @helpurl https://localhost:3000/help/GROWTH.html
 */
export function GROWTH(prior: number, current: number): number {
  return excel(() => growth(num(prior, "prior"), num(current, "current")));
}

/**
 * TRUE when all three statutory growths of education funding are achieved.
 * @customfunction THREE_GROWTH
 * @param prior Prior year, 4 or 5 cells: education appropriation, recurring fiscal revenue, per-student education expenditure, per-student public funds, optional average staff pay.
 * @param current Current year, the same cells in the same order.
 * @returns TRUE if every growth is achieved, FALSE otherwise.
 * @helpurl https://localhost:3000/help/THREE_GROWTH.html
 */
export function THREE_GROWTH(prior: unknown[][], current: unknown[][]): boolean {
  return excel(() =>
    threeGrowth(growthCells(prior, "prior"), growthCells(current, "current")).every((row) => row.pass),
  );
}

/**
 * Spills one row per statutory growth test: label, achieved growth, required growth, pass.
 * @customfunction THREE_GROWTH_DETAIL
 * @param prior Prior year, 4 or 5 cells: education appropriation, recurring fiscal revenue, per-student education expenditure, per-student public funds, optional average staff pay.
 * @param current Current year, the same cells in the same order.
 * @returns Rows G1, G2, G3 public funds (and G3 pay) × label, achieved, required, pass.
 * @helpurl https://localhost:3000/help/THREE_GROWTH_DETAIL.html
 */
export function THREE_GROWTH_DETAIL(prior: unknown[][], current: unknown[][]): unknown[][] {
  return excelRange(() =>
    threeGrowth(growthCells(prior, "prior"), growthCells(current, "current")).map((r) => [
      r.label,
      r.achieved,
      r.required,
      r.pass,
    ]),
  );
}

/**
 * TRUE when neither total nor per-student education spending falls (两个只增不减).
 * @customfunction ONLY_INCREASE
 * @param prior_total Prior-year total education spending.
 * @param current_total Current-year total education spending.
 * @param prior_per_student Prior-year spending per student.
 * @param current_per_student Current-year spending per student.
 * @returns TRUE if both figures did not fall, FALSE otherwise.
 * @helpurl https://localhost:3000/help/ONLY_INCREASE.html
 */
export function ONLY_INCREASE(
  prior_total: number,
  current_total: number,
  prior_per_student: number,
  current_per_student: number,
): boolean {
  return excel(() =>
    onlyIncrease(
      num(prior_total, "prior_total"),
      num(current_total, "current_total"),
      num(prior_per_student, "prior_per_student"),
      num(current_per_student, "current_per_student"),
    ),
  );
}
