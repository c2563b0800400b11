/** zh-CN names, parameter texts and reference help of the budget-classification functions (./functions.ts). */
import { functionCodeEdition, SCHOOL_KINDS, type SchoolKind } from "../../budget/codes";
import { bi, param, params, type FunctionTable } from "../i18n/types";

const EDITION = functionCodeEdition();
const code = (kind: SchoolKind): string => EDITION.school[kind].code;

const KIND_ZH: Readonly<Record<SchoolKind, string>> = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  senior: "高中",
  special: "特教",
  vocational: "职业",
};
const KIND_EN: Readonly<Record<SchoolKind, string>> = {
  kindergarten: "kindergarten",
  primary: "primary",
  junior: "junior",
  senior: "senior",
  special: "special education",
  vocational: "secondary vocational",
};

/** The codes of the edition, written from its table: 幼儿园 2050201 学前教育, … */
const listZh = SCHOOL_KINDS.map((k) => `${KIND_ZH[k]} ${code(k)}（${EDITION.school[k].name}）`).join("，");
const listEn = SCHOOL_KINDS.map((k) => `${KIND_EN[k]} ${code(k)} (${EDITION.school[k].name})`).join(", ");
const published = SCHOOL_KINDS.filter((k) => EDITION.school[k].evidence === "published").map(code);
const unverified = SCHOOL_KINDS.filter((k) => EDITION.school[k].evidence === "not verified").map(code);

export const BUDGET_TEXTS: FunctionTable = {
  FUNC_CODE: {
    zhName: "功能科目编码",
    zhDescription: `学校支出所列的支出功能分类项级科目编码（文本），如 小学 ${code("primary")}、初中 ${code("junior")}。`,
    parameters: params({
      level: param(
        "学段",
        "幼儿园|kindergarten、小学|primary、初中|junior、高中|senior、特教|特殊教育|special 或 职业|中职|vocational。",
      ),
    }),
    checks: bi(
      "The budget function code (支出功能分类, 项 level) a school's spending is listed under in the 部门预算 tables, by the kind of school.",
      "部门预算表中学校支出所列的支出功能分类项级科目，按学校类别确定。",
    ),
    rule: bi(
      `The 7-digit code as text, under class 205 教育支出: ${listEn}. Any other level gives #N/A. The code follows the school: a primary school's staff and running costs go to ${code("primary")}, a junior middle school's to ${code("junior")}; a project may still be coded elsewhere by the county's practice.`,
      `205 教育支出 下的 7 位编码（文本）：${listZh}。其他学段返回 “#N/A”。科目按学校类别确定：小学的人员经费和公用经费列 ${code("primary")}，初中列 ${code("junior")}；项目支出可按本地做法列其他科目。`,
    ),
    source: bi(
      `Ministry of Finance, 《政府收支分类科目》 of the budget year (stored edition: 《${EDITION.year}年政府收支分类科目》 as revised by ${EDITION.documents.join(", ")}, which changed nothing in class 205); ${published.join(", ")} appear in published education charts of accounts; ${unverified.join(", ")} follow the structure of class 205 and are to be checked against the Ministry's text of the edition a budget uses (budget reference §1.2).`,
      `财政部当年《政府收支分类科目》（内置版本：《${EDITION.year}年政府收支分类科目》，经 ${EDITION.documents.join("、")} 修订，205 类未变）；${published.join("、")} 见于已公开的教育系统科目表，${unverified.join("、")} 按 205 类的结构列出，使用前须与所用年度财政部科目文本核对（预算依据 §1.2）。`,
    ),
    examples: [
      { args: ["小学"], result: code("primary") },
      { args: ["junior"], result: code("junior") },
      { args: ["特殊教育"], result: code("special") },
      { args: ["中职"], result: code("vocational") },
    ],
    errors: [
      {
        error: "#N/A",
        when: bi("the level has no code of its own (e.g. 大学, university)", "该学段没有对应科目（如 大学）"),
        args: ["大学"],
      },
    ],
  },
};
