/** Which grades each school type teaches, and student counts derived from the grade columns. */
import {
  GRADE_KEYS,
  SCHOOL_LEVELS,
  type GradeKey,
  type LevelDropout,
  type School,
  type SchoolLevel,
  type SchoolType,
} from "./model";

const KINDERGARTEN: readonly GradeKey[] = ["k1", "k2", "k3"];
const PRIMARY: readonly GradeKey[] = ["g1", "g2", "g3", "g4", "g5", "g6"];
const JUNIOR: readonly GradeKey[] = ["g7", "g8", "g9"];
const SENIOR: readonly GradeKey[] = ["g10", "g11", "g12"];

/** Each grade column's name in Chinese and English (input sheets, 学校 and 布局调整 headers). */
export const GRADE_LABELS: Readonly<Record<GradeKey, readonly [zh: string, en: string]>> = {
  k1: ["小班", "K1 (small class)"],
  k2: ["中班", "K2 (middle class)"],
  k3: ["大班", "K3 (large class)"],
  g1: ["一年级", "Grade 1"],
  g2: ["二年级", "Grade 2"],
  g3: ["三年级", "Grade 3"],
  g4: ["四年级", "Grade 4"],
  g5: ["五年级", "Grade 5"],
  g6: ["六年级", "Grade 6"],
  g7: ["七年级", "Grade 7"],
  g8: ["八年级", "Grade 8"],
  g9: ["九年级", "Grade 9"],
  g10: ["高一", "Grade 10"],
  g11: ["高二", "Grade 11"],
  g12: ["高三", "Grade 12"],
};

/** Primary schools and teaching points may run a 学前班 (counted as 大班, k3). */
export const GRADES_BY_TYPE: Readonly<Record<SchoolType, readonly GradeKey[]>> = {
  幼儿园: KINDERGARTEN,
  小学: ["k3", ...PRIMARY],
  初中: JUNIOR,
  九年一贯制: ["k3", ...PRIMARY, ...JUNIOR],
  完全中学: [...JUNIOR, ...SENIOR],
  十二年一贯制: ["k3", ...PRIMARY, ...JUNIOR, ...SENIOR],
  高中: SENIOR,
  职业学校: SENIOR,
  特教学校: GRADE_KEYS,
  教学点: ["k3", ...PRIMARY],
};

export const GRADES_BY_LEVEL = {
  kindergarten: KINDERGARTEN,
  primary: PRIMARY,
  junior: JUNIOR,
  senior: SENIOR,
} as const;

/** Students over the given grades (all grades when omitted). */
export function schoolStudents(
  school: Pick<School, "grades">,
  grades: readonly GradeKey[] = GRADE_KEYS,
): number {
  return grades.reduce((sum, key) => sum + school.grades[key], 0);
}

/**
 * The levels of 小学/初中/高中 each school type teaches: two for a 九年一贯制 (小学+初中) and a 完全中学 (初中+高中),
 * three for a 十二年一贯制.
 * A kindergarten, a vocational and a special school teach none of them as such.
 */
export const LEVELS_BY_TYPE: Readonly<Record<SchoolType, readonly SchoolLevel[]>> = {
  幼儿园: [],
  小学: ["primary"],
  初中: ["junior"],
  九年一贯制: ["primary", "junior"],
  完全中学: ["junior", "senior"],
  十二年一贯制: ["primary", "junior", "senior"],
  高中: ["senior"],
  职业学校: [],
  特教学校: [],
  教学点: ["primary"],
};

/** One level's dropout figures of a school. */
export interface SchoolLevelDropout extends LevelDropout {
  readonly level: SchoolLevel;
}

/** The dropout figures a school gives per level (in level order), or none when it gives only the plain two fields. */
export function levelDropouts(school: Pick<School, "levels">): SchoolLevelDropout[] {
  const levels = school.levels;
  if (!levels) return [];
  return SCHOOL_LEVELS.flatMap((level) => {
    const figures = levels[level];
    return figures ? [{ level, ...figures }] : [];
  });
}
