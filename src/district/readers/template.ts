/**
 * What the input template holds beside the district's fields: the 示例 marker column and the one example row of each
 * list sheet, the 填写说明 column of the item sheets, and the help text of every field (the 填表说明 sheet). The
 * readers use the same definitions to recognise an example row and leave it out, so nothing the template shows as an
 * example ever becomes data.
 */
import { normalizeHeader, sheetSpec, YES_NO, type FieldSpec, type SheetKey } from "../layout";
import { SCHOOL_LEVELS } from "../model";
import { ACCEPTS, isBlank } from "./cells";

/** The first column of every list sheet: "示例" on the template's example row, empty on the user's rows. */
export const EXAMPLE_COLUMN = { zh: "示例", en: "Example" } as const;
/** The word the example row carries in its marker cell. */
export const EXAMPLE_MARK = "示例";
/** The help column beside the values of the item sheets (录入-区县, 录入-财政). */
export const HELP_COLUMN = { zh: "填写说明", en: "Help" } as const;

const names = (column: { zh: string; en: string }): string[] => [column.zh, column.en].map(normalizeHeader);

export const isExampleHeader = (header: string): boolean =>
  names(EXAMPLE_COLUMN).includes(normalizeHeader(header));
export const isHelpHeader = (header: string): boolean => names(HELP_COLUMN).includes(normalizeHeader(header));

/** The sheets read one row per item (the others have an item column and no example row). */
export const LIST_SHEETS: readonly SheetKey[] = [
  "schools",
  "projects",
  "prior",
  "priorBudget",
  "debts",
  "mergers",
  "preschool",
  "stated",
  "history",
  "births",
  "entrants",
  "ratios",
  "migration",
];

type ExampleCell = string | number;

/**
 * The template's example rows, by field. The values are illustrative (every name starts with 示例, so no row can be
 * mistaken for a real school or a sample district's data) and consistent, so they show how a row is filled.
 */
export const EXAMPLE_ROWS: Readonly<Record<string, Readonly<Record<string, ExampleCell>>>> = {
  schools: {
    code: "示例01",
    name: "示例小学",
    town: "示例镇",
    type: "小学",
    area: "农村",
    "grades.g1": 40,
    "grades.g2": 38,
    "grades.g3": 42,
    "grades.g4": 39,
    "grades.g5": 41,
    "grades.g6": 40,
    classes: 6,
    classrooms: 7,
    boarders: 0,
    specialNeeds: 1,
    staff: 15,
    staffAboveQualification: 8,
    staffMidTitle: 5,
    backboneTeachers: 1,
    prevStartEnrollment: 243,
    prevDropouts: 1,
    standardized: "否",
    teachingArea: 1300,
    sportsArea: 2600,
    equipmentValue: 100000,
    books: 4000,
    computers: 14,
    remotenessTier: 2,
  },
  projects: {
    name: "示例教学楼新建项目",
    school: "示例01",
    status: "新建",
    category: "教学楼",
    totalCost: 500,
    central: 200,
    provincial: 100,
    district: 150,
    town: 50,
    startYear: 2025,
    endYear: 2026,
    amountInYear: 300,
  },
  prior: { name: "示例教学楼项目", school: "示例01" },
  priorBudget: {
    unitCode: "示例01",
    functionCode: "示例2050202",
    economicCode: "示例30101",
    item: "示例:基本工资",
    amount: 120,
  },
  debts: { rowType: "欠款", item: "示例:拖欠工程款", category: "基建欠款", step: 1, amount: 100 },
  mergers: {
    name: "示例:两所小学合并",
    year: 2026,
    level: "小学",
    sources: "示例01、示例02",
    site: "示例02现址",
    siteSchool: "示例02",
    siteClassrooms: 0,
    siteTeachingArea: 0,
  },
  preschool: {
    name: "示例幼儿园",
    kind: "公办幼儿园",
    town: "示例镇",
    smallClasses: 1,
    middleClasses: 1,
    largeClasses: 1,
    mixedClasses: 0,
    cost: 300,
    year: 2026,
  },
  history: { school: "示例01", year: 2024, "grades.g1": 42, "grades.g2": 40, "grades.g3": 41 },
  births: { year: 2019, births: 1200 },
  entrants: { school: "示例01", year: 2027, entrants: 38 },
  ratios: { school: "示例01", grade: "二年级", ratio: 0.98 },
  migration: { school: "示例01", year: 2027, grade: "三年级", migrants: -3 },
  stated: {
    label: "示例:开工建设2个项目",
    stated: 2,
    item: "示例教学楼新建项目",
    source: "示例:某文件第三段",
  },
};

/** The example row of a list sheet as cells in the sheet's column order (the marker column not included). */
export function exampleCells(key: SheetKey): (ExampleCell | null)[] | undefined {
  const example = EXAMPLE_ROWS[key];
  return example && sheetSpec(key).columns.map((column) => example[column.field] ?? null);
}

const cellText = (cell: unknown): string => (isBlank(cell) ? "" : normalizeHeader(String(cell)));

/**
 * A row that is the template's example even without its mark (the 示例 column deleted or cleared): every column the
 * sheet has holds the example's value.
 */
export function matchesExample(
  key: SheetKey,
  cellOf: (field: string) => { present: boolean; cell: unknown },
): boolean {
  const example = EXAMPLE_ROWS[key];
  if (!example) return false;
  let compared = 0;
  for (const column of sheetSpec(key).columns) {
    const { present, cell } = cellOf(column.field);
    if (!present) continue;
    compared += 1;
    if (cellText(cell) !== cellText(example[column.field])) return false;
  }
  return compared > 0;
}

// ---------------------------------------------------------------- field help (填表说明)

export interface FieldHelp {
  readonly field: FieldSpec;
  /** 万元, ㎡, 元, 年… or "" */
  readonly unit: string;
  readonly required: boolean;
  /** What a cell accepts, and what a blank cell means for an optional field. */
  readonly accepts: string;
  readonly acceptsEn: string;
}

const UNIT = /[(（]\s*(万元|元|㎡|册|台)\s*[)）]/;

function unitOf(field: FieldSpec): string {
  const found = UNIT.exec(field.zh)?.[1];
  if (found) return found;
  if (field.kind === "money") return "万元";
  if (field.kind === "year") return "年";
  if (field.kind === "signedCount") return "人";
  if (field.kind !== "count" || /等级|步骤/.test(field.zh)) return "";
  if (/班数|教室/.test(field.zh)) return "个";
  if (/声明/.test(field.zh)) return "项";
  return "人";
}

const ACCEPTS_EN: Record<FieldSpec["kind"], string> = {
  text: "text",
  optionalText: "text",
  count: "a whole number, 0 or more",
  signedCount: "a whole number, positive in, negative out",
  money: "a number, 0 or more (thousands separators allowed)",
  rate: "a fraction or a percentage, e.g. 0.05 or 5%",
  year: "a four-digit year, e.g. 2012",
  bool: "是/否 (also Y/N, TRUE/FALSE, 1/0)",
  enum: "",
  list: "codes separated by 、 or commas",
};

/** What a blank optional cell means, for the fields whose schema gives a default. */
const BLANK_MEANS: Partial<Record<string, readonly [string, string]>> = {
  policyPack: ["留空为全国政策包 national", "blank: the national pack"],
  moneyUnit: ["只接受万元,可留空", "only 万元; may be left blank"],
  note: ["显示在目录表上的说明,可留空", "shown on the contents sheet; may be left blank"],
  "fiscal.scope": ["留空为全部教育", "blank: all education"],
  stayingSchool: ["没有留驻学校时留空", "blank when no school stays"],
  siteSchool: ["校址不是某校现址时留空", "blank when the site is no school's"],
  step: ["欠款行必填", "required on 欠款 rows"],
  ...Object.fromEntries(
    SCHOOL_LEVELS.flatMap((level) =>
      ["prevStartEnrollment", "prevDropouts"].map((field) => [
        `levels.${level}.${field}`,
        [
          "九年一贯制、完全中学按学段填写时填, 单一学段学校留空 (上学年初在校生数和辍学学生数为各学段之和)",
          "for a school of two levels (九年一贯制, 完全中学), per level; blank for a single-level school",
        ] as const,
      ]),
    ),
  ),
  "term.lastYear": ["留空为任期截止年度 (至少到预算年度后第二年)", "blank: the term end year (at least T+2)"],
  "term.revenueGrowth": ["留空为 5%", "blank: 5 %"],
  publicFundsAvailable: [
    "留空为未提供; 各校都填时按校计算公用经费缺口",
    "blank: not given; when every school gives it the gap is summed per school",
  ],
};

export function fieldHelp(field: FieldSpec): FieldHelp {
  const options = field.kind === "bool" ? YES_NO : field.options;
  const list = options ? options.map((option) => option.zh).join("/") : field.list?.join("/");
  const accepts = list ?? ACCEPTS[field.kind];
  const acceptsEn = list ?? ACCEPTS_EN[field.kind];
  const required = field.required === true;
  const blank = BLANK_MEANS[field.field] ?? blankDefault(field);
  return {
    field,
    unit: unitOf(field),
    required,
    accepts: required || !blank ? accepts : `${accepts};${blank[0]}`,
    acceptsEn: required || !blank ? acceptsEn : `${acceptsEn}; ${blank[1]}`,
  };
}

function blankDefault(field: FieldSpec): readonly [string, string] | undefined {
  if (field.kind === "count" || field.kind === "money") return ["留空为 0", "blank: 0"];
  if (field.kind === "bool") return ["留空为否", "blank: no"];
  if (field.kind === "optionalText") return ["可留空", "may be left blank"];
  return undefined;
}

/** Why 录入-财政 is required: the three statutory growths are computed from its two years. */
export const THREE_GROWTHS = [
  "三个增长(教育财政拨款增长高于财政经常性收入增长、生均教育费用逐步增长、教师工资和生均公用经费逐步增长)由这两年的数字计算",
  "the three statutory growths (appropriation above recurring revenue, spending per student, teacher pay and public funds per student) are computed from these two years",
] as const;

/** Each sheet in a sentence: what a row is, and what leaving the sheet empty means. */
export const SHEET_HELP: Readonly<Record<SheetKey, readonly [zh: string, en: string]>> = {
  district: [
    "必填。每个项目一行,在「值」列填写。",
    "Required. One item a row: fill in the 值 (value) column.",
  ],
  fiscal: [
    `必填。上年(T−1)和本年(T)两列的 9 项都须填写:${THREE_GROWTHS[0]}。`,
    `Required. All 9 items for the prior year (T−1) and the budget year (T): ${THREE_GROWTHS[1]}.`,
  ],
  schools: ["必填。每所学校一行。", "Required. One row per school."],
  projects: [
    "选填。每个基建项目一行;不填即为没有基建项目。",
    "Optional. One row per project; empty means none.",
  ],
  prior: [
    "选填。上年开工的每个项目一行(学校代码可空);填写后,基建表把本年续建项目与之逐对核对名称;不填即为没有(不核对)。",
    "Optional. One row per project started last year (school code optional); when given, 基建 checks this year's continuing projects against it by name; empty means no check.",
  ],
  priorBudget: [
    "选填。上年预算的每条明细一行(单位代码、功能科目编码、经济科目编码、项目、金额), 可由上年生成的工作簿读出; 填写后, 预算明细按 单位、功能科目、经济科目、项目 逐条列出上年预算, 本年没有的上年明细以本年 0 列出; 不填即为没有(上年预算由用户在预算明细填列)。",
    "Optional. One row per line of last year's budget (unit code, function code, economic code, item, amount), or read from last year's generated workbook; when given, 预算明细 shows each line's prior-year amount matched by unit, codes and item, and a prior line with no match this year as a line of 0; empty means the user fills the column.",
  ],
  debts: [
    "选填。行类型「欠款」每笔一行(欠款事项、类别、还款步骤、金额),「声明总额」一行(金额),「偿还能力」自预算年度至任期截止年度每年一行(年度、金额);不填即为没有债务。",
    "Optional. 欠款 rows (item, category, step, amount), one 声明总额 row, one 偿还能力 row per year from the budget year to the term end; empty means no debt.",
  ],
  mergers: [
    "选填。每项布局调整一行;不填即为没有布局调整。",
    "Optional. One row per merger; empty means none.",
  ],
  preschool: [
    "选填。每所规划新建的幼儿园一行;不填即为没有规划。",
    "Optional. One row per planned kindergarten; empty means none.",
  ],
  history: [
    "选填(规划表用)。每所学校每个往年一行:预算年度之前连续至少两年的分年级在校生;本年人数取自录入-学校;不填即为没有(规划表不作预测)。",
    "Optional (for the term plan). One row per school and past year: enrollment by grade in at least two consecutive years before the budget year; year T is 录入-学校.",
  ],
  births: [
    "选填(规划表用)。全区每个出生年份一行;各校起始年级新生按出生人口 × 入学率推算(小学6岁、初中12岁、高中15岁、幼儿园3岁入学);不填即为没有。",
    "Optional (for the term plan). One row per year of birth; each school's intake is births × its entry rate (entry at 6, 12, 15 or 3).",
  ],
  entrants: [
    "选填。直接录入某校某规划年度的起始年级新生数,代替出生人口推算;不填即为没有。",
    "Optional. A school's first-grade intake entered for a plan year, instead of births × entry rate.",
  ],
  ratios: [
    "选填。已知的升级比例(升入年级人数 / 上一年下一年级人数),代替按往年计算的比例;不填即为没有。",
    "Optional. A known progression ratio (students of the grade per student of the grade below a year earlier), instead of the one from the history.",
  ],
  migration: [
    "选填(规划表用)。已知的某校某规划年度净迁入学生数(迁入为正、迁出为负),在按升级比例推算之后加上;填年级为该年级,不填年级则平均分到本校各推算年级;往年的迁移已含在升级比例中,不要重复填;不填即为没有。",
    "Optional (for the term plan). Known net migration of a school in a plan year (in positive, out negative), added after progression; to a grade, or spread evenly over the school's projected grades when no grade is given. Past migration is already in the ratios.",
  ],
  stated: [
    "选填。文件所述的数量(如「开工建设7个项目」)与所列事项,每个事项一行;不填即为没有。",
    "Optional. A stated count and the items listed with it, one item a row; empty means none.",
  ],
};

/** The fields a sheet asks for, as the 填表说明 sheet lists them: the items of an item sheet, else its columns. */
export function sheetFields(key: SheetKey): readonly FieldSpec[] {
  const spec = sheetSpec(key);
  return spec.rows ?? spec.columns;
}
