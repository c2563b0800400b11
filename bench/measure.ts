/**
 * Timing for the bench: run a body repeatedly until a time budget is spent, several rounds, keep the best round's
 * time per run (the least disturbed by other work on a shared machine). Figures are reported as ratios against a
 * baseline measured the same way in the same process.
 */
import { performance } from "node:perf_hooks";

export interface Measured {
  /** Best seconds per run of the body. */
  readonly seconds: number;
  readonly runs: number;
}

export function measure(body: () => void, { rounds = 5, budgetMs = 60 } = {}): Measured {
  for (let i = 0; i < 3; i++) body(); // warm-up: let the JIT settle
  let best = Infinity;
  let runs = 0;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      body();
      n++;
      elapsed = performance.now() - start;
    } while (elapsed < budgetMs);
    runs += n;
    best = Math.min(best, elapsed / n / 1000);
  }
  return { seconds: best, runs };
}

export async function measureAsync(body: () => Promise<void>, rounds = 3): Promise<Measured> {
  await body();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await body();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, runs: rounds + 1 };
}

export const ms = (seconds: number): number => Number((seconds * 1000).toFixed(2));
export const ratio = (a: number, b: number): number => Number((a / b).toFixed(3));
