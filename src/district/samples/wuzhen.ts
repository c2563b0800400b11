/**
 * Sample district from speech (二) (the five-town district, ≈2004): the debt steps and stated total, the 海阳 merger
 * chain, the 1 + 3 + 7 kindergartens, the 90 % and 80 % targets, 「四个确保」 with its five items and the remote
 * teacher allowance come from the speech; town names other than 海阳, enrollments and money figures are invented.
 */
import type { DistrictInput, PlannedKindergarten, School } from "../model";
import { fiscalYear, sketchSchool, type SchoolSketch, inventedTerm } from "./build";

const sketches: SchoolSketch[] = [
  // 城区
  {
    code: "WZ01",
    name: "第一中学",
    town: "城区",
    type: "初中",
    area: "城市",
    perGrade: 400,
    dropouts: 5,
    standardized: true,
  },
  {
    code: "WZ02",
    name: "第二中学",
    town: "城区",
    type: "完全中学",
    area: "城市",
    // 「只有第二中学设有艺术高中」: a small senior section.
    perGrade: { g7: 300, g8: 296, g9: 288, g10: 82, g11: 78, g12: 75 },
    // Its junior and senior sections report apart.
    dropoutsByLevel: { junior: 5, senior: 1 },
    standardized: true,
  },
  {
    code: "WZ03",
    name: "第三中学",
    town: "城区",
    type: "初中",
    area: "城市",
    perGrade: 350,
    dropouts: 4,
    standardized: true,
  },
  { code: "WZ04", name: "第五中学", town: "城区", type: "初中", area: "城市", perGrade: 260, dropouts: 3 },
  {
    code: "WZ05",
    name: "实验小学",
    town: "城区",
    type: "小学",
    area: "城市",
    perGrade: 300,
    standardized: true,
  },
  {
    code: "WZ06",
    name: "城区第一小学",
    town: "城区",
    type: "小学",
    area: "城市",
    perGrade: 260,
    standardized: true,
    specialNeeds: 4,
  },
  {
    code: "WZ07",
    name: "城区第二小学",
    town: "城区",
    type: "小学",
    area: "城市",
    perGrade: 220,
    specialNeeds: 2,
  },
  { code: "WZ08", name: "城区第三小学", town: "城区", type: "小学", area: "城市", perGrade: 200 },
  {
    code: "WZ09",
    name: "区机关幼儿园",
    town: "城区",
    type: "幼儿园",
    area: "城市",
    perGrade: 90,
    standardized: true,
  },
  {
    code: "WZ10",
    name: "区特殊教育学校",
    town: "城区",
    type: "特教学校",
    area: "城市",
    perGrade: { g1: 6, g2: 7, g3: 5, g4: 6, g5: 4, g6: 5, g7: 4, g8: 3, g9: 3 },
    specialNeeds: 43,
  },
  // 海阳镇: the merger chain
  {
    code: "WZ11",
    name: "海阳中学",
    town: "海阳镇",
    type: "初中",
    area: "县镇",
    perGrade: 140,
    dropouts: 6,
    boarders: 160,
  },
  { code: "WZ12", name: "海阳小学", town: "海阳镇", type: "小学", area: "县镇", perGrade: 60 },
  { code: "WZ13", name: "鲤泮庄小学", town: "海阳镇", type: "小学", area: "农村", perGrade: 25 },
  // 东庄镇
  {
    code: "WZ14",
    name: "东庄中学",
    town: "东庄镇",
    type: "初中",
    area: "县镇",
    perGrade: 160,
    dropouts: 5,
    boarders: 150,
    standardized: true,
  },
  {
    code: "WZ15",
    name: "东庄中心小学",
    town: "东庄镇",
    type: "小学",
    area: "县镇",
    perGrade: 90,
    standardized: true,
  },
  { code: "WZ16", name: "东庄镇前营小学", town: "东庄镇", type: "小学", area: "农村", perGrade: 30 },
  {
    code: "WZ17",
    name: "东庄镇后屯教学点",
    town: "东庄镇",
    type: "教学点",
    area: "农村",
    perGrade: { g1: 6, g2: 5, g3: 4 },
  },
  // 西河镇
  {
    code: "WZ18",
    name: "西河中学",
    town: "西河镇",
    type: "初中",
    area: "县镇",
    perGrade: 150,
    dropouts: 4,
    boarders: 140,
  },
  {
    code: "WZ19",
    name: "西河中心小学",
    town: "西河镇",
    type: "小学",
    area: "县镇",
    perGrade: 80,
    standardized: true,
  },
  { code: "WZ20", name: "西河镇李家小学", town: "西河镇", type: "小学", area: "农村", perGrade: 28 },
  // 南岭镇
  {
    code: "WZ21",
    name: "南岭中学",
    town: "南岭镇",
    type: "初中",
    area: "农村",
    perGrade: 110,
    dropouts: 12,
    boarders: 180,
  },
  {
    code: "WZ22",
    name: "南岭中心小学",
    town: "南岭镇",
    type: "小学",
    area: "农村",
    perGrade: 70,
    boarders: 20,
  },
  { code: "WZ23", name: "南岭镇山口小学", town: "南岭镇", type: "小学", area: "农村", perGrade: 18 },
  {
    code: "WZ24",
    name: "南岭镇石门教学点",
    town: "南岭镇",
    type: "教学点",
    area: "农村",
    perGrade: { k3: 3, g1: 4, g2: 3 },
  },
  // 北湖镇
  {
    code: "WZ25",
    name: "北湖中学",
    town: "北湖镇",
    type: "初中",
    area: "县镇",
    perGrade: 120,
    dropouts: 7,
    boarders: 120,
  },
  {
    code: "WZ26",
    name: "北湖中心小学",
    town: "北湖镇",
    type: "小学",
    area: "县镇",
    perGrade: 75,
    standardized: true,
  },
  {
    code: "WZ27",
    name: "北湖镇张庄小学",
    town: "北湖镇",
    type: "小学",
    area: "农村",
    perGrade: 24,
    dropouts: 1,
  },
];

const schools: School[] = sketches.map(sketchSchool);

const PRIVATE_KINDERGARTENS = [
  ["城区阳光幼儿园", "城区"],
  ["城区小天使幼儿园", "城区"],
  ["海阳镇育才幼儿园", "海阳镇"],
  ["东庄镇启明幼儿园", "东庄镇"],
  ["西河镇春苗幼儿园", "西河镇"],
  ["南岭镇童乐幼儿园", "南岭镇"],
  ["北湖镇爱心幼儿园", "北湖镇"],
] as const;
const TOWN_KINDERGARTENS = ["海阳镇", "东庄镇", "北湖镇"] as const;

const planned: PlannedKindergarten[] = [
  {
    name: "区示范幼儿园",
    kind: "示范幼儿园",
    town: "城区",
    smallClasses: 3,
    middleClasses: 3,
    largeClasses: 3,
    mixedClasses: 0,
    cost: 900,
    year: 2004,
  },
  ...TOWN_KINDERGARTENS.map((town) => ({
    name: `${town}中心幼儿园`,
    kind: "镇中心幼儿园" as const,
    town,
    mixedClasses: 0,
    smallClasses: 2,
    middleClasses: 2,
    largeClasses: 2,
    cost: 260,
    year: 2004,
  })),
  // Private kindergartens are built with their founders' money: no cost to the budget.
  ...PRIVATE_KINDERGARTENS.map(([name, town]) => ({
    name,
    kind: "民办幼儿园" as const,
    town,
    mixedClasses: 0,
    smallClasses: 1,
    middleClasses: 1,
    largeClasses: 1,
    cost: 0,
    year: 2004,
  })),
];

export const WUZHEN: DistrictInput = {
  name: "五镇区",
  budgetYear: 2004,
  region: "东部",
  moneyUnit: "万元",
  termEndYear: 2007,
  policyPack: "wuzhen-2004",
  note:
    "本示例来自讲话(二)(五镇区):债务四步金额(第一步1512.88万元、第二步480万元、第三步3344.29万元和1576.59万元、" +
    "第四步6746.28万元)及声明总额13644.78万元,海阳中学迁入第五中学现址、鲤泮庄小学和海阳小学合并迁到海阳镇中现址," +
    "新建1所示范性幼儿园、3所镇办中心幼儿园、7所民办幼儿园,入园(班)率90%、标准化学校80%的目标," +
    "「四个确保」(列出五项)及从新学年起为偏远农村教师发放津贴,均取自讲话;海阳、鲤泮庄、第二中学、第五中学以外的镇名和校名," +
    "地区、学生数、班数、教职工、面积、工资标准、计征依据、财政数字(含控制数)、各年偿还能力和幼儿园班数等其余数据均为虚构,仅供演示。" +
    "讲话中「五镇尚有欠款491.6万元」是否包含在13644.78万元内未说明,未列入债务表。" +
    "规划表所用的往年分年级在校生和历年出生人口亦为虚构。",
  // Invented pay standards (元/人·年), matching the invented staff pay: 2150 万元 for 1079 staff ≈ 19,900 元 each;
  // no 绩效工资 in 2004 (it began in compulsory schools in 2009).
  personnel: { basicPay: 13900, allowances: 6000, performancePay: 0, bureauStaff: 18 },
  fiscal: {
    scope: "compulsory",
    priorIsFinalAccounts: true,
    prior: fiscalYear(
      {
        appropriation: 5180,
        compulsoryAppropriation: 3220,
        recurringRevenue: 26100,
        staffPay: 2020,
        publicFunds: 360,
        compulsoryPublicFunds: 320,
      },
      schools,
      1.015,
    ),
    current: fiscalYear(
      {
        // Invented, as the 控制数 of 一般公共预算拨款: 人员经费, 公用经费 and aid (about 3,940 万元) and the first
        // year's 2,600 万元 of the debt plan.
        appropriation: 6560,
        compulsoryAppropriation: 3500,
        recurringRevenue: 27900,
        staffPay: 2150,
        publicFunds: 450,
        compulsoryPublicFunds: 400,
        // Invented base of 教育费附加 (3 %; 地方教育附加 was unified only in 2011) and a land-transfer income whose
        // 10 % for education began in 2011.
        surchargeTaxBase: 6500,
        landTransferIncome: 1200,
      },
      schools,
    ),
  },
  schools,
  projects: [],
  debts: {
    statedTotal: 13644.78,
    statedSource: "讲话(二)「教育系统欠款13644.78万元,主要是基建欠款和银行贷款」",
    items: [
      {
        item: "拖欠教职工医改前医疗费、取暖费、煤气集资欠款",
        category: "教职工欠款",
        amount: 1512.88,
        step: 1,
      },
      { item: "数额较小又急需偿还的其它经费欠款", category: "其它经费欠款", amount: 480, step: 2 },
      { item: "银行贷款及利息", category: "银行贷款", amount: 3344.29, step: 3 },
      { item: "各校欠款", category: "学校欠款", amount: 1576.59, step: 3 },
      { item: "基建及维修欠款", category: "基建欠款", amount: 6746.28, step: 4 },
    ],
    // 2004–2007 (to the end of the term): invented.
    annualCapacity: [2600, 3300, 3700, 4100],
  },
  mergers: [
    {
      name: "海阳中学迁入第五中学现址",
      year: 2005,
      level: "junior",
      sources: ["WZ11"],
      site: "第五中学现址",
      stayingSchool: "WZ04",
      siteClassrooms: 36,
      siteTeachingArea: 7400,
    },
    {
      // The chain: the primary schools can move only after 海阳中学 has left its site.
      name: "鲤泮庄小学、海阳小学合并迁到海阳镇中现址",
      year: 2006,
      level: "primary",
      sources: ["WZ13", "WZ12"],
      site: "海阳镇中现址",
      // 海阳镇中 is 海阳中学's site: its classrooms come from 学校.
      siteSchool: "WZ11",
      siteTeachingArea: 2300,
    },
  ],
  preschool: { population3to5: 9600, enrolled: 7300, planned },
  // Invented: the past enrollment by grade and the births (see the note).
  term: inventedTerm(schools, 2004, 2007, 0.06),
  statedCounts: [
    {
      label: "四个确保",
      stated: 4,
      items: [
        "确保政府对全区教育的投入",
        "确保学校正常运转所必需的公用经费",
        "加大对农村教育的投入",
        "确保危改配套资金到位",
        "加快农村学校布局调整",
      ],
      source: "讲话(二):「要做到“四个确保”:」,其后列出一至五共五项",
    },
    {
      label: "新建一所高标准示范性幼儿园,3所镇办中心幼儿园,7所民办幼儿园",
      stated: 11,
      items: planned.map((kindergarten) => kindergarten.name),
      source:
        "讲话(二):「在20xx年新建一所高标准示范性幼儿园,3所镇办中心幼儿园,7所民办幼儿园」(1 + 3 + 7 = 11)",
    },
  ],
};
