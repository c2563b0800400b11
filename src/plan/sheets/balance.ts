/**
 * 均衡: the enrollment-weighted coefficient of variation (§4.3 C) of the 8 基本均衡 indicators, for 小学 and 初中
 * separately, the composite CV (their mean) and the 基本 / 优质 verdicts (BALANCE_CHECK on the composite).
 *
 * Per level: a table of the schools teaching it (indicator values as formulas over 学校, weight P = the school's
 * students at that level), a row of weighted means X̄, a table of P·(X−X̄)², then S = SQRT(ΣP(X−X̄)²/ΣP) and
 * CV = S/X̄ per indicator. The deviations are cells rather than array arithmetic inside SUMPRODUCT so that every
 * engine (and a reader checking the sums) computes them the same way.
 */
import { GRADES_BY_LEVEL, schoolStudents } from "../../district/grades";
import type { School } from "../../district/model";
import { balanceCheck, balanceCv, compositeCv } from "../../domain/balance";
import type { PolicyKey } from "../../policy/types";
import { cellAddress, columnIndex, sheetRef } from "../address";
import type { BuildContext, SheetBuilderFn } from "../context";
import { SHEET_NAMES } from "../context";
import { fx, SheetBuilder, val, type TableResult } from "../kit";
import type { PlanCell } from "../types";

type BalanceLevel = "primary" | "junior";
type Resource =
  | "teachingArea"
  | "sportsArea"
  | "equipmentValue"
  | "computers"
  | "books"
  | "staff"
  | "staffAboveQualification"
  | "staffMidTitle";

interface Indicator {
  readonly resource: Resource;
  readonly zh: string;
  readonly en: string;
  /** 1: per student; 100: per hundred students. CV is scale-free, so this only changes what is displayed. */
  readonly per: 1 | 100;
}

/** The 8 indicators of 教督〔2012〕3号. 师生比 is shown as 教职工 per 100 students (its CV equals that of staff/P). */
export const BALANCE_INDICATORS: readonly Indicator[] = [
  {
    resource: "teachingArea",
    zh: "生均教学及辅助用房面积(㎡)",
    en: "teaching floor area per student",
    per: 1,
  },
  { resource: "sportsArea", zh: "生均体育运动场馆面积(㎡)", en: "sports area per student", per: 1 },
  { resource: "equipmentValue", zh: "生均教学仪器设备值(元)", en: "equipment value per student", per: 1 },
  { resource: "computers", zh: "每百名学生计算机台数", en: "computers per 100 students", per: 100 },
  { resource: "books", zh: "生均图书册数", en: "books per student", per: 1 },
  { resource: "staff", zh: "师生比(每百名学生教职工数)", en: "staff per 100 students", per: 100 },
  {
    resource: "staffAboveQualification",
    zh: "生均高于规定学历教师数",
    en: "above-qualification teachers per student",
    per: 1,
  },
  { resource: "staffMidTitle", zh: "生均中级及以上职称教师数", en: "mid-title teachers per student", per: 1 },
];

const LEVEL_ZH: Record<BalanceLevel, string> = { primary: "小学", junior: "初中" };
const LEVEL_EN: Record<BalanceLevel, string> = { primary: "primary", junior: "junior" };
/** Special-education and vocational schools are outside the county balance assessment (§4.3 B). */
const EXCLUDED_TYPES: readonly School["type"][] = ["特教学校", "职业学校", "幼儿园", "高中"];

/** The value of one indicator for one school: resource per student of the whole school (×100 where per hundred). */
export function indicatorValue(school: School, indicator: Indicator): number {
  const total = schoolStudents(school);
  return total === 0 ? 0 : (indicator.per * school[indicator.resource]) / total;
}

function fmt(x: number, digits = 3): string {
  return x.toFixed(digits);
}

interface LevelRow {
  readonly school: School;
  readonly index: number;
  readonly students: number;
}

function buildLevel(ctx: BuildContext, sb: SheetBuilder, schools: TableResult, level: BalanceLevel): void {
  const grades = GRADES_BY_LEVEL[level];
  const rows: LevelRow[] = ctx.district.schools
    .map((school, index) => ({ school, index, students: schoolStudents(school, grades) }))
    .filter((r) => r.students > 0 && !EXCLUDED_TYPES.includes(r.school.type));
  const levelZh = LEVEL_ZH[level];
  sb.note(`${levelZh}: 在校生数为权重 P; 混合学段学校的指标取全校生均值, 权重取本学段学生数。`);
  if (rows.length === 0) {
    sb.note(`${levelZh}: 没有${levelZh}学生, 不计算差异系数。`);
    sb.skip();
    return;
  }
  const tag = level === "primary" ? "Primary" : "Junior";
  const values = sb.table<LevelRow>({
    name: `tblBalance${tag}`,
    rows,
    columns: [
      { key: "code", header: "代码", width: 10, style: "text", cell: (c) => val(c.item.school.code) },
      {
        key: "name",
        header: `${levelZh}学校`,
        width: 22,
        style: "text",
        cell: (c) => val(c.item.school.name),
      },
      {
        key: "students",
        header: "学生数 P",
        width: 10,
        style: "integer",
        cell: (c) => fx(schools.cell(`${level}Students`, c.item.index, true), c.item.students),
      },
      ...BALANCE_INDICATORS.map((ind, k) => ({
        key: `x${k}`,
        header: ind.zh,
        width: 14,
        style:
          ind.per === 1 && ind.resource.startsWith("staff") ? ("coefficient" as const) : ("decimal" as const),
        cell: (c: { item: LevelRow }) => {
          const total = schools.cell("students", c.item.index, true);
          const resource = schools.cell(ind.resource, c.item.index, true);
          const scale = ind.per === 100 ? "100*" : "";
          return fx(`IF(${total}=0,0,${scale}${resource}/${total})`, indicatorValue(c.item.school, ind));
        },
      })),
    ],
  });
  const pRange = values.range("students");
  const meanRow = values.lastRow + 1;
  const weights = rows.map((r) => r.students);
  const xs = BALANCE_INDICATORS.map((ind) => rows.map((r) => indicatorValue(r.school, ind)));
  const means = xs.map((x) => x.reduce((s, xi, i) => s + (weights[i] ?? 0) * xi, 0) / sum(weights));
  const pCol = columnIndex(values.column("students"));
  const meanCells: PlanCell[] = [
    val("加权平均 X̄"),
    null,
    fx(`SUM(${pRange})`, sum(weights)),
    ...BALANCE_INDICATORS.map((_, k) =>
      fx(
        `IF(SUM(${pRange})=0,0,SUMPRODUCT(${pRange},${values.range(`x${k}`)})/SUM(${pRange}))`,
        means[k] ?? 0,
      ),
    ),
  ];
  sb.put(meanRow, 0, [meanCells]);
  sb.format(`${cellAddress(meanRow, 0)}:${cellAddress(meanRow, pCol + 8)}`, "label");
  sb.format(`${cellAddress(meanRow, pCol + 1)}:${cellAddress(meanRow, pCol + 8)}`, "decimal");
  sb.row = meanRow + 2;

  const meanRef = (k: number) => cellAddress(meanRow, pCol + 1 + k, true);
  const deviations = sb.table<LevelRow>({
    name: `tblBalance${tag}Dev`,
    rows,
    columns: [
      { key: "code", header: "代码", style: "text", cell: (c) => val(c.item.school.code) },
      { key: "name", header: "学校", style: "text", cell: (c) => val(c.item.school.name) },
      {
        key: "students",
        header: "学生数 P",
        style: "integer",
        cell: (c) => fx(values.cell("students", c.index), c.item.students),
      },
      ...BALANCE_INDICATORS.map((ind, k) => ({
        key: `d${k}`,
        header: `P·(X−X̄)²: ${ind.zh}`,
        style: "decimal" as const,
        cell: (c: { item: LevelRow; index: number; ref(key: string): string }) => {
          const x = xs[k]?.[c.index] ?? 0;
          const mean = means[k] ?? 0;
          return fx(
            `${c.ref("students")}*(${values.cell(`x${k}`, c.index)}-${meanRef(k)})^2`,
            c.item.students * (x - mean) ** 2,
          );
        },
      })),
    ],
  });
  const sRow = deviations.lastRow + 1;
  const cvRow = sRow + 1;
  const sds = BALANCE_INDICATORS.map((_, k) =>
    Math.sqrt(
      rows.reduce((s, r, i) => s + r.students * ((xs[k]?.[i] ?? 0) - (means[k] ?? 0)) ** 2, 0) / sum(weights),
    ),
  );
  // The CV itself comes from the domain rule (one rule, one home); S is shown as its working.
  const cvs = BALANCE_INDICATORS.map((_, k) =>
    (means[k] ?? 0) === 0 ? null : balanceCv(xs[k] ?? [], weights),
  );
  const sCells: PlanCell[] = [
    val("标准差 S"),
    null,
    null,
    ...BALANCE_INDICATORS.map((_, k) =>
      fx(`IF(SUM(${pRange})=0,0,SQRT(SUM(${deviations.range(`d${k}`)})/SUM(${pRange})))`, sds[k] ?? 0),
    ),
  ];
  const cvCells: PlanCell[] = [
    val("差异系数 CV"),
    null,
    null,
    ...BALANCE_INDICATORS.map((_, k) => {
      const f = `IF(${cellAddress(meanRow, pCol + 1 + k)}=0,"",${cellAddress(sRow, pCol + 1 + k)}/${cellAddress(meanRow, pCol + 1 + k)})`;
      return fx(f, cvs[k] ?? "");
    }),
  ];
  sb.put(sRow, 0, [sCells, cvCells]);
  BALANCE_INDICATORS.forEach((ind, k) => {
    const cv = cvs[k];
    if (cv !== null && cv !== undefined)
      ctx.exports.set(`balance.cv.${level}.${ind.resource}`, {
        ref: sheetRef(sb.name, cellAddress(cvRow, pCol + 1 + k, true)),
        value: cv,
      });
  });
  sb.format(`${cellAddress(sRow, 0)}:${cellAddress(cvRow, 0)}`, "label");
  sb.format(`${cellAddress(sRow, pCol + 1)}:${cellAddress(sRow, pCol + 8)}`, "decimal");
  sb.format(`${cellAddress(cvRow, pCol + 1)}:${cellAddress(cvRow, pCol + 8)}`, "coefficient");
  sb.row = cvRow + 2;

  const cvRange = `${cellAddress(cvRow, pCol + 1)}:${cellAddress(cvRow, pCol + 8)}`;
  const present = cvs.filter((cv): cv is number => cv !== null);
  const composite = present.length === 0 ? null : compositeCv(present);
  const verdict = (standard: "basic" | "quality") => {
    const param = ctx.param(`balance.${standard}.${level}` as PolicyKey);
    const pass = composite !== null && balanceCheck(composite, param.value);
    return { param, pass };
  };
  const basic = verdict("basic");
  const quality = verdict("quality");
  const compositeLocal = cellAddress(sb.row, 1);
  const kv = sb.keyValues([
    {
      key: "composite",
      label: `${levelZh}综合差异系数`,
      cell: fx(`IF(COUNT(${cvRange})=0,"",AVERAGE(${cvRange}))`, composite ?? ""),
      style: "coefficient",
    },
    {
      key: "basicLimit",
      label: "基本均衡上限",
      cell: fx(basic.param.name, basic.param.value),
      style: "coefficient",
    },
    {
      key: "basic",
      label: "达到基本均衡",
      cell: fx(`IF(COUNT(${cvRange})=0,FALSE(),${compositeLocal}<=${basic.param.name})`, basic.pass),
      style: "verdict",
    },
    {
      key: "qualityLimit",
      label: "优质均衡上限",
      cell: fx(quality.param.name, quality.param.value),
      style: "coefficient",
    },
    {
      key: "quality",
      label: "达到优质均衡",
      cell: fx(`IF(COUNT(${cvRange})=0,FALSE(),${compositeLocal}<=${quality.param.name})`, quality.pass),
      style: "verdict",
    },
  ]);
  for (const [standard, v, zh, en] of [
    ["basic", basic, "基本", "basic"],
    ["quality", quality, "优质", "quality"],
  ] as const) {
    const cell = kv[standard];
    if (!cell) continue;
    sb.passFail(cell.local, cell.local);
    const shown = composite === null ? "—" : fmt(composite);
    ctx.checks.push({
      id: `balance.${standard}.${level}`,
      labelZh: `${levelZh}${zh}均衡综合差异系数`,
      labelEn: `${LEVEL_EN[level]} ${en} balance composite CV`,
      sheet: "balance",
      cell: cell.local,
      pass: v.pass,
      detailZh: `综合差异系数 ${shown} ${v.pass ? "≤" : ">"} ${fmt(v.param.value, 2)}`,
      detailEn: `composite CV ${shown} ${v.pass ? "≤" : ">"} ${fmt(v.param.value, 2)}`,
    });
  }
  const composite_ = kv.composite;
  if (composite_ && composite !== null)
    ctx.exports.set(`balance.composite.${level}`, { ref: composite_.ref, value: composite });
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

export const buildBalanceSheet: SheetBuilderFn = (ctx) => {
  const schools = ctx.schools;
  if (!schools) throw new Error("均衡 needs the 学校 table: build 学校 first");
  const sb = new SheetBuilder(SHEET_NAMES.balance, "balance", "70AD47");
  sb.title(
    "义务教育均衡发展: 校际差异系数",
    "差异系数按在校生数加权 (教督〔2012〕3号; §4.3 C): X̄ = ΣPX/ΣP, S = √(ΣP(X−X̄)²/ΣP), CV = S/X̄",
  );
  buildLevel(ctx, sb, schools, "primary");
  buildLevel(ctx, sb, schools, "junior");
  sb.freezeAt(2, 2);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return sb.build();
};
