/**
 * A deterministic synthetic district of any size, valid by construction: for property tests and the bench.
 * The same seed and size always give the same district.
 */
import { seededRandom } from "../../domain/random";
import { GRADES_BY_LEVEL, GRADES_BY_TYPE, LEVELS_BY_TYPE, schoolStudents } from "../grades";
import {
  AREAS,
  GRADE_KEYS,
  KINDERGARTEN_KINDS,
  PROJECT_CATEGORIES,
  REGIONS,
  SCHOOL_TYPES,
  type District,
  type GradeKey,
  type School,
  type SchoolType,
} from "../model";

const TOWNS = [
  "城关镇",
  "东河镇",
  "西岭镇",
  "南湖乡",
  "北塘乡",
  "青石镇",
  "柳林乡",
  "白杨镇",
  "红旗乡",
  "新华镇",
  "长安乡",
  "永丰镇",
];
const SYLLABLES = [
  "明",
  "德",
  "育",
  "才",
  "新",
  "华",
  "光",
  "远",
  "青",
  "山",
  "春",
  "晖",
  "启",
  "智",
  "博",
  "文",
];
const SUFFIX: Record<(typeof SCHOOL_TYPES)[number], string> = {
  幼儿园: "幼儿园",
  小学: "小学",
  初中: "中学",
  九年一贯制: "学校",
  完全中学: "完全中学",
  十二年一贯制: "学校",
  高中: "高级中学",
  职业学校: "职业学校",
  特教学校: "特殊教育学校",
  教学点: "教学点",
};

export function generateDistrict(seed: number, schoolCount: number): District {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const cents = (min: number, max: number) => int(min * 100, max * 100) / 100;

  const budgetYear = int(2005, 2030);
  const termEndYear = budgetYear + int(0, 4);
  const schools = Array.from({ length: schoolCount }, (_, index) => generateSchool(index, int, pick));
  const codes = schools.map((school) => school.code);
  const students = schools.reduce(
    (sum, school) => sum + GRADE_KEYS.reduce((s, key) => s + school.grades[key], 0),
    0,
  );
  const compulsory = schools.reduce(
    (sum, school) => sum + GRADE_KEYS.slice(3, 12).reduce((s, key) => s + school.grades[key], 0),
    0,
  );
  const fiscalYear = (scale: number) => {
    const appropriation = Math.round(int(20000, 60000) * scale);
    const publicFunds = Math.round(int(1000, 5000) * scale);
    return {
      appropriation,
      compulsoryAppropriation: Math.round(appropriation * 0.65),
      recurringRevenue: Math.round(int(40000, 120000) * scale),
      staffPay: Math.round(int(10000, 30000) * scale),
      staffHeadcount: schools.reduce((sum, school) => sum + school.staff, 0),
      publicFunds,
      compulsoryPublicFunds: Math.round(publicFunds * 0.7),
      students,
      compulsoryStudents: compulsory,
      governmentFunds: 0,
      businessIncome: 0,
      otherIncome: 0,
      carryOver: 0,
    };
  };
  const debtItems = Array.from({ length: int(0, 6) }, (_, index) => ({
    item: `欠款事项${index + 1}`,
    category: pick(["银行贷款", "基建欠款", "教职工欠款", "其它经费欠款"]),
    amount: cents(10, 5000),
    step: int(1, 4),
  }));
  const population3to5 = int(1000, 20000);
  // Drawn in the order they always were (region, scope, kind of prior figures, prior year, budget year).
  const region = pick(REGIONS);
  const scope = pick(["all", "compulsory"] as const);
  const priorIsFinalAccounts = random() < 0.5;
  const prior = fiscalYear(0.95);
  const current = fiscalYear(1);
  return {
    name: `合成区${seed >>> 0}`,
    budgetYear,
    region,
    moneyUnit: "万元",
    termEndYear,
    policyPack: "national",
    note: "合成数据,仅供测试。",
    fiscal: {
      scope,
      priorIsFinalAccounts,
      prior,
      current,
    },
    // Plausible pay standards (a few synthetic schools' staff pay per head is not a wage).
    personnel: {
      basicPay: 36000,
      allowances: 14400,
      performancePay: 21600,
      bureauStaff: Math.ceil(schoolCount / 10),
    },
    schools,
    projects: Array.from({ length: Math.min(schoolCount, int(0, 12)) }, (_, index) => {
      const totalCost = int(50, 3000);
      const central = Math.floor(totalCost / 2);
      const provincial = Math.floor(totalCost * 0.3);
      const startYear = budgetYear - int(0, 2);
      return {
        name: `项目${index + 1}`,
        school: pick(codes),
        status: startYear < budgetYear ? ("续建" as const) : ("新建" as const),
        category: pick(PROJECT_CATEGORIES),
        totalCost,
        central,
        provincial,
        district: totalCost - central - provincial,
        town: 0,
        startYear,
        endYear: budgetYear + int(0, 2),
        amountInYear: int(0, totalCost),
      };
    }),
    debts: {
      statedTotal: Math.round(debtItems.reduce((sum, item) => sum + item.amount, 0) * 100) / 100,
      statedSource: "",
      items: debtItems,
      annualCapacity: Array.from({ length: termEndYear - budgetYear + 1 }, () => cents(100, 5000)),
    },
    mergers:
      schoolCount >= 3
        ? [
            {
              name: "合并调整1",
              year: budgetYear + 1,
              level: "primary",
              sources: [codes[0] as string, codes[1] as string],
              site: "新校址",
              stayingSchool: codes[2],
              siteClassrooms: int(6, 40),
              siteTeachingArea: int(1000, 8000),
            },
          ]
        : [],
    preschool: {
      population3to5,
      enrolled: int(0, population3to5),
      planned: Array.from({ length: int(0, 4) }, (_, index) => ({
        name: `新建幼儿园${index + 1}`,
        kind: pick(KINDERGARTEN_KINDS),
        town: pick(TOWNS),
        smallClasses: int(0, 4),
        middleClasses: int(0, 4),
        largeClasses: int(0, 4),
        mixedClasses: int(0, 2),
        cost: int(0, 1500),
        year: budgetYear,
      })),
    },
    statedCounts: [{ label: "示例声明", stated: 2, items: ["事项一", "事项二"], source: "合成" }],
    // Drawn last so the draws above stay as they were for a seed.
    nutritionPlan: random() < 0.5,
  };
}

function generateSchool(
  index: number,
  int: (min: number, max: number) => number,
  pick: <T>(items: readonly T[]) => T,
): School {
  const type = pick(SCHOOL_TYPES);
  const area = pick(AREAS);
  const taught = GRADES_BY_TYPE[type];
  const perGradeMax = type === "教学点" ? 8 : type === "特教学校" ? 10 : area === "城市" ? 400 : 120;
  const grades = Object.fromEntries(
    GRADE_KEYS.map((key: GradeKey) => [
      key,
      taught.includes(key) && (key !== "k3" || type === "幼儿园") ? int(0, perGradeMax) : 0,
    ]),
  ) as Record<GradeKey, number>;
  const students = GRADE_KEYS.reduce((sum, key) => sum + grades[key], 0);
  const classes = students === 0 ? 0 : Math.max(1, Math.ceil(students / 45));
  const staff = Math.max(1, Math.ceil(students / 15));
  const prevStartEnrollment = students + int(0, 20);
  const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${SUFFIX[type]}${index + 1}`;
  const school = {
    code: `S${String(index + 1).padStart(5, "0")}`,
    name,
    town: pick(TOWNS),
    type,
    area,
    grades,
    classes,
    classrooms: classes + int(0, 4),
    boarders: int(0, Math.floor(students / 2)),
    specialNeeds: int(0, Math.min(students, 5)),
    staff,
    staffAboveQualification: int(0, staff),
    staffMidTitle: int(0, staff),
    backboneTeachers: int(0, Math.ceil(staff / 5)),
    prevStartEnrollment,
    prevDropouts: int(0, Math.min(prevStartEnrollment, Math.ceil(prevStartEnrollment * 0.05))),
    standardized: int(0, 1) === 1,
    teachingArea: students * int(3, 7),
    sportsArea: students * int(4, 12),
    equipmentValue: students * int(300, 1200),
    books: students * int(10, 40),
    computers: Math.ceil(students / int(5, 20)),
    remotenessTier: area === "城市" ? 0 : int(0, 3),
  };
  // Derived, drawing no further numbers, so the districts of earlier seeds stay as they were.
  return {
    ...school,
    // Every other school of two levels gives its dropouts per level (split without a draw).
    ...(index % 2 === 0 ? byLevel(type, grades, prevStartEnrollment, school.prevDropouts) : {}),
    needyBoarders: Math.floor(school.boarders / 3),
    aidStudents: Math.floor((grades.k1 + grades.k2 + grades.k3 + grades.g10 + grades.g11 + grades.g12) / 10),
  };
}

/**
 * A school of two or three levels' start enrollment and dropouts split by level: each later level gets its students,
 * the first the rest of the start; dropouts are shared evenly as far as each level's start allows.
 */
function byLevel(
  type: SchoolType,
  grades: Readonly<Record<GradeKey, number>>,
  start: number,
  dropouts: number,
): Pick<School, "levels"> {
  const levels = LEVELS_BY_TYPE[type];
  if (levels.length < 2) return {};
  const starts = levels.map(() => 0);
  let left = start;
  for (let i = levels.length - 1; i >= 1; i--) {
    const level = levels[i];
    const students = level ? schoolStudents({ grades }, GRADES_BY_LEVEL[level]) : 0;
    starts[i] = Math.min(left, students);
    left -= starts[i] ?? 0;
  }
  starts[0] = left;
  const share = Math.floor(dropouts / levels.length);
  const out = starts.map((s) => Math.min(s, share));
  let rest = dropouts - out.reduce((a, b) => a + b, 0);
  for (let i = 0; i < levels.length && rest > 0; i++) {
    const room = (starts[i] ?? 0) - (out[i] ?? 0);
    const add = Math.min(room, rest);
    out[i] = (out[i] ?? 0) + add;
    rest -= add;
  }
  return {
    levels: Object.fromEntries(
      levels.map((level, i) => [level, { prevStartEnrollment: starts[i] ?? 0, prevDropouts: out[i] ?? 0 }]),
    ),
  };
}
