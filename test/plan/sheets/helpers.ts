/**
 * Builds what the sheets under test need: a BuildContext over a district with 参数 and 学校 already built, and a
 * WorkbookPlan of those sheets plus the ones under test, for HyperFormula.
 */
import {
  districtSchema,
  type District,
  type DistrictInput,
  type SchoolType,
} from "../../../src/district/model";
import { startPlan, type PlanRun } from "../../../src/plan/build";
import type { BuildContext } from "../../../src/plan/context";
import type { SheetOutput } from "../../../src/plan/sheets";
import type { LoadedPlan } from "../../support/hyperformula";
import { STYLES } from "../../../src/plan/styles";
import { validatePlan } from "../../../src/plan/validate";
import type { SheetKey, SheetPlan, WorkbookPlan } from "../../../src/plan/types";
import { getPack, type PolicyPack } from "../../../src/policy";

export interface Built {
  readonly ctx: BuildContext;
  readonly base: SheetPlan[];
  /** Builds a sheet the way the plan builder does (its needs must be built), keeping what it hands on. */
  sheet(key: SheetKey): SheetPlan;
  /** What a built sheet handed on. */
  output<K extends SheetKey>(key: K): SheetOutput<K>;
}

/**
 * 参数 and 学校 built by their own builders, and a context over them as the plan builder makes it: a plan of the
 * required sheets, to which a test adds the sheets under test one by one (a sheet that reads one not added gets
 * undefined, as in a plan without it).
 */
export function context(district: District, pack: PolicyPack = getPack(district.policyPack)): Built {
  const options = { generatedAt: "2026-01-01T00:00:00Z", generator: "test", sheets: [] };
  const run: PlanRun = startPlan(district, pack, options);
  const base = [run.build("parameters"), run.build("schools")];
  return { ctx: run.context, base, sheet: (key) => run.build(key), output: (key) => run.output(key) };
}

/** The plan of 参数, 学校 and the sheets under test; it must pass validatePlan. */
export function planOf(built: Built, sheets: readonly SheetPlan[]): WorkbookPlan {
  const plan: WorkbookPlan = {
    sheets: [...built.base, ...sheets],
    names: built.ctx.names,
    styles: STYLES,
    checks: built.ctx.checks,
    properties: {
      title: "test",
      district: built.ctx.district.name,
      budgetYear: built.ctx.district.budgetYear,
      policyPack: built.ctx.pack.id,
      generator: "test",
    },
  };
  expect(validatePlan(plan)).toEqual([]);
  return plan;
}

/**
 * 均衡 布局调整 基建 学前 债务 in build order (after the `before` sheets, e.g. 公用经费), then 汇总: the plan of
 * this suite's sheets on top of 参数 and 学校.
 */
export function suitePlan(district: District, before: readonly SheetKey[] = []) {
  const built = context(district);
  const sheets = [...before, "balance", "mergers", "projects", "preschool", "debt"].map((key) =>
    built.sheet(key as SheetKey),
  );
  const summary = built.sheet("summary");
  return { ctx: built.ctx, built, summary, plan: planOf(built, [...sheets, summary]) };
}

export function sheetNamed(plan: WorkbookPlan, key: SheetKey): SheetPlan {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

/** The cell at an address of a built sheet (searching its blocks). */
export function cellAt(sheet: SheetPlan, address: string): { f?: string; v: unknown } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(address);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  for (const block of sheet.blocks) {
    const a = /^([A-Z]+)(\d+)$/.exec(block.anchor) as RegExpExecArray;
    const c0 = [...(a[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r0 = Number(a[2]) - 1;
    const line = block.cells[row - r0];
    if (line && col - c0 >= 0 && col - c0 < line.length) {
      const cell = line[col - c0];
      if (cell !== undefined) return cell as { f?: string; v: unknown } | null;
    }
  }
  return null;
}

const school = (
  code: string,
  type: SchoolType,
  grades: Record<string, number>,
  extra: Record<string, number> = {},
) => ({
  code,
  name: `${code}学校`,
  town: "城关镇",
  type,
  area: "农村" as const,
  grades,
  classes: 6,
  classrooms: 8,
  staff: 20,
  staffAboveQualification: 10,
  staffMidTitle: 8,
  teachingArea: 1500,
  sportsArea: 3000,
  equipmentValue: 400000,
  books: 5000,
  computers: 30,
  ...extra,
});

/** A small district touching every sheet of this suite. */
export const FIXTURE_INPUT: DistrictInput = {
  name: "测试区",
  budgetYear: 2026,
  region: "中西部",
  termEndYear: 2029,
  policyPack: "wuzhen-2004",
  fiscal: {
    prior: {
      appropriation: 10000,
      compulsoryAppropriation: 7000,
      recurringRevenue: 50000,
      staffPay: 6000,
      staffHeadcount: 800,
      publicFunds: 900,
      compulsoryPublicFunds: 700,
      students: 12000,
      compulsoryStudents: 10000,
    },
    current: {
      appropriation: 11000,
      compulsoryAppropriation: 7600,
      recurringRevenue: 52000,
      staffPay: 6400,
      staffHeadcount: 810,
      publicFunds: 950,
      compulsoryPublicFunds: 740,
      students: 12100,
      compulsoryStudents: 10100,
    },
  },
  schools: [
    school("P01", "小学", { g1: 50, g2: 48, g3: 47, g4: 45, g5: 44, g6: 40 }, { books: 9000, computers: 40 }),
    school("P02", "小学", { g1: 20, g2: 22, g3: 19, g4: 25, g5: 21, g6: 23 }, { books: 2000, staff: 12 }),
    school("P03", "教学点", { g1: 6, g2: 5, g3: 4 }, { books: 300, computers: 2, staff: 3, classrooms: 3 }),
    school("N01", "九年一贯制", { g1: 30, g2: 31, g3: 32, g4: 29, g5: 28, g6: 30, g7: 55, g8: 52, g9: 50 }),
    school("J01", "初中", { g7: 120, g8: 118, g9: 110 }, { classrooms: 12, books: 15000, staff: 40 }),
    school("J02", "初中", { g7: 40, g8: 38, g9: 35 }, { classrooms: 6, books: 3000, computers: 10 }),
    school("K01", "幼儿园", { k1: 50, k2: 60, k3: 70 }),
  ],
  projects: [
    {
      name: "一中教学楼",
      school: "J01",
      status: "新建",
      category: "教学楼",
      totalCost: 800,
      central: 300,
      provincial: 200,
      district: 300,
      startYear: 2026,
      endYear: 2027,
      amountInYear: 400,
    },
    {
      name: "二小周转房",
      school: "P02",
      status: "新建",
      category: "周转房",
      totalCost: 120,
      central: 60,
      district: 50,
      startYear: 2026,
      endYear: 2026,
      amountInYear: 120,
    },
    {
      name: "中心幼儿园",
      school: "K01",
      status: "续建",
      category: "幼儿园",
      totalCost: 300,
      provincial: 100,
      district: 150,
      town: 50,
      startYear: 2025,
      endYear: 2026,
      amountInYear: 150,
    },
  ],
  debts: {
    statedTotal: 13644.78,
    items: [
      { item: "医改前医疗费、取暖费、煤气集资", category: "教职工", amount: 1512.88, step: 1 },
      { item: "其它经费欠款", category: "其他", amount: 480, step: 2 },
      { item: "银行贷款及利息", category: "银行", amount: 3344.29, step: 3 },
      { item: "各校欠款", category: "学校", amount: 1576.59, step: 3 },
      { item: "基建及维修欠款", category: "基建", amount: 6746.28, step: 4 },
    ],
    annualCapacity: [2000, 3000, 3500, 4000],
  },
  mergers: [
    {
      name: "P02并入P01",
      year: 2027,
      level: "primary",
      sources: ["P02", "P03"],
      site: "P01现址",
      stayingSchool: "P01",
      siteClassrooms: 14,
    },
    {
      name: "J02迁入N01",
      year: 2030,
      level: "junior",
      sources: ["J02"],
      site: "N01现址",
      stayingSchool: "N01",
      siteClassrooms: 5,
    },
  ],
  preschool: {
    population3to5: 1000,
    enrolled: 700,
    planned: [
      {
        name: "示范园",
        kind: "示范幼儿园",
        town: "城关镇",
        smallClasses: 4,
        middleClasses: 4,
        largeClasses: 4,
        cost: 900,
        year: 2026,
      },
      {
        name: "城关中心园",
        kind: "镇中心幼儿园",
        town: "城关镇",
        smallClasses: 2,
        middleClasses: 2,
        largeClasses: 2,
        mixedClasses: 1,
        cost: 300,
        year: 2027,
      },
    ],
  },
  statedCounts: [
    { label: "开工建设项目", stated: 2, items: ["一中教学楼", "二小周转房"], source: "fixture" },
    { label: "新建幼儿园", stated: 2, items: ["示范园", "城关中心园"], source: "fixture" },
  ],
};

export const FIXTURE: District = districtSchema.parse(FIXTURE_INPUT);

/** HyperFormula's value at a sheet-qualified reference like '均衡'!$L$20. */
export function valueAtRef(loaded: LoadedPlan, ref: string): unknown {
  const m = /^'((?:[^']|'')+)'!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return loaded.valueAt((m[1] as string).replace(/''/g, "'"), `${m[2]}${m[3]}`);
}

/** What 债务 handed on: its repayment schedule (the district under test must have one). */
export function debtSchedule(built: { output: Built["output"] }) {
  const schedule = built.output("debt").schedule;
  if (!schedule) throw new Error("债务 made no repayment schedule");
  return schedule;
}

/** Names COUNTIF/SUMIF would read as operators or wildcards, in towns, projects, kindergartens and stated lists. */
export const TRICKY_NAMES = ["*", "?", "<5", "=x", "~"] as const;
export const TRICKY: District = districtSchema.parse({
  ...FIXTURE_INPUT,
  schools: FIXTURE_INPUT.schools.map((s, i) => ({ ...s, town: [...TRICKY_NAMES, "城关镇"][i % 6] })),
  projects: (FIXTURE_INPUT.projects ?? []).map((p, i) => ({ ...p, name: ["*", "~", "一中?"][i] })),
  preschool: {
    ...FIXTURE_INPUT.preschool,
    planned: (FIXTURE_INPUT.preschool?.planned ?? []).map((k, i) => ({ ...k, name: ["<5", "=x"][i] })),
  },
  statedCounts: [
    { label: "开工建设项目", stated: 2, items: ["*", "~"], source: "fixture" },
    { label: "新建幼儿园", stated: 2, items: ["<5", "=x"], source: "fixture" },
  ],
});

/**
 * Towns, projects, kindergartens and the speeches' lists spelled in different case, in half-width and in
 * full-width letters (never the same name in both widths): every engine compares them alike.
 */
export const CASED: District = districtSchema.parse({
  ...FIXTURE_INPUT,
  schools: FIXTURE_INPUT.schools.map((s, i) => ({
    ...s,
    town: ["Town A", "TOWN A", "town a", "Ｎｏｒｔｈ", "ＮＯＲＴＨ", "城关镇", "Town A"][i],
  })),
  projects: (FIXTURE_INPUT.projects ?? []).map((p, i) => ({ ...p, name: ["Lab A", "LAB A", "Ｈａｌｌ"][i] })),
  preschool: {
    ...FIXTURE_INPUT.preschool,
    planned: (FIXTURE_INPUT.preschool?.planned ?? []).map((k, i) => ({ ...k, name: ["Kid A", "ＳＵＮ"][i] })),
  },
  statedCounts: [
    { label: "开工建设项目", stated: 2, items: ["lab a", "ｈａｌｌ"], source: "fixture" },
    { label: "新建幼儿园", stated: 2, items: ["KID A", "ｓｕｎ"], source: "fixture" },
  ],
});
