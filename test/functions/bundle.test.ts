/**
 * The shipped bundle, run the way Excel's JavaScript-only runtime runs it: dist/functions.js evaluated in a fresh
 * context whose only global is CustomFunctions, functions called through what it registered, with Excel-shaped
 * arguments (ranges as rows of cells, omitted optionals as null). Expected values are the documented examples.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "acorn";
import fc from "fast-check";
import {
  FUNCTION_TEXTS,
  type CellValue,
  type ErrorCell,
  type ExcelResult,
  type ExcelValue,
} from "../../src/functions/i18n";
import type { FunctionMetadata, FunctionsMetadata } from "../../scripts/metadata";
import { BUILD_TIMEOUT_MS, DIST, ensureBuilt } from "../support/build";
import { CustomFunctionsError, ERROR_CODES } from "../support/custom-functions-runtime";
import { loadFunctionsBundle, type Registered } from "../support/functionsBundle";

let metadata: FunctionsMetadata;
let registered: Map<string, Registered>;

function meta(id: string): FunctionMetadata {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`functions.json has no ${id}`);
  return found;
}

/** Excel passes every declared parameter: omitted ones as null. */
function call(id: string, args: readonly ExcelValue[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  const padded = [...args, ...Array<null>(Math.max(0, meta(id).parameters.length - args.length)).fill(null)];
  return fn(...padded);
}

function isRange(value: ExcelResult | ErrorCell): value is readonly (readonly (CellValue | ErrorCell)[])[] {
  return Array.isArray(value);
}

function expectValue(actual: unknown, expected: ExcelResult | ErrorCell, digits = 9): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    expect(actual as number).toBeCloseTo(expected, digits);
  } else if (expected !== null && typeof expected === "object" && "error" in expected) {
    // An error in one cell of a spill: the Excel error itself, in place of a value.
    expect(actual).toBeInstanceOf(CustomFunctionsError);
    expect((actual as CustomFunctionsError).code).toBe(expected.error);
  } else if (isRange(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[][];
    expect(rows.map((r) => r.length)).toEqual(expected.map((r) => r.length));
    expected.forEach((cells, i) => cells.forEach((cell, j) => expectValue(rows[i]?.[j], cell, digits)));
  } else {
    expect(actual).toEqual(expected);
  }
}

beforeAll(() => {
  ensureBuilt();
  metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as FunctionsMetadata;
  registered = loadFunctionsBundle(DIST);
}, BUILD_TIMEOUT_MS);

test("the bundle registers exactly the functions that functions.json declares", () => {
  expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
});

test("the bundle is ES2017, which older Excel runtimes parse (no ?? or ?.)", () => {
  const code = readFileSync(join(DIST, "functions.js"), "utf8");
  expect(() => parse(code, { ecmaVersion: 2017 })).not.toThrow();
});

const documented = Object.entries(FUNCTION_TEXTS);

describe.each(documented)("EDU.%s", (id, text) => {
  test.each(text.examples.map((e, i) => [i + 1, e] as const))(
    "returns documented example %i",
    (_, example) => {
      expectValue(call(id, example.args), example.result, example.digits);
    },
  );

  const errors = text.errors.map((e) => [e.error, e.when.en, e] as const);
  if (errors.length === 0) return;
  test.each(errors)("gives %s when %s", (_, __, errorCase) => {
    let thrown: unknown;
    try {
      call(id, errorCase.args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CustomFunctionsError);
    expect((thrown as CustomFunctionsError).code).toBe(errorCase.error);
    // Excel shows a message only with #VALUE! and #N/A.
    if (errorCase.error !== "#DIV/0!") expect((thrown as CustomFunctionsError).message).toMatch(/\S/);
  });
});

test("BALANCE_CV reproduces the public worked example from its raw table (books and students of 5 schools)", () => {
  const students = [45, 37, 89, 76, 55];
  const books = [279, 137, 935, 160, 402];
  const perStudent = books.map((b, i) => [b / students[i]!]);
  expect(call("BALANCE_CV", [perStudent, students.map((s) => [s])]) as number).toBeCloseTo(0.515, 3);
});

test("RECONCILE shows the 15.26 万元 the debt steps of speech S2-04 exceed the stated total by", () => {
  const steps = [[1512.88], [480], [3344.29], [1576.59], [6746.28]];
  expect(call("RECONCILE", [13644.78, steps])).toBe(-15.26);
});

/** Arguments of the declared type, plus the wrong kinds users type: text in a number, empty cells, huge numbers. */
function argument(p: FunctionMetadata["parameters"][number]): fc.Arbitrary<ExcelValue> {
  const number = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: true }), fc.constant(0));
  const text = fc.oneof(
    fc.constantFrom(
      "小学",
      "初中",
      "高中",
      "幼儿园",
      "junior",
      "城市",
      "农村",
      "优质",
      "东部",
      "男",
      "dropout.primary",
    ),
    fc.string({ maxLength: 4 }),
  );
  const cell = fc.oneof(number, fc.constant(null), fc.constant(""), text, fc.boolean());
  const scalar = p.type === "string" ? text : p.type === "boolean" ? fc.boolean() : number;
  const value: fc.Arbitrary<ExcelValue> =
    p.dimensionality === "matrix"
      ? fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([rows, columns]) =>
          fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
            minLength: rows,
            maxLength: rows,
          }),
        )
      : fc.oneof(scalar, cell);
  return p.optional ? fc.oneof(fc.constant(null), value) : value;
}

/** The functions whose spills may hold an Excel error in a single cell, and which errors (the contract's). */
const CELL_ERRORS: Readonly<Record<string, readonly string[]>> = { PROGRESSION_RATIO: ["#DIV/0!"] };

function isExcelValue(x: unknown, cellErrors: readonly string[] = []): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  if (typeof x === "string" || typeof x === "boolean") return true;
  if (!Array.isArray(x) || x.length === 0 || !x.every(Array.isArray)) return false;
  const width = (x[0] as unknown[]).length;
  const isCell = (c: unknown): boolean =>
    (isExcelValue(c) && !Array.isArray(c)) ||
    (c instanceof CustomFunctionsError && cellErrors.includes(c.code));
  return width > 0 && x.every((r: unknown[]) => r.length === width && r.every(isCell));
}

test("no input makes a function throw a JavaScript exception or return NaN, Infinity or undefined", () => {
  const codes = new Set<string>(Object.values(ERROR_CODES));
  for (const fn of metadata.functions) {
    fc.assert(
      fc.property(fc.tuple(...fn.parameters.map(argument)), (args) => {
        try {
          expect(isExcelValue(call(fn.id, args), CELL_ERRORS[fn.id])).toBe(true);
        } catch (error) {
          if (!(error instanceof CustomFunctionsError))
            throw new Error(`${fn.id}(${JSON.stringify(args)}) threw ${String(error)}`);
          expect(codes.has(error.code)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }
});
