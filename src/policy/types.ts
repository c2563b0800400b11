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
  // Staffing: students per staff post, 2014 unified (§4.5)
  "staff_ratio.primary",
  "staff_ratio.junior",
  "staff_ratio.senior",
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
  // School size limits (§4.3 B)
  "school_size.max",
  "school_size.max_nine_year",
  // A district's own deadline for its mergers and relocations, in years from the budget year (local only)
  "merger.deadline_years",
] as const;

export type PolicyKey = (typeof POLICY_KEYS)[number];

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
  readonly values: { readonly [K in PolicyKey]: PolicyValue };
}
