/**
 * The texts users type for a school level, an area or a class type, read once per distinct text: Excel calls a
 * function once per cell with the same few texts, so every lookup here is memoized (see memoByText).
 */
import { classSize, parseClassKind } from "../domain/classes";
import { parseArea, parseLevel } from "../domain/levels";
import { EDU_DEFAULT as P } from "../policy/packs";
import { memoByText, optText, text } from "./adapter";

/** What a level argument accepts, for error messages. */
export const LEVEL_TEXT = "小学|primary, 初中|junior, 高中|senior or 幼儿园|kindergarten";
const AREA_TEXT = "城市|urban, 县镇|town or 农村|rural";
const CLASS_KIND_TEXT = `${LEVEL_TEXT}, 小班, 中班, 大班 or 混龄`;

export const levelOf = memoByText((t: string) => parseLevel(t, "level"));
export const areaOf = memoByText((t: string | null) => parseArea(t, "area"));
const classSizeOf = memoByText((t: string) => classSize(P, parseClassKind(t, "level")));

/** The level argument as text (checked as a level only where the function needs one). */
export const levelText = (v: unknown): string => text(v, "level", LEVEL_TEXT);
/** The optional area argument: null when omitted (the rule's default, 农村). */
export const areaText = (v: unknown): string | null => optText(v, "area", AREA_TEXT);
/** The standard class size of a level or kindergarten class type argument. */
export const classSizeFor = (v: unknown): number => classSizeOf(text(v, "level", CLASS_KIND_TEXT));
