import { invalidArgument, notDefined } from "../domain/errors";
import { NATIONAL } from "./national";
import { POLICY_KEYS, type PolicyKey, type PolicyPack, type PolicyValue } from "./types";

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
            ...withoutNotSet(old),
            value: edit,
            source: `用户修改 user edit (was ${old.value}: ${old.source})`,
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

/**
 * The public-funds baseline of each speech's era (§4.6): the budget of 2012 or 2004 is checked against the norms of
 * its time, not today's. Values of medium confidence are marked so in their source; all are editable.
 */
const funds = (value: number, fromYear: number, source: string) => ({ value, fromYear, source });
const FUNDS_2011_SOURCE =
  "农村义务教育经费保障机制 2011年基准定额(中西部小学500元、初中700元; 东部小学550元、初中750元, 东部为莆田等地公开数据, 中西部为中等可信度; 政策参考 §4.6)";
const FUNDS_2011: PolicyEdits = {
  "public_funds.central_west.primary": funds(500, 2011, FUNDS_2011_SOURCE),
  "public_funds.central_west.junior": funds(700, 2011, FUNDS_2011_SOURCE),
  "public_funds.east.primary": funds(550, 2011, FUNDS_2011_SOURCE),
  "public_funds.east.junior": funds(750, 2011, FUNDS_2011_SOURCE),
};
const FUNDS_2009_SOURCE =
  "2004年尚无全国统一的生均公用经费基准定额(当时以杂费补充公用经费); 此处取最早的全国基准定额: 2009年农村中西部小学300元、初中500元, 东部小学350元、初中550元(政策参考 §4.6), 请按本地实际修改";
const FUNDS_2009: PolicyEdits = {
  "public_funds.central_west.primary": funds(300, 2009, FUNDS_2009_SOURCE),
  "public_funds.central_west.junior": funds(500, 2009, FUNDS_2009_SOURCE),
  "public_funds.east.primary": funds(350, 2009, FUNDS_2009_SOURCE),
  "public_funds.east.junior": funds(550, 2009, FUNDS_2009_SOURCE),
};
const SPECIAL_BEFORE_2016 = funds(
  4000,
  2015,
  "特殊教育学生生均公用经费: 2016年起提高到每生每年6000元, 此前为4000元(国发〔2015〕67号前的标准, 起始年份不详; 政策参考 §4.6)",
);

/** Speech (一), 镇赉 ≈2012: its local dropout limits plus the national rates of that time it relies on. */
export const ZHENLAI_2012 = derivePack(
  NATIONAL,
  {
    ...S1_OVERRIDES,
    ...FUNDS_2011,
    "public_funds.special": SPECIAL_BEFORE_2016,
    "nutrition.yuan_per_day": {
      value: 3,
      source: "讲话(一)「启动学生营养改善计划」; 国家标准自2011年秋季学期起每生每天3元",
      fromYear: 2011,
      ref: "S1-27",
    },
  },
  { id: "zhenlai-2012", version: "1.0.0", nameZh: "讲话(一) 镇赉 2012", nameEn: "Speech 1 (Zhenlai, 2012)" },
);

/** Speech (二), the 五镇 district ≈2004: its local targets. */
export const WUZHEN_2004 = derivePack(
  NATIONAL,
  { ...S2_OVERRIDES, ...FUNDS_2009, "public_funds.special": SPECIAL_BEFORE_2016 },
  {
    id: "wuzhen-2004",
    version: "1.0.0",
    nameZh: "讲话(二) 五镇 2004",
    nameEn: "Speech 2 (five towns, 2004)",
  },
);

/** What the EDU functions use: national rules with both speeches' local overrides. */
export const EDU_DEFAULT = derivePack(
  NATIONAL,
  { ...S1_OVERRIDES, ...S2_OVERRIDES },
  {
    id: "edu-default",
    version: "1.0.0",
    nameZh: "默认(国家标准+讲话地方规定)",
    nameEn: "Default (national + speeches)",
  },
);

const PACKS: readonly PolicyPack[] = [NATIONAL, ZHENLAI_2012, WUZHEN_2004, EDU_DEFAULT];

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
