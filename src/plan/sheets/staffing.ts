/**
 * 教职工: staffing quota per school and level (STAFF_QUOTA = students / ratio, shown also rounded up: rounding is a
 * provincial choice), actual staff and the shortfall; the remote rural teacher allowance (ALLOWANCE: teachers ×
 * monthly rate of the school's tier × months paid in year T, from the pack's start month: September = 4 months).
 */
import { allowance, allowanceFormula, allowanceMonthsFormula } from "../../domain/allowance";
import {
  CLASS_STAFF_KEY,
  classStaffQuota,
  classStaffQuotaFormula,
  schoolStaffQuota,
  schoolStaffQuotaFormula,
  staffPerClass,
  staffQuota,
  staffQuotaFormula,
  type ClassStaffed,
} from "../../domain/staffing";
import { ceilClean, ceilCleanFormula } from "../../domain/validate";
import type { AreaZh, School } from "../../district/model";
import type { PolicyKey } from "../../policy/types";
import { cellAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, val, type ColumnSpec, type TableResult } from "../kit";
import { schoolCause, thresholdSpec } from "../places";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";
import { notInForceSpec } from "../verdict";

export const staffingSheet: SheetDefinition<"staffing", undefined> = {
  key: "staffing",
  nameZh: "教职工",
  nameEn: "Staffing",
  titleZh: "教职工编制与乡村教师生活补助",
  titleEn: "Staffing and allowance",
  tabColor: "5B9BD5",
  needs: ["parameters", "schools"],
  build: handsNothing(buildStaffing),
};

interface Row {
  readonly school: School;
  readonly index: number;
}

const LEVELS = [
  { level: "primary", students: "primaryStudents", header: "小学" },
  { level: "junior", students: "juniorStudents", header: "初中" },
  { level: "senior", students: "seniorStudents", header: "高中" },
] as const;

/** The pack's students per staff post of each level by area (the plain key is 城市's). */
const AREA_RATIO_KEYS: Readonly<
  Record<(typeof LEVELS)[number]["level"], Readonly<Record<AreaZh, PolicyKey>>>
> = {
  primary: {
    城市: "staff_ratio.primary",
    县镇: "staff_ratio.primary.town",
    农村: "staff_ratio.primary.rural",
  },
  junior: { 城市: "staff_ratio.junior", 县镇: "staff_ratio.junior.town", 农村: "staff_ratio.junior.rural" },
  senior: { 城市: "staff_ratio.senior", 县镇: "staff_ratio.senior.town", 农村: "staff_ratio.senior.rural" },
};

const TIER_RATES: readonly PolicyKey[] = [
  "allowance.rate.tier1",
  "allowance.rate.tier2",
  "allowance.rate.tier3",
];

export function buildStaffing(ctx: BuildContext): SheetPlan<SheetKey> {
  const { district, pack } = ctx;
  const schools = ctx.output("schools").table;
  const p = (key: PolicyKey) => ctx.param(key).name;
  const sb = new SheetBuilder(staffingSheet, ctx);
  sb.title(
    "教职工编制与乡村教师生活补助 Staffing and rural teacher allowance",
    "中央编办发〔2014〕72号 城乡统一编制标准 (生师比见 参数); 编制数按学段学生数 ÷ 生师比, 取整方式由省确定",
  );
  const link =
    (key: string) =>
    (r: { item: Row }): PlanCell =>
      fx(schools.cell(key, r.item.index, true), schools.values(key)[r.item.index] ?? "");
  const studentsOf = (index: number, key: string): number => Number(schools.values(key)[index]);
  const typeOf = (school: School): ClassStaffed | "ordinary" =>
    school.type === "特教学校" ? "special" : school.type === "教学点" ? "teachingPoint" : "ordinary";
  const rows: Row[] = district.schools.flatMap((school, index) =>
    typeOf(school) !== "ordinary" || LEVELS.some((l) => studentsOf(index, l.students) > 0)
      ? [{ school, index }]
      : [],
  );
  // A special school is staffed by its classes only: its students count for no ordinary ratio. Each level's students
  // go by that level's ratio (a 完全中学's 初中 by the junior, its 高中 by the senior ratio) for the school's area:
  // the 2001 table differs by 城市/县镇/农村, the 2014 one is the same for all (参数 holds both).
  const quotaColumns = LEVELS.map((l): ColumnSpec<Row> => ({
    key: `quota_${l.level}`,
    header: `${l.header}编制`,
    style: "decimal",
    cell: ({ ref, num, item }) => {
      const keys = AREA_RATIO_KEYS[l.level];
      const area = schools.cell("area", item.index, true);
      const ratio = `IF(${area}="城市",${p(keys.城市)},IF(${area}="县镇",${p(keys.县镇)},${p(keys.农村)}))`;
      return fx(
        `IF(${ref("type")}="特教学校",0,${staffQuotaFormula(ref(l.level), ratio)})`,
        typeOf(item.school) === "special"
          ? 0
          : staffQuota(num(l.level), pack.values[keys[item.school.area]].value),
      );
    },
  }));
  const perClass = (type: string): string =>
    `IF(${type}="特教学校",${p(CLASS_STAFF_KEY.special)},IF(${type}="教学点",${p(CLASS_STAFF_KEY.teachingPoint)},0))`;
  const table = sb.table<Row>({
    name: "tblStaffing",
    rows,
    totals: {
      label: "合计",
      keys: [
        "primary",
        "junior",
        "senior",
        "classes",
        "quota_primary",
        "quota_junior",
        "quota_senior",
        "quota_class",
        "rounded",
        "staff",
        "shortfall",
      ],
    },
    columns: [
      { key: "code", header: "学校代码", width: 10, cell: link("code") },
      { key: "name", header: "学校名称", width: 24, cell: link("name") },
      { key: "type", header: "学校类型", width: 11, cell: link("type") },
      ...LEVELS.map((l): ColumnSpec<Row> => ({
        key: l.level,
        header: `${l.header}生`,
        style: "integer",
        cell: link(l.students),
      })),
      { key: "classes", header: "班数", style: "integer", cell: link("classes") },
      ...quotaColumns,
      {
        key: "quota_class",
        header: "班师比编制(教学点/特教)",
        style: "decimal",
        cell: ({ ref, num, item }) => {
          const kind = typeOf(item.school);
          return fx(
            classStaffQuotaFormula(ref("classes"), perClass(ref("type"))),
            kind === "ordinary" ? 0 : classStaffQuota(num("classes"), staffPerClass(pack, kind)),
          );
        },
      },
      {
        key: "quota",
        header: "编制数 Staff quota",
        style: "decimal",
        cell: ({ ref, num, item }) =>
          fx(
            schoolStaffQuotaFormula(
              ref("type"),
              `${ref("quota_primary")}+${ref("quota_junior")}+${ref("quota_senior")}`,
              ref("quota_class"),
            ),
            schoolStaffQuota(
              typeOf(item.school),
              num("quota_primary") + num("quota_junior") + num("quota_senior"),
              num("quota_class"),
            ),
          ),
      },
      {
        key: "rounded",
        header: "编制数(向上取整)",
        style: "integer",
        cell: ({ ref, num }) => fx(ceilCleanFormula(ref("quota")), ceilClean(num("quota"))),
      },
      { key: "staff", header: "实有教职工", style: "integer", cell: link("staff") },
      {
        key: "shortfall",
        header: "缺编(+)/超编(−)",
        style: "integer",
        cell: ({ ref, num }) => fx(`${ref("rounded")}-${ref("staff")}`, num("rounded") - num("staff")),
      },
    ],
  });
  if (rows.length > 0) {
    sb.conditional(table.range("shortfall"), `${table.cell("shortfall", 0)}>0`, "warn");
    sb.conditional(table.range("shortfall"), `${table.cell("shortfall", 0)}<0`, "fail");
  }

  // Before the first national staffing standard (2001) there is no quota to hold staff to: the checks do not apply.
  const ratiosOff = notInForceSpec(
    pack,
    LEVELS.map((l) => AREA_RATIO_KEYS[l.level].城市),
    district.budgetYear,
  );
  // The one 教职工编制 total is the table's rounded total; staff must match it, neither short nor over.
  const staffTotal = table.total("staff");
  const roundedTotal = table.total("rounded");
  sb.checkRow(
    ctx,
    {
      label: "教职工与编制相符(不缺编、不超编) Staff equal to the quota",
      formula: `${staffTotal.ref}=${roundedTotal.ref}`,
    },
    {
      id: "staffing.quota",
      labelZh: "教职工与编制相符",
      labelEn: "Staff equal to the quota",
      pass: staffTotal.value === roundedTotal.value,
      ...quotaDetail(roundedTotal.value, staffTotal.value),
      ...(ratiosOff ?? {}),
      ...(staffTotal.value === roundedTotal.value
        ? {}
        : staffingPlaces(ctx, schools, rows[table.values("shortfall").findIndex((g) => Number(g) !== 0)])),
    },
  );
  const gaps = table.values("shortfall").map(Number);
  const over = rows.flatMap((r, i) => ((gaps[i] ?? 0) < 0 ? [{ r, excess: -(gaps[i] ?? 0) }] : []));
  sb.checkRow(
    ctx,
    {
      label: "无学校超编 No school above its quota",
      formula: rows.length > 0 ? `COUNTIF(${table.range("shortfall")},"<0")=0` : "TRUE()",
    },
    {
      id: "staffing.overQuota",
      labelZh: "无学校超编",
      labelEn: "No school above its quota",
      pass: over.length === 0,
      ...(rows.length === 0
        ? { applicable: false, detailZh: "没有需核定编制的学校", detailEn: "no school to staff" }
        : overDetail(over.map((o) => o.excess))),
      ...(ratiosOff ?? {}),
      items: over.map(({ r, excess }) => ({
        labelZh: r.school.name,
        labelEn: r.school.code,
        pass: false,
        detailZh: `超编 ${excess} 人`,
        detailEn: `${excess} over the quota`,
      })),
      ...staffingPlaces(ctx, schools, over[0]?.r),
    },
  );

  // The remote rural teacher allowance.
  const startMonth = ctx.param("allowance.start_month");
  sb.note(
    `乡村教师生活补助 Remote rural teacher allowance (起始月份: ${ctx.pack.values["allowance.start_month"].source})`,
  );
  const monthsRow = sb.row;
  const monthsKv = sb.keyValues([
    { key: "start", label: "起始月份", cell: fx(startMonth.name, startMonth.value), style: "integer" },
    {
      key: "months",
      label: "本年发放月数",
      cell: fx(allowanceMonthsFormula(cellAddress(monthsRow, 1)), 13 - startMonth.value),
      style: "integer",
    },
  ]);
  const months = monthsKv.months?.absolute ?? "";
  // One row per tier, summed live over the 学校 tier column: a tier edited on 学校 moves its teachers.
  const tierRange = schools.sheetRange("remotenessTier");
  const tierValues = schools.values("remotenessTier").map(Number);
  const staffValues = schools.values("staff").map(Number);
  const ofTier = (tier: number, values: readonly number[]): number[] =>
    values.filter((_, i) => tierValues[i] === tier);
  const allowanceTable = sb.table<{ readonly tier: 1 | 2 | 3 }>({
    name: "tblAllowance",
    rows: [{ tier: 1 }, { tier: 2 }, { tier: 3 }],
    totals: { label: "合计", keys: ["schools", "staff", "amount"] },
    columns: [
      { key: "tier", header: "偏远等级", style: "integer", cell: ({ item }) => val(item.tier) },
      {
        key: "schools",
        header: "学校数",
        style: "integer",
        cell: ({ ref, item }) =>
          fx(`COUNTIF(${tierRange},${ref("tier")})`, ofTier(item.tier, tierValues).length),
      },
      {
        key: "staff",
        header: "教师数",
        style: "integer",
        cell: ({ ref, item }) =>
          fx(
            `SUMIFS(${schools.sheetRange("staff")},${tierRange},${ref("tier")})`,
            ofTier(item.tier, staffValues).reduce((x, y) => x + y, 0),
          ),
      },
      {
        key: "rate",
        header: "月标准(元/人)",
        style: "yuan",
        cell: ({ item }) => {
          const rate = ctx.param(TIER_RATES[item.tier - 1] ?? "allowance.rate.tier1");
          return fx(rate.name, rate.value);
        },
      },
      {
        key: "amount",
        header: "本年补助(元)",
        style: "yuan",
        cell: ({ ref, num }) =>
          fx(
            allowanceFormula(ref("staff"), ref("rate"), months),
            allowance(num("staff"), num("rate"), startMonth.value),
          ),
      },
    ],
  });
  const amount = allowanceTable.total("amount");
  const wanRow = sb.row;
  const wan = { ref: "", value: amount.value / 10000 };
  const kv = sb.keyValues([
    { key: "wan", label: "本年补助合计(万元)", cell: fx(`${amount.ref}/10000`, wan.value), style: "money" },
  ]);
  const allowanceWan = { ref: kv.wan?.ref ?? cellAddress(wanRow, 1), value: wan.value };
  ctx.budgetLines.push({
    category: "乡村教师生活补助",
    categoryEn: "Rural teacher allowance",
    amount: allowanceWan,
  });
  const header = table.headerRow + 1;
  return sb
    .freezeAt(header, 2)
    .printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
}

/** The schools above their quota: how many and by how many staff in all. */
export function overDetail(excess: readonly number[]): { detailZh: string; detailEn: string } {
  if (excess.length === 0) return { detailZh: "没有学校超编", detailEn: "no school above its quota" };
  const total = excess.reduce((a, b) => a + b, 0);
  return {
    detailZh: `${excess.length} 所学校超编, 共超 ${total} 人`,
    detailEn: `${excess.length} schools above their quota, ${total} staff over in all`,
  };
}

/** The quota against the staff: a shortfall, an excess or neither, never a negative shortfall. */
export function quotaDetail(quota: number, staff: number): { detailZh: string; detailEn: string } {
  const head = { zh: `编制 ${quota} 人, 实有 ${staff} 人`, en: `quota ${quota}, staff ${staff}` };
  if (staff < quota)
    return {
      detailZh: `${head.zh}, 差 ${quota - staff} 人`,
      detailEn: `${head.en}, short by ${quota - staff}`,
    };
  if (staff > quota)
    return {
      detailZh: `${head.zh}, 超编 ${staff - quota} 人`,
      detailEn: `${head.en}, ${staff - quota} over the quota`,
    };
  return { detailZh: `${head.zh}, 正好满编`, detailEn: `${head.en}, exactly the quota` };
}

/**
 * A school's staffing ratio on 参数 (that of the level with the most students, for its area; a special school or a
 * teaching point by its staff per class) and its row on 学校.
 */
function staffingPlaces(ctx: BuildContext, schools: TableResult, row: Row | undefined) {
  if (!row) return {};
  const { school, index } = row;
  const kind: ClassStaffed | "ordinary" =
    school.type === "特教学校" ? "special" : school.type === "教学点" ? "teachingPoint" : "ordinary";
  const students = (key: string) => Number(schools.values(key)[index]) || 0;
  const main = [...LEVELS].sort((a, b) => students(b.students) - students(a.students))[0];
  const key =
    kind !== "ordinary" ? CLASS_STAFF_KEY[kind] : main ? AREA_RATIO_KEYS[main.level][school.area] : undefined;
  return { ...thresholdSpec(ctx, key), ...schoolCause(schools, { index, code: school.code }) };
}
