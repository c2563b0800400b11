/**
 * The dated national tables as the reference pages show them, written from the rules' data (src/domain), so a help
 * page cannot drift from the values STAFF_RATIO, STAFF_QUOTA, PUBLIC_FUNDS_NORM and POLICY compute with.
 */
import { AREAS, AREA_EN, AREA_ZH, LEVEL_EN, LEVEL_ZH } from "../../domain/levels";
import { NORM_TABLE, type NormPair, type NormRow, type Region } from "../../domain/publicFunds";
import { STAFF_RATIO_TABLE, type StaffRatioRow, type StaffedLevel } from "../../domain/staffing";
import { bi, type Bilingual, type ReferenceTable } from "./types";

/** The dated tables the texts are written from (the tests pass tables of their own). */
export interface DatedTables {
  readonly staff: readonly StaffRatioRow[];
  readonly norms: readonly NormRow[];
}

export const DATED_TABLES: DatedTables = { staff: STAFF_RATIO_TABLE, norms: NORM_TABLE };

const show = (x: number): string => String(Number(x.toPrecision(12)));

/** "2001–2013", "2014 起" / "from 2014". */
function years(from: number, to: number | undefined): Bilingual {
  if (to === undefined) return bi(`from ${from}`, `${from} 年起`);
  return to === from ? bi(`${from}`, `${from} 年`) : bi(`${from}–${to}`, `${from}–${to} 年`);
}

const STAFFED: readonly StaffedLevel[] = ["primary", "junior", "senior"];

/** Students per staff post by year, level and area (area columns merged when a row is unified). */
export function staffRatioTable(rows: readonly StaffRatioRow[]): ReferenceTable {
  return {
    title: bi(
      "Staffing standards by year (students per staff post)",
      "各年编制标准（每个教职工编制对应的学生数）",
    ),
    head: [
      bi("Years", "年份"),
      bi("Level", "学段"),
      ...AREAS.map((a) => bi(`${AREA_EN[a]} (${AREA_ZH[a]})`, AREA_ZH[a])),
      bi("Source", "依据"),
    ],
    rows: rows.flatMap((row) =>
      STAFFED.map((level) => [
        years(row.from, row.to),
        bi(`${LEVEL_EN[level]} (${LEVEL_ZH[level]})`, LEVEL_ZH[level]),
        ...AREAS.map((a) => show(row.ratios[level][a])),
        bi(row.sourceEn, row.sourceZh),
      ]),
    ),
  };
}

/** Until the year before the next row with figures for that region. */
function normYears(rows: readonly NormRow[], i: number): Bilingual {
  const row = rows[i] as NormRow;
  const next = rows.slice(i + 1).find((r) => r.central_west !== undefined || r.east !== undefined);
  return years(row.from, next === undefined ? undefined : next.from - 1);
}

function pair(p: NormPair | undefined, region: Region, rows: readonly NormRow[], i: number): Bilingual {
  if (p) return bi(`${show(p.primary)} / ${show(p.junior)}`, `${show(p.primary)} / ${show(p.junior)}`);
  const earlier = rows.slice(0, i).some((r) => r[region] !== undefined);
  return earlier ? bi("as before", "沿用上一标准") : bi("none", "无");
}

/** The national baselines by year: both regions, scope and confidence. */
export function normTable(rows: readonly NormRow[]): ReferenceTable {
  return {
    title: bi(
      "National baselines by year (yuan per student per year, primary / junior)",
      "各年全国基准定额（元/生·年，小学 / 初中）",
    ),
    head: [
      bi("Years", "年份"),
      bi("Central and west (中西部)", "中西部"),
      bi("East (东部)", "东部"),
      bi("Schools covered", "适用范围"),
      bi("Confidence", "可信度"),
      bi("Note", "说明"),
    ],
    rows: rows.map((row, i) => [
      normYears(rows, i),
      pair(row.central_west, "central_west", rows, i),
      pair(row.east, "east", rows, i),
      row.scope === "rural" ? bi("rural schools only", "仅农村学校") : bi("urban and rural", "城乡统一"),
      row.confidence,
      bi(row.noteEn, row.noteZh),
    ]),
  };
}
