/**
 * 基建: the capital projects with their funding split reconciled against the total cost,
 * the year-T amount split by funding source (in proportion to the project's split), totals by category, status
 * and source, and the counts the source states (e.g. "7 projects to start") against the projects listed.
 */
import {
  PROJECT_CATEGORIES,
  PROJECT_STATUSES,
  type PriorProject,
  type Project,
  type StatedCount,
} from "../../district/model";
import { reconcile, reconcileFormula } from "../../domain/debt";
import { PAIR_RESULTS, pairProjects, type PairedProject, type ProjectPair } from "../../domain/projectPairs";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import type { SheetDefinition, SheetResult } from "../registry";
import { countEqual, sameText, sumEqual } from "./exact";
import { listedEn, listedZh } from "../listing";

/** What 基建 hands on: the project names column (value: how many), when there are projects (for 学前). */
export interface ProjectsOutput {
  readonly names: CellExport | undefined;
  /** The projects table (预算明细 reads each project's amount in T). */
  readonly table: TableResult;
}

export const projectsSheet: SheetDefinition<"projects", ProjectsOutput> = {
  key: "projects",
  nameZh: "基建",
  nameEn: "Capital projects",
  titleZh: "基本建设项目",
  titleEn: "Capital projects",
  tabColor: "7030A0",
  needs: [],
  build: buildProjectsSheet,
};

const SOURCES = [
  { key: "central", zh: "中央", en: "central" },
  { key: "provincial", zh: "省级", en: "provincial" },
  { key: "district", zh: "区级", en: "district" },
  { key: "town", zh: "镇级", en: "town" },
] as const;
type SourceKey = (typeof SOURCES)[number]["key"];

const splitOf = (p: Project) => p.central + p.provincial + p.district + p.town;
/** The funding split reconciled with the total cost: split − total cost, to the cent. */
const splitDifference = (p: Project) => reconcile(splitOf(p), [p.totalCost]);
/** The year-T amount paid from one source: the project's amount in T in proportion to its funding split. */
export const yearShare = (p: Project, source: SourceKey) =>
  splitOf(p) === 0 ? 0 : (p.amountInYear * p[source]) / splitOf(p);

export function buildProjectsSheet(ctx: BuildContext): SheetResult<ProjectsOutput> {
  const sb = new SheetBuilder(projectsSheet, ctx);
  sb.title(
    "基本建设项目",
    "单位: 万元。资金来源合计应等于总投资 (差额标红); 本年各来源金额 = 本年安排 × 该来源占资金来源合计的比例",
  );
  const projects = ctx.district.projects;
  const headerRow = sb.row;
  const table = sb.table<Project>({
    name: "tblProjects",
    rows: projects,
    columns: [
      { key: "name", header: "项目名称", width: 26, style: "text", cell: (c) => val(c.item.name) },
      { key: "school", header: "学校/地点", width: 12, style: "text", cell: (c) => val(c.item.school) },
      { key: "status", header: "新建/续建", width: 9, cell: (c) => val(c.item.status) },
      { key: "category", header: "类别", width: 10, cell: (c) => val(c.item.category) },
      { key: "totalCost", header: "总投资", width: 11, style: "money", cell: (c) => val(c.item.totalCost) },
      ...SOURCES.map((s) => ({
        key: s.key,
        header: `${s.zh}资金`,
        width: 10,
        style: "money" as const,
        cell: (c: { item: Project }) => val(c.item[s.key]),
      })),
      {
        key: "split",
        header: "来源合计",
        width: 11,
        style: "money",
        cell: (c) => fx(`SUM(${c.ref("central")}:${c.ref("town")})`, splitOf(c.item)),
      },
      {
        key: "difference",
        header: "来源合计−总投资",
        width: 12,
        style: "money",
        cell: (c) => fx(reconcileFormula(c.ref("split"), [c.ref("totalCost")]), splitDifference(c.item)),
      },
      { key: "startYear", header: "开工年度", width: 9, cell: (c) => val(c.item.startYear) },
      { key: "endYear", header: "竣工年度", width: 9, cell: (c) => val(c.item.endYear) },
      {
        key: "amountInYear",
        header: "本年安排",
        width: 11,
        style: "money",
        cell: (c) => val(c.item.amountInYear),
      },
      ...SOURCES.map((s) => ({
        key: `year_${s.key}`,
        header: `本年${s.zh}`,
        width: 10,
        style: "money" as const,
        cell: (c: { item: Project; ref(key: string): string }) =>
          fx(
            `IF(${c.ref("split")}=0,0,${c.ref("amountInYear")}*${c.ref(s.key)}/${c.ref("split")})`,
            yearShare(c.item, s.key),
          ),
      })),
    ],
    totals: {
      label: "合计",
      keys: [
        "totalCost",
        ...SOURCES.map((s) => s.key),
        "split",
        "difference",
        "amountInYear",
        ...SOURCES.map((s) => `year_${s.key}`),
      ],
    },
  });
  if (projects.length > 0) {
    sb.validation(table.range("status"), PROJECT_STATUSES, "请选择 新建 或 续建");
    sb.validation(table.range("category"), PROJECT_CATEGORIES, `请选择 ${PROJECT_CATEGORIES.join("/")}`);
  }
  if (projects.length === 0) sb.note("本区未录入基建项目。");
  const diffRange = table.range("difference");
  const diffTop = diffRange.split(":")[0] ?? diffRange;
  sb.conditional(diffRange, `${diffTop}<>0`, "fail");
  splitCheck(ctx, sb, table, projects);
  groupTotals(sb, table, "category", "按类别", PROJECT_CATEGORIES, "tblProjectsByCategory");
  groupTotals(sb, table, "status", "按建设性质", PROJECT_STATUSES, "tblProjectsByStatus");
  bySource(sb, table, projects);
  ctx.district.statedCounts.forEach((stated, i) => {
    if (stated.items.some((item) => projects.some((p) => sameText(p.name, item))))
      statedCount(ctx, sb, table, stated, i);
  });
  if (projects.some((p) => p.status === "续建"))
    sb.note("续建项目的名称应与上年开工的项目一致; 名称不同的请核实是否同一项目。");
  if (ctx.district.priorProjects) priorPairs(ctx, sb, ctx.district.priorProjects);
  if (projects.length > 0) {
    const line = {
      category: "基本建设",
      categoryEn: "Capital projects",
      amount: table.total("amountInYear"),
      bySource: Object.fromEntries(SOURCES.map((s) => [s.key, table.total(`year_${s.key}`)])),
    };
    ctx.budgetLines.push(line);
  }
  sb.freezeAt(headerRow + 1, 1);
  sb.printSetup({
    orientation: "landscape",
    fitToWidth: true,
    repeatRows: `${headerRow + 1}:${headerRow + 1}`,
  });
  const names = projects.length > 0 ? { ref: table.sheetRange("name"), value: projects.length } : undefined;
  return { plan: sb.build(), output: { names, table } };
}

function splitCheck(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  projects: readonly Project[],
): void {
  const mismatched = projects.filter((p) => splitDifference(p) !== 0);
  const range = table.range("difference");
  sb.checkRow(
    ctx,
    {
      label: "各项目资金来源合计等于总投资",
      formula: `COUNTIF(${range},">0")+COUNTIF(${range},"<0")=0`,
    },
    {
      id: "projects.split",
      labelZh: "基建项目资金来源与总投资相符",
      labelEn: "Project funding splits add up to the total cost",
      pass: mismatched.length === 0,
      detailZh: mismatched.length === 0 ? "全部相符" : `不符: ${listedZh(mismatched.map((p) => p.name))}`,
      detailEn:
        mismatched.length === 0 ? "all agree" : `mismatched: ${listedEn(mismatched.map((p) => p.name))}`,
    },
  );
  projects.forEach((p, i) => {
    const difference = splitDifference(p);
    if (difference === 0) return;
    ctx.reconciliations.push({
      labelZh: `基建项目「${p.name}」: 资金来源合计 − 总投资`,
      labelEn: `Project "${p.name}": funding split − total cost`,
      sheet: "projects",
      difference: {
        ref: table.absoluteCell("difference", i, true),
        value: difference,
      },
    });
  });
}

function groupTotals(
  sb: SheetBuilder,
  table: TableResult,
  key: "category" | "status",
  label: string,
  groups: readonly string[],
  name: string,
): void {
  const values = table.values(key);
  const sumWhere = (group: string, column: string) =>
    table
      .values(column)
      .reduce<number>((s, v, i) => s + (values[i] === group && typeof v === "number" ? v : 0), 0);
  sb.table({
    name,
    rows: groups,
    columns: [
      { key: "group", header: label, width: 12, cell: (c) => val(c.item) },
      {
        key: "count",
        header: "项目数",
        style: "integer",
        cell: (c) =>
          fx(countEqual(table.range(key), c.ref("group")), values.filter((v) => v === c.item).length),
      },
      {
        key: "totalCost",
        header: "总投资",
        style: "money",
        cell: (c) =>
          fx(
            sumEqual(table.range(key), c.ref("group"), table.range("totalCost")),
            sumWhere(c.item, "totalCost"),
          ),
      },
      {
        key: "amountInYear",
        header: "本年安排",
        style: "money",
        cell: (c) =>
          fx(
            sumEqual(table.range(key), c.ref("group"), table.range("amountInYear")),
            sumWhere(c.item, "amountInYear"),
          ),
      },
    ],
    totals: { label: "合计", keys: ["count", "totalCost", "amountInYear"] },
  });
}

function bySource(sb: SheetBuilder, table: TableResult, projects: readonly Project[]): void {
  sb.table({
    name: "tblProjectsBySource",
    rows: [...SOURCES],
    columns: [
      { key: "source", header: "资金来源", width: 12, cell: (c) => val(c.item.zh) },
      {
        key: "committed",
        header: "总投资中",
        style: "money",
        cell: (c) =>
          fx(
            `SUM(${table.range(c.item.key)})`,
            projects.reduce((s, p) => s + p[c.item.key], 0),
          ),
      },
      {
        key: "yearT",
        header: "本年安排中",
        style: "money",
        cell: (c) =>
          fx(
            `SUM(${table.range(`year_${c.item.key}`)})`,
            projects.reduce((s, p) => s + yearShare(p, c.item.key), 0),
          ),
      },
    ],
    totals: { label: "合计", keys: ["committed", "yearT"] },
  });
}

/** A count the source states next to the projects it names, against the projects table. */
function statedCount(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  stated: StatedCount,
  index: number,
): void {
  const projects = ctx.district.projects;
  const matched = projects.filter((p) => stated.items.some((item) => sameText(item, p.name)));
  // As COUNTIF(found,"是") counts: the listed items that name a project (in any case).
  const matchedItems = stated.items.filter((item) => projects.some((p) => sameText(p.name, item))).length;
  const statuses = [...new Set(matched.map((p) => p.status))];
  const status =
    statuses.length === 1 ? (statuses[0] as string) : /续建|完成/.test(stated.label) ? "续建" : "新建";
  const withStatus = projects.filter((p) => p.status === status).length;
  sb.note(`所述: 「${stated.label}」 ${stated.source}`);
  const items = sb.table({
    name: `tblProjectsStated${index}`,
    rows: stated.items,
    columns: [
      { key: "item", header: "所列项目", width: 26, style: "text", cell: (c) => val(c.item) },
      {
        key: "found",
        header: "在项目表中",
        width: 10,
        cell: (c) =>
          sb.yesNo(
            `${countEqual(table.range("name"), c.ref("item"))}>0`,
            projects.some((p) => sameText(p.name, c.item)),
          ),
      },
    ],
  });
  const found = items.range("found");
  sb.conditional(found, `${found.split(":")[0]}=${str(sb.verdicts.no)}`, "warn");
  const pass =
    stated.stated === stated.items.length &&
    stated.items.length === withStatus &&
    matchedItems === stated.items.length;
  const kind = status === "新建" ? "new" : "continuing";
  sb.statedCount(ctx, {
    stated: { label: "所述数量", value: stated.stated },
    listed: {
      label: "所列项目数",
      formula: `COUNTA(${items.range("item")})`,
      value: stated.items.length,
    },
    others: [
      {
        key: "matched",
        label: "其中在项目表中",
        formula: `COUNTIF(${found},${str(sb.verdicts.yes)})`,
        value: matchedItems,
      },
      {
        key: "against",
        label: `项目表中${status}项目数`,
        formula: `COUNTIF(${table.range("status")},${str(status)})`,
        value: withStatus,
      },
    ],
    differenceLabel: "差额(所述 − 项目表)",
    reconciliation: {
      labelZh: `「${stated.label}」: 所述数量 − 项目表${status}项目数`,
      labelEn: `"${stated.label}": stated count − ${kind} projects listed`,
    },
    check: {
      id: `projects.count.${index}`,
      labelZh: `项目数量: ${stated.label}`,
      labelEn: `Project count: ${stated.label}`,
      pass,
      detailZh: `所述 ${stated.stated}, 列出 ${stated.items.length}, 项目表中${status} ${withStatus}, 匹配 ${matchedItems}`,
      detailEn: `stated ${stated.stated}, listed ${stated.items.length}, ${kind} projects ${withStatus}, matched ${matchedItems}`,
    },
  });
}

type Pair = ProjectPair<PairedProject, PairedProject>;

const pairText = (pair: Pair): string =>
  pair.prior && pair.continuing
    ? `${pair.prior.name}↔${pair.continuing.name} ${PAIR_RESULTS[pair.result]}`
    : `${(pair.prior ?? pair.continuing)?.name ?? ""} ${PAIR_RESULTS[pair.result]}`;

/**
 * The projects started last year against this year's continuing ones, pair by pair: a pair of two names shows the
 * names' comparison as a live EXACT, a project alone says which list it is missing from; the check fails when any
 * pair is not 一致 and is not applicable when there is nothing to pair.
 */
function priorPairs(ctx: BuildContext, sb: SheetBuilder, prior: readonly PriorProject[]): void {
  const towns = new Map(ctx.district.schools.map((school) => [school.code, school.town]));
  const pairs: Pair[] = pairProjects(
    prior.map((p) => ({ name: p.name, town: p.school === undefined ? undefined : towns.get(p.school) })),
    ctx.district.projects
      .filter((p) => p.status === "续建")
      .map((p) => ({ name: p.name, town: towns.get(p.school) })),
  );
  sb.skip();
  sb.note("上年开工项目与本年续建项目核对: 先按名称配对, 名称不同的按学校所在乡镇配对");
  const same = str(PAIR_RESULTS.same);
  const table = sb.table<Pair>({
    name: "tblProjectsPrior",
    rows: pairs,
    columns: [
      {
        key: "prior",
        header: "上年开工项目",
        width: 26,
        style: "text",
        cell: (c) => (c.item.prior ? val(c.item.prior.name.trim()) : null),
      },
      {
        key: "continuing",
        header: "本年续建项目",
        width: 26,
        style: "text",
        cell: (c) => (c.item.continuing ? val(c.item.continuing.name.trim()) : null),
      },
      { key: "town", header: "乡镇", width: 10, style: "text", cell: (c) => val(c.item.town ?? "") },
      {
        key: "result",
        header: "核对结果",
        width: 14,
        cell: (c) =>
          c.item.prior && c.item.continuing
            ? fx(
                `IF(EXACT(${c.ref("prior")},${c.ref("continuing")}),${same},${str(PAIR_RESULTS.renamed)})`,
                PAIR_RESULTS[c.item.result],
              )
            : val(PAIR_RESULTS[c.item.result]),
      },
    ],
  });
  const results = table.range("result");
  sb.conditional(results, `${results.split(":")[0]}<>${same}`, "warn");
  const off = pairs.filter((pair) => pair.result !== "same");
  sb.checkRow(
    ctx,
    {
      label: "上年开工项目与本年续建项目一致",
      formula: `COUNTIF(${results},${same})=COUNTA(${results})`,
    },
    {
      id: "projects.prior",
      labelZh: "上年开工项目与本年续建项目核对",
      labelEn: "Projects started last year against this year's continuing projects",
      pass: off.length === 0,
      ...(pairs.length === 0 && { applicable: false }),
      detailZh:
        pairs.length === 0
          ? "没有上年开工项目和本年续建项目"
          : off.length === 0
            ? "全部一致"
            : off.map(pairText).join("; "),
      detailEn:
        pairs.length === 0
          ? "no projects started last year and none continuing"
          : off.length === 0
            ? "all agree"
            : `${off.length} of ${pairs.length} pairs differ: ${off.map(pairText).join("; ")}`,
    },
  );
}
