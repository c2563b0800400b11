/**
 * A policy pack: every number a rule uses, once, with its unit and source. Packs are data; a user's edits make a
 * new pack (see derivePack) and never change a built-in one.
 */

/** Every key a pack defines. Dotted, lower case, ASCII: they are also `POLICY("…")` keys and workbook names. */
export const POLICY_KEYS = [
  // Dropout limits (§4.2, S1-17)
  "dropout.primary",
  "dropout.junior.urban",
  "dropout.junior.town",
  "dropout.junior.rural",
  // Class sizes (§4.4, §4.7)
  "class_size.primary",
  "class_size.junior",
  "class_size.senior",
  "class_size.kindergarten",
  "class_size.kg_small",
  "class_size.kg_middle",
  "class_size.kg_large",
  "class_size.kg_mixed",
  // Class-size bands: the first size of each band above 正常 (§4.4)
  "class_band.oversize_from",
  "class_band.large_from",
  "class_band.super_large_from",
  // Balanced compulsory education CV limits (§4.3)
  "balance.basic.primary",
  "balance.basic.junior",
  "balance.quality.primary",
  "balance.quality.junior",
  "balance.quality.min_teaching_point",
  // Staffing: students per staff post (§4.5): 城市 (and, from 2014, every area), then the 2001 县镇 and 农村 ratios
  "staff_ratio.primary",
  "staff_ratio.junior",
  "staff_ratio.senior",
  "staff_ratio.primary.town",
  "staff_ratio.junior.town",
  "staff_ratio.senior.town",
  "staff_ratio.primary.rural",
  "staff_ratio.junior.rural",
  "staff_ratio.senior.rural",
  // Staffing by classes: staff posts per class of a teaching point or a special school (§4.5, provincial)
  "staff_ratio.class_teaching_point",
  "staff_ratio.class_special",
  // Public funds baseline, 元 per student per year (§4.6)
  "public_funds.central_west.primary",
  "public_funds.central_west.junior",
  "public_funds.east.primary",
  "public_funds.east.junior",
  "public_funds.boarder",
  "public_funds.special",
  "public_funds.small_school_floor",
  // Preschool (§4.7, S2-14, S2-15)
  "preschool.target_rate",
  "preschool.max_kindergarten_size",
  // Standardized schools (S2-13)
  "standardized.target_rate",
  // Allowances and subsidies (S2-06, S1-27, §4.8, §4.10)
  "allowance.start_month",
  "allowance.monthly_rate",
  "allowance.rate.tier1",
  "allowance.rate.tier2",
  "allowance.rate.tier3",
  "nutrition.yuan_per_day",
  "nutrition.days",
  // Student aid, 元 per student per year (budget reference §7.3)
  "aid.boarding.primary",
  "aid.boarding.junior",
  "aid.senior_grant",
  "aid.preschool",
  // Employer contributions on pay (budget reference §7.2)
  "personnel.pension_rate",
  "personnel.annuity_rate",
  "personnel.medical_rate",
  "personnel.housing_fund_rate",
  // Education levies and the land-transfer education fund: parts of 一般公共预算拨款 (budget reference §6)
  "revenue.education_surcharge_rate",
  "revenue.local_education_surcharge_rate",
  "revenue.land_transfer_education_rate",
  // School size limits (§4.3 B)
  "school_size.max",
  "school_size.max_nine_year",
  // A district's own deadline for its mergers and relocations, in years from the budget year (local only)
  "merger.deadline_years",
] as const;

export type PolicyKey = (typeof POLICY_KEYS)[number];

/** Where a value comes from: the national rules, the district's local pack, or the user's own edit or choice. */
export type PolicyOrigin = "national" | "local" | "user";

/**
 * Whether a resolved value is in force in the budget year: "inForce"; "beforeStart" when it is used before its start
 * year because the user chose to (the pack's applyBeforeStart); "notInForce" when no value is in force in that year
 * and the rule's "not in force" value stands in (for example no extra funds per boarder before the rule began).
 */
export type PolicyStatus = "inForce" | "beforeStart" | "notInForce";

/** A value of a resolved pack: the one in force in the pack's year, with where and when it applies. */
export interface PolicyValue {
  readonly value: number;
  /** e.g. "元/生·年", "人/班", "比率" (a fraction: 0.03 is 3 %), "月". */
  readonly unit: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** A speech quote (S1-17 …) or a national document, as in shared/domain/policies.md. */
  readonly source: string;
  /** First year the value applies. */
  readonly fromYear: number;
  /** The first year it no longer applies (it was replaced), if any. */
  readonly untilYear?: number;
  /** National, local or the user's (absent in packs made before timelines: national). */
  readonly origin?: PolicyOrigin;
  /** In force in the pack's year, used before its start by the user's choice, or not in force (absent: in force). */
  readonly status?: PolicyStatus;
  /**
   * For a target: the year by which it is to be reached. A target due after the budget year T is shown as a
   * trajectory to that year and checked against it in T; a target due in T (or without a due year) is checked in T.
   */
  readonly dueYear?: number;
  /**
   * The pack sets no value for this key (no national figure, and the district has no policy of its own): sheets use
   * none and say so. `value` is then only a placeholder.
   */
  readonly notSet?: true;
  /** The item of the policy reference the value comes from (e.g. a speech item); shown only in 参数's notes. */
  readonly ref?: string;
}

export interface PolicyPack {
  /** Stable ASCII id, e.g. "national", "zhenlai-2012". */
  readonly id: string;
  /** Semantic version of the pack's content; an edited copy bumps it and records its base. */
  readonly version: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The id@version this pack was derived from, if any. */
  readonly basedOn?: string;
  /** The year the values were resolved for (a pack resolved from a timeline). */
  readonly year?: number;
  readonly values: { readonly [K in PolicyKey]: PolicyValue };
}

/** One dated value of a timeline: it applies from fromYear and, when replaced, stops at untilYear (exclusive). */
export interface PolicyEntry {
  readonly value: number;
  readonly source: string;
  readonly fromYear: number;
  /** The first year it no longer applies; absent while it is in force. */
  readonly untilYear?: number;
  readonly origin: PolicyOrigin;
  /** A label for this entry when it differs from the key's (e.g. 「小学年辍学率上限(小学无辍学)」). */
  readonly labelZh?: string;
  /** For a target: the year by which it is to be reached (copied to the resolved PolicyValue). */
  readonly dueYear?: number;
  /** This entry sets no value (no national figure, no local policy): sheets use none and say so. */
  readonly notSet?: true;
  /** The item of the policy reference the value comes from; shown only in 参数's notes. */
  readonly ref?: string;
}

/** What a key resolves to in a year with no entry in force (and no choice to use a later one). */
export interface NotInForce {
  /** The value that means "the rule does not apply" (0 extra per boarder, no 100-pupil floor). */
  readonly value: number;
  /** Why, as 参数 shows it. */
  readonly note: string;
}

/** Every dated value of one key, with its unit and labels. */
export interface PolicyTimeline {
  readonly unit: string;
  readonly labelZh: string;
  readonly labelEn: string;
  /** Ordered by fromYear; a replaced entry's untilYear is its successor's fromYear. */
  readonly entries: readonly PolicyEntry[];
  /** The value in a year before every entry (or after the last stopped); without it such a year needs a choice. */
  readonly notInForce?: NotInForce;
}

/** A pack definition: every key as a timeline. resolvePack(pack, year) gives the PolicyPack in force in a year. */
export interface PolicyTimelinePack {
  readonly id: string;
  readonly version: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly basedOn?: string;
  /** The budget year the pack was made for (a sample's year); absent for the national rules. */
  readonly year?: number;
  /**
   * The keys the user chose to apply before their start year when no value is in force (the earliest later entry
   * is used and 参数 says so beside it).
   */
  readonly applyBeforeStart?: readonly PolicyKey[];
  readonly values: { readonly [K in PolicyKey]: PolicyTimeline };
}
