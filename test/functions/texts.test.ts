/**
 * The functions' texts (src/functions/<family>/texts.ts): parameter texts keyed by the JSDoc names, and policy
 * numbers written from the pack, never by hand, in the texts and in the JSDoc the metadata is read from.
 */
import { readFileSync } from "fs";
import { localizeMetadata, translationProblems } from "../../scripts/localize";
import { FUNCTION_SOURCES, sourceMetadata, type FunctionsMetadata } from "../../scripts/metadata";
import { FUNCTION_TEXTS, functionTexts, type FunctionText } from "../../src/functions/i18n";
import { EDU_DEFAULT, POLICY_KEYS, derivePack, type PolicyPack } from "../../src/policy";
import { DATED_TABLES, type DatedTables } from "../../src/functions/i18n/dated";

let metadata: FunctionsMetadata;

beforeAll(async () => {
  metadata = await sourceMetadata();
}, 120_000);

test("every function's parameter texts carry exactly its JSDoc parameter names, in order", () => {
  expect(Object.keys(FUNCTION_TEXTS).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  for (const fn of metadata.functions) {
    expect({ id: fn.id, names: FUNCTION_TEXTS[fn.id]!.parameters.map((p) => p.name) }).toEqual({
      id: fn.id,
      names: fn.parameters.map((p) => p.name),
    });
  }
  expect(translationProblems(metadata, FUNCTION_TEXTS)).toEqual([]);
});

test("parameter texts under names the JSDoc does not use stop the build, naming both lists", () => {
  const growth = FUNCTION_TEXTS.GROWTH!;
  const [prior, current] = growth.parameters;
  const swapped = { ...FUNCTION_TEXTS, GROWTH: { ...growth, parameters: [current!, prior!] } };
  const renamed = {
    ...FUNCTION_TEXTS,
    GROWTH: { ...growth, parameters: [{ ...prior!, name: "base" }, current!] },
  };
  expect(translationProblems(metadata, swapped)).toEqual([
    "EDU.GROWTH translates parameters (current, prior) but its JSDoc names (prior, current)",
  ]);
  expect(translationProblems(metadata, renamed)).toEqual([
    "EDU.GROWTH translates parameters (base, current) but its JSDoc names (prior, current)",
  ]);
  expect(() => localizeMetadata(metadata, renamed)).toThrow(/EDU\.GROWTH translates parameters/);
});

test("each zh-CN parameter of functions.zh-cn.json is the text written under its JSDoc name", () => {
  const zh = localizeMetadata(metadata, FUNCTION_TEXTS);
  for (const fn of zh.functions) {
    const en = metadata.functions.find((f) => f.id === fn.id)!;
    fn.parameters.forEach((p, i) => {
      const text = FUNCTION_TEXTS[fn.id]!.parameters.find((t) => t.name === en.parameters[i]!.name)!;
      expect([p.name, p.description]).toEqual([text.zhName, text.zhDescription]);
    });
  }
});

// ---- Policy numbers ----

const show = (x: number): string => String(Number(x.toPrecision(12)));

/** The built-in pack with every value replaced by one no text would contain by chance (7000.125, 7001.125 …). */
const SENTINEL: PolicyPack = derivePack(
  EDU_DEFAULT,
  Object.fromEntries(POLICY_KEYS.map((key, i) => [key, 7000 + i + 0.125])),
  { id: "sentinel", version: "1.0.0" },
);

/**
 * Where a number is not a policy value: verbatim quotes (「…」 and their English “…”), the ids of speech items,
 * inconsistencies and policy-reference sections, years, and document numbers.
 */
const CITATION =
  /「[^」]*」|“[^”]*”|S\d-[\d.]+|I-\d+|§\d+(?:\.\d+)*(?: [A-Z])?|\b(?:19|20)\d\d\b|〔\d+〕\d+号|GB \d+-\d+|建标\d+-\d+|Art\. \d+|¶\d/g;

/**
 * The numbers of `text` that are values of `pack`: a rate written as a percentage (3%, 3 %), or any other value
 * that is not a small whole number (0–9 also count months, ages and list items, so they are not told apart).
 */
function packNumbersIn(text: string, pack: PolicyPack): string[] {
  const plain = new Set<string>();
  const rates = new Set<string>();
  for (const key of POLICY_KEYS) {
    const { value } = pack.values[key];
    plain.add(show(value));
    if (Math.abs(value) < 1) rates.add(show(value * 100));
  }
  const found: string[] = [];
  for (const m of text.replace(CITATION, " ").matchAll(/(\d+(?:,\d{3})*(?:\.\d+)?)( ?%)?/g)) {
    const n = m[1]!.replace(/,/g, "");
    if (m[2] !== undefined) {
      if (rates.has(n)) found.push(`${n}%`);
    } else if (plain.has(n) && (Number(n) >= 10 || !Number.isInteger(Number(n)))) found.push(n);
  }
  return found;
}

/** Every text of a function a user reads: descriptions, parameter texts, what it checks, rule, source, notes. */
function texts(text: FunctionText): Record<string, string> {
  return {
    description: text.zhDescription,
    ...Object.fromEntries(text.parameters.map((p) => [`parameter ${p.name}`, p.zhDescription])),
    "checks (en)": text.checks.en,
    "checks (zh)": text.checks.zh,
    "rule (en)": text.rule.en,
    "rule (zh)": text.rule.zh,
    "source (en)": text.source.en,
    "source (zh)": text.source.zh,
    ...Object.fromEntries(
      text.examples.flatMap((e, i) =>
        e.note
          ? [
              [`note ${i + 1} (en)`, e.note.en],
              [`note ${i + 1} (zh)`, e.note.zh],
            ]
          : [],
      ),
    ),
  };
}

/** Numbers that equal a value of the built-in pack by coincidence, and what they are. */
const NOT_POLICY = [
  "GROWTH description 0.08", // an example growth of 8 % (0.08), not the annuity rate
  "GROWTH description 8",
  "GROWTH rule (en) 0.08",
  "GROWTH rule (en) 8",
  "GROWTH rule (zh) 0.08",
  "GROWTH rule (zh) 8",
  "THREE_GROWTH note 2 (en) 6", // an example figure, not the medical insurance rate
  "THREE_GROWTH note 2 (zh) 6",
  "NUTRITION_COST source (en) 100", // about 100 school days in the first autumn term
  "NUTRITION_COST source (zh) 100",
  "CLASS_BALANCE rule (en) 0.5", // local practice: class means within 0.5–1 point
  "CLASS_BALANCE rule (zh) 0.5",
  "ENTRY_RATE note 1 (en) 1000", // births of an example cohort, not the boarding subsidy
  "ENTRY_RATE note 1 (zh) 1000",
];

test("texts written for a pack whose every value differs keep none of the built-in pack's numbers", () => {
  const table = functionTexts(SENTINEL);
  const handWritten: string[] = [];
  for (const [id, text] of Object.entries(table)) {
    for (const [field, value] of Object.entries(texts(text))) {
      for (const n of packNumbersIn(value, EDU_DEFAULT))
        handWritten.push(`${id} ${field} ${n.replace("%", "")}`);
    }
  }
  expect(handWritten).toEqual(NOT_POLICY);
});

test("texts cite the values of the pack they are written for", () => {
  const cited = (id: string) => Object.values(texts(functionTexts(SENTINEL)[id]!)).join("\n");
  const value = (key: (typeof POLICY_KEYS)[number]) => show(SENTINEL.values[key].value);
  const percent = (key: (typeof POLICY_KEYS)[number]) => show(SENTINEL.values[key].value * 100);
  expect(cited("CLASS_SIZE")).toContain(`小学 ${value("class_size.primary")}`);
  expect(cited("CLASS_BAND")).toContain(`≥${value("class_band.super_large_from")}`);
  expect(cited("DROPOUT_LIMIT")).toContain(`城市 ${percent("dropout.junior.urban")}%`);
  expect(cited("BALANCE_CHECK")).toContain(`初中 ≤${value("balance.quality.junior")}`);
  expect(cited("PUBLIC_FUNDS")).toContain(`特教学生 × ${value("public_funds.special")}`);
  expect(cited("NUTRITION_COST")).toContain(`${value("nutrition.days")} 天`);
  expect(cited("ENROLLMENT_RATE")).toContain(`${percent("preschool.target_rate")} %`);
});

test("the JSDoc the English metadata is read from names no value of the built-in pack", () => {
  const found: string[] = [];
  for (const file of FUNCTION_SOURCES) {
    for (const comment of readFileSync(file, "utf8").match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const id = /@customfunction (\w+)/.exec(comment)?.[1] ?? file;
      for (const n of packNumbersIn(comment, EDU_DEFAULT)) found.push(`${id} ${n}`);
    }
  }
  expect(found).toEqual([]);
});

// ---- Dated tables ----

/** Every number of the dated tables, and the same tables with each number replaced by a sentinel (8000.25 …). */
function sentinelTables(): { numbers: Set<string>; tables: DatedTables } {
  const numbers = new Set<string>();
  let next = 8000.25;
  const swap = (x: number): number => {
    numbers.add(show(x));
    return (next += 1);
  };
  const staff = DATED_TABLES.staff.map((row) => ({
    ...row,
    ratios: {
      primary: {
        urban: swap(row.ratios.primary.urban),
        town: swap(row.ratios.primary.town),
        rural: swap(row.ratios.primary.rural),
      },
      junior: {
        urban: swap(row.ratios.junior.urban),
        town: swap(row.ratios.junior.town),
        rural: swap(row.ratios.junior.rural),
      },
      senior: {
        urban: swap(row.ratios.senior.urban),
        town: swap(row.ratios.senior.town),
        rural: swap(row.ratios.senior.rural),
      },
    },
  }));
  const pair = (p: { primary: number; junior: number } | undefined) =>
    p && { primary: swap(p.primary), junior: swap(p.junior) };
  const norms = DATED_TABLES.norms.map((row) => ({
    ...row,
    central_west: pair(row.central_west),
    east: pair(row.east),
  }));
  return { numbers, tables: { staff, norms } };
}

test("the dated tables of the help pages are written from the rules' data, with no number typed in a text", () => {
  const { numbers, tables } = sentinelTables();
  const table = functionTexts(SENTINEL, tables);
  const shown = (id: string) =>
    (table[id]!.tables ?? []).flatMap((t) =>
      t.rows.flat().map((c) => (typeof c === "string" ? c : `${c.en} ${c.zh}`)),
    );
  expect(shown("STAFF_RATIO")).toContain("8001.25");
  expect(shown("STAFF_QUOTA")).toEqual(shown("STAFF_RATIO"));
  expect(shown("PUBLIC_FUNDS_NORM").join(" ")).toContain(
    `${show(tables.norms[1]!.central_west!.primary)} / ${show(tables.norms[1]!.central_west!.junior)}`,
  );
  const typed: string[] = [];
  for (const id of ["STAFF_RATIO", "STAFF_QUOTA", "PUBLIC_FUNDS_NORM", "POLICY"]) {
    const all = [...Object.values(texts(table[id]!)), ...shown(id)].join("\n").replace(CITATION, " ");
    for (const m of all.matchAll(/\d+(?:\.\d+)?/g)) {
      if (numbers.has(m[0]) && (Number(m[0]) >= 10 || !Number.isInteger(Number(m[0]))))
        typed.push(`${id} ${m[0]}`);
    }
  }
  expect(typed).toEqual([]);
});

test("the help pages show every row of the dated staffing and public-funds tables", () => {
  const staff = FUNCTION_TEXTS.STAFF_RATIO!.tables![0]!;
  expect(staff.rows).toHaveLength(DATED_TABLES.staff.length * 3);
  expect(staff.rows[0]!.slice(2, 5)).toEqual(["19", "21", "23"]);
  const norms = FUNCTION_TEXTS.PUBLIC_FUNDS_NORM!.tables![0]!;
  expect(norms.rows).toHaveLength(DATED_TABLES.norms.length);
  expect(norms.rows.map((r) => (r[0] as { zh: string }).zh)).toEqual([
    "2006–2008 年",
    "2009 年",
    "2010 年",
    "2011–2012 年",
    "2013 年",
    "2014–2015 年",
    "2016–2020 年",
    "2021 年起",
  ]);
  expect(norms.rows.map((r) => (r[3] as { zh: string }).zh)).toEqual([
    ...Array<string>(6).fill("仅农村学校"),
    "城乡统一",
    "城乡统一",
  ]);
});
