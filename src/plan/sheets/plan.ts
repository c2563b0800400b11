/**
 * 规划 (中期财政规划, budget reference §5 and §8): enrollment per school, grade and year T … L by grade progression
 * (年级升级比例法) with the first grade's intake from births × the school's entry rate (or entered); the classes
 * each site needs against its classrooms in every year, with the mergers moving students in their year; staffing
 * quota, public funds and revenue per year; and the 三年滚动 table (部门项目支出中期规划) with the totals of 基本支出
 * and 项目支出 for T, T+1, T+2. Every figure is a live formula over the history, the births, 学校 and 参数.
 */
import { GRADE_LABELS } from "../../district/grades";
import { GRADE_KEYS, type GradeKey, type Project } from "../../district/model";
import { classesNeededFormula, mergePassFormula, spareClassroomsFormula } from "../../domain/classes";
import { entryRateFormula, progressionRatioFormula, projectionStepFormula } from "../../domain/projection";
import { parseRegion, publicFundsNorm, publicFundsNormFormula } from "../../domain/publicFunds";
import { staffQuota, staffQuotaFormula, staffRatio } from "../../domain/staffing";
import { cellAddress, rangeAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, val, type ColumnSpec, type TableResult } from "../kit";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";
import {
  classSizeKey,
  computeTerm,
  projectAmountFormula,
  projectAmountInYear,
  type SchoolTerm,
  type Site,
  type SiteYear,
  type TermPlan,
  TermInputError,
} from "../term";
import { REVENUE_GROWTH_NAME } from "./parameters";

export const planSheet: SheetDefinition<"plan", undefined> = {
  key: "plan",
  nameZh: "规划",
  nameEn: "Term plan",
  titleZh: "中期规划: 在校生预测、校舍容量与三年滚动",
  titleEn: "Term plan: enrollment projection, capacity and the three-year rolling plan",
  tabColor: "7030A0",
  needs: ["parameters", "schools"],
  reads: ["debt"],
  build: handsNothing(buildPlanSheet),
};

/** Columns of the enrollment table before the grades. */
const LEAD = ["code", "name", "year", "kind"] as const;
const LEVEL_SUMS = [
  { key: "kg", header: "幼儿", from: "k1", to: "k3" },
  { key: "primary", header: "小学生", from: "g1", to: "g6" },
  { key: "junior", header: "初中生", from: "g7", to: "g9" },
  { key: "senior", header: "高中生", from: "g10", to: "g12" },
] as const;

interface EnrollmentRow {
  readonly term: SchoolTerm;
  /** Index into past (history then T) for a past row, or the plan year's index (T = 0) for a plan row. */
  readonly past?: number;
  readonly plan?: number;
  readonly year: number;
}

export function buildPlanSheet(ctx: BuildContext): SheetPlan<SheetKey> {
  const sb = new SheetBuilder(planSheet, ctx);
  sb.title(
    "中期规划: 在校生预测、校舍容量与三年滚动",
    "E(g+1, t+1) = E(g, t) × 升级比例 r(g); 起始年级 = 出生人口(t − 入学年龄) × 入学率, 或按录入; 人数四舍五入到整数",
  );
  let term: TermPlan | undefined;
  try {
    term = computeTerm(ctx.district, (key) => ctx.param(key).value);
  } catch (error) {
    if (!(error instanceof TermInputError)) throw error;
    sb.note(`规划数据不完整, 本表不作预测: ${error.message}`);
    return sb.build();
  }
  if (!term) {
    sb.note("本区未录入往年在校生与出生人口 (规划数据为空), 本表不作预测; 工作簿只含预算年度。");
    return sb.build();
  }
  const T = ctx.district.budgetYear;
  const last = term.years[term.years.length - 1] ?? T;
  sb.keyValues([
    { key: "year", label: "预算年度 T", cell: fx("D_budget_year", T), style: "integer" },
    { key: "last", label: "规划末年", cell: val(last), style: "integer" },
    {
      key: "growth",
      label: "财政经常性收入年增长率(假设, 见 参数)",
      cell: fx(REVENUE_GROWTH_NAME, ctx.district.term?.revenueGrowth ?? 0),
      style: "rate",
    },
  ]);
  const births = birthsTable(sb, term);
  const enrollment = enrollmentTable(ctx, sb, term, births);
  const capacity = capacityTable(ctx, sb, term, enrollment);
  const years = yearsTable(ctx, sb, term, enrollment.table, capacity);
  rollingTables(ctx, sb, years);
  sb.freezeAt(3);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return sb.build();
}

interface BirthsResult {
  /** Absolute address of a year's births on this sheet. */
  cell(year: number): string;
  /** Absolute range of the births of the years from … to. */
  range(from: number, to: number): string;
}

function birthsTable(sb: SheetBuilder, term: TermPlan): BirthsResult {
  sb.note("出生人口 (全区, 按出生年份); 空白年份表示未录入");
  const known = [...term.births.keys()].sort((a, b) => a - b);
  const first = known[0] ?? 0;
  const lastYear = known[known.length - 1] ?? -1;
  const rows = Array.from({ length: Math.max(0, lastYear - first + 1) }, (_, k) => first + k);
  const table = sb.table({
    name: "tblPlanBirths",
    rows,
    columns: [
      { key: "year", header: "出生年份", width: 10, cell: ({ item }) => val(item) },
      {
        key: "births",
        header: "出生人口",
        width: 12,
        style: "integer",
        cell: ({ item }) => {
          const b = term.births.get(item);
          return b === undefined ? null : val(b);
        },
      },
    ],
  });
  const at = (year: number) => {
    const i = year - first;
    if (i < 0 || i >= rows.length) throw new Error(`规划: no births for ${year}`);
    return table.absoluteCell("births", i);
  };
  return { cell: at, range: (from, to) => `${at(from)}:${at(to)}` };
}

interface EnrollmentResult {
  readonly table: TableResult;
  /** The table row index of a school's plan year (T = 0). */
  planRow(school: number, y: number): number;
}

/** Column of a grade's ratio in the rates table (0-based from the table's left). */
const RATE_LEAD = ["code", "name", "first", "age", "rate"] as const;

function enrollmentTable(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  births: BirthsResult,
): EnrollmentResult {
  const schools = ctx.output("schools").table;
  const rows: EnrollmentRow[] = term.schools.flatMap((t) => [
    ...t.past.slice(0, -1).map((_, p) => ({ term: t, past: p, year: term.history[p] ?? 0 })),
    ...term.years.map((year, y) => ({ term: t, plan: y, year })),
  ]);
  const perSchool = term.history.length + term.years.length;
  const pastRow = (school: number, p: number) => school * perSchool + p;
  const planRowOf = (school: number, y: number) => school * perSchool + term.history.length + y;
  sb.note(
    "分校分年级在校生: 往年为录入的实际数, T 年取自 学校 表, 以后各年为预测 (学前班、特教学校保持 T 年人数)",
  );
  const headerRow = sb.row;
  const firstRow = headerRow + 1;
  const gradeCol = (g: GradeKey) => LEAD.length + GRADE_KEYS.indexOf(g);
  const addr = (tableRow: number, g: GradeKey, absolute = false) =>
    cellAddress(firstRow + tableRow, gradeCol(g), absolute);
  // The rates table follows this one (a blank row and its note between).
  const lastRow = firstRow + Math.max(rows.length, 1) - 1;
  const rateRows = term.schools.filter((t) => t.projected.length > 0);
  const rateFirst = lastRow + 4;
  const rateIndex = new Map(rateRows.map((t, i) => [t.index, i]));
  const rateCell = (school: number, column: number) =>
    cellAddress(rateFirst + (rateIndex.get(school) ?? 0), column, true);
  const ratioCol = (g: GradeKey) => RATE_LEAD.length + GRADE_KEYS.indexOf(g);

  const gradeCell =
    (g: GradeKey) =>
    ({ item }: { item: EnrollmentRow }): PlanCell => {
      const t = item.term;
      if (!t.grades.includes(g)) return null;
      if (item.past !== undefined) return val(t.past[item.past]?.[g] ?? 0);
      const y = item.plan ?? 0;
      const value = t.enrollment[y]?.[g] ?? 0;
      if (y === 0) return fx(schools.cell(g, t.index, true), value);
      const k = t.projected.indexOf(g);
      if (k < 0) return fx(addr(planRowOf(t.index, 0), g), value);
      if (k === 0) {
        const intake = t.intake[y - 1];
        if (!intake || intake.entered) return val(value);
        return fx(
          `ROUND(${births.cell(item.year - t.age)}*${rateCell(t.index, RATE_LEAD.indexOf("rate"))},0)`,
          value,
        );
      }
      const lower = t.projected[k - 1] as GradeKey;
      return fx(
        `ROUND(${projectionStepFormula(addr(planRowOf(t.index, y - 1), lower), rateCell(t.index, ratioCol(g)))},0)`,
        value,
      );
    };
  const levelCell =
    (from: GradeKey, to: GradeKey) =>
    ({ item, row }: { item: EnrollmentRow; row: number }): PlanCell => {
      const grades = GRADE_KEYS.slice(GRADE_KEYS.indexOf(from), GRADE_KEYS.indexOf(to) + 1);
      const source =
        item.past !== undefined ? item.term.past[item.past] : item.term.enrollment[item.plan ?? 0];
      const value = grades.reduce((s, g) => s + (item.term.grades.includes(g) ? (source?.[g] ?? 0) : 0), 0);
      return fx(`SUM(${rangeAddress(row, gradeCol(from), row, gradeCol(to))})`, value);
    };
  const table = sb.table<EnrollmentRow>({
    name: "tblPlanEnrollment",
    rows,
    columns: [
      {
        key: "code",
        header: "学校代码",
        width: 10,
        style: "text",
        cell: ({ item }) => val(item.term.school.code),
      },
      {
        key: "name",
        header: "学校名称",
        width: 22,
        style: "text",
        cell: ({ item }) => val(item.term.school.name),
      },
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      {
        key: "kind",
        header: "类别",
        width: 6,
        cell: ({ item }) => val(item.past !== undefined ? "实际" : item.plan === 0 ? "本年" : "预测"),
      },
      ...GRADE_KEYS.map((g): ColumnSpec<EnrollmentRow> => ({
        key: g,
        header: GRADE_LABELS[g][0],
        width: 7,
        style: "integer",
        cell: gradeCell(g),
      })),
      ...LEVEL_SUMS.map((l): ColumnSpec<EnrollmentRow> => ({
        key: l.key,
        header: l.header,
        width: 8,
        style: "integer",
        cell: levelCell(l.from, l.to),
      })),
      {
        key: "total",
        header: "合计",
        width: 8,
        style: "integer",
        cell: ({ ref, num }) =>
          fx(
            `SUM(${ref("kg")}:${ref("senior")})`,
            num("kg") + num("primary") + num("junior") + num("senior"),
          ),
      },
    ],
  });
  if (table.lastRow !== lastRow) throw new Error("规划: the enrollment table is not where it was laid out");

  sb.note(
    "升级比例 r = Σ 本年级(t+1) / Σ 下一年级(t), 按往年与 T 年; 往年下一年级均为 0 时取 1; 入学率 = Σ 起始年级新生 / Σ 对应出生人口",
  );
  const past = (school: number, g: GradeKey, from: number, to: number) =>
    rangeAddress(firstRow + pastRow(school, from), gradeCol(g), firstRow + pastRow(school, to), gradeCol(g));
  const rates = sb.table<SchoolTerm>({
    name: "tblPlanRates",
    rows: rateRows,
    columns: [
      {
        key: "code",
        header: "学校代码",
        width: 10,
        style: "text",
        cell: ({ item }) => val(item.school.code),
      },
      {
        key: "name",
        header: "学校名称",
        width: 22,
        style: "text",
        cell: ({ item }) => val(item.school.name),
      },
      {
        key: "first",
        header: "起始年级",
        width: 8,
        cell: ({ item }) => val(item.first ? GRADE_LABELS[item.first][0] : ""),
      },
      { key: "age", header: "入学年龄", width: 8, style: "integer", cell: ({ item }) => val(item.age) },
      {
        key: "rate",
        header: "入学率 (每出生1人)",
        width: 12,
        style: "coefficient",
        cell: ({ item }) => {
          if (item.entryRate === undefined || item.first === undefined) return null;
          const n = item.past.length;
          return fx(
            entryRateFormula(
              past(item.index, item.first, 0, n - 1),
              births.range(
                (term.history[0] ?? ctx.district.budgetYear) - item.age,
                ctx.district.budgetYear - item.age,
              ),
            ),
            item.entryRate,
          );
        },
      },
      ...GRADE_KEYS.map((g): ColumnSpec<SchoolTerm> => ({
        key: `r_${g}`,
        header: `升入${GRADE_LABELS[g][0]}`,
        width: 8,
        style: "coefficient",
        cell: ({ item }) => {
          const ratio = item.ratios.get(g);
          if (!ratio) return null;
          if (ratio.override) return val(ratio.value);
          const lower = item.projected[item.projected.indexOf(g) - 1] as GradeKey;
          const n = item.past.length;
          const den = past(item.index, lower, 0, n - 2);
          return fx(
            `IF(SUM(${den})=0,1,${progressionRatioFormula(past(item.index, g, 1, n - 1), den)})`,
            ratio.value,
          );
        },
      })),
    ],
  });
  if (rateRows.length > 0 && rates.firstRow !== rateFirst)
    throw new Error("规划: the rates table is not where it was laid out");
  return { table, planRow: planRowOf };
}

interface CapacityResult {
  readonly table: TableResult;
}

function capacityTable(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  enrollment: EnrollmentResult,
): CapacityResult {
  const schools = ctx.output("schools").table;
  const rows = term.sites.flatMap((site) => site.years.map((line, y) => ({ site, line, y })));
  const cellOf = (school: number, y: number, g: GradeKey) =>
    enrollment.table.cell(g, enrollment.planRow(school, y));
  sb.note(
    "校舍容量: 各校址每年所需班数 = Σ各年级 ROUNDUP(年级人数 / 标准班额); 布局调整自其年度起把迁入学校的学段学生计入现址",
  );
  const table = sb.table<{ site: Site; line: SiteYear; y: number }>({
    name: "tblPlanCapacity",
    rows,
    columns: [
      { key: "site", header: "校址", width: 22, style: "text", cell: ({ item }) => val(item.site.name) },
      { key: "code", header: "学校代码", width: 10, style: "text", cell: ({ item }) => val(item.site.code) },
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.line.year) },
      {
        key: "students",
        header: "在校生",
        width: 9,
        style: "integer",
        cell: ({ item }) => {
          const cells = item.line.parts.flatMap((p) => p.grades.map((g) => cellOf(p.school, item.y, g)));
          return cells.length === 0 ? val(0) : fx(`SUM(${cells.join(",")})`, item.line.students);
        },
      },
      {
        key: "needed",
        header: "所需班数",
        width: 9,
        style: "integer",
        cell: ({ item }) => {
          const byGrade = new Map<GradeKey, string[]>();
          for (const p of item.line.parts)
            for (const g of p.grades)
              byGrade.set(g, [...(byGrade.get(g) ?? []), cellOf(p.school, item.y, g)]);
          if (byGrade.size === 0) return val(0);
          const terms = [...byGrade].map(([g, cells]) =>
            classesNeededFormula(
              [cells.length === 1 ? (cells[0] as string) : `(${cells.join("+")})`],
              ctx.param(classSizeKey(g)).name,
            ),
          );
          return fx(terms.join("+"), item.line.classesNeeded);
        },
      },
      {
        key: "classrooms",
        header: "教室数",
        width: 8,
        style: "integer",
        cell: ({ item }) => {
          const { site, line } = item;
          const extension = site.extended;
          const extended =
            extension !== undefined &&
            (ctx.district.mergers[extension.merger]?.year ?? Infinity) <= line.year;
          return site.school === undefined || extended
            ? val(line.classrooms)
            : fx(schools.cell("classrooms", site.school, true), line.classrooms);
        },
      },
      {
        key: "spare",
        header: "富余教室(负数为缺)",
        width: 10,
        style: "integer",
        cell: ({ ref, item }) =>
          fx(spareClassroomsFormula(ref("classrooms"), ref("needed")), item.line.spare),
      },
      {
        key: "pass",
        header: "教室充足",
        width: 8,
        style: "verdict",
        cell: ({ ref, item }) => sb.verdict(mergePassFormula(ref("spare")), item.line.pass),
      },
    ],
  });
  if (rows.length > 0) {
    sb.passFail(table.range("pass"), table.cell("pass", 0));
    sb.conditional(table.range("spare"), `${table.cell("spare", 0)}<0`, "fail");
  }
  capacityChecks(ctx, sb, term, table, rows);
  return { table };
}

const shortText = (lines: readonly SiteYear[]) => lines.map((l) => `${l.year}年缺 ${-l.spare} 间`).join(", ");

function capacityChecks(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  table: TableResult,
  rows: readonly { site: Site; line: SiteYear; y: number }[],
): void {
  const first = term.years[0];
  const lastYear = term.years[term.years.length - 1];
  const years = term.years.length;
  // One check per site a merger moves to: short in any year fails, naming the years and the shortfall.
  const mergerSites = term.sites.flatMap((site, s) => (site.mergers.length > 0 ? [{ site, s }] : []));
  for (const { site, s } of mergerSites) {
    const top = s * years;
    const short = site.years.filter((l) => !l.pass);
    sb.checkRow(
      ctx,
      {
        label: `${site.name} 各年教室充足 (${first}–${lastYear})`,
        formula: sb.noneFailed(`${table.cell("pass", top)}:${table.cell("pass", top + years - 1)}`),
      },
      {
        id: `plan.site.${s}`,
        labelZh: `规划校舍容量: ${site.name}`,
        labelEn: `Term capacity: ${site.name}`,
        pass: short.length === 0,
        detailZh: short.length === 0 ? `${first}–${lastYear} 年各年教室充足` : shortText(short),
        detailEn:
          short.length === 0
            ? `enough classrooms every year ${first}-${lastYear}`
            : short.map((l) => `${l.year}: ${-l.spare} short`).join(", "),
      },
    );
  }
  const short = rows.filter((r) => !r.line.pass);
  const named = short.slice(0, 5).map((r) => `${r.site.name} ${r.line.year}年缺 ${-r.line.spare} 间`);
  sb.checkRow(
    ctx,
    {
      label: `所有校址各年教室充足 (${first}–${lastYear})`,
      formula: rows.length > 0 ? `${sb.countFailed(table.range("pass"))}=0` : "TRUE()",
    },
    {
      id: "plan.capacity",
      labelZh: "规划期内各校址教室充足",
      labelEn: "Enough classrooms at every site in every plan year",
      pass: short.length === 0,
      detailZh:
        short.length === 0
          ? `${first}–${lastYear} 年各校址教室充足`
          : `${short.length} 个校址年度教室不足: ${named.join("; ")}${short.length > 5 ? " 等" : ""}`,
      detailEn: `${short.length} site-years short of classrooms`,
    },
  );
}

interface YearsResult {
  readonly table: TableResult;
  readonly years: readonly number[];
}

/** Per plan year: enrollment by level, classes and shortages, staffing quota, public funds, revenue, debt. */
function yearsTable(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  enrollment: TableResult,
  capacity: CapacityResult,
): YearsResult {
  const { district, pack } = ctx;
  const p = (key: Parameters<BuildContext["param"]>[0]) => ctx.param(key).name;
  const T = district.budgetYear;
  const region = parseRegion(district.region);
  const norm = (level: "primary" | "junior") => ({
    formula: publicFundsNormFormula("D_region", {
      east: p(`public_funds.east.${level}`),
      centralWest: p(`public_funds.central_west.${level}`),
    }),
    value: publicFundsNorm(pack, level, region),
  });
  const level = (key: "kg" | "primary" | "junior" | "senior", y: number) =>
    term.schools.reduce((s, t) => {
      const row = t.enrollment[y];
      const grades = LEVEL_SUMS.find((l) => l.key === key);
      if (!row || !grades) return s;
      const span = GRADE_KEYS.slice(GRADE_KEYS.indexOf(grades.from), GRADE_KEYS.indexOf(grades.to) + 1);
      return s + span.reduce((a, g) => a + (t.grades.includes(g) ? row[g] : 0), 0);
    }, 0);
  const debt = ctx.outputIfBuilt("debt")?.schedule?.byYear;
  sb.note(
    "逐年汇总: 编制数 = Σ学段学生 ÷ 生师比 (不含班师比); 义务教育公用经费 = 小学生×定额 + 初中生×定额 (万元, 不含寄宿生、特教及小规模学校补足); 财政经常性收入按 参数 的增长率",
  );
  const sumifs = (column: string, ref: (k: string) => string) =>
    `SUMIFS(${enrollment.absoluteRange(column)},${enrollment.absoluteRange("year")},${ref("year")})`;
  const rows = term.years.map((year, y) => ({ year, y }));
  const table = sb.table<{ year: number; y: number }>({
    name: "tblPlanYears",
    rows,
    columns: [
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      ...LEVEL_SUMS.map((l): ColumnSpec<{ year: number; y: number }> => ({
        key: l.key,
        header: l.header,
        width: 9,
        style: "integer",
        cell: ({ ref, item }) => fx(sumifs(l.key, ref), level(l.key, item.y)),
      })),
      {
        key: "total",
        header: "在校生合计",
        width: 10,
        style: "integer",
        cell: ({ ref, num }) =>
          fx(
            `SUM(${ref("kg")}:${ref("senior")})`,
            num("kg") + num("primary") + num("junior") + num("senior"),
          ),
      },
      {
        key: "needed",
        header: "所需班数",
        width: 9,
        style: "integer",
        cell: ({ ref, item }) =>
          fx(
            `SUMIFS(${capacity.table.absoluteRange("needed")},${capacity.table.absoluteRange("year")},${ref("year")})`,
            term.sites.reduce((s, site) => s + (site.years[item.y]?.classesNeeded ?? 0), 0),
          ),
      },
      {
        key: "short",
        header: "教室不足校址数",
        width: 10,
        style: "integer",
        cell: ({ ref, item }) =>
          fx(
            `COUNTIFS(${capacity.table.absoluteRange("year")},${ref("year")},${capacity.table.absoluteRange("pass")},${sb.failLiteral})`,
            term.sites.filter((site) => site.years[item.y]?.pass === false).length,
          ),
      },
      {
        key: "quota",
        header: "编制数",
        width: 9,
        style: "decimal",
        cell: ({ ref, num }) =>
          fx(
            (["primary", "junior", "senior"] as const)
              .map((l) => staffQuotaFormula(ref(l), p(`staff_ratio.${l}`)))
              .join("+"),
            (["primary", "junior", "senior"] as const).reduce(
              (s, l) => s + staffQuota(num(l), staffRatio(pack, l)),
              0,
            ),
          ),
      },
      {
        key: "publicFunds",
        header: "义务教育公用经费(万元)",
        width: 12,
        style: "money",
        cell: ({ ref, num }) => {
          const primary = norm("primary");
          const junior = norm("junior");
          return fx(
            `(${ref("primary")}*${primary.formula}+${ref("junior")}*${junior.formula})/10000`,
            (num("primary") * primary.value + num("junior") * junior.value) / 10000,
          );
        },
      },
      {
        key: "revenue",
        header: "财政经常性收入(万元)",
        width: 12,
        style: "money",
        cell: ({ ref, item }) =>
          fx(
            `${district.fiscal.current.recurringRevenue}*(1+${REVENUE_GROWTH_NAME})^(${ref("year")}-D_budget_year)`,
            district.fiscal.current.recurringRevenue *
              (1 + (district.term?.revenueGrowth ?? 0)) ** (item.year - T),
          ),
      },
      {
        key: "debt",
        header: "偿还欠款(万元)",
        width: 11,
        style: "money",
        cell: ({ item }) => {
          const line = debt?.find((d) => d.year === item.year);
          return line ? fx(line.ref, line.value) : val(0);
        },
      },
    ],
  });
  return { table, years: term.years };
}

/** The 三年滚动 tables: each project's amounts in T, T+1, T+2, then 基本支出 and 项目支出 per year. */
function rollingTables(ctx: BuildContext, sb: SheetBuilder, years: YearsResult): void {
  const { district } = ctx;
  const T = district.budgetYear;
  const three = [T, T + 1, T + 2] as const;
  sb.note(
    `部门项目支出中期规划 (${T}–${T + 2} 年, 单位: 万元): ${T} 年为本年预算安排; 以后各年按 (总投资 − 本年安排) ÷ 建设期内其余年数 均摊 (估算, 可改)`,
  );
  const projects = sb.table<Project>({
    name: "tblPlanRolling",
    rows: district.projects,
    totals: { label: "项目合计", keys: ["total", "y0", "y1", "y2", "sum"] },
    columns: [
      { key: "name", header: "项目名称", width: 30, style: "text", cell: ({ item }) => val(item.name) },
      {
        key: "category",
        header: "项目类别",
        width: 10,
        style: "text",
        cell: ({ item }) => val(item.category),
      },
      { key: "status", header: "新建/续建", width: 8, style: "text", cell: ({ item }) => val(item.status) },
      { key: "start", header: "开工年度", width: 8, cell: ({ item }) => val(item.startYear) },
      { key: "end", header: "竣工年度", width: 8, cell: ({ item }) => val(item.endYear) },
      { key: "total", header: "总投资", width: 11, style: "money", cell: ({ item }) => val(item.totalCost) },
      ...three.map((year, k): ColumnSpec<Project> => ({
        key: `y${k}`,
        header: `${year}年${k === 0 ? "(预算)" : "(规划)"}`,
        width: 11,
        style: "money",
        cell: ({ item, ref }) =>
          k === 0
            ? val(item.amountInYear)
            : fx(
                projectAmountFormula({
                  year: String(year),
                  budgetYear: "D_budget_year",
                  start: ref("start"),
                  end: ref("end"),
                  total: ref("total"),
                  inBudgetYear: ref("y0"),
                }),
                projectAmountInYear(item, T, year),
              ),
      })),
      {
        key: "sum",
        header: "三年合计",
        width: 11,
        style: "money",
        cell: ({ ref, num }) => fx(`SUM(${ref("y0")}:${ref("y2")})`, num("y0") + num("y1") + num("y2")),
      },
    ],
  });
  const yearRow = (year: number) => years.years.indexOf(year);
  const yearCell = (key: string, year: number) => years.table.cell(key, yearRow(year));
  const yearValue = (key: string, year: number) => Number(years.table.values(key)[yearRow(year)] ?? 0);
  const pay = district.fiscal.current.staffPay;
  const quotaT = yearValue("quota", T);
  const personnel = (year: number) => {
    const q = yearValue("quota", year);
    return quotaT === 0 ? pay : (pay * q) / quotaT;
  };
  const projectTotal = (k: number) => projects.total(`y${k}`);
  type Line = {
    label: string;
    cells: (year: number, k: number) => { formula: string; value: number } | number;
  };
  const lines: Line[] = [
    {
      label: "人员经费 (T 年教职工工资总额 × 编制数 / T 年编制数)",
      cells: (year) => ({
        formula: `IF(${yearCell("quota", T)}=0,${pay},${pay}*${yearCell("quota", year)}/${yearCell("quota", T)})`,
        value: personnel(year),
      }),
    },
    {
      label: "公用经费 (义务教育生均定额)",
      cells: (year) => ({ formula: yearCell("publicFunds", year), value: yearValue("publicFunds", year) }),
    },
    { label: "基本支出合计", cells: () => 0 },
    {
      label: "项目支出: 建设项目",
      cells: (_, k) => ({ formula: projectTotal(k).local, value: projectTotal(k).value }),
    },
    {
      label: "项目支出: 偿还欠款",
      cells: (year) => ({ formula: yearCell("debt", year), value: yearValue("debt", year) }),
    },
    { label: "项目支出合计", cells: () => 0 },
    { label: "支出合计", cells: () => 0 },
  ];
  sb.note("基本支出与项目支出 (单位: 万元; 第一年约束年度预算, 后两年指导)");
  const top = sb.row;
  const valueOf = (line: number, k: number): number => {
    const year = three[k] ?? T;
    if (line === 2) return valueOf(0, k) + valueOf(1, k);
    if (line === 5) return valueOf(3, k) + valueOf(4, k);
    if (line === 6) return valueOf(2, k) + valueOf(5, k);
    const c = lines[line]?.cells(year, k);
    return typeof c === "number" ? c : (c?.value ?? 0);
  };
  const at = (line: number, k: number) => cellAddress(top + 1 + line, 1 + k);
  const body: PlanCell[][] = lines.map((line, i) => [
    val(line.label),
    ...three.map((year, k): PlanCell => {
      if (i === 2) return fx(`${at(0, k)}+${at(1, k)}`, valueOf(2, k));
      if (i === 5) return fx(`${at(3, k)}+${at(4, k)}`, valueOf(5, k));
      if (i === 6) return fx(`${at(2, k)}+${at(5, k)}`, valueOf(6, k));
      const c = line.cells(year, k);
      return typeof c === "number" ? val(c) : fx(c.formula, c.value);
    }),
    fx(
      `SUM(${rangeAddress(top + 1 + i, 1, top + 1 + i, 3)})`,
      [0, 1, 2].reduce((s, k) => s + valueOf(i, k), 0),
    ),
  ]);
  sb.put(top, 0, [[val("项目"), ...three.map((year) => val(`${year}年`)), val("三年合计")], ...body]);
  sb.format(rangeAddress(top, 0, top, 4), "header");
  sb.format(rangeAddress(top + 1, 1, top + lines.length, 4), "money");
  for (const i of [2, 5, 6]) sb.format(rangeAddress(top + 1 + i, 0, top + 1 + i, 4), "total");
  sb.width(0, 40);
  sb.row = top + lines.length + 2;
}
