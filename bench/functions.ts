/**
 * Custom-function throughput: each EDU function of the shipped bundle (dist/functions.js, registered through
 * CustomFunctions.associate as in Excel's runtime) called with typical Excel arguments, against the same arithmetic written inline here (the floor any
 * implementation has to pay). Excel calls a function once per cell, so the overhead per call is what a 10,000-cell
 * sheet feels. Both loops fold every result into the same checksum, so neither can skip work the other does.
 */
import { join } from "node:path";
import { assignClasses, classBalance, snakeAssignment, type AssignStats } from "../src/domain/assignClasses";
import { associated, installCustomFunctionsRuntime } from "../test/support/custom-functions-runtime";
import { measure, ms, ratio, type Measured } from "./measure";

// The bundle runs in this realm with CustomFunctions as a real global, as in Excel's runtime: a vm context would
// make every global lookup (Math, Number) go through an interceptor and measure the harness, not the functions.
installCustomFunctionsRuntime();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(join(__dirname, "..", "dist", "functions.js"));
const F: Record<string, (...args: unknown[]) => unknown> = Object.fromEntries(associated);

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
const funcCodeByLevel: Record<string, string> = { 小学: "2050202", 初中: "2050203" };

interface ScalarCase {
  readonly id: string;
  adapter(i: number): unknown;
  inline(i: number): unknown;
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
    inline: (i) => drops[i]! / starts[i]! <= limitByLevel[lvl(i)]!,
  },
  { id: "CLASS_SIZE", adapter: (i) => F.CLASS_SIZE!(lvl(i)), inline: (i) => sizeByLevel[lvl(i)]! },
  {
    id: "CLASS_BAND",
    adapter: (i) => F.CLASS_BAND!(starts[i], classes[i]),
    inline: (i) => {
      const size = Math.ceil(starts[i]! / classes[i]!);
      return size >= 66 ? "超大班额" : size >= 56 ? "大班额" : size >= 46 ? "偏大" : "正常";
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
    inline: (i) => drops[i]! / 40 <= (lvl(i) === "小学" ? 0.65 : 0.55),
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
    adapter: (i) => F.PUBLIC_FUNDS!(starts[i], lvl(i), drops[i], drops[255 - i], true, null),
    inline: (i) => {
      const students = starts[i]!;
      const special = drops[255 - i]!;
      const base = (students < 100 ? 100 : students) - special;
      return base * normByLevel[lvl(i)]! + special * 6000 + drops[i]! * 200;
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
    adapter: (i) => F.KG_CAPACITY!(drops[i], classes[i], drops[255 - i], null),
    inline: (i) => 25 * drops[i]! + 30 * classes[i]! + 35 * drops[255 - i]!,
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
    inline: (i) => starts[i]! + 1 >= starts[i]! && drops[i]! >= drops[i]!,
  },
  {
    id: "POLICY",
    adapter: (i) => F.POLICY!(i & 1 ? "dropout.primary" : "preschool.target_rate"),
    inline: (i) => (i & 1 ? limitByLevel["小学"]! : 0.9),
  },
  {
    id: "FUNC_CODE",
    adapter: (i) => F.FUNC_CODE!(lvl(i)),
    inline: (i) => funcCodeByLevel[lvl(i)]!,
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

const gradeRows = drops.map((d) => [[40 + d, 45, 50 - d, 44, 46, 47]]);
const inlineClasses = (grades: readonly number[], size: number) => {
  let n = 0;
  for (const g of grades) n += Math.ceil(g / size);
  return n;
};
const steps = [[1512.88], [480], [4920.88], [6746.28]];
const capacities = drops.map((d) => [[2600 + d, 3300, 3700, 4100]]);
function inlineSchedule(amounts: readonly number[], capacity: readonly number[]): number[][] {
  const owed = amounts.map((a) => Math.round(a * 100));
  const out = owed.map(() => new Array<number>(capacity.length + 1).fill(0));
  capacity.forEach((cap, y) => {
    let left = Math.round(cap * 100);
    owed.forEach((o, i) => {
      const pay = Math.min(o, left);
      owed[i] = o - pay;
      left -= pay;
      (out[i] as number[])[y] = pay / 100;
    });
  });
  owed.forEach((o, i) => ((out[i] as number[])[capacity.length] = o / 100));
  return out;
}
const intake = Array.from({ length: 200 }, (_, i) => [Math.round(((i * 7919) % 1000) / 10)]);
const intakeScores = intake.map(([s]) => s as number);
const intakeGenders = intake.map((_, i) => [i % 2 ? "女" : "男"]);
const intakeGenderCodes = intake.map((_, i) => (i % 2 ? "F" : "M") as "M" | "F");
const assigned = intakeScores.map((_, i) => [(i % 5) + 1]);
function inlineBalance(classes: readonly number[], scores: readonly number[]): number {
  const sum = [0, 0, 0, 0, 0];
  const size = [0, 0, 0, 0, 0];
  classes.forEach((c, i) => {
    sum[c - 1] = (sum[c - 1] as number) + (scores[i] as number);
    size[c - 1] = (size[c - 1] as number) + 1;
  });
  const means = sum.map((s, c) => s / (size[c] as number));
  return Math.max(...means) - Math.min(...means) + Math.max(...size) - Math.min(...size);
}

/** A 12-grade school system (小学 to 高中) over 10 years: enrollment of year T, progression ratios, intake. */
const GRADES = 12;
const YEARS = 10;
const enrollmentNow = drops.map((d) => [Array.from({ length: GRADES }, (_, g) => 400 + d + ((g * 37) % 50))]);
const progression = [Array.from({ length: GRADES - 1 }, (_, g) => 0.96 + ((g * 7) % 5) / 100)];
const intakeByYear = Array.from({ length: YEARS }, (_, k) => [380 + ((k * 13) % 40)]);
function inlineProjection(
  current: readonly number[],
  ratios: readonly number[],
  entrants: readonly number[][],
) {
  const rows: number[][] = [];
  let previous = current;
  for (const [intake] of entrants) {
    const next = new Array<number>(current.length);
    next[0] = intake!;
    for (let g = 1; g < current.length; g++) next[g] = previous[g - 1]! * ratios[g - 1]!;
    rows.push(next);
    previous = next;
  }
  return rows;
}
/** Enrollment histories (years × grades) to take the progression ratios of, and births for the entry rate. */
const histories = enrollmentNow.map(([now]) => [
  now!,
  ...inlineProjection(now!, progression[0]!, intakeByYear.slice(0, YEARS - 1)),
]);
function inlineRatios(history: readonly (readonly number[])[]): number[] {
  const ratios: number[] = [];
  for (let g = 0; g + 1 < history[0]!.length; g++) {
    let num = 0;
    let den = 0;
    for (let t = 0; t + 1 < history.length; t++) {
      den += history[t]![g]!;
      num += history[t + 1]![g + 1]!;
    }
    ratios.push(num / den);
  }
  return ratios;
}
const birthsByYear = intakeByYear.map(([x]) => [Math.round(x! / 1.03)]);

const RANGE: readonly ScalarCase[] = [
  {
    id: "PROJECT_ENROLLMENT (12 grades × 10 years)",
    adapter: (i) => F.PROJECT_ENROLLMENT!(enrollmentNow[i], progression, intakeByYear),
    inline: (i) => inlineProjection(enrollmentNow[i]![0]!, progression[0]!, intakeByYear),
  },
  {
    id: "PROGRESSION_RATIO (10 years × 12 grades)",
    adapter: (i) => F.PROGRESSION_RATIO!(histories[i]),
    inline: (i) => inlineRatios(histories[i]!),
  },
  {
    id: "ENTRY_RATE (10 years)",
    adapter: (i) => F.ENTRY_RATE!(intakeByYear, i & 1 ? birthsByYear : intakeByYear),
    inline: (i) => {
      const births = i & 1 ? birthsByYear : intakeByYear;
      let e = 0;
      let b = 0;
      for (let k = 0; k < YEARS; k++) {
        e += intakeByYear[k]![0]!;
        b += births[k]![0]!;
      }
      return e / b;
    },
  },
  {
    id: "CLASSES_NEEDED (6 grades)",
    adapter: (i) => F.CLASSES_NEEDED!(gradeRows[i], "小学", null),
    inline: (i) => inlineClasses(gradeRows[i]![0]!, 45),
  },
  {
    id: "MERGE_CHECK (6 grades)",
    adapter: (i) => F.MERGE_CHECK!(gradeRows[i], 12, "小学", null),
    inline: (i) => {
      const grades = gradeRows[i]![0]!;
      const needed = inlineClasses(grades, 45);
      const students = grades.reduce((a, b) => a + b, 0);
      return [[students, needed, 12, 12 - needed, students / needed, 12 - needed >= 0]];
    },
  },
  {
    id: "THREE_GROWTH_DETAIL",
    adapter: (i) => F.THREE_GROWTH_DETAIL!(priorFigures, currentFigures[i]),
    inline: (i) => {
      const p = priorFigures[0]!;
      const c = currentFigures[i]![0]!;
      const g = (k: number) => c[k]! / p[k]! - 1;
      return [
        ["G1", g(0), g(1), g(0) > g(1)],
        ["G2", g(2), 0, c[2]! > p[2]!],
        ["G3 public funds", g(3), 0, c[3]! > p[3]!],
      ];
    },
  },
  {
    id: "REPAY_SCHEDULE (4 steps × 4 years)",
    adapter: (i) => F.REPAY_SCHEDULE!(steps, capacities[i]),
    inline: (i) =>
      inlineSchedule(
        steps.map(([a]) => a!),
        capacities[i]![0]!,
      ),
  },
  {
    id: "ASSIGN_CLASSES (200 pupils, 5 classes; inline = the snake)",
    adapter: () => F.ASSIGN_CLASSES!(intake, 5, intakeGenders, null),
    inline: () => snakeAssignment(intakeScores, 5, intakeGenderCodes, 1),
  },
  {
    id: "CLASS_BALANCE (200 pupils)",
    adapter: () => F.CLASS_BALANCE!(assigned, intake, null),
    inline: () =>
      inlineBalance(
        assigned.map(([c]) => c!),
        intakeScores,
      ),
  },
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
      return c[0]! / p[0]! - 1 > c[1]! / p[1]! - 1 && c[2]! > p[2]! && c[3]! > p[3]!;
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

/** A result as a number for the checksum: numbers as they are, booleans 1/0, text and spills by their length. */
function fold(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" || Array.isArray(v)) return v.length;
  return 0;
}

const ROUNDS = 9;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

/**
 * Adapter and inline loops measured in alternating rounds, each round's pair taken together: a slow spell of the
 * shared machine then slows both sides of a pair, and the median pair ratio is what is reported.
 */
function figure(c: ScalarCase): FunctionFigure {
  let sink = 0;
  const adapterLoop = () => {
    for (let i = 0; i < VARIANTS; i++) sink += fold(c.adapter(i));
  };
  const inlineLoop = () => {
    for (let i = 0; i < VARIANTS; i++) sink += fold(c.inline(i));
  };
  const pairs = Array.from({ length: ROUNDS }, () => {
    const adapter: Measured = measure(adapterLoop, { rounds: 1, budgetMs: 25 });
    const inline: Measured = measure(inlineLoop, { rounds: 1, budgetMs: 25 });
    return { adapter: adapter.seconds / VARIANTS, inline: inline.seconds / VARIANTS };
  });
  if (sink === -1) console.log(sink); // keeps the loops observable
  const perAdapter = median(pairs.map((p) => p.adapter));
  const perInline = median(pairs.map((p) => p.inline));
  return {
    id: c.id,
    callsPerSecond: Math.round(1 / perAdapter),
    inlineCallsPerSecond: Math.round(1 / perInline),
    overheadRatio: Number(median(pairs.map((p) => p.adapter / p.inline)).toFixed(2)),
  };
}

/** The inputs that once took tens of seconds (ASSIGN_CLASSES) or grew with the text (POLICY), one call at a time. */
export interface PathologicalFigure {
  readonly id: string;
  readonly msPerCall: number;
  readonly baselineMsPerCall: number;
  /** Time per call ÷ the baseline's (the snake for ASSIGN_CLASSES, a known key for POLICY). */
  readonly timeRatio: number;
  /** ASSIGN_CLASSES: the improvement's work units and whether its budget stopped it; mean gap ÷ the snake's. */
  readonly work?: number;
  readonly budgetSpent?: boolean;
  readonly gapRatio?: number;
}

const PUPILS = 10_000;
const PATHOLOGICAL_CLASSES = 60;

function pathologicalScores(kind: "bimodal" | "outliers"): number[] {
  let state = 4242;
  const rnd = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: PUPILS }, () => {
    if (kind === "bimodal") return (rnd() < 0.5 ? 20 : 80) + rnd() * 7.3;
    const r = rnd();
    return r < 0.01 ? 1e9 * (rnd() < 0.5 ? -1 : 1) * rnd() : r * 100;
  });
}

function assignFigure(kind: "bimodal" | "outliers"): PathologicalFigure {
  const scores = pathologicalScores(kind);
  const cells = scores.map((s) => [s]);
  const genderCodes = scores.map((_, i) => (((i * 7919) % 97) / 97 < 0.52 ? "M" : "F") as "M" | "F");
  const genderCells = genderCodes.map((g) => [g === "M" ? "男" : "女"]);
  const stats: AssignStats = { work: 0, swaps: 0, budgetSpent: false };
  const assigned = assignClasses(scores, PATHOLOGICAL_CLASSES, genderCodes, 1, stats);
  const snake = snakeAssignment(scores, PATHOLOGICAL_CLASSES, genderCodes, 1);
  const gap = classBalance(assigned, scores, genderCodes).meanGap;
  const snakeGap = classBalance(snake, scores, genderCodes).meanGap;
  const adapter = measure(() => void F.ASSIGN_CLASSES!(cells, PATHOLOGICAL_CLASSES, genderCells, null), {
    rounds: 3,
    budgetMs: 1,
  });
  const baseline = measure(() => void snakeAssignment(scores, PATHOLOGICAL_CLASSES, genderCodes, 1), {
    rounds: 3,
    budgetMs: 1,
  });
  return {
    id: `ASSIGN_CLASSES (${kind} scores, ${PUPILS.toLocaleString("en-US")} pupils, ${PATHOLOGICAL_CLASSES} classes; baseline = the snake)`,
    msPerCall: ms(adapter.seconds),
    baselineMsPerCall: ms(baseline.seconds),
    timeRatio: ratio(adapter.seconds, baseline.seconds),
    work: stats.work,
    budgetSpent: stats.budgetSpent,
    gapRatio: ratio(gap, snakeGap),
  };
}

/** A new unknown key of 32,767 characters (Excel's longest cell text) on every call, so no cache answers it. */
function policyFigure(): PathologicalFigure {
  const tail = "x".repeat(32_767 - 8);
  let n = 0;
  const call = (key: string): void => {
    try {
      F.POLICY!(key);
    } catch {
      // #N/A with suggestions: what is measured.
    }
  };
  const unknown = measure(() => call(`${String(n++).padStart(8, "0")}${tail}`), { rounds: 3, budgetMs: 20 });
  const known = measure(() => call(n++ & 1 ? "dropout.primary" : "preschool.target_rate"), {
    rounds: 3,
    budgetMs: 20,
  });
  return {
    id: "POLICY (an unknown key of 32,767 characters; baseline = a known key)",
    msPerCall: Number((unknown.seconds * 1000).toFixed(4)),
    baselineMsPerCall: Number((known.seconds * 1000).toFixed(4)),
    timeRatio: ratio(unknown.seconds, known.seconds),
  };
}

/** The scalar figures alone, or those of the given ids (a quick look while changing an adapter). */
export function benchScalar(ids?: readonly string[]): FunctionFigure[] {
  return SCALAR.filter((c) => ids === undefined || ids.includes(c.id)).map(figure);
}

export function benchFunctions(): {
  scalar: FunctionFigure[];
  range: FunctionFigure[];
  pathological: PathologicalFigure[];
  worstScalarRatio: number;
  /** Microseconds per PROJECT_ENROLLMENT call for 12 grades × 10 years (target < 20). */
  projectEnrollmentMicroseconds: number;
} {
  const scalar = SCALAR.map(figure);
  const range = RANGE.map(figure);
  const projection = range.find((f) => f.id.startsWith("PROJECT_ENROLLMENT"));
  return {
    scalar,
    range,
    pathological: [assignFigure("bimodal"), assignFigure("outliers"), policyFigure()],
    worstScalarRatio: Math.max(...scalar.map((f) => f.overheadRatio)),
    projectEnrollmentMicroseconds: projection ? Number((1e6 / projection.callsPerSecond).toFixed(2)) : NaN,
  };
}
