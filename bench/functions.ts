/**
 * Custom-function throughput: each EDU function called through its adapter with typical Excel arguments, against
 * the same arithmetic written inline here (the floor any implementation has to pay). Excel calls a function once
 * per cell, so the adapter's overhead per call is what a 10,000-cell sheet feels.
 */
import { installCustomFunctionsRuntime } from "../test/support/custom-functions-runtime";
import { measure, type Measured } from "./measure";

installCustomFunctionsRuntime();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const F = require("../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;

const VARIANTS = 256;
const ints = (lo: number, hi: number) =>
  Array.from({ length: VARIANTS }, (_, i) => lo + ((i * 7919) % (hi - lo + 1)));
const starts = ints(200, 1200);
const drops = ints(0, 30);
const classes = ints(10, 40);
const levels = ["小学", "初中"];
const limitByLevel: Record<string, number> = { 小学: 0, 初中: 0.03 };
const sizeByLevel: Record<string, number> = { 小学: 45, 初中: 50, 高中: 50, 幼儿园: 30 };
const ratioByLevel: Record<string, number> = { 小学: 19, 初中: 13.5, 高中: 12.5 };
const normByLevel: Record<string, number> = { 小学: 650, 初中: 850 };

interface ScalarCase {
  readonly id: string;
  adapter(i: number): unknown;
  inline(i: number): number;
}

const lvl = (i: number) => levels[i & 1] as string;

const SCALAR: readonly ScalarCase[] = [
  {
    id: "GROWTH",
    adapter: (i) => F.GROWTH!(starts[i], starts[i]! + drops[i]!),
    inline: (i) => (starts[i]! + drops[i]!) / starts[i]! - 1,
  },
  {
    id: "DROPOUT_RATE",
    adapter: (i) => F.DROPOUT_RATE!(starts[i], drops[i]),
    inline: (i) => drops[i]! / starts[i]!,
  },
  {
    id: "DROPOUT_LIMIT",
    adapter: (i) => F.DROPOUT_LIMIT!(lvl(i), "农村"),
    inline: (i) => limitByLevel[lvl(i)]!,
  },
  {
    id: "DROPOUT_CHECK",
    adapter: (i) => F.DROPOUT_CHECK!(starts[i], drops[i], lvl(i), "农村", null),
    inline: (i) => (drops[i]! / starts[i]! <= limitByLevel[lvl(i)]! ? 1 : 0),
  },
  { id: "CLASS_SIZE", adapter: (i) => F.CLASS_SIZE!(lvl(i)), inline: (i) => sizeByLevel[lvl(i)]! },
  {
    id: "CLASS_BAND",
    adapter: (i) => F.CLASS_BAND!(starts[i], classes[i]),
    inline: (i) => {
      const size = Math.ceil(starts[i]! / classes[i]!);
      return size >= 66 ? 3 : size >= 56 ? 2 : size >= 46 ? 1 : 0;
    },
  },
  {
    id: "CAPACITY",
    adapter: (i) => F.CAPACITY!(classes[i], lvl(i), null),
    inline: (i) => classes[i]! * sizeByLevel[lvl(i)]!,
  },
  {
    id: "BALANCE_CHECK",
    adapter: (i) => F.BALANCE_CHECK!(drops[i]! / 40, lvl(i), null),
    inline: (i) => (drops[i]! / 40 <= (lvl(i) === "小学" ? 0.65 : 0.55) ? 1 : 0),
  },
  { id: "STAFF_RATIO", adapter: (i) => F.STAFF_RATIO!(lvl(i)), inline: (i) => ratioByLevel[lvl(i)]! },
  {
    id: "STAFF_QUOTA",
    adapter: (i) => F.STAFF_QUOTA!(starts[i], lvl(i), null),
    inline: (i) => starts[i]! / ratioByLevel[lvl(i)]!,
  },
  {
    id: "PUBLIC_FUNDS_NORM",
    adapter: (i) => F.PUBLIC_FUNDS_NORM!(lvl(i), null),
    inline: (i) => normByLevel[lvl(i)]!,
  },
  {
    id: "PUBLIC_FUNDS",
    adapter: (i) => F.PUBLIC_FUNDS!(starts[i], lvl(i), drops[i], 2, true, null),
    inline: (i) => {
      const students = starts[i]!;
      const base = (students < 100 ? 100 : students) - 2;
      return base * normByLevel[lvl(i)]! + 2 * 6000 + drops[i]! * 200;
    },
  },
  {
    id: "ENROLLMENT_RATE",
    adapter: (i) => F.ENROLLMENT_RATE!(starts[i], 1000),
    inline: (i) => starts[i]! / 1000,
  },
  {
    id: "PLACES_NEEDED",
    adapter: (i) => F.PLACES_NEEDED!(0.9, 1000, starts[i]),
    inline: (i) => Math.max(0, Math.ceil(0.9 * 1000) - starts[i]!),
  },
  {
    id: "KG_CAPACITY",
    adapter: (i) => F.KG_CAPACITY!(drops[i], 3, 4, null),
    inline: (i) => 25 * drops[i]! + 30 * 3 + 35 * 4,
  },
  {
    id: "ALLOWANCE",
    adapter: (i) => F.ALLOWANCE!(drops[i], 300, 9),
    inline: (i) => drops[i]! * 300 * (13 - 9),
  },
  {
    id: "NUTRITION_COST",
    adapter: (i) => F.NUTRITION_COST!(starts[i], null, null),
    inline: (i) => starts[i]! * 5 * 200,
  },
  {
    id: "ONLY_INCREASE",
    adapter: (i) => F.ONLY_INCREASE!(starts[i], starts[i]! + 1, drops[i], drops[i]),
    inline: (i) => (starts[i]! + 1 >= starts[i]! && drops[i]! >= drops[i]! ? 1 : 0),
  },
  {
    id: "POLICY",
    adapter: (i) => F.POLICY!(i & 1 ? "dropout.primary" : "preschool.target_rate"),
    inline: (i) => (i & 1 ? limitByLevel["小学"]! : 0.9),
  },
];

/** Excel's range arguments: a 30-school column of values and enrollments. */
const cvValues = Array.from({ length: 30 }, (_, i) => [3 + ((i * 37) % 11)]);
const cvWeights = Array.from({ length: 30 }, (_, i) => [200 + ((i * 53) % 400)]);

function inlineCv(values: number[][], weights: number[][]): number {
  let p = 0;
  let px = 0;
  for (let i = 0; i < values.length; i++) {
    p += weights[i]![0]!;
    px += weights[i]![0]! * values[i]![0]!;
  }
  const mean = px / p;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (weights[i]![0]! / p) * (values[i]![0]! - mean) ** 2;
  return Math.sqrt(s) / mean;
}

const priorFigures = [[100, 200, 3, 1]];
const currentFigures = drops.map((d) => [[100 + d, 205, 3.1, 1.1]]);
const debtParts = [[1512.88], [480], [3344.29], [1576.59], [6746.28]];

const RANGE: readonly ScalarCase[] = [
  {
    id: "BALANCE_CV (30 schools)",
    adapter: () => F.BALANCE_CV!(cvValues, cvWeights),
    inline: () => inlineCv(cvValues, cvWeights),
  },
  {
    id: "THREE_GROWTH",
    adapter: (i) => F.THREE_GROWTH!(priorFigures, currentFigures[i]),
    inline: (i) => {
      const p = priorFigures[0]!;
      const c = currentFigures[i]![0]!;
      return c[0]! / p[0]! - 1 > c[1]! / p[1]! - 1 && c[2]! > p[2]! && c[3]! > p[3]! ? 1 : 0;
    },
  },
  {
    id: "RECONCILE (5 parts)",
    adapter: (i) => F.RECONCILE!(13644.78 + drops[i]!, debtParts),
    inline: (i) => {
      let sum = 0;
      for (const [part] of debtParts) sum += part!;
      return Math.round((13644.78 + drops[i]! - sum) * 100) / 100;
    },
  },
];

export interface FunctionFigure {
  readonly id: string;
  readonly callsPerSecond: number;
  readonly inlineCallsPerSecond: number;
  /** Adapter time per call ÷ inline time per call (target ≤ 3 for scalar functions). */
  readonly overheadRatio: number;
}

function figure(c: ScalarCase): FunctionFigure {
  let sink = 0;
  const adapter: Measured = measure(() => {
    for (let i = 0; i < VARIANTS; i++) if (c.adapter(i) !== undefined) sink++;
  });
  const inline: Measured = measure(() => {
    for (let i = 0; i < VARIANTS; i++) sink += c.inline(i);
  });
  if (sink === -1) console.log(sink); // keeps the loops observable
  const perAdapter = adapter.seconds / VARIANTS;
  const perInline = inline.seconds / VARIANTS;
  return {
    id: c.id,
    callsPerSecond: Math.round(1 / perAdapter),
    inlineCallsPerSecond: Math.round(1 / perInline),
    overheadRatio: Number((perAdapter / perInline).toFixed(2)),
  };
}

export function benchFunctions(): {
  scalar: FunctionFigure[];
  range: FunctionFigure[];
  worstScalarRatio: number;
} {
  const scalar = SCALAR.map(figure);
  return {
    scalar,
    range: RANGE.map(figure),
    worstScalarRatio: Math.max(...scalar.map((f) => f.overheadRatio)),
  };
}
