/**
 * Budget classification: the 支出功能分类 code under which a school spends. The JSDoc of each function is its Excel
 * metadata; its zh-CN names and reference help are in ./texts.ts. Codes come from the stored edition tables of
 * src/budget/codes.ts.
 */
import { parseSchoolKind, schoolFunctionCode, SCHOOL_KIND_TEXT } from "../../budget/codes";
import { excel, memoByText, text } from "../adapter";

const codeOf = memoByText((t: string) => schoolFunctionCode(parseSchoolKind(t, "level")).code);

/**
 * The budget function code (支出功能分类, 项 level) under which a school of the level spends, as text.
 * @customfunction FUNC_CODE
 * @param level School level: 幼儿园|kindergarten, 小学|primary, 初中|junior, 高中|senior, 特教|special or 职业|vocational.
 * @returns The 7-digit code as text, e.g. "2050202" for a primary school.
 * @helpurl https://localhost:3000/help/FUNC_CODE.html
 */
export function FUNC_CODE(level: string): string {
  return excel(() => codeOf(text(level, "level", SCHOOL_KIND_TEXT)));
}
