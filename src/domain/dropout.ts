import type { PolicyKey, PolicyPack } from "../policy/types";
import { invalidArgument, notDefined } from "./errors";
import { LEVEL_ZH, type Area, type Level } from "./levels";
import { divisor, nonNegative } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const JUNIOR_KEY: Readonly<Record<Area, PolicyKey>> = {
  urban: "dropout.junior.urban",
  town: "dropout.junior.town",
  rural: "dropout.junior.rural",
};

/** dropouts / start-of-year enrollment (§4.2 textbook definition). */
export function dropoutRate(startEnrollment: number, dropouts: number): number {
  nonNegative(startEnrollment, "start_enrollment");
  nonNegative(dropouts, "dropouts");
  divisor(startEnrollment, "start_enrollment");
  if (dropouts > startEnrollment) throw invalidArgument("dropouts", "a number ≤ start_enrollment");
  return dropouts / startEnrollment;
}

/** The pack's limit: primary one limit, junior by area; other levels have none (#N/A). */
export function dropoutLimit(pack: PolicyPack, level: Level, area: Area): number {
  if (level === "primary") return pack.values["dropout.primary"].value;
  if (level === "junior") return pack.values[JUNIOR_KEY[area]].value;
  throw notDefined(`No dropout limit for ${LEVEL_ZH[level]} (${level}): limits exist for 小学 and 初中`);
}

/** TRUE when the rate is within the limit. */
export function dropoutCheck(startEnrollment: number, dropouts: number, limit: number): boolean {
  if (!(limit >= 0 && limit <= 1)) throw invalidArgument("limit", "a rate from 0 to 1 (0.03 is 3 %)");
  return dropoutRate(startEnrollment, dropouts) <= limit;
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** dropoutRate as a formula (#DIV/0! for no enrollment). */
export function dropoutRateFormula(startEnrollment: string, dropouts: string): string {
  return `${dropouts}/${startEnrollment}`;
}

/** The workbook names of the dropout limits (dropout.primary, dropout.junior.*). */
export interface DropoutLimitNames {
  readonly primary: string;
  readonly urban: string;
  readonly town: string;
  readonly rural: string;
}

/**
 * dropoutLimit as a formula of a school's 学段 text and 城乡 text: 小学 the primary limit, 初中 and 初中+高中 the
 * junior limit of the area (an unknown area is 农村, as parseArea reads it), 小学+初中 (and 小学+初中+高中) the
 * lower of the two; any
 * other 学段 has none (#N/A).
 */
export function dropoutLimitFormula(level: string, area: string, names: DropoutLimitNames): string {
  const junior = `IF(${area}="城市",${names.urban},IF(${area}="县镇",${names.town},${names.rural}))`;
  return (
    `IF(${level}="小学",${names.primary},` +
    `IF(OR(${level}="小学+初中",${level}="小学+初中+高中"),MIN(${names.primary},${junior}),` +
    `IF(OR(${level}="初中",${level}="初中+高中"),${junior},NA())))`
  );
}

/** dropoutCheck as a formula of the rate cell and the limit. */
export function dropoutCheckFormula(rate: string, limit: string): string {
  return `${rate}<=${limit}`;
}
