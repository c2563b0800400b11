import fc from "fast-check";
import { CustomFunctionsError } from "../support/custom-functions-runtime";
import * as F from "../../src/functions/functions";

/** What each parameter usually receives; the fuzzer mostly sends that kind, sometimes anything. */
type Kind =
  "num" | "level" | "school" | "area" | "standard" | "region" | "bool" | "key" | "year" | "range" | "genders";

interface Spec {
  readonly params: readonly Kind[];
  readonly required: number;
  /** Error codes the contract allows for this function besides #VALUE!. */
  readonly codes: readonly string[];
  /** Error codes the contract allows in single cells of a spilled result (one column's #DIV/0!). */
  readonly cellCodes?: readonly string[];
  /** Well-formed argument lists, for functions whose arguments must agree with each other to reach the rule. */
  readonly plausible?: fc.Arbitrary<unknown[]>;
}

const DIV0 = "#DIV/0!";
const NA = "#N/A";

const orient = (xs: unknown[], asRow: boolean): unknown[][] => (asRow ? [xs] : xs.map((x) => [x]));
const growthArgs = fc.tuple(fc.integer({ min: 4, max: 5 }), fc.boolean()).chain(([n, asRow]) =>
  fc.tuple(
    fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: n, maxLength: n }).map((xs) => orient(xs, asRow)),
    fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: n, maxLength: n }).map((xs) => orient(xs, asRow)),
  ),
);
const levelText = fc.constantFrom("小学", "初中", "高中", "幼儿园", "primary", "junior");
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const genderColumn = (n: number) =>
  fc
    .array(fc.constantFrom("男", "女", "M", "F"), { minLength: n, maxLength: n })
    .map((xs) => orient(xs, false));
const scoreColumn = (n: number) =>
  fc.oneof(
    fc.array(
      fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
      { minLength: n, maxLength: n },
    ),
    fc.constant(new Array<string>(n).fill("")),
  );
/** Enrollment cells: mostly counts, sometimes an empty or text cell (skipped by the projection). */
const enrollmentCell = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "-") },
);
const PLAUSIBLE = {
  progressionRatio: fc
    .tuple(fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 12 }))
    .chain(([years, grades]) =>
      fc.tuple(
        fc.array(fc.array(enrollmentCell, { minLength: grades, maxLength: grades }), {
          minLength: years,
          maxLength: years,
        }),
      ),
    ),
  projectEnrollment: fc
    .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 10 }), fc.boolean())
    .chain(([grades, years, asRow]) =>
      fc.tuple(
        fc
          .array(fc.integer({ min: 0, max: 3000 }), { minLength: grades, maxLength: grades })
          .map((xs) => [xs]),
        fc
          .array(fc.double({ min: 0, max: 1.5, noNaN: true }), {
            minLength: grades - 1,
            maxLength: grades - 1,
          })
          .map((xs) => [xs]),
        fc
          .array(fc.integer({ min: 0, max: 3000 }), { minLength: years, maxLength: years })
          .map((xs) => orient(xs, asRow)),
      ),
    ),
  entryRate: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean()).chain(([n, asRow]) =>
    fc.tuple(
      fc.array(enrollmentCell, { minLength: n, maxLength: n }).map((xs) => orient(xs, asRow)),
      fc.array(enrollmentCell, { minLength: n, maxLength: n }).map((xs) => orient(xs, asRow)),
    ),
  ),
  dropoutCheck: fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 0.1, noNaN: true }))
    .chain(([start, f]) =>
      fc.tuple(
        fc.constant(start),
        fc.constant(Math.floor(start * f)),
        levelText,
        maybe(fc.constantFrom("城市", "县镇", "农村")),
        maybe(fc.double({ min: 0, max: 0.1, noNaN: true })),
      ),
    ),
  balanceCv: fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.tuple(
      fc
        .array(fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constant("")), {
          minLength: n,
          maxLength: n,
        })
        .map((xs) => orient(xs, false)),
      fc
        .array(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constant("")), { minLength: n, maxLength: n })
        .map((xs) => orient(xs, false)),
    ),
  ),
  publicFunds: fc
    .integer({ min: 0, max: 3000 })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        levelText,
        maybe(fc.integer({ min: 0, max: n })),
        maybe(fc.integer({ min: 0, max: Math.min(n, 20) })),
        maybe(fc.boolean()),
        maybe(fc.integer({ min: 0, max: 2000 })),
      ),
    ),
  assignClasses: fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.tuple(
      scoreColumn(n).map((xs) => orient(xs, false)),
      fc.integer({ min: 1, max: n }),
      maybe(genderColumn(n)),
      maybe(fc.integer({ min: 0, max: 99 })),
    ),
  ),
  classBalance: fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: n, maxLength: n }).map((xs) => orient(xs, false)),
      scoreColumn(n).map((xs) => orient(xs, false)),
      maybe(genderColumn(n)),
    ),
  ),
};

const SPECS: Record<keyof typeof F, Spec> = {
  GROWTH: { params: ["num", "num"], required: 2, codes: [DIV0] },
  THREE_GROWTH: { params: ["range", "range"], required: 2, codes: [DIV0], plausible: growthArgs },
  THREE_GROWTH_DETAIL: { params: ["range", "range"], required: 2, codes: [DIV0], plausible: growthArgs },
  ONLY_INCREASE: { params: ["num", "num", "num", "num"], required: 4, codes: [] },
  DROPOUT_RATE: { params: ["num", "num"], required: 2, codes: [DIV0] },
  DROPOUT_LIMIT: { params: ["level", "area"], required: 1, codes: [NA] },
  DROPOUT_CHECK: {
    params: ["num", "num", "level", "area", "num"],
    required: 3,
    codes: [DIV0, NA],
    plausible: PLAUSIBLE.dropoutCheck,
  },
  CLASS_SIZE: { params: ["level"], required: 1, codes: [] },
  CLASS_BAND: { params: ["num", "num"], required: 2, codes: [DIV0] },
  CAPACITY: { params: ["num", "level", "num"], required: 2, codes: [] },
  CLASSES_NEEDED: { params: ["range", "level", "num"], required: 2, codes: [DIV0] },
  MERGE_CHECK: { params: ["range", "num", "level", "num"], required: 3, codes: [DIV0] },
  BALANCE_CV: { params: ["range", "range"], required: 2, codes: [DIV0], plausible: PLAUSIBLE.balanceCv },
  BALANCE_CHECK: { params: ["num", "level", "standard"], required: 2, codes: [NA] },
  STAFF_RATIO: { params: ["level", "area", "year"], required: 1, codes: [NA] },
  STAFF_QUOTA: { params: ["num", "level", "num", "area", "year"], required: 2, codes: [DIV0, NA] },
  PUBLIC_FUNDS_NORM: { params: ["level", "region", "year"], required: 1, codes: [NA] },
  PUBLIC_FUNDS: {
    params: ["num", "level", "num", "num", "bool", "num"],
    required: 2,
    codes: [NA],
    plausible: PLAUSIBLE.publicFunds,
  },
  ENROLLMENT_RATE: { params: ["num", "num"], required: 2, codes: [DIV0] },
  PLACES_NEEDED: { params: ["num", "num", "num"], required: 3, codes: [] },
  KG_CAPACITY: { params: ["num", "num", "num", "num"], required: 3, codes: [] },
  RECONCILE: { params: ["num", "range"], required: 2, codes: [] },
  REPAY_SCHEDULE: { params: ["range", "range"], required: 2, codes: [] },
  ALLOWANCE: { params: ["num", "num", "num"], required: 2, codes: [] },
  NUTRITION_COST: { params: ["num", "num", "num"], required: 1, codes: [] },
  ASSIGN_CLASSES: {
    params: ["range", "num", "genders", "num"],
    required: 2,
    codes: [],
    plausible: PLAUSIBLE.assignClasses,
  },
  CLASS_BALANCE: {
    params: ["range", "range", "genders"],
    required: 2,
    codes: [],
    plausible: PLAUSIBLE.classBalance,
  },
  POLICY: { params: ["key", "year"], required: 1, codes: [NA] },
  PROGRESSION_RATIO: {
    params: ["range"],
    required: 1,
    codes: [],
    cellCodes: [DIV0],
    plausible: PLAUSIBLE.progressionRatio,
  },
  PROJECT_ENROLLMENT: {
    params: ["range", "range", "range"],
    required: 3,
    codes: [],
    plausible: PLAUSIBLE.projectEnrollment,
  },
  ENTRY_RATE: { params: ["range", "range"], required: 2, codes: [DIV0], plausible: PLAUSIBLE.entryRate },
  FUNC_CODE: { params: ["school"], required: 1, codes: [NA] },
};

const number = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 9, 12, 13, 0.5, -0.01, 1e15, 1e300, -1e308, 5e-324) },
);
const anyText = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("", " ", "12", "TRUE", "#N/A", "=1+1"));
const scalar = fc.oneof(number, anyText, fc.boolean(), fc.constant(null), fc.constant(""));
const numberCell = fc.oneof(
  { weight: 8, arbitrary: number },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: scalar },
);
/** Rectangular ranges mostly, sometimes ragged or empty, occasionally a bare scalar. */
function rangeOf(cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const rect = fc
    .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }))
    .chain(([r, c]) =>
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    );
  const column = fc.array(
    cell.map((x) => [x]),
    { minLength: 1, maxLength: 30 },
  );
  const ragged = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 });
  return fc.oneof(
    { weight: 4, arbitrary: rect },
    { weight: 4, arbitrary: column },
    { weight: 1, arbitrary: ragged },
    { weight: 1, arbitrary: scalar },
  );
}
const words = (...xs: string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...xs) }, { weight: 1, arbitrary: anyText });
const BY_KIND: Record<Kind, fc.Arbitrary<unknown>> = {
  num: number,
  level: words(
    "小学",
    "初中",
    "高中",
    "幼儿园",
    "PRIMARY",
    " junior ",
    "senior",
    "kindergarten",
    "小班",
    "中班",
    "大班",
    "混龄",
  ),
  school: words(
    "幼儿园",
    "小学",
    "初中",
    "高中",
    "特教",
    "特殊教育",
    "职业",
    "中职",
    " Special ",
    "VOCATIONAL",
    "大学",
  ),
  area: words("城市", "县镇", "农村", "urban", "Town", "rural"),
  standard: words("基本", "优质", "basic", "QUALITY"),
  region: words("中西部", "东部", "east", "central_west"),
  bool: fc.oneof(fc.boolean(), fc.constantFrom(0, 1)),
  key: words(
    "dropout.primary",
    "preschool.target_rate",
    "class_size.junior",
    "Dropout.Junior.Rural",
    "nutrition.days",
  ),
  // Budget years around the dated rules' changes, sometimes far off or not whole.
  year: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1995, max: 2030 }) },
    { weight: 1, arbitrary: fc.constantFrom(1899, 1900, 9999, 10000, 2012.5, 45000, -2014) },
  ),
  range: rangeOf(numberCell),
  genders: rangeOf(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("男", "女", "M", "F", "m", "f") },
      { weight: 1, arbitrary: scalar },
    ),
  ),
};

function argumentLists(spec: Spec): fc.Arbitrary<unknown[]> {
  const args = spec.params.map((kind) =>
    fc.oneof(
      { weight: 5, arbitrary: BY_KIND[kind] },
      { weight: 1, arbitrary: scalar },
      { weight: 1, arbitrary: rangeOf(scalar) },
    ),
  );
  // Omitted optional arguments arrive as null.
  const chaos = fc
    .tuple(fc.tuple(...args), fc.integer({ min: spec.required, max: spec.params.length }))
    .map(([values, given]) => values.map((v, i) => (i < given ? v : null)));
  return spec.plausible ? fc.oneof(chaos, spec.plausible) : chaos;
}

function isValidValue(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  return typeof x === "string" || typeof x === "boolean";
}

/** Checks one call; returns "value" or the error code, so a run can prove it reached the rule, not only errors. */
function checkOutcome(name: string, spec: Spec, args: unknown[]): string {
  let result: unknown;
  try {
    result = (F[name as keyof typeof F] as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (!(e instanceof CustomFunctionsError)) throw new Error(`${name} threw ${String(e)}`);
    if (e.code !== "#VALUE!" && !spec.codes.includes(e.code)) throw new Error(`${name} gave ${e.code}`);
    if ((e.code === "#VALUE!" || e.code === NA) && !e.message)
      throw new Error(`${name} gave ${e.code} without a message`);
    return e.code;
  }
  if (Array.isArray(result)) {
    const width = Array.isArray(result[0]) ? result[0].length : -1;
    const ok =
      result.length > 0 &&
      width > 0 &&
      result.every(
        (row) =>
          Array.isArray(row) &&
          row.length === width &&
          row.every(
            (cell) =>
              isValidValue(cell) ||
              (cell instanceof CustomFunctionsError && (spec.cellCodes ?? []).includes(cell.code)),
          ),
      );
    if (!ok) throw new Error(`${name} returned a malformed range ${JSON.stringify(result)}`);
  } else if (!isValidValue(result)) {
    throw new Error(`${name} returned ${String(result)}`);
  }
  return "value";
}

describe("every EDU function under 10,000 generated Excel-shaped argument lists", () => {
  it("covers every exported function", () => {
    expect(Object.keys(SPECS).sort()).toEqual(Object.keys(F).sort());
  });
  it("sends every function as many arguments as it declares parameters", () => {
    const arity = Object.entries(SPECS).map(([name, spec]) => [name, spec.params.length]);
    expect(arity).toEqual(Object.keys(SPECS).map((name) => [name, F[name as keyof typeof F].length]));
  });
  it.each(Object.entries(SPECS))(
    "%s returns a finite number, text, a boolean, a rectangular range of those, or an allowed Excel error",
    (name, spec) => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(argumentLists(spec), (args) => {
          const outcome = checkOutcome(name, spec, args);
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        }),
        { numRuns: 10_000 },
      );
      if (process.env.FUZZ_REPORT) console.log(name, Object.fromEntries(seen));
      // The generators aim at real inputs: a sizeable share of calls must compute a value.
      expect(seen.get("value") ?? 0).toBeGreaterThan(500);
    },
  );
});
