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
