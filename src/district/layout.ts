/**
 * The input workbook's layout: one sheet per part of the district, read back by header name (zh-CN labels, English
 * aliases accepted). The same labels name fields in problems, so a message says "学校名称", not "schools[3].name".
 */
import {
  AREAS,
  DEBT_STEPS,
  GRADE_KEYS,
  KINDERGARTEN_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  REGIONS,
  SCHOOL_LEVEL_ZH,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
} from "./model";
import { GRADE_LABELS } from "./grades";

export interface Option {
  /** The value in the model. */
  readonly value: string;
  /** What the user sees and types. */
  readonly zh: string;
  readonly aliases?: readonly string[];
}

export type CellKind =
  "text" | "optionalText" | "count" | "signedCount" | "money" | "rate" | "year" | "bool" | "enum" | "list";

export interface FieldSpec {
  /** Dotted path inside the row's object (list sheets) or inside the district (key/value sheets). */
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: CellKind;
  /** The schema has no default: a missing column or cell is an error. */
  readonly required?: boolean;
  readonly options?: readonly Option[];
  /** Drop-down values for kinds that are not enums (e.g. remoteness tier 0–3). */
  readonly list?: readonly string[];
  readonly width?: number;
}

export type SheetKey =
  | "district"
  | "fiscal"
  | "schools"
  | "projects"
  | "prior"
  | "priorBudget"
  | "debts"
  | "mergers"
  | "preschool"
  | "stated"
  | "history"
  | "births"
  | "entrants"
  | "ratios"
  | "migration";

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: string;
  readonly nameEn: string;
  /** Extra names a CSV file may carry (学校.csv, schools.csv). */
  readonly fileNames: readonly string[];
  /** Header columns in template order. */
  readonly columns: readonly FieldSpec[];
  /** Rows of a key/value or item × year sheet (district, fiscal). */
  readonly rows?: readonly FieldSpec[];
  /** The sheet must be present. */
  readonly required: boolean;
}

const identity = (values: readonly string[]): Option[] => values.map((value) => ({ value, zh: value }));
export const YES_NO: readonly Option[] = [
  { value: "true", zh: "是", aliases: ["y", "yes", "true", "1", "对", "√"] },
  { value: "false", zh: "否", aliases: ["n", "no", "false", "0", "错", "×"] },
];

const f = (
  field: string,
  zh: string,
  en: string,
  kind: CellKind,
  extra: Partial<Omit<FieldSpec, "field" | "zh" | "en" | "kind">> = {},
): FieldSpec => ({ field, zh, en, kind, ...extra });
const req = { required: true } as const;

export const MERGER_LEVELS: readonly Option[] = [
  { value: "primary", zh: "小学" },
  { value: "junior", zh: "初中" },
  { value: "senior", zh: "高中" },
];
export const FISCAL_SCOPES: readonly Option[] = [
  { value: "all", zh: "全部教育" },
  { value: "compulsory", zh: "义务教育" },
];
export const DEBT_ROW_TYPES: readonly Option[] = [
  { value: "item", zh: "欠款", aliases: ["debt", "item"] },
  { value: "statedTotal", zh: "声明总额", aliases: ["stated total", "total"] },
  { value: "capacity", zh: "偿还能力", aliases: ["annual capacity", "capacity"] },
];

export const FISCAL_YEARS = [
  { key: "prior", zh: "上年", en: "Prior year", aliases: ["T-1", "T−1", "上年(T-1)"] },
  { key: "current", zh: "本年", en: "Current year", aliases: ["T", "本年(T)", "预算年"] },
] as const;

const DISTRICT_ROWS: readonly FieldSpec[] = [
  f("name", "区县名称", "District name", "text", req),
  f("budgetYear", "预算年度", "Budget year", "year", req),
  f("region", "地区", "Region", "enum", { ...req, options: identity(REGIONS) }),
  f("moneyUnit", "金额单位", "Money unit", "enum", { options: identity(["万元"]) }),
  f("termEndYear", "本届政府任期截止年度", "Term end year", "year", req),
  f("policyPack", "政策包", "Policy pack", "text"),
  f("note", "说明", "Note", "optionalText", { width: 60 }),
  f("fiscal.scope", "三个增长口径", "Three-growth scope", "enum", { options: FISCAL_SCOPES }),
  f("fiscal.priorIsFinalAccounts", "上年为决算数", "Prior year is final accounts", "bool", {
    options: YES_NO,
  }),
  f("nutritionPlan", "营养改善计划", "Nutrition plan", "bool", { options: YES_NO }),
  f("preschool.population3to5", "学前三年适龄人口", "Population aged 3-5", "count", req),
  f("preschool.enrolled", "在园(班)幼儿数", "Children enrolled", "count", req),
  f("personnel.basicPay", "人均基本工资(元/人·年)", "Basic pay per person (yuan/year)", "money"),
  f("personnel.allowances", "人均津贴补贴(元/人·年)", "Allowances per person (yuan/year)", "money"),
  f("personnel.performancePay", "人均绩效工资(元/人·年)", "Performance pay per person (yuan/year)", "money"),
  f("personnel.bureauStaff", "局机关人数", "Bureau staff", "count"),
  f("threePublic.abroad", "因公出国（境）费(万元)", "Official travel abroad", "money"),
  f("threePublic.reception", "公务接待费(万元)", "Official reception", "money"),
  f("threePublic.vehicleRunning", "公务用车运行费(万元)", "Official vehicle running", "money"),
  f("threePublic.vehiclePurchase", "公务用车购置费(万元)", "Official vehicle purchase", "money"),
  f("term.lastYear", "规划末年", "Last plan year", "year"),
  f("term.revenueGrowth", "财政经常性收入年增长率(规划假设)", "Assumed recurring revenue growth", "rate"),
];

const FISCAL_ROWS: readonly FieldSpec[] = [
  f("appropriation", "教育财政拨款(万元)", "Education appropriation", "money", req),
  f("compulsoryAppropriation", "其中:义务教育财政拨款(万元)", "Of which compulsory", "money", req),
  f("recurringRevenue", "财政经常性收入(万元)", "Recurring fiscal revenue", "money", req),
  f("staffPay", "教职工工资总额(万元)", "Total staff pay", "money", req),
  f("staffHeadcount", "教职工人数", "Staff headcount", "count", req),
  f("publicFunds", "公用经费支出(万元)", "Public funds spending", "money", req),
  f("compulsoryPublicFunds", "其中:义务教育公用经费(万元)", "Of which compulsory public funds", "money", req),
  f("students", "在校学生数", "Students", "count", req),
  f("compulsoryStudents", "其中:义务教育在校学生数", "Of which compulsory students", "count", req),
  f("governmentFunds", "政府性基金预算拨款收入(万元)", "Government fund appropriation", "money"),
  f("businessIncome", "事业收入(万元)", "Business income", "money"),
  f("otherIncome", "其他收入(万元)", "Other income", "money"),
  f("carryOver", "上年结转(万元)", "Carry-over from the prior year", "money"),
  f(
    "proposedAppropriation",
    "一般公共预算拨款建议数(一上, 万元)",
    "Proposed appropriation (first round)",
    "money",
  ),
  f(
    "surchargeTaxBase",
    "实缴增值税和消费税(教育费附加计征依据, 万元)",
    "VAT and consumption tax paid (surcharge base)",
    "money",
  ),
  f(
    "landTransferIncome",
    "土地出让收益(计提教育资金依据, 万元)",
    "Land-transfer income (base of the education share)",
    "money",
  ),
];

/** Groups of dotted fields a row may leave out altogether (a school's dropouts per level), unlike its grades. */
export const OPTIONAL_GROUPS: ReadonlySet<string> = new Set(["levels"]);

const SCHOOL_COLUMNS: readonly FieldSpec[] = [
  f("code", "学校代码", "School code", "text", { ...req, width: 12 }),
  f("name", "学校名称", "School name", "text", { ...req, width: 24 }),
  f("town", "乡镇", "Town", "text", { ...req, width: 10 }),
  f("type", "学校类型", "School type", "enum", { ...req, options: identity(SCHOOL_TYPES), width: 11 }),
  f("area", "城乡", "Area", "enum", { ...req, options: identity(AREAS), width: 7 }),
  ...GRADE_KEYS.map((key) =>
    f(`grades.${key}`, GRADE_LABELS[key][0], GRADE_LABELS[key][1], "count", { width: 7 }),
  ),
  f("classes", "班数", "Classes", "count", req),
  f("classrooms", "教室数", "Classrooms", "count", req),
  f("boarders", "寄宿生数", "Boarders", "count"),
  f("specialNeeds", "特殊教育学生数", "Special-needs students", "count"),
  f("staff", "教职工数", "Staff", "count", req),
  f("staffAboveQualification", "高于规定学历教师数", "Teachers above required qualification", "count"),
  f("staffMidTitle", "中级及以上职称教师数", "Teachers with mid-level title or above", "count"),
  f("backboneTeachers", "骨干教师数", "Backbone teachers", "count"),
  f("prevStartEnrollment", "上学年初在校生数", "Enrollment at start of previous year", "count"),
  f("prevDropouts", "上学年辍学学生数", "Dropouts in previous year", "count"),
  ...SCHOOL_LEVELS.flatMap((level) => {
    const [zh, en] = [SCHOOL_LEVEL_ZH[level], level];
    return [
      f(
        `levels.${level}.prevStartEnrollment`,
        `上学年初${zh}在校生数`,
        `${en} enrollment at start of previous year`,
        "count",
      ),
      f(`levels.${level}.prevDropouts`, `上学年${zh}辍学学生数`, `${en} dropouts in previous year`, "count"),
    ];
  }),
  f("standardized", "是否达标", "Standardized", "bool", { options: YES_NO }),
  f("teachingArea", "教学及辅助用房面积(㎡)", "Teaching and support area (m2)", "money"),
  f("sportsArea", "体育运动场馆面积(㎡)", "Sports area (m2)", "money"),
  f("equipmentValue", "教学仪器设备值(元)", "Equipment value (yuan)", "money"),
  f("books", "图书(册)", "Books", "count"),
  f("computers", "计算机(台)", "Computers", "count"),
  f("remotenessTier", "偏远等级(0-3)", "Remoteness tier (0-3)", "count", { list: ["0", "1", "2", "3"] }),
  f("publicFundsAvailable", "本校可用公用经费(万元)", "Public funds available (10k yuan)", "money"),
  f("needyBoarders", "家庭经济困难寄宿生数", "Needy boarders", "count"),
  f("aidStudents", "资助对象数(高中/学前)", "Aided students (senior/preschool)", "count"),
];

const PROJECT_COLUMNS: readonly FieldSpec[] = [
  f("name", "项目名称", "Project name", "text", { ...req, width: 24 }),
  f("school", "学校代码或新址", "School code or new site", "text", { ...req, width: 16 }),
  f("status", "建设状态", "Status", "enum", { ...req, options: identity(PROJECT_STATUSES) }),
  f("category", "类别", "Category", "enum", { ...req, options: identity(PROJECT_CATEGORIES) }),
  f("totalCost", "总投资(万元)", "Total cost", "money", req),
  f("central", "中央资金(万元)", "Central funds", "money"),
  f("provincial", "省级资金(万元)", "Provincial funds", "money"),
  f("district", "区县资金(万元)", "District funds", "money"),
  f("town", "乡镇资金(万元)", "Town funds", "money"),
  f("startYear", "开工年度", "Start year", "year", req),
  f("endYear", "竣工年度", "End year", "year", req),
  f("amountInYear", "本年安排(万元)", "Amount in budget year", "money", req),
  f("functionCode", "功能科目编码", "Function code", "optionalText"),
  f("economicCode", "经济科目编码", "Economic code", "optionalText"),
];

const PRIOR_PROJECT_COLUMNS: readonly FieldSpec[] = [
  f("name", "上年开工项目名称", "Prior project name", "text", { ...req, width: 24 }),
  f("school", "学校代码", "School code", "optionalText", { width: 12 }),
];

const PRIOR_BUDGET_COLUMNS: readonly FieldSpec[] = [
  f("unitCode", "单位代码", "Unit code", "text", { ...req, width: 12 }),
  f("functionCode", "功能科目编码", "Function code", "text", { ...req, width: 12 }),
  f("economicCode", "经济科目编码", "Economic code", "text", { ...req, width: 12 }),
  f("item", "项目", "Item", "text", { ...req, width: 24 }),
  f("amount", "上年预算(万元)", "Prior-year amount", "money", req),
];

const DEBT_COLUMNS: readonly FieldSpec[] = [
  f("rowType", "行类型", "Row type", "enum", { ...req, options: DEBT_ROW_TYPES }),
  f("item", "欠款事项", "Debt item", "text", { width: 36 }),
  f("category", "类别", "Category", "text", { width: 14 }),
  f("step", "还款步骤", "Repayment step", "count", { list: DEBT_STEPS.map(String) }),
  f("year", "年度", "Year", "year"),
  f("amount", "金额(万元)", "Amount", "money", req),
];

const MERGER_COLUMNS: readonly FieldSpec[] = [
  f("name", "调整名称", "Merger name", "text", { ...req, width: 28 }),
  f("year", "年度", "Year", "year", req),
  f("level", "学段", "Level", "enum", { ...req, options: MERGER_LEVELS }),
  f("sources", "迁出学校代码", "Source school codes", "list", { ...req, width: 20 }),
  f("site", "迁入校址", "Target site", "text", { ...req, width: 18 }),
  f("stayingSchool", "留驻学校代码", "Staying school code", "optionalText"),
  f("siteSchool", "现址原学校代码", "Site school code", "optionalText"),
  f("siteClassrooms", "校址教室数", "Site classrooms", "count"),
  f("siteTeachingArea", "校址教学及辅助用房面积(㎡)", "Site teaching area (m2)", "money"),
];

const KINDERGARTEN_COLUMNS: readonly FieldSpec[] = [
  f("name", "幼儿园名称", "Kindergarten name", "text", { ...req, width: 22 }),
  f("kind", "幼儿园类型", "Kindergarten kind", "enum", {
    ...req,
    options: identity(KINDERGARTEN_KINDS),
    width: 13,
  }),
  f("town", "乡镇", "Town", "text", req),
  f("smallClasses", "小班数", "Small classes", "count"),
  f("middleClasses", "中班数", "Middle classes", "count"),
  f("largeClasses", "大班数", "Large classes", "count"),
  f("mixedClasses", "混龄班数", "Mixed-age classes", "count"),
  f("cost", "投资(万元)", "Cost", "money"),
  f("year", "建设年度", "Year", "year", req),
];

const STATED_COLUMNS: readonly FieldSpec[] = [
  f("label", "声明(原文)", "Statement", "text", { ...req, width: 30 }),
  f("stated", "声明数", "Stated count", "count", req),
  f("item", "所列事项", "Listed item", "optionalText", { width: 30 }),
  f("source", "出处", "Source", "optionalText", { width: 40 }),
];

const GRADE_COLUMNS: readonly FieldSpec[] = GRADE_KEYS.map((key) =>
  f(`grades.${key}`, GRADE_LABELS[key][0], GRADE_LABELS[key][1], "count", { width: 7 }),
);
export const GRADE_OPTIONS: readonly Option[] = GRADE_KEYS.map((key) => ({
  value: key,
  zh: GRADE_LABELS[key][0],
  aliases: [key, GRADE_LABELS[key][1]],
}));

const HISTORY_COLUMNS: readonly FieldSpec[] = [
  f("school", "学校代码", "School code", "text", { ...req, width: 12 }),
  f("year", "年度", "Year", "year", req),
  ...GRADE_COLUMNS,
];

const BIRTHS_COLUMNS: readonly FieldSpec[] = [
  f("year", "出生年份", "Year of birth", "year", req),
  f("births", "出生人口", "Births", "count", req),
];

const ENTRANTS_COLUMNS: readonly FieldSpec[] = [
  f("school", "学校代码", "School code", "text", { ...req, width: 12 }),
  f("year", "年度", "Year", "year", req),
  f("entrants", "起始年级新生数", "First-grade entrants", "count", req),
];

const RATIO_COLUMNS: readonly FieldSpec[] = [
  f("school", "学校代码", "School code", "text", { ...req, width: 12 }),
  f("grade", "升入年级", "Into grade", "enum", { ...req, options: GRADE_OPTIONS }),
  f("ratio", "升级比例", "Progression ratio", "rate", req),
];

const MIGRATION_COLUMNS: readonly FieldSpec[] = [
  f("school", "学校代码", "School code", "text", { ...req, width: 12 }),
  f("year", "年度", "Year", "year", req),
  f("grade", "年级", "Grade", "enum", { options: GRADE_OPTIONS }),
  f("migrants", "净迁入人数", "Net migrants", "signedCount", req),
];

const KEY_VALUE_COLUMNS = [
  f("key", "项目", "Item", "text", { ...req, width: 26 }),
  f("value", "值", "Value", "text", { ...req, width: 30 }),
];
const FISCAL_COLUMNS = [
  f("key", "项目", "Item", "text", { ...req, width: 32 }),
  ...FISCAL_YEARS.map((year) => f(year.key, year.zh, year.en, "money", { ...req, width: 14 })),
];

export const SHEETS: readonly SheetSpec[] = [
  {
    key: "district",
    name: "录入-区县",
    nameEn: "district",
    fileNames: ["区县"],
    columns: KEY_VALUE_COLUMNS,
    rows: DISTRICT_ROWS,
    required: true,
  },
  {
    key: "fiscal",
    name: "录入-财政",
    nameEn: "fiscal",
    fileNames: ["财政"],
    columns: FISCAL_COLUMNS,
    rows: FISCAL_ROWS,
    required: true,
  },
  {
    key: "schools",
    name: "录入-学校",
    nameEn: "schools",
    fileNames: ["学校"],
    columns: SCHOOL_COLUMNS,
    required: true,
  },
  {
    key: "projects",
    name: "录入-项目",
    nameEn: "projects",
    fileNames: ["项目"],
    columns: PROJECT_COLUMNS,
    required: false,
  },
  {
    key: "prior",
    name: "录入-上年项目",
    nameEn: "prior projects",
    fileNames: ["上年项目", "上年开工项目", "priorProjects"],
    columns: PRIOR_PROJECT_COLUMNS,
    required: false,
  },
  {
    key: "priorBudget",
    name: "录入-上年预算",
    nameEn: "prior budget",
    fileNames: ["上年预算", "priorBudget"],
    columns: PRIOR_BUDGET_COLUMNS,
    required: false,
  },
  {
    key: "debts",
    name: "录入-债务",
    nameEn: "debts",
    fileNames: ["债务"],
    columns: DEBT_COLUMNS,
    required: false,
  },
  {
    key: "mergers",
    name: "录入-布局",
    nameEn: "mergers",
    fileNames: ["布局"],
    columns: MERGER_COLUMNS,
    required: false,
  },
  {
    key: "preschool",
    name: "录入-学前",
    nameEn: "preschool",
    fileNames: ["学前", "kindergartens"],
    columns: KINDERGARTEN_COLUMNS,
    required: false,
  },
  {
    key: "stated",
    name: "录入-声明",
    nameEn: "stated",
    fileNames: ["声明", "statedCounts"],
    columns: STATED_COLUMNS,
    required: false,
  },
  {
    key: "history",
    name: "录入-往年在校生",
    nameEn: "past enrollment",
    fileNames: ["往年在校生", "history"],
    columns: HISTORY_COLUMNS,
    required: false,
  },
  {
    key: "births",
    name: "录入-出生人口",
    nameEn: "births",
    fileNames: ["出生人口"],
    columns: BIRTHS_COLUMNS,
    required: false,
  },
  {
    key: "entrants",
    name: "录入-新生",
    nameEn: "entrants",
    fileNames: ["新生"],
    columns: ENTRANTS_COLUMNS,
    required: false,
  },
  {
    key: "ratios",
    name: "录入-升级比例",
    nameEn: "progression ratios",
    fileNames: ["升级比例", "ratios"],
    columns: RATIO_COLUMNS,
    required: false,
  },
  {
    key: "migration",
    name: "录入-净迁移",
    nameEn: "net migration",
    fileNames: ["净迁移", "migration"],
    columns: MIGRATION_COLUMNS,
    required: false,
  },
];

export function sheetSpec(key: SheetKey): SheetSpec {
  const spec = SHEETS.find((sheet) => sheet.key === key);
  if (!spec) throw new Error(`no sheet ${key}`);
  return spec;
}

/** Header text compared loosely: case, spaces, full-width punctuation and colons do not matter. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s:_\-−]/g, "");
}

export function headerNames(spec: FieldSpec): string[] {
  const last = spec.field.split(".").pop() ?? spec.field;
  return [spec.zh, spec.en, spec.field, last].map(normalizeHeader);
}

const CONTAINER_LABELS: readonly (readonly [string, string, string, string])[] = [
  ["fiscal", "财政", "Fiscal figures", "录入-财政"],
  ["fiscal.prior", "上年财政", "Prior-year fiscal figures", "录入-财政"],
  ["fiscal.current", "本年财政", "Budget-year fiscal figures", "录入-财政"],
  ["schools", "学校", "Schools", "录入-学校"],
  ["schools.*", "学校", "School", "录入-学校"],
  ["schools.*.grades", "各年级学生数", "Students by grade", "录入-学校"],
  ["schools.*.levels", "各学段辍学情况", "Dropouts by level", "录入-学校"],
  ["schools.*.levels.primary", "小学学段辍学情况", "Primary dropouts", "录入-学校"],
  ["schools.*.levels.junior", "初中学段辍学情况", "Junior dropouts", "录入-学校"],
  ["schools.*.levels.senior", "高中学段辍学情况", "Senior dropouts", "录入-学校"],
  ["projects", "项目", "Projects", "录入-项目"],
  ["projects.*", "项目", "Project", "录入-项目"],
  ["priorProjects", "上年开工项目", "Prior projects", "录入-上年项目"],
  ["priorProjects.*", "上年开工项目", "Prior project", "录入-上年项目"],
  ["priorBudgetLines", "上年预算", "Prior-year budget", "录入-上年预算"],
  ["priorBudgetLines.*", "上年预算", "Prior-year budget line", "录入-上年预算"],
  ["mergers", "布局调整", "Mergers", "录入-布局"],
  ["mergers.*", "布局调整", "Merger", "录入-布局"],
  ["mergers.*.sources.*", "迁入学校代码", "Source school code", "录入-布局"],
  ["preschool", "学前教育", "Preschool", "录入-学前"],
  ["preschool.planned", "规划幼儿园", "Planned kindergartens", "录入-学前"],
  ["preschool.planned.*", "规划幼儿园", "Planned kindergarten", "录入-学前"],
  ["debts", "债务", "Debts", "录入-债务"],
  ["debts.items", "欠款事项", "Debt items", "录入-债务"],
  ["debts.items.*", "欠款事项", "Debt item", "录入-债务"],
  ["statedCounts", "声明", "Statements", "录入-声明"],
  ["statedCounts.*", "声明", "Statement", "录入-声明"],
  ["statedCounts.*.items", "所列事项", "Listed items", "录入-声明"],
  ["term", "规划", "Term plan", "录入-区县"],
  ["term.history", "往年在校生", "Past enrollment", "录入-往年在校生"],
  ["term.history.*", "往年在校生", "Past enrollment", "录入-往年在校生"],
  ["term.history.*.grades", "各年级学生数", "Students by grade", "录入-往年在校生"],
  ["term.births", "出生人口", "Births", "录入-出生人口"],
  ["term.births.*", "出生人口", "Births", "录入-出生人口"],
  ["term.entrants", "新生", "Entrants", "录入-新生"],
  ["term.entrants.*", "新生", "Entrants", "录入-新生"],
  ["term.ratios", "升级比例", "Progression ratios", "录入-升级比例"],
  ["term.ratios.*", "升级比例", "Progression ratio", "录入-升级比例"],
];

/** Model-path patterns ("schools.*.grades.g1") → the label a user sees, for messages. */
const LABELS: ReadonlyMap<string, { zh: string; en: string; sheet: string }> = new Map([
  ...DISTRICT_ROWS.map((row) => [row.field, { zh: row.zh, en: row.en, sheet: "录入-区县" }] as const),
  ...FISCAL_YEARS.flatMap((year) =>
    FISCAL_ROWS.map(
      (row) =>
        [
          `fiscal.${year.key}.${row.field}`,
          { zh: `${year.zh} ${row.zh}`, en: `${year.en} ${row.en}`, sheet: "录入-财政" },
        ] as const,
    ),
  ),
  ...listLabels("schools.*", SCHOOL_COLUMNS, "录入-学校"),
  ...listLabels("projects.*", PROJECT_COLUMNS, "录入-项目"),
  ...listLabels("priorProjects.*", PRIOR_PROJECT_COLUMNS, "录入-上年项目"),
  ...listLabels("priorBudgetLines.*", PRIOR_BUDGET_COLUMNS, "录入-上年预算"),
  ...listLabels("mergers.*", MERGER_COLUMNS, "录入-布局"),
  ...listLabels("preschool.planned.*", KINDERGARTEN_COLUMNS, "录入-学前"),
  ...listLabels("term.history.*", HISTORY_COLUMNS, "录入-往年在校生"),
  ...listLabels("term.births.*", BIRTHS_COLUMNS, "录入-出生人口"),
  ...listLabels("term.entrants.*", ENTRANTS_COLUMNS, "录入-新生"),
  ...listLabels("term.ratios.*", RATIO_COLUMNS, "录入-升级比例"),
  ["debts.items.*.item", { zh: "欠款事项", en: "Debt item", sheet: "录入-债务" }],
  ["debts.items.*.category", { zh: "类别", en: "Category", sheet: "录入-债务" }],
  ["debts.items.*.amount", { zh: "金额(万元)", en: "Amount", sheet: "录入-债务" }],
  ["debts.items.*.step", { zh: "还款步骤", en: "Repayment step", sheet: "录入-债务" }],
  ["debts.statedTotal", { zh: "声明总额", en: "Stated total", sheet: "录入-债务" }],
  ["debts.annualCapacity", { zh: "偿还能力", en: "Annual capacity", sheet: "录入-债务" }],
  ["debts.annualCapacity.*", { zh: "偿还能力", en: "Annual capacity", sheet: "录入-债务" }],
  ["statedCounts.*.label", { zh: "声明(原文)", en: "Statement", sheet: "录入-声明" }],
  ["statedCounts.*.stated", { zh: "声明数", en: "Stated count", sheet: "录入-声明" }],
  ["statedCounts.*.items.*", { zh: "所列事项", en: "Listed item", sheet: "录入-声明" }],
  ["statedCounts.*.source", { zh: "出处", en: "Source", sheet: "录入-声明" }],
  // Whole rows and groups, for problems about a part rather than one cell (a JSON school without its grades).
  ...CONTAINER_LABELS.map(([pattern, zh, en, sheet]) => [pattern, { zh, en, sheet }] as const),
]);

function listLabels(prefix: string, columns: readonly FieldSpec[], sheet: string) {
  return columns.map(
    (column) => [`${prefix}.${column.field}`, { zh: column.zh, en: column.en, sheet }] as const,
  );
}

/** The label of a model path, or of its nearest labelled part when it has none. */
export function fieldLabel(path: readonly (string | number)[]): { zh: string; en: string } {
  const pattern = path.map((key) => (typeof key === "number" ? "*" : key)).join(".");
  const label = LABELS.get(pattern);
  if (label) return label;
  // A part with no label of its own is named by the nearest part that has one: a model path is never shown.
  for (let length = path.length - 1; length > 0; length--) {
    const parent = LABELS.get(
      path
        .slice(0, length)
        .map((key) => (typeof key === "number" ? "*" : key))
        .join("."),
    );
    if (parent) return parent;
  }
  return { zh: "取值", en: "Value" };
}
