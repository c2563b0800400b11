/**
 * The projects a district started last year against the projects it lists as continuing (续建) this year, pair by
 * pair. A continuing project is paired first with a prior project of the same name (after trimming), then, if none,
 * with the first prior project of its town not yet paired; what is left on either side stands alone.
 */

/** A project as the pairing sees it: its name and its town (undefined when its school gives none). */
export interface PairedProject {
  readonly name: string;
  readonly town: string | undefined;
}

export const PAIR_RESULTS = {
  same: "一致",
  renamed: "名称不一致",
  notContinued: "未列入本年续建",
  notStarted: "上年未列开工",
} as const;
export type PairResult = keyof typeof PAIR_RESULTS;

export interface ProjectPair<P extends PairedProject, C extends PairedProject> {
  /** The prior project, absent when a continuing project has none. */
  readonly prior: P | undefined;
  /** The continuing project, absent when a prior project is not continued. */
  readonly continuing: C | undefined;
  /** The town of the pair: the continuing project's, else the prior one's. */
  readonly town: string | undefined;
  readonly result: PairResult;
}

/**
 * The pairs in a stable order: the paired prior projects in their order, then the prior projects left (未列入本年续建)
 * in their order, then the continuing projects left (上年未列开工) in theirs.
 */
export function pairProjects<P extends PairedProject, C extends PairedProject>(
  prior: readonly P[],
  continuing: readonly C[],
): ProjectPair<P, C>[] {
  const partnerOf = new Map<number, number>();
  const taken = new Set<number>();
  /** Pairs each continuing project still alone with the first prior project left that `fits` it. */
  const match = (fits: (candidate: P, project: C) => boolean) =>
    continuing.forEach((project, c) => {
      if (partnerOf.has(c)) return;
      const p = prior.findIndex((candidate, i) => !taken.has(i) && fits(candidate, project));
      if (p < 0) return;
      partnerOf.set(c, p);
      taken.add(p);
    });
  // Names first, over all continuing projects, so that no town match takes a prior project another one names.
  match((candidate, project) => candidate.name.trim() === project.name.trim());
  match((candidate, project) => project.town !== undefined && candidate.town === project.town);
  const continuingAt = (c: number) => continuing[c] as C;
  const priorPartner = new Map([...partnerOf].map(([c, p]) => [p, c]));
  const pairs: ProjectPair<P, C>[] = [];
  prior.forEach((project, p) => {
    const c = priorPartner.get(p);
    if (c === undefined) return;
    const partner = continuingAt(c);
    pairs.push({
      prior: project,
      continuing: partner,
      town: partner.town ?? project.town,
      result: project.name.trim() === partner.name.trim() ? "same" : "renamed",
    });
  });
  prior.forEach((project, p) => {
    if (!priorPartner.has(p))
      pairs.push({ prior: project, continuing: undefined, town: project.town, result: "notContinued" });
  });
  continuing.forEach((project, c) => {
    if (!partnerOf.has(c))
      pairs.push({ prior: undefined, continuing: project, town: project.town, result: "notStarted" });
  });
  return pairs;
}
