/**
 * POLICY(key, year): the value of a policy key in force in a year. The staffing and public-funds keys follow their
 * dated national tables (STAFF_RATIO_TABLE, NORM_TABLE); every other key has one value in the pack, in force from
 * its start year (PolicyValue.fromYear).
 */
import { isPolicyKey, lookupPolicy } from "../policy/packs";
import type { PolicyKey, PolicyPack } from "../policy/types";
import { notDefined } from "./errors";
import type { Area } from "./levels";
import { publicFundsNormInYear, type Region } from "./publicFunds";
import { staffRatioInYear, type StaffedLevel } from "./staffing";

/** A staffing key's level and area: the plain keys give the default area (农村), as STAFF_RATIO does. */
const STAFF_KEYS: { readonly [K in PolicyKey]?: readonly [StaffedLevel, Area] } = {
  "staff_ratio.primary": ["primary", "rural"],
  "staff_ratio.junior": ["junior", "rural"],
  "staff_ratio.senior": ["senior", "rural"],
  "staff_ratio.primary.town": ["primary", "town"],
  "staff_ratio.junior.town": ["junior", "town"],
  "staff_ratio.senior.town": ["senior", "town"],
  "staff_ratio.primary.rural": ["primary", "rural"],
  "staff_ratio.junior.rural": ["junior", "rural"],
  "staff_ratio.senior.rural": ["senior", "rural"],
};

const NORM_KEYS: { readonly [K in PolicyKey]?: readonly [Region, "primary" | "junior"] } = {
  "public_funds.central_west.primary": ["central_west", "primary"],
  "public_funds.central_west.junior": ["central_west", "junior"],
  "public_funds.east.primary": ["east", "primary"],
  "public_funds.east.junior": ["east", "junior"],
};

/**
 * The value of `key` (typed in any case, with stray spaces) in force in `year`: a staffing ratio as STAFF_RATIO
 * gives it for the default area (农村), a public-funds baseline as PUBLIC_FUNDS_NORM gives it; any other key its
 * pack value when its start year is ≤ year. #N/A for an unknown key (suggesting the closest) or a key with no value
 * in force in that year (naming the first year it applies from).
 */
export function policyInYear(pack: PolicyPack, key: string, year: number): number {
  const k = key.trim().toLowerCase();
  if (!isPolicyKey(k)) return lookupPolicy(pack, key);
  const staffed = STAFF_KEYS[k];
  if (staffed) return staffRatioInYear(staffed[0], staffed[1], year);
  const norm = NORM_KEYS[k];
  if (norm) return publicFundsNormInYear(norm[1], norm[0], year);
  const value = pack.values[k];
  if (value.fromYear > year) {
    throw notDefined(`${k} has no value in force in ${year}: it applies from ${value.fromYear}`);
  }
  return value.value;
}
