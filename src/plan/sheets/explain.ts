/**
 * 预算说明: the 说明 published with the 部门预算 (budget reference §3.2), as paragraphs in the published order
 * (收支总体情况, 收入, 支出, 财政拨款收支, 一般公共预算当年拨款 with its 规模变化 and 结构, 基本支出, “三公”经费,
 * 政府性基金, 国有资本经营, the checks that failed, the term plan, 名词解释). Every number is a formula inside the
 * sentence over the tables (src/plan/liveText.ts), so the text stays true when an input changes; each paragraph also
 * carries its computed text, which `edu-budget explain` writes as a .docx (readExplanation in src/plan/explain.ts).
 *
 * The figures come from 部门收支总表 and 一般公共预算支出表 where the plan holds them, else from 预算明细 (its
 * lines and its revenue table): the amounts are the same by the tables' identities. The tables not yet in the
 * workbook (部门支出总表, 基本支出表, “三公”经费表, 政府性基金表, 国有资本经营表) are read as the same sums of
 * 预算明细 by source, 支出类型 and 经济分类 (the `figures` below name what each sums).
 */
import { EXCEL_LIMITS } from "../excelRules";
import { codeLevels, classificationEdition } from "../../budget/codes";
import { FUNDING_SOURCES, type BudgetLine, type ExpenseKind, type FundingSource } from "../../budget/model";
import { absoluteAddress, cellAddress, rangeAddress, sheetRef } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import {
  change,
  concat,
  count,
  either,
  isZero,
  lit,
  minus,
  money,
  plus,
  share,
  type Live,
  type Num,
} from "../liveText";
import type { SheetDefinition, SheetResult } from "../registry";
import type { CheckPlan } from "../types";
import { checkStatus } from "../verdict";
import type { LayoutOutput } from "./budgetTables";
import type { PlanOutput } from "./plan";
import type { BudgetLinesOutput } from "./budgetLines";

type RollingTotals = NonNullable<PlanOutput["rolling"]>;

/**
 * A paragraph: a live text, or a text from the data (a check's name and what it found, which may hold a school's
 * name) written as text, followed by a live text in a cell of its own (data never goes into a formula).
 */
export type ExplainParagraph =
  | Live
  | { readonly lead: string; readonly tail: Live }
  /** A live text over the live cells of the paragraphs from the data that follow it in its section (a range). */
  | { readonly overTails: (range: string) => Live };

/** One section of the 说明: its heading and its paragraphs. */
export interface ExplainSection {
  readonly heading: string;
  readonly paragraphs: readonly ExplainParagraph[];
}

export const explainSheet: SheetDefinition<"explain", undefined> = {
  key: "explain",
  nameZh: "预算说明",
  nameEn: "Budget notes",
  titleZh: "部门预算说明",
  titleEn: "Notes to the department budget",
  tabColor: "375623",
  needs: [],
  // It reports every check the other sheets made (汇总's too) and reads the tables it explains.
  gathers: true,
  reads: ["budgetLines", "deptBudgetSummary", "generalBudgetExpense", "plan", "summary"],
  build: buildExplain,
};

/** The width of the text, in characters of column A … D (the paragraphs are merged across them). */
const COLUMN_WIDTHS = [24, 22, 22, 22] as const;

function buildExplain(ctx: BuildContext): SheetResult<undefined> {
  const sb = new SheetBuilder(explainSheet, ctx);
  const T = ctx.district.budgetYear;
  sb.title(
    `${ctx.district.name}教育局 ${T}年部门预算说明`,
    "单位: 万元。文中数字均为公式, 随 学校、参数 与各预算表实时计算",
  );
  COLUMN_WIDTHS.forEach((width, column) => sb.width(column, width));
  const last = COLUMN_WIDTHS.length - 1;
  for (const section of explainSections(ctx)) {
    sb.put(sb.row, 0, [[val(section.heading)]]);
    sb.format(cellAddress(sb.row, 0), "label");
    sb.row += 1;
    section.paragraphs.forEach((paragraph, i) => {
      const row = sb.row;
      const cell = (live: Live) => (live.constant ? val(live.text) : fx(live.formula, live.text));
      if ("overTails" in paragraph) {
        const after = section.paragraphs.slice(i + 1);
        const n = after.findIndex((p) => !("lead" in p));
        const tails = n < 0 ? after.length : n;
        const range = rangeAddress(row + 1, last, row + Math.max(tails, 1), last);
        sb.put(row, 0, [[cell(paragraph.overTails(range))]]);
        sb.merge(rangeAddress(row, 0, row, last));
        sb.format(rangeAddress(row, 0, row, last), "wrap");
      } else if ("lead" in paragraph) {
        sb.put(row, 0, [[val(paragraph.lead), null, null, cell(paragraph.tail)]]);
        sb.merge(rangeAddress(row, 0, row, last - 1));
        sb.format(rangeAddress(row, 0, row, last - 1), "wrap");
        sb.format(cellAddress(row, last), "wrap");
      } else {
        sb.put(row, 0, [[cell(paragraph)]]);
        sb.merge(rangeAddress(row, 0, row, last));
        sb.format(rangeAddress(row, 0, row, last), "wrap");
      }
      sb.row += 1;
    });
    sb.row += 1;
  }
  return {
    plan: sb.printSetup({ orientation: "portrait", fitToWidth: true, repeatRows: "1:1" }).build(),
    output: undefined,
  };
}

const SOURCE_ZH = new Map(FUNDING_SOURCES.map((s) => [s.key, s.zh]));
const sourceZh = (source: FundingSource): string => SOURCE_ZH.get(source) ?? source;

/** The sections of the 说明 of a plan being built: pure, from the outputs of the sheets it reads. */
export function explainSections(ctx: BuildContext): ExplainSection[] {
  const T = ctx.district.budgetYear;
  const lines = ctx.outputIfBuilt("budgetLines");
  const sections: ExplainSection[] = [];
  if (lines) {
    const f = figures(
      lines,
      ctx.outputIfBuilt("deptBudgetSummary"),
      ctx.outputIfBuilt("generalBudgetExpense"),
    );
    sections.push(...budgetSections(T, f));
  } else
    sections.push({
      heading: "一、部门预算",
      paragraphs: [lit("本工作簿未含 预算明细, 部门预算各表为空表, 本说明不列收支数字。")],
    });
  sections.push(checksSection(ctx, sections.length));
  const plan = ctx.outputIfBuilt("plan")?.rolling;
  if (plan) sections.push(planSection(plan, sections.length));
  sections.push(termsSection(sections.length));
  return sections;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"];
const heading = (index: number, text: string): string => `${NUMERALS[index] ?? String(index + 1)}、${text}`;

/** A sum of 预算明细 over the lines matching every given column, with its computed value. */
interface LineQuery {
  readonly source?: FundingSource;
  readonly lei?: string;
  readonly expense?: ExpenseKind;
  readonly basic?: boolean;
  /** One of these 经济分类 款. */
  readonly economicCodes?: readonly string[];
}

function lineSum(out: BudgetLinesOutput, column: "prior" | "current", query: LineQuery): Num {
  const table: TableResult = out.table;
  const where: string[] = [];
  if (query.source !== undefined)
    where.push(`(${table.sheetRange("source")}=${str(sourceZh(query.source))})`);
  if (query.lei !== undefined) where.push(`(${table.sheetRange("lei")}=${str(query.lei)})`);
  if (query.expense !== undefined) where.push(`(${table.sheetRange("expense")}=${str(query.expense)})`);
  if (query.basic !== undefined)
    where.push(`(${table.sheetRange("basic")}=${str(query.basic ? "基本支出" : "项目支出")})`);
  if (query.economicCodes !== undefined)
    where.push(
      `(${query.economicCodes.map((code) => `(${table.sheetRange("economicCode")}=${str(code)})`).join("+")})`,
    );
  const selected = out.lines.filter((l) => matchesQuery(l, query));
  return {
    formula:
      where.length === 0
        ? `SUM(${table.sheetRange(column)})`
        : `SUMPRODUCT(${where.join("*")}*${table.sheetRange(column)})`,
    value: selected.reduce((s, l) => s + l[column], 0),
  };
}

function matchesQuery(line: BudgetLine, q: LineQuery): boolean {
  return (
    (q.source === undefined || line.source === q.source) &&
    (q.lei === undefined || codeLevels(line.functionCode).lei === q.lei) &&
    (q.expense === undefined || line.expense === q.expense) &&
    (q.basic === undefined || (line.expense !== "项目支出") === q.basic) &&
    (q.economicCodes === undefined || q.economicCodes.includes(line.economicCode))
  );
}

/** 上年 and 本年 of one figure. */
interface Pair {
  readonly prior: Num;
  readonly current: Num;
}

const cellNum = (cell: { readonly ref: string; readonly value: number }): Num => ({
  formula: cell.ref,
  value: cell.value,
});

/** “三公”经费 by 经济分类 款 (budget reference §3.3 T7; the mapping is standard practice, not verified). */
const THREE_PUBLIC = [
  { key: "abroad", zh: "因公出国（境）费", code: "30212" },
  { key: "carPurchase", zh: "公务用车购置费", code: "31013" },
  { key: "carRunning", zh: "公务用车运行费", code: "30231" },
  { key: "reception", zh: "公务接待费", code: "30217" },
] as const;

/**
 * The figures the 说明 states, each 上年 and 本年: from the table that shows it where the plan holds it, else the
 * same sum of 预算明细.
 */
function figures(
  out: BudgetLinesOutput,
  summary: LayoutOutput | undefined,
  general: LayoutOutput | undefined,
) {
  const both = (query: LineQuery): Pair => ({
    prior: lineSum(out, "prior", query),
    current: lineSum(out, "current", query),
  });
  const summaryRow = (pick: (row: LayoutOutput["rows"][number]["row"]) => boolean) => {
    const found = summary?.rows.find((r) => pick(r.row));
    return found ? { prior: cellNum(found.prior), current: cellNum(found.current) } : undefined;
  };
  const revenueIndex = (source: FundingSource) => out.revenueRows.findIndex((r) => r.source === source);
  const revenue = (source: FundingSource): Pair => {
    const fromTable = summaryRow((row) => row.kind === "revenue" && row.source === source);
    if (fromTable) return fromTable;
    const i = revenueIndex(source);
    const row = out.revenueRows[i];
    return {
      prior: { formula: out.revenue.absoluteCell("prior", i, true), value: row?.priorValue ?? 0 },
      current: { formula: out.revenue.absoluteCell("current", i, true), value: row?.currentValue ?? 0 },
    };
  };
  const sources = FUNDING_SOURCES.map((s) => s.key);
  const revenues = new Map(sources.map((s) => [s, revenue(s)]));
  const get = (s: FundingSource): Pair => revenues.get(s) ?? { prior: plus(), current: plus() };
  const ofYear = sources.filter((s) => s !== "carryOver");
  const sumPairs = (pairs: readonly Pair[]): Pair => ({
    prior: plus(...pairs.map((p) => p.prior)),
    current: plus(...pairs.map((p) => p.current)),
  });
  const revenueOfYear = summaryRow((row) => row.label === "本年收入合计") ?? sumPairs(ofYear.map(get));
  const incomeTotal = summaryRow((row) => row.label === "收入总计") ?? sumPairs(sources.map(get));
  const expenseTotal = summaryRow((row) => row.label === "支出总计") ?? both({});
  // The 类 with lines, in code order: from 部门收支总表's rows, else summed on 预算明细.
  const classes = [...new Set(out.lines.map((l) => codeLevels(l.functionCode).lei))].sort();
  const { edition } = classificationEdition(out.editionYear);
  const className = (code: string) => edition.functions.find((c) => c.code === code)?.name ?? code;
  const byClass = classes.map((lei) => ({
    lei,
    name: className(lei),
    amounts: summaryRow((row) => row.kind === "lines" && row.code === lei) ?? both({ lei }),
  }));
  const generalRow = (code: string) => {
    const found = general?.rows.find((r) => r.row.kind === "sum" && r.row.code === code);
    return found ? { prior: cellNum(found.prior), current: cellNum(found.current) } : undefined;
  };
  const generalClasses = [
    ...new Set(out.lines.filter((l) => l.source === "general").map((l) => codeLevels(l.functionCode).lei)),
  ].sort();
  const generalTotal = general?.rows.find((r) => r.row.label === "合计" && r.row.kind === "sum") ?? undefined;
  return {
    revenues: get,
    revenueOfYear,
    incomeTotal,
    expenseTotal,
    byClass,
    /** 部门支出总表 (not yet a sheet): 基本支出 and 项目支出 of all sources. */
    basic: both({ basic: true }),
    project: both({ basic: false }),
    /** 财政拨款收支总表 (not yet a sheet): the three 财政拨款 sources. */
    fiscalRevenue: sumPairs((["general", "fund", "stateCapital"] as const).map(get)),
    fiscalExpense: sumPairs((["general", "fund", "stateCapital"] as const).map((source) => both({ source }))),
    /** 一般公共预算支出表: its 合计 and its 类 rows. */
    generalExpense: generalTotal
      ? { prior: cellNum(generalTotal.prior), current: cellNum(generalTotal.current) }
      : both({ source: "general" }),
    generalByClass: generalClasses.map((lei) => ({
      lei,
      name: className(lei),
      amounts: generalRow(lei) ?? both({ source: "general", lei }),
    })),
    /** 一般公共预算基本支出表 (not yet a sheet): 人员经费 and 公用经费 of the 一般公共预算 lines. */
    personnel: both({ source: "general", expense: "人员经费" }),
    publicFunds: both({ source: "general", expense: "公用经费" }),
    generalBasic: both({ source: "general", basic: true }),
    /** 一般公共预算“三公”经费支出表 (not yet a sheet): by 经济分类 款. */
    threePublic: THREE_PUBLIC.map((item) => ({
      ...item,
      amounts: both({ source: "general", economicCodes: [item.code] }),
    })),
    threePublicTotal: both({ source: "general", economicCodes: THREE_PUBLIC.map((item) => item.code) }),
    /** 政府性基金预算支出表 and 国有资本经营预算支出表 (not yet sheets). */
    fundExpense: both({ source: "fund" }),
    stateCapitalExpense: both({ source: "stateCapital" }),
    /** The items of the 基本支出 lines, in their order (for “主要包括”). */
    items: (expense: ExpenseKind) => [
      ...new Set(out.lines.filter((l) => l.source === "general" && l.expense === expense).map((l) => l.item)),
    ],
  };
}

type Figures = ReturnType<typeof figures>;

/** Each 类 with its amount and its share of the whole ("教育支出…万元，占…；…"), or `none` when there is no 类. */
function classShares(classes: Figures["byClass"], whole: Num, none: string): (Live | string)[] {
  if (classes.length === 0) return [none];
  return classes.flatMap((c, i) => [
    c.name,
    concat(money(c.amounts.current), "万元"),
    "，占",
    share(c.amounts.current, whole),
    i === classes.length - 1 ? "" : "；",
  ]);
}

function budgetSections(T: number, f: Figures): ExplainSection[] {
  const year = `${T}年`;
  const amount = (n: Num) => concat(money(n), "万元");
  const sourcesOfYear = FUNDING_SOURCES.filter((s) => s.key !== "carryOver");
  const sections: ExplainSection[] = [];
  const add = (text: string, ...paragraphs: Live[]) =>
    sections.push({ heading: heading(sections.length, text), paragraphs });

  add(
    "部门收支总体情况",
    concat(
      `按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。${year}收入总计`,
      amount(f.incomeTotal.current),
      "，",
      change(f.incomeTotal.current, f.incomeTotal.prior),
      `；支出总计`,
      amount(f.expenseTotal.current),
      "，",
      change(f.expenseTotal.current, f.expenseTotal.prior),
      "。收入总计与支出总计",
      either(
        isZero(minus(f.incomeTotal.current, f.expenseTotal.current)),
        "相等。",
        "不相等，请见 目录 的核对。",
      ),
    ),
  );

  add(
    "部门收入情况",
    concat(
      `${year}本年收入合计`,
      amount(f.revenueOfYear.current),
      "，",
      change(f.revenueOfYear.current, f.revenueOfYear.prior),
      "。其中：",
      ...sourcesOfYear.flatMap((s, i) => {
        const pair = f.revenues(s.key);
        return [
          s.zh,
          amount(pair.current),
          "，占",
          share(pair.current, f.revenueOfYear.current),
          i === sourcesOfYear.length - 1 ? "" : "；",
        ];
      }),
      "。上年结转",
      amount(f.revenues("carryOver").current),
      "。",
    ),
  );

  add(
    "部门支出情况",
    concat(
      `${year}支出总计`,
      amount(f.expenseTotal.current),
      "。其中：基本支出",
      amount(f.basic.current),
      "，占",
      share(f.basic.current, f.expenseTotal.current),
      "；项目支出",
      amount(f.project.current),
      "，占",
      share(f.project.current, f.expenseTotal.current),
      "。",
    ),
    concat("按支出功能分类：", ...classShares(f.byClass, f.expenseTotal.current, "本年无支出"), "。"),
  );

  add(
    "财政拨款收支情况",
    concat(
      `${year}财政拨款收入`,
      amount(f.fiscalRevenue.current),
      "（一般公共预算拨款、政府性基金预算拨款与国有资本经营预算拨款），",
      change(f.fiscalRevenue.current, f.fiscalRevenue.prior),
      "；财政拨款支出",
      amount(f.fiscalExpense.current),
      "。",
    ),
  );

  add(
    "一般公共预算当年拨款情况",
    concat(
      "（一）规模变化。",
      `${year}一般公共预算当年拨款`,
      amount(f.revenues("general").current),
      "，",
      change(f.revenues("general").current, f.revenues("general").prior),
      "；一般公共预算支出",
      amount(f.generalExpense.current),
      "。",
    ),
    concat(
      "（二）结构。",
      ...classShares(f.generalByClass, f.generalExpense.current, "本年无一般公共预算支出"),
      "。",
    ),
  );

  const listOf = (items: readonly string[]) => (items.length === 0 ? "" : `，主要包括${items.join("、")}`);
  add(
    "一般公共预算基本支出情况",
    concat(
      `${year}一般公共预算基本支出`,
      amount(f.generalBasic.current),
      "。其中：人员经费",
      amount(f.personnel.current),
      listOf(f.items("人员经费")),
      "；公用经费",
      amount(f.publicFunds.current),
      listOf(f.items("公用经费")),
      "。",
    ),
  );

  const threeTotal = f.threePublicTotal;
  const part = (key: (typeof THREE_PUBLIC)[number]["key"]) =>
    f.threePublic.find((t) => t.key === key)?.amounts.current ?? plus();
  add(
    "一般公共预算“三公”经费支出情况",
    concat(
      `${year}一般公共预算“三公”经费支出`,
      amount(threeTotal.current),
      "，",
      change(threeTotal.current, threeTotal.prior),
      "。其中：因公出国（境）费",
      amount(part("abroad")),
      "；公务用车购置及运行费",
      amount(plus(part("carPurchase"), part("carRunning"))),
      "（公务用车购置费",
      amount(part("carPurchase")),
      "，公务用车运行费",
      amount(part("carRunning")),
      "）；公务接待费",
      amount(part("reception")),
      "。",
    ),
  );

  const emptyOr = (pair: Pair, none: string, some: Live) => either(isZero(pair.current), none, some);
  add(
    "政府性基金预算支出情况",
    emptyOr(
      f.fundExpense,
      `本部门${year}无政府性基金预算财政拨款安排的支出，政府性基金预算支出表为空表。`,
      concat(
        `${year}政府性基金预算支出`,
        amount(f.fundExpense.current),
        "，",
        change(f.fundExpense.current, f.fundExpense.prior),
        "。",
      ),
    ),
  );
  add(
    "国有资本经营预算支出情况",
    emptyOr(
      f.stateCapitalExpense,
      `本部门${year}无国有资本经营预算财政拨款安排的支出，国有资本经营预算支出表为空表。`,
      concat(
        `${year}国有资本经营预算支出`,
        amount(f.stateCapitalExpense.current),
        "，",
        change(f.stateCapitalExpense.current, f.stateCapitalExpense.prior),
        "。",
      ),
    ),
  );
  return sections;
}

/** A check's verdict cell, with its sheet. */
function verdictRef(ctx: BuildContext, check: CheckPlan): string {
  return sheetRef(ctx.definition(check.sheet).nameZh, absoluteAddress(check.cell));
}

/** A verdict cell that shows a failure (its fail word, or an error: a verdict that cannot be computed). */
const failedFormula = (ref: string, fail: string) => `IFERROR(${ref}=${str(fail)},TRUE())`;

/** What a failed check's live verdict in the 说明 says while it still fails. */
const STILL_FAILS = "未通过。";

/** The longest paragraph formula (Excel allows 8,192 characters with the "="). */
const MAX_PARAGRAPH_FORMULA = EXCEL_LIMITS.formulaLength - 1;

export function checksSection(ctx: BuildContext, index: number): ExplainSection {
  const checks = ctx.checks;
  const refs = checks.map((c) => verdictRef(ctx, c));
  const statuses = checks.map(checkStatus);
  const failedAtGeneration = statuses.filter((s) => s === "fail").length;
  const countOver = (over: readonly string[]): Num => ({
    formula: over.length === 0 ? "0" : over.map((ref) => failedFormula(ref, ctx.verdicts.fail)).join("+"),
    value: failedAtGeneration,
  });
  const notApplicable = statuses.filter((s) => s === "notApplicable").length;
  const all = countOver(refs);
  const lead = `本工作簿按政策与预算规则共作检查${checks.length}项${notApplicable > 0 ? `（其中${notApplicable}项没有需检查的项目，为不适用）` : ""}`;
  const advice = (n: Num) =>
    either(isZero(n), "全部适用的检查均已通过。", "未通过的检查须在报送前说明原因或调整预算。");
  // A count over every verdict cell, while the sentence fits in one formula; over very many checks, the checks that
  // failed when the workbook was generated are counted live by their verdicts below (every check's verdict is on 目录).
  const inline = concat(`${lead}，现未通过`, count(all), "项。", advice(all));
  const summary: ExplainParagraph =
    inline.constant || inline.formula.length <= MAX_PARAGRAPH_FORMULA
      ? inline
      : {
          overTails: (range) => {
            const still: Num = {
              formula: `COUNTIF(${range},${str(STILL_FAILS)})`,
              value: failedAtGeneration,
            };
            return concat(
              `${lead}，生成时未通过${failedAtGeneration}项，其中现仍未通过`,
              count(still),
              "项（各项检查的现状见 目录）。",
              advice(still),
            );
          },
        };
  const paragraphs: ExplainParagraph[] = [summary];
  checks.forEach((check, i) => {
    if (statuses[i] !== "fail") return;
    const ref = refs[i] ?? "";
    paragraphs.push({
      lead: `${check.labelZh}（${ctx.definition(check.sheet).nameZh}）。生成时的情况：${check.detailZh}。现状：`,
      tail: either({ formula: failedFormula(ref, ctx.verdicts.fail), value: true }, STILL_FAILS, "已通过。"),
    });
  });
  const unreconciled = ctx.reconciliations.filter((r) => r.difference.value !== 0);
  for (const r of unreconciled)
    paragraphs.push(
      concat(`${r.labelZh}：差额`, money(cellNum(r.difference)), `（${ctx.definition(r.sheet).nameZh}）。`),
    );
  return { heading: heading(index, "检查结果与未通过的原因"), paragraphs };
}

function planSection(rolling: RollingTotals, index: number): ExplainSection {
  return {
    heading: heading(index, "中期财政规划"),
    paragraphs: [
      concat(
        "按中期财政规划（三年滚动，见 规划），",
        ...rolling.flatMap((y, i) => [
          `${y.year}年支出合计`,
          money(cellNum(y.total)),
          "万元（基本支出",
          money(cellNum(y.basic)),
          "万元，项目支出",
          money(cellNum(y.project)),
          "万元）",
          i === rolling.length - 1 ? "。" : "；",
        ]),
        `${rolling[0]?.year ?? ""}年为本年预算安排，以后两年为规划数，逐年滚动调整。`,
      ),
    ],
  };
}

const TERMS: readonly [string, string][] = [
  [
    "一般公共预算拨款收入",
    "指本级财政当年拨付的一般公共预算资金，含教育费附加、地方教育附加等安排的教育经费。",
  ],
  ["政府性基金预算拨款收入", "指本级财政当年拨付的政府性基金预算资金，如土地出让收益计提的教育资金。"],
  ["事业收入", "指事业单位开展专业业务活动及辅助活动取得的收入。"],
  ["上年结转", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"],
  ["基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。"],
  [
    "人员经费",
    "指基本工资、津贴补贴、绩效工资及单位为职工缴纳的养老保险、职业年金、医疗保险和住房公积金等。",
  ],
  ["公用经费", "指学校和机关日常运转的商品和服务支出，学校按生均公用经费定额核定。"],
  [
    "项目支出",
    "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出，如学生资助、校舍建设和偿还债务。",
  ],
  ["“三公”经费", "指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"],
];

function termsSection(index: number): ExplainSection {
  return {
    heading: heading(index, "名词解释"),
    paragraphs: TERMS.map(([term, meaning], i) => lit(`${i + 1}. ${term}：${meaning}`)),
  };
}
