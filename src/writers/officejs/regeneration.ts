/**
 * Which existing sheets a generation in Replace mode touches, from their names alone: the writer and the task pane
 * use the same rules, so the pane's list is exactly what the writer replaces.
 */

/** The name a numbered copy was made from ("学校 (2)" → "学校"), or undefined for a name that is no copy. */
export function copyBase(name: string): string | undefined {
  return /^(.+) \((\d+)\)$/.exec(name)?.[1];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The generated sheets a replacement overwrites: those named exactly as one of the plan's sheets. */
export function sheetsToReplace(planNames: readonly string[], generated: readonly string[]): string[] {
  return generated.filter((name) => planNames.some((planName) => same(planName, name)));
}

/** The sheets among `names` that are numbered copies of one of the plan's sheets ("学校 (2)", "学校 (3)"). */
export function numberedCopies(planNames: readonly string[], names: readonly string[]): string[] {
  return names.filter((name) => {
    const base = copyBase(name);
    return base !== undefined && planNames.some((planName) => same(planName, base));
  });
}
