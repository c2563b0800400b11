/**
 * mulberry32: a small, fast seeded PRNG. Rules that draw lots (ASSIGN_CLASSES for grade 1) and generated test
 * districts use it so the same seed always gives the same result; Math.random never appears in a rule.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
