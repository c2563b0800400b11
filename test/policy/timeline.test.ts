import fc from "fast-check";
import { getSample } from "../../src/district/samples";
import { nutritionCost } from "../../src/domain/allowance";
import type { District } from "../../src/district/model";
import {
  entryInForce,
  getTimeline,
  NATIONAL_TIMELINE,
  packForYear,
  policyName,
  POLICY_KEYS,
  resolvePack,
  WUZHEN_2004,
  ZHENLAI_2012,
  type PolicyEntry,
  type PolicyKey,
  type PolicyOrigin,
  type PolicyTimeline,
  type PolicyTimelinePack,
} from "../../src/policy";
import { RuleError } from "../../src/domain/errors";
import { expectPlanComputes } from "../support/hyperformula";
import { fixtureWith } from "../plan/fixtures";
import { column, columnCells, labelled, planCell, sheetByKey } from "../plan/planHelpers";
import { context, planOf } from "../plan/sheets/helpers";

/** The fixture district (中西部) in another budget year, with the national rules in force in that year. */
function builtFor(year: number, sheets: readonly ("publicFunds" | "preschool" | "staffing")[] = []) {
  const district: District = fixtureWith((input) => ({
    ...input,
    budgetYear: year,
    termEndYear: year + 3,
    nutritionPlan: true,
    policyPack: "national",
  }));
  const built = context(district, packForYear("national", year));
  const plan = planOf(
    built,
    sheets.map((key) => built.sheet(key)),
  );
  return { district, plan, loaded: expectPlanComputes(plan) };
}

/** The value on 参数 (the workbook name) and its row's start year, origin and status. */
function onParameters(built: ReturnType<typeof builtFor>, key: PolicyKey) {
  const row = POLICY_KEYS.indexOf(key);
  const cell = (header: string) => column(built.plan, built.loaded, "tblParameters", header)[row];
  return {
    value: built.loaded.hf.getNamedExpressionValue(policyName(key)),
    fromYear: cell("起始年份"),
    origin: cell("类别"),
    status: String(cell("本年度适用情况")),
  };
}

const publicFunds = (built: ReturnType<typeof builtFor>) =>
  column(built.plan, built.loaded, "tblPublicFunds", "公用经费(元)").map(Number);

describe("the national rules in force in a budget year (policies.md §4)", () => {
  it.each([
    [2008, 0, null],
    [2009, 300, 2009],
    // 2010: the central/west row of the §4.6 table (Sichuan's base before the 2011 raise).
    [2010, 400, 2010],
    [2011, 500, 2011],
    [2013, 560, 2013],
    [2014, 600, 2014],
    [2016, 600, 2016],
    [2020, 600, 2016],
    [2021, 650, 2021],
  ])(
    "in %i funds a 中西部 primary school of 600 pupils at %i 元 each (baseline from %s)",
    (year, norm, from) => {
      const built = builtFor(year, ["publicFunds"]);
      const shown = onParameters(built, "public_funds.central_west.primary");
      expect(shown.value).toBe(norm);
      expect(shown.fromYear).toBe(from ?? null);
      expect(publicFunds(built)[0]).toBe(600 * norm);
      if (from === null) expect(shown.status).toContain("2008年未施行");
    },
  );

  it.each([
    [2015, 800, 4000, 0],
    [2016, 800, 6000, 200],
  ])(
    "in %i funds a junior school at %i, special-needs pupils at %i and adds %i per boarder",
    (year, junior, special, boarder) => {
      const built = builtFor(year, ["publicFunds"]);
      expect(onParameters(built, "public_funds.special").value).toBe(special);
      expect(onParameters(built, "public_funds.boarder").value).toBe(boarder);
      // 河口中学: 450 junior students, 3 special-needs, 120 boarders.
      expect(publicFunds(built)[1]).toBe(447 * junior + 3 * special + 120 * boarder);
    },
  );

  it("says the boarder supplement is not in force before 2016 and gives it no start year on 参数", () => {
    const shown = onParameters(builtFor(2015), "public_funds.boarder");
    expect(shown).toMatchObject({ value: 0, fromYear: null, origin: "国家" });
    expect(shown.status).toContain("2016年起施行");
  });

  it.each([
    [2015, 12],
    [2016, 100],
  ])(
    "in %i counts a rural teaching point of 12 pupils as %i (the 100-pupil floor from 2016)",
    (year, counted) => {
      const built = builtFor(year, ["publicFunds"]);
      expect(onParameters(built, "public_funds.small_school_floor").value).toBe(counted === 12 ? 0 : 100);
      expect(column(built.plan, built.loaded, "tblPublicFunds", "核定人数")[3]).toBe(counted);
    },
  );

  it.each([
    [2013, "staff_ratio.primary.rural", 23, 2001],
    [2014, "staff_ratio.primary.rural", 19, 2014],
    [2013, "staff_ratio.junior.town", 16, 2001],
    [2014, "staff_ratio.junior.town", 13.5, 2014],
    [2013, "staff_ratio.senior.rural", 13.5, 2001],
    [2014, "staff_ratio.senior.rural", 12.5, 2014],
    [2013, "staff_ratio.primary", 19, 2001],
  ] as const)(
    "in %i gives %s 1:%s on 参数 (the 2001 table until the 2014 unification)",
    (year, key, ratio, from) => {
      const shown = onParameters(builtFor(year), key);
      expect(shown).toMatchObject({ value: ratio, fromYear: from, origin: "国家" });
    },
  );

  it.each([
    [2011, "balance.basic.primary", 2012],
    [2016, "balance.quality.primary", 2017],
    [2016, "balance.quality.junior", 2017],
  ] as const)("in %i marks %s as not in force (it starts in %i)", (year, key, from) => {
    const shown = onParameters(builtFor(year), key);
    expect(shown.fromYear).toBeNull();
    expect(shown.status).toBe(`${year}年未施行(${from}年起施行); 此值仅供参考, 依据此值的检查不适用`);
  });

  it.each([
    [2012, "balance.basic.primary", 0.65, 2012],
    [2017, "balance.quality.primary", 0.5, 2017],
    [2017, "balance.quality.junior", 0.45, 2017],
  ] as const)("in %i holds %s at %s from %i", (year, key, limit, from) => {
    const shown = onParameters(builtFor(year), key);
    expect(shown).toMatchObject({ value: limit, fromYear: from, status: "现行" });
  });

  it.each([
    [2009, 0],
    [2010, 0.7],
    [2016, 0.7],
    [2017, 0.85],
    [2020, 0.85],
    [2021, 0.9],
  ])("in %i sets the preschool target at %s on 参数 and on 学前", (year, target) => {
    const built = builtFor(year, ["preschool"]);
    expect(onParameters(built, "preschool.target_rate").value).toBe(target);
    expect(built.loaded.valueAt("学前", labelled(sheetByKey(built.plan, "preschool"), "目标入园率"))).toBe(
      target,
    );
  });

  it.each([
    [2010, 0],
    [2011, 3],
    [2013, 3],
    [2014, 4],
    [2020, 4],
    [2021, 5],
  ])("in %i pays the nutrition plan %i 元 per pupil and day", (year, perDay) => {
    const built = builtFor(year);
    expect(onParameters(built, "nutrition.yuan_per_day").value).toBe(perDay);
    const sheet = sheetByKey(built.plan, "schools");
    const students = Number(built.loaded.valueAt("学校", labelled(sheet, "农村义务教育学生数")));
    expect(built.loaded.valueAt("学校", labelled(sheet, "营养改善计划经费(元)"))).toBe(
      nutritionCost(students, perDay, year < 2011 ? 0 : 200),
    );
  });

  it.each([
    [2012, 0],
    [2013, 400],
  ])("in %i holds the rural teacher allowance at %i 元 a month (national from 2013)", (year, rate) => {
    expect(onParameters(builtFor(year), "allowance.monthly_rate").value).toBe(rate);
  });

  it.each([
    [2014, [0, 0, 0]],
    [2015, [200, 300, 400]],
  ])("in %i pays the remoteness tiers %j a month on 教职工", (year, rates) => {
    const built = builtFor(year, ["staffing"]);
    const tiers = column(built.plan, built.loaded, "tblAllowance", "偏远等级").map(Number);
    const paid = column(built.plan, built.loaded, "tblAllowance", "月标准(元/人)").map(Number);
    tiers.forEach((tier, i) => {
      if (tier >= 1 && tier <= 3) expect(paid[i]).toBe(rates[tier - 1]);
    });
    expect(tiers.some((tier) => tier >= 1 && tier <= 3)).toBe(true);
  });
});

describe("参数 for a budget year", () => {
  /** Start year and status of every row of 参数, read from the plan. */
  function rows(district: District, year: number) {
    const pack = packForYear(district.policyPack, year);
    const built = context(
      { ...district, budgetYear: year, termEndYear: Math.max(year, district.termEndYear) },
      pack,
    );
    const plan = planOf(built, []);
    const sheet = sheetByKey(plan, "parameters");
    const at = (header: string) =>
      columnCells(plan, "tblParameters", header).cells.map((c) => planCell(sheet, c));
    const starts = at("起始年份");
    const statuses = at("本年度适用情况");
    return starts.map((start, i) => ({ start: start?.v, status: statuses[i]?.v, key: POLICY_KEYS[i] }));
  }

  it("shows no value with a start year after the budget year unless it is marked as the user's choice", () => {
    const samples = [getSample("zhenlai"), getSample("wuzhen")];
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2030 }), fc.constantFrom(...samples), (year, district) => {
        for (const row of rows(district, year)) {
          if (typeof row.start === "number" && row.start > year)
            expect([row.key, row.status]).toEqual([row.key, expect.stringMatching(/^用户选择提前适用/)]);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("marks the 2016 boarder supplement in the 2012 sample as used before its start by the user's choice", () => {
    const value = ZHENLAI_2012.values["public_funds.boarder"];
    expect(value).toMatchObject({ value: 200, fromYear: 2016, status: "beforeStart", origin: "national" });
    expect(WUZHEN_2004.values["public_funds.central_west.primary"]).toMatchObject({
      value: 300,
      fromYear: 2009,
      status: "beforeStart",
    });
  });

  it("shows the speeches' local values as local, and the national one in a year before the local one starts", () => {
    expect(ZHENLAI_2012.values["dropout.primary"]).toMatchObject({
      value: 0,
      origin: "local",
      status: "inForce",
    });
    expect(WUZHEN_2004.values["allowance.start_month"]).toMatchObject({ value: 9, origin: "local" });
    expect(packForYear("wuzhen-2004", 2003).values["allowance.start_month"]).toMatchObject({
      value: 1,
      origin: "national",
    });
  });
});

describe("resolvePack", () => {
  const ORIGINS: readonly PolicyOrigin[] = ["national", "local", "user"];
  /** A timeline of entries with distinct start years, some stopped. */
  const timeline = fc
    .uniqueArray(fc.integer({ min: 1990, max: 2035 }), { minLength: 1, maxLength: 6 })
    .chain((starts) =>
      fc.tuple(
        ...starts.map((fromYear) =>
          fc.record({
            value: fc.integer({ min: 0, max: 10_000 }),
            fromYear: fc.constant(fromYear),
            until: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
            origin: fc.constantFrom(...ORIGINS),
          }),
        ),
      ),
    )
    .map((entries): PolicyTimeline => ({
      unit: "元",
      labelZh: "测试",
      labelEn: "Test",
      entries: entries.map(({ value, fromYear, until, origin }): PolicyEntry => ({
        value,
        fromYear,
        origin,
        source: `${value}`,
        ...(until === undefined ? {} : { untilYear: fromYear + until }),
      })),
    }));

  const packWith = (key: PolicyKey, line: PolicyTimeline, chosen: boolean): PolicyTimelinePack => ({
    ...NATIONAL_TIMELINE,
    values: { ...NATIONAL_TIMELINE.values, [key]: line },
    applyBeforeStart: chosen ? [key] : [],
  });

  it("gives for any timeline and year the latest entry with from ≤ year < until", () => {
    fc.assert(
      fc.property(
        timeline,
        fc.integer({ min: 1985, max: 2040 }),
        fc.constantFrom(...POLICY_KEYS),
        fc.boolean(),
        (line, year, key, chosen) => {
          const got = resolvePack(packWith(key, line, chosen), year).values[key];
          const inForce = line.entries.filter(
            (e) => e.fromYear <= year && (e.untilYear === undefined || year < e.untilYear),
          );
          const latest = inForce.sort((a, b) => b.fromYear - a.fromYear)[0];
          if (latest) {
            expect(got).toMatchObject({ value: latest.value, fromYear: latest.fromYear, status: "inForce" });
            expect(got.origin).toBe(latest.origin);
            return;
          }
          const later = line.entries
            .filter((e) => e.fromYear > year)
            .sort((a, b) => a.fromYear - b.fromYear)[0];
          expect(got.status).toBe(chosen && later ? "beforeStart" : "notInForce");
          if (chosen && later) expect(got).toMatchObject({ value: later.value, fromYear: later.fromYear });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("prefers the local value to the national one that starts in the same year", () => {
    const line: PolicyTimeline = {
      unit: "比率",
      labelZh: "x",
      labelEn: "x",
      entries: [
        { value: 0.01, fromYear: 2012, origin: "national", source: "n" },
        { value: 0, fromYear: 2012, origin: "local", source: "l" },
      ],
    };
    expect(entryInForce(line, 2012)?.origin).toBe("local");
  });

  it("uses the rule's not-in-force value before every entry unless the user chose to apply it early", () => {
    const floor = getTimeline("national").values["public_funds.small_school_floor"];
    expect(resolvePack(NATIONAL_TIMELINE, 2015).values["public_funds.small_school_floor"]).toMatchObject({
      value: 0,
      status: "notInForce",
      source: floor.notInForce?.note,
    });
    expect(
      resolvePack(NATIONAL_TIMELINE, 2015, { applyBeforeStart: ["public_funds.small_school_floor"] }).values[
        "public_funds.small_school_floor"
      ],
    ).toMatchObject({ value: 100, fromYear: 2016, status: "beforeStart" });
  });

  it("rejects a year that is not a whole year from 1949 to 2100, naming the argument", () => {
    expect(() => resolvePack(NATIONAL_TIMELINE, 2012.5)).toThrow(RuleError);
    expect(() => resolvePack(NATIONAL_TIMELINE, 3000)).toThrow(/year: a whole year from 1949 to 2100/);
  });

  it("keeps every national timeline ordered, each replaced entry stopping where the next starts", () => {
    for (const key of POLICY_KEYS) {
      const entries = NATIONAL_TIMELINE.values[key].entries;
      entries.forEach((entry, i) => {
        const next = entries[i + 1];
        expect([key, entry.untilYear]).toEqual([key, next?.fromYear]);
        expect(entry.origin).toBe("national");
      });
    }
  });

  it("carries a target's due year, a key's notSet and a local item id from the entry in force", () => {
    const of2017 = resolvePack(NATIONAL_TIMELINE, 2017).values["preschool.target_rate"];
    expect([of2017.value, of2017.dueYear]).toEqual([0.85, undefined]);
    const of2021 = resolvePack(NATIONAL_TIMELINE, 2021).values["preschool.target_rate"];
    expect([of2021.value, of2021.dueYear]).toEqual([0.9, 2025]);
    expect(resolvePack(NATIONAL_TIMELINE, 2004).values["merger.deadline_years"].notSet).toBe(true);
    const wuzhen = packForYear("wuzhen-2004", 2004).values["merger.deadline_years"];
    expect([wuzhen.value, wuzhen.notSet, wuzhen.ref, wuzhen.origin]).toEqual([
      3,
      undefined,
      "S2-03.5",
      "local",
    ]);
  });
});

describe("参数 names the year of its rules", () => {
  it("states the rules' year, and warns when it is not the budget year", () => {
    const top = (year: number, packYear: number) => {
      const district = fixtureWith((input) => ({ ...input, budgetYear: year, termEndYear: year + 3 }));
      const plan = planOf(context(district, packForYear("national", packYear)), []);
      return sheetByKey(plan, "parameters")
        .blocks.flatMap((b) => b.cells.flat())
        .map((c) => c?.v);
    };
    expect(top(2016, 2016)).toEqual(expect.arrayContaining(["适用年度 Rules of year", 2016]));
    expect(top(2016, 2016)).not.toContain("注意 Note");
    expect(top(2016, 2012)).toEqual(
      expect.arrayContaining(["注意 Note", "政策参数按2012年施行的标准, 与预算年度2016年不同"]),
    );
  });
});
