import type { PolicyPack } from "../policy/types";
import { rowInForce } from "./dated";
import { invalidArgument, notDefined } from "./errors";
import { LEVEL_ZH, type Level } from "./levels";
import { nonNegative, result } from "./validate";

// Keys spelled out (not built with template strings): a constant key is a fast property lookup per call.
const NORM_KEY = {
  central_west: { primary: "public_funds.central_west.primary", junior: "public_funds.central_west.junior" },
  east: { primary: "public_funds.east.primary", junior: "public_funds.east.junior" },
} as const;

export type Region = "central_west" | "east";

const REGION_BY_TEXT: ReadonlyMap<string, Region> = new Map<string, Region>([
  ...["中西部", "中部", "西部", "central_west", "central-west"].map((t): [string, Region] => [
    t,
    "central_west",
  ]),
  ...["东部", "east"].map((t): [string, Region] => [t, "east"]),
]);

/** 中西部|central_west (default when omitted; also 中部, 西部) or 东部|east. */
export function parseRegion(text: string | null, argName = "region"): Region {
  if (text === null) return "central_west";
  const region = REGION_BY_TEXT.get(text) ?? REGION_BY_TEXT.get(text.trim().toLowerCase());
  if (region) return region;
  if (text.trim() === "") return "central_west";
  throw invalidArgument(argName, "中西部|central_west or 东部|east");
}

/** 元 per student per year (§4.6): 小学 and 初中 only (#N/A otherwise). */
export function publicFundsNorm(pack: PolicyPack, level: Level, region: Region): number {
  if (level !== "primary" && level !== "junior") {
    throw notDefined(`No public-funds norm for ${LEVEL_ZH[level]} (${level}): norms exist for 小学 and 初中`);
  }
  return pack.values[NORM_KEY[region][level]].value;
}

/** 小学 / 初中 baselines of one region, 元 per student per year. */
export interface NormPair {
  readonly primary: number;
  readonly junior: number;
}

/** Whom a baseline covered: rural schools only (农村义务教育经费保障机制) or urban and rural schools alike. */
export type NormScope = "rural" | "unified";

/** One row of the dated national baseline table; a region without figures in a row keeps its earlier ones. */
export interface NormRow {
  readonly from: number;
  readonly scope: NormScope;
  readonly central_west?: NormPair;
  readonly east?: NormPair;
  /** Confidence as policies.md grades it: S (sourced), M (medium), D (derived). */
  readonly confidence: string;
  readonly noteZh: string;
  readonly noteEn: string;
}

/**
 * The national per-student public-funds baseline by year (shared/domain/policies.md §4.6), every row of its table:
 * the 2006–07 reform without a national figure, 2009, 2010 (中西部 only), 2011, 2013, 2014 (all rural only), the
 * 2016 urban–rural unification and ≈2021. Later raises are not known and are not assumed.
 */
export const NORM_TABLE: readonly NormRow[] = [
  {
    from: 2006,
    scope: "rural",
    confidence: "S/M",
    noteZh:
      "农村义务教育经费保障机制改革启动(西部2006年、中东部2007年): 免杂费, 提高公用经费, 尚无全国基准定额",
    noteEn:
      "rural funding reform starts (west 2006, central and east 2007): 杂费 exempted, no national baseline yet",
  },
  {
    from: 2009,
    scope: "rural",
    central_west: { primary: 300, junior: 500 },
    east: { primary: 350, junior: 550 },
    confidence: "S",
    noteZh: "首个全国基准定额(农村)",
    noteEn: "first national baseline (rural schools)",
  },
  {
    from: 2010,
    scope: "rural",
    central_west: { primary: 400, junior: 600 },
    confidence: "S(省级)",
    noteZh: "中西部据四川2011年提标前的基数; 东部无新数, 沿用2009年",
    noteEn: "central/west from Sichuan's base before the 2011 raise; east keeps 2009's figures",
  },
  {
    from: 2011,
    scope: "rural",
    central_west: { primary: 500, junior: 700 },
    east: { primary: 550, junior: 750 },
    confidence: "东部S / 中西部M",
    noteZh: "东部据福建莆田公开数据; 中西部中等可信度",
    noteEn: "east from Putian (Fujian) public data; central/west of medium confidence",
  },
  {
    from: 2013,
    scope: "rural",
    central_west: { primary: 560, junior: 760 },
    east: { primary: 610, junior: 810 },
    confidence: "D",
    noteZh: "由2014年标准倒推(2014年每生提高40元)",
    noteEn: "derived from 2014's figures (2014 raised them by 40)",
  },
  {
    from: 2014,
    scope: "rural",
    central_west: { primary: 600, junior: 800 },
    east: { primary: 650, junior: 850 },
    confidence: "S",
    noteZh: "农村",
    noteEn: "rural schools",
  },
  {
    from: 2016,
    scope: "unified",
    central_west: { primary: 600, junior: 800 },
    east: { primary: 650, junior: 850 },
    confidence: "S",
    noteZh:
      "2016年春季学期起城乡统一(国务院《关于进一步完善城乡义务教育经费保障机制的通知》, 国发〔2015〕67号)",
    noteEn: "urban and rural unified from spring 2016 (国发〔2015〕67号)",
  },
  {
    from: 2021,
    scope: "unified",
    central_west: { primary: 650, junior: 850 },
    east: { primary: 700, junior: 900 },
    confidence: "M",
    noteZh: "约2021年起; 中西部标准有巴彦淖尔市2023年仍按此执行佐证; 此后可能提高, 未作假定",
    noteEn:
      "about 2021; the central/west level is corroborated by Bayannur still using it in 2023; later raises are not assumed",
  },
];

/** The first year with a national baseline. */
export const FIRST_NORM_YEAR: number =
  NORM_TABLE.find((row) => row.central_west !== undefined || row.east !== undefined)?.from ?? 2009;

/** The baseline in force in `year` for a region, with the row it comes from. */
export function normRowInForce(
  region: Region,
  year: number,
): (NormRow & { readonly pair: NormPair }) | undefined {
  const rows = NORM_TABLE.filter((row) => row[region] !== undefined);
  const row = rowInForce(rows, year);
  const pair = row?.[region];
  return row && pair ? { ...row, pair } : undefined;
}

/**
 * 元 per student per year in force in `year` (§4.6), 小学 and 初中 only. Before 2016 the national baseline covered
 * rural schools only, so that is the rural figure. #N/A before the first national baseline (2009).
 */
export function publicFundsNormInYear(level: Level, region: Region, year: number): number {
  if (level !== "primary" && level !== "junior") {
    throw notDefined(`No public-funds norm for ${LEVEL_ZH[level]} (${level}): norms exist for 小学 and 初中`);
  }
  const row = normRowInForce(region, year);
  if (!row) {
    throw notDefined(
      `No national public-funds baseline in ${year}: the first is that of ${FIRST_NORM_YEAR} (rural schools); before it 公用经费 came from 杂费 and local budgets`,
    );
  }
  return row.pair[level];
}

export interface PublicFundsInput {
  readonly students: number;
  readonly boarders: number;
  readonly special: number;
  readonly smallRural: boolean;
  readonly norm: number;
}

/**
 * The pupils funded at the norm (§4.6): a small rural school below the floor counts as the floor (100), and the
 * special-needs students are funded at their own rate instead.
 */
export function fundedPupils(input: Omit<PublicFundsInput, "norm">, pack: PolicyPack): number {
  return fundedPupilsWith(input, publicFundsRates(pack));
}

/** The pack's public-funds figures besides the norms, read once (the functions read them at load, not per cell). */
export interface PublicFundsRates {
  readonly smallSchoolFloor: number;
  readonly special: number;
  readonly boarder: number;
}

export function publicFundsRates(pack: PolicyPack): PublicFundsRates {
  return {
    smallSchoolFloor: pack.values["public_funds.small_school_floor"].value,
    special: pack.values["public_funds.special"].value,
    boarder: pack.values["public_funds.boarder"].value,
  };
}

function fundedPupilsWith(input: Omit<PublicFundsInput, "norm">, rates: PublicFundsRates): number {
  const { students, boarders, special, smallRural } = input;
  nonNegative(students, "students");
  if (nonNegative(boarders, "boarders") > students) throw invalidArgument("boarders", "a number ≤ students");
  if (nonNegative(special, "special_students") > students) {
    throw invalidArgument("special_students", "a number ≤ students");
  }
  const floor = rates.smallSchoolFloor;
  return (smallRural && students < floor ? floor : students) - special;
}

/**
 * 元 per year (§4.6): base = (small rural school and students < floor ? floor : students) − special students;
 * base × norm + special × special rate + boarders × boarder rate.
 */
export function publicFunds(input: PublicFundsInput, pack: PolicyPack): number {
  return publicFundsWith(input, publicFundsRates(pack));
}

/** publicFunds with the pack's rates already read (publicFundsRates). */
export function publicFundsWith(input: PublicFundsInput, rates: PublicFundsRates): number {
  const { boarders, special, norm } = input;
  nonNegative(norm, "norm");
  const base = fundedPupilsWith(input, rates);
  return result(base * norm + special * rates.special + boarders * rates.boarder, "students");
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** publicFundsNorm as a formula of the region cell (东部 or 中西部) and the workbook names of the two norms. */
export function publicFundsNormFormula(region: string, names: { east: string; centralWest: string }): string {
  return `IF(${region}="东部",${names.east},${names.centralWest})`;
}

/** fundedPupils as a formula; smallRural is a TRUE/FALSE reference or expression, floor the floor's name. */
export function fundedPupilsFormula(
  students: string,
  special: string,
  smallRural: string,
  floor: string,
): string {
  return `IF(AND(${smallRural},${students}<${floor}),${floor},${students})-${special}`;
}

/** publicFunds as a formula of the funded pupils cell, the norm, the special and boarding students and their rates. */
export function publicFundsFormula(
  funded: string,
  norm: string,
  special: string,
  boarders: string,
  names: { special: string; boarder: string },
): string {
  return `${funded}*${norm}+${special}*${names.special}+${boarders}*${names.boarder}`;
}
