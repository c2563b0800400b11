import fc from "fast-check";
import { districtSchema, type District } from "../../src/district/model";
import type { Problem } from "../../src/district/problems";
import { getSample } from "../../src/district/samples";
import { MAX_SCHOOLS, validateDistrict } from "../../src/district/validate";

/** A valid district changed by `change`, validated. */
function validateChanged(change: (district: District) => void, knownPacks?: readonly string[]) {
  const district = structuredClone(getSample("wuzhen"));
  change(district);
  return validateDistrict(district, { file: "district.json" }, knownPacks);
}
const only = (problems: Problem[], field: string) => problems.filter((problem) => problem.field === field);

describe("validateDistrict: schema problems", () => {
  it("rejects a negative count naming the field in Chinese and what it accepts", () => {
    const result = validateChanged((d) => {
      (d.schools[0] as { classes: number }).classes = -3;
    });
    expect(result.district).toBeUndefined();
    expect(only(result.problems, "schools[0].classes")).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "district.json",
        message: "班数:不能小于 0",
        accepts: "≥ 0",
      }),
    ]);
  });

  it("rejects a fractional count as not a whole number", () => {
    const result = validateChanged((d) => {
      (d.schools[2] as { grades: { g7: number } }).grades.g7 = 12.5;
    });
    expect(only(result.problems, "schools[2].grades.g7")[0]).toMatchObject({
      message: "七年级:必须是整数",
      messageEn: "Grade 7: must be a whole number",
    });
  });

  it("reports a missing required field as required", () => {
    const result = validateChanged((d) => {
      delete (d as Partial<District>).budgetYear;
    });
    expect(only(result.problems, "budgetYear")[0]).toMatchObject({
      message: "预算年度:缺少必填项",
      messageEn: "Budget year: is required",
    });
  });

  it("rejects an unknown school type listing the accepted ones", () => {
    const result = validateChanged((d) => {
      (d.schools[0] as { type: string }).type = "大学";
    });
    expect(only(result.problems, "schools[0].type")[0]?.accepts).toBe(
      "幼儿园/小学/初中/九年一贯制/完全中学/十二年一贯制/高中/职业学校/特教学校/教学点",
    );
  });

  it("rejects a school name longer than 80 characters", () => {
    const result = validateChanged((d) => {
      (d.schools[0] as { name: string }).name = "长".repeat(81);
    });
    expect(only(result.problems, "schools[0].name")[0]?.message).toBe("学校名称:不能超过 80 个字符");
  });

  it("rejects a value of the wrong type saying which type it accepts", () => {
    const result = validateChanged((d) => {
      (d.fiscal.current as unknown as { appropriation: string }).appropriation = "很多";
    });
    expect(only(result.problems, "fiscal.current.appropriation")[0]).toMatchObject({
      message: "本年 教育财政拨款(万元):应为数字",
      accepts: "数字",
    });
  });

  it("rejects fields the model does not know", () => {
    const result = validateChanged((d) => {
      (d as unknown as Record<string, unknown>).mayor = "x";
    });
    expect(result.problems[0]?.message).toContain("mayor");
  });
});

describe("validateDistrict: cross-field checks", () => {
  it("flags a school code used twice, at the second school", () => {
    const result = validateChanged((d) => {
      (d.schools[5] as { code: string }).code = d.schools[1]?.code ?? "";
    });
    expect(result.district).toBeUndefined();
    expect(only(result.problems, "schools[5].code")[0]?.message).toMatch(/重复.*第 2 所学校/);
  });

  it("flags merger sources and a staying school that are not school codes", () => {
    const result = validateChanged((d) => {
      const merger = d.mergers[1] as { sources: string[]; stayingSchool?: string };
      merger.sources = ["WZ12", "NOPE"];
      merger.stayingSchool = "GONE";
    });
    expect(result.problems.map((p) => [p.severity, p.field])).toEqual([
      ["error", "mergers[1].sources[1]"],
      ["error", "mergers[1].stayingSchool"],
    ]);
  });

  it("accepts a project on a new site with a warning", () => {
    const result = validateChanged((d) => {
      d.projects.push({
        name: "新高中",
        school: "城东新区",
        status: "新建",
        category: "教学楼",
        totalCost: 100,
        central: 0,
        provincial: 0,
        district: 100,
        town: 0,
        startYear: 2004,
        endYear: 2005,
        amountInYear: 50,
      });
    });
    expect(result.district).toBeDefined();
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "warning", field: "projects[0].school" }),
    ]);
  });

  it("flags a term end before the budget year and capacity entries that do not cover the term", () => {
    const early = validateChanged((d) => {
      (d as { termEndYear: number }).termEndYear = 2003;
    });
    expect(early.problems.map((p) => p.field)).toContain("termEndYear");
    const short = validateChanged((d) => {
      d.debts?.annualCapacity.pop();
    });
    expect(only(short.problems, "debts.annualCapacity")[0]?.message).toContain("2004–2007 共 4 年,实有 3 年");
  });

  it("gives a budget year that the capacity and the history both fit a year earlier as the one problem", () => {
    const late = validateChanged((d) => {
      (d as { budgetYear: number }).budgetYear = 2005;
    });
    expect(late.problems.map((p) => [p.severity, p.field, p.accepts])).toEqual([
      ["error", "budgetYear", "2004 (或按 2005 改填「偿还能力」「往年在校生」的年度)"],
    ]);
    expect(late.problems[0]?.message).toBe(
      "预算年度 2005 与偿还能力 (2004–2007)、往年在校生 (2001–2003) 的年度不符: 这些表都按预算年度 2004 填写; 请核对「预算年度」",
    );
  });

  it("gives any budget year up to the term end that the capacity and the history do not fit as one problem", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2007 }).filter((year) => year !== 2004),
        (year) => {
          const result = validateChanged((d) => {
            (d as { budgetYear: number }).budgetYear = year;
          });
          expect(result.problems.map((p) => [p.field, p.accepts?.slice(0, 4)])).toEqual([
            ["budgetYear", "2004"],
          ]);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("leaves the capacity and the history each to its own problem when they fit different budget years", () => {
    const result = validateChanged((d) => {
      d.debts?.annualCapacity.pop();
      for (const row of d.term?.history ?? []) (row as { year: number }).year -= 1;
    });
    expect(result.problems.map((p) => p.field)).toEqual(["debts.annualCapacity", "term.history"]);
  });

  it("gives no net migration or entrants row outside the plan years when the budget year is the problem", () => {
    const result = validateChanged((d) => {
      (d as { budgetYear: number }).budgetYear = 2007;
      d.term?.migration.push(
        { school: "WZ01", year: 2005, migrants: 3 },
        { school: "WZ02", year: 2006, migrants: -2 },
      );
      d.term?.entrants.push({ school: "WZ01", year: 2006, entrants: 200 });
    });
    expect(result.problems.map((p) => p.field)).toEqual(["budgetYear"]);
  });

  it("gives no net migration row outside the plan years when the last plan year is the problem", () => {
    const result = validateChanged((d) => {
      if (d.term) d.term.lastYear = 2002;
      d.term?.migration.push({ school: "WZ01", year: 2007, migrants: 3 });
      d.term?.entrants.push({ school: "WZ01", year: 2007, entrants: 200 });
    });
    expect(result.problems.map((p) => p.field)).toEqual(["term.lastYear"]);
  });

  it("still warns of a net migration row outside the plan years when the years agree", () => {
    const result = validateChanged((d) => {
      d.term?.migration.push({ school: "WZ01", year: 2009, migrants: 3 });
    });
    expect(result.problems.map((p) => [p.severity, p.field])).toEqual([
      ["warning", "term.migration[0].year"],
    ]);
  });

  it("errors when funding exceeds the total cost, warns when it falls short, errors when the end precedes the start", () => {
    const project = {
      name: "P",
      school: "WZ01",
      status: "新建" as const,
      category: "运动场" as const,
      totalCost: 100,
      central: 60,
      provincial: 30,
      district: 0,
      town: 0,
      startYear: 2004,
      endYear: 2004,
      amountInYear: 10,
    };
    const over = validateChanged((d) => void d.projects.push({ ...project, district: 20 }));
    expect(over.problems).toEqual([
      expect.objectContaining({ severity: "error", field: "projects[0].totalCost" }),
    ]);
    const under = validateChanged((d) => void d.projects.push(project));
    expect(under.problems).toEqual([
      expect.objectContaining({ severity: "warning", field: "projects[0].totalCost" }),
    ]);
    const exact = validateChanged((d) => void d.projects.push({ ...project, district: 10 }));
    expect(exact.problems).toEqual([]);
    const backwards = validateChanged(
      (d) => void d.projects.push({ ...project, district: 10, startYear: 2005 }),
    );
    expect(backwards.problems.map((p) => p.field)).toEqual(["projects[0].endYear"]);
  });

  it("flags dropouts above the enrollment they are a share of", () => {
    const result = validateChanged((d) => {
      const school = d.schools[0] as { prevDropouts: number; prevStartEnrollment: number };
      school.prevDropouts = school.prevStartEnrollment + 1;
    });
    expect(only(result.problems, "schools[0].prevDropouts")).toHaveLength(1);
  });

  it("flags boarders or special-needs students above the school's students", () => {
    const result = validateChanged((d) => {
      const school = d.schools[16] as { boarders: number; specialNeeds: number };
      school.boarders = 1000;
      school.specialNeeds = 1000;
    });
    expect(result.problems.map((p) => p.field)).toEqual(["schools[16].boarders", "schools[16].specialNeeds"]);
  });

  it("warns about students in a grade the school type does not teach", () => {
    const result = validateChanged((d) => {
      (d.schools[4] as { grades: { g10: number } }).grades.g10 = 30;
    });
    expect(result.district).toBeDefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        field: "schools[4].grades.g10",
        message: "「实验小学」是小学,但高一有 30 名学生",
      }),
    ]);
  });

  it("warns when a district has no schools at all", () => {
    const result = validateChanged((d) => void d.schools.splice(0));
    expect(result.problems.filter((p) => p.field === "schools")).toEqual([
      expect.objectContaining({ severity: "warning" }),
    ]);
  });

  it("flags a school with students but no classes", () => {
    const result = validateChanged((d) => {
      (d.schools[0] as { classes: number }).classes = 0;
    });
    expect(only(result.problems, "schools[0].classes")[0]?.severity).toBe("error");
  });

  it("flags an unknown policy pack, listing the known ones", () => {
    const result = validateChanged((d) => {
      (d as { policyPack: string }).policyPack = "mars-2099";
    });
    expect(only(result.problems, "policyPack")[0]).toMatchObject({
      severity: "error",
      accepts: "national/zhenlai-2012/wuzhen-2004/edu-default",
    });
    expect(
      validateChanged((d) => void ((d as { policyPack: string }).policyPack = "mars-2099"), ["mars-2099"])
        .problems,
    ).toEqual([]);
  });

  it("flags an 'of which' fiscal figure above its total", () => {
    const result = validateChanged((d) => {
      (d.fiscal.prior as { compulsoryStudents: number }).compulsoryStudents = d.fiscal.prior.students + 1;
    });
    expect(only(result.problems, "fiscal.prior.compulsoryStudents")[0]?.message).toMatch(
      /^上年 其中:义务教育在校学生数 \d+ 大于 上年 在校学生数/,
    );
  });

  it("never accepts a district whose problems include an error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 26 }), fc.integer({ min: -5, max: 5 }), (index, classes) => {
        const result = validateChanged((d) => {
          (d.schools[index] as { classes: number }).classes = classes;
        });
        const errors = result.problems.some((p) => p.severity === "error");
        expect(result.district === undefined).toBe(errors);
      }),
      { numRuns: 40 },
    );
  });
});

describe("validateDistrict: the supported size", () => {
  /** The wuzhen sample, its first school copied (with new codes) until it has `count` schools. */
  const withSchools = (count: number): District => {
    const district = structuredClone(getSample("wuzhen"));
    const school = district.schools[0];
    if (!school) throw new Error("the sample has schools");
    const copies = count - district.schools.length;
    district.schools.push(...Array.from({ length: copies }, (_, i) => ({ ...school, code: `G${i + 1}` })));
    return district;
  };

  afterEach(() => jest.restoreAllMocks());

  it("refuses 20,001 schools with one problem on the schools field naming the count and the limit, before the schema reads a school", () => {
    const input = withSchools(MAX_SCHOOLS + 1);
    const parse = jest.spyOn(districtSchema, "safeParse");
    const result = validateDistrict(input, { file: "district.json" });
    expect(MAX_SCHOOLS).toBe(20_000);
    expect(result.district).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "district.json",
        field: "schools",
        message: expect.stringContaining("20,001") as string,
        messageEn: "20,001 schools exceed the limit of 20,000: generate one workbook per district or town",
        accepts: "≤ 20,000",
      }),
    ]);
    expect(result.problems[0]?.message).toContain("20,000");
    expect(parse).not.toHaveBeenCalled();
  });

  it("passes exactly 20,000 schools on to the schema", () => {
    const input = withSchools(MAX_SCHOOLS);
    // The schema's answer for an empty object stands in for parsing 20,000 schools (slow, and judged elsewhere).
    const empty = districtSchema.safeParse({});
    const parse = jest.spyOn(districtSchema, "safeParse").mockReturnValue(empty);
    const result = validateDistrict(input, { file: "district.json" });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledWith(input);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.filter((p) => /20,000/.test(p.messageEn))).toEqual([]);
  });
});

describe("validateDistrict: names spreadsheets compare differently", () => {
  it("flags a town in full-width letters next to its half-width spelling, naming both", () => {
    const result = validateChanged((d) => {
      (d.schools[0] as { town: string }).town = "Town A";
      (d.schools[1] as { town: string }).town = "ＴＯＷＮ Ａ";
    });
    expect(result.district).toBeUndefined();
    expect(only(result.problems, "schools[1].town")).toEqual([
      expect.objectContaining({
        severity: "error",
        messageEn:
          '"ＴＯＷＮ Ａ" and "Town A" differ only in full-width letters, accents or similar forms, which spreadsheets compare differently: spell them the same',
        accepts: "Town A",
      }),
    ]);
  });

  it("flags a stated item that matches a kindergarten only up to accents, and accepts names differing in case alone", () => {
    const accented = validateChanged((d) => {
      const kindergarten = d.preschool.planned[0] as { name: string };
      kindergarten.name = "Cafe Kids";
      (d.statedCounts[1] as { items: string[] }).items[0] = "Café Kids";
    });
    expect(only(accented.problems, "statedCounts[1].items[0]")).toHaveLength(1);
    const cased = validateChanged((d) => {
      (d.schools[0] as { town: string }).town = "Town A";
      (d.schools[1] as { town: string }).town = "TOWN A";
      (d.schools[2] as { town: string }).town = "ｔｏｗｎ ｂ";
      (d.schools[3] as { town: string }).town = "ＴＯＷＮ Ｂ";
    });
    expect(cased.problems.filter((p) => /full-width/.test(p.messageEn))).toEqual([]);
    expect(cased.district).toBeDefined();
  });
});
