/**
 * 控辍: per school with an enrollment at the start of the previous year and a level that has a limit (小学, 初中
 * and their parts in 九年一贯制/完全中学): rate (DROPOUT_RATE), limit (DROPOUT_LIMIT by level and area), verdict
 * (DROPOUT_CHECK) and a 警告 flag — the live list of schools to warn — with their count.
 */
import {
  dropoutCheck,
  dropoutCheckFormula,
  dropoutLimit,
  dropoutLimitFormula,
  dropoutRate,
  dropoutRateFormula,
} from "../../domain/dropout";
import type { Area, Level } from "../../domain/levels";
import { levelDropouts, type SchoolLevelDropout } from "../../district/grades";
import { SCHOOL_LEVEL_ZH, type AreaZh, type School, type SchoolType } from "../../district/model";
import { cellAddress, rangeAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, fxRule, SheetBuilder, str, val, type TableResult } from "../kit";
import { schoolCause, thresholdSpec } from "../places";
import { handsNothing, type SheetDefinition } from "../registry";
import type { SheetKey, SheetPlan } from "../types";
import { listedEn, listedZh } from "../listing";
import { levelColumnKey } from "./schools";
import { notInForceSpec } from "../verdict";
import type { PolicyKey } from "../../policy/types";

export const dropoutSheet: SheetDefinition<"dropout", undefined> = {
  key: "dropout",
  nameZh: "控辍",
  nameEn: "Dropout",
  titleZh: "控辍保学",
  titleEn: "Dropout control",
  tabColor: "C00000",
  needs: ["parameters", "schools"],
  build: handsNothing(buildDropout),
};

/** Levels with a dropout limit that each school type teaches. */
const LIMITED_LEVELS: Readonly<Partial<Record<SchoolType, readonly Level[]>>> = {
  小学: ["primary"],
  教学点: ["primary"],
  初中: ["junior"],
  九年一贯制: ["primary", "junior"],
  完全中学: ["junior"],
  十二年一贯制: ["primary", "junior"],
};

const AREA_OF: Readonly<Record<AreaZh, Area>> = { 城市: "urban", 县镇: "town", 农村: "rural" };

const WARN = "警告";
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

interface Row {
  readonly school: School;
  /** Index in the schools table. */
  readonly index: number;
  readonly levels: readonly Level[];
  /** The level of a school that gives its dropouts per level: this row is that level's alone. */
  readonly level?: SchoolLevelDropout;
}

/** The rows of a school: one per level with a limit when it gives its dropouts per level, else one for the school. */
function schoolRows(school: School, index: number): Row[] {
  const levels = LIMITED_LEVELS[school.type];
  if (!levels) return [];
  const perLevel = levelDropouts(school).filter((l) => levels.includes(l.level));
  if (perLevel.length > 0)
    return perLevel
      .filter((l) => l.prevStartEnrollment > 0)
      .map((level) => ({ school, index, levels: [level.level], level }));
  return school.prevStartEnrollment > 0 ? [{ school, index, levels }] : [];
}

const startOf = (row: Row): number => row.level?.prevStartEnrollment ?? row.school.prevStartEnrollment;
const dropoutsOf = (row: Row): number => row.level?.prevDropouts ?? row.school.prevDropouts;

export function buildDropout(ctx: BuildContext): SheetPlan<SheetKey> {
  const { district, pack } = ctx;
  const schools = ctx.output("schools").table;
  const p = (key: Parameters<BuildContext["param"]>[0]) => ctx.param(key).name;
  const sb = new SheetBuilder(dropoutSheet, ctx);
  sb.title(
    "控辍保学 Dropout control",
    "辍学率 = 上学年辍学学生数 ÷ 上学年初在校生数; 限值见 参数; 超限学校列入警告名单",
  );
  // The limits' own sources, as the district's pack gives them (a local limit quotes its policy).
  const limitSources = [
    ...new Set(
      (
        ["dropout.primary", "dropout.junior.urban", "dropout.junior.town", "dropout.junior.rural"] as const
      ).map((key) => pack.values[key].source),
    ),
  ];
  sb.note(`限值来源: ${limitSources.join("; ")}`);
  const rows: Row[] = district.schools.flatMap(schoolRows);
  if (rows.some((row) => row.level))
    sb.note("九年一贯制、完全中学按学段填报辍学情况的, 每个学段一行, 各按本学段限值核对; 高中无辍学率限值");
  const limitNames = {
    primary: p("dropout.primary"),
    urban: p("dropout.junior.urban"),
    town: p("dropout.junior.town"),
    rural: p("dropout.junior.rural"),
  };
  // Before the national limits (1994) a rate has nothing to be held to: the check does not apply.
  const limitKeys = [...new Set(rows.flatMap((r) => r.levels))].flatMap((level): PolicyKey[] =>
    level === "primary"
      ? ["dropout.primary"]
      : level === "junior"
        ? ["dropout.junior.urban", "dropout.junior.town", "dropout.junior.rural"]
        : [],
  );
  const limitsOff = notInForceSpec(pack, limitKeys, district.budgetYear);
  const summaryRow = sb.row;
  sb.skip(3);
  const table = sb.table<Row>({
    name: "tblDropout",
    rows,
    columns: [
      {
        key: "code",
        header: "学校代码",
        width: 10,
        cell: ({ item }) => fx(schools.cell("code", item.index, true), item.school.code),
      },
      {
        key: "name",
        header: "学校名称",
        width: 24,
        cell: ({ item }) => fx(schools.cell("name", item.index, true), item.school.name),
      },
      {
        key: "area",
        header: "城乡",
        width: 7,
        cell: ({ item }) => fx(schools.cell("area", item.index, true), item.school.area),
      },
      {
        key: "level",
        header: "学段",
        width: 11,
        cell: ({ item }) =>
          item.level
            ? val(SCHOOL_LEVEL_ZH[item.level.level])
            : fx(schools.cell("level", item.index, true), schools.values("level")[item.index] ?? ""),
      },
      {
        key: "start",
        header: "上学年初在校生数",
        style: "integer",
        cell: ({ item }) =>
          fx(
            schools.cell(
              item.level ? levelColumnKey(item.level.level, "prevStartEnrollment") : "prevStartEnrollment",
              item.index,
              true,
            ),
            startOf(item),
          ),
      },
      {
        key: "dropouts",
        header: "辍学学生数",
        style: "integer",
        cell: ({ item }) =>
          fx(
            schools.cell(
              item.level ? levelColumnKey(item.level.level, "prevDropouts") : "prevDropouts",
              item.index,
              true,
            ),
            dropoutsOf(item),
          ),
      },
      {
        key: "rate",
        header: "辍学率",
        style: "rate",
        cell: ({ item, ref }) =>
          fxRule(`IF(${ref("start")}=0,"",${dropoutRateFormula(ref("start"), ref("dropouts"))})`, () =>
            dropoutRate(startOf(item), dropoutsOf(item)),
          ),
      },
      {
        key: "limit",
        header: "限值",
        style: "rate",
        cell: ({ item, ref }) => {
          const formula = dropoutLimitFormula(ref("level"), ref("area"), limitNames);
          return fx(
            formula,
            Math.min(...item.levels.map((l) => dropoutLimit(pack, l, AREA_OF[item.school.area]))),
          );
        },
      },
      {
        key: "pass",
        header: "是否达标",
        style: "verdict",
        cell: ({ item, ref, num }) =>
          // No enrollment at the start of the year (edited to 0 later): nobody could drop out, nothing to warn.
          sb.verdictRule(
            `IF(${ref("start")}=0,TRUE(),${dropoutCheckFormula(ref("rate"), ref("limit"))})`,
            () => dropoutCheck(startOf(item), dropoutsOf(item), num("limit")),
          ),
      },
      {
        key: "warn",
        header: "督导警告",
        width: 9,
        cell: ({ ref, value }) =>
          fx(
            `IF(${ref("pass")}=${sb.passLiteral},"",${str(WARN)})`,
            value("pass") === sb.verdicts.pass ? "" : WARN,
          ),
      },
    ],
  });
  if (rows.length > 0) sb.passFail(table.range("pass"), table.cell("pass", 0));
  sb.conditional(table.range("warn"), `${table.cell("warn", 0)}=${str(WARN)}`, "fail");

  const failing = rows.filter((_, i) => table.values("pass")[i] !== sb.verdicts.pass);
  const items = rows.map((row, i) => {
    const rate = Number(table.values("rate")[i]);
    const limit = Number(table.values("limit")[i]);
    const pass = table.values("pass")[i] === sb.verdicts.pass;
    const label = `${row.school.code} ${row.school.name}${row.level ? ` ${SCHOOL_LEVEL_ZH[row.level.level]}` : ""}`;
    const labelEn = `${row.school.code} ${row.school.name}${row.level ? ` ${row.level.level}` : ""}`;
    return {
      labelZh: label,
      labelEn,
      pass,
      detailZh: `辍学率 ${pct(rate)} ${pass ? "≤" : ">"} 限值 ${pct(limit)}`,
      detailEn: `dropout rate ${pct(rate)} ${pass ? "≤" : ">"} limit ${pct(limit)}`,
    };
  });
  const countFormula = `COUNTIF(${table.range("warn")},${str(WARN)})`;
  const countCell = cellAddress(summaryRow, 1);
  const verdictCell = cellAddress(summaryRow + 1, 1);
  sb.put(summaryRow, 0, [
    [val("需警告学校数 Schools to warn"), fx(countFormula, failing.length)],
    [
      val("全部学校辍学率在限值内 All within limits"),
      sb.verdictCell(`${countCell}=0`, {
        pass: failing.length === 0,
        applicable: rows.length > 0 && limitsOff === undefined,
      }),
    ],
  ]);
  sb.format(rangeAddress(summaryRow, 0, summaryRow + 1, 0), "label");
  // A school that gives its levels apart is counted once per level.
  const unit = rows.some((r) => r.level) ? "个学校学段" : "所学校";
  const names = [
    ...new Set(
      failing.map((r) => (r.level ? `${r.school.name}(${SCHOOL_LEVEL_ZH[r.level.level]})` : r.school.name)),
    ),
  ];
  sb.check(ctx, verdictCell, {
    id: "dropout.allWithin",
    labelZh: "控辍: 全部学校辍学率在限值内",
    labelEn: "Dropout: every school within its limit",
    pass: failing.length === 0,
    ...(rows.length === 0 ? { applicable: false } : {}),
    ...(rows.length > 0 && limitsOff ? limitsOff : {}),
    detailZh:
      rows.length === 0
        ? "没有设有辍学率限值的学校, 不适用"
        : failing.length === 0
          ? `${rows.length} ${unit}均未超限`
          : `${failing.length} ${unit}超限, 需警告: ${listedZh(names)}`,
    detailEn:
      rows.length === 0
        ? "no school has a dropout limit: not applicable"
        : failing.length === 0
          ? `all ${rows.length} schools within their limits`
          : `${failing.length} ${failing.length === 1 ? "school" : "schools"} over the limit, to warn: ${listedEn(names)}`,
    items,
    ...dropoutPlaces(ctx, schools, failing[0]),
  });
  const header = table.headerRow + 1;
  return sb
    .freezeAt(header, 2)
    .printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
}

/** The first failing row's limit on 参数 (the stricter of its levels') and its school's row on 学校. */
function dropoutPlaces(ctx: BuildContext, schools: TableResult, row: Row | undefined) {
  if (!row) return {};
  const keys = row.levels.flatMap((level): PolicyKey[] =>
    level === "primary"
      ? ["dropout.primary"]
      : level === "junior"
        ? [JUNIOR_LIMIT[AREA_OF[row.school.area]]]
        : [],
  );
  const strictest = [...keys].sort((a, b) => ctx.pack.values[a].value - ctx.pack.values[b].value)[0];
  return {
    ...thresholdSpec(ctx, strictest),
    ...schoolCause(schools, { index: row.index, code: row.school.code }),
  };
}

const JUNIOR_LIMIT: Readonly<Record<Area, PolicyKey>> = {
  urban: "dropout.junior.urban",
  town: "dropout.junior.town",
  rural: "dropout.junior.rural",
};
