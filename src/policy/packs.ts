import { invalidArgument, notDefined } from "../domain/errors";
import { NATIONAL, NATIONAL_TIMELINE, RULES_YEAR } from "./national";
import { resolvePack, type ResolveOptions } from "./resolve";
import {
  POLICY_KEYS,
  type PolicyEntry,
  type PolicyKey,
  type PolicyOrigin,
  type PolicyPack,
  type PolicyTimeline,
  type PolicyTimelinePack,
  type PolicyValue,
} from "./types";

/** An edit: a new number (its source becomes "user edit"), or a new value with its own source. */
export type PolicyEdit = number | (Partial<PolicyValue> & { readonly value: number });
export type PolicyEdits = { readonly [K in PolicyKey]?: PolicyEdit };

export interface DeriveOptions {
  readonly id: string;
  readonly version: string;
  readonly nameZh?: string;
  readonly nameEn?: string;
}

/** A value given by an edit is set, whatever its base was. */
function withoutNotSet(value: PolicyValue): PolicyValue {
  const { notSet: _notSet, ...rest } = value;
  return rest;
}

const KEY_SET: ReadonlySet<string> = new Set(POLICY_KEYS);

export function isPolicyKey(key: string): key is PolicyKey {
  return KEY_SET.has(key);
}

/** A new pack: base's values with the edits applied. The base is never changed; basedOn records it. */
export function derivePack(base: PolicyPack, edits: PolicyEdits, options: DeriveOptions): PolicyPack {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(options.id)) {
    throw invalidArgument("id", "lower-case letters, digits, '.', '_' or '-'");
  }
  if (!/^\d+\.\d+\.\d+$/.test(options.version)) throw invalidArgument("version", "a version like 1.0.0");
  const values: Record<string, PolicyValue> = { ...base.values };
  for (const [key, edit] of Object.entries(edits) as [string, PolicyEdit | undefined][]) {
    if (!isPolicyKey(key))
      throw invalidArgument(`edits.${key}`, `one of the policy keys (${closestKeys(key, 3).join(", ")})`);
    if (edit === undefined) continue;
    const old = base.values[key];
    const next: PolicyValue =
      typeof edit === "number"
        ? {
            value: edit,
            unit: old.unit,
            labelZh: old.labelZh,
            labelEn: old.labelEn,
            source: `用户修改 user edit (was ${old.value}: ${old.source})`,
            // The user's value applies in the pack's year.
            fromYear: base.year ?? old.fromYear,
            origin: "user",
            status: "inForce",
          }
        : { ...withoutNotSet(old), ...edit };
    if (!Number.isFinite(next.value)) throw invalidArgument(`edits.${key}`, "a finite number");
    values[key] = next;
  }
  return {
    id: options.id,
    version: options.version,
    nameZh: options.nameZh ?? base.nameZh,
    nameEn: options.nameEn ?? base.nameEn,
    basedOn: `${base.id}@${base.version}`,
    ...(base.year === undefined ? {} : { year: base.year }),
    values: values as PolicyPack["values"],
  };
}

// The speeches' own policies, each with the quote that justifies it; the item of the policy reference is kept in
// `ref` (参数 shows it only in its notes, never in a cell).
const S1_17 = "讲话(一)「确保小学无辍学,农村初中辍学率控制在3%以内」";
const S1_OVERRIDES: PolicyEdits = {
  "dropout.primary": {
    value: 0,
    source: S1_17,
    fromYear: 2012,
    labelZh: "小学年辍学率上限(小学无辍学)",
    ref: "S1-17",
  },
  "dropout.junior.rural": { value: 0.03, source: S1_17, fromYear: 2012, ref: "S1-17" },
};
const S2_OVERRIDES: PolicyEdits = {
  "preschool.target_rate": {
    value: 0.9,
    source:
      "讲话(二)「要实现到20xx年全区幼儿入园(班)率达到90以上的目标」; 原文“90”缺%号, 按90%理解; 原文年份已隐去, 样例按2006年到期",
    fromYear: 2004,
    dueYear: 2006,
    ref: "S2-15",
  },
  "standardized.target_rate": {
    value: 0.8,
    source:
      "讲话(二)「按照“20xx年——20xx年”三年内全市80的学校达到市标准化学校的要求」, 为市级目标; 原文“80”缺%号, 按80%理解; 三年为2004—2006年",
    fromYear: 2004,
    dueYear: 2006,
    ref: "S2-13",
  },
  "allowance.start_month": {
    value: 9,
    source: "讲话(二)「从今年新学年开始为偏远农村教师发放津贴」: 从9月新学年起发放, 当年发放4个月",
    fromYear: 2004,
    ref: "S2-06",
  },
  "merger.deadline_years": {
    value: 3,
    source: "讲话(二)「要在三年内将海阳中学迁入第五中学现址,合并鲤泮庄小学和海阳小学,迁到海阳镇中现址」",
    fromYear: 2004,
    ref: "S2-03.5",
  },
};

/** Edits as entries of a timeline: each from its own start year (or the pack's year), with the given origin. */
function withEntries(
  base: PolicyTimelinePack,
  edits: PolicyEdits,
  origin: PolicyOrigin,
  year: number | undefined,
): PolicyTimelinePack["values"] {
  const values: Record<string, PolicyTimeline> = { ...base.values };
  for (const [key, edit] of Object.entries(edits) as [string, PolicyEdit | undefined][]) {
    if (!isPolicyKey(key))
      throw invalidArgument(`edits.${key}`, `one of the policy keys (${closestKeys(key, 3).join(", ")})`);
    if (edit === undefined) continue;
    const change = typeof edit === "number" ? { value: edit } : edit;
    const fromYear = change.fromYear ?? year;
    if (fromYear === undefined || !Number.isInteger(fromYear))
      throw invalidArgument(`edits.${key}.fromYear`, "a whole year (or a pack with a year)");
    if (!Number.isFinite(change.value)) throw invalidArgument(`edits.${key}`, "a finite number");
    const old = base.values[key];
    const entry: PolicyEntry = {
      value: change.value,
      source: change.source ?? `用户修改 user edit`,
      fromYear,
      origin,
      ...(change.untilYear === undefined ? {} : { untilYear: change.untilYear }),
      ...(change.labelZh === undefined ? {} : { labelZh: change.labelZh }),
      ...(change.dueYear === undefined ? {} : { dueYear: change.dueYear }),
      ...(change.ref === undefined ? {} : { ref: change.ref }),
    };
    values[key] = { ...old, entries: [...old.entries, entry] };
  }
  return values as PolicyTimelinePack["values"];
}

export interface TimelineOptions extends DeriveOptions {
  /** The budget year the pack is made for; local edits without a start year start then. */
  readonly year?: number;
  /** The keys used before their start year by this pack's choice (see PolicyTimelinePack). */
  readonly applyBeforeStart?: readonly PolicyKey[];
}

/** A district's timeline: the base's timelines with the edits as local entries. The base is never changed. */
export function deriveTimeline(
  base: PolicyTimelinePack,
  edits: PolicyEdits,
  options: TimelineOptions,
  origin: PolicyOrigin = "local",
): PolicyTimelinePack {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(options.id)) {
    throw invalidArgument("id", "lower-case letters, digits, '.', '_' or '-'");
  }
  if (!/^\d+\.\d+\.\d+$/.test(options.version)) throw invalidArgument("version", "a version like 1.0.0");
  for (const key of options.applyBeforeStart ?? [])
    if (!isPolicyKey(key)) throw invalidArgument("applyBeforeStart", "policy keys");
  return {
    id: options.id,
    version: options.version,
    nameZh: options.nameZh ?? base.nameZh,
    nameEn: options.nameEn ?? base.nameEn,
    basedOn: `${base.id}@${base.version}`,
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.applyBeforeStart === undefined ? {} : { applyBeforeStart: options.applyBeforeStart }),
    values: withEntries(base, edits, origin, options.year),
  };
}

/**
 * What the samples apply before the national start year, as the sample's own choice (参数 marks each as the user's
 * choice): the 班师比 of teaching points and special schools (2018), the 优质均衡 limits and school sizes (2017),
 * the kindergarten rules and class bands (2016), the boarder supplement and the 100-pupil floor (2016), the 4000 元
 * special-education rate (attested from 2015) and the rural allowance rates (2013, 2015).
 */
const SAMPLE_EARLY: readonly PolicyKey[] = [
  // The samples' 部门预算 is coded and costed as today's: contributions and aid at the rates first in force later.
  "aid.boarding.primary",
  "aid.boarding.junior",
  "aid.senior_grant",
  "aid.preschool",
  "personnel.pension_rate",
  "personnel.annuity_rate",
  "staff_ratio.class_teaching_point",
  "staff_ratio.class_special",
  "balance.quality.primary",
  "balance.quality.junior",
  "balance.quality.min_teaching_point",
  "school_size.max",
  "school_size.max_nine_year",
  "class_size.kindergarten",
  "class_size.kg_small",
  "class_size.kg_middle",
  "class_size.kg_large",
  "class_size.kg_mixed",
  "class_band.oversize_from",
  "class_band.large_from",
  "class_band.super_large_from",
  "preschool.max_kindergarten_size",
  "public_funds.boarder",
  "public_funds.small_school_floor",
  "public_funds.special",
  "allowance.start_month",
  "allowance.monthly_rate",
  "allowance.rate.tier1",
  "allowance.rate.tier2",
  "allowance.rate.tier3",
];

/**
 * Speech (二)'s sample (2004) applies besides: the 2009 baseline (the first national one; 2004 had 杂费, I-8), the
 * 基本均衡 limits (2012), and, for a year before 2002, the class sizes; 参数 marks each.
 */
const WUZHEN_EARLY: readonly PolicyKey[] = [
  ...SAMPLE_EARLY,
  "balance.basic.primary",
  "balance.basic.junior",
  "public_funds.central_west.primary",
  "public_funds.central_west.junior",
  "public_funds.east.primary",
  "public_funds.east.junior",
  "class_size.primary",
  "class_size.junior",
  "class_size.senior",
  "standardized.target_rate",
];
/** Speech (一)'s sample (2012) built for an earlier year applies the same, and the 2011 nutrition rate. */
const ZHENLAI_EARLY: readonly PolicyKey[] = [...WUZHEN_EARLY, "nutrition.yuan_per_day", "nutrition.days"];

/** Speech (一), 镇赉 ≈2012: its local dropout limits over the national timeline. */
export const ZHENLAI_TIMELINE = deriveTimeline(
  NATIONAL_TIMELINE,
  {
    ...S1_OVERRIDES,
    "nutrition.yuan_per_day": {
      value: 3,
      source: "讲话(一)「启动学生营养改善计划」; 国家标准自2011年秋季学期起每生每天3元",
      fromYear: 2011,
      untilYear: 2014,
      ref: "S1-27",
    },
  },
  {
    id: "zhenlai-2012",
    version: "1.0.0",
    nameZh: "讲话(一) 镇赉 2012",
    nameEn: "Speech 1 (Zhenlai, 2012)",
    year: 2012,
    applyBeforeStart: ZHENLAI_EARLY,
  },
);

/** Speech (二), the 五镇 district ≈2004: its local targets over the national timeline. */
export const WUZHEN_TIMELINE = deriveTimeline(NATIONAL_TIMELINE, S2_OVERRIDES, {
  id: "wuzhen-2004",
  version: "1.0.0",
  nameZh: "讲话(二) 五镇 2004",
  nameEn: "Speech 2 (five towns, 2004)",
  year: 2004,
  applyBeforeStart: WUZHEN_EARLY,
});

/**
 * The primary dropout limit the EDU functions were specified with (DROPOUT_LIMIT("小学") = 0, POLICY("dropout.primary")
 * = 0): kept so no documented result changes. It is not a national figure: the national control level is 1 %
 * (NATIONAL, §4.2); DROPOUT_CHECK's limit argument takes it.
 */
const PRIMARY_DROPOUT_CONTRACT: PolicyEdits = {
  "dropout.primary": {
    value: 0,
    labelZh: "小学年辍学率上限(小学无辍学)",
    source:
      "函数规范约定的默认值「小学无辍学」(讲话(一) S1-17 的提法), 并非国家标准: 国家控制水平为小学辍学率1%以内(教育部2012年; 国家标准包); 按国家标准核对时在上限参数中填0.01",
    fromYear: 2012,
  },
};

/**
 * The default timeline behind the EDU functions: the national rules, with no district's overrides (no start month
 * 9 of the five towns, no local targets of either speech); the one value that is not national is the primary
 * dropout limit of the functions' specification (PRIMARY_DROPOUT_CONTRACT).
 */
export const EDU_DEFAULT_TIMELINE = deriveTimeline(NATIONAL_TIMELINE, PRIMARY_DROPOUT_CONTRACT, {
  id: "edu-default",
  version: "2.0.0",
  nameZh: "默认(国家现行标准)",
  nameEn: "Default (national rules in force now)",
});

const TIMELINES: readonly PolicyTimelinePack[] = [
  NATIONAL_TIMELINE,
  ZHENLAI_TIMELINE,
  WUZHEN_TIMELINE,
  EDU_DEFAULT_TIMELINE,
];

/** Each built-in pack resolved for its own year (a sample's budget year; RULES_YEAR for the others). */
export const ZHENLAI_2012 = resolvePack(ZHENLAI_TIMELINE, 2012);
export const WUZHEN_2004 = resolvePack(WUZHEN_TIMELINE, 2004);
/** What the EDU functions use: the default timeline in RULES_YEAR. */
export const EDU_DEFAULT = resolvePack(EDU_DEFAULT_TIMELINE, RULES_YEAR);

const PACKS: readonly PolicyPack[] = [NATIONAL, ZHENLAI_2012, WUZHEN_2004, EDU_DEFAULT];

/** The built-in timelines (pack definitions). */
export function listTimelines(): readonly PolicyTimelinePack[] {
  return TIMELINES;
}

/** A built-in pack's definition: every key as a timeline. */
export function getTimeline(id: string): PolicyTimelinePack {
  const pack = TIMELINES.find((p) => p.id === id);
  if (!pack) throw notDefined(`No policy pack "${id}"; packs: ${TIMELINES.map((p) => p.id).join(", ")}`);
  return pack;
}

/** A built-in pack resolved for a budget year: the values in force in that year (see resolvePack). */
export function packForYear(id: string, year: number, options?: ResolveOptions): PolicyPack {
  return resolvePack(getTimeline(id), year, options);
}

export function listPacks(): readonly PolicyPack[] {
  return PACKS;
}

export function getPack(id: string): PolicyPack {
  const pack = PACKS.find((p) => p.id === id);
  if (!pack) throw notDefined(`No policy pack "${id}"; packs: ${PACKS.map((p) => p.id).join(", ")}`);
  return pack;
}

export function policyValue(pack: PolicyPack, key: PolicyKey): number {
  return pack.values[key].value;
}

/** The workbook defined name of a key: "dropout.primary" → "P_dropout_primary" (never cell-like). */
export function policyName(key: PolicyKey): string {
  return `P_${key.replace(/\./g, "_")}`;
}

/**
 * How far a key can be from a policy key and still be worth comparing: the longest key has fewer characters.
 * Longer text is compared by its first SUGGESTION_TEXT_LENGTH characters, so a suggestion costs the same for a
 * cell of 32,767 characters as for a typo.
 */
export const SUGGESTION_TEXT_LENGTH = 64;

/** Work done by the key suggestions (edit-distance cells computed), for the tests and the bench. */
export const suggestionWork = { cells: 0 };

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  suggestionWork.cells += a.length * b.length;
  return row[b.length] ?? 0;
}

/** Suggestions by bounded needle, computed once each (a sheet asks for the same wrong key in many cells). */
const SUGGESTIONS = new Map<string, readonly PolicyKey[]>();
const MAX_REMEMBERED = 256;

function ranked(needle: string): readonly PolicyKey[] {
  const hit = SUGGESTIONS.get(needle);
  if (hit) return hit;
  const order = POLICY_KEYS.map((k, i) => ({ k, i, d: editDistance(needle, k) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.k);
  if (SUGGESTIONS.size >= MAX_REMEMBERED) SUGGESTIONS.clear();
  SUGGESTIONS.set(needle, order);
  return order;
}

/** The text a key is compared by: trimmed, lower case, at most SUGGESTION_TEXT_LENGTH characters. */
function needleOf(key: string): string {
  const start = key.trimStart().slice(0, SUGGESTION_TEXT_LENGTH);
  return start.toLowerCase().trimEnd().slice(0, SUGGESTION_TEXT_LENGTH);
}

/** The n keys nearest to `key` by edit distance (ties in POLICY_KEYS order), on its first 64 characters. */
export function closestKeys(key: string, n = 3): PolicyKey[] {
  return ranked(needleOf(key)).slice(0, n);
}

/** A key as an error message quotes it: at most SUGGESTION_TEXT_LENGTH characters. */
function quoted(key: string): string {
  return key.length > SUGGESTION_TEXT_LENGTH ? `${key.slice(0, SUGGESTION_TEXT_LENGTH)}…` : key;
}

/** POLICY's lookup: trims, ignores case; an unknown key is #N/A suggesting the closest keys. */
export function lookupPolicy(pack: PolicyPack, key: string): number {
  const k = key.trim().toLowerCase();
  if (isPolicyKey(k)) {
    if (pack.values[k].notSet) throw notDefined(`Policy key "${k}" has no value in pack "${pack.id}"`);
    return pack.values[k].value;
  }
  throw notDefined(`Unknown policy key "${quoted(key)}". Did you mean: ${closestKeys(k, 3).join(", ")}?`);
}
