/**
 * 均衡: the enrollment-weighted coefficient of variation (§4.3 C) of the 8 基本均衡 indicators, for 小学 and 初中
 * separately. 基本均衡 (教督〔2012〕3号): the composite CV (their mean) ≤ 0.65 / 0.55. 优质均衡 (教督〔2017〕6号): EACH
 * indicator's CV ≤ 0.50 / 0.45, over the schools without teaching points under 50 pupils (a second CV set where
 * the district has teaching points). Special-education and vocational schools count in neither.
 *
 * Per level: a table of the schools teaching it (indicator values as formulas over 学校, weight P = the school's
 * students at that level), a row of weighted means X̄, a table of P·(X−X̄)², then S = SQRT(ΣP(X−X̄)²/ΣP) and
 * CV = S/X̄ per indicator. The deviations are cells rather than array arithmetic inside SUMPRODUCT so that every
 * engine (and a reader checking the sums) computes them the same way.
 */
import { GRADES_BY_LEVEL, schoolStudents } from "../../district/grades";
import type { School } from "../../district/model";
import {
  balanceCheck,
  balanceCheckFormula,
  balanceCv,
  compositeCv,
  compositeCvFormula,
  cvFormula,
  weightedDeviationFormula,
  weightedMeanFormula,
  weightedSdFormula,
} from "../../domain/balance";
import type { PolicyKey } from "../../policy/types";
import { cellAddress, columnIndex, sheetRef } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, val, type TableResult } from "../kit";
import { notInForceSpec } from "../verdict";
import type { SheetDefinition, SheetResult } from "../registry";
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

/** What 均衡 hands on: each level's 基本均衡 CV of each indicator (none for a level without students). */
export interface BalanceOutput {
  readonly cv: Readonly<Record<BalanceLevel, Partial<Record<Resource, CellExport>>>>;
}

export const balanceSheet: SheetDefinition<"balance", BalanceOutput> = {
  key: "balance",
  nameZh: "均衡",
  nameEn: "Balance",
  titleZh: "义务教育均衡发展: 校际差异系数",
  titleEn: "Balanced education",
  tabColor: "70AD47",
  needs: ["parameters", "schools"],
  build: buildBalanceSheet,
};

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

/** 优质均衡 (教督〔2017〕6号) leaves out teaching points with fewer pupils than the pack says (50, §4.3 B). */
function excludedFromQuality(school: School, minPupils: number): boolean {
  return school.type === "教学点" && schoolStudents(school) < minPupils;
}

interface CvSet {
  /** The row of 8 CV cells (local range). */
  readonly cvRange: string;
  readonly cvRow: number;
  readonly pCol: number;
  /** CV per indicator; null where the weighted mean is 0 (the cell shows ""). */
  readonly cvs: readonly (number | null)[];
}

/**
 * One set of weighted CVs: a table of indicator values with the weight P, the weighted means, the deviations
 * P·(X−X̄)², S and CV. `weight` gives each row's P as a formula and its value (0 leaves a school out).
 */
function cvSet(
  sb: SheetBuilder,
  schools: TableResult,
  level: BalanceLevel,
  rows: readonly LevelRow[],
  tag: string,
  weight: (row: LevelRow) => { formula: string; value: number },
): CvSet {
  const levelZh = LEVEL_ZH[level];
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
        cell: (c) => {
          const w = weight(c.item);
          return fx(w.formula, w.value);
        },
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
  const weights = rows.map((r) => weight(r).value);
  const total = sum(weights);
  const xs = BALANCE_INDICATORS.map((ind) => rows.map((r) => indicatorValue(r.school, ind)));
  const means = xs.map((x) =>
    total === 0 ? 0 : x.reduce((s, xi, i) => s + (weights[i] ?? 0) * xi, 0) / total,
  );
  const pCol = columnIndex(values.column("students"));
  const meanCells: PlanCell[] = [
    val("加权平均 X̄"),
    null,
    fx(`SUM(${pRange})`, total),
    ...BALANCE_INDICATORS.map((_, k) =>
      fx(`IF(SUM(${pRange})=0,0,${weightedMeanFormula(values.range(`x${k}`), pRange)})`, means[k] ?? 0),
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
        cell: (c) => fx(values.cell("students", c.index), weights[c.index] ?? 0),
      },
      ...BALANCE_INDICATORS.map((ind, k) => ({
        key: `d${k}`,
        header: `P·(X−X̄)²: ${ind.zh}`,
        style: "decimal" as const,
        cell: (c: { item: LevelRow; index: number; ref(key: string): string }) => {
          const x = xs[k]?.[c.index] ?? 0;
          const mean = means[k] ?? 0;
          return fx(
            weightedDeviationFormula(values.cell(`x${k}`, c.index), c.ref("students"), meanRef(k)),
            (weights[c.index] ?? 0) * (x - mean) ** 2,
          );
        },
      })),
    ],
  });
  const sRow = deviations.lastRow + 1;
  const cvRow = sRow + 1;
  const sds = BALANCE_INDICATORS.map((_, k) =>
    total === 0
      ? 0
      : Math.sqrt(
          rows.reduce((s, _r, i) => s + (weights[i] ?? 0) * ((xs[k]?.[i] ?? 0) - (means[k] ?? 0)) ** 2, 0) /
            total,
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
      fx(`IF(SUM(${pRange})=0,0,${weightedSdFormula(deviations.range(`d${k}`), pRange)})`, sds[k] ?? 0),
    ),
  ];
  const cvCells: PlanCell[] = [
    val("差异系数 CV"),
    null,
    null,
    ...BALANCE_INDICATORS.map((_, k) => {
      const mean = cellAddress(meanRow, pCol + 1 + k);
      const f = `IF(${mean}=0,"",${cvFormula(cellAddress(sRow, pCol + 1 + k), mean)})`;
      return fx(f, cvs[k] ?? "");
    }),
  ];
  sb.put(sRow, 0, [sCells, cvCells]);
  sb.format(`${cellAddress(sRow, 0)}:${cellAddress(cvRow, 0)}`, "label");
  sb.format(`${cellAddress(sRow, pCol + 1)}:${cellAddress(sRow, pCol + 8)}`, "decimal");
  sb.format(`${cellAddress(cvRow, pCol + 1)}:${cellAddress(cvRow, pCol + 8)}`, "coefficient");
  sb.row = cvRow + 2;
  return { cvRange: `${cellAddress(cvRow, pCol + 1)}:${cellAddress(cvRow, pCol + 8)}`, cvRow, pCol, cvs };
}

function buildLevel(
  ctx: BuildContext,
  sb: SheetBuilder,
  schools: TableResult,
  level: BalanceLevel,
  cvs: Partial<Record<Resource, CellExport>>,
): void {
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
  const levelCell = (r: LevelRow) => schools.cell(`${level}Students`, r.index, true);
  const basicSet = cvSet(sb, schools, level, rows, tag, (r) => ({
    formula: levelCell(r),
    value: r.students,
  }));
  BALANCE_INDICATORS.forEach((ind, k) => {
    const cv = basicSet.cvs[k];
    if (cv !== null && cv !== undefined)
      cvs[ind.resource] = {
        ref: sheetRef(sb.name, cellAddress(basicSet.cvRow, basicSet.pCol + 1 + k, true)),
        value: cv,
      };
  });
  // 优质均衡's scope leaves out small teaching points: a second set whose weight is 0 for them (live: editing a
  // teaching point's pupils on 学校 moves it in or out). Without teaching points the scope is the same.
  const hasTeachingPoints = rows.some((r) => r.school.type === "教学点");
  const minPupils = ctx.param("balance.quality.min_teaching_point");
  let qualitySet = basicSet;
  if (hasTeachingPoints) {
    sb.note(
      `${levelZh} 优质均衡口径: 不足${minPupils.value}人的教学点不计入 (权重 P 为 0); 特教学校、职业学校两种口径均不计入。`,
    );
    qualitySet = cvSet(sb, schools, level, rows, `${tag}Quality`, (r) => ({
      formula:
        `IF(AND(${schools.cell("type", r.index, true)}="教学点",` +
        `${schools.cell("students", r.index, true)}<${minPupils.name}),0,${levelCell(r)})`,
      value: excludedFromQuality(r.school, minPupils.value) ? 0 : r.students,
    }));
  } else sb.note(`${levelZh} 优质均衡口径与基本均衡相同 (没有教学点; 特教学校、职业学校不计入)。`);

  const present = basicSet.cvs.filter((cv): cv is number => cv !== null);
  const composite = present.length === 0 ? null : compositeCv(present);
  const qualityCvs = qualitySet.cvs.filter((cv): cv is number => cv !== null);
  const basic = ctx.param(`balance.basic.${level}` as PolicyKey);
  const quality = ctx.param(`balance.quality.${level}` as PolicyKey);
  // A standard not in force in the year (基本均衡 2012, 优质均衡 2017) is shown but its check does not apply.
  const year = ctx.district.budgetYear;
  const basicOff = notInForceSpec(ctx.pack, [`balance.basic.${level}` as PolicyKey], year);
  const qualityOff = notInForceSpec(ctx.pack, [`balance.quality.${level}` as PolicyKey], year);
  const basicPass = composite !== null && balanceCheck(composite, basic.value);
  const qualityPass = qualityCvs.length > 0 && qualityCvs.every((cv) => balanceCheck(cv, quality.value));
  const maxQuality = qualityCvs.length === 0 ? null : Math.max(...qualityCvs);
  const compositeLocal = cellAddress(sb.row, 1);
  const maxLocal = cellAddress(sb.row + 3, 1);
  const { cvRange } = basicSet;
  const qRange = qualitySet.cvRange;
  const kv = sb.keyValues([
    {
      key: "composite",
      label: `${levelZh}综合差异系数`,
      cell: fx(`IF(COUNT(${cvRange})=0,"",${compositeCvFormula(cvRange)})`, composite ?? ""),
      style: "coefficient",
    },
    { key: "basicLimit", label: "基本均衡上限", cell: fx(basic.name, basic.value), style: "coefficient" },
    {
      key: "basic",
      label: "达到基本均衡 (综合差异系数)",
      cell: sb.verdictCell(
        `IF(COUNT(${cvRange})=0,FALSE(),${balanceCheckFormula(compositeLocal, basic.name)})`,
        { pass: basicPass, ...(basicOff ?? {}) },
      ),
      style: "verdict",
    },
    {
      key: "maxQuality",
      label: "优质口径最大单项差异系数",
      cell: fx(`IF(COUNT(${qRange})=0,"",MAX(${qRange}))`, maxQuality ?? ""),
      style: "coefficient",
    },
    {
      key: "qualityLimit",
      label: "优质均衡上限 (每项)",
      cell: fx(quality.name, quality.value),
      style: "coefficient",
    },
    {
      key: "quality",
      label: "达到优质均衡 (每项均不超过上限)",
      cell: sb.verdictCell(`IF(COUNT(${qRange})=0,FALSE(),${balanceCheckFormula(maxLocal, quality.name)})`, {
        pass: qualityPass,
        ...(qualityOff ?? {}),
      }),
      style: "verdict",
    },
  ]);
  const shownComposite = composite === null ? "—" : fmt(composite);
  const over = BALANCE_INDICATORS.filter((_, k) => {
    const cv = qualitySet.cvs[k];
    return cv !== null && cv !== undefined && cv > quality.value;
  });
  const excluded = rows.filter(
    (r) => hasTeachingPoints && excludedFromQuality(r.school, minPupils.value),
  ).length;
  const checks = [
    {
      standard: "basic",
      pass: basicPass,
      zh: `${levelZh}基本均衡综合差异系数`,
      en: `${LEVEL_EN[level]} basic balance composite CV`,
      detailZh: `综合差异系数 ${shownComposite} ${basicPass ? "≤" : ">"} ${fmt(basic.value, 2)}`,
      detailEn: `composite CV ${shownComposite} ${basicPass ? "≤" : ">"} ${fmt(basic.value, 2)}`,
      off: basicOff,
    },
    {
      standard: "quality",
      pass: qualityPass,
      zh: `${levelZh}优质均衡各项差异系数`,
      en: `${LEVEL_EN[level]} quality balance CV of each indicator`,
      detailZh:
        (qualityPass
          ? `每项差异系数 ≤ ${fmt(quality.value, 2)} (最大 ${maxQuality === null ? "—" : fmt(maxQuality)})`
          : qualityCvs.length === 0
            ? "无可计算的差异系数"
            : `超过 ${fmt(quality.value, 2)}: ${over.map((i) => i.zh).join("、")}`) +
        (excluded > 0 ? `; 不计 ${excluded} 个不足${minPupils.value}人的教学点` : ""),
      detailEn:
        (qualityPass
          ? `every CV ≤ ${fmt(quality.value, 2)} (max ${maxQuality === null ? "—" : fmt(maxQuality)})`
          : qualityCvs.length === 0
            ? "no CV can be computed"
            : `over ${fmt(quality.value, 2)}: ${over.map((i) => i.en).join(", ")}`) +
        (excluded > 0 ? `; ${excluded} teaching points under ${minPupils.value} pupils left out` : ""),
      off: qualityOff,
    },
  ] as const;
  for (const check of checks) {
    const cell = kv[check.standard];
    if (!cell) continue;
    sb.check(ctx, cell.local, {
      id: `balance.${check.standard}.${level}`,
      labelZh: check.zh,
      labelEn: check.en,
      pass: check.pass,
      detailZh: check.detailZh,
      detailEn: check.detailEn,
      ...(check.off ?? {}),
    });
  }
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

export function buildBalanceSheet(ctx: BuildContext): SheetResult<BalanceOutput> {
  const schools = ctx.output("schools").table;
  const cv: BalanceOutput["cv"] = { primary: {}, junior: {} };
  const sb = new SheetBuilder(balanceSheet, ctx);
  sb.title(
    "义务教育均衡发展: 校际差异系数",
    "差异系数按在校生数加权 (教督〔2012〕3号; §4.3 C): X̄ = ΣPX/ΣP, S = √(ΣP(X−X̄)²/ΣP), CV = S/X̄",
  );
  buildLevel(ctx, sb, schools, "primary", cv.primary);
  buildLevel(ctx, sb, schools, "junior", cv.junior);
  sb.freezeAt(2, 2);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return { plan: sb.build(), output: { cv } };
}
