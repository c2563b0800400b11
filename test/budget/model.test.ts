/**
 * The 部门预算 model: every line the workbook writes has codes of the edition of its year; totals by any grouping
 * of the lines add up to the same total; the table layouts sum what their rows say.
 */
import fc from "fast-check";
import {
  CLASSIFICATION_EDITIONS,
  classificationEdition,
  codeLevels,
  economicCodeOf,
  functionCodeOf,
} from "../../src/budget/codes";
import {
  EXPENSE_KINDS,
  FUNDING_SOURCES,
  lineProblems,
  total,
  totalsBy,
  type BudgetLine,
} from "../../src/budget/model";
import { contributionFunctionCode, CONTRIBUTIONS, personnelCost } from "../../src/budget/personnel";
import {
  departmentExpenseLayout,
  departmentIncomeLayout,
  departmentSummaryLayout,
  fiscalSummaryLayout,
  generalBasicLayout,
  generalBudgetLayout,
  governmentFundLayout,
  APPROPRIATIONS,
  identityTerms,
  layoutAmounts,
  linesMatching,
  projectLayout,
  rowAmounts,
  stateCapitalLayout,
  threePublicLayout,
  type LayoutInput,
  type TableLayout,
} from "../../src/budget/tables";
import { generateDistrict, getSample } from "../../src/district/samples";
import type { WorkbookPlan } from "../../src/plan/types";
import { getPack } from "../../src/policy/packs";
import { columnCells, planCell, planOf, sheetByKey } from "../plan/planHelpers";

const EDITION = CLASSIFICATION_EDITIONS[CLASSIFICATION_EDITIONS.length - 1]!;
const ITEMS = EDITION.functions.filter((c) => c.code.length === 7).map((c) => c.code);
const KUAN = EDITION.economics.filter((c) => c.code.length === 5).map((c) => c.code);

/** The codes of the lines a plan writes on 预算明细, as the builder computed them. */
function writtenCodes(plan: WorkbookPlan): [string, string][] {
  const sheet = sheetByKey(plan, "budgetLines");
  const fn = columnCells(plan, "tblBudgetLines", "功能科目编码").cells;
  const ec = columnCells(plan, "tblBudgetLines", "经济科目编码").cells;
  return fn.map((cell, i) => [String(planCell(sheet, cell)?.v), String(planCell(sheet, ec[i] ?? "")?.v)]);
}

describe("the codes of the lines", () => {
  it.each(["zhenlai", "wuzhen"])("are all codes of the edition the budget year uses (%s)", (id) => {
    const district = getSample(id);
    const { edition } = classificationEdition(district.budgetYear);
    const codes = writtenCodes(planOf(district));
    expect(codes.length).toBeGreaterThan(100);
    for (const [fn, ec] of codes) {
      expect(functionCodeOf(edition, fn)?.code).toBe(fn);
      expect(economicCodeOf(edition, ec)?.code).toBe(ec);
      expect(fn).toMatch(/^\d{7}$/);
      expect(ec).toMatch(/^\d{5}$/);
    }
  });
  it("are codes of the edition for generated districts of any year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 5 }), (seed, n) => {
        const district = generateDistrict(seed, n);
        const { edition } = classificationEdition(district.budgetYear);
        for (const [fn, ec] of writtenCodes(planOf(district, getPack("national")))) {
          expect(functionCodeOf(edition, fn)).toBeDefined();
          expect(economicCodeOf(edition, ec)).toBeDefined();
        }
      }),
      { numRuns: 10 },
    );
  });
  it("keeps each code under its parent: every 项 has its 款 and 类 in the edition", () => {
    for (const code of ITEMS) {
      const { lei, kuan } = codeLevels(code);
      expect(functionCodeOf(EDITION, lei)).toBeDefined();
      expect(functionCodeOf(EDITION, kuan)).toBeDefined();
    }
    for (const code of KUAN) expect(economicCodeOf(EDITION, code.slice(0, 3))).toBeDefined();
  });
  it("uses the earliest edition, and says so, for a year before every stored one", () => {
    const first = CLASSIFICATION_EDITIONS[0]!;
    expect(classificationEdition(first.year - 10)).toEqual({ edition: first, exact: false });
    expect(classificationEdition(first.year).exact).toBe(true);
  });
  it("finds a line with a code the edition lacks, or a negative amount", () => {
    const line: BudgetLine = {
      unit: { code: "S1", name: "一小", kind: "事业" },
      functionCode: "2050202",
      economicCode: "30101",
      expense: "人员经费",
      source: "general",
      item: "基本工资",
      prior: 0,
      current: 1,
    };
    expect(lineProblems(line, EDITION.year)).toEqual([]);
    expect(lineProblems({ ...line, functionCode: "2059998" }, EDITION.year)).toHaveLength(1);
    expect(lineProblems({ ...line, economicCode: "3010" }, EDITION.year)).toHaveLength(1);
    expect(lineProblems({ ...line, current: -1 }, EDITION.year)).toHaveLength(1);
  });
});

const lineArb: fc.Arbitrary<BudgetLine> = fc.record({
  unit: fc.record({
    code: fc.constantFrom("JG", "S1", "S2", "S3"),
    name: fc.constant("单位"),
    kind: fc.constantFrom("行政" as const, "事业" as const),
  }),
  functionCode: fc.constantFrom(...ITEMS),
  economicCode: fc.constantFrom(...KUAN),
  expense: fc.constantFrom(...EXPENSE_KINDS),
  source: fc.constantFrom(...FUNDING_SOURCES.map((s) => s.key)),
  item: fc.constant("明细"),
  prior: fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 100),
  current: fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 100),
});

const GROUPINGS: readonly ((line: BudgetLine) => string)[] = [
  (l) => l.unit.code,
  (l) => l.unit.kind,
  (l) => l.functionCode,
  (l) => codeLevels(l.functionCode).lei,
  (l) => codeLevels(l.functionCode).kuan,
  (l) => l.economicCode,
  (l) => l.economicCode.slice(0, 3),
  (l) => l.expense,
  (l) => l.source,
  (l) => `${l.unit.code}|${l.functionCode}|${l.economicCode}`,
];

describe("totals of the lines", () => {
  it("agree by any grouping: the groups add up to the total, 上年 and 本年", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), fc.constantFrom(...GROUPINGS), (lines, key) => {
        const all = total(lines);
        const groups = [...totalsBy(lines, key).values()];
        expect(groups.reduce((s, g) => s + g.current, 0)).toBeCloseTo(all.current, 6);
        expect(groups.reduce((s, g) => s + g.prior, 0)).toBeCloseTo(all.prior, 6);
      }),
    );
  });
  it("agree with the tables: the 部门收支总表's spending and the 一般公共预算支出表's total are the lines'", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const summary = departmentSummaryLayout({ lines, year: EDITION.year });
        const amounts = rowAmounts(summary.rows, lines, new Map());
        const spending = summary.rows.findIndex((r) => r.label === "本年支出合计");
        expect(amounts[spending]).toBeCloseTo(total(lines).current, 6);
        const general = generalBudgetLayout({ lines, year: EDITION.year });
        const generalAmounts = rowAmounts(general.rows, lines, new Map());
        const generalTotal = total(lines.filter((l) => l.source === "general")).current;
        expect(generalAmounts[general.rows.length - 1]).toBeCloseTo(generalTotal, 6);
      }),
    );
  });
});

describe("personnelCost", () => {
  it("gives a school's pay and the employer's contributions on the 缴费基数, computed by hand", () => {
    // 10 staff; 30,000 + 12,000 + 18,000 = 60,000 元 a person; 16 %, 8 %, 6 %, 12 %.
    expect(
      personnelCost(
        10,
        { basicPay: 30000, allowances: 12000, performancePay: 18000 },
        { pension: 0.16, annuity: 0.08, medical: 0.06, housingFund: 0.12 },
      ),
    ).toEqual({
      basicPay: 300000,
      allowances: 120000,
      performancePay: 180000,
      pension: 96000,
      annuity: 48000,
      medical: 36000,
      housingFund: 72000,
    });
  });
  it("codes each contribution to its own 功能 项, medical by 单位性质", () => {
    expect(
      CONTRIBUTIONS.map((c) => [c.key, contributionFunctionCode(c.key, "事业"), c.economicCode]),
    ).toEqual([
      ["pension", "2080505", "30108"],
      ["annuity", "2080506", "30109"],
      ["medical", "2101102", "30110"],
      ["housingFund", "2210201", "30113"],
    ]);
    expect(contributionFunctionCode("medical", "行政")).toBe("2101101");
  });
});

const NATIONAL: readonly ((input: LayoutInput) => TableLayout)[] = [
  departmentSummaryLayout,
  departmentIncomeLayout,
  departmentExpenseLayout,
  fiscalSummaryLayout,
  generalBudgetLayout,
  generalBasicLayout,
  threePublicLayout,
  governmentFundLayout,
  stateCapitalLayout,
  projectLayout,
];

/**
 * The identities that hold for any lines: all but those of the revenue against the spending (the revenue is given,
 * not summed from the lines) and those of the 基本支出表 that assume 人员经费 is coded 301/303 and 公用经费 302/310.
 */
const NOT_FOR_ANY_LINES = [
  "部门收支总表: 收入总计 − 支出总计",
  "部门收入总表: 合计 − 部门收支总表 收入总计",
  "财政拨款收支总表: 收入总计 − 支出总计",
  "一般公共预算基本支出表: 人员经费 − (301 + 303)",
  "一般公共预算基本支出表: 公用经费 − (302 + 310)",
];

/** Each identity of every national table, stated and parts, computed from the layouts over the lines. */
function identitySides(lines: readonly BudgetLine[]): { label: string; stated: number; parts: number }[] {
  const input = { lines, year: EDITION.year };
  const layouts = new Map(NATIONAL.map((make) => [make(input).key, make(input)]));
  const none = { prior: new Map(), current: new Map() };
  const amounts = new Map([...layouts].map(([key, layout]) => [key, layoutAmounts(layout, lines, none)]));
  const value = (layout: string, column: string, row: number) =>
    amounts.get(layout)?.get(column)?.[row] ?? NaN;
  return [...layouts.values()].flatMap((layout) =>
    layout.identities.map((identity) => ({
      label: identity.labelZh,
      stated: value(layout.key, identity.statedColumn ?? "current", identity.stated),
      parts: identityTerms(identity).reduce(
        (sum, term) =>
          sum +
          ("lines" in term
            ? total(linesMatching(lines, term.lines)).current
            : value(term.layout ?? layout.key, term.column ?? "current", term.row)),
        0,
      ),
    })),
  );
}

describe("totals of the lines in the national tables", () => {
  it("agree by any grouping: every identity within and across the tables holds for any lines", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const sides = identitySides(lines).filter((s) => !NOT_FOR_ANY_LINES.includes(s.label));
        expect(sides.length).toBeGreaterThan(10);
        for (const side of sides)
          expect([side.label, side.stated]).toEqual([side.label, expect.closeTo(side.parts, 6)]);
      }),
      { numRuns: 60 },
    );
  });
  it("agree across the columns: each row's split columns add up to its 本年预算", () => {
    const SPLITS: Readonly<Record<string, readonly string[]>> = {
      deptIncome: FUNDING_SOURCES.map((s) => `source_${s.key}`),
      deptExpense: ["basic", "project"],
      generalBudgetExpense: ["basic", "project"],
      generalBasicExpense: ["personnel", "publicFunds"],
      projectExpense: ["appropriation", "otherFunds"],
    };
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const input = { lines, year: EDITION.year };
        const none = { prior: new Map(), current: new Map() };
        for (const make of NATIONAL) {
          const layout = make(input);
          const columns = SPLITS[layout.key];
          if (!columns) continue;
          const amounts = layoutAmounts(layout, lines, none);
          layout.rows.forEach((_, i) => {
            const parts = columns.reduce((sum, c) => sum + (amounts.get(c)?.[i] ?? NaN), 0);
            expect(parts).toBeCloseTo(amounts.get("current")?.[i] ?? NaN, 6);
          });
        }
        // The 财政拨款收支总表's spending rows: the three appropriations add up to the 合计.
        const fiscal = fiscalSummaryLayout(input);
        const amounts = layoutAmounts(fiscal, lines, none);
        fiscal.rows.forEach((row, i) => {
          if (row.kind !== "lines") return;
          const parts = APPROPRIATIONS.reduce((s, a) => s + (amounts.get(a.source)?.[i] ?? NaN), 0);
          expect(parts).toBeCloseTo(amounts.get("current")?.[i] ?? NaN, 6);
        });
      }),
      { numRuns: 60 },
    );
  });
});
