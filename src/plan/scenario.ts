/**
 * A scenario: a named set of changes to a district and its policy pack ("what if the merger comes in year 1, or
 * revenue grows 5 % instead of 8 %?"), kept as JSON so a user can write and edit it. The zod schema is the one
 * definition of what a scenario accepts; applyScenario makes the changed district and pack (never changing the
 * given ones) and judges the result with the district's own validation, so a change that makes the district
 * invalid is a problem naming the change and the field, like any input problem.
 */
import { z } from "zod";
import { fieldLabel } from "../district/layout";
import { gradesSchema, schoolSchema, type District } from "../district/model";
import { hasErrors, pathText, type Path, type Problem } from "../district/problems";
import { describeIssue, validateDistrict } from "../district/validate";
import { roundHalfAway } from "../domain/validate";
import { closestKeys, derivePack, isPolicyKey } from "../policy/packs";
import { POLICY_KEYS, type PolicyKey, type PolicyPack } from "../policy/types";

const text = z.string().trim().min(1, "must not be empty");
const year = z
  .number()
  .int("must be a whole year")
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");

/** Moves a merger (by its name) to another year: `year` as a calendar year, or `termYear` 1 for T, 2 for T+1 … */
const mergerYearChange = z
  .object({
    kind: z.literal("mergerYear"),
    merger: text.max(80),
    year: year.optional(),
    termYear: z.number().int("must be a whole number").min(1, "must be 1 or more").max(20).optional(),
  })
  .strict()
  .refine((change) => (change.year === undefined) !== (change.termYear === undefined), {
    message: "give either year or termYear",
    path: ["year"],
  });

/** Sets one value of the policy pack by its key (a norm, a rate, a limit). */
const policyChange = z
  .object({ kind: z.literal("policy"), key: text.max(80), value: z.number().finite() })
  .strict();

/** The growth of recurring revenue in year T over T−1 (0.05 is 5 %): the T revenue becomes T−1 × (1 + rate). */
const revenueGrowthChange = z
  .object({
    kind: z.literal("revenueGrowth"),
    rate: z.number().finite().min(-0.9, "must be -0.9 or more").max(10, "must be 10 or less"),
  })
  .strict();

/** Sets fields of one school (by its code); grades are set one by one, the others keep their values. */
const schoolChange = z
  .object({
    kind: z.literal("school"),
    school: text.max(32),
    set: z.record(z.string(), z.unknown()),
  })
  .strict();

/** Sets any field of the district by its path ("fiscal.current.appropriation", "schools.3.classes"). */
const setChange = z
  .object({
    kind: z.literal("set"),
    path: text.max(200),
    value: z.union([z.number(), z.string(), z.boolean()]),
  })
  .strict();

export const scenarioChangeSchema = z.discriminatedUnion("kind", [
  mergerYearChange,
  policyChange,
  revenueGrowthChange,
  schoolChange,
  setChange,
]);
export type ScenarioChange = z.infer<typeof scenarioChangeSchema>;

export const scenarioSchema = z
  .object({
    name: text.max(80, "must be at most 80 characters"),
    description: z.string().max(2000, "must be at most 2000 characters").default(""),
    changes: z.array(scenarioChangeSchema).min(1, "needs at least one change"),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

export const SCENARIO_KINDS = ["mergerYear", "policy", "revenueGrowth", "school", "set"] as const;

export interface ScenarioResult {
  /** Present when the scenario applies without errors. */
  readonly district?: District;
  readonly pack?: PolicyPack;
  readonly problems: readonly Problem[];
}

/** What the fields of a scenario are called in messages. */
const LABELS: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  name: { zh: "场景名称", en: "Scenario name" },
  description: { zh: "场景说明", en: "Scenario description" },
  changes: { zh: "变更", en: "Changes" },
  kind: { zh: "变更类型", en: "Change kind" },
  merger: { zh: "布局调整名称", en: "Merger name" },
  year: { zh: "年度", en: "Year" },
  termYear: { zh: "任期内第几年", en: "Year of the term" },
  key: { zh: "参数键", en: "Policy key" },
  value: { zh: "取值", en: "Value" },
  rate: { zh: "增长率", en: "Growth rate" },
  school: { zh: "学校代码", en: "School code" },
  set: { zh: "要修改的字段", en: "Fields to set" },
  path: { zh: "字段路径", en: "Field path" },
};

function scenarioLabel(path: Path): { zh: string; en: string } {
  const last = [...path].reverse().find((key): key is string => typeof key === "string");
  const label = last === undefined ? undefined : LABELS[last];
  const where = pathText(path);
  return label ? { zh: `${label.zh}(${where})`, en: `${label.en} (${where})` } : { zh: where, en: where };
}

const problem = (
  file: string,
  path: Path,
  message: string,
  messageEn: string,
  accepts?: string,
  acceptsEn?: string,
): Problem => ({
  severity: "error",
  file,
  field: pathText(path),
  message,
  messageEn,
  ...(accepts !== undefined && { accepts }),
  ...(acceptsEn !== undefined && acceptsEn !== accepts && { acceptsEn }),
});

function issueProblems(error: z.ZodError, input: unknown, file: string): Problem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== "symbol");
    const missing = valueAt(input, issue.path) === undefined;
    if (issue.code === "invalid_union") {
      const kinds = SCENARIO_KINDS.join("/");
      const at = path.at(-1) === "kind" ? path : [...path, "kind"];
      return problem(
        file,
        at,
        `${scenarioLabel(at).zh}:取值无效,可选:${kinds}`,
        `${scenarioLabel(at).en}: must be one of ${kinds}`,
        kinds,
      );
    }
    return issueProblem(issue, missing, file, path, scenarioLabel(path));
  });
}

/** The scenario's own rules between fields, in Chinese, with what they accept. */
const CUSTOM: Readonly<Record<string, readonly [string, string, string]>> = {
  "give either year or termYear": [
    "请只给出 year(年份)或 termYear(任期内第几年,1 为预算年度)之一",
    "year 或 termYear",
    "year or termYear",
  ],
};

/** One schema issue as a problem of the field at `path`, called `label`. */
function issueProblem(
  issue: z.core.$ZodIssue,
  missing: boolean,
  file: string,
  path: Path,
  label: { readonly zh: string; readonly en: string },
): Problem {
  const [zh, en, accepts, acceptsEn] =
    issue.code === "custom"
      ? [
          CUSTOM[issue.message]?.[0] ?? "取值无效",
          issue.message,
          CUSTOM[issue.message]?.[1],
          CUSTOM[issue.message]?.[2],
        ]
      : describeIssue(issue, missing);
  return problem(file, path, `${label.zh}:${zh}`, `${label.en}: ${en}`, accepts, acceptsEn);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );
}

/** A scenario from any value (the parsed JSON), or its problems naming each field and what it accepts. */
export function parseScenario(
  input: unknown,
  file: string,
): { readonly scenario?: Scenario; readonly problems: readonly Problem[] } {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return { scenario: parsed.data, problems: [] };
  return { problems: issueProblems(parsed.error, input, file) };
}

/** A scenario from its JSON text. */
export function readScenarioJson(
  text: string,
  file: string,
): { readonly scenario?: Scenario; readonly problems: readonly Problem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        problem(
          file,
          [],
          `场景文件不是有效的 JSON:${reason}`,
          `The scenario is not valid JSON: ${reason}`,
          "JSON",
        ),
      ],
    };
  }
  return parseScenario(value, file);
}

type Mutable = { [key: string]: unknown };

/** A deep copy of plain data (the district is JSON-shaped). */
const copy = <T>(value: T): T => structuredClone(value);

/**
 * The district and pack with the scenario's changes applied in order. The given district and pack are not changed.
 * Problems name the change (changes[i].field) and what it accepts; the changed district is judged as an input is.
 */
export function applyScenario(
  district: District,
  pack: PolicyPack,
  scenario: Scenario,
  file = "scenario",
): ScenarioResult {
  const next = copy(district) as District & Mutable;
  const edits: { [K in PolicyKey]?: number } = {};
  const problems: Problem[] = [];
  scenario.changes.forEach((change, i) => {
    const at = (...rest: (string | number)[]): Path => ["changes", i, ...rest];
    switch (change.kind) {
      case "mergerYear": {
        const merger = next.mergers.find((m) => m.name === change.merger.trim());
        if (!merger) {
          const names = next.mergers.map((m) => m.name).join("/");
          problems.push(
            problem(
              file,
              at("merger"),
              `${scenarioLabel(at("merger")).zh}:没有名为「${change.merger}」的布局调整`,
              `${scenarioLabel(at("merger")).en}: there is no merger named "${change.merger}"`,
              names || "(区县没有布局调整)",
              names || "(the district has no mergers)",
            ),
          );
          return;
        }
        merger.year = change.year ?? next.budgetYear + (change.termYear ?? 1) - 1;
        return;
      }
      case "policy": {
        const key = change.key.trim().toLowerCase();
        if (!isPolicyKey(key)) {
          const near = closestKeys(key, 3).join(", ");
          problems.push(
            problem(
              file,
              at("key"),
              `${scenarioLabel(at("key")).zh}:没有参数键「${change.key}」(最接近的:${near})`,
              `${scenarioLabel(at("key")).en}: there is no policy key "${change.key}" (closest: ${near})`,
              `${POLICY_KEYS.length} 个参数键之一,如 ${near}`,
              `one of the ${POLICY_KEYS.length} policy keys, e.g. ${near}`,
            ),
          );
          return;
        }
        edits[key] = change.value;
        return;
      }
      case "revenueGrowth":
        next.fiscal.current.recurringRevenue = roundHalfAway(
          next.fiscal.prior.recurringRevenue * (1 + change.rate),
          2,
        );
        return;
      case "school": {
        const school = next.schools.find((s) => s.code === change.school.trim());
        if (!school) {
          problems.push(
            problem(
              file,
              at("school"),
              `${scenarioLabel(at("school")).zh}:没有代码为「${change.school}」的学校`,
              `${scenarioLabel(at("school")).en}: there is no school with code "${change.school}"`,
              "学校表中的学校代码",
              "a school code of the schools list",
            ),
          );
          return;
        }
        problems.push(...setSchool(school as typeof school & Mutable, change.set, at("set"), file));
        return;
      }
      case "set":
        problems.push(...setPath(next, change.path, change.value, at("path"), file));
        return;
    }
  });
  if (hasErrors(problems)) return { problems };
  // The changed district is judged as an input is: a change that breaks a rule between fields is named here.
  const judged = validateDistrict(next, { file });
  const errors = judged.problems.filter((p) => p.severity === "error");
  if (!judged.district || errors.length > 0)
    return {
      problems: errors.map((p) => ({
        ...p,
        message: `应用场景「${scenario.name}」后:${p.message}`,
        messageEn: `After applying scenario "${scenario.name}": ${p.messageEn}`,
      })),
    };
  const changedPack =
    Object.keys(edits).length === 0
      ? pack
      : derivePack(pack, edits, {
          id: `${pack.id}.scenario`,
          version: pack.version,
          nameZh: `${pack.nameZh}(场景:${scenario.name})`,
          nameEn: `${pack.nameEn} (scenario: ${scenario.name})`,
        });
  return { district: judged.district, pack: changedPack, problems: [] };
}

const SCHOOL_FIELDS = Object.keys(schoolSchema.shape);
const GRADE_FIELDS = Object.keys(gradesSchema.shape);

/** Sets fields of a school, each judged by its own part of the schema. */
function setSchool(
  school: Mutable,
  set: Readonly<Record<string, unknown>>,
  at: Path,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(set)) {
    const path = [...at, field];
    if (field === "code") {
      problems.push(
        problem(
          file,
          path,
          `${scenarioLabel(path).zh}:学校代码不能修改`,
          `${scenarioLabel(path).en}: a school's code cannot be changed`,
        ),
      );
      continue;
    }
    if (field === "grades" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      const grades = school.grades as Mutable;
      for (const [grade, students] of Object.entries(value)) {
        const gradeSchema = (gradesSchema.shape as Record<string, z.ZodType>)[grade];
        if (!gradeSchema) {
          problems.push(unknownField(file, [...path, grade], GRADE_FIELDS));
          continue;
        }
        const parsed = gradeSchema.safeParse(students);
        if (parsed.success) grades[grade] = parsed.data;
        else
          problems.push(...fieldProblems(parsed.error, students, file, [...path, grade], ["grades", grade]));
      }
      continue;
    }
    const fieldSchema = (schoolSchema.shape as Record<string, z.ZodType>)[field];
    if (!fieldSchema) {
      problems.push(unknownField(file, path, SCHOOL_FIELDS));
      continue;
    }
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) school[field] = parsed.data;
    else problems.push(...fieldProblems(parsed.error, value, file, path, [field]));
  }
  return problems;
}

/** The issues of one school field, labelled as the schools list labels it (班数, 一年级 …). */
function fieldProblems(error: z.ZodError, value: unknown, file: string, path: Path, field: Path): Problem[] {
  const label = fieldLabel(["schools", 0, ...field]);
  const where = { zh: `${label.zh}(${pathText(path)})`, en: `${label.en} (${pathText(path)})` };
  return error.issues.map((issue) => issueProblem(issue, value === undefined, file, path, where));
}

const unknownField = (file: string, path: Path, fields: readonly string[]): Problem =>
  problem(file, path, `${pathText(path)}:未知字段`, `${pathText(path)}: unknown field`, fields.join("/"));

/** Sets one field of the district by a dotted path; every step but the last must exist. */
function setPath(district: Mutable, path: string, value: unknown, at: Path, file: string): Problem[] {
  const steps = path
    .trim()
    .split(/[.[\]]+/)
    .filter((step) => step !== "")
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  const noSuchPath = (): Problem[] => [
    problem(
      file,
      at,
      `${scenarioLabel(at).zh}:区县数据中没有「${path}」`,
      `${scenarioLabel(at).en}: the district has no "${path}"`,
      "区县数据中已有字段的路径,如 fiscal.current.appropriation 或 schools.0.classes",
      "the path of a field the district has, e.g. fiscal.current.appropriation or schools.0.classes",
    ),
  ];
  let holder: unknown = district;
  for (const step of steps.slice(0, -1)) {
    holder = holder !== null && typeof holder === "object" ? (holder as Mutable)[step] : undefined;
    if (holder === undefined || holder === null || typeof holder !== "object") return noSuchPath();
  }
  const last = steps.at(-1);
  if (
    last === undefined ||
    (Array.isArray(holder) && typeof last !== "number") ||
    !(String(last) in (holder as object))
  )
    return noSuchPath();
  (holder as Mutable)[String(last)] = value;
  return [];
}
