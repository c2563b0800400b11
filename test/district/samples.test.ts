import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { schoolStudents } from "../../src/district/grades";
import { SAMPLES, generateDistrict, getSample } from "../../src/district/samples";
import { validateDistrict } from "../../src/district/validate";
import { itWithShared } from "../support/shared";

const quotes = (source: string) => [...source.matchAll(/「([^」]+)」/g)].map((match) => match[1] as string);

describe("built-in samples", () => {
  it.each(SAMPLES.map((sample) => sample.id))("validates the %s sample with no errors", (id) => {
    const sample = SAMPLES.find((candidate) => candidate.id === id);
    const result = validateDistrict(sample?.district, { file: id });
    expect(result.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(getSample(id).schools.length).toBeGreaterThanOrEqual(20);
    expect(getSample(id).schools.length).toBeLessThanOrEqual(40);
  });

  it("hands out a fresh copy, so a caller's change does not leak into the next caller", () => {
    const first = getSample("zhenlai");
    (first.schools[0] as { name: string }).name = "改过的名字";
    expect(getSample("zhenlai").schools[0]?.name).toBe("实验小学");
  });

  it("rejects an unknown sample id naming the ones it knows", () => {
    expect(() => getSample("nowhere")).toThrow(/zhenlai, wuzhen/);
  });

  itWithShared("quotes the speech verbatim in every stated count's source", (shared) => {
    const speech = readFileSync(join(shared, "seed", "speech.txt"), "utf8");
    for (const sample of SAMPLES)
      for (const count of getSample(sample.id).statedCounts)
        for (const quote of quotes(count.source)) expect(speech).toContain(quote);
  });

  it("says in each note that the figures the speech does not give are invented", () => {
    for (const sample of SAMPLES) expect(getSample(sample.id).note).toMatch(/虚构/);
  });
});

describe("the zhenlai sample (speech 一)", () => {
  const zhenlai = getSample("zhenlai");
  const NEW = [
    "莫莫格中学教学楼",
    "嘎什根中学教学楼",
    "黑鱼泡小学教学楼",
    "镇赉区第二幼儿园",
    "大屯中心园",
    "嘎什根教师周转房",
    "丹岱中学教师周转房",
  ];

  it("has exactly the 7 new projects named in the speech, in its order, and the 3 continuing ones", () => {
    expect(zhenlai.projects.filter((p) => p.status === "新建").map((p) => p.name)).toEqual(NEW);
    expect(zhenlai.projects.filter((p) => p.status === "续建").map((p) => p.name)).toEqual([
      "五棵树小学",
      "坦途第一小学",
      "培智学校",
    ]);
    const categories = zhenlai.projects.filter((p) => p.status === "新建").map((p) => p.category);
    expect(categories.filter((c) => c === "教学楼")).toHaveLength(3);
    expect(categories.filter((c) => c === "幼儿园")).toHaveLength(2);
    expect(categories.filter((c) => c === "周转房")).toHaveLength(2);
  });

  it("states 「开工建设7个项目」 with the seven names", () => {
    const count = zhenlai.statedCounts.find((c) => c.label === "开工建设7个项目");
    expect(count?.stated).toBe(7);
    expect(count?.items).toEqual(NEW);
  });

  it("has rural junior schools above the 3 % dropout line and one primary school with a dropout", () => {
    const rate = (s: (typeof zhenlai.schools)[number]) => s.prevDropouts / s.prevStartEnrollment;
    const ruralJuniorOver = zhenlai.schools.filter(
      (s) => s.area === "农村" && s.type === "初中" && rate(s) > 0.03,
    );
    expect(ruralJuniorOver.length).toBeGreaterThanOrEqual(2);
    expect(zhenlai.schools.filter((s) => s.type === "小学" && s.prevDropouts > 0)).toHaveLength(1);
  });

  it("uses the zhenlai-2012 pack in the central/western region and agrees with its schools' student count", () => {
    expect([zhenlai.policyPack, zhenlai.region]).toEqual(["zhenlai-2012", "中西部"]);
    expect(zhenlai.fiscal.current.students).toBe(
      zhenlai.schools.reduce((sum, s) => sum + schoolStudents(s), 0),
    );
  });
});

describe("the wuzhen sample (speech 二)", () => {
  const wuzhen = getSample("wuzhen");

  it("keeps the debt steps exactly as the speech gives them, summing to 13660.04 against a stated 13644.78", () => {
    const debts = wuzhen.debts;
    expect(debts?.items.map((item) => [item.step, item.amount])).toEqual([
      [1, 1512.88],
      [2, 480],
      [3, 3344.29],
      [3, 1576.59],
      [4, 6746.28],
    ]);
    const sum = debts?.items.reduce((total, item) => total + item.amount, 0) ?? 0;
    expect(sum).toBeCloseTo(13660.04, 6);
    expect(debts?.statedTotal).toBe(13644.78);
    expect(sum - (debts?.statedTotal ?? 0)).toBeCloseTo(15.26, 6);
  });

  it("has one annual repayment capacity per year to the term end, enough to clear the steps", () => {
    const capacity = wuzhen.debts?.annualCapacity ?? [];
    expect(capacity).toHaveLength(wuzhen.termEndYear - wuzhen.budgetYear + 1);
    expect(capacity.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(13660.04);
  });

  it("models the 海阳 merger chain: 海阳中学 to the 第五中学 site, then 鲤泮庄小学 + 海阳小学 to 海阳镇中", () => {
    const nameOf = (code: string) => wuzhen.schools.find((s) => s.code === code)?.name;
    const [first, second] = wuzhen.mergers;
    expect(first?.sources.map(nameOf)).toEqual(["海阳中学"]);
    expect(first?.site).toBe("第五中学现址");
    expect(nameOf(first?.stayingSchool ?? "")).toBe("第五中学");
    expect(second?.sources.map(nameOf).sort()).toEqual(["海阳小学", "鲤泮庄小学"].sort());
    expect(second?.site).toBe("海阳镇中现址");
    expect(second?.year).toBeGreaterThan(first?.year ?? Infinity);
    expect(second?.siteSchool).toBe("WZ11");
  });

  it("plans 1 示范 + 3 镇中心 + 7 民办 kindergartens, stated as 11, with places needed for the 90 % target", () => {
    const kinds = wuzhen.preschool.planned.map((k) => k.kind);
    expect([
      kinds.filter((k) => k === "示范幼儿园").length,
      kinds.filter((k) => k === "镇中心幼儿园").length,
      kinds.filter((k) => k === "民办幼儿园").length,
    ]).toEqual([1, 3, 7]);
    const stated = wuzhen.statedCounts.find((c) => c.stated === 11);
    expect(stated?.items).toHaveLength(11);
    expect(wuzhen.preschool.enrolled).toBeLessThan(0.9 * wuzhen.preschool.population3to5);
  });

  it("states 「四个确保」 as 4 while listing 5 items", () => {
    const count = wuzhen.statedCounts.find((c) => c.label === "四个确保");
    expect(count?.stated).toBe(4);
    expect(count?.items).toHaveLength(5);
  });

  it("has fewer than 80 % standardized schools and rural schools in remoteness tiers", () => {
    const share = wuzhen.schools.filter((s) => s.standardized).length / wuzhen.schools.length;
    expect(share).toBeLessThan(0.8);
    expect(new Set(wuzhen.schools.filter((s) => s.area === "农村").map((s) => s.remotenessTier))).toEqual(
      new Set([2, 3]),
    );
    expect(wuzhen.policyPack).toBe("wuzhen-2004");
  });
});

describe("generateDistrict", () => {
  it("always generates a district that validates with no errors", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), (seed, size) => {
        const result = validateDistrict(generateDistrict(seed, size), { file: "generated" });
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(result.district?.schools).toHaveLength(size);
      }),
      { numRuns: 60 },
    );
  });

  it("is deterministic: the same seed and size give the same district", () => {
    expect(generateDistrict(42, 25)).toEqual(generateDistrict(42, 25));
    expect(generateDistrict(42, 25)).not.toEqual(generateDistrict(43, 25));
  });

  it("generates 5,000 valid schools for the bench", () => {
    const result = validateDistrict(generateDistrict(7, 5000), { file: "bench" });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
