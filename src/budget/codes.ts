/**
 * 支出功能分类 (budget reference §1): the 项 codes of class 205 教育支出 under which a school spends, by the kind of
 * school. Code tables are data keyed by edition year: the budget of year T uses the 《T年政府收支分类科目》, so a
 * lookup takes the latest stored edition whose year is not after T.
 */
import { notDefined } from "../domain/errors";
import { LEVEL_EN, LEVEL_ZH, lookupTable, type Level } from "../domain/levels";

/** The kinds of school with a 项 of their own: the four levels, special education and secondary vocational. */
export type SchoolKind = Level | "special" | "vocational";

export const SCHOOL_KINDS: readonly SchoolKind[] = [
  "kindergarten",
  "primary",
  "junior",
  "senior",
  "special",
  "vocational",
];

/** How a code is known: seen in a published chart of accounts or budget, or following the 205 structure only. */
export type CodeEvidence = "published" | "not verified";

export interface FunctionCode {
  /** The 7-digit 项 code, as text (a code is a label, not a number). */
  readonly code: string;
  readonly name: string;
  readonly evidence: CodeEvidence;
}

export interface FunctionCodeEdition {
  /** The budget year of the 《政府收支分类科目》 edition. */
  readonly year: number;
  /** The documents that issued or revised the edition, as cited. */
  readonly documents: readonly string[];
  readonly school: Readonly<Record<SchoolKind, FunctionCode>>;
}

/**
 * The stored editions, oldest first. The codes are the class-205 tree of the current structure (budget reference
 * §1.2); 2025 is the latest edition whose changes are known (财预〔2025〕41号 revised central special-treasury-bond
 * items only, nothing in class 205). Codes marked "not verified" must be checked against the MOF text of the edition
 * a budget uses before they are relied on.
 */
export const FUNCTION_CODE_EDITIONS: readonly FunctionCodeEdition[] = [
  {
    year: 2025,
    documents: ["财预〔2025〕41号"],
    school: {
      kindergarten: { code: "2050201", name: "学前教育", evidence: "not verified" },
      primary: { code: "2050202", name: "小学教育", evidence: "published" },
      junior: { code: "2050203", name: "初中教育", evidence: "published" },
      senior: { code: "2050204", name: "高中教育", evidence: "not verified" },
      special: { code: "2050701", name: "特殊学校教育", evidence: "published" },
      vocational: { code: "2050302", name: "中等职业教育", evidence: "not verified" },
    },
  },
];

/** The edition a budget of `year` uses: the latest stored one not after it (the latest of all when omitted). */
export function functionCodeEdition(year?: number): FunctionCodeEdition {
  const editions = FUNCTION_CODE_EDITIONS.filter((e) => year === undefined || e.year <= year);
  const edition = editions[editions.length - 1];
  if (!edition) {
    const first = FUNCTION_CODE_EDITIONS[0]?.year;
    throw notDefined(`year: no stored 支出功能分类 edition before ${first} (got ${year})`);
  }
  return edition;
}

const KIND_BY_TEXT = lookupTable<SchoolKind>(
  LEVEL_ZH,
  LEVEL_EN,
  { special: "特教", vocational: "职业" },
  { special: "特殊教育", vocational: "中职" },
  { special: "special", vocational: "vocational" },
);

/** What a school-kind argument accepts, for messages. */
export const SCHOOL_KIND_TEXT =
  "幼儿园|kindergarten, 小学|primary, 初中|junior, 高中|senior, 特教|特殊教育|special or 职业|中职|vocational";

/** A school kind from its Chinese or English name, case-insensitive; any other text is #N/A (no code for it). */
export function parseSchoolKind(text: string, argName = "level"): SchoolKind {
  const kind = KIND_BY_TEXT.get(text) ?? KIND_BY_TEXT.get(text.trim().toLowerCase());
  if (kind) return kind;
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  throw notDefined(`${argName}: no 支出功能分类 code for "${shown}"; use ${SCHOOL_KIND_TEXT}`);
}

/** The 项 code under which a school of `kind` spends, in the edition of `year` (the latest when omitted). */
export function schoolFunctionCode(kind: SchoolKind, year?: number): FunctionCode {
  return functionCodeEdition(year).school[kind];
}

/** One code of a classification table, with its name and how it is known. */
export interface ClassCode {
  readonly code: string;
  readonly name: string;
  readonly evidence: CodeEvidence;
}

/**
 * One edition of the two tables a 部门预算 line is coded by (budget reference §1, §2): the 支出功能分类 (类 3 digits,
 * 款 5, 项 7) and the 部门预算支出经济分类 (类 3 digits, 款 5), each code with its evidence. Only the codes an
 * education bureau and its schools use are stored; the 类 of the 功能分类 are all listed because the 部门收支总表
 * shows every one.
 */
export interface ClassificationEdition {
  readonly year: number;
  readonly documents: readonly string[];
  readonly functions: readonly ClassCode[];
  readonly economics: readonly ClassCode[];
}

const P = "published" as const;
const N = "not verified" as const;
const c = (code: string, name: string, evidence: CodeEvidence): ClassCode => ({ code, name, evidence });

/** Editions oldest first; the codes are those of budget reference §1.2–§1.4 and §2.1–§2.4 with their tags. */
export const CLASSIFICATION_EDITIONS: readonly ClassificationEdition[] = [
  {
    year: 2025,
    documents: ["财预〔2025〕41号"],
    functions: [
      // 类: the expense side of every 部门收支总表 lists them all (names as in a 2020 table and later renames).
      c("201", "一般公共服务支出", P),
      c("202", "外交支出", P),
      c("203", "国防支出", P),
      c("204", "公共安全支出", P),
      c("205", "教育支出", P),
      c("206", "科学技术支出", P),
      c("207", "文化旅游体育与传媒支出", P),
      c("208", "社会保障和就业支出", P),
      c("210", "卫生健康支出", P),
      c("211", "节能环保支出", P),
      c("212", "城乡社区支出", P),
      c("213", "农林水支出", P),
      c("214", "交通运输支出", P),
      c("215", "资源勘探工业信息等支出", N),
      c("216", "商业服务业等支出", P),
      c("217", "金融支出", P),
      c("219", "援助其他地区支出", P),
      c("220", "自然资源海洋气象等支出", N),
      c("221", "住房保障支出", P),
      c("222", "粮油物资储备支出", P),
      c("223", "国有资本经营预算支出", P),
      c("224", "灾害防治及应急管理支出", P),
      c("227", "预备费", P),
      c("229", "其他支出", P),
      c("230", "转移性支出", P),
      c("231", "债务还本支出", N),
      c("232", "债务付息支出", N),
      c("233", "债务发行费用支出", N),
      // 205 教育支出
      c("20501", "教育管理事务", P),
      c("2050101", "行政运行", N),
      c("2050102", "一般行政管理事务", P),
      c("2050103", "机关服务", N),
      c("2050199", "其他教育管理事务支出", N),
      c("20502", "普通教育", N),
      c("2050201", "学前教育", N),
      c("2050202", "小学教育", P),
      c("2050203", "初中教育", P),
      c("2050204", "高中教育", N),
      c("2050299", "其他普通教育支出", P),
      c("20503", "职业教育", N),
      c("2050302", "中等职业教育", N),
      c("2050399", "其他职业教育支出", N),
      c("20507", "特殊教育", N),
      c("2050701", "特殊学校教育", P),
      c("2050799", "其他特殊教育支出", N),
      c("20508", "进修及培训", N),
      c("2050801", "教师进修", N),
      c("20509", "教育费附加安排的支出", N),
      c("2050901", "农村中小学校舍建设", N),
      c("2050902", "农村中小学教学设施", N),
      c("2050903", "城市中小学校舍建设", N),
      c("2050904", "城市中小学教学设施", N),
      c("2050999", "其他教育费附加安排的支出", P),
      c("20599", "其他教育支出", N),
      c("2059999", "其他教育支出", N),
      // 208 社会保障和就业支出
      c("20805", "行政事业单位养老支出", P),
      c("2080501", "行政单位离退休", P),
      c("2080502", "事业单位离退休", P),
      c("2080505", "机关事业单位基本养老保险缴费支出", P),
      c("2080506", "机关事业单位职业年金缴费支出", N),
      c("2080599", "其他行政事业单位养老支出", N),
      // 210 卫生健康支出
      c("21011", "行政事业单位医疗", P),
      c("2101101", "行政单位医疗", P),
      c("2101102", "事业单位医疗", P),
      c("2101103", "公务员医疗补助", N),
      c("2101199", "其他行政事业单位医疗支出", N),
      // 221 住房保障支出
      c("22102", "住房改革支出", P),
      c("2210201", "住房公积金", P),
      c("2210202", "提租补贴", N),
      c("2210203", "购房补贴", P),
    ],
    economics: [
      c("301", "工资福利支出", P),
      c("30101", "基本工资", P),
      c("30102", "津贴补贴", P),
      c("30103", "奖金", P),
      c("30106", "伙食补助费", P),
      c("30107", "绩效工资", P),
      c("30108", "机关事业单位基本养老保险缴费", P),
      c("30109", "职业年金缴费", P),
      c("30110", "职工基本医疗保险缴费", P),
      c("30111", "公务员医疗补助缴费", P),
      c("30112", "其他社会保障缴费", P),
      c("30113", "住房公积金", P),
      c("30114", "医疗费", P),
      c("30199", "其他工资福利支出", P),
      c("302", "商品和服务支出", P),
      c("30201", "办公费", P),
      c("30202", "印刷费", P),
      c("30205", "水费", P),
      c("30206", "电费", P),
      c("30207", "邮电费", P),
      c("30208", "取暖费", P),
      c("30209", "物业管理费", P),
      c("30211", "差旅费", P),
      c("30212", "因公出国（境）费用", N),
      c("30213", "维修（护）费", N),
      c("30215", "会议费", P),
      c("30216", "培训费", P),
      c("30217", "公务接待费", P),
      c("30218", "专用材料费", P),
      c("30226", "劳务费", P),
      c("30227", "委托业务费", P),
      c("30228", "工会经费", P),
      c("30229", "福利费", P),
      c("30231", "公务用车运行维护费", P),
      c("30299", "其他商品和服务支出", N),
      c("303", "对个人和家庭的补助", N),
      c("30302", "退休费", N),
      c("30305", "生活补助", N),
      c("30308", "助学金", N),
      c("30399", "其他对个人和家庭的补助", N),
      c("307", "债务利息及费用支出", N),
      c("30701", "国内债务付息", N),
      c("309", "资本性支出（基本建设）", N),
      c("30901", "房屋建筑物购建", N),
      c("30905", "基础设施建设", N),
      c("310", "资本性支出", P),
      c("31001", "房屋建筑物购建", N),
      c("31002", "办公设备购置", N),
      c("31003", "专用设备购置", P),
      c("31005", "基础设施建设", P),
      c("31006", "大型修缮", P),
      c("31007", "信息网络及软件购置更新", N),
      c("31013", "公务用车购置", N),
      c("31099", "其他资本性支出", N),
      c("399", "其他支出", N),
      c("39999", "其他支出", N),
    ],
  },
];

/** The classification edition a budget of `year` uses, and whether it is that year's (false: an earlier year). */
export function classificationEdition(year: number): {
  readonly edition: ClassificationEdition;
  readonly exact: boolean;
} {
  const editions = CLASSIFICATION_EDITIONS.filter((e) => e.year <= year);
  const edition = editions[editions.length - 1];
  if (edition) return { edition, exact: true };
  const first = CLASSIFICATION_EDITIONS[0];
  if (!first) throw new Error("no stored classification edition");
  return { edition: first, exact: false };
}

/** A code of the 支出功能分类 of an edition, or undefined when the edition does not hold it. */
export function functionCodeOf(edition: ClassificationEdition, code: string): ClassCode | undefined {
  return edition.functions.find((entry) => entry.code === code);
}

/** A code of the 部门预算支出经济分类 of an edition, or undefined when the edition does not hold it. */
export function economicCodeOf(edition: ClassificationEdition, code: string): ClassCode | undefined {
  return edition.economics.find((entry) => entry.code === code);
}

/** The 功能分类 项 of the contributions and of the bureau's own running (budget reference §1.4, §7.2). */
export const CONTRIBUTION_FUNCTION_CODES = {
  pension: "2080505",
  annuity: "2080506",
  /** 事业单位医疗 (schools); the bureau, a 行政 unit, uses 行政单位医疗. */
  medicalInstitution: "2101102",
  medicalAdministration: "2101101",
  housingFund: "2210201",
  /** The bureau's own staff and running: 教育管理事务 / 行政运行. */
  bureau: "2050101",
} as const;

/** The 项 of a code (7 digits), its 款 (first 5) and 类 (first 3). */
export function codeLevels(code: string): { readonly lei: string; readonly kuan: string } {
  return { lei: code.slice(0, 3), kuan: code.slice(0, 5) };
}
