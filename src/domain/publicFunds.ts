import type { PolicyPack } from "../policy/types";
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
