import type { PolicyPack } from "../policy/types";
import { rowInForce } from "./dated";
import { notDefined } from "./errors";
import { LEVEL_ZH, type Area, type Level } from "./levels";
import { divisor, nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const RATIO_KEY = {
  primary: "staff_ratio.primary",
  junior: "staff_ratio.junior",
  senior: "staff_ratio.senior",
} as const;

/** Students per staff post, 2014 unified urban–rural standard (§4.5). */
export function staffRatio(pack: PolicyPack, level: Level): number {
  if (level === "kindergarten") {
    throw notDefined(
      `No staffing ratio for ${LEVEL_ZH[level]} (${level}): ratios exist for 小学, 初中 and 高中`,
    );
  }
  return pack.values[RATIO_KEY[level]].value;
}

export type StaffedLevel = Exclude<Level, "kindergarten">;

/** One national staffing standard: students per staff post by level and area, in force from `from`. */
export interface StaffRatioRow {
  readonly from: number;
  /** The last year in force (the year before the next standard), if it was replaced. */
  readonly to?: number;
  /** True when every area has the same ratios (area is ignored). */
  readonly unified: boolean;
  readonly ratios: { readonly [L in StaffedLevel]: { readonly [A in Area]: number } };
  readonly sourceZh: string;
  readonly sourceEn: string;
}

const same = (ratio: number): { readonly [A in Area]: number } => ({
  urban: ratio,
  town: ratio,
  rural: ratio,
});

/**
 * The national staffing standards by year (shared/domain/policies.md §4.5): the 2001 table by 城市 / 县镇 / 农村
 * ("城市" 省辖市以上大中城市市区, "县镇" 县(市)政府所在地城区), and the 2014 unification of county-town and rural
 * schools at the urban ratios. No national standard before 2001.
 */
export const STAFF_RATIO_TABLE: readonly StaffRatioRow[] = [
  {
    from: 2001,
    to: 2013,
    unified: false,
    ratios: {
      primary: { urban: 19, town: 21, rural: 23 },
      junior: { urban: 13.5, town: 16, rural: 18 },
      senior: { urban: 12.5, town: 13, rural: 13.5 },
    },
    sourceZh:
      "国务院办公厅转发中央编办、教育部、财政部《关于制定中小学教职工编制标准意见的通知》(国办发〔2001〕74号)",
    sourceEn:
      "General Office of the State Council, staffing standards for primary and secondary schools (国办发〔2001〕74号)",
  },
  {
    from: 2014,
    unified: true,
    ratios: { primary: same(19), junior: same(13.5), senior: same(12.5) },
    sourceZh: "中央编办、教育部、财政部《关于统一城乡中小学教职工编制标准的通知》(中央编办发〔2014〕72号)",
    sourceEn:
      "Central Staffing Office, Ministry of Education and Ministry of Finance, unified urban and rural staffing standards (中央编办发〔2014〕72号)",
  },
];

/** The first year with a national staffing standard. */
export const FIRST_STAFF_YEAR = STAFF_RATIO_TABLE[0]?.from ?? 2001;

/**
 * Students per staff post in force in `year` (§4.5): from 2014 the unified ratios (area ignored), 2001–2013 the
 * 2001 table by area. #N/A for a kindergarten, or a year before the first national standard.
 */
export function staffRatioInYear(level: Level, area: Area, year: number): number {
  if (level === "kindergarten") {
    throw notDefined(
      `No staffing ratio for ${LEVEL_ZH[level]} (${level}): ratios exist for 小学, 初中 and 高中`,
    );
  }
  const row = rowInForce(STAFF_RATIO_TABLE, year);
  if (!row) {
    throw notDefined(
      `No national staffing standard in ${year}: the first is that of ${FIRST_STAFF_YEAR} (国办发〔2001〕74号), by 城市/县镇/农村`,
    );
  }
  return row.ratios[level][area];
}

/** students / ratio, not rounded: rounding is a provincial choice. */
export function staffQuota(students: number, ratio: number): number {
  nonNegative(students, "students");
  return result(students / divisor(ratio, "ratio"), "students");
}

// The workbook's formula for this rule (its Excel twin), written from cell references and workbook names.

/** staffQuota as a formula: students / ratio, not rounded (#DIV/0! for a zero ratio). */
export function staffQuotaFormula(students: string, ratio: string): string {
  return `${students}/${ratio}`;
}

// Staffing by classes (§4.5): teaching points and special schools have their own rule, set by the province.

/** The kinds of school staffed by classes, and the pack key of their staff posts per class (班师比). */
export const CLASS_STAFF_KEY = {
  teachingPoint: "staff_ratio.class_teaching_point",
  special: "staff_ratio.class_special",
} as const;
export type ClassStaffed = keyof typeof CLASS_STAFF_KEY;

/** Staff posts per class (班师比) for a teaching point or a special school. */
export function staffPerClass(pack: PolicyPack, kind: ClassStaffed): number {
  return pack.values[CLASS_STAFF_KEY[kind]].value;
}

/** classes × staff posts per class, not rounded. */
export function classStaffQuota(classes: number, perClass: number): number {
  nonNegative(classes, "classes");
  nonNegative(perClass, "perClass");
  return result(classes * perClass, "classes");
}

/**
 * A school's quota, not rounded: a special school by its classes only; a teaching point by the larger of its
 * students ÷ ratio and its classes × 班师比 (生师比与班师比相结合); any other school by students ÷ ratio.
 */
export function schoolStaffQuota(
  kind: ClassStaffed | "ordinary",
  byStudents: number,
  byClasses: number,
): number {
  nonNegative(byStudents, "byStudents");
  nonNegative(byClasses, "byClasses");
  if (kind === "special") return byClasses;
  if (kind === "teachingPoint") return Math.max(byStudents, byClasses);
  return byStudents;
}

/** classStaffQuota as a formula. */
export function classStaffQuotaFormula(classes: string, perClass: string): string {
  return `${classes}*${perClass}`;
}

/** schoolStaffQuota as a formula over the school's type cell (学校类型 text). */
export function schoolStaffQuotaFormula(type: string, byStudents: string, byClasses: string): string {
  return `IF(${type}="特教学校",${byClasses},IF(${type}="教学点",MAX(${byStudents},${byClasses}),${byStudents}))`;
}
