/**
 * validateDistrict: the zod schema judges shapes and ranges; the cross-field checks here judge what one field
 * cannot (unique codes, references between parts, sums, years). Every finding is a Problem naming the field.
 */
import type { z } from "zod";
import { roundHalfAway } from "../domain/validate";
import { listPacks } from "../policy/packs";
import {
  GRADE_LABELS,
  GRADES_BY_LEVEL,
  GRADES_BY_TYPE,
  LEVELS_BY_TYPE,
  levelDropouts,
  schoolStudents,
} from "./grades";
import { fieldLabel } from "./layout";
import { districtSchema, GRADE_KEYS, SCHOOL_LEVEL_ZH, type District, type School } from "./model";
import { caseKey, looseKey } from "./names";
import { parsePartly } from "./partial";
import { ENTRY_AGE, historyYears, planYears, projectedGrades } from "./term";
import { hasErrors, pathText, type Location, type Path, type Problem, type Severity } from "./problems";

/** Built-in policy pack ids: the default list of packs a district may start from. */
export const KNOWN_POLICY_PACKS: readonly string[] = listPacks().map((pack) => pack.id);

/**
 * The largest district the add-in builds: a district has tens to a few hundred schools, a city roll-up a few
 * thousand; 20,000 schools fit within 2 GB of memory. A larger input is refused before it is parsed or built.
 */
export const MAX_SCHOOLS = 20_000;

export interface Origin {
  readonly file: string;
  /** Where a model path came from (readers of sheets and CSV know sheet, row and column). */
  readonly locate?: (path: Path) => Location | undefined;
  /** Paths a reader already reported (a bad cell left out): the schema's "missing" for them is not repeated. */
  readonly reported?: ReadonlySet<string>;
  /**
   * The years of the 偿还能力 rows as the input sheet gives them (a sheet reader knows them; a .json's capacity is a
   * list from the budget year on, so its length says where it starts).
   */
  readonly capacityYears?: readonly number[];
}

export interface DistrictResult {
  /** Present when there are no errors. */
  readonly district?: District;
  readonly problems: Problem[];
}

interface Finding {
  readonly severity: Severity;
  readonly path: Path;
  readonly message: string;
  readonly messageEn: string;
  readonly accepts?: string;
  readonly acceptsEn?: string;
  /** A reference to a school code that is not on 学校: references to one code are folded into one problem. */
  readonly unknownCode?: UnknownReference;
  /** A school's past enrollment missing for some years: it may follow from a code that does not match. */
  readonly lacksHistory?: {
    readonly code: string;
    readonly years: readonly number[];
    readonly none: boolean;
  };
  /** Years of births that schools' intake needs and the births sheet lacks. */
  readonly lacksBirths?: readonly number[];
}

interface UnknownReference {
  readonly code: string;
  /** Where it is used, e.g. 布局调整「海阳」 or 往年在校生. */
  readonly place: string;
  readonly placeEn: string;
  /** A project's school, which may be a new site's name: folded only with references of other kinds. */
  readonly site?: boolean;
  /** The year of a past-enrollment row. */
  readonly year?: number;
}

export function validateDistrict(
  input: unknown,
  origin: Origin,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
): DistrictResult {
  const tooLarge = sizeLimit(input);
  if (tooLarge) return { problems: [toProblem(tooLarge, origin)] };
  const parsed = districtSchema.safeParse(input);
  // The checks across fields run on every part that parsed, also when the schema fails elsewhere, so that a
  // district's problems come in one round; a check whose inputs failed is skipped.
  const findings = parsed.success
    ? crossChecks(parsed.data, knownPacks, wholeParse(parsed.data), origin.capacityYears)
    : [
        ...parsed.error.issues.map((issue) => fromIssue(issue, input)),
        ...partialChecks(input, knownPacks, origin.capacityYears),
      ];
  const problems = findings
    .filter((finding) => !alreadyReported(finding.path, origin.reported))
    .map((finding) => toProblem(finding, origin));
  return {
    district: parsed.success && !hasErrors(problems) ? withLevelSums(parsed.data) : undefined,
    problems,
  };
}

/** What the cross-field checks know of how the district parsed: which inputs failed, which codes exist. */
interface Parsed {
  /** Nothing at or under this path failed the schema. */
  readonly intact: (...path: Path) => boolean;
  /**
   * The district's school codes, also of the school rows that failed the schema; undefined when a row that failed
   * has no readable code (a reference to a code not among these may be to that school).
   */
  readonly codes: ReadonlySet<string> | undefined;
  /** The input's index of a kept row of a list. */
  readonly inputIndex: (list: Path, index: number) => number;
}

function wholeParse(district: District): Parsed {
  return {
    intact: () => true,
    codes: new Set(district.schools.map((school) => school.code)),
    inputIndex: (_, index) => index,
  };
}

/** The cross-field checks over the parts of a district that parsed, their paths those of the input. */
function partialChecks(
  input: unknown,
  knownPacks: readonly string[],
  capacityYears: readonly number[] | undefined,
): Finding[] {
  const partial = parsePartly(districtSchema, input, true);
  const district = partial.value;
  const failedCodes = partial.dropped(["schools"]).map((row) => {
    const code = row !== null && typeof row === "object" ? (row as { code?: unknown }).code : undefined;
    return typeof code === "string" && code.trim() !== "" ? code.trim() : undefined;
  });
  // No list of schools at all, or a failed row without a code: which codes exist is not known.
  const listed = Array.isArray(valueAt(input, ["schools"]));
  const codes =
    !listed || failedCodes.includes(undefined)
      ? undefined
      : new Set([...district.schools.map((school) => school.code), ...(failedCodes as string[])]);
  const parsed: Parsed = {
    intact: (...path) => partial.intact(path),
    codes,
    inputIndex: (list, index) => partial.inputPath([...list, index])[list.length] as number,
  };
  return crossChecks(district, knownPacks, parsed, capacityYears).map((finding) => ({
    ...finding,
    path: partial.inputPath(finding.path),
  }));
}

/**
 * A school that gives its dropouts per level and leaves the plain fields 0 gets their sums there, so 学校 shows the
 * school's whole start enrollment and dropouts beside its levels.
 */
function withLevelSums(district: District): District {
  if (!district.schools.some((school) => school.levels)) return district;
  const summed = (school: School): School => {
    const levels = levelDropouts(school);
    if (levels.length === 0) return school;
    const sum = (field: "prevStartEnrollment" | "prevDropouts") =>
      levels.reduce((total, level) => total + level[field], 0);
    return {
      ...school,
      prevStartEnrollment: school.prevStartEnrollment || sum("prevStartEnrollment"),
      prevDropouts: school.prevDropouts || sum("prevDropouts"),
    };
  };
  return { ...district, schools: district.schools.map(summed) };
}

/** A school's dropouts per level: only levels its type teaches, dropouts within enrollment, sums as the plain fields. */
function levelChecks(school: School, at: (...rest: (string | number)[]) => Path, who: string): Finding[] {
  const levels = levelDropouts(school);
  if (levels.length === 0) return [];
  const taught = LEVELS_BY_TYPE[school.type];
  const findings: Finding[] = [];
  for (const { level, prevStartEnrollment: start, prevDropouts: dropouts } of levels) {
    const zh = SCHOOL_LEVEL_ZH[level];
    if (!taught.includes(level))
      findings.push(
        error(
          at("levels", level),
          `${who}是${school.type},不设${zh}学段,不能填写${zh}的上学年初在校生数和辍学学生数`,
          `${school.name} is a ${school.type} and teaches no ${level} level: it cannot give ${level} dropouts`,
          taught.length > 0 ? taught.map((l) => SCHOOL_LEVEL_ZH[l]).join("、") : "不按学段填写",
          taught.length > 0 ? taught.join(", ") : "no levels",
        ),
      );
    if (dropouts > start)
      findings.push(
        error(
          at("levels", level, "prevDropouts"),
          `${who}上学年${zh}辍学学生数 ${dropouts} 大于上学年初${zh}在校生数 ${start}`,
          `${school.name}: ${level} dropouts ${dropouts} exceed the ${level} enrollment at the start of the year ${start}`,
          `≤ ${start}`,
        ),
      );
  }
  for (const [field, zh, en] of [
    ["prevStartEnrollment", "上学年初在校生数", "enrollment at the start of the year"],
    ["prevDropouts", "上学年辍学学生数", "dropouts"],
  ] as const) {
    const sum = levels.reduce((total, level) => total + level[field], 0);
    if (school[field] !== 0 && school[field] !== sum)
      findings.push(
        error(
          at(field),
          `${who}${zh} ${school[field]} 与各学段之和 ${sum} 不符`,
          `${school.name}: ${en} ${school[field]} differ from the sum of its levels ${sum}`,
          `${sum} (各学段之和) 或留空`,
          `${sum} (the sum of the levels) or blank`,
        ),
      );
  }
  return findings;
}

/** More schools than MAX_SCHOOLS: the one problem reported, before any other (heavier) work. */
function sizeLimit(input: unknown): Finding | undefined {
  const schools =
    input !== null && typeof input === "object" ? (input as { schools?: unknown }).schools : undefined;
  if (!Array.isArray(schools) || schools.length <= MAX_SCHOOLS) return undefined;
  const count = schools.length.toLocaleString("en-US");
  const limit = MAX_SCHOOLS.toLocaleString("en-US");
  return {
    severity: "error",
    path: ["schools"],
    message: `学校数 ${count} 超过上限 ${limit} 所:请按区县或乡镇分开生成`,
    messageEn: `${count} schools exceed the limit of ${limit}: generate one workbook per district or town`,
    accepts: `≤ ${limit}`,
  };
}

function alreadyReported(path: Path, reported: ReadonlySet<string> | undefined): boolean {
  if (!reported?.size) return false;
  return path.some((_, index) => reported.has(pathText(path.slice(0, path.length - index))));
}

function toProblem(finding: Finding, origin: Origin): Problem {
  const location = origin.locate?.(finding.path) ?? {};
  const { path: _path, unknownCode: _code, lacksHistory: _lacks, ...rest } = finding;
  return { ...rest, file: origin.file, ...location, field: pathText(finding.path) };
}

// ---------------------------------------------------------------- schema issues, in words a user understands

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

const TYPE_WORDS: Record<string, [string, string]> = {
  number: ["数字", "a number"],
  string: ["文本", "text"],
  boolean: ["是/否", "yes/no"],
  array: ["列表", "a list"],
  object: ["一组字段", "an object"],
};

function fromIssue(issue: z.core.$ZodIssue, input: unknown): Finding {
  const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
  const label = fieldLabel(path);
  const [zh, en, accepts, acceptsEn] = describeIssue(issue, valueAt(input, issue.path) === undefined);
  return {
    severity: "error",
    path,
    message: `${label.zh}:${zh}`,
    messageEn: `${label.en}: ${en}`,
    accepts,
    ...(acceptsEn !== undefined && acceptsEn !== accepts && { acceptsEn }),
  };
}

/** [zh, en, accepts, accepts in English]: a schema issue in words a user understands (scenarios use it too). */
export function describeIssue(
  issue: z.core.$ZodIssue,
  missing: boolean,
): [string, string, string | undefined, string | undefined] {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.expected === "int") return ["必须是整数", "must be a whole number", "整数", "a whole number"];
      const [zh, en] = TYPE_WORDS[issue.expected] ?? [issue.expected, issue.expected];
      return missing ? ["缺少必填项", "is required", zh, en] : [`应为${zh}`, `must be ${en}`, zh, en];
    }
    case "too_small":
      if (issue.origin === "string") return ["不能为空", "must not be empty", "非空文本", "non-empty text"];
      if (issue.origin === "array")
        return [
          `至少需要 ${issue.minimum} 项`,
          `needs at least ${issue.minimum}`,
          `≥ ${issue.minimum} 项`,
          `at least ${issue.minimum} items`,
        ];
      return [
        `不能小于 ${issue.minimum}`,
        `must be ${issue.minimum} or more`,
        `≥ ${issue.minimum}`,
        undefined,
      ];
    case "too_big":
      if (issue.origin === "string")
        return [
          `不能超过 ${issue.maximum} 个字符`,
          `must be at most ${issue.maximum} characters`,
          `≤ ${issue.maximum} 个字符`,
          `at most ${issue.maximum} characters`,
        ];
      return [
        `不能大于 ${issue.maximum}`,
        `must be ${issue.maximum} or less`,
        `≤ ${issue.maximum}`,
        undefined,
      ];
    case "invalid_value": {
      const values = issue.values.map(String).join("/");
      return [`取值无效,可选:${values}`, `must be one of ${values}`, values, undefined];
    }
    case "unrecognized_keys":
      return [
        `未知字段:${issue.keys.join("、")}`,
        `unknown field(s): ${issue.keys.join(", ")}`,
        undefined,
        undefined,
      ];
    default:
      return ["取值无效", issue.message, undefined, undefined];
  }
}

// ---------------------------------------------------------------- cross-field checks

const error = (
  path: Path,
  message: string,
  messageEn: string,
  accepts?: string,
  acceptsEn?: string,
): Finding => ({
  severity: "error",
  path,
  message,
  messageEn,
  accepts,
  ...(acceptsEn !== undefined && { acceptsEn }),
});
const warning = (path: Path, message: string, messageEn: string): Finding => ({
  severity: "warning",
  path,
  message,
  messageEn,
});

/** Money is compared to the cent of a 万元 figure, so float sums of two-decimal amounts do not trip it. */
const CENT = 0.005;

function crossChecks(
  district: District,
  knownPacks: readonly string[],
  parsed: Parsed,
  capacityYears?: readonly number[],
): Finding[] {
  const codes = parsed.codes;
  // The budget year and the term end are what every year of the plan and the repayment is measured from: when
  // one of them failed or they disagree, that is the one problem, and the checks of years against them are skipped.
  // So too when the inputs counted in years all agree on another budget year: the budget year is then the one problem.
  const endAfterStart =
    parsed.intact("budgetYear") &&
    parsed.intact("termEndYear") &&
    district.termEndYear >= district.budgetYear;
  const implied = endAfterStart ? impliedBudgetYear(district, parsed, capacityYears) : undefined;
  const yearsAgree = endAfterStart && implied === undefined;
  const findings = [
    ...(implied ? [budgetYearFinding(district, implied)] : []),
    ...districtChecks(district, knownPacks, parsed),
    ...fiscalChecks(district, parsed),
    ...schoolChecks(district, parsed),
    ...projectChecks(district, codes),
    ...(codes ? priorProjectChecks(district, codes) : []),
    ...(codes ? mergerChecks(district, codes) : []),
    ...(yearsAgree && parsed.intact("debts") ? debtChecks(district) : []),
    ...termChecks(district, codes, parsed, yearsAgree),
    ...spellingChecks(district),
  ];
  return foldUnknownCodes(findings, district);
}

function districtChecks(district: District, knownPacks: readonly string[], parsed: Parsed): Finding[] {
  const findings: Finding[] = [];
  if (
    parsed.intact("budgetYear") &&
    parsed.intact("termEndYear") &&
    district.termEndYear < district.budgetYear
  )
    findings.push(
      error(
        ["termEndYear"],
        `本届政府任期截止年度 ${district.termEndYear} 早于预算年度 ${district.budgetYear}`,
        `Term end year ${district.termEndYear} is before the budget year ${district.budgetYear}`,
        `≥ ${district.budgetYear}`,
      ),
    );
  if (district.schools.length === 0 && parsed.intact("schools"))
    findings.push(warning(["schools"], "没有任何学校数据", "There are no schools"));
  if (parsed.intact("policyPack") && !knownPacks.includes(district.policyPack))
    findings.push(
      error(
        ["policyPack"],
        `未知的政策包「${district.policyPack}」`,
        `Unknown policy pack "${district.policyPack}"`,
        knownPacks.join("/"),
      ),
    );
  return findings;
}

/** An input counted in years from the budget year: its years, and the budget year they were filled in for. */
interface YearEvidence {
  readonly zh: string;
  readonly en: string;
  readonly first: number;
  readonly last: number;
  readonly budgetYear: number;
}

const consecutive = (years: readonly number[]): boolean =>
  years.length > 0 && years.every((year, k) => k === 0 || year === (years[k - 1] as number) + 1);

/**
 * The budget year the inputs counted in years were filled in for, when that is not the budget year given: the
 * 偿还能力 rows run from the budget year to the term end, the 往年在校生 are the consecutive years just before it.
 * Only when both are there and agree on one other year is the budget year the one thing wrong; one of them alone
 * may be the mistake, and is then its own problem. Undefined when the budget year fits.
 */
function impliedBudgetYear(
  district: District,
  parsed: Parsed,
  capacityYears: readonly number[] | undefined,
): readonly YearEvidence[] | undefined {
  const [T, end] = [district.budgetYear, district.termEndYear];
  const evidence: YearEvidence[] = [];
  // A sheet gives the capacity's years; a .json's list runs from the budget year, so its length says where.
  const given = district.debts?.annualCapacity.length ?? 0;
  const capacity = capacityYears
    ? [...new Set(capacityYears)].sort((a, b) => a - b)
    : parsed.intact("debts")
      ? Array.from({ length: given }, (_, k) => end - given + 1 + k)
      : [];
  const first = capacity[0];
  if (first !== undefined && consecutive(capacity) && capacity[capacity.length - 1] === end)
    evidence.push({ zh: "偿还能力", en: "annual capacity", first, last: end, budgetYear: first });
  const history = parsed.intact("term", "history") ? historyYears(district) : [];
  const [oldest, latest] = [history[0], history[history.length - 1]];
  if (oldest !== undefined && latest !== undefined && history.length >= 2 && consecutive(history))
    evidence.push({
      zh: "往年在校生",
      en: "past enrollment",
      first: oldest,
      last: latest,
      budgetYear: latest + 1,
    });
  const [one] = evidence;
  if (!one || evidence.length < 2) return undefined;
  return evidence.every((e) => e.budgetYear === one.budgetYear && e.budgetYear !== T) ? evidence : undefined;
}

/** The budget year that the inputs counted in years do not fit: one problem at it, instead of one per input. */
function budgetYearFinding(district: District, evidence: readonly YearEvidence[]): Finding {
  const T = district.budgetYear;
  const year = evidence[0]?.budgetYear ?? T;
  const ranges = evidence.map((e) => `${e.zh} (${e.first}–${e.last})`).join("、");
  const rangesEn = evidence.map((e) => `the ${e.en} (${e.first}-${e.last})`).join(" and ");
  return error(
    ["budgetYear"],
    `预算年度 ${T} 与${ranges} 的年度不符: 这些表都按预算年度 ${year} 填写; 请核对「预算年度」`,
    `The budget year ${T} does not fit ${rangesEn}, which are all given for a budget year of ${year}: check the budget year`,
    `${year} (或按 ${T} 改填${evidence.map((e) => `「${e.zh}」`).join("")}的年度)`,
    `${year} (or the years of ${evidence.map((e) => e.en).join(" and ")} changed to fit ${T})`,
  );
}

function fiscalChecks(district: District, parsed: Parsed): Finding[] {
  const parts = [
    ["compulsoryAppropriation", "appropriation"],
    ["compulsoryPublicFunds", "publicFunds"],
    ["compulsoryStudents", "students"],
  ] as const;
  const years = (["prior", "current"] as const).filter((year) => parsed.intact("fiscal", year));
  return years.flatMap((year) =>
    parts
      .filter(([part, whole]) => district.fiscal[year][part] > district.fiscal[year][whole] + CENT)
      .map(([part, whole]) => {
        const [partLabel, wholeLabel] = [
          fieldLabel(["fiscal", year, part]),
          fieldLabel(["fiscal", year, whole]),
        ];
        return error(
          ["fiscal", year, part],
          `${partLabel.zh} ${district.fiscal[year][part]} 大于 ${wholeLabel.zh} ${district.fiscal[year][whole]}`,
          `${partLabel.en} ${district.fiscal[year][part]} exceeds ${wholeLabel.en} ${district.fiscal[year][whole]}`,
          `≤ ${district.fiscal[year][whole]}`,
        );
      }),
  );
}

function schoolChecks(district: District, parsed: Parsed): Finding[] {
  const firstIndex = new Map<string, number>();
  return district.schools.flatMap((school, index) => {
    const at = (...rest: (string | number)[]): Path => ["schools", index, ...rest];
    const who = `「${school.name}」`;
    const students = schoolStudents(school);
    const findings: Finding[] = [];
    const first = firstIndex.get(school.code);
    if (first === undefined) firstIndex.set(school.code, index);
    else
      findings.push(
        error(
          at("code"),
          `学校代码「${school.code}」重复(与第 ${parsed.inputIndex(["schools"], first) + 1} 所学校「${district.schools[first]?.name ?? ""}」相同)`,
          `School code "${school.code}" is used twice (also by school ${parsed.inputIndex(["schools"], first) + 1})`,
          "每所学校唯一的代码",
          "a code unique to each school",
        ),
      );
    if (students > 0 && school.classes === 0)
      findings.push(
        error(
          at("classes"),
          `${who}有 ${students} 名学生但班数为 0`,
          `${school.name} has ${students} students but 0 classes`,
          "≥ 1",
        ),
      );
    for (const [field, zh, en] of [
      ["boarders", "寄宿生数", "boarders"],
      ["specialNeeds", "特殊教育学生数", "special-needs students"],
    ] as const)
      if (school[field] > students)
        findings.push(
          error(
            at(field),
            `${who}${zh} ${school[field]} 大于在校生数 ${students}`,
            `${school.name}: ${en} ${school[field]} exceed its ${students} students`,
            `≤ ${students}`,
          ),
        );
    if (school.needyBoarders > school.boarders)
      findings.push(
        error(
          at("needyBoarders"),
          `${who}家庭经济困难寄宿生数 ${school.needyBoarders} 大于寄宿生数 ${school.boarders}`,
          `${school.name}: needy boarders ${school.needyBoarders} exceed its ${school.boarders} boarders`,
          `≤ ${school.boarders}`,
        ),
      );
    const aidable = schoolStudents(school, [...GRADES_BY_LEVEL.kindergarten, ...GRADES_BY_LEVEL.senior]);
    if (school.aidStudents > aidable)
      findings.push(
        error(
          at("aidStudents"),
          `${who}资助对象数 ${school.aidStudents} 大于幼儿与高中生数 ${aidable}`,
          `${school.name}: aided students ${school.aidStudents} exceed its ${aidable} children and senior students`,
          `≤ ${aidable}`,
        ),
      );
    if (school.prevDropouts > school.prevStartEnrollment)
      findings.push(
        error(
          at("prevDropouts"),
          `${who}上学年辍学学生数 ${school.prevDropouts} 大于上学年初在校生数 ${school.prevStartEnrollment}`,
          `${school.name}: dropouts ${school.prevDropouts} exceed the enrollment at the start of the year ${school.prevStartEnrollment}`,
          `≤ ${school.prevStartEnrollment}`,
        ),
      );
    findings.push(...levelChecks(school, at, who));
    const taught = GRADES_BY_TYPE[school.type];
    for (const grade of GRADE_KEYS)
      if (school.grades[grade] > 0 && !taught.includes(grade)) {
        const label = fieldLabel(["schools", index, "grades", grade]);
        findings.push(
          warning(
            at("grades", grade),
            `${who}是${school.type},但${label.zh}有 ${school.grades[grade]} 名学生`,
            `${school.name} is a ${school.type} but has ${school.grades[grade]} students in ${label.en}`,
          ),
        );
      }
    return findings;
  });
}

/** A prior project's school must be one of the district's schools: its town is what pairs it. */
function priorProjectChecks(district: District, codes: ReadonlySet<string>): Finding[] {
  return (district.priorProjects ?? []).flatMap((project, index) =>
    project.school === undefined || codes.has(project.school)
      ? []
      : [
          {
            ...error(
              ["priorProjects", index, "school"],
              `上年开工项目「${project.name}」的学校代码「${project.school}」不是已有学校代码`,
              `Prior project ${project.name}: "${project.school}" is not a school code`,
              "录入-学校中的学校代码",
              "a school code of the schools sheet",
            ),
            unknownCode: {
              code: project.school,
              place: `上年开工项目「${project.name}」`,
              placeEn: `prior project ${project.name}`,
            },
          },
        ],
  );
}

function projectChecks(district: District, codes: ReadonlySet<string> | undefined): Finding[] {
  return district.projects.flatMap((project, index) => {
    const at = (field: string): Path => ["projects", index, field];
    const who = `项目「${project.name}」`;
    const findings: Finding[] = [];
    const funded = project.central + project.provincial + project.district + project.town;
    const total = project.totalCost;
    if (funded > total + CENT)
      findings.push(
        error(
          at("totalCost"),
          `${who}资金来源合计 ${roundHalfAway(funded, 2)} 大于总投资 ${total}`,
          `Project ${project.name}: funding ${roundHalfAway(funded, 2)} exceeds the total cost ${total}`,
          `资金来源合计 ≤ ${total}`,
        ),
      );
    else if (funded < total - CENT)
      findings.push(
        warning(
          at("totalCost"),
          `${who}资金来源合计 ${roundHalfAway(funded, 2)} 小于总投资 ${total},差 ${roundHalfAway(total - funded, 2)} 万元未落实`,
          `Project ${project.name}: funding ${roundHalfAway(funded, 2)} is below the total cost ${total}`,
        ),
      );
    if (project.amountInYear > total + CENT)
      findings.push(
        error(
          at("amountInYear"),
          `${who}本年安排 ${project.amountInYear} 大于总投资 ${total}`,
          `Project ${project.name}: amount in year ${project.amountInYear} exceeds the total cost ${total}`,
          `≤ ${total}`,
        ),
      );
    if (project.startYear > project.endYear)
      findings.push(
        error(
          at("endYear"),
          `${who}竣工年度 ${project.endYear} 早于开工年度 ${project.startYear}`,
          `Project ${project.name}: end year ${project.endYear} is before the start year ${project.startYear}`,
          `≥ ${project.startYear}`,
        ),
      );
    if (codes && !codes.has(project.school))
      findings.push({
        ...warning(
          at("school"),
          `${who}的学校「${project.school}」不是已有学校代码,按新校址处理`,
          `Project ${project.name}: "${project.school}" is not a school code; treated as a new site`,
        ),
        unknownCode: {
          code: project.school,
          place: `项目「${project.name}」`,
          placeEn: `project ${project.name}`,
          site: true,
        },
      });
    return findings;
  });
}

function mergerChecks(district: District, codes: ReadonlySet<string>): Finding[] {
  const unknown = (path: Path, code: string, merger: string): Finding => ({
    ...error(
      path,
      `布局调整「${merger}」中的学校代码「${code}」不存在`,
      `Merger ${merger}: school code "${code}" does not exist`,
      "学校表中已有的学校代码",
      "a school code on the schools sheet",
    ),
    unknownCode: { code, place: `布局调整「${merger}」`, placeEn: `merger ${merger}` },
  });
  return district.mergers.flatMap((merger, index) => [
    ...merger.sources.flatMap((code, k) =>
      codes.has(code) ? [] : [unknown(["mergers", index, "sources", k], code, merger.name)],
    ),
    ...(["stayingSchool", "siteSchool"] as const).flatMap((field) => {
      const code = merger[field];
      return code && !codes.has(code) ? [unknown(["mergers", index, field], code, merger.name)] : [];
    }),
  ]);
}

/**
 * The term plan's inputs: schools that exist, a history of at least two past years just before T, births for every
 * cohort. The checks of years are made only when the budget year and the term end agree (yearsAgree), and the ones
 * that follow from the history's years only when those line up with T: a wrong year is one problem, not one per row.
 */
function termChecks(
  district: District,
  codes: ReadonlySet<string> | undefined,
  parsed: Parsed,
  yearsAgree: boolean,
): Finding[] {
  const term = district.term;
  if (!term) return [];
  const T = district.budgetYear;
  const findings: Finding[] = [];
  const unknown = (path: Path, code: string, place: string, placeEn: string): Finding => ({
    ...warning(
      path,
      `规划数据中的学校代码「${code}」不在学校表中, 该行不计入规划`,
      `Term plan: school code "${code}" is not on the schools sheet; the row is left out of the plan`,
    ),
    unknownCode: { code, place, placeEn },
  });
  const lastYearOk = parsed.intact("term", "lastYear");
  if (yearsAgree && lastYearOk && term.lastYear !== undefined && term.lastYear < T + 2)
    findings.push(
      error(
        ["term", "lastYear"],
        `规划末年 ${term.lastYear} 早于 ${T + 2} 年: 中期财政规划至少含 T、T+1、T+2 三年`,
        `The last plan year ${term.lastYear} is before ${T + 2}: the plan covers at least T, T+1 and T+2`,
        `≥ ${T + 2}`,
      ),
    );
  const years = historyYears(district);
  const expected = Array.from(
    { length: Math.max(2, years.length) },
    (_, k) => T - Math.max(2, years.length) + k,
  );
  // No history at all is no term plan (规划 says so); a history that does not line up is warned about.
  const historyOk = yearsAgree && parsed.intact("term", "history") && years.length > 0;
  const aligned = years.length >= 2 && years.every((year, k) => year === expected[k]);
  const yearsOf = new Map<string, Set<number>>();
  for (const h of term.history) yearsOf.set(h.school, (yearsOf.get(h.school) ?? new Set()).add(h.year));
  const lacking = (code: string) => years.filter((year) => !yearsOf.get(code)?.has(year));
  // A school's rows of one year given twice, as many as the years it lacks: a row's year was mistyped, and that is
  // the one problem (at the first such row), not the repeat and the gap apart.
  const repeats = new Map<string, number[]>();
  const seen = new Set<string>();
  term.history.forEach((row, i) => {
    const key = `${row.school}\u0000${row.year}`;
    if (seen.has(key)) repeats.set(row.school, [...(repeats.get(row.school) ?? []), i]);
    seen.add(key);
  });
  const mistyped = new Set(
    historyOk && aligned
      ? [...repeats].filter(([code, rows]) => lacking(code).length === rows.length).map(([code]) => code)
      : [],
  );
  seen.clear();
  const notBefore: number[] = [];
  term.history.forEach((row, i) => {
    if (codes && !codes.has(row.school))
      findings.push({
        ...unknown(["term", "history", i, "school"], row.school, "往年在校生", "past enrollment"),
        unknownCode: { code: row.school, place: "往年在校生", placeEn: "past enrollment", year: row.year },
      });
    if (yearsAgree && row.year >= T) notBefore.push(i);
    const key = `${row.school}\u0000${row.year}`;
    if (seen.has(key) && mistyped.has(row.school)) {
      const rows = repeats.get(row.school) ?? [];
      const twice = [...new Set(rows.map((r) => term.history[r]?.year))];
      const missing = lacking(row.school);
      if (rows[0] === i)
        findings.push(
          error(
            ["term", "history", i, "year"],
            `学校「${district.schools.find((school) => school.code === row.school)?.name ?? row.school}」${twice.join("、")} 年的往年在校生录入了两次, 而缺少 ${missing.join("、")} 年: 请核对${rows.length > 1 ? "这些" : "其中一"}行的年度`,
            `Past enrollment of ${row.school} in ${twice.join(", ")} is given twice while ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} missing: check the year of ${rows.length > 1 ? "these rows" : "one of the two rows"}`,
            missing.join("、"),
          ),
        );
    } else if (seen.has(key))
      findings.push(
        error(
          ["term", "history", i],
          `学校「${row.school}」${row.year} 年的往年在校生录入了两次`,
          `Past enrollment of ${row.school} in ${row.year} is given twice`,
        ),
      );
    seen.add(key);
  });
  const firstNotBefore = notBefore[0];
  if (firstNotBefore !== undefined) {
    // One warning for every row of a year not before T: the year (or the budget year) is the one thing to fix.
    const late = [...new Set(notBefore.map((i) => term.history[i]?.year))].join("、");
    const rows = notBefore.length > 1 ? ` ${notBefore.length} 行的` : "";
    findings.push(
      warning(
        ["term", "history", firstNotBefore, "year"],
        `往年在校生${rows}年度 ${late} 不早于预算年度 ${T} (T 年人数取自学校表, 往年须 ≤ ${T - 1}); 请核对这些年度或「预算年度」`,
        `Past enrollment year${notBefore.length > 1 ? `s ${late.replace(/、/g, ", ")} (${notBefore.length} rows) are` : ` ${late} is`} not before the budget year ${T} (year T is the schools sheet)`,
      ),
    );
  }
  if (historyOk && !aligned && firstNotBefore === undefined)
    findings.push(
      warning(
        ["term", "history"],
        `往年在校生须是预算年度之前连续的至少两年 (如 ${T - 2}–${T - 1}), 实有 ${years.join("、")}; 规划表不作预测`,
        `Past enrollment needs at least two consecutive years just before T (e.g. ${T - 2}-${T - 1}), found ${years.join(", ")}; the term plan projects nothing`,
      ),
    );
  else if (historyOk && aligned) {
    district.schools.forEach((school, index) => {
      const have = yearsOf.get(school.code) ?? new Set<number>();
      const missing = lacking(school.code);
      if (missing.length > 0 && !mistyped.has(school.code))
        findings.push({
          ...warning(
            ["schools", index, "code"],
            `学校「${school.name}」缺少 ${missing.join("、")} 年的往年分年级在校生 (${years[0]}–${years[years.length - 1]} 每年一行); 规划表不作预测`,
            `School ${school.code} has no past enrollment for ${missing.join(", ")}; the term plan projects nothing`,
          ),
          lacksHistory: { code: school.code, years: missing, none: have.size === 0 },
        });
    });
  }
  const later = planYears(district).slice(1);
  // The plan's years are measured from the budget year and the last plan year: when either is the problem, a row
  // outside them is not one more.
  const planYearsOk = yearsAgree && lastYearOk && (term.lastYear === undefined || term.lastYear >= T + 2);
  term.entrants.forEach((row, i) => {
    if (codes && !codes.has(row.school))
      findings.push(unknown(["term", "entrants", i, "school"], row.school, "新生", "entrants"));
    else if (planYearsOk && !later.includes(row.year))
      findings.push(
        warning(
          ["term", "entrants", i, "year"],
          `新生的年度 ${row.year} 不在规划年度 ${later[0]}–${later[later.length - 1]} 内, 该行不计入规划`,
          `Entrants year ${row.year} is outside the plan years ${later[0]}-${later[later.length - 1]}; the row is left out`,
        ),
      );
  });
  const byCode = new Map(district.schools.map((s) => [s.code, s]));
  term.ratios.forEach((row, i) => {
    const school = byCode.get(row.school);
    if (!school) {
      if (codes && !codes.has(row.school))
        findings.push(unknown(["term", "ratios", i, "school"], row.school, "升级比例", "progression ratios"));
    } else if (!projectedGrades(school).slice(1).includes(row.grade))
      findings.push(
        error(
          ["term", "ratios", i, "grade"],
          `学校「${school.name}」的 ${row.grade} 不是按升级比例推算的年级`,
          `School ${school.code}: ${row.grade} is not a grade projected by a progression ratio`,
          projectedGrades(school).slice(1).join("/") || "无 (本校不作推算)",
        ),
      );
  });
  const seenMigration = new Set<string>();
  term.migration.forEach((row, i) => {
    const school = byCode.get(row.school);
    const key = `${row.school}\u0000${row.year}\u0000${row.grade ?? ""}`;
    if (!school)
      findings.push(unknown(["term", "migration", i, "school"], row.school, "净迁移", "net migration"));
    else if (planYearsOk && !later.includes(row.year))
      findings.push(
        warning(
          ["term", "migration", i, "year"],
          `净迁移的年度 ${row.year} 不在规划年度 ${later[0]}–${later[later.length - 1]} 内, 该行不计入规划`,
          `Net migration year ${row.year} is outside the plan years ${later[0]}-${later[later.length - 1]}; the row is left out`,
        ),
      );
    else if (projectedGrades(school).length === 0)
      findings.push(
        error(
          ["term", "migration", i, "school"],
          `学校「${school.name}」不作推算 (特教学校), 不填净迁移`,
          `School ${school.code} is not projected (special school): it takes no net migration`,
          "推算在校生的学校的代码",
        ),
      );
    else if (row.grade !== undefined && !projectedGrades(school).includes(row.grade))
      findings.push(
        error(
          ["term", "migration", i, "grade"],
          `学校「${school.name}」没有推算的 ${GRADE_LABELS[row.grade][0]}`,
          `School ${school.code}: ${row.grade} is not a projected grade`,
          projectedGrades(school)
            .map((g) => GRADE_LABELS[g][0])
            .join("/"),
        ),
      );
    else if (seenMigration.has(key))
      findings.push(
        error(
          ["term", "migration", i],
          `学校「${school.name}」${row.year} 年${row.grade === undefined ? "" : ` ${GRADE_LABELS[row.grade][0]}`} 的净迁移录入了两次`,
          `School ${school.code}: net migration of ${row.year}${row.grade === undefined ? "" : ` ${row.grade}`} is given twice`,
        ),
      );
    seenMigration.add(key);
  });
  const births =
    historyOk && aligned && lastYearOk && parsed.intact("term", "births") && parsed.intact("term", "entrants")
      ? birthChecks(district, term, years)
      : [];
  const bornBefore = new Set<number>();
  const repeated = term.births.flatMap((b, i) => {
    const again = bornBefore.has(b.year);
    bornBefore.add(b.year);
    return again ? [i] : [];
  });
  const twice = [...new Set(repeated.map((i) => term.births[i]?.year))];
  const lacked = [...new Set(births.flatMap((finding) => finding.lacksBirths ?? []))].sort((a, b) => a - b);
  const [firstRepeat] = repeated;
  // Years given twice, as many rows as the years the intake needs and lacks: a year was mistyped, and that is the
  // one problem, at the first repeated row.
  if (firstRepeat !== undefined && repeated.length === lacked.length) {
    findings.push(
      error(
        ["term", "births", firstRepeat, "year"],
        `出生人口 ${twice.join("、")} 年录入了两次, 而缺少 ${lacked.join("、")} 年: 请核对${repeated.length > 1 ? "这些" : "其中一"}行的出生年份`,
        `The births of ${twice.join(", ")} are given twice while ${lacked.join(", ")} ${lacked.length > 1 ? "are" : "is"} missing: check the year of ${repeated.length > 1 ? "these rows" : "one of the two rows"}`,
        lacked.join("、"),
      ),
      ...births.filter((finding) => !finding.lacksBirths),
    );
    return findings;
  }
  if (firstRepeat !== undefined)
    findings.push(
      error(
        ["term", "births", firstRepeat, "year"],
        `出生人口 ${twice.join("、")} 年录入了两次`,
        `The births of ${twice.join(", ")} are given twice`,
        "每年一行",
        "one row a year",
      ),
    );
  findings.push(...births);
  return findings;
}

/**
 * Births for every cohort a school's intake is projected from. The schools that lack the same years of births are
 * one warning: the births sheet is the one thing to fill in.
 */
function birthChecks(
  district: District,
  term: NonNullable<District["term"]>,
  years: readonly number[],
): Finding[] {
  const T = district.budgetYear;
  const plan = planYears(district).slice(1);
  const born = new Set(term.births.map((b) => b.year));
  const entered = new Set(term.entrants.map((e) => `${e.school}\u0000${e.year}`));
  const birthsOf = new Map(term.births.map((b) => [b.year, b.births]));
  const findings: Finding[] = [];
  const lacking = new Map<
    string,
    { schools: School[]; age: number; cohorts: number[]; fromBirths: number[] }
  >();
  district.schools.forEach((school) => {
    const first = projectedGrades(school)[0];
    const age = first === undefined ? undefined : ENTRY_AGE[first];
    if (age === undefined) return;
    const fromBirths = plan.filter((year) => !entered.has(`${school.code}\u0000${year}`));
    if (fromBirths.length === 0) return;
    const cohorts = [...years, T, ...fromBirths].map((year) => year - age);
    const missing = [...new Set(cohorts.filter((year) => !born.has(year)))];
    const rateBirths = [...years, T].reduce((sum, year) => sum + (birthsOf.get(year - age) ?? 0), 0);
    if (missing.length === 0 && rateBirths === 0)
      findings.push(
        warning(
          ["term", "births"],
          `学校「${school.name}」的入学率无从计算: ${(years[0] ?? T) - age}–${T - age} 年出生人口合计为 0; 规划表不作预测`,
          `School ${school.code}: no entry rate, the births of ${(years[0] ?? T) - age}-${T - age} add up to 0; the term plan projects nothing`,
        ),
      );
    if (missing.length > 0) {
      const key = `${missing.join(",")}|${age}|${fromBirths.join(",")}`;
      const group = lacking.get(key) ?? { schools: [], age, cohorts, fromBirths };
      group.schools.push(school);
      lacking.set(key, group);
    }
  });
  // The groups that lack the same years of births (schools of different entry ages): one warning, the years being
  // the one thing to fill in.
  const byMissing = new Map<
    string,
    { schools: School[]; age: number; cohorts: number[]; fromBirths: number[] }[]
  >();
  for (const [key, group] of lacking) {
    const missing = key.split("|")[0] ?? "";
    byMissing.set(missing, [...(byMissing.get(missing) ?? []), group]);
  }
  for (const [key, groups] of byMissing) {
    const missing = key.split(",");
    const who = ({ schools }: { schools: School[] }) => {
      const names = schools.map((school) => `「${school.name}」`).join("");
      return schools.length > 1 ? `${schools.length} 所学校 (${names})` : `学校${names}`;
    };
    const codes = ({ schools }: { schools: School[] }) =>
      `school${schools.length > 1 ? "s" : ""} ${schools.map((school) => school.code).join(", ")}`;
    const [group] = groups;
    if (group && groups.length === 1) {
      const { schools, age, cohorts, fromBirths } = group;
      findings.push({
        ...warning(
          ["term", "births"],
          `${who(group)}的新生按出生人口 × 入学率推算 (${age} 岁入学), 缺少 ${missing.join("、")} 年出生人口 (需 ${cohorts[0]}–${cohorts[cohorts.length - 1]} 年); 或为 ${fromBirths.join("、")} 年直接录入新生; 规划表不作预测`,
          `School${schools.length > 1 ? "s" : ""} ${schools.map((school) => school.code).join(", ")}: intake from births (entry age ${age}) needs the births of ${missing.join(", ")}, or ${schools.length > 1 ? "their" : "its"} entrants entered for ${fromBirths.join(", ")}; the term plan projects nothing`,
        ),
        lacksBirths: missing.map(Number),
      });
      continue;
    }
    const parts = groups.map(
      (g) =>
        `${who(g)}的新生按出生人口 × 入学率推算 (${g.age} 岁入学, 需 ${g.cohorts[0]}–${g.cohorts[g.cohorts.length - 1]} 年), 或为 ${g.fromBirths.join("、")} 年直接录入新生`,
    );
    const partsEn = groups.map(
      (g) =>
        `${codes(g)} (intake from births at entry age ${g.age}, or entrants entered for ${g.fromBirths.join(", ")})`,
    );
    findings.push({
      ...warning(
        ["term", "births"],
        `缺少 ${missing.join("、")} 年出生人口: ${parts.join("; ")}; 规划表不作预测`,
        `The births of ${missing.join(", ")} are missing, which ${partsEn.join(" and ")} need; the term plan projects nothing`,
      ),
      lacksBirths: missing.map(Number),
    });
  }
  return findings;
}

/**
 * The references to a school code that is not on 学校, folded: one problem per code, wherever it is used. A school
 * with no past enrollment beside a code of the history that is no school is one mistyped code: one problem at the
 * school's code, naming both.
 */
function foldUnknownCodes(findings: readonly Finding[], district: District): Finding[] {
  const byCode = new Map<string, Finding[]>();
  for (const finding of findings)
    if (finding.unknownCode)
      byCode.set(finding.unknownCode.code, [...(byCode.get(finding.unknownCode.code) ?? []), finding]);
  if (byCode.size === 0) return [...findings];
  // A code of the history that is no school's, and a school that lacks the years of its rows: one mistyped code.
  const lacking = findings.flatMap((finding) => (finding.lacksHistory ? [finding.lacksHistory] : []));
  const pairs = new Map<string, NonNullable<Finding["lacksHistory"]>>();
  for (const [code, refs] of byCode) {
    const years = new Set(
      refs.flatMap((r) => (r.unknownCode?.year === undefined ? [] : [r.unknownCode.year])),
    );
    if (years.size === 0) continue;
    const fits = lacking.filter((lack) => lack.years.every((year) => years.has(year)));
    const near = fits.filter((lack) => editDistance(lack.code, code) <= 2);
    const only = fits.length === 1 ? fits : near;
    if (only.length === 1 && only[0]) pairs.set(code, only[0]);
  }
  const pairedSchools = new Set([...pairs.values()].map((lack) => lack.code));
  const out: Finding[] = [];
  for (const finding of findings) {
    if (finding.lacksHistory && pairedSchools.has(finding.lacksHistory.code)) continue;
    const reference = finding.unknownCode;
    if (!reference) {
      out.push(finding);
      continue;
    }
    const refs = byCode.get(reference.code) ?? [];
    const paired = pairs.get(reference.code);
    // A new site's name used by projects alone is no mistake to fold: each project says it is treated as one.
    const folded = paired !== undefined || (refs.length > 1 && refs.some((r) => !r.unknownCode?.site));
    if (!folded) {
      out.push(finding);
      continue;
    }
    if (refs[0] !== finding) continue;
    const severity: Severity = refs.some((r) => r.severity === "error") ? "error" : "warning";
    const counted = new Map<string, { en: string; n: number }>();
    for (const r of refs) {
      const place = r.unknownCode as UnknownReference;
      counted.set(place.place, { en: place.placeEn, n: (counted.get(place.place)?.n ?? 0) + 1 });
    }
    const places = [...counted].map(([zh, { n }]) => (n > 1 ? `${zh} ${n} 行` : zh)).join("、");
    const placesEn = [...counted].map(([, { en, n }]) => (n > 1 ? `${en} (${n} rows)` : en)).join(", ");
    const sites = refs.some((r) => r.unknownCode?.site);
    const outcome =
      severity === "error"
        ? { zh: "请改为学校表中已有的代码", en: "use a code of the schools sheet" }
        : {
            zh: `规划不计入这些行${sites ? ", 项目按新校址处理" : ""}`,
            en: `the rows are left out of the plan${sites ? " and projects are treated as new sites" : ""}`,
          };
    const schoolIndex = district.schools.findIndex((school) => school.code === paired?.code);
    const school = district.schools[schoolIndex];
    if (school && paired) {
      const missing = paired.none ? "没有往年在校生" : `缺少 ${paired.years.join("、")} 年的往年在校生`;
      const missingEn = paired.none
        ? "has no past enrollment"
        : `has no past enrollment for ${paired.years.join(", ")}`;
      // A school with no history at all is more likely mistyped on 学校; one row's code, in that row.
      out.push({
        severity,
        path: paired.none ? ["schools", schoolIndex, "code"] : finding.path,
        message: `学校「${school.name}」(代码「${school.code}」)${missing}, 而${places}所用的学校代码「${reference.code}」不在学校表中: 若是同一所学校, 请统一为一个代码`,
        messageEn: `School ${school.name} (code "${school.code}") ${missingEn}, while the code "${reference.code}" used in ${placesEn} is not on the schools sheet: if they are one school, use one code`,
        accepts: "各表中同一学校使用同一代码",
        acceptsEn: "one code per school on every sheet",
      });
    } else
      out.push({
        severity,
        path: finding.path,
        message: `学校代码「${reference.code}」不在学校表中, 用于${places}: ${outcome.zh}`,
        messageEn: `School code "${reference.code}" is not on the schools sheet but is used in ${placesEn}: ${outcome.en}`,
        ...(severity === "error" && {
          accepts: "学校表中已有的学校代码",
          acceptsEn: "a school code on the schools sheet",
        }),
      });
  }
  return out;
}

/** Levenshtein distance of two short codes. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function debtChecks(district: District): Finding[] {
  const years = district.termEndYear - district.budgetYear + 1;
  const capacity = district.debts?.annualCapacity;
  if (!capacity || years < 1 || capacity.length === years) return [];
  return [
    error(
      ["debts", "annualCapacity"],
      `偿还能力应逐年填写 ${district.budgetYear}–${district.termEndYear} 共 ${years} 年,实有 ${capacity.length} 年`,
      `Annual capacity needs one entry per year ${district.budgetYear}-${district.termEndYear} (${years}), found ${capacity.length}`,
      `${years} 个年度`,
    ),
  ];
}

/**
 * Names the workbook counts and sums by, compared among themselves: towns of schools, and the names of projects,
 * planned kindergartens and the speeches' lists (which are matched against each other). Two that differ only in
 * full-width letters, accents or other compatibility forms are an error: spreadsheets disagree on whether they
 * are the same name, so no stored value could agree with every one of them. Case alone is fine (all agree).
 */
function spellingChecks(district: District): Finding[] {
  const towns = district.schools.map((school, i) => ({ path: ["schools", i, "town"], text: school.town }));
  const names = [
    ...district.projects.map((p, i) => ({ path: ["projects", i, "name"], text: p.name })),
    ...(district.priorProjects ?? []).map((p, i) => ({ path: ["priorProjects", i, "name"], text: p.name })),
    ...district.preschool.planned.map((k, i) => ({
      path: ["preschool", "planned", i, "name"],
      text: k.name,
    })),
    ...district.statedCounts.flatMap((stated, i) =>
      stated.items.map((item, j) => ({ path: ["statedCounts", i, "items", j], text: item })),
    ),
  ];
  return [...ambiguousSpellings(towns), ...ambiguousSpellings(names)];
}

function ambiguousSpellings(entries: readonly { path: Path; text: string }[]): Finding[] {
  const first = new Map<string, string>();
  const loose = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { path, text } of entries) {
    let key = loose.get(text);
    if (key === undefined) loose.set(text, (key = looseKey(text)));
    const seen = first.get(key);
    if (seen === undefined) first.set(key, text);
    else if (caseKey(seen) !== caseKey(text))
      findings.push(
        error(
          path,
          `「${text}」与「${seen}」只在全角/半角字母、重音等写法上不同,各电子表格软件对二者是否相同判断不一,请统一写法`,
          `"${text}" and "${seen}" differ only in full-width letters, accents or similar forms, which spreadsheets compare differently: spell them the same`,
          seen,
        ),
      );
  }
  return findings;
}
