/** A small district with term inputs: two junior schools, hand-checkable projections. */
import type { DistrictInput } from "../../src/district/model";
import { FIXTURE_INPUT } from "./sheets/helpers";

/** Two junior schools (3 grades), budget year 2024, two past years, plan years 2024–2026. */
export const TERM_INPUT: DistrictInput = {
  ...FIXTURE_INPUT,
  budgetYear: 2024,
  policyPack: "national",
  termEndYear: 2026,
  schools: [
    {
      code: "J1",
      name: "第一中学",
      town: "城关镇",
      type: "初中",
      area: "县镇",
      grades: { g7: 120, g8: 105, g9: 95 },
      classes: 8,
      classrooms: 9,
      staff: 30,
    },
    {
      code: "J2",
      name: "第二中学",
      town: "城关镇",
      type: "初中",
      area: "农村",
      grades: { g7: 40, g8: 38, g9: 35 },
      classes: 3,
      classrooms: 4,
      staff: 12,
    },
  ],
  projects: [
    {
      name: "一中教学楼",
      school: "J1",
      status: "续建",
      category: "教学楼",
      totalCost: 900,
      district: 900,
      startYear: 2023,
      endYear: 2026,
      amountInYear: 300,
    },
  ],
  debts: undefined,
  mergers: [],
  preschool: { population3to5: 0, enrolled: 0 },
  statedCounts: [],
  term: {
    revenueGrowth: 0.05,
    history: [
      { school: "J1", year: 2022, grades: { g7: 100, g8: 90, g9: 80 } },
      { school: "J1", year: 2023, grades: { g7: 110, g8: 98, g9: 88 } },
      { school: "J2", year: 2022, grades: { g7: 44, g8: 41, g9: 38 } },
      { school: "J2", year: 2023, grades: { g7: 42, g8: 40, g9: 37 } },
    ],
    // Births of 2010–2014: the cohorts entering grade 7 (age 12) in 2022–2026.
    births: [
      { year: 2010, births: 1000 },
      { year: 2011, births: 1100 },
      { year: 2012, births: 1200 },
      { year: 2013, births: 1300 },
      { year: 2014, births: 1250 },
    ],
    entrants: [
      { school: "J2", year: 2025, entrants: 10 },
      { school: "J2", year: 2026, entrants: 10 },
    ],
  },
};

/** The fixture with the J2 → J1 merger in a given year. */
export function withMerger(year: number): DistrictInput {
  return {
    ...TERM_INPUT,
    mergers: [
      {
        name: "二中并入一中",
        year,
        level: "junior",
        sources: ["J2"],
        site: "第一中学现址",
        stayingSchool: "J1",
      },
    ],
  };
}

/**
 * The fixture with pay standards, a second project starting in 2025 and a debt the term does not repay: a per-year
 * budget whose growths pass in 2025 and fail in 2026. 缴费基数 50,000 元; 500 万元 owed, 100 + 150 + 100 repaid.
 */
export const TERM_BUDGET_INPUT: DistrictInput = {
  ...TERM_INPUT,
  personnel: { basicPay: 40000, allowances: 10000, performancePay: 0, bureauStaff: 0 },
  projects: [
    ...(TERM_INPUT.projects ?? []),
    {
      name: "二中宿舍",
      school: "J2",
      status: "新建",
      category: "食堂宿舍",
      totalCost: 1000,
      district: 1000,
      startYear: 2025,
      endYear: 2026,
      amountInYear: 0,
    },
  ],
  debts: {
    statedTotal: 500,
    items: [
      { item: "校舍维修欠款", category: "基建", amount: 300, step: 1 },
      { item: "各校欠款", category: "学校", amount: 200, step: 2 },
    ],
    annualCapacity: [100, 150, 100],
  },
};

/**
 * The fixture with net migration: 10 into 第一中学's grade 8 in 2025, 6 out of the school in 2026 (2 from each grade),
 * 20 out of 第二中学's grade 7 in 2025 (more than its entered intake of 10).
 */
export const TERM_MIGRATION_INPUT: DistrictInput = {
  ...TERM_INPUT,
  term: {
    ...TERM_INPUT.term,
    migration: [
      { school: "J1", year: 2025, grade: "g8", migrants: 10 },
      { school: "J1", year: 2026, migrants: -6 },
      { school: "J2", year: 2025, grade: "g7", migrants: -20 },
    ],
  },
};
