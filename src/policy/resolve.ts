/**
 * A timeline pack resolved for a budget year: each key's value in force in that year. A key with no value in force
 * takes the rule's "not in force" value, or, when the user chose it (applyBeforeStart), the earliest later value,
 * marked so; with neither it is "not in force" and keeps its earliest value only for reference (参数 says so, and
 * notInForceKeys lists it for the checks that use it).
 */
import { invalidArgument } from "../domain/errors";
import {
  POLICY_KEYS,
  type PolicyEntry,
  type PolicyKey,
  type PolicyPack,
  type PolicyTimeline,
  type PolicyTimelinePack,
  type PolicyValue,
} from "./types";

/** The years a pack is resolved for: a year outside 1949–2100 is a mistake, not a budget. */
const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;

export interface ResolveOptions {
  /** Keys the user chose to apply before their start year, besides the pack's own applyBeforeStart. */
  readonly applyBeforeStart?: readonly PolicyKey[];
}

/** Whether an entry is in force in a year: from ≤ year < until. */
export function inForceIn(entry: PolicyEntry, year: number): boolean {
  return entry.fromYear <= year && (entry.untilYear === undefined || year < entry.untilYear);
}

const ORIGIN_RANK = { national: 0, local: 1, user: 2 } as const;

/**
 * The entry in force in a year: the latest start among those in force; at the same start a local value goes before
 * the national one and the user's before both. Undefined when none is in force.
 */
export function entryInForce(timeline: PolicyTimeline, year: number): PolicyEntry | undefined {
  let best: PolicyEntry | undefined;
  for (const entry of timeline.entries) {
    if (!inForceIn(entry, year)) continue;
    if (
      !best ||
      entry.fromYear > best.fromYear ||
      (entry.fromYear === best.fromYear && ORIGIN_RANK[entry.origin] >= ORIGIN_RANK[best.origin])
    )
      best = entry;
  }
  return best;
}

/** The first entry that starts after a year (the value a user may choose to apply early). */
function nextEntry(timeline: PolicyTimeline, year: number): PolicyEntry | undefined {
  return timeline.entries
    .filter((entry) => entry.fromYear > year)
    .reduce<PolicyEntry | undefined>(
      (first, entry) => (!first || entry.fromYear < first.fromYear ? entry : first),
      undefined,
    );
}

function valueOf(timeline: PolicyTimeline, entry: PolicyEntry, status: PolicyValue["status"]): PolicyValue {
  return {
    value: entry.value,
    unit: timeline.unit,
    labelZh: entry.labelZh ?? timeline.labelZh,
    labelEn: timeline.labelEn,
    source: entry.source,
    fromYear: entry.fromYear,
    ...(entry.untilYear === undefined ? {} : { untilYear: entry.untilYear }),
    origin: entry.origin,
    status,
    ...(entry.dueYear === undefined ? {} : { dueYear: entry.dueYear }),
    ...(entry.notSet ? { notSet: true as const } : {}),
    ...(entry.ref === undefined ? {} : { ref: entry.ref }),
  };
}

/** One key resolved for a year (see resolvePack). */
export function resolveValue(
  key: PolicyKey,
  timeline: PolicyTimeline,
  year: number,
  chosen: ReadonlySet<PolicyKey>,
): PolicyValue {
  const current = entryInForce(timeline, year);
  if (current) return valueOf(timeline, current, "inForce");
  const next = nextEntry(timeline, year);
  if (next && chosen.has(key)) return valueOf(timeline, next, "beforeStart");
  const reference = next ?? timeline.entries[timeline.entries.length - 1];
  if (timeline.notInForce) {
    return {
      value: timeline.notInForce.value,
      unit: timeline.unit,
      labelZh: timeline.labelZh,
      labelEn: timeline.labelEn,
      source: timeline.notInForce.note,
      fromYear: reference?.fromYear ?? year,
      origin: reference?.origin ?? "national",
      status: "notInForce",
    };
  }
  if (!reference) throw invalidArgument(`values.${key}`, "a timeline with at least one entry");
  return valueOf(timeline, reference, "notInForce");
}

/**
 * The pack in force in a year: for every key the latest entry whose start ≤ year and that has not stopped. The
 * result is a PolicyPack as every builder and function takes it, with the year it was resolved for.
 */
export function resolvePack(
  pack: PolicyTimelinePack,
  year: number,
  options: ResolveOptions = {},
): PolicyPack {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR)
    throw invalidArgument("year", `a whole year from ${FIRST_YEAR} to ${LAST_YEAR}`);
  const chosen = new Set<PolicyKey>([...(pack.applyBeforeStart ?? []), ...(options.applyBeforeStart ?? [])]);
  const values = Object.fromEntries(
    POLICY_KEYS.map((key) => [key, resolveValue(key, pack.values[key], year, chosen)]),
  ) as { [K in PolicyKey]: PolicyValue };
  return {
    id: pack.id,
    version: pack.version,
    nameZh: pack.nameZh,
    nameEn: pack.nameEn,
    ...(pack.basedOn === undefined ? {} : { basedOn: pack.basedOn }),
    year,
    values,
  };
}

/** Keys with no value in force in the pack's year (their checks do not apply in that year). */
export function notInForceKeys(pack: PolicyPack): PolicyKey[] {
  return POLICY_KEYS.filter((key) => pack.values[key].status === "notInForce");
}

/** Keys used before their start year by the user's choice. */
export function beforeStartKeys(pack: PolicyPack): PolicyKey[] {
  return POLICY_KEYS.filter((key) => pack.values[key].status === "beforeStart");
}
