import { invalidArgument } from "./errors";

export type Level = "kindergarten" | "primary" | "junior" | "senior";
export type Area = "urban" | "town" | "rural";

export const LEVELS: readonly Level[] = ["kindergarten", "primary", "junior", "senior"];
export const AREAS: readonly Area[] = ["urban", "town", "rural"];

export const LEVEL_ZH: Readonly<Record<Level, string>> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  senior: "高中",
};
export const LEVEL_EN: Readonly<Record<Level, string>> = {
  kindergarten: "kindergarten",
  primary: "primary",
  junior: "junior",
  senior: "senior",
};
export const AREA_ZH: Readonly<Record<Area, string>> = { urban: "城市", town: "县镇", rural: "农村" };
export const AREA_EN: Readonly<Record<Area, string>> = { urban: "urban", town: "town", rural: "rural" };

/** Builds a case-insensitive lookup from zh and en labels. */
export function lookupTable<T extends string>(
  ...tables: Readonly<Partial<Record<T, string>>>[]
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const table of tables) {
    for (const [k, label] of Object.entries(table) as [T, string][]) map.set(label.toLowerCase(), k);
  }
  return map;
}

const LEVEL_BY_TEXT = lookupTable<Level>(LEVEL_ZH, LEVEL_EN);
const AREA_BY_TEXT = lookupTable<Area>(AREA_ZH, AREA_EN);

export function parseLevel(text: string, argName = "level"): Level {
  const level = LEVEL_BY_TEXT.get(text) ?? LEVEL_BY_TEXT.get(text.trim().toLowerCase());
  if (!level) throw invalidArgument(argName, "幼儿园|kindergarten, 小学|primary, 初中|junior or 高中|senior");
  return level;
}

/** An omitted (null or empty) area is rural (农村), the speeches' default. */
export function parseArea(text: string | null, argName = "area"): Area {
  if (text === null) return "rural";
  const area = AREA_BY_TEXT.get(text) ?? AREA_BY_TEXT.get(text.trim().toLowerCase());
  if (area) return area;
  if (text.trim() === "") return "rural";
  throw invalidArgument(argName, "城市|urban, 县镇|town or 农村|rural");
}
