/**
 * POLICY(key, year): the value of a policy key in force in a year, read from the pack's timeline, the one home of
 * every dated value (the staffing and public-funds keys come from the same dated tables STAFF_RATIO and
 * PUBLIC_FUNDS_NORM read).
 */
import { isPolicyKey, lookupPolicy } from "../policy/packs";
import { resolvePack } from "../policy/resolve";
import type { PolicyPack, PolicyTimelinePack } from "../policy/types";
import { notDefined } from "./errors";

/** The years a timeline is resolved for; a year outside them has the values of the nearest one. */
const FIRST_RESOLVED = 1949;
const LAST_RESOLVED = 2100;

/** Packs resolved per timeline and year: a year is resolved once, however many cells ask for it. */
const resolved = new WeakMap<PolicyTimelinePack, Map<number, PolicyPack>>();

function packInYear(timeline: PolicyTimelinePack, year: number): PolicyPack {
  const y = Math.min(LAST_RESOLVED, Math.max(FIRST_RESOLVED, year));
  let byYear = resolved.get(timeline);
  if (!byYear) resolved.set(timeline, (byYear = new Map()));
  let pack = byYear.get(y);
  if (!pack) byYear.set(y, (pack = resolvePack(timeline, y)));
  return pack;
}

/**
 * The value of `key` (typed in any case, with stray spaces) in force in `year` in a timeline pack. #N/A for an
 * unknown key (suggesting the closest), a key the pack sets no value for, or a key with no value in force in that
 * year (naming the year it applies from, or the year it stopped).
 */
export function policyInYear(timeline: PolicyTimelinePack, key: string, year: number): number {
  const pack = packInYear(timeline, year);
  const k = key.trim().toLowerCase();
  if (!isPolicyKey(k)) return lookupPolicy(pack, key);
  const value = pack.values[k];
  if (value.status === "notInForce" && !value.notSet) {
    throw notDefined(
      value.fromYear > year
        ? `${k} has no value in force in ${year}: it applies from ${value.fromYear}`
        : `${k} has no value in force in ${year}: it stopped in ${value.untilYear ?? value.fromYear}`,
    );
  }
  return lookupPolicy(pack, k);
}
