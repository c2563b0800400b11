/**
 * 规划 (中期财政规划, budget reference §5 and §8): enrollment per school, grade and year T … L by grade progression
 * (年级升级比例法) with the first grade's intake from births × the school's entry rate (or entered); the classes
 * each site needs against its classrooms in every year, with the mergers moving students in their year; net
 * migration entered for a plan year added after progression (the spec's projection functions take none); staffing
 * quota, public funds and revenue per year; each project's amounts per year (部门项目支出中期规划); spending per year
 * (人员经费 = 编制数 × 人均人员经费 at 预算明细's pay standards and 参数's rates, 公用经费, 学生资助 per student of each
 * level × the projected students, projects, debt repaid, what stays owed); the 三年滚动 totals of 基本支出 and 项目支出
 * for T, T+1, T+2; the checks of every year (three growths with the assumed revenue growth, targets against their
 * trajectories, the debt repaid by the plan's end); and charts below the tables. Every figure is a live formula over
 * the history, the births, 学校, 参数 and the sheets it reads.
 */
import { contributionBase, perHeadCost, perHeadCostFormula } from "../../budget/personnel";
import { GRADE_LABELS } from "../../district/grades";
import { GRADE_KEYS, type GradeKey, type Project } from "../../district/model";
import { classesNeededFormula, mergePassFormula, spareClassroomsFormula } from "../../domain/classes";
import { divisionByZero, RuleError } from "../../domain/errors";
import { growth, growthFormula, outgrowsFormula, risesFormula } from "../../domain/growth";
import { entryRateFormula, progressionRatioFormula, projectionStepFormula } from "../../domain/projection";
import { parseRegion, publicFundsNorm, publicFundsNormFormula } from "../../domain/publicFunds";
import { staffQuota, staffQuotaFormula, staffRatio } from "../../domain/staffing";
import {
  requiredOnTrajectory,
  requiredOnTrajectoryFormula,
  trajectoryShare,
  trajectoryShareFormula,
} from "../../domain/targets";
import { roundHalfAway } from "../../domain/validate";
import { absoluteAddress, cellAddress, rangeAddress, sheetRef } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, fxError, SheetBuilder, str, val, type ColumnSpec, type TableResult } from "../kit";
import type { SheetDefinition } from "../registry";
import type { ChartPlan, CheckCause, PlanCell, SheetKey, SheetPlan } from "../types";
import {
  classSizeKey,
  computeTerm,
  projectAmountFormula,
  projectAmountInYear,
  type MigrationIn,
  type SchoolTerm,
  type Site,
  type SiteYear,
  type TermPlan,
  TermInputError,
} from "../term";
import { REVENUE_GROWTH_NAME } from "./parameters";
import { STANDARDIZED_TYPES } from "./schools";

/** What 规划 hands on: the 三年滚动 totals for T, T+1, T+2 (none when the district has no term data). */
export interface PlanOutput {
  readonly rolling?: readonly {
    readonly year: number;
    readonly basic: CellExport;
    readonly project: CellExport;
    readonly total: CellExport;
  }[];
}

export const planSheet: SheetDefinition<"plan", PlanOutput> = {
  key: "plan",
  nameZh: "规划",
  nameEn: "Term plan",
  titleZh: "中期规划: 在校生预测、校舍容量与三年滚动",
  titleEn: "Term plan: enrollment projection, capacity and the three-year rolling plan",
  tabColor: "7030A0",
  needs: ["parameters", "schools"],
  // The repayment schedule, and the rates and student aid of the 部门预算 when the plan holds them.
  reads: ["debt", "budgetLines"],
  build: (ctx) => {
    let output: PlanOutput = {};
    const plan = buildPlanSheet(ctx, (rolling) => (output = { rolling }));
    return { plan, output };
  },
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

export function buildPlanSheet(
  ctx: BuildContext,
  handOn: (rolling: NonNullable<PlanOutput["rolling"]>) => void = () => undefined,
): SheetPlan<SheetKey> {
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
  const migration = migrationTable(sb, term);
  const enrollment = enrollmentTable(ctx, sb, term, births, migration);
  const capacity = capacityTable(ctx, sb, term, enrollment);
  const years = yearsTable(ctx, sb, term, enrollment.table, capacity);
  const projects = projectsTable(ctx, sb, term);
  const budget = budgetTable(ctx, sb, term, years, projects);
  handOn(rollingTotals(ctx, sb, budget));
  growthChecks(ctx, sb, years, budget);
  targetChecks(ctx, sb, term, years, births);
  debtCheck(ctx, sb, budget);
  charts(sb, term, years, capacity, budget);
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

/** The cell of a net migration row on this sheet (absolute), by its index in TermPlan.migration. */
type MigrationCell = (row: number) => string;

function migrationTable(sb: SheetBuilder, term: TermPlan): MigrationCell {
  if (term.migration.length === 0) return () => "0";
  const byCode = new Map(term.schools.map((t) => [t.school.code, t]));
  sb.note(
    "净迁移 (录入, 人; 迁入为正、迁出为负): 在按升级比例推算之后加上, 不低于 0; 不填年级的平均分到本校各推算年级。往年的迁移已含在升级比例中",
  );
  const table = sb.table({
    name: "tblPlanMigration",
    rows: term.migration,
    columns: [
      { key: "code", header: "学校代码", width: 10, style: "text", cell: ({ item }) => val(item.school) },
      {
        key: "name",
        header: "学校名称",
        width: 22,
        style: "text",
        cell: ({ item }) => val(byCode.get(item.school)?.school.name ?? ""),
      },
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      {
        key: "grade",
        header: "年级",
        width: 10,
        cell: ({ item }) => val(item.grade === undefined ? "全校(平均)" : GRADE_LABELS[item.grade][0]),
      },
      {
        key: "migrants",
        header: "净迁入人数",
        width: 10,
        style: "integer",
        cell: ({ item }) => val(item.migrants),
      },
    ],
  });
  return (row) => table.absoluteCell("migrants", row);
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
  migration: MigrationCell,
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

  // A projected figure rounded to whole students; with net migration added, never below 0. A share of migration
  // (−7/6) can leave a sum a hair below a half, so that sum is cleaned to 6 decimals first, as the rule does.
  const moved = (figure: string, m: MigrationIn | undefined) =>
    m === undefined
      ? `ROUND(${figure},0)`
      : `MAX(0,ROUND(ROUND(${figure}+${m.rows.map((r) => (r.divisor === 1 ? migration(r.row) : `${migration(r.row)}/${r.divisor}`)).join("+")},6),0))`;
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
        const m = term.migrationIn(t.index, item.year, g);
        if (!intake || (intake.entered && m === undefined)) return val(value);
        if (intake.entered) return fx(moved(String(intake.given ?? 0), m), value);
        return fx(
          moved(`${births.cell(item.year - t.age)}*${rateCell(t.index, RATE_LEAD.indexOf("rate"))}`, m),
          value,
        );
      }
      const lower = t.projected[k - 1] as GradeKey;
      return fx(
        moved(
          projectionStepFormula(addr(planRowOf(t.index, y - 1), lower), rateCell(t.index, ratioCol(g))),
          term.migrationIn(t.index, item.year, g),
        ),
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
        ...shortAt(
          table,
          site.years.findIndex((l) => !l.pass),
          top,
        ),
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
      ...shortAt(
        table,
        rows.findIndex((r) => !r.line.pass),
        0,
      ),
    },
  );
}

/** The first site-year short of classrooms, its row on this sheet (the spare classrooms' cell). */
function shortAt(table: TableResult, index: number, top: number): { readonly cause?: CheckCause } {
  return index < 0 ? {} : { cause: { sheet: "plan", cell: table.cell("spare", top + index) } };
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
        key: "classrooms",
        header: "教室数",
        width: 9,
        style: "integer",
        cell: ({ ref, item }) =>
          fx(
            `SUMIFS(${capacity.table.absoluteRange("classrooms")},${capacity.table.absoluteRange("year")},${ref("year")})`,
            term.sites.reduce((s, site) => s + (site.years[item.y]?.classrooms ?? 0), 0),
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

/** The projects of the term: each project's amounts in every plan year (T from the budget), 三年合计 of T … T+2. */
function projectsTable(ctx: BuildContext, sb: SheetBuilder, term: TermPlan): TableResult {
  const { district } = ctx;
  const T = district.budgetYear;
  const years = term.years;
  sb.note(
    `部门项目支出中期规划 (单位: 万元): ${T} 年为本年预算安排; 以后各年按 (总投资 − 本年安排) ÷ 建设期内其余年数 均摊 (估算, 可改); 三年合计为 ${T}–${T + 2} 年`,
  );
  return sb.table<Project>({
    name: "tblPlanRolling",
    rows: district.projects,
    totals: { label: "项目合计", keys: ["total", ...years.map((_, k) => `y${k}`), "sum"] },
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
      ...years.map((year, k): ColumnSpec<Project> => ({
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
}

/** An item of 学生资助 in 预算明细 and the students its amount per student is spread over in the plan years. */
interface AidRow {
  readonly item: string;
  readonly economicCode: string;
  readonly students: AidStudents;
  /** Year T's amount, 万元 (Σ of its lines in 预算明细), and T's students of its level. */
  readonly amount: number;
  readonly studentsT: number;
}

type AidStudents = "compulsory" | "senior" | "kg";

const AID_STUDENTS: Readonly<Record<string, AidStudents>> = {
  家庭经济困难寄宿生生活补助: "compulsory",
  农村义务教育学生营养改善计划: "compulsory",
  普通高中国家助学金: "senior",
  学前教育资助: "kg",
};
const AID_LEVEL_ZH: Readonly<Record<AidStudents, string>> = {
  compulsory: "义务教育",
  senior: "高中",
  kg: "学前",
};

interface BudgetResult {
  readonly table: TableResult;
  readonly years: readonly number[];
}

/** The years table's cells of the students an aid item is spread over, as a formula of the row (T = 0). */
function studentsOf(years: YearsResult, group: AidStudents, y: number): { formula: string; value: number } {
  const cell = (key: string) => years.table.cell(key, y);
  const num = (key: string) => Number(years.table.values(key)[y] ?? 0);
  if (group === "compulsory")
    return { formula: `(${cell("primary")}+${cell("junior")})`, value: num("primary") + num("junior") };
  if (group === "senior") return { formula: cell("senior"), value: num("senior") };
  return { formula: cell("kg"), value: num("kg") };
}

/**
 * Spending per plan year (万元): 人员经费 = 编制数 × a person's 人员经费 at the pay standards and contribution rates of
 * 预算明细; 公用经费 = 定额 × 义务教育学生; 学生资助 = year T's aid per student of each item × the students of its
 * level; the projects' amounts of the year; the debt repaid; and what stays owed at the year's end.
 */
function budgetTable(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  years: YearsResult,
  projects: TableResult,
): BudgetResult {
  const { district } = ctx;
  const lines = ctx.outputIfBuilt("budgetLines");
  const rates = {
    pension: ctx.param("personnel.pension_rate"),
    annuity: ctx.param("personnel.annuity_rate"),
    medical: ctx.param("personnel.medical_rate"),
    housingFund: ctx.param("personnel.housing_fund_rate"),
  };
  const base = lines?.contributionBase ?? {
    ref: String(contributionBase(district.personnel)),
    value: contributionBase(district.personnel),
  };
  const perHead = perHeadCost(base.value, {
    pension: rates.pension.value,
    annuity: rates.annuity.value,
    medical: rates.medical.value,
    housingFund: rates.housingFund.value,
  });
  sb.note(
    lines
      ? "逐年支出 (万元): 人员经费 = 编制数 × 人均人员经费 (预算明细 的缴费基数 × (1 + 参数 的养老、职业年金、医疗、住房公积金缴费率)); 公用经费见上表; 学生资助 = 本年 预算明细 各资助项目的生均额 × 该学段各年学生数"
      : "逐年支出 (万元): 人员经费 = 编制数 × 人均人员经费 (录入的工资标准合计 × (1 + 参数 的缴费率)); 本工作簿未含 预算明细, 学生资助不列",
  );
  const kv = sb.keyValues([
    {
      key: "perHead",
      label: "人均人员经费(元/人·年)",
      cell: fx(
        perHeadCostFormula(base.ref, {
          pension: rates.pension.name,
          annuity: rates.annuity.name,
          medical: rates.medical.name,
          housingFund: rates.housingFund.name,
        }),
        perHead,
      ),
      style: "yuan",
    },
  ]);
  const perHeadCell = kv.perHead?.absolute ?? "";
  if (base.value === 0) sb.note("未录入工资标准 (录入-区县 人均基本工资等): 人员经费按 0 列示。");

  // 学生资助: the 303 lines of 预算明细, by item.
  const aidRows: AidRow[] = [];
  if (lines) {
    const byItem = new Map<string, { economicCode: string; amount: number }>();
    for (const line of lines.lines) {
      // The aid lines 预算明细 makes (a project coded under 303 stays a project).
      if (!line.economicCode.startsWith("303") || AID_STUDENTS[line.item] === undefined) continue;
      const key = `${line.item}\u0000${line.economicCode}`;
      const seen = byItem.get(key);
      byItem.set(key, { economicCode: line.economicCode, amount: (seen?.amount ?? 0) + line.current });
    }
    for (const [key, { economicCode, amount }] of byItem) {
      const item = key.split("\u0000")[0] ?? "";
      const students = AID_STUDENTS[item] ?? "compulsory";
      aidRows.push({ item, economicCode, students, amount, studentsT: studentsOf(years, students, 0).value });
    }
  }
  const aid =
    aidRows.length === 0
      ? undefined
      : sb.table<AidRow>({
          name: "tblPlanAid",
          rows: aidRows,
          columns: [
            { key: "item", header: "资助项目", width: 30, style: "text", cell: ({ item }) => val(item.item) },
            {
              key: "code",
              header: "经济科目",
              width: 9,
              style: "text",
              cell: ({ item }) => val(item.economicCode),
            },
            {
              key: "level",
              header: "按学段学生",
              width: 10,
              style: "text",
              cell: ({ item }) => val(AID_LEVEL_ZH[item.students]),
            },
            {
              key: "amount",
              header: "本年预算(万元)",
              width: 12,
              style: "money",
              cell: ({ item }) =>
                fx(
                  `SUMIFS(${lines?.table.sheetRange("current")},${lines?.table.sheetRange("item")},${str(item.item)},${lines?.table.sheetRange("economicCode")},${str(item.economicCode)})`,
                  item.amount,
                ),
            },
            {
              key: "students",
              header: "本年学生数",
              width: 10,
              style: "integer",
              cell: ({ item }) => {
                const s = studentsOf(years, item.students, 0);
                return fx(s.formula, s.value);
              },
            },
            {
              key: "perStudent",
              header: "生均(元)",
              width: 10,
              style: "yuan",
              cell: ({ ref, num }) =>
                fx(
                  `IF(${ref("students")}=0,0,${ref("amount")}*10000/${ref("students")})`,
                  num("students") === 0 ? 0 : (num("amount") * 10000) / num("students"),
                ),
            },
          ],
        });

  const debts = district.debts;
  const schedule = ctx.outputIfBuilt("debt")?.schedule;
  const owedAtStart = debts ? debts.items.reduce((s, d) => s + d.amount, 0) : 0;
  const rows = term.years.map((year, y) => ({ year, y }));
  const table = sb.table<{ year: number; y: number }>({
    name: "tblPlanBudget",
    rows,
    columns: [
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      {
        key: "personnel",
        header: "人员经费",
        width: 12,
        style: "money",
        cell: ({ item }) =>
          fx(
            `${years.table.cell("quota", item.y)}*${perHeadCell}/10000`,
            (Number(years.table.values("quota")[item.y]) * perHead) / 10000,
          ),
      },
      {
        key: "publicFunds",
        header: "公用经费",
        width: 12,
        style: "money",
        cell: ({ item }) =>
          fx(years.table.cell("publicFunds", item.y), Number(years.table.values("publicFunds")[item.y])),
      },
      {
        key: "basic",
        header: "基本支出",
        width: 12,
        style: "money",
        cell: ({ ref, num }) =>
          fx(`${ref("personnel")}+${ref("publicFunds")}`, num("personnel") + num("publicFunds")),
      },
      {
        key: "aid",
        header: "学生资助",
        width: 12,
        style: "money",
        cell: ({ item }) => {
          if (!aid) return val(0);
          const parts = aidRows.map((row, i) => {
            const s = studentsOf(years, row.students, item.y);
            const perStudent = Number(aid.values("perStudent")[i]);
            return {
              formula: `${aid.absoluteCell("perStudent", i)}*${s.formula}`,
              value: perStudent * s.value,
            };
          });
          return fx(
            `(${parts.map((p) => p.formula).join("+")})/10000`,
            parts.reduce((s, p) => s + p.value, 0) / 10000,
          );
        },
      },
      {
        key: "projects",
        header: "建设项目",
        width: 12,
        style: "money",
        cell: ({ item }) => {
          const total = projects.total(`y${item.y}`);
          return fx(total.local, total.value);
        },
      },
      {
        key: "debt",
        header: "偿还欠款",
        width: 12,
        style: "money",
        cell: ({ item }) =>
          fx(years.table.cell("debt", item.y), Number(years.table.values("debt")[item.y] ?? 0)),
      },
      {
        key: "project",
        header: "项目支出",
        width: 12,
        style: "money",
        cell: ({ ref, num }) =>
          fx(`${ref("aid")}+${ref("projects")}+${ref("debt")}`, num("aid") + num("projects") + num("debt")),
      },
      {
        key: "total",
        header: "支出合计",
        width: 12,
        style: "money",
        cell: ({ ref, num }) => fx(`${ref("basic")}+${ref("project")}`, num("basic") + num("project")),
      },
      {
        key: "owed",
        header: "年末未偿还欠款",
        width: 12,
        style: "money",
        cell: ({ item }) => {
          if (!schedule) return val(owedAtStart);
          const paid = schedule.byYear.filter((b) => b.year <= item.year);
          const value = roundHalfAway(schedule.total.value - paid.reduce((s, b) => s + b.value, 0), 2);
          return fx(
            paid.length === 0
              ? `ROUND(${schedule.total.ref},2)`
              : `ROUND(${schedule.total.ref}-SUM(${paid.map((b) => b.ref).join(",")}),2)`,
            value,
          );
        },
      },
    ],
  });
  if (debts && !schedule)
    sb.note("债务 表未安排还款计划 (任期内没有偿还能力, 或本工作簿未含 债务 表): 欠款按全额列为未偿还。");
  return { table, years: term.years };
}

/** 基本支出 and 项目支出 for T, T+1, T+2 (第一年约束年度预算, 后两年指导), each a reference to the year's spending. */
function rollingTotals(
  ctx: BuildContext,
  sb: SheetBuilder,
  budget: BudgetResult,
): NonNullable<PlanOutput["rolling"]> {
  const T = ctx.district.budgetYear;
  const three = [T, T + 1, T + 2];
  const lines = [
    { label: "人员经费 (编制数 × 人均人员经费)", key: "personnel", total: false },
    { label: "公用经费 (义务教育生均定额)", key: "publicFunds", total: false },
    { label: "基本支出合计", key: "basic", total: true },
    { label: "项目支出: 学生资助", key: "aid", total: false },
    { label: "项目支出: 建设项目", key: "projects", total: false },
    { label: "项目支出: 偿还欠款", key: "debt", total: false },
    { label: "项目支出合计", key: "project", total: true },
    { label: "支出合计", key: "total", total: true },
  ];
  sb.note("基本支出与项目支出 (单位: 万元; 第一年约束年度预算, 后两年指导)");
  const top = sb.row;
  const row = (year: number) => budget.years.indexOf(year);
  const body: PlanCell[][] = lines.map((line, i) => {
    const values = three.map((year) => Number(budget.table.values(line.key)[row(year)] ?? 0));
    return [
      val(line.label),
      ...three.map((year, k) => fx(budget.table.cell(line.key, row(year)), values[k] ?? 0)),
      fx(
        `SUM(${rangeAddress(top + 1 + i, 1, top + 1 + i, 3)})`,
        values.reduce((s, v) => s + v, 0),
      ),
    ];
  });
  sb.put(top, 0, [[val("项目"), ...three.map((year) => val(`${year}年`)), val("三年合计")], ...body]);
  sb.format(rangeAddress(top, 0, top, 4), "header");
  sb.format(rangeAddress(top + 1, 1, top + lines.length, 4), "money");
  lines.forEach((line, i) => {
    if (line.total) sb.format(rangeAddress(top + 1 + i, 0, top + 1 + i, 4), "total");
  });
  sb.width(0, 40);
  sb.row = top + lines.length + 2;
  const cell = (key: string, k: number): CellExport => {
    const i = lines.findIndex((line) => line.key === key);
    const row = body[i];
    const at = row?.[1 + k];
    return {
      ref: sheetRef(planSheet.nameZh, absoluteAddress(cellAddress(top + 1 + i, 1 + k))),
      value: at && "v" in at && typeof at.v === "number" ? at.v : 0,
    };
  };
  return three.map((year, k) => ({
    year,
    basic: cell("basic", k),
    project: cell("project", k),
    total: cell("total", k),
  }));
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const yuan = (x: number): string => x.toFixed(2);

/** A figure of a row and the value computed for it, or undefined where its formula shows an Excel error. */
function computed(compute: () => number): number | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RuleError) return undefined;
    throw error;
  }
}

/**
 * The three growths in every plan year after T, against the year before (year T's are on 财政): G1 the
 * appropriation (the year's spending of the plan) grows faster than 财政经常性收入 at the assumed rate; G2 the
 * spending per student rises; G3 the public funds per compulsory student rise. Growths to 6 decimals, per-student
 * figures to the fen, so that a tie is a tie in every spreadsheet. Each year's verdict is a check.
 */
function growthChecks(ctx: BuildContext, sb: SheetBuilder, years: YearsResult, budget: BudgetResult): void {
  const n = years.years.length;
  const num = (table: TableResult, key: string, y: number) => Number(table.values(key)[y] ?? 0);
  const E = (y: number) => num(budget.table, "total", y);
  const R = (y: number) => num(years.table, "revenue", y);
  const N = (y: number) => num(years.table, "total", y);
  const C = (y: number) => num(years.table, "primary", y) + num(years.table, "junior", y);
  const PF = (y: number) => num(budget.table, "publicFunds", y);
  const growthOf = (f: (y: number) => number, y: number) =>
    computed(() => roundHalfAway(growth(f(y - 1), f(y)), 6));
  const perStudent = (amount: (y: number) => number, students: (y: number) => number, y: number) =>
    computed(() => {
      if (students(y) === 0) throw divisionByZero("students");
      return roundHalfAway((amount(y) * 10000) / students(y), 2);
    });
  const rows = years.years.map((year, y) => {
    const eg = y === 0 ? undefined : growthOf(E, y);
    const rg = y === 0 ? undefined : growthOf(R, y);
    const ps = perStudent(E, N, y);
    const pp = perStudent(PF, C, y);
    return { year, y, eg, rg, ps, pp };
  });
  const rowAt = (y: number) => rows[y];
  const g1 = (y: number) => {
    const r = rowAt(y);
    return r?.eg !== undefined && r.rg !== undefined && r.eg > r.rg;
  };
  const rises = (key: "ps" | "pp", y: number) => {
    const now = rowAt(y)?.[key];
    const before = rowAt(y - 1)?.[key];
    return now !== undefined && before !== undefined && now > before;
  };
  const orError = (formula: string, value: number | undefined): PlanCell =>
    value === undefined ? fxError(formula, "#DIV/0!") : fx(formula, value);
  sb.note(
    `逐年“三个增长” (${years.years[1] ?? ""} 年起与上年比较; ${years.years[0] ?? ""} 年见 财政): 教育拨款按规划当年支出合计, 财政经常性收入按假设增长率; 增长率保留 6 位小数, 生均额保留到分`,
  );
  type Row = (typeof rows)[number];
  const table = sb.table<Row>({
    name: "tblPlanGrowth",
    rows,
    columns: [
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      {
        key: "E",
        header: "教育拨款(支出合计)",
        width: 12,
        style: "money",
        cell: ({ item }) => fx(budget.table.cell("total", item.y), E(item.y)),
      },
      {
        key: "eg",
        header: "拨款增长",
        width: 9,
        style: "rate",
        cell: ({ item, row }) =>
          item.y === 0
            ? null
            : orError(`ROUND(${growthFormula(cellAddress(row - 1, 1), cellAddress(row, 1))},6)`, item.eg),
      },
      {
        key: "R",
        header: "财政经常性收入",
        width: 12,
        style: "money",
        cell: ({ item }) => fx(years.table.cell("revenue", item.y), R(item.y)),
      },
      {
        key: "rg",
        header: "收入增长",
        width: 9,
        style: "rate",
        cell: ({ item, row }) =>
          item.y === 0
            ? null
            : orError(`ROUND(${growthFormula(cellAddress(row - 1, 3), cellAddress(row, 3))},6)`, item.rg),
      },
      {
        key: "g1",
        header: "G1 拨款增长高于收入增长",
        width: 12,
        cell: ({ item, ref }) =>
          item.y === 0
            ? null
            : sb.verdict(`IFERROR(${outgrowsFormula(ref("eg"), ref("rg"))},FALSE())`, g1(item.y)),
      },
      {
        key: "N",
        header: "在校生",
        width: 9,
        style: "integer",
        cell: ({ item }) => fx(years.table.cell("total", item.y), N(item.y)),
      },
      {
        key: "ps",
        header: "生均教育经费(元)",
        width: 11,
        style: "money",
        cell: ({ item, ref }) => orError(`ROUND(${ref("E")}*10000/${ref("N")},2)`, item.ps),
      },
      {
        key: "g2",
        header: "G2 生均教育经费增长",
        width: 11,
        cell: ({ item, row }) =>
          item.y === 0
            ? null
            : sb.verdict(
                `IFERROR(${risesFormula(cellAddress(row - 1, 7), cellAddress(row, 7))},FALSE())`,
                rises("ps", item.y),
              ),
      },
      {
        key: "C",
        header: "义务教育学生",
        width: 10,
        style: "integer",
        cell: ({ item }) =>
          fx(`${years.table.cell("primary", item.y)}+${years.table.cell("junior", item.y)}`, C(item.y)),
      },
      {
        key: "PF",
        header: "公用经费",
        width: 11,
        style: "money",
        cell: ({ item }) => fx(budget.table.cell("publicFunds", item.y), PF(item.y)),
      },
      {
        key: "pp",
        header: "生均公用经费(元)",
        width: 11,
        style: "money",
        cell: ({ item, ref }) => orError(`ROUND(${ref("PF")}*10000/${ref("C")},2)`, item.pp),
      },
      {
        key: "g3",
        header: "G3 生均公用经费增长",
        width: 11,
        cell: ({ item, row }) =>
          item.y === 0
            ? null
            : sb.verdict(
                `IFERROR(${risesFormula(cellAddress(row - 1, 11), cellAddress(row, 11))},FALSE())`,
                rises("pp", item.y),
              ),
      },
    ],
  });
  if (n < 2) return;
  for (const key of ["g1", "g2", "g3"]) {
    const top = table.cell(key, 1);
    sb.passFail(`${top}:${table.cell(key, n - 1)}`, top);
  }
  const change = (now: number | undefined, before: number | undefined) =>
    now === undefined || before === undefined
      ? "无法计算"
      : `${now >= before ? "+" : ""}${yuan(now - before)} 元`;
  rows.slice(1).forEach((r) => {
    const y = r.y;
    const before = rowAt(y - 1);
    const passG1 = g1(y);
    const gap = r.eg !== undefined && r.rg !== undefined ? ((r.rg - r.eg) * 100).toFixed(2) : undefined;
    sb.registerCheck(ctx, table.cell("g1", y), {
      id: `plan.growth.g1.${r.year}`,
      labelZh: `${r.year}年 教育拨款增长高于财政经常性收入增长 (规划)`,
      labelEn: `${r.year}: appropriation grows faster than recurring revenue (term plan)`,
      pass: passG1,
      detailZh:
        r.eg === undefined || r.rg === undefined
          ? `${r.year}年: 上年支出或收入为 0, 无法计算增长`
          : `${r.year}年 拨款增长 ${pct(r.eg)} ${passG1 ? ">" : "≤"} 收入增长 ${pct(r.rg)}${passG1 ? "" : `, 差 ${gap} 个百分点`}`,
      detailEn:
        r.eg === undefined || r.rg === undefined
          ? `${r.year}: no growth (a zero base)`
          : `${r.year}: appropriation ${pct(r.eg)} ${passG1 ? ">" : "≤"} revenue ${pct(r.rg)}`,
    });
    for (const [key, figure, zh, en] of [
      ["g2", "ps", "生均教育经费", "spending per student"],
      ["g3", "pp", "生均公用经费", "public funds per student"],
    ] as const) {
      const pass = rises(figure, y);
      const now = r[figure];
      const prior = before?.[figure];
      sb.registerCheck(ctx, table.cell(key, y), {
        id: `plan.growth.${key}.${r.year}`,
        labelZh: `${r.year}年 ${zh}增长 (规划)`,
        labelEn: `${r.year}: ${en} rises (term plan)`,
        pass,
        detailZh:
          now === undefined || prior === undefined
            ? `${r.year}年: 学生数为 0, 无法计算${zh}`
            : `${r.year}年 ${zh} ${yuan(now)} 元, 上年 ${yuan(prior)} 元 (${change(now, prior)})${pass ? "" : ", 未增长"}`,
        detailEn:
          now === undefined || prior === undefined
            ? `${r.year}: no students`
            : `${r.year}: ${yuan(now)} against ${yuan(prior)} the year before`,
      });
    }
  });
}

/** A target of the pack checked against its trajectory in one plan year. */
interface TargetYear {
  readonly key: "standardized" | "preschool";
  readonly label: string;
  readonly unit: string;
  readonly year: number;
  readonly y: number;
  readonly start: number;
  readonly due: number;
  readonly share: number;
  readonly base: { readonly formula: string; readonly value: number };
  readonly achieved: { readonly formula: string; readonly value: number };
  readonly required: number;
}

const STANDARDIZED_MET = "是";

/**
 * The targets the pack sets (标准化学校达标率, 学前三年毛入园率) against their trajectories in every plan year: by the
 * end of a year the share of the way from the target's start to its due year (TRAJECTORY) of the target × the base
 * (schools counted; children aged 3–5, moving with the births of their cohorts) must be met. The standardized
 * schools are held at year T's count (the plan schedules no upgrades); the children in kindergartens move with the
 * projected kindergarten enrollment. Each year's verdict is a check.
 */
function targetChecks(
  ctx: BuildContext,
  sb: SheetBuilder,
  term: TermPlan,
  years: YearsResult,
  births: BirthsResult,
): void {
  const { district, pack } = ctx;
  const T = district.budgetYear;
  const rows: TargetYear[] = [];
  const schools = ctx.output("schools").table;
  const standardized = pack.values["standardized.target_rate"];
  if (!standardized.notSet && standardized.value > 0) {
    const counted = district.schools.filter((s) => STANDARDIZED_TYPES.includes(s.type));
    const byType = (extra: string) =>
      STANDARDIZED_TYPES.map((t) => `COUNTIFS(${schools.sheetRange("type")},${str(t)}${extra})`).join("+");
    const met = counted.filter((s) => s.standardized).length;
    for (const [y, year] of term.years.entries()) {
      const due = standardized.dueYear ?? T;
      const share = trajectoryShare(standardized.fromYear, due, year);
      rows.push({
        key: "standardized",
        label: "标准化学校达标率",
        unit: "所",
        year,
        y,
        start: standardized.fromYear,
        due,
        share,
        base: { formula: byType(""), value: counted.length },
        achieved: {
          formula: byType(`,${schools.sheetRange("standardized")},${str(STANDARDIZED_MET)}`),
          value: met,
        },
        required: requiredOnTrajectory(standardized.value, counted.length, share),
      });
    }
  }
  const preschool = pack.values["preschool.target_rate"];
  const { population3to5, enrolled } = district.preschool;
  if (!preschool.notSet && preschool.value > 0 && population3to5 > 0) {
    const cohort = (year: number) => [year - 5, year - 4, year - 3];
    const known = (year: number) => cohort(year).every((b) => term.births.has(b));
    const sumBirths = (year: number) => cohort(year).reduce((s, b) => s + (term.births.get(b) ?? 0), 0);
    const kgT = Number(years.table.values("kg")[0] ?? 0);
    for (const [y, year] of term.years.entries()) {
      const scaled = known(year) && known(T) && sumBirths(T) > 0;
      const base = scaled
        ? {
            formula: `${population3to5}*SUM(${births.range(year - 5, year - 3)})/SUM(${births.range(T - 5, T - 3)})`,
            value: (population3to5 * sumBirths(year)) / sumBirths(T),
          }
        : { formula: String(population3to5), value: population3to5 };
      const kg = years.table.cell("kg", y);
      const achieved =
        kgT > 0
          ? {
              formula: `ROUND(${enrolled}*${kg}/${years.table.cell("kg", 0)},0)`,
              value: roundHalfAway((enrolled * Number(years.table.values("kg")[y] ?? 0)) / kgT),
            }
          : { formula: String(enrolled), value: enrolled };
      const due = preschool.dueYear ?? T;
      const share = trajectoryShare(preschool.fromYear, due, year);
      rows.push({
        key: "preschool",
        label: "学前三年毛入园率",
        unit: "人",
        year,
        y,
        start: preschool.fromYear,
        due,
        share,
        base,
        achieved,
        required: requiredOnTrajectory(preschool.value, base.value, share),
      });
    }
  }
  if (rows.length === 0) return;
  const target = (row: TargetYear) =>
    ctx.param(row.key === "standardized" ? "standardized.target_rate" : "preschool.target_rate");
  sb.note(
    "目标进度: 年末应达到 = ROUNDUP(目标 × 基数 × 应完成进度); 应完成进度 = (年度 − 起始年度 + 1) / (到期年度 − 起始年度 + 1), 到期后为 1。标准化学校按本年达标数; 在园幼儿按幼儿园预测人数同比变动; 3–5 岁人口按出生人口同比变动",
  );
  const table = sb.table<TargetYear>({
    name: "tblPlanTargets",
    rows,
    columns: [
      { key: "target", header: "目标", width: 18, style: "text", cell: ({ item }) => val(item.label) },
      { key: "year", header: "年度", width: 7, cell: ({ item }) => val(item.year) },
      {
        key: "rate",
        header: "目标值",
        width: 8,
        style: "rate",
        cell: ({ item }) => fx(target(item).name, target(item).value),
      },
      { key: "start", header: "起始年度", width: 8, cell: ({ item }) => val(item.start) },
      { key: "due", header: "到期年度", width: 8, cell: ({ item }) => val(item.due) },
      {
        key: "share",
        header: "应完成进度",
        width: 10,
        style: "rate",
        cell: ({ item, ref }) =>
          fx(trajectoryShareFormula(ref("start"), ref("due"), ref("year")), item.share),
      },
      {
        key: "base",
        header: "基数",
        width: 10,
        style: "decimal",
        cell: ({ item }) => fx(item.base.formula, item.base.value),
      },
      {
        key: "required",
        header: "年末应达到",
        width: 10,
        style: "integer",
        cell: ({ item, ref }) =>
          fx(requiredOnTrajectoryFormula(ref("rate"), ref("base"), ref("share")), item.required),
      },
      {
        key: "achieved",
        header: "预计达到",
        width: 10,
        style: "integer",
        cell: ({ item }) => fx(item.achieved.formula, item.achieved.value),
      },
      {
        key: "gap",
        header: "差额(负数为缺)",
        width: 10,
        style: "integer",
        cell: ({ item, ref }) =>
          fx(`${ref("achieved")}-${ref("required")}`, item.achieved.value - item.required),
      },
      {
        key: "pass",
        header: "达到进度",
        width: 8,
        style: "verdict",
        cell: ({ item, ref }) =>
          sb.verdict(`${ref("achieved")}>=${ref("required")}`, item.achieved.value >= item.required),
      },
    ],
  });
  sb.passFail(table.range("pass"), table.cell("pass", 0));
  sb.conditional(table.range("gap"), `${table.cell("gap", 0)}<0`, "fail");
  rows.forEach((row, i) => {
    const pass = row.achieved.value >= row.required;
    const what = row.key === "standardized" ? "达标学校" : "在园幼儿";
    sb.registerCheck(ctx, table.cell("pass", i), {
      id: `plan.target.${row.key}.${row.year}`,
      labelZh: `${row.year}年 ${row.label}达到进度 (规划)`,
      labelEn: `${row.year}: ${row.key === "standardized" ? "standardized schools" : "preschool enrollment"} on the target's trajectory (term plan)`,
      pass,
      detailZh: `${row.year}年末${what}应达 ${row.required} ${row.unit}, 预计 ${row.achieved.value} ${row.unit}${pass ? "" : `, 缺 ${row.required - row.achieved.value} ${row.unit}`} (目标 ${pct(target(row).value)} 于 ${row.due} 年到期)`,
      detailEn: `${row.year}: ${row.achieved.value} against ${row.required} due by the year's end`,
    });
  });
}

/** The debt repaid by the end of the plan: what stays owed at the end of its last year is 0. */
function debtCheck(ctx: BuildContext, sb: SheetBuilder, budget: BudgetResult): void {
  if (!ctx.district.debts) return;
  const last = budget.years.length - 1;
  const year = budget.years[last] ?? ctx.district.budgetYear;
  const owed = Number(budget.table.values("owed")[last] ?? 0);
  const pass = roundHalfAway(owed, 2) === 0;
  sb.checkRow(
    ctx,
    {
      label: `规划末年 (${year}年) 末欠款全部偿还`,
      formula: `ROUND(${budget.table.cell("owed", last)},2)=0`,
    },
    {
      id: "plan.debt",
      labelZh: "规划期末教育欠款全部偿还",
      labelEn: "Education debt repaid by the end of the term plan",
      pass,
      detailZh: pass ? `至 ${year} 年末欠款全部偿还` : `至 ${year} 年末仍未偿还 ${owed.toFixed(2)} 万元`,
      detailEn: pass
        ? `repaid by the end of ${year}`
        : `${owed.toFixed(2)} (10k yuan) unpaid at the end of ${year}`,
    },
  );
}

/** Rows a chart takes on the sheet, and the columns it spans (within the tables' width, so it prints with them). */
const CHART_ROWS = 16;
const CHART_COLUMNS = 6;
const CHARTS_PER_PAGE = 2;

/**
 * The charts below the tables: enrollment by level per year; classes needed against classrooms per year (in all,
 * and at each site short of classrooms in some year, at most three); spending by category per year.
 */
function charts(
  sb: SheetBuilder,
  term: TermPlan,
  years: YearsResult,
  capacity: CapacityResult,
  budget: BudgetResult,
): void {
  // Two charts to a printed page, each pair on a page of its own: a chart never runs across a page break (a repeated
  // title row would print over its part on the next page).
  let placed = 0;
  const place = (chart: Omit<ChartPlan, "from" | "to">) => {
    if (placed > 0 && placed % CHARTS_PER_PAGE === 0) sb.pageBreak();
    placed += 1;
    sb.chart({
      ...chart,
      from: cellAddress(sb.row, 0),
      to: cellAddress(sb.row + CHART_ROWS - 1, CHART_COLUMNS),
    });
    sb.row += CHART_ROWS + 1;
  };
  sb.pageBreak();
  sb.note("图表 (随上表数据更新)");
  place({
    type: "column",
    title: "各学段在校生 (人)",
    categories: years.table.range("year"),
    series: LEVEL_SUMS.map((l) => ({ name: l.header, values: years.table.range(l.key) })),
  });
  place({
    type: "column",
    title: "所需班数与教室数 (全区)",
    categories: years.table.range("year"),
    series: [
      { name: "所需班数", values: years.table.range("needed") },
      { name: "教室数", values: years.table.range("classrooms") },
    ],
  });
  const n = term.years.length;
  const short = term.sites
    .map((site, s) => ({ site, s }))
    .filter(({ site }) => site.years.some((line) => !line.pass))
    .slice(0, 3);
  for (const { site, s } of short) {
    const rows = (key: string) =>
      `${capacity.table.cell(key, s * n)}:${capacity.table.cell(key, s * n + n - 1)}`;
    place({
      type: "column",
      title: `${site.name}: 所需班数与教室数`,
      categories: rows("year"),
      series: [
        { name: "所需班数", values: rows("needed") },
        { name: "教室数", values: rows("classrooms") },
      ],
    });
  }
  place({
    type: "column",
    title: "各年支出构成 (万元)",
    categories: budget.table.range("year"),
    series: [
      { name: "人员经费", values: budget.table.range("personnel") },
      { name: "公用经费", values: budget.table.range("publicFunds") },
      { name: "学生资助", values: budget.table.range("aid") },
      { name: "建设项目", values: budget.table.range("projects") },
      { name: "偿还欠款", values: budget.table.range("debt") },
    ],
  });
}
