/**
 * The term plan computed with the domain rules (budget reference §8 and §5), which the 规划 sheet writes as formulas:
 * each school's enrollment by grade for the plan years T … L by grade progression (年级升级比例法), the intake of
 * its first grade from births × its entry rate (or entered), the classes each site needs against its classrooms in
 * every year with the mergers moving students in their year. Net migration entered for a school and plan year is
 * added after progression (E(g+1, t+1) = ROUND(E(g, t) × r(g) + M(g+1, t+1)), never below 0); the projection
 * functions of the spec take no migration, so the sheet adds it in its own formulas.
 */
import { GRADES_BY_TYPE } from "../district/grades";
import { ENTRY_AGE, historyYears, planYears, projectedGrades } from "../district/term";
import type { District, GradeKey, Merger, Migration, Project, School } from "../district/model";
import { ceilClean, roundHalfAway } from "../domain/validate";
import { entryRate, progressionRatios } from "../domain/projection";
import { RuleError } from "../domain/errors";
import type { PolicyKey } from "../policy/types";

/** The class size parameter of each grade's level (a 学前班 counts as a 大班). */
export function classSizeKey(grade: GradeKey): PolicyKey {
  if (grade === "k1") return "class_size.kg_small";
  if (grade === "k2") return "class_size.kg_middle";
  if (grade === "k3") return "class_size.kg_large";
  const n = Number(grade.slice(1));
  return n <= 6 ? "class_size.primary" : n <= 9 ? "class_size.junior" : "class_size.senior";
}

export interface SchoolTerm {
  readonly school: School;
  readonly index: number;
  /** Grades of the school's type, as 学校 has them. */
  readonly grades: readonly GradeKey[];
  readonly projected: readonly GradeKey[];
  /** The grade the intake enters (the first projected grade), and its entry age. */
  readonly first: GradeKey | undefined;
  readonly age: number;
  /** Enrollment by grade in the history years then T (rows oldest first). */
  readonly past: readonly Readonly<Record<GradeKey, number>>[];
  /** Progression ratio into each projected grade but the first: the override, or from the history (1 when none). */
  readonly ratios: ReadonlyMap<GradeKey, { readonly value: number; readonly override: boolean }>;
  /** Intake per birth of the cohort over the past years and T; undefined when every plan year's intake is entered. */
  readonly entryRate: number | undefined;
  /** Intake of each plan year after T: entered, or ROUND(births × entry rate), with its net migration. */
  readonly intake: readonly {
    readonly year: number;
    readonly value: number;
    readonly entered: boolean;
    /** The intake entered, before migration. */
    readonly given?: number;
  }[];
  /** Enrollment by grade for each plan year (T first): projected grades rounded to whole students. */
  readonly enrollment: readonly Readonly<Record<GradeKey, number>>[];
}

/** The net migration added to a school's grade in a plan year: its rows of TermPlan.migration and their shares. */
export interface MigrationIn {
  readonly value: number;
  /** Index into TermPlan.migration and what the row's migrants are divided by (1 for a grade's row). */
  readonly rows: readonly { readonly row: number; readonly divisor: number }[];
}

/** A site of the capacity check in one year: who is taught there and whether the classrooms suffice. */
export interface SiteYear {
  readonly year: number;
  /** Per school taught at the site this year: the grades it brings. */
  readonly parts: readonly { readonly school: number; readonly grades: readonly GradeKey[] }[];
  readonly students: number;
  readonly classesNeeded: number;
  readonly classrooms: number;
  readonly spare: number;
  readonly pass: boolean;
}

export interface Site {
  readonly name: string;
  /** The school whose site it is (index in the schools list), or undefined for a new site a merger names. */
  readonly school: number | undefined;
  readonly code: string;
  readonly classrooms: number;
  /** A merger's classrooms entered for the site (an extension) from its year on, with that merger's index. */
  readonly extended?: { readonly merger: number; readonly classrooms: number };
  /** The mergers that move schools to this site (indices in the mergers list). */
  readonly mergers: readonly number[];
  readonly years: readonly SiteYear[];
}

export interface TermPlan {
  readonly years: readonly number[];
  readonly history: readonly number[];
  readonly births: ReadonlyMap<number, number>;
  readonly schools: readonly SchoolTerm[];
  readonly sites: readonly Site[];
  /** The net migration rows that apply (a known school, a plan year after T), in input order. */
  readonly migration: readonly Migration[];
  /** The migration a school's grade takes in a plan year, if any. */
  migrationIn(school: number, year: number, grade: GradeKey): MigrationIn | undefined;
}

/** The term inputs do not make a projection (validation warns about it): the 规划 sheet says why and projects nothing. */
export class TermInputError extends Error {}

const sumOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The site a merger moves to: the school it names (staying, the site's school, or by name), if any. */
export function mergerSite(schools: readonly School[], merger: Merger): number | undefined {
  const byCode = (code: string | undefined) =>
    code === undefined ? -1 : schools.findIndex((s) => s.code === code);
  const named = merger.site.replace(/(现址|校址)$/, "").trim();
  const matches = schools.flatMap((s, i) => (s.name === named || s.code === named ? [i] : []));
  for (const index of [byCode(merger.stayingSchool), byCode(merger.siteSchool)]) if (index >= 0) return index;
  return matches.length === 1 ? matches[0] : undefined;
}

/** The grades a merger moves (its level's grades). */
export function mergerGrades(merger: Merger): readonly GradeKey[] {
  if (merger.level === "primary") return ["g1", "g2", "g3", "g4", "g5", "g6"];
  if (merger.level === "junior") return ["g7", "g8", "g9"];
  return ["g10", "g11", "g12"];
}

/**
 * The term plan of a district with term inputs (undefined without them). `size` gives each class size parameter's
 * value. Throws for inputs validation refuses (a school without its history, births missing for a cohort).
 */
export function computeTerm(district: District, size: (key: PolicyKey) => number): TermPlan | undefined {
  const term = district.term;
  if (!term) return undefined;
  const years = planYears(district);
  const history = historyYears(district);
  const T = district.budgetYear;
  if (history.length < 2 || history.some((year, k) => year !== T - history.length + k))
    throw new TermInputError(`往年在校生须是 ${T} 年之前连续的至少两年, 实有 ${history.join("、") || "无"}`);
  const births = new Map(term.births.map((b) => [b.year, b.births]));
  const birthsIn = (year: number, what: string): number => {
    const b = births.get(year);
    if (b === undefined) throw new TermInputError(`缺少 ${year} 年出生人口 (${what})`);
    return b;
  };
  const key = (school: string, year: number | string) => `${school}\u0000${year}`;
  const pastRows = new Map(term.history.map((h) => [key(h.school, h.year), h.grades]));
  const enteredRows = new Map(term.entrants.map((e) => [key(e.school, e.year), e.entrants]));
  const overrides = new Map(term.ratios.map((r) => [key(r.school, r.grade), r.ratio]));
  const later = new Set(years.slice(1));
  const projectedOf = new Map(district.schools.map((s) => [s.code, projectedGrades(s)]));
  const migration = term.migration.filter(
    (m) =>
      later.has(m.year) &&
      (projectedOf.get(m.school) ?? []).length > 0 &&
      (m.grade === undefined || (projectedOf.get(m.school) ?? []).includes(m.grade)),
  );
  const migrationOf = new Map<string, number[]>();
  migration.forEach((m, row) => migrationOf.set(m.school, [...(migrationOf.get(m.school) ?? []), row]));
  const migrationIn = (school: number, year: number, grade: GradeKey): MigrationIn | undefined => {
    const code = district.schools[school]?.code ?? "";
    const own = migrationOf.get(code);
    const grades = projectedOf.get(code) ?? [];
    if (!own || !grades.includes(grade)) return undefined;
    const rows = own.flatMap((row) => {
      const m = migration[row];
      return m && m.year === year && (m.grade === undefined || m.grade === grade)
        ? [{ row, divisor: m.grade === undefined ? grades.length : 1 }]
        : [];
    });
    if (rows.length === 0) return undefined;
    return { value: rows.reduce((s, r) => s + (migration[r.row]?.migrants ?? 0) / r.divisor, 0), rows };
  };
  const schools = district.schools.map((school, index): SchoolTerm => {
    const past = history.map((year) => {
      const row = pastRows.get(key(school.code, year));
      if (!row) throw new TermInputError(`学校 ${school.code} 缺少 ${year} 年往年在校生`);
      return row;
    });
    past.push(school.grades);
    const projected = projectedGrades(school);
    const first = projected[0];
    const age = first === undefined ? 0 : (ENTRY_AGE[first] ?? 0);
    const computed =
      projected.length >= 2 ? progressionRatios(past.map((row) => projected.map((g) => row[g]))) : [];
    const ratios = new Map<GradeKey, { value: number; override: boolean }>();
    projected.slice(1).forEach((grade, k) => {
      const override = overrides.get(key(school.code, grade));
      const r = computed[k];
      ratios.set(
        grade,
        override !== undefined
          ? { value: override, override: true }
          : { value: r instanceof RuleError || r === undefined ? 1 : r, override: false },
      );
    });
    const entered = (year: number) => enteredRows.get(key(school.code, year));
    const needsRate = first !== undefined && years.slice(1).some((year) => entered(year) === undefined);
    const pastYears = [...history, district.budgetYear];
    const rate =
      needsRate && first !== undefined
        ? entryRate(
            past.map((row) => row[first]),
            pastYears.map((year) => birthsIn(year - age, `${school.code} ${first}`)),
          )
        : undefined;
    const moved = (year: number, grade: GradeKey) => migrationIn(index, year, grade)?.value;
    const withMigration = (x: number, m: number | undefined) =>
      m === undefined ? roundHalfAway(x) : Math.max(0, roundHalfAway(roundHalfAway(x + m, 6)));
    const intake = (first === undefined ? [] : years.slice(1)).map((year) => {
      const e = entered(year);
      const m = first === undefined ? undefined : moved(year, first);
      if (e !== undefined)
        return { year, value: m === undefined ? e : withMigration(e, m), entered: true, given: e };
      return {
        year,
        value: withMigration(birthsIn(year - age, `${school.code} ${year}`) * (rate ?? 0), m),
        entered: false,
      };
    });
    const enrollment: Record<GradeKey, number>[] = [{ ...school.grades }];
    years.slice(1).forEach((year, y) => {
      const step = intake[y];
      const previous = enrollment[enrollment.length - 1] as Record<GradeKey, number>;
      const next: Record<GradeKey, number> = { ...school.grades };
      projected.forEach((grade, k) => {
        if (k === 0) next[grade] = step?.value ?? 0;
        else {
          const lower = projected[k - 1] as GradeKey;
          next[grade] = withMigration(previous[lower] * (ratios.get(grade)?.value ?? 1), moved(year, grade));
        }
      });
      enrollment.push(next);
    });
    return {
      school,
      index,
      grades: GRADES_BY_TYPE[school.type],
      projected,
      first,
      age,
      past,
      ratios,
      entryRate: rate,
      intake,
      enrollment,
    };
  });
  return {
    years,
    history,
    births,
    schools,
    sites: sites(district, years, schools, size),
    migration,
    migrationIn,
  };
}

function sites(
  district: District,
  years: readonly number[],
  terms: readonly SchoolTerm[],
  size: (key: PolicyKey) => number,
): Site[] {
  const schools = district.schools;
  const targets = district.mergers.map((merger) => mergerSite(schools, merger));
  const newSites = [
    ...new Set(district.mergers.filter((_, m) => targets[m] === undefined).map((merger) => merger.site)),
  ];
  const siteKeys: (number | string)[] = [...schools.map((_, i) => i), ...newSites];
  return siteKeys.map((key): Site => {
    const school = typeof key === "number" ? key : undefined;
    const moversIn = district.mergers.flatMap((merger, m) =>
      (school !== undefined ? targets[m] === school : targets[m] === undefined && merger.site === key)
        ? [{ merger, m }]
        : [],
    );
    const extension = moversIn.find(
      ({ merger }) =>
        merger.siteClassrooms > 0 &&
        (school === undefined || merger.siteClassrooms !== schools[school]?.classrooms),
    );
    const base = school === undefined ? 0 : (schools[school]?.classrooms ?? 0);
    const line = (year: number, y: number): SiteYear => {
      const parts: { school: number; grades: readonly GradeKey[] }[] = [];
      if (school !== undefined) {
        const own = terms[school]?.grades ?? [];
        const gone = new Set(
          district.mergers
            .filter((merger) => merger.year <= year && merger.sources.includes(schools[school]?.code ?? ""))
            .flatMap(mergerGrades),
        );
        parts.push({ school, grades: own.filter((g) => !gone.has(g)) });
      }
      for (const { merger } of moversIn) {
        if (merger.year > year) continue;
        for (const code of merger.sources) {
          const index = schools.findIndex((s) => s.code === code);
          const own = new Set(terms[index]?.grades ?? []);
          if (index >= 0)
            parts.push({ school: index, grades: mergerGrades(merger).filter((g) => own.has(g)) });
        }
      }
      const totals = new Map<GradeKey, number>();
      for (const part of parts)
        for (const grade of part.grades)
          totals.set(grade, (totals.get(grade) ?? 0) + (terms[part.school]?.enrollment[y]?.[grade] ?? 0));
      const classesNeeded = sumOf([...totals].map(([grade, n]) => ceilClean(n / size(classSizeKey(grade)))));
      const classrooms = extension && extension.merger.year <= year ? extension.merger.siteClassrooms : base;
      const spare = classrooms - classesNeeded;
      return {
        year,
        parts,
        students: sumOf([...totals.values()]),
        classesNeeded,
        classrooms,
        spare,
        pass: spare >= 0,
      };
    };
    const s = school === undefined ? undefined : schools[school];
    return {
      name: s ? s.name : String(key),
      school,
      code: s ? s.code : "",
      classrooms: base,
      mergers: moversIn.map(({ m }) => m),
      ...(extension
        ? { extended: { merger: extension.m, classrooms: extension.merger.siteClassrooms } }
        : {}),
      years: years.map(line),
    };
  });
}

/**
 * A project's amount in a plan year, 万元: in T what the budget sets; in a later year of its construction the rest
 * of its cost spread evenly over the construction years other than T (an estimate); nothing outside them.
 */
export function projectAmountInYear(
  project: Pick<Project, "startYear" | "endYear" | "totalCost" | "amountInYear">,
  budgetYear: number,
  year: number,
): number {
  if (year === budgetYear) return project.amountInYear;
  if (year < budgetYear || year < project.startYear || year > project.endYear) return 0;
  const inT = budgetYear >= project.startYear && budgetYear <= project.endYear ? 1 : 0;
  const others = Math.max(1, project.endYear - project.startYear + 1 - inT);
  return roundHalfAway(Math.max(0, project.totalCost - project.amountInYear) / others, 2);
}

/** projectAmountInYear as a formula for a year after T, from the cells of the year, T and the project's figures. */
export function projectAmountFormula(cells: {
  readonly year: string;
  readonly budgetYear: string;
  readonly start: string;
  readonly end: string;
  readonly total: string;
  readonly inBudgetYear: string;
}): string {
  const { year, budgetYear, start, end, total, inBudgetYear } = cells;
  const inT = `IF(AND(${budgetYear}>=${start},${budgetYear}<=${end}),1,0)`;
  return (
    `IF(OR(${year}<${start},${year}>${end}),0,` +
    `ROUND(MAX(0,${total}-${inBudgetYear})/MAX(1,${end}-${start}+1-${inT}),2))`
  );
}
