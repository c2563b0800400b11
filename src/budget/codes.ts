/**
 * 支出功能分类 (budget reference §1): the 项 codes of class 205 教育支出 under which a school spends, by the kind of
 * school. Code tables are data keyed by edition year: the budget of year T uses the 《T年政府收支分类科目》, so a
 * lookup takes the latest stored edition whose year is not after T.
 */
import { notDefined } from "../domain/errors";
import { LEVEL_EN, LEVEL_ZH, lookupTable, type Level } from "../domain/levels";

/** The kinds of school with a 项 of their own: the four levels, special education and secondary vocational. */
export type SchoolKind = Level | "special" | "vocational";

export const SCHOOL_KINDS: readonly SchoolKind[] = [
  "kindergarten",
  "primary",
  "junior",
  "senior",
  "special",
  "vocational",
];

/** How a code is known: seen in a published chart of accounts or budget, or following the 205 structure only. */
export type CodeEvidence = "published" | "not verified";

export interface FunctionCode {
  /** The 7-digit 项 code, as text (a code is a label, not a number). */
  readonly code: string;
  readonly name: string;
  readonly evidence: CodeEvidence;
}

export interface FunctionCodeEdition {
  /** The budget year of the 《政府收支分类科目》 edition. */
  readonly year: number;
  /** The documents that issued or revised the edition, as cited. */
  readonly documents: readonly string[];
  readonly school: Readonly<Record<SchoolKind, FunctionCode>>;
}

/**
 * The stored editions, oldest first. The codes are the class-205 tree of the current structure (budget reference
 * §1.2); 2025 is the latest edition whose changes are known (财预〔2025〕41号 revised central special-treasury-bond
 * items only, nothing in class 205). Codes marked "not verified" must be checked against the MOF text of the edition
 * a budget uses before they are relied on.
 */
export const FUNCTION_CODE_EDITIONS: readonly FunctionCodeEdition[] = [
  {
    year: 2025,
    documents: ["财预〔2025〕41号"],
    school: {
      kindergarten: { code: "2050201", name: "学前教育", evidence: "not verified" },
      primary: { code: "2050202", name: "小学教育", evidence: "published" },
      junior: { code: "2050203", name: "初中教育", evidence: "published" },
      senior: { code: "2050204", name: "高中教育", evidence: "not verified" },
      special: { code: "2050701", name: "特殊学校教育", evidence: "published" },
      vocational: { code: "2050302", name: "中等职业教育", evidence: "not verified" },
    },
  },
];

/** The edition a budget of `year` uses: the latest stored one not after it (the latest of all when omitted). */
export function functionCodeEdition(year?: number): FunctionCodeEdition {
  const editions = FUNCTION_CODE_EDITIONS.filter((e) => year === undefined || e.year <= year);
  const edition = editions[editions.length - 1];
  if (!edition) {
    const first = FUNCTION_CODE_EDITIONS[0]?.year;
    throw notDefined(`year: no stored 支出功能分类 edition before ${first} (got ${year})`);
  }
  return edition;
}

const KIND_BY_TEXT = lookupTable<SchoolKind>(
  LEVEL_ZH,
  LEVEL_EN,
  { special: "特教", vocational: "职业" },
  { special: "特殊教育", vocational: "中职" },
  { special: "special", vocational: "vocational" },
);

/** What a school-kind argument accepts, for messages. */
export const SCHOOL_KIND_TEXT =
  "幼儿园|kindergarten, 小学|primary, 初中|junior, 高中|senior, 特教|特殊教育|special or 职业|中职|vocational";

/** A school kind from its Chinese or English name, case-insensitive; any other text is #N/A (no code for it). */
export function parseSchoolKind(text: string, argName = "level"): SchoolKind {
  const kind = KIND_BY_TEXT.get(text) ?? KIND_BY_TEXT.get(text.trim().toLowerCase());
  if (kind) return kind;
  const shown = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  throw notDefined(`${argName}: no 支出功能分类 code for "${shown}"; use ${SCHOOL_KIND_TEXT}`);
}

/** The 项 code under which a school of `kind` spends, in the edition of `year` (the latest when omitted). */
export function schoolFunctionCode(kind: SchoolKind, year?: number): FunctionCode {
  return functionCodeEdition(year).school[kind];
}
