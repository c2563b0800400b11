/**
 * 公用经费: public funds per compulsory school by the national norms (PUBLIC_FUNDS equivalent: 100-student floor
 * for small rural schools, special-needs students at their own rate, a supplement per boarder), a nine-year or
 * complete secondary school at the norm weighted by its primary and junior students; totals by level and by town;
 * the gap to the funds available (a 专项资金 covers it).
 */
import {
  fundedPupils,
  fundedPupilsFormula,
  parseRegion,
  publicFunds,
  publicFundsFormula,
  publicFundsNorm,
  publicFundsNormFormula,
} from "../../domain/publicFunds";
import { reconcilesFormula } from "../../domain/debt";
import type { School } from "../../district/model";
import { cellAddress } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, val, type TableResult } from "../kit";
import { schoolCause, thresholdSpec } from "../places";
import { notInForceSpec } from "../verdict";
import type { SheetDefinition, SheetResult } from "../registry";
import type { PlanCell } from "../types";
import { sumEqual, textKey } from "./exact";

interface Row {
  readonly school: School;
  readonly index: number;
}

/**
 * What 公用经费 hands on: the total by norm (万元), the per-school table (预算明细 codes it by level), and year T's
 * 义务教育公用经费 available (the input of 录入-财政, which 财政 shows).
 */
export interface PublicFundsOutput {
  readonly total: CellExport;
  readonly table: TableResult;
  readonly available: CellExport;
}

export const publicFundsSheet: SheetDefinition<"publicFunds", PublicFundsOutput> = {
  key: "publicFunds",
  nameZh: "公用经费",
  nameEn: "Public funds",
  titleZh: "义务教育公用经费",
  titleEn: "Public funds",
  tabColor: "FFC000",
  needs: ["parameters", "schools"],
  build: buildPublicFunds,
};

export function buildPublicFunds(ctx: BuildContext): SheetResult<PublicFundsOutput> {
  const { district, pack } = ctx;
  const schools = ctx.output("schools").table;
  const p = (key: Parameters<BuildContext["param"]>[0]) => ctx.param(key).name;
  const sb = new SheetBuilder(publicFundsSheet, ctx);
  sb.title(
    "义务教育公用经费 Public funds",
    "国发〔2015〕67号: 不足100人的农村小规模学校按100人核定; 特殊教育学生按特教定额; 寄宿生另加; 九年一贯制/完全中学按学段人数加权",
  );
  const region = parseRegion(district.region);
  const normFormula = (level: "primary" | "junior") =>
    publicFundsNormFormula("D_region", {
      east: p(`public_funds.east.${level}`),
      centralWest: p(`public_funds.central_west.${level}`),
    });
  const norms = sb.keyValues([
    {
      key: "primary",
      label: "小学生均定额(元/生·年)",
      cell: fx(normFormula("primary"), publicFundsNorm(pack, "primary", region)),
      style: "yuan",
    },
    {
      key: "junior",
      label: "初中生均定额(元/生·年)",
      cell: fx(normFormula("junior"), publicFundsNorm(pack, "junior", region)),
      style: "yuan",
    },
  ]);
  const primaryNorm = norms.primary?.absolute ?? "";
  const juniorNorm = norms.junior?.absolute ?? "";
  const normValue = (key: string): number => Number(norms[key]?.value);

  const rows: Row[] = district.schools.flatMap((school, index) => {
    const n =
      Number(schools.values("primaryStudents")[index]) + Number(schools.values("juniorStudents")[index]);
    return n > 0 ? [{ school, index }] : [];
  });
  const link =
    (key: string) =>
    (r: { item: Row }): PlanCell =>
      fx(schools.cell(key, r.item.index, true), schools.values(key)[r.item.index] ?? "");
  const perSchool = rows.length > 0 && rows.every((r) => r.school.publicFundsAvailable !== undefined);
  const table = sb.table<Row>({
    name: "tblPublicFunds",
    rows,
    totals: {
      label: "合计",
      keys: [
        "students",
        "amount",
        "amountWan",
        "primaryPart",
        "juniorPart",
        ...(perSchool ? ["available", "schoolGap"] : []),
      ],
    },
    columns: [
      { key: "code", header: "学校代码", width: 10, cell: link("code") },
      { key: "name", header: "学校名称", width: 24, cell: link("name") },
      { key: "town", header: "乡镇", width: 10, cell: link("town") },
      { key: "area", header: "城乡", width: 7, cell: link("area") },
      { key: "primary", header: "小学生", style: "integer", cell: link("primaryStudents") },
      { key: "junior", header: "初中生", style: "integer", cell: link("juniorStudents") },
      {
        key: "students",
        header: "义务教育学生",
        style: "integer",
        cell: ({ ref, num }) => fx(`${ref("primary")}+${ref("junior")}`, num("primary") + num("junior")),
      },
      {
        key: "boarders",
        header: "寄宿生",
        style: "integer",
        cell: ({ item, ref, num }) =>
          fx(
            `MIN(${schools.cell("boarders", item.index, true)},${ref("students")})`,
            Math.min(item.school.boarders, num("students")),
          ),
      },
      {
        key: "special",
        header: "特教学生",
        style: "integer",
        cell: ({ item, ref, num }) =>
          fx(
            `MIN(${schools.cell("specialNeeds", item.index, true)},${ref("students")})`,
            Math.min(item.school.specialNeeds, num("students")),
          ),
      },
      {
        key: "small",
        header: "农村小规模",
        style: "verdict",
        cell: ({ ref, value, num }) =>
          sb.yesNo(
            `AND(${ref("area")}="农村",${ref("students")}<${p("public_funds.small_school_floor")})`,
            value("area") === "农村" && num("students") < ctx.param("public_funds.small_school_floor").value,
          ),
      },
      {
        key: "norm",
        header: "生均定额(元)",
        style: "decimal",
        cell: ({ ref, num }) =>
          fx(
            `IF(${ref("students")}=0,0,(${ref("primary")}*${primaryNorm}+${ref("junior")}*${juniorNorm})/${ref("students")})`,
            num("students") === 0
              ? 0
              : (num("primary") * normValue("primary") + num("junior") * normValue("junior")) /
                  num("students"),
          ),
      },
      {
        key: "base",
        header: "核定人数",
        style: "integer",
        cell: ({ item, ref, num }) =>
          fx(
            fundedPupilsFormula(
              ref("students"),
              ref("special"),
              sb.isYes(ref("small")),
              p("public_funds.small_school_floor"),
            ),
            fundedPupils(
              {
                students: num("students"),
                boarders: num("boarders"),
                special: num("special"),
                smallRural: item.school.area === "农村",
              },
              pack,
            ),
          ),
      },
      {
        key: "amount",
        header: "公用经费(元)",
        style: "yuan",
        cell: ({ item, ref, num }) =>
          fx(
            publicFundsFormula(ref("base"), ref("norm"), ref("special"), ref("boarders"), {
              special: p("public_funds.special"),
              boarder: p("public_funds.boarder"),
            }),
            publicFunds(
              {
                students: num("students"),
                boarders: num("boarders"),
                special: num("special"),
                smallRural: item.school.area === "农村",
                norm: num("norm"),
              },
              pack,
            ),
          ),
      },
      {
        key: "amountWan",
        header: "公用经费(万元)",
        style: "money",
        cell: ({ ref, num }) => fx(`${ref("amount")}/10000`, num("amount") / 10000),
      },
      {
        key: "primaryPart",
        header: "其中小学(万元)",
        style: "money",
        cell: ({ ref, num }) =>
          fx(
            `IF(${ref("students")}=0,0,${ref("amountWan")}*${ref("primary")}/${ref("students")})`,
            num("students") === 0 ? 0 : (num("amountWan") * num("primary")) / num("students"),
          ),
      },
      {
        key: "juniorPart",
        header: "其中初中(万元)",
        style: "money",
        cell: ({ ref, num }) =>
          fx(`${ref("amountWan")}-${ref("primaryPart")}`, num("amountWan") - num("primaryPart")),
      },
      // Where every school gives its own funds, the gap is per school: a surplus at one school covers no other's.
      ...(perSchool
        ? [
            {
              key: "available",
              header: "本校可用(万元) 录入",
              style: "money" as const,
              cell: ({ item }: { item: Row }) => val(item.school.publicFundsAvailable ?? 0),
            },
            {
              key: "schoolGap",
              header: "本校缺口(万元)",
              style: "money" as const,
              cell: ({ ref, num }: { ref: (key: string) => string; num: (key: string) => number }) =>
                fx(
                  `MAX(0,${ref("amountWan")}-${ref("available")})`,
                  Math.max(0, num("amountWan") - num("available")),
                ),
            },
          ]
        : []),
    ],
  });
  const total = table.total("amountWan");

  // Totals by town: an exact-match sum over the per-school table, reconciled with the grand total. Towns are
  // grouped as `=` compares them (any case), each under its first spelling, so no school is counted twice.
  const byKey = new Map<string, string>();
  for (const r of rows)
    if (!byKey.has(textKey(r.school.town))) byKey.set(textKey(r.school.town), r.school.town);
  const towns = [...byKey.values()];
  const amounts = table.values("amountWan");
  const townAmount = (town: string) =>
    rows.reduce((sum, r, i) => sum + (textKey(r.school.town) === textKey(town) ? Number(amounts[i]) : 0), 0);
  sb.note("按乡镇 By town");
  const byTown = sb.table<string>({
    name: "tblPublicFundsByTown",
    rows: towns,
    totals: { label: "合计", keys: ["amount"] },
    columns: [
      { key: "town", header: "乡镇", width: 10, cell: ({ item }) => val(item) },
      {
        key: "amount",
        header: "公用经费(万元)",
        style: "money",
        cell: ({ item, ref }) =>
          fx(
            sumEqual(table.absoluteRange("town"), ref("town"), table.absoluteRange("amountWan")),
            townAmount(item),
          ),
      },
    ],
  });
  const townTotal = towns.length > 0 ? byTown.total("amount") : { ref: "", value: 0 };

  // What is available, the gap (a special appropriation covers the shortfall), and the reconciliation.
  const available = district.fiscal.current.compulsoryPublicFunds;
  const gapRow = sb.row;
  const local = (i: number) => cellAddress(gapRow + i, 1);
  const schoolGap = perSchool ? table.total("schoolGap") : undefined;
  // Σ_schools max(0, norm − available) where every school gives its funds, else district-wide.
  const gap = schoolGap ? schoolGap.value : Math.max(0, total.value - available);
  const townDiff = towns.length > 0 ? townTotal.value - total.value : 0;
  const coveredPass = schoolGap ? gap === 0 : available >= total.value;
  // Before the first national baseline (2009) the norm is 0: nothing to cover, so the check does not apply.
  const zone = ctx.district.region === "东部" ? "east" : "central_west";
  const baselineOff = notInForceSpec(
    ctx.pack,
    [`public_funds.${zone}.primary`, `public_funds.${zone}.junior`],
    ctx.district.budgetYear,
  );
  const fmt = (x: number) => x.toFixed(2);
  const kv = sb.keyValues([
    { key: "need", label: "按定额测算需求(万元)", cell: fx(total.ref, total.value), style: "money" },
    {
      key: "available",
      label: "本年义务教育公用经费(万元)",
      cell: val(available),
      style: "money",
      note: "录入-财政 (财政 表取此数)",
    },
    {
      key: "gap",
      label: schoolGap ? "缺口: 各校缺口合计, 需安排专项资金(万元)" : "缺口: 需安排专项资金(万元)",
      cell: schoolGap ? fx(schoolGap.ref, gap) : fx(`MAX(0,${local(0)}-${local(1)})`, gap),
      style: "money",
    },
    {
      key: "covered",
      label: "公用经费足额 Covered",
      cell: sb.verdictCell(schoolGap ? `${local(2)}=0` : `${local(1)}>=${local(0)}`, {
        pass: coveredPass,
        ...(baselineOff ?? {}),
      }),
      style: "verdict",
    },
    {
      key: "townDiff",
      label: "核对: 按乡镇合计 − 总计",
      cell: towns.length > 0 ? fx(`${townTotal.ref}-${total.ref}`, townDiff) : fx(`0*${total.ref}`, 0),
      style: "money",
    },
  ]);
  sb.conditional(local(4), `NOT(${reconcilesFormula(local(4))})`, "fail");
  const ref = (key: string) => kv[key]?.ref ?? "";
  ctx.budgetLines.push({
    category: "公用经费(按定额)",
    categoryEn: "Public funds (by norm)",
    amount: { ref: total.ref, value: total.value },
  });
  ctx.reconciliations.push({
    labelZh: "公用经费: 按乡镇合计 − 总计",
    labelEn: "Public funds: sum by town − total",
    sheet: "publicFunds",
    difference: { ref: ref("townDiff"), value: townDiff },
  });
  sb.check(ctx, local(3), {
    id: "publicFunds.covered",
    labelZh: "公用经费足额",
    labelEn: "Public funds cover the norm",
    pass: coveredPass,
    detailZh: `${schoolGap ? "按校核算, " : ""}定额需求 ${fmt(total.value)} 万元, 可用 ${fmt(available)} 万元, 缺口 ${fmt(gap)} 万元`,
    detailEn: `${schoolGap ? "per school, " : ""}norm ${fmt(total.value)}, available ${fmt(available)}, gap ${fmt(gap)} (10k yuan)`,
    ...(baselineOff ?? {}),
    ...(coveredPass ? {} : thresholdSpec(ctx, `public_funds.${zone}.primary`)),
    ...(coveredPass || !schoolGap ? {} : firstGap(schools, rows, table.values("schoolGap"))),
  });
  const header = table.headerRow + 1;
  const plan = sb
    .freezeAt(header, 2)
    .printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
  const availableCell = { ref: kv.available?.ref ?? "", value: available };
  return { plan, output: { total: { ref: total.ref, value: total.value }, table, available: availableCell } };
}

/** The row on 学校 of the first school whose funds fall short of its norm. */
function firstGap(schools: TableResult, rows: readonly Row[], gaps: readonly unknown[]) {
  const row = rows[gaps.findIndex((gap) => Number(gap) > 0)];
  return row ? schoolCause(schools, { index: row.index, code: row.school.code }) : {};
}
