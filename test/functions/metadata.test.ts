/** The metadata Excel loads: functions.json (from the JSDoc) and functions.zh-cn.json (from the translation table). */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { FUNCTION_TEXTS } from "../../src/functions/i18n";
import { localizeMetadata, translationProblems } from "../../scripts/localize";
import { DEV_URL, type FunctionsMetadata } from "../../scripts/metadata";
import { BUILD_TIMEOUT_MS, DIST, ensureBuilt } from "../support/build";

/** The ids the function contract (spec v1 and the v2 additions) promises; more may be added, none removed. */
const SPEC_IDS = [
  "GROWTH",
  "THREE_GROWTH",
  "THREE_GROWTH_DETAIL",
  "ONLY_INCREASE",
  "DROPOUT_RATE",
  "DROPOUT_LIMIT",
  "DROPOUT_CHECK",
  "CLASS_SIZE",
  "CLASS_BAND",
  "CAPACITY",
  "CLASSES_NEEDED",
  "MERGE_CHECK",
  "BALANCE_CV",
  "BALANCE_CHECK",
  "STAFF_RATIO",
  "STAFF_QUOTA",
  "PUBLIC_FUNDS_NORM",
  "PUBLIC_FUNDS",
  "ENROLLMENT_RATE",
  "PLACES_NEEDED",
  "KG_CAPACITY",
  "RECONCILE",
  "REPAY_SCHEDULE",
  "ALLOWANCE",
  "NUTRITION_COST",
  "ASSIGN_CLASSES",
  "CLASS_BALANCE",
  "POLICY",
  "PROGRESSION_RATIO",
  "PROJECT_ENROLLMENT",
  "ENTRY_RATE",
  "FUNC_CODE",
];

let en: FunctionsMetadata;
let zh: FunctionsMetadata;

const read = (file: string): FunctionsMetadata =>
  JSON.parse(readFileSync(join(DIST, file), "utf8")) as FunctionsMetadata;
const nonAscii = (text: string): boolean => [...text].some((c) => c.charCodeAt(0) > 127);

beforeAll(() => {
  ensureBuilt();
  en = read("functions.json");
  zh = read("functions.zh-cn.json");
}, BUILD_TIMEOUT_MS);

test("every function id of the contract is in functions.json", () => {
  expect(en.functions.map((f) => f.id)).toEqual(expect.arrayContaining(SPEC_IDS));
});

test("functions.json and functions.zh-cn.json list the same ids in the same order", () => {
  expect(zh.functions.map((f) => f.id)).toEqual(en.functions.map((f) => f.id));
});

test("each zh-CN function keeps the parameters' count, types, dimensionality and optionality, and the result", () => {
  const shape = (m: FunctionsMetadata) =>
    m.functions.map((f) => ({
      id: f.id,
      result: f.result,
      parameters: f.parameters.map((p) => ({
        type: p.type,
        dimensionality: p.dimensionality,
        optional: p.optional,
      })),
    }));
  expect(shape(zh)).toEqual(shape(en));
});

test("every zh-CN function and parameter name is Chinese, and function names are unique Excel names", () => {
  const names = zh.functions.map((f) => f.name);
  for (const name of names) expect(nonAscii(name) && /^[\p{L}\p{N}_.]+$/u.test(name)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  for (const f of zh.functions) {
    for (const p of f.parameters) expect(nonAscii(p.name)).toBe(true);
    expect(new Set(f.parameters.map((p) => p.name)).size).toBe(f.parameters.length);
  }
});

test("every zh-CN description is Chinese text", () => {
  for (const f of zh.functions) {
    expect(nonAscii(f.description ?? "")).toBe(true);
    for (const p of f.parameters) expect(nonAscii(p.description ?? "")).toBe(true);
  }
});

test("every help URL of both files opens a built help page", () => {
  for (const f of [...en.functions, ...zh.functions]) {
    expect(f.helpUrl).toMatch(new RegExp(`^${DEV_URL}help/${f.id}\\.html`));
    const file = (f.helpUrl ?? "").slice(DEV_URL.length).replace(/#.*$/, "");
    expect(existsSync(join(DIST, file))).toBe(true);
  }
});

test("a function without a translation stops the build with its id", () => {
  const { GROWTH: _dropped, ...table } = FUNCTION_TEXTS;
  expect(translationProblems(en, table)).toEqual(["EDU.GROWTH has no translation in src/functions/i18n"]);
  expect(() => localizeMetadata(en, table)).toThrow(/EDU\.GROWTH has no translation/);
});

test("a translation with the wrong number of parameters, or of no function, stops the build", () => {
  const growth = FUNCTION_TEXTS.GROWTH!;
  const table = {
    ...FUNCTION_TEXTS,
    GROWTH: { ...growth, parameters: growth.parameters.slice(1) },
    GONE: growth,
  };
  expect(translationProblems(en, table)).toEqual([
    "EDU.GROWTH has 2 parameters (prior, current) but 1 translations",
    "src/functions/i18n translates EDU.GONE, which is not a function",
  ]);
});

test("the v2 functions take the spec's trailing optional arguments, after the v1 ones", () => {
  const params = (id: string) =>
    en.functions
      .find((f) => f.id === id)!
      .parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`);
  expect(params("STAFF_RATIO")).toEqual(["level: string", "area?: string", "year?: number"]);
  expect(params("STAFF_QUOTA")).toEqual([
    "students: number",
    "level: string",
    "ratio?: number",
    "area?: string",
    "year?: number",
  ]);
  expect(params("PUBLIC_FUNDS_NORM")).toEqual(["level: string", "region?: string", "year?: number"]);
  expect(params("POLICY")).toEqual(["key: string", "year?: number"]);
});
