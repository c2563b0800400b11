/**
 * 教职工: staffing quota per school and level (STAFF_QUOTA = students / ratio, shown also rounded up: rounding is a
 * provincial choice), actual staff and the shortfall; the remote rural teacher allowance (ALLOWANCE: teachers ×
 * monthly rate of the school's tier × months paid in year T, from the pack's start month: September = 4 months).
 */
import { allowance, allowanceFormula, allowanceMonthsFormula } from "../../domain/allowance";
import { staffQuota, staffQuotaFormula, staffRatio } from "../../domain/staffing";
import type { School } from "../../district/model";
import type { PolicyKey } from "../../policy/types";
import { cellAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, type ColumnSpec } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";

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

const TIER_RATES: readonly PolicyKey[] = [
  "allowance.rate.tier1",
  "allowance.rate.tier2",
  "allowance.rate.tier3",
];

export function buildStaffing(ctx: BuildContext): SheetPlan<SheetKey> {
  const { district, pack } = ctx;
  const schools = ctx.output("schools").table;
  const p = (key: PolicyKey) => ctx.param(key).name;
  const sb = new SheetBuilder(staffingSheet);
  sb.title(
    "教职工编制与乡村教师生活补助 Staffing and rural teacher allowance",
    "中央编办发〔2014〕72号 城乡统一编制标准 (生师比见 参数); 编制数按学段学生数 ÷ 生师比, 取整方式由省确定",
  );
  const link =
    (key: string) =>
    (r: { item: Row }): PlanCell =>
      fx(schools.cell(key, r.item.index, true), schools.values(key)[r.item.index] ?? "");
  const studentsOf = (index: number, key: string): number => Number(schools.values(key)[index]);
  const rows: Row[] = district.schools.flatMap((school, index) =>
    LEVELS.some((l) => studentsOf(index, l.students) > 0) ? [{ school, index }] : [],
  );
  const quotaColumns = LEVELS.map((l): ColumnSpec<Row> => ({
    key: `quota_${l.level}`,
    header: `${l.header}编制`,
    style: "decimal",
    cell: ({ ref, num }) =>
      fx(
        staffQuotaFormula(ref(l.level), p(`staff_ratio.${l.level}`)),
        staffQuota(num(l.level), staffRatio(pack, l.level)),
      ),
  }));
  const table = sb.table<Row>({
    name: "tblStaffing",
    rows,
    totals: {
      label: "合计",
      keys: [
        "primary",
        "junior",
        "senior",
        "quota_primary",
        "quota_junior",
        "quota_senior",
        "quota",
        "rounded",
        "staff",
        "shortfall",
      ],
    },
    columns: [
      { key: "code", header: "学校代码", width: 10, cell: link("code") },
      { key: "name", header: "学校名称", width: 24, cell: link("name") },
      ...LEVELS.map((l): ColumnSpec<Row> => ({
        key: l.level,
        header: `${l.header}生`,
        style: "integer",
        cell: link(l.students),
      })),
      ...quotaColumns,
      {
        key: "quota",
        header: "编制数 STAFF_QUOTA",
        style: "decimal",
        cell: ({ ref, num }) =>
          fx(
            `${ref("quota_primary")}+${ref("quota_junior")}+${ref("quota_senior")}`,
            num("quota_primary") + num("quota_junior") + num("quota_senior"),
          ),
      },
      {
        key: "rounded",
        header: "编制数(向上取整)",
        style: "integer",
        cell: ({ ref, num }) => fx(`ROUNDUP(${ref("quota")},0)`, Math.ceil(num("quota"))),
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
  if (rows.length > 0) sb.conditional(table.range("shortfall"), `${table.cell("shortfall", 0)}>0`, "warn");

  // Quota by level, rounded up per level.
  sb.keyValues(
    LEVELS.map((l) => {
      const t = table.total(`quota_${l.level}`);
      return {
        key: l.level,
        label: `${l.header}编制(向上取整)`,
        cell: fx(`ROUNDUP(${t.ref},0)`, Math.ceil(t.value)),
        style: "integer" as const,
      };
    }),
  );
  const staffTotal = table.total("staff");
  const roundedTotal = table.total("rounded");
  sb.checkRow(
    ctx,
    { label: "教职工不少于编制 Staff ≥ quota", formula: `${staffTotal.ref}>=${roundedTotal.ref}` },
    {
      id: "staffing.quota",
      labelZh: "教职工不少于编制",
      labelEn: "Staff at least the quota",
      pass: staffTotal.value >= roundedTotal.value,
      ...quotaDetail(roundedTotal.value, staffTotal.value),
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
  const tiered = district.schools.flatMap((school, index) =>
    school.remotenessTier > 0 ? [{ school, index }] : [],
  );
  const rate = (tier: number): number =>
    tier >= 1 && tier <= 3 ? ctx.param(TIER_RATES[tier - 1] ?? "allowance.rate.tier1").value : 0;
  const allowanceTable = sb.table<Row>({
    name: "tblAllowance",
    rows: tiered,
    totals: { label: "合计", keys: ["staff", "amount"] },
    columns: [
      { key: "code", header: "学校代码", width: 10, cell: link("code") },
      { key: "name", header: "学校名称", width: 24, cell: link("name") },
      { key: "tier", header: "偏远等级", style: "integer", cell: link("remotenessTier") },
      { key: "staff", header: "教师数", style: "integer", cell: link("staff") },
      {
        key: "rate",
        header: "月标准(元/人)",
        style: "yuan",
        cell: ({ ref, num }) =>
          fx(
            `IF(${ref("tier")}=1,${p("allowance.rate.tier1")},IF(${ref("tier")}=2,${p("allowance.rate.tier2")},IF(${ref("tier")}=3,${p("allowance.rate.tier3")},0)))`,
            rate(num("tier")),
          ),
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
