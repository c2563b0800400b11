/**
 * 学前 (§4.7): the gross enrollment rate (ENROLLMENT_RATE), the places still needed for the target
 * (PLACES_NEEDED), the planned kindergartens with their capacity (KG_CAPACITY, ≤ the size limit each), whether the
 * new places cover the need, the counts by kind against the count the source states, and the year-T
 * construction cost for 汇总.
 */
import { KINDERGARTEN_KINDS, type PlannedKindergarten, type StatedCount } from "../../district/model";
import {
  requiredOnTrajectory,
  requiredOnTrajectoryFormula,
  trajectoryShare,
  trajectoryShareFormula,
} from "../../domain/targets";
import {
  enrollmentRate,
  enrollmentRateFormula,
  kgCapacity,
  kgCapacityFormula,
  placesNeeded,
  placesNeededFormula,
} from "../../domain/preschool";
import { cellAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import { thresholdSpec } from "../places";
import { handsNothing, type SheetDefinition } from "../registry";
import type { SheetKey, SheetPlan } from "../types";
import { countEqual, sameText } from "./exact";
import { listedEn, listedZh } from "../listing";
import { notInForceSpec } from "../verdict";

export const preschoolSheet: SheetDefinition<"preschool", undefined> = {
  key: "preschool",
  nameZh: "学前",
  nameEn: "Preschool",
  titleZh: "学前教育: 入园率与新建幼儿园",
  titleEn: "Preschool",
  tabColor: "FFC000",
  needs: ["parameters", "schools"],
  // Without 基建 (or without projects) no kindergarten is marked as a capital project (基建项目 FALSE).
  reads: ["projects"],
  build: handsNothing(buildPreschoolSheet),
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function buildPreschoolSheet(ctx: BuildContext): SheetPlan<SheetKey> {
  const sb = new SheetBuilder(preschoolSheet, ctx);
  sb.title(
    "学前教育: 入园率与新建幼儿园",
    "毛入园率 = 在园(班)幼儿数 / 3–5 岁人口 (可超过 100%); 幼儿园容量 = 小班25·中班30·大班35·混龄30 (参数)",
  );
  const { district } = ctx;
  const { planned } = district.preschool;
  const capacities = planned.map((k) =>
    kgCapacity(ctx.pack, k.smallClasses, k.middleClasses, k.largeClasses, k.mixedClasses),
  );
  const need = enrollment(ctx, sb);
  const T = district.budgetYear;
  const projectNames = ctx.outputIfBuilt("projects")?.names?.ref;
  const isProject = (k: PlannedKindergarten) =>
    projectNames !== undefined && district.projects.some((p) => sameText(p.name, k.name));
  const budgetedInT = (k: PlannedKindergarten) => k.year === T && !isProject(k);
  const table = kindergartens(ctx, sb, { capacities, projectNames, isProject, budgetedInT });
  trajectory(ctx, sb, table, capacities, need);
  placesAndSizes(ctx, sb, table, capacities, need);
  const kinds = byKind(sb, table, planned);
  // A count that names capital projects (some of them kindergartens) is checked on 基建.
  district.statedCounts.forEach((stated, i) => {
    const names = (list: readonly { name: string }[]) =>
      stated.items.some((item) => list.some((x) => sameText(x.name, item)));
    if (names(planned) && !names(district.projects)) statedCount(ctx, sb, table, kinds, stated, i);
  });
  const costInT = planned.filter(budgetedInT).reduce((s, k) => s + k.cost, 0);
  sb.note(
    `${T}年预算投资: 建成年度为 ${T} 年且未列入基建项目表的幼儿园 (已列入的由基建计入汇总, 不重复计算)。`,
  );
  if (planned.length > 0)
    ctx.budgetLines.push({
      category: "学前教育建设",
      categoryEn: "Preschool construction",
      amount: { ref: table.total("budgetT").ref, value: costInT },
    });
  sb.freezeAt(2);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return sb.build();
}

/**
 * The gross enrollment rate against the target of the district's pack (a check in T when it is due in T) and the
 * places still needed. A target due after T is checked on 学前's trajectory instead (trajectory below); a pack
 * with no target checks nothing and says so.
 */
function enrollment(ctx: BuildContext, sb: SheetBuilder): Need {
  const { population3to5: population, enrolled } = ctx.district.preschool;
  const target = ctx.param("preschool.target_rate");
  const policy = ctx.pack.values["preschool.target_rate"];
  const T = ctx.district.budgetYear;
  const rate = population === 0 ? null : enrollmentRate(enrolled, population);
  const at = (i: number) => cellAddress(sb.row + i, 1);
  const [popL, enrolledL, rateL, targetL] = [at(0), at(1), at(2), at(3)];
  const facts = [
    { key: "population", label: "学前三年适龄人口(3–5岁)", cell: val(population), style: "integer" as const },
    { key: "enrolled", label: "在园(班)幼儿数", cell: val(enrolled), style: "integer" as const },
    {
      key: "rate",
      label: "毛入园率",
      cell: fx(`IF(${popL}=0,"",${enrollmentRateFormula(enrolledL, popL)})`, rate ?? ""),
      style: "rate" as const,
    },
  ];
  if (policy.notSet) {
    sb.keyValues(facts);
    sb.note("本区未设定该项目标 (学前三年毛入园率), 只列出入园情况。");
    return { needed: 0, local: undefined };
  }
  const needed = placesNeeded(target.value, population, enrolled);
  const due = policy.dueYear ?? T;
  const rateOk = rate !== null && rate >= target.value;
  const top = sb.keyValues([
    ...facts,
    {
      key: "target",
      label: "目标入园率",
      cell: fx(target.name, target.value),
      style: "rate",
      note: policy.source,
    },
    due <= T
      ? {
          key: "rateOk",
          label: "达到目标入园率",
          cell: sb.verdict(`IF(${popL}=0,FALSE(),${rateL}>=${targetL})`, rateOk),
          style: "verdict",
        }
      : {
          key: "due",
          label: "目标到期年度",
          cell: val(due),
          note: `${T}年不以目标入园率核对, 按学位进度核对`,
        },
    {
      key: "needed",
      label: "达到目标尚需学位",
      cell: fx(placesNeededFormula(targetL, popL, enrolledL), needed),
      style: "integer",
    },
  ]);
  const rateCell = top.rateOk;
  const shownRate = rate === null ? "—" : pct(rate);
  if (rateCell)
    sb.check(ctx, rateCell.local, {
      id: "preschool.rate",
      labelZh: "学前三年毛入园率达到目标",
      labelEn: "Preschool enrollment rate meets the target",
      pass: rateOk,
      detailZh: `毛入园率 ${shownRate} ${rateOk ? "≥" : "<"} 目标 ${pct(target.value)}`,
      detailEn: `rate ${shownRate} ${rateOk ? "≥" : "<"} target ${pct(target.value)}`,
      ...thresholdSpec(ctx, "preschool.target_rate"),
    });
  const dueCell = top.due;
  return {
    needed,
    local: top.needed?.local ?? "B1",
    ...(dueCell && due > T ? { trajectory: { due, dueAbsolute: dueCell.absolute } } : {}),
  };
}

/** The places still needed and, for a target due after T, the due year and its cell. */
interface Need {
  readonly needed: number;
  /** The cell of the places needed; undefined when the pack sets no target. */
  readonly local: string | undefined;
  readonly trajectory?: { readonly due: number; readonly dueAbsolute: string };
}

/**
 * A target due after T: the places needed by the end of each year to the due year (equal yearly steps from T)
 * against the places of the kindergartens planned to open by then; T's step is a check.
 */
function trajectory(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  capacities: readonly number[],
  need: Need,
): void {
  const plan = need.trajectory;
  if (!plan || need.local === undefined) return;
  const T = ctx.district.budgetYear;
  const { planned } = ctx.district.preschool;
  const neededAbs = need.local.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const years = Array.from({ length: plan.due - T + 1 }, (_, k) => T + k);
  const steps = years.map((year) => {
    const share = trajectoryShare(T, plan.due, year);
    const required = requiredOnTrajectory(1, need.needed, share);
    const places = planned.reduce((sum, k, i) => sum + (k.year <= year ? (capacities[i] ?? 0) : 0), 0);
    return { year, share, required, places, ok: places >= required };
  });
  sb.note(
    `目标于 ${plan.due} 年到期: 所需学位按年平均安排, 各年末新增学位 (建成年度不晚于该年的规划幼儿园) 与进度核对`,
  );
  const sumBy = (year: string) =>
    planned.length > 0 ? `SUMIFS(${table.range("capacity")},${table.range("year")},"<="&${year})` : "0";
  const result = sb.table<(typeof steps)[number]>({
    name: "tblPreschoolTrajectory",
    rows: steps,
    columns: [
      { key: "year", header: "年度", width: 8, cell: (c) => val(c.item.year) },
      {
        key: "share",
        header: "应完成进度",
        width: 11,
        style: "rate",
        cell: (c) => fx(trajectoryShareFormula(String(T), plan.dueAbsolute, c.ref("year")), c.item.share),
      },
      {
        key: "required",
        header: "年末应新增学位",
        width: 13,
        style: "integer",
        cell: (c) => fx(requiredOnTrajectoryFormula("1", neededAbs, c.ref("share")), c.item.required),
      },
      {
        key: "places",
        header: "年末规划新增学位",
        width: 14,
        style: "integer",
        cell: (c) => fx(sumBy(c.ref("year")), c.item.places),
      },
      {
        key: "ok",
        header: "达到进度",
        width: 10,
        style: "verdict",
        cell: (c) => sb.verdict(`${c.ref("places")}>=${c.ref("required")}`, c.item.ok),
      },
    ],
  });
  const first = steps[0];
  if (!first) return;
  sb.passFail(result.range("ok"), result.range("ok").split(":")[0] ?? result.range("ok"));
  sb.check(ctx, result.cell("ok", 0), {
    id: "preschool.trajectory",
    labelZh: "学前三年毛入园率目标: 本年学位进度",
    labelEn: "Preschool enrollment target: this year's places on track",
    pass: first.ok,
    detailZh: `目标 ${plan.due} 年到期; ${T}年末应新增 ${first.required} 个学位, 规划新增 ${first.places} 个`,
    detailEn: `target due in ${plan.due}; ${first.required} new places due by the end of ${T}, ${first.places} planned`,
  });
}

/** The planned kindergartens with their capacity, size limit, cost and year-T budget (tblKindergartens). */
function kindergartens(
  ctx: BuildContext,
  sb: SheetBuilder,
  of: {
    readonly capacities: readonly number[];
    readonly projectNames: string | undefined;
    isProject(k: PlannedKindergarten): boolean;
    budgetedInT(k: PlannedKindergarten): boolean;
  },
): TableResult {
  const { capacities, projectNames, isProject, budgetedInT } = of;
  const { planned } = ctx.district.preschool;
  const T = ctx.district.budgetYear;
  const yearRef = ctx.names.some((n) => n.name === "D_budget_year") ? "D_budget_year" : String(T);
  const table = sb.table<PlannedKindergarten>({
    name: "tblKindergartens",
    rows: planned,
    columns: [
      { key: "name", header: "幼儿园", width: 22, style: "text", cell: (c) => val(c.item.name) },
      { key: "kind", header: "类型", width: 13, cell: (c) => val(c.item.kind) },
      { key: "town", header: "乡镇", width: 10, style: "text", cell: (c) => val(c.item.town) },
      { key: "small", header: "小班", width: 7, style: "integer", cell: (c) => val(c.item.smallClasses) },
      { key: "middle", header: "中班", width: 7, style: "integer", cell: (c) => val(c.item.middleClasses) },
      { key: "large", header: "大班", width: 7, style: "integer", cell: (c) => val(c.item.largeClasses) },
      { key: "mixed", header: "混龄班", width: 8, style: "integer", cell: (c) => val(c.item.mixedClasses) },
      {
        key: "capacity",
        header: "容量(人)",
        width: 9,
        style: "integer",
        cell: (c) =>
          fx(
            kgCapacityFormula(
              {
                small: c.ref("small"),
                middle: c.ref("middle"),
                large: c.ref("large"),
                mixed: c.ref("mixed"),
              },
              {
                small: ctx.param("class_size.kg_small").name,
                middle: ctx.param("class_size.kg_middle").name,
                large: ctx.param("class_size.kg_large").name,
                mixed: ctx.param("class_size.kg_mixed").name,
              },
            ),
            capacities[c.index] ?? 0,
          ),
      },
      {
        key: "sizeOk",
        header: "规模不超限",
        width: 10,
        style: "verdict",
        cell: (c) =>
          sb.verdict(
            `${c.ref("capacity")}<=${ctx.param("preschool.max_kindergarten_size").name}`,
            (capacities[c.index] ?? 0) <= ctx.param("preschool.max_kindergarten_size").value,
          ),
      },
      { key: "cost", header: "建设投资(万元)", width: 12, style: "money", cell: (c) => val(c.item.cost) },
      { key: "year", header: "建成年度", width: 9, cell: (c) => val(c.item.year) },
      {
        key: "inProjects",
        header: "已列入基建",
        width: 10,
        cell: (c) =>
          projectNames
            ? sb.yesNo(`${countEqual(projectNames, c.ref("name"))}>0`, isProject(c.item))
            : val(sb.verdicts.no),
      },
      {
        key: "budgetT",
        header: `${T}年预算投资`,
        width: 12,
        style: "money",
        cell: (c) =>
          fx(
            `IF(AND(${c.ref("year")}=${yearRef},NOT(${sb.isYes(c.ref("inProjects"))})),${c.ref("cost")},0)`,
            budgetedInT(c.item) ? c.item.cost : 0,
          ),
      },
    ],
    totals: { label: "合计", keys: ["small", "middle", "large", "mixed", "capacity", "cost", "budgetT"] },
  });
  if (planned.length > 0) {
    sb.validation(table.range("kind"), KINDERGARTEN_KINDS, `请选择 ${KINDERGARTEN_KINDS.join("/")}`);
    const sizeRange = table.range("sizeOk");
    sb.passFail(sizeRange, sizeRange.split(":")[0] ?? sizeRange);
  }
  return table;
}

/** Whether the new places cover the need and each kindergarten keeps to the size limit, each a check. */
function placesAndSizes(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  capacities: readonly number[],
  need: Need,
): void {
  const { planned } = ctx.district.preschool;
  const { needed } = need;
  const newPlaces = capacities.reduce((s, x) => s + x, 0);
  const maxSize = ctx.param("preschool.max_kindergarten_size");
  const oversize = planned.filter((_, i) => (capacities[i] ?? 0) > maxSize.value);
  const neededRef = need.local;
  const capacityTotal = planned.length > 0 ? table.total("capacity").local : "0";
  const covered = newPlaces >= needed;
  // The 360-child limit (《幼儿园工作规程》 2016) is checked only in a year it is in force or by the user's choice.
  const sizeOff = notInForceSpec(ctx.pack, ["preschool.max_kindergarten_size"], ctx.district.budgetYear);
  const verdicts = sb.keyValues([
    { key: "newPlaces", label: "新建幼儿园新增学位", cell: fx(capacityTotal, newPlaces), style: "integer" },
    ...(neededRef === undefined
      ? []
      : [
          {
            key: "covered",
            label: "新增学位满足所需",
            cell: sb.verdict(`${cellAddress(sb.row, 1)}>=${neededRef}`, covered),
            style: "verdict" as const,
          },
        ]),
    {
      key: "sizes",
      label: `每所幼儿园不超过${maxSize.value}人`,
      // With no planned kindergarten there is no size to check: 不适用, not TRUE.
      cell: sb.verdictCell(`${sb.countFailed(table.range("sizeOk"))}=0`, {
        pass: oversize.length === 0,
        applicable: planned.length > 0 && sizeOff === undefined,
      }),
      style: "verdict",
    },
  ]);
  const push = (
    key: string,
    id: string,
    zh: string,
    en: string,
    pass: boolean,
    detailZh: string,
    detailEn: string,
    applicable = true,
  ) => {
    const cell = verdicts[key];
    if (cell)
      sb.check(ctx, cell.local, {
        id,
        labelZh: zh,
        labelEn: en,
        pass,
        detailZh,
        detailEn,
        ...(applicable ? {} : { applicable: false }),
      });
  };
  push(
    "covered",
    "preschool.places",
    "新建幼儿园学位满足目标需要",
    "New kindergarten places cover the need",
    covered,
    `新增 ${newPlaces} 个学位, 需要 ${needed} 个`,
    `${newPlaces} new places, ${needed} needed`,
  );
  push(
    "sizes",
    "preschool.size",
    `每所幼儿园规模不超过${maxSize.value}人`,
    `Each kindergarten at most ${maxSize.value} children`,
    oversize.length === 0,
    planned.length > 0 && sizeOff
      ? sizeOff.detailZh
      : planned.length === 0
        ? "没有规划新建幼儿园, 不适用"
        : oversize.length === 0
          ? "全部符合"
          : `超限: ${listedZh(oversize.map((k) => k.name))}`,
    planned.length > 0 && sizeOff
      ? sizeOff.detailEn
      : planned.length === 0
        ? "no kindergarten planned: not applicable"
        : oversize.length === 0
          ? "all within the limit"
          : `over the limit: ${listedEn(oversize.map((k) => k.name))}`,
    planned.length > 0 && sizeOff === undefined,
  );
}

/** The planned kindergartens counted by kind. */
function byKind(sb: SheetBuilder, table: TableResult, planned: readonly PlannedKindergarten[]): TableResult {
  return sb.table({
    name: "tblKindergartensByKind",
    rows: KINDERGARTEN_KINDS,
    columns: [
      { key: "kind", header: "类型", width: 13, cell: (c) => val(c.item) },
      {
        key: "count",
        header: "所数",
        style: "integer",
        cell: (c) =>
          fx(
            planned.length > 0 ? countEqual(table.range("kind"), c.ref("kind")) : "0",
            planned.filter((k) => k.kind === c.item).length,
          ),
      },
    ],
    totals: { label: "合计", keys: ["count"] },
  });
}

/** A stated number of new kindergartens against the kindergartens listed and in the plan table. */
function statedCount(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  kinds: TableResult,
  stated: StatedCount,
  index: number,
): void {
  const planned = ctx.district.preschool.planned;
  // As COUNTIF(found,"是") counts: the listed names found among the planned kindergartens, in any case.
  const matched = stated.items.filter((item) => planned.some((k) => sameText(k.name, item))).length;
  const pass =
    stated.stated === stated.items.length &&
    stated.items.length === planned.length &&
    matched === stated.items.length;
  sb.note(`所述: 「${stated.label}」 ${stated.source}`);
  // One row per listed name, so that no formula grows with the number of names (Excel's formula limits).
  const items = sb.table({
    name: `tblKindergartensStated${index}`,
    rows: stated.items,
    columns: [
      { key: "item", header: "所列幼儿园", width: 26, style: "text", cell: (c) => val(c.item) },
      {
        key: "found",
        header: "在规划表中",
        width: 10,
        cell: (c) =>
          sb.yesNo(
            `${countEqual(table.range("name"), c.ref("item"))}>0`,
            planned.some((k) => sameText(k.name, c.item)),
          ),
      },
    ],
  });
  const found = items.range("found");
  sb.conditional(found, `${found.split(":")[0]}=${str(sb.verdicts.no)}`, "warn");
  sb.statedCount(ctx, {
    stated: { label: "所述所数", value: stated.stated },
    listed: {
      label: "所列幼儿园数",
      formula: `COUNTA(${items.range("item")})`,
      value: stated.items.length,
    },
    others: [
      {
        key: "against",
        label: "规划表中幼儿园数",
        formula: kinds.total("count").local,
        value: planned.length,
      },
      {
        key: "matched",
        label: "所列名称在规划表中",
        formula: `COUNTIF(${found},${str(sb.verdicts.yes)})`,
        value: matched,
      },
    ],
    differenceLabel: "差额(所述 − 规划表)",
    reconciliation: {
      labelZh: `「${stated.label}」: 所述所数 − 规划表幼儿园数`,
      labelEn: `"${stated.label}": stated count − kindergartens planned`,
    },
    check: {
      id: `preschool.count.${index}`,
      labelZh: `幼儿园数量: ${stated.label}`,
      labelEn: `Kindergarten count: ${stated.label}`,
      pass,
      detailZh: `所述 ${stated.stated}, 列出 ${stated.items.length}, 规划表 ${planned.length}`,
      detailEn: `stated ${stated.stated}, listed ${stated.items.length}, planned ${planned.length}`,
    },
  });
}
