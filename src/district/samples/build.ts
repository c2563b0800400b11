/**
 * Compact school rows for the samples: a few stated facts per school (type, area, students per grade, dropouts…)
 * and the rest derived by plausible ratios, so the invented figures hang together (classes from class sizes,
 * staff from staffing ratios, floor area and equipment per student).
 */
import { GRADES_BY_TYPE, GRADES_BY_LEVEL, LEVELS_BY_TYPE, schoolStudents } from "../grades";
import {
  GRADE_KEYS,
  type AreaZh,
  type DistrictInput,
  type FiscalYear,
  type GradeKey,
  type School,
  type SchoolLevel,
  type SchoolType,
} from "../model";

export interface SchoolSketch {
  readonly code: string;
  readonly name: string;
  readonly town: string;
  readonly type: SchoolType;
  readonly area: AreaZh;
  /** Students in each taught grade (a small deterministic wobble is added), or exact counts per grade. */
  readonly perGrade: number | Partial<Record<GradeKey, number>>;
  readonly dropouts?: number;
  /** A school of two levels: its dropouts per level (their sum is the school's dropouts). */
  readonly dropoutsByLevel?: Partial<Record<SchoolLevel, number>>;
  readonly boarders?: number;
  readonly specialNeeds?: number;
  readonly standardized?: boolean;
}

const CLASS_SIZE = (grade: GradeKey): number =>
  grade.startsWith("k") ? 30 : Number(grade.slice(1)) <= 6 ? 45 : 50;
const STAFF_RATIO: Record<SchoolType, number> = {
  幼儿园: 9,
  小学: 17,
  初中: 12.5,
  九年一贯制: 14,
  完全中学: 12.5,
  十二年一贯制: 13,
  高中: 12,
  职业学校: 11,
  特教学校: 3,
  教学点: 10,
};
const PER_STUDENT: Record<
  AreaZh,
  { area: number; sports: number; equipment: number; books: number; perComputer: number }
> = {
  城市: { area: 4.2, sports: 5.5, equipment: 950, books: 28, perComputer: 8 },
  县镇: { area: 4.8, sports: 8, equipment: 620, books: 22, perComputer: 12 },
  农村: { area: 5.6, sports: 11, equipment: 410, books: 16, perComputer: 18 },
};
const TIER: Record<AreaZh, number> = { 城市: 0, 县镇: 1, 农村: 2 };

function gradesOf(sketch: SchoolSketch): Record<GradeKey, number> {
  const grades = Object.fromEntries(GRADE_KEYS.map((key) => [key, 0])) as Record<GradeKey, number>;
  if (typeof sketch.perGrade === "number") {
    const base = sketch.perGrade;
    const taught = GRADES_BY_TYPE[sketch.type].filter((key) => sketch.type !== "小学" || key !== "k3");
    // Deterministic wobble of about ±6 % so grades are not all equal.
    const seed = [...sketch.code].reduce((sum, char) => sum + char.charCodeAt(0), 0);
    taught.forEach((key, index) => {
      grades[key] = Math.max(0, Math.round(base * (1 + (((seed + index * 5) % 7) - 3) * 0.02)));
    });
  } else Object.assign(grades, sketch.perGrade);
  return grades;
}

export function sketchSchool(sketch: SchoolSketch): School {
  const grades = gradesOf(sketch);
  const students = schoolStudents({ grades });
  const classes = GRADE_KEYS.reduce((sum, key) => sum + Math.ceil(grades[key] / CLASS_SIZE(key)), 0);
  const staff = Math.max(2, Math.ceil(students / STAFF_RATIO[sketch.type]));
  const per = PER_STUDENT[sketch.area];
  const byLevel = sketch.dropoutsByLevel;
  // Per level: the level's students, its dropouts and about 1 % who left otherwise, at the start of last year.
  const levels = byLevel
    ? Object.fromEntries(
        LEVELS_BY_TYPE[sketch.type].map((level) => {
          const levelStudents = schoolStudents({ grades }, GRADES_BY_LEVEL[level]);
          const levelDropouts = byLevel[level] ?? 0;
          return [
            level,
            {
              prevStartEnrollment: levelStudents + levelDropouts + Math.round(levelStudents * 0.01),
              prevDropouts: levelDropouts,
            },
          ];
        }),
      )
    : undefined;
  const sum = (field: "prevStartEnrollment" | "prevDropouts") =>
    Object.values(levels ?? {}).reduce((total, level) => total + level[field], 0);
  const dropouts = levels ? sum("prevDropouts") : (sketch.dropouts ?? 0);
  return {
    code: sketch.code,
    name: sketch.name,
    town: sketch.town,
    type: sketch.type,
    area: sketch.area,
    grades,
    classes,
    classrooms: classes + Math.ceil(classes * 0.15),
    boarders: sketch.boarders ?? 0,
    specialNeeds: sketch.specialNeeds ?? 0,
    staff,
    staffAboveQualification: Math.round(staff * (sketch.area === "城市" ? 0.62 : 0.41)),
    staffMidTitle: Math.round(staff * (sketch.area === "农村" ? 0.33 : 0.45)),
    backboneTeachers: Math.round(staff * (sketch.area === "城市" ? 0.14 : 0.07)),
    prevStartEnrollment: levels
      ? sum("prevStartEnrollment")
      : students + dropouts + Math.round(students * 0.01),
    prevDropouts: dropouts,
    ...(levels ? { levels } : {}),
    standardized: sketch.standardized ?? false,
    teachingArea: Math.round(students * per.area),
    sportsArea: Math.round(students * per.sports),
    equipmentValue: students * per.equipment,
    books: students * per.books,
    computers: Math.ceil(students / per.perComputer),
    remotenessTier: sketch.type === "教学点" ? 3 : TIER[sketch.area],
    // About a third of boarders from families in difficulty, and a tenth of senior students and children aided.
    needyBoarders: Math.round((sketch.boarders ?? 0) * 0.35),
    aidStudents: Math.round(
      (schoolStudents({ grades }, GRADES_BY_LEVEL.senior) +
        schoolStudents({ grades }, GRADES_BY_LEVEL.kindergarten)) *
        0.1,
    ),
  };
}

const COMPULSORY = [...GRADES_BY_LEVEL.primary, ...GRADES_BY_LEVEL.junior];

/** Fiscal figures with the student and staff counts taken from the schools, so the two agree. */
type Revenue = "governmentFunds" | "businessIncome" | "otherIncome" | "carryOver";

export function fiscalYear(
  money: Omit<FiscalYear, "students" | "compulsoryStudents" | "staffHeadcount" | Revenue> &
    Partial<Pick<FiscalYear, Revenue>>,
  schools: readonly School[],
  scale = 1,
): FiscalYear {
  const sum = (of: (school: School) => number) =>
    Math.round(scale * schools.reduce((total, school) => total + of(school), 0));
  return {
    governmentFunds: 0,
    businessIncome: 0,
    otherIncome: 0,
    carryOver: 0,
    ...money,
    students: sum((school) => schoolStudents(school)),
    compulsoryStudents: sum((school) => schoolStudents(school, COMPULSORY)),
    staffHeadcount: sum((school) => school.staff),
  };
}

/** A deterministic wobble in [−spread, spread] from a text and a number (no randomness in the samples). */
function wobble(text: string, n: number, spread: number): number {
  let h = 2166136261 ^ n;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return (((h >>> 0) % 1000) / 999 - 0.5) * 2 * spread;
}

/**
 * Invented inputs of the term plan for sample schools: enrollment in the `pastYears` years before T (each grade a
 * little larger the further back, as enrollment falls in most counties), and district births for every cohort the
 * plan needs (a slow decline), so the projection has something plausible to start from.
 */
export function inventedTerm(
  schools: readonly School[],
  budgetYear: number,
  lastYear: number,
  revenueGrowth: number,
  pastYears = 3,
): NonNullable<DistrictInput["term"]> {
  const history = schools.flatMap((school) =>
    Array.from({ length: pastYears }, (_, k) => {
      const back = pastYears - k;
      const grades = Object.fromEntries(
        GRADE_KEYS.map((g) => {
          const now = school.grades[g];
          const factor = 1 + 0.025 * back + wobble(school.code + g, back, 0.03);
          return [g, now === 0 ? 0 : Math.max(1, Math.round(now * factor))];
        }),
      ) as Record<GradeKey, number>;
      return { school: school.code, year: budgetYear - back, grades };
    }),
  );
  const intake = schools.reduce((s, school) => s + school.grades.g1, 0);
  const base = Math.max(100, Math.round(intake / 0.92));
  const first = budgetYear - pastYears - 15;
  const births = Array.from({ length: lastYear - 3 - first + 1 }, (_, k) => {
    const year = first + k;
    const trend = 1 - 0.012 * (year - (budgetYear - 6));
    return { year, births: Math.max(1, Math.round(base * (trend + wobble("births", year, 0.02)))) };
  });
  return { lastYear, revenueGrowth, history, births, entrants: [], ratios: [] };
}
