/**
 * 预算明细: the lines of the 部门预算 (src/budget/model.ts), one Excel table whose 本年预算 cells are formulas over 学校,
 * 参数 and the other sheets: 人员经费 of the bureau and each school from staff × the pay standards and the employer's
 * contributions at the rates on 参数, each component under its own 功能 and 经济 code; 公用经费 of each compulsory
 * school from 公用经费, by level; 学生资助 (寄宿生生活补助, 营养改善计划, 普通高中助学金, 学前资助); 项目支出 of the
 * capital projects and the debt repayment of year T. 上年预算 comes from last year's lines where the input gives them
 * (录入-上年预算, or last year's generated workbook read back), matched by unit, codes and item, a line of last year
 * with no match this year listed with 本年 0; otherwise it is a column the user fills. Below, the revenue of the
 * budget by source. The national tables (部门收支总表 …) are renderers over these lines (budgetTables.ts).
 */
import {
  classificationEdition,
  CONTRIBUTION_FUNCTION_CODES,
  economicCodeOf,
  functionCodeOf,
  schoolFunctionCode,
} from "../../budget/codes";
import type { SchoolKind } from "../../budget/codes";
import {
  change,
  changeRateFormula,
  FUNDING_SOURCES,
  type BudgetLine,
  type ExpenseKind,
  type FundingSource,
} from "../../budget/model";
import { matchPrior } from "../../budget/prior";
import {
  contributionBase,
  contributionBaseFormula,
  contributionCost,
  contributionCostFormula,
  contributionFunctionCode,
  CONTRIBUTIONS,
  PAY_COMPONENTS,
  payCost,
  payCostFormula,
} from "../../budget/personnel";
import { THREE_PUBLIC } from "../../budget/tables";
import { allowanceMonthsFormula } from "../../domain/allowance";
import { reconcile, reconcileFormula } from "../../domain/debt";
import { roundHalfAway } from "../../domain/validate";
import type { District, Project, School, SchoolType } from "../../district/model";
import type { PolicyKey } from "../../policy/types";
import { cellAddress } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import { notInForceSpec } from "../verdict";
import { sumEqual } from "./exact";
import type { SheetDefinition, SheetResult } from "../registry";
import type { PlanCell } from "../types";

/** A line as the sheet writes it: the model line and how its 本年预算 cell is made. */
export interface LineRow {
  readonly line: BudgetLine;
  /** The 本年预算 cell: a formula over other sheets and its computed value (万元). */
  readonly amount: PlanCell;
  /** 义务教育's line (财政's 义务教育财政拨款 sums them). */
  readonly compulsory: boolean;
}

/** A revenue row: its source, 上年 and 本年 (cells and values, 万元). */
export interface RevenueRow {
  readonly source: FundingSource;
  readonly zh: string;
  readonly prior: PlanCell;
  readonly current: PlanCell;
  readonly priorValue: number;
  readonly currentValue: number;
}

/** What 预算明细 hands on to the tables: the lines, their table, and the revenue table. */
export interface BudgetLinesOutput {
  readonly lines: readonly BudgetLine[];
  readonly table: TableResult;
  readonly revenue: TableResult;
  readonly revenueRows: readonly RevenueRow[];
  /** 一般公共预算拨款收入 of T−1 (the prior year's input) and T (the lines funded from it): 财政's 教育财政拨款. */
  readonly general: { readonly prior: CellExport; readonly current: CellExport };
  /** Of T's 一般公共预算拨款, what is spent under 小学教育 and 初中教育: 财政's 义务教育财政拨款. */
  readonly compulsory: CellExport;
  /** The edition the codes are taken from. */
  readonly editionYear: number;
  /** The 缴费基数 per person and year (元): the pay standards together, as the 人员经费 lines use it. */
  readonly contributionBase: CellExport;
}

export const budgetLinesSheet: SheetDefinition<"budgetLines", BudgetLinesOutput> = {
  key: "budgetLines",
  nameZh: "预算明细",
  nameEn: "Budget lines",
  titleZh: "部门预算明细",
  titleEn: "Budget lines",
  tabColor: "375623",
  needs: ["parameters", "schools"],
  // Each source sheet adds its lines when the plan holds it. 财政 reads the revenue from here (not the other way).
  reads: ["publicFunds", "projects", "debt"],
  build: buildBudgetLines,
};

/**
 * The 205 项 a school spends under, by its type. Education statistics count a 九年一贯制 school with the 初中 and a
 * 完全中学 or 十二年一贯制 with the 高中; a 教学点 is a primary school.
 */
export const SCHOOL_KIND_BY_TYPE: Readonly<Record<SchoolType, SchoolKind>> = {
  幼儿园: "kindergarten",
  小学: "primary",
  教学点: "primary",
  初中: "junior",
  九年一贯制: "junior",
  完全中学: "senior",
  十二年一贯制: "senior",
  高中: "senior",
  职业学校: "vocational",
  特教学校: "special",
};

/** A project's 经济分类 款 by its category when it names none: buildings, repairs, grounds, other. */
const PROJECT_ECONOMIC: Readonly<Record<Project["category"], string>> = {
  教学楼: "31001",
  周转房: "31001",
  幼儿园: "31001",
  食堂宿舍: "31001",
  实训基地: "31001",
  危房改造: "31006",
  运动场: "31005",
  其他: "31099",
};

/** 其他普通教育支出: a project not at one school's level (a new site), and the repayment of education debt. */
const OTHER_GENERAL = "2050299";
const OTHER_EXPENSE = "39999";
const BUREAU_CODE = "JG";

const SOURCE_ZH = new Map(FUNDING_SOURCES.map((s) => [s.key, s.zh]));
const sourceZh = (source: FundingSource): string => SOURCE_ZH.get(source) ?? source;

export function buildBudgetLines(ctx: BuildContext): SheetResult<BudgetLinesOutput> {
  const { district } = ctx;
  const T = district.budgetYear;
  const schools = ctx.output("schools").table;
  const p = (key: PolicyKey) => ctx.param(key);
  const { edition, exact } = classificationEdition(T);
  const sb = new SheetBuilder(budgetLinesSheet, ctx);
  sb.title(
    `${district.name} ${T}年部门预算明细`,
    `单位: 万元。科目按《${edition.year}年政府收支分类科目》${exact ? "" : `(${T}年早于已收录的最早版本, 按该版编码)`}; 本年预算均为公式, 上年预算由用户填列`,
  );

  // Pay standards (inputs) and what follows from them.
  const pay = district.personnel;
  const months = 13 - p("allowance.start_month").value;
  const base = contributionBase(pay);
  const kvTop = sb.row;
  const at = (i: number) => cellAddress(kvTop + i, 1, true);
  const kv = sb.keyValues([
    {
      key: "basicPay",
      label: "人均基本工资(元/人·年)",
      cell: val(pay.basicPay),
      style: "yuan",
      note: "录入",
    },
    {
      key: "allowances",
      label: "人均津贴补贴(元/人·年)",
      cell: val(pay.allowances),
      style: "yuan",
      note: "录入",
    },
    {
      key: "performancePay",
      label: "人均绩效工资(元/人·年)",
      cell: val(pay.performancePay),
      style: "yuan",
      note: "录入",
    },
    {
      key: "base",
      label: "缴费基数(元/人·年)",
      cell: fx(contributionBaseFormula(at(0), at(1), at(2)), base),
      style: "yuan",
      note: "基本工资 + 津贴补贴 + 绩效工资; 养老、职业年金、医疗、住房公积金均按此基数",
    },
    { key: "bureauStaff", label: "局机关人数", cell: val(pay.bureauStaff), style: "integer", note: "录入" },
    {
      key: "months",
      label: "乡村教师生活补助本年发放月数",
      cell: fx(allowanceMonthsFormula(p("allowance.start_month").name), months),
      style: "integer",
      note: "按 参数 起始月份",
    },
  ]);
  const ref = (key: string) => kv[key]?.absolute ?? "";
  if (base === 0) sb.note("未录入工资标准(录入-区县 人均基本工资等): 人员经费按 0 列示, 请补录后重新生成。");

  const rows: LineRow[] = [];
  const unitOf = (school: School) => ({ code: school.code, name: school.name, kind: "事业" as const });
  const add = (
    unit: BudgetLine["unit"],
    functionCode: string,
    economicCode: string,
    expense: ExpenseKind,
    item: string,
    formula: string,
    value: number,
    source: FundingSource = "general",
  ) => {
    const line = { unit, functionCode, economicCode, expense, source, item, prior: 0, current: value };
    rows.push({ line, amount: fx(formula, value), compulsory: isCompulsory(line, district, edition.year) });
  };

  // 人员经费: the bureau (a 行政 unit) and each school with staff.
  const personnel = (unit: BudgetLine["unit"], functionCode: string, staff: string, staffValue: number) => {
    for (const c of PAY_COMPONENTS) {
      if (c.key === "performancePay" && pay.performancePay === 0) continue;
      add(
        unit,
        functionCode,
        c.economicCode,
        "人员经费",
        c.zh,
        `${payCostFormula(staff, ref(c.key))}/10000`,
        payCost(staffValue, pay[c.key]) / 10000,
      );
    }
    for (const c of CONTRIBUTIONS) {
      const rate = p(RATE_KEY[c.key]);
      add(
        unit,
        contributionFunctionCode(c.key, unit.kind),
        c.economicCode,
        "人员经费",
        c.zh,
        `${contributionCostFormula(staff, ref("base"), rate.name)}/10000`,
        contributionCost(staffValue, base, rate.value) / 10000,
      );
    }
  };
  if (pay.bureauStaff > 0)
    personnel(
      { code: BUREAU_CODE, name: `${district.name}教育局(机关)`, kind: "行政" },
      "2050101",
      ref("bureauStaff"),
      pay.bureauStaff,
    );
  const num = (key: string, index: number) => Number(schools.values(key)[index]);
  const cellOf = (key: string, index: number) => schools.absoluteCell(key, index, true);
  const tierRates = (["allowance.rate.tier1", "allowance.rate.tier2", "allowance.rate.tier3"] as const).map(
    p,
  );
  district.schools.forEach((school, index) => {
    if (school.staff === 0) return;
    const code = schoolFunctionCode(SCHOOL_KIND_BY_TYPE[school.type], edition.year).code;
    personnel(unitOf(school), code, cellOf("staff", index), school.staff);
    // The rural teacher allowance (a 津贴补贴) of a school in a remoteness tier, as 教职工 computes it.
    if (school.remotenessTier > 0) {
      const tier = cellOf("remotenessTier", index);
      const rate = tierRates[school.remotenessTier - 1]?.value ?? 0;
      add(
        unitOf(school),
        code,
        "30102",
        "人员经费",
        "乡村教师生活补助",
        `${cellOf("staff", index)}*CHOOSE(${tier}+1,0,${tierRates.map((r) => r.name).join(",")})*${ref("months")}/10000`,
        (school.staff * rate * months) / 10000,
      );
    }
  });

  // 公用经费 of each compulsory school, by level (the 公用经费 sheet's split of its amount).
  const funds = ctx.outputIfBuilt("publicFunds");
  if (funds) {
    const byCode = new Map(district.schools.map((s) => [s.code, s]));
    const codes = funds.table.values("code");
    codes.forEach((code, i) => {
      const school = byCode.get(String(code));
      if (!school) return;
      for (const [part, level] of [
        ["primaryPart", "primary"],
        ["juniorPart", "junior"],
      ] as const) {
        const students = level === "primary" ? "primary" : "junior";
        if (Number(funds.table.values(students)[i]) === 0) continue;
        add(
          unitOf(school),
          schoolFunctionCode(level, edition.year).code,
          "30299",
          "公用经费",
          "公用经费(按定额)",
          funds.table.absoluteCell(part, i, true),
          Number(funds.table.values(part)[i]),
        );
      }
    });
  } else sb.note("本工作簿未含 公用经费 表: 预算明细不列公用经费。");

  // 学生资助 (项目支出): the rates in force in T on 参数.
  const boardP = p("aid.boarding.primary");
  const boardJ = p("aid.boarding.junior");
  const perDay = p("nutrition.yuan_per_day");
  const days = p("nutrition.days");
  const grant = p("aid.senior_grant");
  const preschool = p("aid.preschool");
  district.schools.forEach((school, index) => {
    const code = schoolFunctionCode(SCHOOL_KIND_BY_TYPE[school.type], edition.year).code;
    const primary = num("primaryStudents", index);
    const junior = num("juniorStudents", index);
    const compulsory = primary + junior;
    const [pr, jr] = [cellOf("primaryStudents", index), cellOf("juniorStudents", index)];
    if (school.needyBoarders > 0 && compulsory > 0)
      add(
        unitOf(school),
        code,
        "30305",
        "项目支出",
        "家庭经济困难寄宿生生活补助",
        `IF(${pr}+${jr}=0,0,${cellOf("needyBoarders", index)}*(${pr}*${boardP.name}+${jr}*${boardJ.name})/(${pr}+${jr}))/10000`,
        (school.needyBoarders * (primary * boardP.value + junior * boardJ.value)) / compulsory / 10000,
      );
    if (district.nutritionPlan && school.area === "农村" && compulsory > 0)
      add(
        unitOf(school),
        code,
        "30305",
        "项目支出",
        "农村义务教育学生营养改善计划",
        `(${pr}+${jr})*${perDay.name}*${days.name}/10000`,
        (compulsory * perDay.value * days.value) / 10000,
      );
    const aid = cellOf("aidStudents", index);
    for (const [students, rate, item, level] of [
      ["seniorStudents", grant, "普通高中国家助学金", "senior"],
      ["kgStudents", preschool, "学前教育资助", "kindergarten"],
    ] as const) {
      const n = num(students, index);
      if (school.aidStudents === 0 || n === 0) continue;
      add(
        unitOf(school),
        schoolFunctionCode(level, edition.year).code,
        "30308",
        "项目支出",
        item,
        `MIN(${aid},${cellOf(students, index)})*${rate.name}/10000`,
        (Math.min(school.aidStudents, n) * rate.value) / 10000,
      );
    }
  });

  // 项目支出: the capital projects in T (coded as the user chose, else by the school's level), and the debt repaid.
  const projects = ctx.outputIfBuilt("projects")?.table;
  const bureau = { code: BUREAU_CODE, name: `${district.name}教育局(机关)`, kind: "行政" as const };
  // “三公”经费 the bureau budgets, as given on 录入-区县: lines of the bureau under their 经济分类 款.
  for (const t of THREE_PUBLIC) {
    const amount = district.threePublic?.[t.key] ?? 0;
    if (amount === 0) continue;
    const expense = t.key === "vehiclePurchase" ? "项目支出" : "公用经费";
    const line = {
      unit: bureau,
      functionCode: CONTRIBUTION_FUNCTION_CODES.bureau,
      economicCode: t.economicCode,
    };
    rows.push({
      line: { ...line, expense, source: "general", item: t.zh, prior: 0, current: amount },
      amount: val(amount),
      compulsory: false,
    });
  }
  if (projects)
    district.projects.forEach((project, i) => {
      const school = district.schools.find((s) => s.code === project.school);
      const functionCode =
        project.functionCode ??
        (school
          ? schoolFunctionCode(SCHOOL_KIND_BY_TYPE[school.type], edition.year).code
          : project.category === "幼儿园"
            ? schoolFunctionCode("kindergarten", edition.year).code
            : OTHER_GENERAL);
      add(
        school ? unitOf(school) : bureau,
        functionCode,
        project.economicCode ?? PROJECT_ECONOMIC[project.category],
        "项目支出",
        project.name,
        projects.absoluteCell("amountInYear", i, true),
        project.amountInYear,
      );
    });
  const repayment: CellExport | undefined = ctx.outputIfBuilt("debt")?.schedule?.repaymentYearT;
  if (repayment)
    add(bureau, OTHER_GENERAL, OTHER_EXPENSE, "项目支出", "偿还教育债务", repayment.ref, repayment.value);

  const priorGiven = district.priorBudgetLines !== undefined;
  if (district.priorBudgetLines) {
    const { lines: matched, unmatched } = matchPrior(
      rows.map((r) => r.line),
      district.priorBudgetLines,
    );
    matched.forEach((line, i) => {
      const row = rows[i];
      if (row) rows[i] = { ...row, line };
    });
    // Last year's lines that no line of this year has: kept, with 本年 0.
    const schoolsByCode = new Map(district.schools.map((s) => [s.code, s]));
    for (const last of unmatched) {
      const school = schoolsByCode.get(last.unitCode);
      const unit =
        last.unitCode === BUREAU_CODE
          ? bureau
          : school
            ? unitOf(school)
            : { code: last.unitCode, name: last.unitCode, kind: "事业" as const };
      const line = {
        unit,
        functionCode: last.functionCode,
        economicCode: last.economicCode,
        expense: last.expense,
        source: "general" as const,
        item: last.item,
        prior: last.amount,
        current: 0,
      };
      rows.push({ line, amount: val(0), compulsory: isCompulsory(line, district, edition.year) });
    }
  }
  const table = linesTable(sb, rows, edition, priorGiven);
  codeCheck(ctx, sb, rows, edition.year);

  // Revenue by source: 上年 and 本年; 一般公共预算拨款 is what the lines funded from it add up to.
  const revenueRows = revenue(ctx, table, rows);
  sb.note("收入预算 Revenue (万元): 一般公共预算拨款收入 = 本表由其安排的支出; 其他来源按 录入-财政");
  const revenueTable = sb.table<RevenueRow>({
    name: "tblBudgetRevenue",
    rows: revenueRows,
    totals: { label: "合计", keys: ["prior", "current"] },
    columns: [
      { key: "source", header: "收入来源", width: 26, style: "text", cell: ({ item }) => val(item.zh) },
      { key: "prior", header: "上年预算", width: 14, style: "money", cell: ({ item }) => item.prior },
      { key: "current", header: "本年预算", width: 14, style: "money", cell: ({ item }) => item.current },
    ],
  });
  const generalIndex = revenueRows.findIndex((r) => r.source === "general");
  const generalRow = revenueRows[generalIndex];
  const general = {
    prior: {
      ref: revenueTable.absoluteCell("prior", generalIndex, true),
      value: generalRow?.priorValue ?? 0,
    },
    current: {
      ref: revenueTable.absoluteCell("current", generalIndex, true),
      value: generalRow?.currentValue ?? 0,
    },
  };
  sourcesReconciled(ctx, sb, table, rows, revenueTable, revenueRows);
  parts(ctx, sb, table, rows, revenueTable.cell("current", generalIndex), general.current.value);
  ceilingCheck(ctx, sb, revenueTable.cell("current", generalIndex), general.current.value);
  const compulsory = compulsoryTotal(sb, table, rows);
  const header = table.headerRow + 1;
  const plan = sb
    .freezeAt(header, 2)
    .printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: `${header}:${header}` })
    .build();
  return {
    plan,
    output: {
      lines: rows.map((r) => r.line),
      table,
      revenue: revenueTable,
      revenueRows,
      general,
      compulsory,
      editionYear: edition.year,
      contributionBase: { ref: kv.base?.ref ?? "", value: base },
    },
  };
}

/** A line's 上年 and 本年 as computed (上年 0 where the user fills it). */
function amountsOf(num: (key: string) => number, priorGiven: boolean) {
  return { prior: priorGiven ? num("prior") : 0, current: num("current") };
}

const RATE_KEY: Readonly<Record<(typeof CONTRIBUTIONS)[number]["key"], PolicyKey>> = {
  pension: "personnel.pension_rate",
  annuity: "personnel.annuity_rate",
  medical: "personnel.medical_rate",
  housingFund: "personnel.housing_fund_rate",
};

function linesTable(
  sb: SheetBuilder,
  rows: readonly LineRow[],
  edition: ReturnType<typeof classificationEdition>["edition"],
  priorGiven: boolean,
): TableResult {
  const fnName = (code: string) => functionCodeOf(edition, code)?.name ?? "(未收录的科目)";
  const ecName = (code: string) => economicCodeOf(edition, code)?.name ?? "(未收录的科目)";
  return sb.table<LineRow>({
    name: "tblBudgetLines",
    rows,
    totals: { label: "合计", keys: ["prior", "current", "delta"] },
    columns: [
      {
        key: "unitCode",
        header: "单位代码",
        width: 10,
        style: "text",
        cell: ({ item }) => val(item.line.unit.code),
      },
      {
        key: "unit",
        header: "单位名称",
        width: 22,
        style: "text",
        cell: ({ item }) => val(item.line.unit.name),
      },
      { key: "unitKind", header: "单位性质", width: 8, cell: ({ item }) => val(item.line.unit.kind) },
      {
        key: "basic",
        header: "基本/项目",
        width: 9,
        cell: ({ item }) => val(item.line.expense === "项目支出" ? "项目支出" : "基本支出"),
      },
      { key: "expense", header: "支出类型", width: 9, cell: ({ item }) => val(item.line.expense) },
      {
        key: "functionCode",
        header: "功能科目编码",
        width: 11,
        style: "text",
        cell: ({ item }) => val(item.line.functionCode),
      },
      {
        key: "lei",
        header: "类",
        width: 6,
        style: "text",
        cell: ({ ref, item }) => fx(`LEFT(${ref("functionCode")},3)`, item.line.functionCode.slice(0, 3)),
      },
      {
        key: "functionName",
        header: "功能科目名称",
        width: 20,
        style: "text",
        cell: ({ item }) => val(fnName(item.line.functionCode)),
      },
      {
        key: "economicCode",
        header: "经济科目编码",
        width: 11,
        style: "text",
        cell: ({ item }) => val(item.line.economicCode),
      },
      {
        key: "economicName",
        header: "经济科目名称",
        width: 20,
        style: "text",
        cell: ({ item }) => val(ecName(item.line.economicCode)),
      },
      { key: "source", header: "资金来源", width: 18, cell: ({ item }) => val(sourceZh(item.line.source)) },
      {
        key: "compulsory",
        header: "义务教育",
        width: 8,
        cell: ({ item }) => val(item.compulsory ? COMPULSORY_MARK : "否"),
      },
      { key: "item", header: "明细", width: 24, style: "text", cell: ({ item }) => val(item.line.item) },
      priorGiven
        ? {
            key: "prior",
            header: "上年预算",
            width: 12,
            style: "money",
            cell: ({ item }) => val(item.line.prior),
          }
        : { key: "prior", header: "上年预算(填列)", width: 12, style: "money", cell: () => null },
      { key: "current", header: "本年预算", width: 12, style: "money", cell: ({ item }) => item.amount },
      {
        key: "delta",
        header: "增减",
        width: 12,
        style: "money",
        cell: ({ ref, num }) =>
          fx(`${ref("current")}-${ref("prior")}`, change(amountsOf(num, priorGiven)).delta),
      },
      {
        key: "rate",
        header: "增幅",
        width: 9,
        style: "rate",
        cell: ({ ref, num }) =>
          fx(changeRateFormula(ref("current"), ref("prior")), change(amountsOf(num, priorGiven)).rate ?? ""),
      },
    ],
  });
}

/** Every line's codes belong to the edition used: a check, with the lines that do not. */
function codeCheck(ctx: BuildContext, sb: SheetBuilder, rows: readonly LineRow[], year: number): void {
  const { edition } = classificationEdition(year);
  const bad = rows.filter(
    (r) => !functionCodeOf(edition, r.line.functionCode) || !economicCodeOf(edition, r.line.economicCode),
  );
  const label = `科目编码均属《${edition.year}年政府收支分类科目》已收录科目`;
  sb.checkRow(
    ctx,
    { label, formula: bad.length === 0 ? "TRUE()" : "FALSE()", note: "生成时核对; 手工改动编码后请重新生成" },
    {
      id: "budgetLines.codes",
      labelZh: label,
      labelEn: `Every line's codes are in the ${edition.year} classification`,
      pass: bad.length === 0,
      ...(rows.length === 0
        ? { applicable: false, detailZh: "没有预算行", detailEn: "no budget lines" }
        : {
            detailZh:
              bad.length === 0
                ? `${rows.length} 行均有效`
                : `${bad.length} 行的科目编码未收录: ${bad
                    .slice(0, 5)
                    .map((r) => `${r.line.item} ${r.line.functionCode}/${r.line.economicCode}`)
                    .join("; ")}`,
            detailEn:
              bad.length === 0 ? `all ${rows.length} lines valid` : `${bad.length} lines with unknown codes`,
          }),
    },
  );
}

/** The sum of the 本年 amounts of the lines whose column `key` is `text`, as 预算明细's own formula. */
const linesWhere = (table: TableResult, key: string, text: string): string =>
  sumEqual(table.range(key), str(text), table.range("current"));

/** The amounts of the lines funded by a source. */
const fundedBy = (rows: readonly LineRow[], source: FundingSource): number =>
  rows.filter((r) => r.line.source === source).reduce((sum, r) => sum + r.line.current, 0);

/**
 * The revenue of the budget: 一般公共预算拨款 of T is what the lines funded from it add up to (上年 is the prior year's
 * input); the other sources as given on 录入-财政 (国有资本经营 has no input: 0).
 */
function revenue(ctx: BuildContext, table: TableResult, rows: readonly LineRow[]): RevenueRow[] {
  const { fiscal } = ctx.district;
  const given = (
    source: FundingSource,
    field: "governmentFunds" | "businessIncome" | "otherIncome" | "carryOver",
  ) => ({
    source,
    zh: sourceZh(source),
    prior: val(fiscal.prior[field]),
    current: val(fiscal.current[field]),
    priorValue: fiscal.prior[field],
    currentValue: fiscal.current[field],
  });
  const generalValue = fundedBy(rows, "general");
  return [
    {
      source: "general",
      zh: sourceZh("general"),
      prior: val(fiscal.prior.appropriation),
      current: fx(linesWhere(table, "source", sourceZh("general")), generalValue),
      priorValue: fiscal.prior.appropriation,
      currentValue: generalValue,
    },
    given("fund", "governmentFunds"),
    {
      source: "stateCapital",
      zh: sourceZh("stateCapital"),
      prior: val(0),
      current: val(0),
      priorValue: 0,
      currentValue: 0,
    },
    given("business", "businessIncome"),
    given("other", "otherIncome"),
    given("carryOver", "carryOver"),
  ];
}

/**
 * Each source given on 录入-财政 against the lines funded by it: a difference is money given and not budgeted (or
 * budgeted and not given), shown in red with its size and on 目录.
 */
function sourcesReconciled(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  rows: readonly LineRow[],
  revenueTable: TableResult,
  revenueRows: readonly RevenueRow[],
): void {
  const given = revenueRows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.source !== "general" && row.source !== "stateCapital");
  sb.note("核对: 各来源收入 − 由该来源安排的支出 (差额不为0表示收入未安排或支出无来源)");
  const check = sb.reconciliationTable(ctx, {
    name: "tblBudgetSources",
    headers: { label: "收入来源", stated: "收入", parts: "由其安排的支出" },
    style: "money",
    rows: given.map(({ row, index }) => ({
      labelZh: `${row.zh}: 收入 − 由其安排的支出`,
      labelEn: `${row.source}: revenue − lines funded by it`,
      stated: { formula: revenueTable.cell("current", index), value: row.currentValue },
      parts: { formula: linesWhere(table, "source", row.zh), value: fundedBy(rows, row.source) },
    })),
  });
  sb.conditional(check.range("difference"), `ROUND(${check.cell("difference", 0)},2)<>0`, "fail");
}
/** A part of 一般公共预算拨款收入 (其中): a levy on a base the user gives, or the transfers of the projects. */
interface Part {
  readonly label: string;
  readonly base: PlanCell;
  readonly rate: PlanCell;
  /** The amount's cell where it is not base × rate. */
  readonly amount?: PlanCell;
  readonly value: number;
  readonly note: string;
}

/** The rate of a levy on 参数 and whether its rule is in force in T (a rule before its start year is not). */
function levy(ctx: BuildContext, key: PolicyKey, label: string, base: number, baseLabel: string): Part {
  const rate = ctx.param(key);
  const policy = ctx.pack.values[key];
  const off = notInForceSpec(ctx.pack, [key], ctx.district.budgetYear);
  return {
    label,
    base: val(base),
    rate: fx(rate.name, rate.value),
    value: base * rate.value,
    note: off ? `${policy.fromYear}年起施行, 本年按0计` : `${baseLabel} × 比率 (参数 ${policy.labelZh})`,
  };
}

/**
 * The parts of 一般公共预算拨款收入 where the user gives their bases (其中 rows): 教育费附加 (3 %) and 地方教育附加 (2 %)
 * of the VAT and consumption tax paid, 土地出让收益计提教育资金 (10 % of the land-transfer 收益), and the 上级转移支付
 * of the projects (中央 / 省) by their funding split; with the checks that the parts do not exceed the total and that
 * the land money pays no more than the 项目支出 for buildings and equipment (it may not pay 人员经费 or 公用经费).
 */
function parts(
  ctx: BuildContext,
  sb: SheetBuilder,
  table: TableResult,
  rows: readonly LineRow[],
  generalCell: string,
  generalValue: number,
): void {
  const { current } = ctx.district.fiscal;
  const list: Part[] = [];
  const surcharge = current.surchargeTaxBase;
  if (surcharge !== undefined) {
    list.push(
      levy(ctx, "revenue.education_surcharge_rate", "教育费附加", surcharge, "实缴增值税和消费税"),
      levy(ctx, "revenue.local_education_surcharge_rate", "地方教育附加", surcharge, "实缴增值税和消费税"),
    );
  }
  const land = current.landTransferIncome;
  const landIndex = land === undefined ? -1 : list.length;
  if (land !== undefined)
    list.push(
      levy(ctx, "revenue.land_transfer_education_rate", "土地出让收益计提教育资金", land, "土地出让收益"),
    );
  const projects = ctx.outputIfBuilt("projects")?.table;
  if (projects && ctx.district.projects.length > 0)
    for (const [key, label] of [
      ["year_central", "中央转移支付(项目)"],
      ["year_provincial", "省级转移支付(项目)"],
    ] as const) {
      const total = projects.total(key);
      if (total.value === 0) continue;
      list.push({
        label,
        base: null,
        rate: null,
        amount: fx(total.ref, total.value),
        value: total.value,
        note: "基建 本年安排中该级资金",
      });
    }
  if (list.length === 0) return;
  sb.note("一般公共预算拨款收入 其中 (万元)");
  const partsTable = sb.table<Part>({
    name: "tblBudgetRevenueParts",
    rows: list,
    totals: { label: "其中合计", keys: ["amount"] },
    columns: [
      { key: "item", header: "其中", width: 26, style: "text", cell: ({ item }) => val(item.label) },
      { key: "base", header: "计征依据", width: 14, style: "money", cell: ({ item }) => item.base },
      { key: "rate", header: "比率", width: 9, style: "rate", cell: ({ item }) => item.rate },
      {
        key: "amount",
        header: "金额",
        width: 14,
        style: "money",
        cell: ({ item, ref }) => item.amount ?? fx(`${ref("base")}*${ref("rate")}`, item.value),
      },
      { key: "note", header: "说明", width: 40, style: "text", cell: ({ item }) => val(item.note) },
    ],
  });
  const partsTotal = list.reduce((sum, part) => sum + part.value, 0);
  const within = reconcile(partsTotal, [generalValue]) <= 0;
  sb.checkRow(
    ctx,
    {
      label: "其中各项合计不超过一般公共预算拨款收入",
      formula: `${reconcileFormula(partsTable.total("amount").local, [generalCell])}<=0`,
    },
    {
      id: "budgetLines.partsWithinGeneral",
      labelZh: "一般公共预算拨款收入的其中各项合计不超过其总额",
      labelEn: "The parts of the general appropriation do not exceed it",
      pass: within,
      detailZh: `其中合计 ${partsTotal.toFixed(2)} 万元, 一般公共预算拨款收入 ${generalValue.toFixed(2)} 万元`,
      detailEn: `parts ${partsTotal.toFixed(2)}, general appropriation ${generalValue.toFixed(2)} (10k yuan)`,
    },
  );
  const landPart = list[landIndex];
  if (landPart) {
    // 校舍建设和维修改造、教学设备购置: the 项目支出 under 310 资本性支出.
    const capital = rows
      .filter((r) => r.line.expense === "项目支出" && r.line.economicCode.startsWith("310"))
      .reduce((sum, r) => sum + r.line.current, 0);
    const capitalFormula = `SUMPRODUCT((${table.range("expense")}="项目支出")*(LEFT(${table.range("economicCode")},3)="310")*${table.range("current")})`;
    const capitalRow = sb.row;
    sb.keyValues([
      {
        key: "capital",
        label: "校舍建设和设备购置的项目支出(经济分类310)",
        cell: fx(capitalFormula, capital),
        style: "money",
      },
    ]);
    const off = notInForceSpec(ctx.pack, ["revenue.land_transfer_education_rate"], ctx.district.budgetYear);
    const fits = reconcile(landPart.value, [capital]) <= 0;
    sb.checkRow(
      ctx,
      {
        label: "土地出让收益计提的教育资金不超过校舍建设和设备购置支出",
        formula: `${reconcileFormula(partsTable.cell("amount", landIndex), [cellAddress(capitalRow, 1)])}<=0`,
        note: "不得用于人员经费和公用经费 (财综〔2011〕62号)",
      },
      {
        id: "budgetLines.landFundUse",
        labelZh: "土地出让收益计提的教育资金不超过校舍建设和设备购置的项目支出",
        labelEn: "The land-transfer education fund pays no more than buildings and equipment",
        pass: fits,
        detailZh: `计提 ${landPart.value.toFixed(2)} 万元, 校舍建设和设备购置项目支出 ${capital.toFixed(2)} 万元`,
        detailEn: `fund ${landPart.value.toFixed(2)}, capital projects ${capital.toFixed(2)} (10k yuan)`,
        ...(off ?? {}),
      },
    );
  }
}

/**
 * 二上 within the 控制数 of 一下: the appropriation typed for T on 录入-财政 is the 控制数 of 一般公共预算拨款, and
 * the budget's own 一般公共预算拨款收入 must not exceed it; the 建议数 of 一上, where given, is shown beside it.
 */
function ceilingCheck(ctx: BuildContext, sb: SheetBuilder, generalCell: string, generalValue: number): void {
  const { current } = ctx.district.fiscal;
  const ceiling = current.appropriation;
  const proposed = current.proposedAppropriation;
  sb.note("两上两下: 本预算(二上)与控制数(一下)、建议数(一上)");
  const top = sb.row;
  const at = (i: number) => cellAddress(top + i, 1);
  const over = generalValue - ceiling;
  sb.keyValues([
    {
      key: "ceiling",
      label: "一般公共预算拨款控制数(一下)",
      cell: val(ceiling),
      style: "money",
      note: "录入-财政 本年教育财政拨款",
    },
    {
      key: "over",
      label: "二上 − 控制数",
      cell: fx(`${generalCell}-${at(0)}`, over),
      style: "money",
      note: "大于0为超出控制数",
    },
    ...(proposed === undefined
      ? []
      : [
          {
            key: "proposed",
            label: "一般公共预算拨款建议数(一上)",
            cell: val(proposed),
            style: "money" as const,
            note: "录入-财政",
          },
          {
            key: "fromProposal",
            label: "二上 − 建议数",
            cell: fx(`${generalCell}-${at(2)}`, generalValue - proposed),
            style: "money" as const,
          },
        ]),
  ]);
  sb.conditional(at(1), `ROUND(${at(1)},2)>0`, "fail");
  if (proposed !== undefined) sb.conditional(at(3), `ROUND(${at(3)},2)<>0`, "fail");
  sb.checkRow(
    ctx,
    { label: "二上在控制数之内", formula: `ROUND(${at(1)},2)<=0` },
    {
      id: "budgetLines.withinCeiling",
      labelZh: "一般公共预算拨款(二上)不超过控制数(一下)",
      labelEn: "The general appropriation (second round) is within the ceiling",
      pass: roundHalfAway(over, 2) <= 0,
      detailZh: `二上 ${generalValue.toFixed(2)} 万元, 控制数 ${ceiling.toFixed(2)} 万元, 差额 ${over.toFixed(2)} 万元`,
      detailEn: `budget ${generalValue.toFixed(2)}, ceiling ${ceiling.toFixed(2)}, difference ${over.toFixed(2)} (10k yuan)`,
    },
  );
}

/** The 义务教育 mark of a line on 预算明细. */
const COMPULSORY_MARK = "是";

/**
 * Whether a line is 义务教育's: every line of a 小学, 教学点, 初中 or 九年一贯制 school (its staff's contributions
 * too), and the lines of other units coded to 小学教育 or 初中教育 (a 完全中学's 初中 公用经费).
 */
function isCompulsory(line: BudgetLine, district: District, year: number): boolean {
  const school = schoolsByCode(district).get(line.unit.code);
  const kind = school ? SCHOOL_KIND_BY_TYPE[school.type] : undefined;
  if (kind === "primary" || kind === "junior") return true;
  const codes = [schoolFunctionCode("primary", year).code, schoolFunctionCode("junior", year).code];
  return codes.includes(line.functionCode);
}

/** The district's schools by code, made once per district (a line asks for its unit's school). */
const SCHOOLS_BY_CODE = new WeakMap<District, ReadonlyMap<string, School>>();
function schoolsByCode(district: District): ReadonlyMap<string, School> {
  let found = SCHOOLS_BY_CODE.get(district);
  if (!found) {
    found = new Map(district.schools.map((s) => [s.code, s]));
    SCHOOLS_BY_CODE.set(district, found);
  }
  return found;
}

/** The general-budget lines of 义务教育, on a row of their own: 财政's 义务教育财政拨款. */
function compulsoryTotal(sb: SheetBuilder, table: TableResult, rows: readonly LineRow[]): CellExport {
  const value = rows
    .filter((r) => r.line.source === "general" && r.compulsory)
    .reduce((sum, r) => sum + r.line.current, 0);
  const formula = `SUMPRODUCT((${table.range("source")}=${str(sourceZh("general"))})*(${table.range("compulsory")}=${str(COMPULSORY_MARK)})*${table.range("current")})`;
  const kv = sb.keyValues([
    {
      key: "compulsory",
      label: "其中: 义务教育",
      cell: fx(formula, value),
      style: "money",
      note: "一般公共预算拨款安排的义务教育学校及小学教育、初中教育支出; 财政 表义务教育财政拨款(本年)取此数",
    },
  ]);
  return { ref: kv.compulsory?.ref ?? "", value };
}

/** A formula text literal for a source's Chinese name (the criterion the tables sum by). */
export const sourceCriterion = (source: FundingSource): string => str(sourceZh(source));
