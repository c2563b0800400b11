/**
 * The district: everything a budget workbook is built from. The zod schema is the single definition of what is
 * accepted; readers (JSON, .xlsx input workbook, CSV) turn their rows into this shape and let the schema judge it.
 * Money is in 万元 unless a field says 元; counts are whole numbers ≥ 0.
 */
import { z } from "zod";

export const SCHOOL_TYPES = [
  "幼儿园",
  "小学",
  "初中",
  "九年一贯制",
  "完全中学",
  "十二年一贯制",
  "高中",
  "职业学校",
  "特教学校",
  "教学点",
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const AREAS = ["城市", "县镇", "农村"] as const;
export type AreaZh = (typeof AREAS)[number];

export const REGIONS = ["中西部", "东部"] as const;
export type Region = (typeof REGIONS)[number];

/** Grade columns in school order: kindergarten 小/中/大班, then grades 1–12 (1–6 小学, 7–9 初中, 10–12 高中). */
export const GRADE_KEYS = [
  "k1",
  "k2",
  "k3",
  "g1",
  "g2",
  "g3",
  "g4",
  "g5",
  "g6",
  "g7",
  "g8",
  "g9",
  "g10",
  "g11",
  "g12",
] as const;
export type GradeKey = (typeof GRADE_KEYS)[number];

export const PROJECT_STATUSES = ["新建", "续建"] as const;
export const PROJECT_CATEGORIES = [
  "教学楼",
  "周转房",
  "幼儿园",
  "危房改造",
  "运动场",
  "食堂宿舍",
  "实训基地",
  "其他",
] as const;
export const KINDERGARTEN_KINDS = ["示范幼儿园", "镇中心幼儿园", "民办幼儿园", "公办幼儿园"] as const;
export const DEBT_STEPS = [1, 2, 3, 4] as const;

/**
 * The largest value each kind of figure can take in a district (a city roll-up of a few thousand schools included):
 * anything beyond is a typing or unit mistake (元 for 万元), reported on its field before anything is built, and it
 * keeps every sum the workbook makes finite. README "Limits of the input" lists them.
 */
export const LIMITS = {
  /** Students in one grade of one school. */
  gradeStudents: 20_000,
  /** Students, boarders, dropouts of one school. */
  schoolStudents: 300_000,
  /** Classes or classrooms of one school (or one planned kindergarten's classes of one age). */
  classes: 2_000,
  /** Staff of one school. */
  schoolStaff: 50_000,
  /** Floor or ground area of one school, ㎡. */
  area: 10_000_000,
  /** Equipment value of one school, 元. */
  equipmentYuan: 10_000_000_000,
  /** Books or computers of one school. */
  items: 100_000_000,
  /** People of the district: students, staff, children aged 3–5. */
  people: 100_000_000,
  /** Any amount in 万元 (10 万亿元: more than the whole country spends on education in a year). */
  money: 1_000_000_000,
  /** A count a source states (「开工建设7个项目」). */
  statedCount: 1_000_000,
} as const;

const upTo = (max: number) => `must be ${max} or less`;
const count = z.number().int("must be a whole number").min(0, "must be 0 or more");
const countUpTo = (max: number) => count.max(max, upTo(max));
const money = z.number().finite().min(0, "must be 0 or more").max(LIMITS.money, upTo(LIMITS.money));
const amountUpTo = (max: number) => z.number().finite().min(0, "must be 0 or more").max(max, upTo(max));
const year = z
  .number()
  .int("must be a whole year")
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");
const text = z.string().trim().min(1, "must not be empty");

const gradeCount = countUpTo(LIMITS.gradeStudents);

export const gradesSchema = z
  .object(
    Object.fromEntries(GRADE_KEYS.map((key) => [key, gradeCount.default(0)])) as Record<
      GradeKey,
      z.ZodDefault<typeof gradeCount>
    >,
  )
  .strict();

/** Levels a school may teach with a dropout count of their own (a 九年一贯制's 小学 and 初中 parts). */
export const SCHOOL_LEVELS = ["primary", "junior", "senior"] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export const SCHOOL_LEVEL_ZH: Readonly<Record<SchoolLevel, string>> = {
  primary: "小学",
  junior: "初中",
  senior: "高中",
};

/** One level's enrollment at the start of the previous year and its dropouts during it. */
export const levelDropoutSchema = z
  .object({
    /** 上学年初该学段在校生数. */
    prevStartEnrollment: countUpTo(LIMITS.schoolStudents).default(0),
    /** 上学年该学段辍学学生数. */
    prevDropouts: countUpTo(LIMITS.schoolStudents).default(0),
  })
  .strict();
export type LevelDropout = z.infer<typeof levelDropoutSchema>;

export const schoolLevelsSchema = z
  .object({
    primary: levelDropoutSchema.optional(),
    junior: levelDropoutSchema.optional(),
    senior: levelDropoutSchema.optional(),
  })
  .strict();
export type SchoolLevels = z.infer<typeof schoolLevelsSchema>;

export const schoolSchema = z
  .object({
    code: text.max(32, "must be at most 32 characters"),
    name: text.max(80, "must be at most 80 characters"),
    town: text.max(40, "must be at most 40 characters"),
    type: z.enum(SCHOOL_TYPES, { message: `must be one of ${SCHOOL_TYPES.join("/")}` }),
    area: z.enum(AREAS, { message: `must be one of ${AREAS.join("/")}` }),
    grades: gradesSchema,
    classes: countUpTo(LIMITS.classes),
    classrooms: countUpTo(LIMITS.classes),
    boarders: countUpTo(LIMITS.schoolStudents).default(0),
    specialNeeds: countUpTo(LIMITS.schoolStudents).default(0),
    staff: countUpTo(LIMITS.schoolStaff),
    /** Teachers with qualifications above the statutory minimum (高于规定学历). */
    staffAboveQualification: countUpTo(LIMITS.schoolStaff).default(0),
    /** Teachers with a mid-level or higher professional title (中级及以上职称). */
    staffMidTitle: countUpTo(LIMITS.schoolStaff).default(0),
    backboneTeachers: countUpTo(LIMITS.schoolStaff).default(0),
    /** Enrollment at the start of the previous school year (上学年初在校生数). */
    prevStartEnrollment: countUpTo(LIMITS.schoolStudents).default(0),
    /** Dropouts during the previous school year (学年内辍学学生数). */
    prevDropouts: countUpTo(LIMITS.schoolStudents).default(0),
    /**
     * A school that teaches more than one level (九年一贯制, 完全中学): the start enrollment and dropouts of each
     * level, so each level is held to its own limit. When given, prevStartEnrollment and prevDropouts are their sums
     * (or left 0); a single-level school gives the two plain fields only.
     */
    levels: schoolLevelsSchema.optional(),
    standardized: z.boolean().default(false),
    /** 教学及辅助用房面积, ㎡. */
    teachingArea: amountUpTo(LIMITS.area).default(0),
    /** 体育运动场馆面积, ㎡. */
    sportsArea: amountUpTo(LIMITS.area).default(0),
    /** 教学仪器设备值, 元. */
    equipmentValue: amountUpTo(LIMITS.equipmentYuan).default(0),
    books: countUpTo(LIMITS.items).default(0),
    computers: countUpTo(LIMITS.items).default(0),
    /** Remoteness tier for the rural teacher allowance: 0 none, 1–3 increasingly remote. */
    remotenessTier: z.number().int().min(0).max(3, "must be 0, 1, 2 or 3").default(0),
    /**
     * Public (non-personnel) funds available to the school this year, 万元; when every school gives it, the
     * public-funds gap is summed per school as max(0, norm − available) (S2-02), else it is district-wide.
     */
    publicFundsAvailable: money.optional(),
    /** 家庭经济困难寄宿生数 (义务教育): the students the 寄宿生生活补助 is paid for. */
    needyBoarders: countUpTo(LIMITS.schoolStudents).default(0),
    /** 资助对象数: 家庭经济困难的高中生 (国家助学金) or 幼儿 (学前资助) of the school. */
    aidStudents: countUpTo(LIMITS.schoolStudents).default(0),
  })
  .strict();
export type School = z.infer<typeof schoolSchema>;

export const fiscalYearSchema = z
  .object({
    /** 教育财政拨款 (一般公共预算教育支出), 万元. */
    appropriation: money,
    /** 其中: 义务教育财政拨款, 万元. */
    compulsoryAppropriation: money,
    /** 财政经常性收入, 万元. */
    recurringRevenue: money,
    /** 教职工工资总额, 万元. */
    staffPay: money,
    staffHeadcount: countUpTo(LIMITS.people),
    /** 公用经费支出, 万元 (all education). */
    publicFunds: money,
    /** 其中: 义务教育公用经费, 万元. */
    compulsoryPublicFunds: money,
    /** 在校学生数 (all levels). */
    students: countUpTo(LIMITS.people),
    /** 其中: 义务教育在校学生数. */
    compulsoryStudents: countUpTo(LIMITS.people),
    /** 政府性基金预算拨款收入, 万元 (部门预算 revenue). */
    governmentFunds: money.default(0),
    /** 事业收入, 万元. */
    businessIncome: money.default(0),
    /** 其他收入, 万元. */
    otherIncome: money.default(0),
    /** 上年结转, 万元. */
    carryOver: money.default(0),
    /** 建议数 (一上) of 一般公共预算拨款, 万元, where the bureau gives it (the appropriation is the 控制数 of 一下). */
    proposedAppropriation: money.optional(),
    /** 实际缴纳的增值税和消费税, 万元: the base of 教育费附加 and 地方教育附加, where given. */
    surchargeTaxBase: money.optional(),
    /** 土地出让收益, 万元 (出让收入 less the costs 财综〔2011〕62号 deducts): the base of the 10 % for education. */
    landTransferIncome: money.optional(),
  })
  .strict();
export type FiscalYear = z.infer<typeof fiscalYearSchema>;

export const fiscalSchema = z
  .object({
    /** The scope the three growths are checked for (I-4): all education or compulsory education only. */
    scope: z.enum(["all", "compulsory"]).default("all"),
    /** Whether the T−1 figures are final accounts (决算) rather than a budget. */
    priorIsFinalAccounts: z.boolean().default(false),
    prior: fiscalYearSchema,
    current: fiscalYearSchema,
  })
  .strict();
export type Fiscal = z.infer<typeof fiscalSchema>;

export const projectSchema = z
  .object({
    name: text.max(80),
    /** School code (or site name when the project creates a new school). */
    school: text.max(80),
    status: z.enum(PROJECT_STATUSES, { message: "must be 新建 or 续建" }),
    category: z.enum(PROJECT_CATEGORIES, { message: `must be one of ${PROJECT_CATEGORIES.join("/")}` }),
    totalCost: money,
    central: money.default(0),
    provincial: money.default(0),
    district: money.default(0),
    town: money.default(0),
    startYear: year,
    endYear: year,
    /** Amount budgeted in year T, 万元. */
    amountInYear: money,
    /** 支出功能分类 项 the project is coded to (7 digits); absent: the 项 of its school's level. */
    functionCode: z
      .string()
      .trim()
      .regex(/^\d{7}$/, "must be a 7-digit 支出功能分类 项 code, e.g. 2050299")
      .optional(),
    /** 部门预算支出经济分类 款 (5 digits); absent: by the project's category. */
    economicCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "must be a 5-digit 经济分类 款 code, e.g. 31001")
      .optional(),
  })
  .strict();
export type Project = z.infer<typeof projectSchema>;

/** A project the district started last year (上年开工), matched against this year's 续建 projects. */
export const priorProjectSchema = z
  .object({
    name: text.max(80),
    /** The school's code, which gives the project's town; absent for a project without a school yet. */
    school: text.max(80).optional(),
  })
  .strict();
export type PriorProject = z.infer<typeof priorProjectSchema>;

/**
 * A line of last year's budget (上年预算): its unit, codes, item and amount (万元), matched with this year's line of
 * the same unit, 功能 and 经济 code and item.
 */
export const priorBudgetLineSchema = z
  .object({
    /** The unit's code: a school's code, or the bureau's. */
    unitCode: text.max(80),
    functionCode: z
      .string()
      .trim()
      .regex(/^\d{7}$/, "must be a 7-digit 功能分类 项 code, e.g. 2050201"),
    economicCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "must be a 5-digit 经济分类 款 code, e.g. 30101"),
    item: text.max(80),
    amount: money,
  })
  .strict();
export type PriorBudgetLine = z.infer<typeof priorBudgetLineSchema>;

/** A yearly amount per person, 元 (a pay standard). */
const yuanPerPerson = amountUpTo(10_000_000);

/**
 * Pay standards for the 人员经费 of the 部门预算, average per staff member and year (元): each school's staff × the
 * standard; 0 means not given. The bureau's own staff (局机关) are a unit of their own.
 */
export const personnelSchema = z
  .object({
    basicPay: yuanPerPerson.default(0),
    allowances: yuanPerPerson.default(0),
    performancePay: yuanPerPerson.default(0),
    bureauStaff: countUpTo(LIMITS.schoolStaff).default(0),
  })
  .strict();
export type Personnel = z.infer<typeof personnelSchema>;

/**
 * The “三公”经费 the bureau budgets, 万元 (因公出国（境）费, 公务接待费, 公务用车运行费, 公务用车购置费): lines of the
 * bureau under their 经济分类 款; 0 means none.
 */
export const threePublicSchema = z
  .object({
    abroad: money.default(0),
    reception: money.default(0),
    vehicleRunning: money.default(0),
    vehiclePurchase: money.default(0),
  })
  .strict();
export type ThreePublic = z.infer<typeof threePublicSchema>;

export const debtItemSchema = z
  .object({
    item: text.max(80),
    category: text.max(40),
    amount: money,
    step: z.number().int().min(1).max(4, "must be 1, 2, 3 or 4"),
  })
  .strict();
export type DebtItem = z.infer<typeof debtItemSchema>;

export const debtsSchema = z
  .object({
    /** The total the source states the items add up to. */
    statedTotal: money,
    /** Where that total is stated (a document's words), shown beside it on 债务. */
    statedSource: z.string().max(1000, "must be at most 1000 characters").default(""),
    items: z.array(debtItemSchema),
    /** What can be repaid each year from T to the term end year, 万元 (one entry per year). */
    annualCapacity: z.array(money),
  })
  .strict();
export type Debts = z.infer<typeof debtsSchema>;

export const mergerSchema = z
  .object({
    name: text.max(80),
    year: year,
    level: z.enum(["primary", "junior", "senior"]),
    /** Codes of the schools that move to the site. */
    sources: z
      .array(text.max(32, "must be at most 32 characters"))
      .min(1, "needs at least one source school"),
    /** The site they move to (a school's current site or a named site). */
    site: text.max(80),
    /** Code of a school that stays at the site and shares it, if any. */
    stayingSchool: z.string().trim().max(32).optional(),
    /** Code of the school whose current site it is when that school moves away (the 海阳 chain, I-11). */
    siteSchool: z.string().trim().max(32).optional(),
    /** Classrooms at the site; 0 takes them from the site's school on 学校. */
    siteClassrooms: countUpTo(LIMITS.classes).default(0),
    /** 教学及辅助用房面积 of the site, ㎡. */
    siteTeachingArea: amountUpTo(LIMITS.area).default(0),
  })
  .strict();
export type Merger = z.infer<typeof mergerSchema>;

export const plannedKindergartenSchema = z
  .object({
    name: text.max(80),
    kind: z.enum(KINDERGARTEN_KINDS, { message: `must be one of ${KINDERGARTEN_KINDS.join("/")}` }),
    town: text.max(40),
    smallClasses: countUpTo(LIMITS.classes).default(0),
    middleClasses: countUpTo(LIMITS.classes).default(0),
    largeClasses: countUpTo(LIMITS.classes).default(0),
    mixedClasses: countUpTo(LIMITS.classes).default(0),
    /** Construction cost, 万元. */
    cost: money.default(0),
    year: year,
  })
  .strict();
export type PlannedKindergarten = z.infer<typeof plannedKindergartenSchema>;

export const preschoolSchema = z
  .object({
    /** Population aged 3–5 (学前三年适龄人口). */
    population3to5: countUpTo(LIMITS.people),
    /** Children in kindergartens and 学前班 (在园(班)幼儿数). */
    enrolled: countUpTo(LIMITS.people),
    planned: z.array(plannedKindergartenSchema).default([]),
  })
  .strict();
export type Preschool = z.infer<typeof preschoolSchema>;

/** A count the source states next to the items it lists (「开工建设7个项目」, 「四个确保」 with five items). */
export const statedCountSchema = z
  .object({
    label: text.max(80),
    stated: countUpTo(LIMITS.statedCount),
    items: z.array(text.max(200, "must be at most 200 characters")),
    source: z.string().max(1000, "must be at most 1000 characters").default(""),
  })
  .strict();
export type StatedCount = z.infer<typeof statedCountSchema>;

/** One school's enrollment by grade in one past year (the year T enrollment is the school's own grades). */
export const enrollmentHistorySchema = z
  .object({
    school: text.max(32, "must be at most 32 characters"),
    year: year,
    grades: gradesSchema,
  })
  .strict();
export type EnrollmentHistory = z.infer<typeof enrollmentHistorySchema>;

/** Births in the district in one year (出生人口). */
export const birthsSchema = z
  .object({
    /** The year of birth (a cohort entering senior school in 1990 was born in 1975). */
    year: z
      .number()
      .int("must be a whole year")
      .min(1950, "must be 1950 or later")
      .max(2100, "must be 2100 or earlier"),
    births: countUpTo(LIMITS.people),
  })
  .strict();
export type Births = z.infer<typeof birthsSchema>;

/** A school's first-grade intake entered for a plan year, instead of births × the school's entry rate. */
export const entrantsSchema = z
  .object({
    school: text.max(32, "must be at most 32 characters"),
    year: year,
    entrants: countUpTo(LIMITS.gradeStudents),
  })
  .strict();
export type Entrants = z.infer<typeof entrantsSchema>;

/** A progression ratio known for a school: students of `grade` per student of the grade below a year earlier. */
export const ratioOverrideSchema = z
  .object({
    school: text.max(32, "must be at most 32 characters"),
    grade: z.enum(GRADE_KEYS, { message: `must be one of ${GRADE_KEYS.join("/")}` }),
    ratio: z.number().finite().min(0, "must be 0 or more").max(5, upTo(5)),
  })
  .strict();
export type RatioOverride = z.infer<typeof ratioOverrideSchema>;

/**
 * Net migration known for a school in a plan year (迁入 − 迁出, students): of one grade, or of the school when no grade
 * is given (spread evenly over its projected grades). It is added after progression, on top of what the progression
 * ratios of the past years already hold.
 */
export const migrationSchema = z
  .object({
    school: text.max(32, "must be at most 32 characters"),
    year: year,
    grade: z.enum(GRADE_KEYS, { message: `must be one of ${GRADE_KEYS.join("/")}` }).optional(),
    migrants: z
      .number()
      .int("must be a whole number of students")
      .min(-LIMITS.gradeStudents, `must be ${-LIMITS.gradeStudents} or more`)
      .max(LIMITS.gradeStudents, upTo(LIMITS.gradeStudents)),
  })
  .strict();
export type Migration = z.infer<typeof migrationSchema>;

/** Across the term (中期财政规划): what the plan years T … lastYear are projected from. */
export const termSchema = z
  .object({
    /** Last year of the plan; the term end year when omitted, never before T + 2. */
    lastYear: year.optional(),
    /** Assumed yearly growth of 财政经常性收入, as a fraction (0.05 = 5 %). */
    revenueGrowth: z
      .number()
      .finite()
      .min(-0.5, "must be −0.5 (−50 %) or more")
      .max(1, "must be 1 (100 %) or less")
      .default(0.05),
    /** Each school's enrollment by grade in past years (at least two, the years just before T). */
    history: z.array(enrollmentHistorySchema).default([]),
    births: z.array(birthsSchema).default([]),
    entrants: z.array(entrantsSchema).default([]),
    ratios: z.array(ratioOverrideSchema).default([]),
    migration: z.array(migrationSchema).default([]),
  })
  .strict();
export type Term = z.infer<typeof termSchema>;

export const districtSchema = z
  .object({
    name: text.max(40, "must be at most 40 characters"),
    /** Budget year T. */
    budgetYear: year,
    region: z.enum(REGIONS, { message: "must be 中西部 or 东部" }),
    moneyUnit: z.literal("万元").default("万元"),
    /** Last year of the current government term: the debt must be repaid by then (S2-04.5). */
    termEndYear: year,
    /** Built-in policy pack this district starts from (e.g. "zhenlai-2012"). */
    policyPack: text.max(80, "must be at most 80 characters").default("national"),
    /** A note shown on the contents sheet (e.g. that a sample's figures are invented). */
    note: z.string().max(2000, "must be at most 2000 characters").default(""),
    /** 学生营养改善计划 (S1-27): the district pays the meal subsidy for rural compulsory students. */
    nutritionPlan: z.boolean().default(false),
    fiscal: fiscalSchema,
    personnel: personnelSchema.default({ basicPay: 0, allowances: 0, performancePay: 0, bureauStaff: 0 }),
    /** The bureau's “三公”经费; absent: none budgeted. */
    threePublic: threePublicSchema.optional(),
    schools: z.array(schoolSchema),
    projects: z.array(projectSchema).default([]),
    /** The projects started last year (上年开工项目); absent: not given, and nothing is matched. */
    priorProjects: z.array(priorProjectSchema).optional(),
    /** Last year's budget lines (上年预算); absent: 预算明细's 上年预算 column is left for the user to fill. */
    priorBudgetLines: z.array(priorBudgetLineSchema).optional(),
    debts: debtsSchema.optional(),
    mergers: z.array(mergerSchema).default([]),
    preschool: preschoolSchema,
    statedCounts: z.array(statedCountSchema).default([]),
    /** The inputs of the term plan (规划); without them the workbook is year T only. */
    term: termSchema.optional(),
  })
  .strict();
export type District = z.infer<typeof districtSchema>;
/** What a reader may hand to the schema: defaults not yet applied. */
export type DistrictInput = z.input<typeof districtSchema>;
