import fc from "fast-check";
import { pairProjects, type PairedProject } from "../../src/domain/projectPairs";

const project = (name: string, town: string | undefined): PairedProject => ({ name, town });
const names = (pairs: ReturnType<typeof pairProjects>) =>
  pairs.map((pair) => [pair.prior?.name, pair.continuing?.name, pair.town, pair.result]);

describe("pairProjects", () => {
  it("pairs last year's four projects with this year's three continuing ones as the speech's lists read", () => {
    const prior = [
      project("大屯中学", "大屯镇"),
      project("坦途第二小学", "坦途镇"),
      project("五棵树中心校", "五棵树镇"),
      project("培智学校", "镇赉镇"),
    ];
    const continuing = [
      project("五棵树小学", "五棵树镇"),
      project("坦途第一小学", "坦途镇"),
      project("培智学校", "镇赉镇"),
    ];
    expect(names(pairProjects(prior, continuing))).toEqual([
      ["坦途第二小学", "坦途第一小学", "坦途镇", "renamed"],
      ["五棵树中心校", "五棵树小学", "五棵树镇", "renamed"],
      ["培智学校", "培智学校", "镇赉镇", "same"],
      ["大屯中学", undefined, "大屯镇", "notContinued"],
    ]);
  });

  it("matches names after trimming before any town, so a town match never takes a project another one names", () => {
    const prior = [project("二小", "甲镇")];
    const continuing = [project("一小", "甲镇"), project(" 二小 ", "甲镇")];
    expect(names(pairProjects(prior, continuing))).toEqual([
      ["二小", " 二小 ", "甲镇", "same"],
      [undefined, "一小", "甲镇", "notStarted"],
    ]);
  });

  it("pairs no two projects by town when either town is unknown", () => {
    expect(names(pairProjects([project("甲", undefined)], [project("乙", undefined)]))).toEqual([
      ["甲", undefined, undefined, "notContinued"],
      [undefined, "乙", undefined, "notStarted"],
    ]);
  });

  it("lists every project of both lists exactly once, each pair either with equal names or named different", () => {
    const towns = fc.constantFrom("甲镇", "乙镇", undefined);
    const list = fc.array(fc.record({ name: fc.constantFrom("一小", "二小", "三中", "四中"), town: towns }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(list, list, (prior, continuing) => {
        const pairs = pairProjects(prior, continuing);
        const priorSeen = pairs.flatMap((pair) => (pair.prior ? [pair.prior] : []));
        const continuingSeen = pairs.flatMap((pair) => (pair.continuing ? [pair.continuing] : []));
        expect(new Set(priorSeen).size).toBe(prior.length);
        expect(priorSeen).toHaveLength(prior.length);
        expect(new Set(continuingSeen).size).toBe(continuing.length);
        expect(continuingSeen).toHaveLength(continuing.length);
        for (const pair of pairs) {
          if (pair.prior && pair.continuing)
            expect(pair.result).toBe(
              pair.prior.name.trim() === pair.continuing.name.trim() ? "same" : "renamed",
            );
          else expect(pair.result).toBe(pair.prior ? "notContinued" : "notStarted");
        }
        const same = pairs.filter((pair) => pair.result === "same").length;
        const possible = ["一小", "二小", "三中", "四中"].reduce(
          (s, name) =>
            s +
            Math.min(
              prior.filter((p) => p.name === name).length,
              continuing.filter((p) => p.name === name).length,
            ),
          0,
        );
        expect(same).toBe(possible);
      }),
    );
  });
});
