/** 微机编班 (§4.9): balanced class assignment. Classes are numbered 1…k. */
import { invalidArgument } from "./errors";
import { seededRandom } from "./random";
import { finite, wholeInRange } from "./validate";

export type Gender = "M" | "F";

const GENDER_BY_TEXT: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ["男", "M"],
  ["m", "M"],
  ["male", "M"],
  ["女", "F"],
  ["f", "F"],
  ["female", "F"],
]);

export function parseGender(text: string, argName = "genders"): Gender {
  const gender = GENDER_BY_TEXT.get(text) ?? GENDER_BY_TEXT.get(text.trim().toLowerCase());
  if (!gender) throw invalidArgument(argName, "男/女 or M/F for every student");
  return gender;
}

/** The largest class count this rule accepts (a grade never has more). */
export const MAX_STUDENTS = 100_000;

/** Scores are bounded so that class sums stay exact enough to compare means. */
export const MAX_SCORE = 1e9;

function score(s: number): number {
  if (!(Math.abs(s) <= MAX_SCORE))
    throw invalidArgument("scores", `numbers from -${MAX_SCORE} to ${MAX_SCORE}`);
  return s;
}

interface Checked {
  readonly n: number;
  readonly k: number;
  /** null when every score is empty (grade 1: no admission scores). */
  readonly scores: readonly number[] | null;
  readonly groups: readonly number[];
}

function check(
  scores: readonly (number | null)[],
  classes: number,
  genders: readonly Gender[] | undefined,
  seed: number,
): Checked {
  const n = scores.length;
  if (n === 0 || n > MAX_STUDENTS)
    throw invalidArgument("scores", `one cell per student (1 to ${MAX_STUDENTS})`);
  const k = wholeInRange(classes, "classes", 1, n);
  if (!Number.isSafeInteger(seed)) throw invalidArgument("seed", "a whole number");
  if (genders && genders.length !== n) throw invalidArgument("genders", `one cell per student (${n})`);
  const empty = scores.filter((s) => s === null).length;
  if (empty !== 0 && empty !== n)
    throw invalidArgument("scores", "a score for every student, or all empty (grade 1)");
  const numbers = empty === n ? null : scores.map((s) => score(s ?? NaN));
  return {
    n,
    k,
    scores: numbers,
    groups: genders ? genders.map((g) => (g === "M" ? 0 : 1)) : scores.map(() => 0),
  };
}

/**
 * The reference S-shape placement: boys and girls ranked separately (best first; ties and empty scores in seeded
 * random order), dealt 1…k, k…1, …; girls start from the opposite end. Each group's last partial row goes to the
 * classes that are smallest so far, so class sizes differ by at most 1.
 */
function snake(c: Checked, seed: number): number[] {
  const { n, k, scores, groups } = c;
  const rnd = seededRandom(seed);
  const key = Array.from({ length: n }, () => rnd());
  const assigned = new Array<number>(n).fill(0);
  const sizes = new Array<number>(k).fill(0);
  for (const group of [0, 1]) {
    const ranked = [...Array(n).keys()]
      .filter((i) => groups[i] === group)
      .sort((a, b) => (scores ? (scores[b] ?? 0) - (scores[a] ?? 0) : 0) || (key[a] ?? 0) - (key[b] ?? 0));
    const fullRows = Math.floor(ranked.length / k);
    let order: number[] = [];
    ranked.forEach((student, p) => {
      const r = Math.floor(p / k);
      if (p % k === 0) {
        const forward = (r % 2 === 0) === (group === 0);
        order = forward ? [...Array(k).keys()] : [...Array(k).keys()].reverse();
        // The last, partial row fills the smallest classes first (stable sort keeps the snake direction).
        if (r === fullRows) order.sort((x, y) => (sizes[x] ?? 0) - (sizes[y] ?? 0));
      }
      const cls = order[p % k] ?? 0;
      assigned[student] = cls + 1;
      sizes[cls] = (sizes[cls] ?? 0) + 1;
    });
  }
  return assigned;
}

export function snakeAssignment(
  scores: readonly (number | null)[],
  classes: number,
  genders?: readonly Gender[],
  seed = 1,
): number[] {
  return snake(check(scores, classes, genders, seed), seed);
}

export interface ClassBalance {
  readonly sizeGap: number;
  readonly genderGap: number;
  readonly meanGap: number;
}

/** Largest gaps between classes 1…max(assignments): size, per-gender count, mean score (empty scores skipped). */
export function classBalance(
  assignments: readonly number[],
  scores: readonly (number | null)[],
  genders?: readonly Gender[],
): ClassBalance {
  const n = assignments.length;
  if (n === 0 || n > MAX_STUDENTS)
    throw invalidArgument("assignments", `one class number per student (1 to ${MAX_STUDENTS})`);
  if (scores.length !== n) throw invalidArgument("scores", `one cell per student (${n})`);
  if (genders && genders.length !== n) throw invalidArgument("genders", `one cell per student (${n})`);
  let k = 0;
  for (const a of assignments) k = Math.max(k, wholeInRange(a, "assignments", 1, n));
  const size = new Array<number>(k).fill(0);
  const boys = new Array<number>(k).fill(0);
  const sum = new Array<number>(k).fill(0);
  const scored = new Array<number>(k).fill(0);
  assignments.forEach((a, i) => {
    const c = a - 1;
    size[c] = (size[c] ?? 0) + 1;
    if (genders?.[i] === "M") boys[c] = (boys[c] ?? 0) + 1;
    const s = scores[i] ?? null;
    if (s !== null) {
      sum[c] = (sum[c] ?? 0) + finite(s, "scores");
      scored[c] = (scored[c] ?? 0) + 1;
    }
  });
  const gap = (xs: readonly number[]): number => {
    let max = -Infinity;
    let min = Infinity;
    for (const x of xs) {
      max = Math.max(max, x);
      min = Math.min(min, x);
    }
    return xs.length < 2 ? 0 : max - min;
  };
  const girls = size.map((s, c) => s - (boys[c] ?? 0));
  const means = sum.flatMap((s, c) => ((scored[c] ?? 0) > 0 ? [s / (scored[c] ?? 1)] : []));
  const meanGap = gap(means);
  if (!Number.isFinite(meanGap)) throw invalidArgument("scores", "numbers small enough to average");
  return { sizeGap: gap(size), genderGap: genders ? Math.max(gap(boys), gap(girls)) : 0, meanGap };
}

/**
 * The most work the improvement of the snake may do, in units of one student compared or moved: under 100 ms on a
 * laptop, whatever the scores (10,000 students in 60 classes included). The snake itself and the checks are
 * O(n log n) on top of it. Work is counted, not timed, so the result stays deterministic.
 */
export const IMPROVE_WORK_BUDGET = 1_500_000;

/** What assignClasses did, for callers that measure it (the bench, the tests). */
export interface AssignStats {
  /** Units of work the improvement did (never more than IMPROVE_WORK_BUDGET). */
  work: number;
  /** Swaps kept. */
  swaps: number;
  /** True when the improvement stopped because its work budget was spent. */
  budgetSpent: boolean;
}

/** Sorted (ascending score) insert of a student index in one class-and-gender list. */
function insertSorted(list: number[], student: number, scores: readonly number[]): void {
  list.splice(lowerBound(list, scores[student] ?? 0, scores), 0, student);
}

/** Index of the first entry whose score is ≥ target. */
function lowerBound(list: readonly number[], target: number, scores: readonly number[]): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((scores[list[mid] ?? 0] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Steps of a binary search over a list of `length` entries. */
const searchSteps = (length: number): number => 32 - Math.clz32(length);

/**
 * Improves the snake by same-gender swaps between a high-mean and a low-mean class. A swap is kept only if the
 * largest mean gap does not grow and (gap, spread of the means) strictly improves, so the result is never worse
 * than the snake and the loop ends: when no swap improves, or before a swap search would take the work done past
 * IMPROVE_WORK_BUDGET.
 */
function improve(
  c: Checked & { scores: readonly number[] },
  start: number[],
  stats: AssignStats,
  budget: number,
): number[] {
  const { n, k, scores, groups } = c;
  const assigned = [...start];
  const members = Array.from({ length: k }, () => [[], []] as number[][]);
  const sums = new Array<number>(k).fill(0);
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const cls = (assigned[i] ?? 1) - 1;
    insertSorted(members[cls]?.[groups[i] ?? 0] ?? [], i, scores);
    sums[cls] = (sums[cls] ?? 0) + (scores[i] ?? 0);
    counts[cls] = (counts[cls] ?? 0) + 1;
  }
  const means = sums.map((s, i) => s / (counts[i] ?? 1));
  const objective = (m: readonly number[]): [number, number] => {
    let max = -Infinity;
    let min = Infinity;
    let total = 0;
    for (const x of m) {
      max = Math.max(max, x);
      min = Math.min(min, x);
      total += x;
    }
    const avg = total / m.length;
    let spread = 0;
    for (const x of m) spread += (x - avg) ** 2;
    return [max - min, spread];
  };
  /**
   * The most work trySwap(x, y) can do: one merge-like pass over x's and y's lists of each gender, the trial
   * objective over the k means, and the four list moves of a kept swap.
   */
  const swapCost = (x: number, y: number): number => {
    let cost = k;
    for (let g = 0; g < 2; g++) {
      const listX = members[x]?.[g]?.length ?? 0;
      const listY = members[y]?.[g]?.length ?? 0;
      cost += listX + listY + 2 * (listX + listY + 2 + searchSteps(listX + listY));
    }
    return cost;
  };
  /** Best same-gender swap moving x's mean down and y's mean up towards each other; applied if it improves. */
  const trySwap = (x: number, y: number, current: [number, number]): [number, number] | null => {
    const nx = counts[x] ?? 1;
    const ny = counts[y] ?? 1;
    const ideal = ((means[x] ?? 0) - (means[y] ?? 0)) / (1 / nx + 1 / ny);
    if (!(ideal > 0)) return null;
    let best: { a: number; b: number; g: number } | null = null;
    let bestMiss = Infinity;
    for (let g = 0; g < 2; g++) {
      const listX = members[x]?.[g] ?? [];
      const listY = members[y]?.[g] ?? [];
      if (listY.length === 0) continue;
      stats.work += listX.length + listY.length;
      // Both lists ascend, so the first of y's scores ≥ sa − ideal only moves forward: one pass finds, for every
      // a of x, the b on either side of the ideal difference (a binary search per a would find the same).
      let at = 0;
      for (const a of listX) {
        const sa = scores[a] ?? 0;
        const target = sa - ideal;
        while (at < listY.length && (scores[listY[at] ?? 0] ?? 0) < target) at++;
        for (let j = at - 1; j <= at; j++) {
          const b = listY[j];
          if (b === undefined) continue;
          const d = sa - (scores[b] ?? 0);
          if (d <= 0) continue;
          const miss = Math.abs(d - ideal);
          if (miss < bestMiss) {
            bestMiss = miss;
            best = { a, b, g };
          }
        }
      }
    }
    if (!best) return null;
    const d = (scores[best.a] ?? 0) - (scores[best.b] ?? 0);
    const trial = [...means];
    trial[x] = ((sums[x] ?? 0) - d) / nx;
    trial[y] = ((sums[y] ?? 0) + d) / ny;
    const next = objective(trial);
    stats.work += k;
    const better = next[0] < current[0] || (next[0] <= current[0] && next[1] < current[1]);
    if (!better) return null;
    const listX = members[x]?.[best.g] ?? [];
    const listY = members[y]?.[best.g] ?? [];
    stats.work += 2 * (listX.length + listY.length + 2 + searchSteps(listX.length + listY.length));
    stats.swaps++;
    listX.splice(listX.indexOf(best.a), 1);
    listY.splice(listY.indexOf(best.b), 1);
    insertSorted(listX, best.b, scores);
    insertSorted(listY, best.a, scores);
    assigned[best.a] = y + 1;
    assigned[best.b] = x + 1;
    sums[x] = (sums[x] ?? 0) - d;
    sums[y] = (sums[y] ?? 0) + d;
    means[x] = trial[x] ?? 0;
    means[y] = trial[y] ?? 0;
    return next;
  };
  let current = objective(means);
  const sortCost = k * (1 + searchSteps(k));
  search: for (let round = 0; round < 20 * n && current[0] > 1e-9; round++) {
    if (stats.work + sortCost > budget) {
      stats.budgetSpent = true;
      break;
    }
    stats.work += sortCost;
    const byMean = [...Array(k).keys()].sort((p, q) => (means[p] ?? 0) - (means[q] ?? 0));
    const hi = byMean[k - 1] ?? 0;
    const lo = byMean[0] ?? 0;
    const pairs: [number, number][] = [[hi, lo]];
    for (const cls of byMean.slice(1, -1)) pairs.push([hi, cls], [cls, lo]);
    let next: [number, number] | null = null;
    for (const [x, y] of pairs) {
      if (stats.work + swapCost(x, y) > budget) {
        stats.budgetSpent = true;
        break search;
      }
      if ((next = trySwap(x, y, current))) break;
    }
    if (!next) break;
    current = next;
  }
  return assigned;
}

/**
 * Balanced class numbers 1…classes, one per student: sizes differ by ≤ 1, each gender's count per class by ≤ 1,
 * the largest gap between class means is never worse than the snake's; deterministic for a seed. All-empty
 * scores (grade 1) give a seeded random placement balanced by size and gender. The improvement over the snake
 * stops within IMPROVE_WORK_BUDGET units of work on any scores; `stats`, when given, receives the work done.
 */
export function assignClasses(
  scores: readonly (number | null)[],
  classes: number,
  genders?: readonly Gender[],
  seed = 1,
  stats?: AssignStats,
): number[] {
  const c = check(scores, classes, genders, seed);
  const done: AssignStats = stats ?? { work: 0, swaps: 0, budgetSpent: false };
  done.work = 0;
  done.swaps = 0;
  done.budgetSpent = false;
  const reference = snake(c, seed);
  if (!c.scores || c.k === 1) return reference;
  const improved = improve({ ...c, scores: c.scores }, reference, done, IMPROVE_WORK_BUDGET);
  // Guard against rounding drift in the running sums: re-measure both from scratch.
  return classBalance(improved, c.scores, genders).meanGap <=
    classBalance(reference, c.scores, genders).meanGap
    ? improved
    : reference;
}
