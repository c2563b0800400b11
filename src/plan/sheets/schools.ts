/**
 * 学校: the district's key facts and the schools as an Excel table (tblSchools). Inputs are constants (text as
 * text); students by level, class size and class-size band are formulas. Every per-school sheet reads this table
 * through this sheet's output (column keys below).
 */
import { nutritionCost, nutritionCostFormula } from "../../domain/allowance";
import { classBand, classBandFormula } from "../../domain/classes";
import {
  requiredOnTrajectory,
  requiredOnTrajectoryFormula,
  trajectoryShare,
  trajectoryShareFormula,
} from "../../domain/targets";
import {
  AREAS,
  GRADE_KEYS,
  SCHOOL_LEVEL_ZH,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  type GradeKey,
  type School,
  type SchoolLevel,
  type SchoolType,
} from "../../district/model";
import { GRADE_LABELS } from "../../district/grades";
import { policyName } from "../../policy/packs";
import type { BuildContext } from "../context";
import { cellAddress } from "../address";
import { fx, SheetBuilder, str, val, type ColumnSpec, type TableResult } from "../kit";
import type { PlanCell } from "../types";
import { listedEn, listedZh } from "../listing";
import { schoolCause, thresholdSpec } from "../places";
import type { SheetDefinition, SheetResult } from "../registry";

/** What 学校 hands on: the schools table, which every per-school sheet reads. */
export interface SchoolsOutput {
  readonly table: TableResult;
}

export const schoolsSheet: SheetDefinition<"schools", SchoolsOutput> = {
  key: "schools",
  nameZh: "学校",
  nameEn: "Schools",
  titleZh: "学校基本情况",
  titleEn: "Schools",
  tabColor: "4472C4",
  required: true,
  needs: ["parameters"],
  build: buildSchools,
};

/** Grade spans of each level (first and last grade column). */
const LEVEL_GRADES = {
  kgStudents: ["k1", "k3"],
  primaryStudents: ["g1", "g6"],
  juniorStudents: ["g7", "g9"],
  seniorStudents: ["g10", "g12"],
} as const satisfies Record<string, readonly [GradeKey, GradeKey]>;

/** 学段 text by school type (the schools table derives it with a formula). */
const LEVEL_TEXT: Readonly<Record<SchoolType, string>> = {
  幼儿园: "幼儿园",
  小学: "小学",
  初中: "初中",
  九年一贯制: "小学+初中",
  完全中学: "初中+高中",
  十二年一贯制: "小学+初中+高中",
  高中: "高中",
  职业学校: "职业教育",
  特教学校: "特殊教育",
  教学点: "小学",
};

const YES = "是";
const NO = "否";

function gradeSum(school: School, from: GradeKey, to: GradeKey): number {
  const keys = GRADE_KEYS.slice(GRADE_KEYS.indexOf(from), GRADE_KEYS.indexOf(to) + 1);
  return keys.reduce((sum, key) => sum + school.grades[key], 0);
}

type Col = ColumnSpec<School>;
const text = (key: keyof School & string, header: string, width: number): Col => ({
  key,
  header,
  width,
  style: "text",
  cell: ({ item }) => val(String(item[key])),
});
const count = (
  key: keyof School & string,
  header: string,
  style: "integer" | "decimal" = "integer",
): Col => ({
  key,
  header,
  style,
  cell: ({ item }) => val(Number(item[key])),
});

export function buildSchools(ctx: BuildContext): SheetResult<SchoolsOutput> {
  const { district, pack } = ctx;
  const sb = new SheetBuilder(schoolsSheet, ctx);
  sb.title(
    `${district.name} 学校基本情况 Schools`,
    "白色单元格为录入数据;学段、在校生、班均人数和班额等级为公式",
  );
  const facts = sb.keyValues([
    { key: "name", label: "区县 District", cell: val(district.name), style: "text" },
    { key: "budgetYear", label: "预算年度 Budget year", cell: val(district.budgetYear) },
    { key: "region", label: "地区 Region", cell: val(district.region) },
    { key: "termEndYear", label: "本届政府任期截止 Term end", cell: val(district.termEndYear) },
    { key: "moneyUnit", label: "金额单位 Money unit", cell: val(district.moneyUnit) },
  ]);
  const factName = (name: string, key: string, comment: string) => {
    const fact = facts[key];
    if (fact) ctx.names.push({ name, ref: fact.ref, comment });
    return fact;
  };
  factName("D_region", "region", "地区 (中西部/东部)");
  factName("D_budget_year", "budgetYear", "预算年度");
  factName("D_term_end_year", "termEndYear", "本届政府任期截止年度");
  sb.validation(facts.region?.local ?? "B6", ["中西部", "东部"], "请选择 中西部 或 东部");

  const p = (key: Parameters<typeof policyName>[0]) => ctx.param(key).name;
  // The 超大班额 line is checked only in a year its rule is in force (or the user chose to apply it).
  const superLarge = pack.values["class_band.super_large_from"].status !== "notInForce";
  const levelColumns: Col[] = Object.entries(LEVEL_GRADES).map(([key, [from, to]]) => ({
    key,
    header:
      { kgStudents: "幼儿", primaryStudents: "小学生", juniorStudents: "初中生", seniorStudents: "高中生" }[
        key
      ] ?? key,
    style: "integer",
    cell: ({ item, ref }) => fx(`SUM(${ref(from)}:${ref(to)})`, gradeSum(item, from, to)),
  }));
  const table = sb.table<School>({
    name: "tblSchools",
    rows: district.schools,
    columns: [
      text("code", "学校代码", 10),
      text("name", "学校名称", 24),
      text("town", "乡镇", 10),
      text("type", "学校类型", 11),
      text("area", "城乡", 7),
      {
        key: "level",
        header: "学段",
        width: 11,
        cell: ({ item, ref }) => {
          const t = ref("type");
          return fx(
            `IF(OR(${t}="小学",${t}="教学点"),"小学",IF(${t}="九年一贯制","小学+初中",IF(${t}="完全中学","初中+高中",` +
              `IF(${t}="十二年一贯制","小学+初中+高中",` +
              `IF(${t}="职业学校","职业教育",IF(${t}="特教学校","特殊教育",${t}))))))`,
            LEVEL_TEXT[item.type],
          );
        },
      },
      ...GRADE_KEYS.map((key): Col => ({
        key,
        header: GRADE_LABELS[key][0],
        width: 7,
        style: "integer",
        cell: ({ item }) => val(item.grades[key]),
      })),
      {
        key: "students",
        header: "在校生",
        style: "integer",
        cell: ({ item, ref }) => fx(`SUM(${ref("k1")}:${ref("g12")})`, gradeSum(item, "k1", "g12")),
      },
      ...levelColumns,
      count("classes", "班数"),
      count("classrooms", "教室数"),
      {
        key: "avgClassSize",
        header: "班均人数",
        style: "decimal",
        cell: ({ ref, num }) =>
          fx(
            `IF(${ref("classes")}=0,"",${ref("students")}/${ref("classes")})`,
            num("classes") === 0 ? "" : num("students") / num("classes"),
          ),
      },
      {
        key: "classBand",
        header: "班额等级",
        width: 10,
        cell: ({ ref, num }) => {
          const band = classBandFormula(ref("students"), ref("classes"), {
            oversizeFrom: p("class_band.oversize_from"),
            largeFrom: p("class_band.large_from"),
            superLargeFrom: p("class_band.super_large_from"),
          });
          return fx(
            `IF(${ref("classes")}=0,"",${band})`,
            num("classes") === 0 ? "" : classBand(pack, num("students"), num("classes")),
          );
        },
      },
      count("boarders", "寄宿生数"),
      count("specialNeeds", "特殊教育学生数"),
      count("staff", "教职工数"),
      count("staffAboveQualification", "高于规定学历教师数"),
      count("staffMidTitle", "中级及以上职称教师数"),
      count("backboneTeachers", "骨干教师数"),
      count("prevStartEnrollment", "上学年初在校生数"),
      count("prevDropouts", "上学年辍学学生数"),
      ...levelDropoutColumns(district.schools),
      {
        key: "standardized",
        header: "是否达标",
        width: 9,
        cell: ({ item }) => val(item.standardized ? YES : NO),
      },
      count("teachingArea", "教学及辅助用房面积(㎡)", "decimal"),
      count("sportsArea", "体育运动场馆面积(㎡)", "decimal"),
      count("equipmentValue", "教学仪器设备值(元)", "decimal"),
      count("books", "图书(册)"),
      count("computers", "计算机(台)"),
      count("remotenessTier", "偏远等级(0-3)"),
      count("needyBoarders", "家庭经济困难寄宿生数"),
      count("aidStudents", "资助对象数(高中/学前)"),
      {
        key: "siteCheck",
        header: "班额教室核对",
        width: 18,
        cell: ({ ref, value, num }) => {
          const over = `${ref("classes")}>${ref("classrooms")}`;
          const shown = siteFlag(
            num("classes") > num("classrooms"),
            superLarge && value("classBand") === SUPER_LARGE,
          );
          if (!superLarge) return fx(`IF(${over},${str(OVER_ROOMS)},"")`, shown);
          const big = `${ref("classBand")}=${str(SUPER_LARGE)}`;
          return fx(
            `IF(AND(${over},${big}),${str(`${OVER_ROOMS}; ${SUPER_LARGE}`)},IF(${over},${str(OVER_ROOMS)},IF(${big},${str(SUPER_LARGE)},"")))`,
            shown,
          );
        },
      },
    ],
  });
  sb.conditional(table.range("siteCheck"), `${firstCell(table.range("siteCheck"))}<>""`, "fail");
  siteCheck(ctx, sb, table, superLarge);
  const bandRange = table.range("classBand");
  sb.conditional(
    bandRange,
    `OR(${firstCell(bandRange)}="大班额",${firstCell(bandRange)}="超大班额")`,
    "fail",
  );
  sb.conditional(bandRange, `${firstCell(bandRange)}="偏大"`, "warn");
  if (district.schools.length > 0) {
    sb.validation(table.range("type"), SCHOOL_TYPES, `请选择 ${SCHOOL_TYPES.join("/")}`);
    sb.validation(table.range("area"), AREAS, `请选择 ${AREAS.join("/")}`);
    sb.validation(table.range("standardized"), [YES, NO], `请选择 ${YES} 或 ${NO}`);
    sb.validation(table.range("remotenessTier"), ["0", "1", "2", "3"], "请选择 0、1、2 或 3");
  }
  standardizedBlock(ctx, sb, table);
  if (district.nutritionPlan) nutritionBlock(ctx, sb, table);
  const header = table.headerRow + 1;
  const plan = sb
    .freezeAt(header, 2)
    .printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
  return { plan, output: { table } };
}

/**
 * The share of 中小学 marked 达标, against the target the district's pack sets (none: the sheet says so).
 * Kindergartens, vocational and special-education schools have standards of their own, so they are left out (and
 * the sheet says so). A target due after T is shown as its trajectory and checked against the step of T.
 */
export const STANDARDIZED_TYPES: readonly SchoolType[] = [
  "小学",
  "初中",
  "九年一贯制",
  "完全中学",
  "十二年一贯制",
  "高中",
  "教学点",
];

function standardizedBlock(ctx: BuildContext, sb: SheetBuilder, table: TableResult): void {
  const counted = ctx.district.schools.filter((s) => STANDARDIZED_TYPES.includes(s.type));
  const met = counted.filter((s) => s.standardized).length;
  const target = ctx.param("standardized.target_rate");
  const policy = ctx.pack.values["standardized.target_rate"];
  const rate = counted.length === 0 ? null : met / counted.length;
  const byType = (extra: string) =>
    STANDARDIZED_TYPES.map((t) => `COUNTIFS(${table.range("type")},${str(t)}${extra})`).join("+");
  sb.note(
    `标准化学校达标率: 计入 ${STANDARDIZED_TYPES.join("、")}; 幼儿园、职业学校、特教学校另有标准, 不计入`,
  );
  const [metL, countL, rateL, targetL] = [0, 1, 2, 3].map((i) => cellAddress(sb.row + i, 1));
  const counts = [
    {
      key: "met",
      label: "达标学校数",
      cell: fx(byType(`,${table.range("standardized")},${str(YES)}`), met),
      style: "integer" as const,
    },
    {
      key: "count",
      label: "学校数(计入类型)",
      cell: fx(byType(""), counted.length),
      style: "integer" as const,
    },
    {
      key: "rate",
      label: "达标率",
      cell: fx(`IF(${countL}=0,"",${metL}/${countL})`, rate ?? ""),
      style: "rate" as const,
    },
  ];
  // There is no national target: a district is held to one only when its pack sets one (its own policy or the
  // user's edit).
  if (policy.notSet) {
    sb.keyValues(counts);
    sb.note("本区未设定该项目标 (标准化学校达标率), 只列出达标情况。");
    return;
  }
  const T = ctx.district.budgetYear;
  const due = policy.dueYear ?? T;
  const targetRow = {
    key: "target",
    label: "目标达标率",
    cell: fx(target.name, target.value),
    style: "rate" as const,
    note: policy.source,
  };
  const goal = `${(target.value * 100).toFixed(0)}%`;
  const shown = rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
  if (due <= T) {
    const pass = rate !== null && rate >= target.value;
    const kv = sb.keyValues([
      ...counts,
      targetRow,
      {
        key: "ok",
        label: "达到目标",
        cell: sb.verdict(`IF(${countL}=0,FALSE(),${rateL}>=${targetL})`, pass),
        style: "verdict",
      },
    ]);
    const ok = kv.ok;
    if (!ok) return;
    sb.check(ctx, ok.local, {
      id: "schools.standardized",
      labelZh: "标准化学校达标率",
      labelEn: "Standardized schools",
      pass,
      detailZh: `达标 ${met}/${counted.length} 所 (${shown}) ${pass ? "≥" : "<"} 目标 ${goal}; 不计幼儿园、职业学校、特教学校`,
      detailEn: `${met} of ${counted.length} schools standardized (${shown}) ${pass ? "≥" : "<"} target ${goal}; kindergartens, vocational and special schools not counted`,
      ...thresholdSpec(ctx, "standardized.target_rate"),
    });
    return;
  }
  standardizedTrajectory(ctx, sb, {
    counts,
    targetRow,
    met,
    total: counted.length,
    start: policy.fromYear,
    due,
    goal,
    shown,
  });
}

/** A target due after T: the schools to have met it by the end of each year to the due year, checked in T. */
function standardizedTrajectory(
  ctx: BuildContext,
  sb: SheetBuilder,
  of: {
    readonly counts: readonly { key: string; label: string; cell: PlanCell; style: "integer" | "rate" }[];
    readonly targetRow: { key: string; label: string; cell: PlanCell; style: "rate"; note: string };
    readonly met: number;
    readonly total: number;
    readonly start: number;
    readonly due: number;
    readonly goal: string;
    readonly shown: string;
  },
): void {
  const { met, total, start, due } = of;
  const T = ctx.district.budgetYear;
  const target = ctx.param("standardized.target_rate");
  const kv = sb.keyValues([
    ...of.counts,
    of.targetRow,
    { key: "start", label: "目标起始年度", cell: val(start) },
    { key: "due", label: "目标到期年度", cell: val(due) },
  ]);
  const abs = (key: string) => kv[key]?.absolute ?? "A1";
  const years = Array.from({ length: due - T + 1 }, (_, k) => T + k);
  const steps = years.map((year) => {
    const share = trajectoryShare(start, due, year);
    const required = requiredOnTrajectory(target.value, total, share);
    return { year, share, required, remaining: Math.max(0, required - met) };
  });
  sb.note(
    `目标 ${of.goal} 于 ${due} 年到期: 按年平均推进, 各年末应达标学校数与尚需达标学校数如下; 本年按进度核对`,
  );
  const trajectory = sb.table<(typeof steps)[number]>({
    name: "tblStandardizedTrajectory",
    rows: steps,
    columns: [
      { key: "year", header: "年度", width: 8, cell: (c) => val(c.item.year) },
      {
        key: "share",
        header: "应完成进度",
        width: 11,
        style: "rate",
        cell: (c) => fx(trajectoryShareFormula(abs("start"), abs("due"), c.ref("year")), c.item.share),
      },
      {
        key: "required",
        header: "年末应达标学校数",
        width: 14,
        style: "integer",
        cell: (c) =>
          fx(requiredOnTrajectoryFormula(target.name, abs("count"), c.ref("share")), c.item.required),
      },
      {
        key: "remaining",
        header: "尚需达标学校数",
        width: 14,
        style: "integer",
        cell: (c) => fx(`MAX(0,${c.ref("required")}-${abs("met")})`, c.item.remaining),
      },
    ],
  });
  const first = steps[0];
  if (!first) return;
  const pass = met >= first.required;
  const verdict = sb.keyValues([
    {
      key: "onTrack",
      label: `${T}年达到进度`,
      cell: sb.verdict(`${abs("met")}>=${trajectory.cell("required", 0)}`, pass),
      style: "verdict",
    },
  ]).onTrack;
  if (!verdict) return;
  sb.check(ctx, verdict.local, {
    id: "schools.standardized",
    labelZh: "标准化学校达标率",
    labelEn: "Standardized schools",
    pass,
    detailZh: `目标 ${of.goal} 于 ${due} 年到期; ${T}年末应达标 ${first.required} 所, 已达标 ${met}/${total} 所 (${of.shown}); 不计幼儿园、职业学校、特教学校`,
    detailEn: `target ${of.goal} due in ${due}; ${first.required} schools due by the end of ${T}, ${met} of ${total} standardized (${of.shown}); kindergartens, vocational and special schools not counted`,
    ...thresholdSpec(ctx, "standardized.target_rate"),
  });
}

/** The student nutrition plan: the meal subsidy for rural compulsory students, a budget line for 汇总. */
function nutritionBlock(ctx: BuildContext, sb: SheetBuilder, table: TableResult): void {
  const rural = ctx.district.schools.filter((s) => s.area === "农村");
  const students = rural.reduce(
    (sum, s) =>
      sum + gradeSum(s, ...LEVEL_GRADES.primaryStudents) + gradeSum(s, ...LEVEL_GRADES.juniorStudents),
    0,
  );
  const perDay = ctx.param("nutrition.yuan_per_day");
  const days = ctx.param("nutrition.days");
  const yuan = nutritionCost(students, perDay.value, days.value);
  const rural_ = (key: string) => `SUMIF(${table.range("area")},${str("农村")},${table.range(key)})`;
  sb.note("学生营养改善计划: 农村学校的小学生和初中生 × 每生每天补助 × 在校天数");
  const at = (i: number) => cellAddress(sb.row + i, 1);
  const [studentsL, perDayL, daysL, yuanL] = [at(0), at(1), at(2), at(3)];
  const kv = sb.keyValues([
    {
      key: "students",
      label: "农村义务教育学生数",
      cell: fx(`${rural_("primaryStudents")}+${rural_("juniorStudents")}`, students),
      style: "integer",
    },
    { key: "perDay", label: "每生每天补助(元)", cell: fx(perDay.name, perDay.value), style: "decimal" },
    { key: "days", label: "在校天数", cell: fx(days.name, days.value), style: "integer" },
    {
      key: "yuan",
      label: "营养改善计划经费(元)",
      cell: fx(nutritionCostFormula(studentsL, perDayL, daysL), yuan),
      style: "money",
    },
    { key: "wan", label: "营养改善计划经费(万元)", cell: fx(`${yuanL}/10000`, yuan / 10000), style: "money" },
  ]);
  const wan = kv.wan;
  if (wan)
    ctx.budgetLines.push({
      category: "学生营养改善计划",
      categoryEn: "Student nutrition plan",
      amount: { ref: wan.ref, value: yuan / 10000 },
    });
}

const OVER_ROOMS = "班数超过教室数";
const SUPER_LARGE = "超大班额";

/** What 班额教室核对 shows for a school: its classes above its classrooms, its average class over the line, both or "". */
function siteFlag(overRooms: boolean, superLarge: boolean): string {
  return [overRooms ? OVER_ROOMS : "", superLarge ? SUPER_LARGE : ""].filter(Boolean).join("; ");
}

const flagEn = (flag: string): string =>
  flag
    .split("; ")
    .map((part) => (part === OVER_ROOMS ? "more classes than classrooms" : "super-large classes"))
    .join(", ");

/**
 * A failed check naming every school whose classes exceed its classrooms (a class without a room) or whose average
 * class is at or over the 超大班额 line of 参数 (66: 国发〔2016〕40号), live over the 班额教室核对 column.
 */
function siteCheck(ctx: BuildContext, sb: SheetBuilder, table: TableResult, superLarge: boolean): void {
  const schools = ctx.district.schools;
  const flags = table.values("siteCheck").map(String);
  const flagged = schools.flatMap((school, i) => {
    const flag = flags[i] ?? "";
    return flag === "" ? [] : [{ school, flag, index: i }];
  });
  const first = flagged[0];
  const range = table.range("siteCheck");
  const shown = [OVER_ROOMS, SUPER_LARGE, `${OVER_ROOMS}; ${SUPER_LARGE}`];
  const line = ctx.param("class_band.super_large_from");
  sb.checkRow(
    ctx,
    {
      label: "班数不超过教室数、无超大班额 Classes within classrooms, no super-large class",
      formula:
        schools.length > 0
          ? `${shown.map((text) => `COUNTIF(${range},${str(text)})`).join("+")}=0`
          : "TRUE()",
      note: superLarge
        ? `超大班额: 班均人数(向上取整) ≥ ${line.value} 人 (参数「${ctx.pack.values["class_band.super_large_from"].labelZh}」)`
        : "超大班额的标准本年度未施行, 只核对班数与教室数",
    },
    {
      id: "schools.site",
      labelZh: "学校班额与教室",
      labelEn: "Classes, classrooms and class sizes",
      pass: flagged.length === 0,
      ...(schools.length === 0 ? { applicable: false } : {}),
      detailZh:
        schools.length === 0
          ? "没有学校, 不适用"
          : flagged.length === 0
            ? `${schools.length} 所学校班数均不超过教室数${superLarge ? ", 无超大班额" : ""}`
            : `${flagged.length} 所学校: ${listedZh(flagged.map((f) => `${f.school.name}(${f.flag})`))}`,
      detailEn:
        schools.length === 0
          ? "no school: not applicable"
          : flagged.length === 0
            ? `all ${schools.length} schools have a classroom for every class${superLarge ? " and no super-large class" : ""}`
            : `${flagged.length} ${flagged.length === 1 ? "school" : "schools"}: ${listedEn(flagged.map((f) => `${f.school.code} (${flagEn(f.flag)})`))}`,
      items: flagged.map(({ school, flag }) => ({
        labelZh: school.name,
        labelEn: school.code,
        pass: false,
        detailZh: flag,
        detailEn: flagEn(flag),
      })),
      ...(first && first.flag.includes(SUPER_LARGE) ? thresholdSpec(ctx, "class_band.super_large_from") : {}),
      ...(first ? schoolCause(table, { index: first.index, code: first.school.code }) : {}),
    },
  );
}

/** The 学校 column key of one level's start enrollment or dropouts (present when a school gives them per level). */
export function levelColumnKey(level: SchoolLevel, field: "prevStartEnrollment" | "prevDropouts"): string {
  return `${field}_${level}`;
}

/**
 * The start enrollment and dropouts per level, for the levels some school of the district gives them for (none in a
 * district where every school gives only the plain two fields); blank for a school that does not give that level.
 */
function levelDropoutColumns(schools: readonly School[]): Col[] {
  return SCHOOL_LEVELS.filter((level) => schools.some((school) => school.levels?.[level])).flatMap(
    (level): Col[] =>
      (
        [
          ["prevStartEnrollment", `上学年初${SCHOOL_LEVEL_ZH[level]}在校生数`],
          ["prevDropouts", `上学年${SCHOOL_LEVEL_ZH[level]}辍学学生数`],
        ] as const
      ).map(([field, header]) => ({
        key: levelColumnKey(level, field),
        header,
        style: "integer",
        cell: ({ item }) => {
          const figures = item.levels?.[level];
          return figures ? val(figures[field]) : null;
        },
      })),
  );
}

function firstCell(range: string): string {
  return range.split(":")[0] ?? range;
}
