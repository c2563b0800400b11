/**
 * Table layouts are data over the budget lines: a province's variant is a few lines of layout, and it sums the same
 * lines as the national one.
 */
import { FUNDING_SOURCES, total, type BudgetLine } from "../../src/budget/model";
import {
  departmentSummaryLayout,
  generalBudgetLayout,
  rowAmounts,
  type LayoutInput,
  type TableLayout,
} from "../../src/budget/tables";

const line = (over: Partial<BudgetLine>): BudgetLine => ({
  unit: { code: "S1", name: "一小", kind: "事业" },
  functionCode: "2050202",
  economicCode: "30101",
  expense: "人员经费",
  source: "general",
  item: "基本工资",
  prior: 0,
  current: 0,
  ...over,
});

// A small district computed by hand: 90 + 28.8 + 10.8 + 21.6 of 人员经费, 12 of 公用经费, 300 of a project.
const LINES: readonly BudgetLine[] = [
  line({ current: 90 }),
  line({ functionCode: "2080505", economicCode: "30108", item: "养老", current: 28.8 }),
  line({ functionCode: "2101102", economicCode: "30110", item: "医疗", current: 10.8 }),
  line({ functionCode: "2210201", economicCode: "30113", item: "公积金", current: 21.6 }),
  line({ economicCode: "30299", expense: "公用经费", item: "公用经费", current: 12 }),
  line({ functionCode: "2050299", economicCode: "31001", expense: "项目支出", item: "教学楼", current: 300 }),
];

describe("the national layouts", () => {
  it("give the 部门收支总表 by hand: 205 = 402, 208 = 28.8, 210 = 10.8, 221 = 21.6, total 463.2", () => {
    const layout = departmentSummaryLayout({ lines: LINES, year: 2025 });
    const amounts = rowAmounts(layout.rows, LINES, new Map([["general", 463.2]]));
    const byLabel = Object.fromEntries(layout.rows.map((r, i) => [r.label, amounts[i]]));
    expect(byLabel["教育支出"]).toBeCloseTo(402, 9);
    expect(byLabel["社会保障和就业支出"]).toBeCloseTo(28.8, 9);
    expect(byLabel["卫生健康支出"]).toBeCloseTo(10.8, 9);
    expect(byLabel["住房保障支出"]).toBeCloseTo(21.6, 9);
    expect(byLabel["本年支出合计"]).toBeCloseTo(463.2, 9);
    expect(byLabel["收入总计"]).toBeCloseTo(463.2, 9);
    expect(layout.rows.filter((r) => r.kind === "revenue")).toHaveLength(FUNDING_SOURCES.length);
  });
  it("give the 一般公共预算支出表 to 项, each 款 and 类 the sum of the rows under it", () => {
    const layout = generalBudgetLayout({ lines: LINES, year: 2025 });
    const amounts = rowAmounts(layout.rows, LINES, new Map());
    const byCode = Object.fromEntries(
      layout.rows.flatMap((r, i) => ("code" in r && r.code ? [[r.code, amounts[i]]] : [])),
    );
    expect(byCode).toEqual({
      "205": 402,
      "20502": 402,
      "2050202": 102,
      "2050299": 300,
      "208": 28.8,
      "20805": 28.8,
      "2080505": 28.8,
      "210": 10.8,
      "21011": 10.8,
      "2101102": 10.8,
      "221": 21.6,
      "22102": 21.6,
      "2210201": 21.6,
    });
    expect(amounts[layout.rows.length - 1]).toBeCloseTo(total(LINES).current, 9);
  });
});

describe("a province's variant", () => {
  // Sichuan's 表3-2 一般公共预算项目支出预算表: the national table's rows, 项目支出 only. The whole variant:
  const sichuanProjects = (input: LayoutInput): TableLayout => {
    const projects = input.lines.filter((l) => l.expense === "项目支出");
    return {
      ...generalBudgetLayout({ ...input, lines: projects }),
      key: "sichuanTable3_2",
      titleZh: "一般公共预算项目支出预算表",
      basicSplit: false,
      rows: generalBudgetLayout({ ...input, lines: projects }).rows.map((r) =>
        r.kind === "lines" ? { ...r, filter: { ...r.filter, basic: false } } : r,
      ),
    };
  };
  it("is a few lines over the same model and sums the same lines", () => {
    const layout = sichuanProjects({ lines: LINES, year: 2025 });
    const amounts = rowAmounts(layout.rows, LINES, new Map());
    expect(amounts[layout.rows.length - 1]).toBe(300);
    expect(layout.rows.map((r) => ("code" in r ? r.code : undefined))).toEqual([
      "205",
      "20502",
      "2050299",
      undefined,
    ]);
  });
});
