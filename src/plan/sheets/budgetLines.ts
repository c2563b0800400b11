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
import { allowanceMonthsFormula } from "../../domain/allowance";
import type { Project, School, SchoolType } from "../../district/model";
import type { PolicyKey } from "../../policy/types";
import { cellAddress } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, SheetBuilder, str, val, type TableResult } from "../kit";
import type { SheetDefinition, SheetResult } from "../registry";
import type { PlanCell } from "../types";

/** A line as the sheet writes it: the model line and how its 本年预算 cell is made. */
export interface LineRow {
  readonly line: BudgetLine;
  /** The 本年预算 cell: a formula over other sheets and its computed value (万元). */
  readonly amount: PlanCell;
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
  /** The edition the codes are taken from. */
  readonly editionYear: number;
}

export const budgetLinesSheet: SheetDefinition<"budgetLines", BudgetLinesOutput> = {
  key: "budgetLines",
  nameZh: "预算明细",
  nameEn: "Budget lines",
  titleZh: "部门预算明细",
  titleEn: "Budget lines",
  tabColor: "375623",
  needs: ["parameters", "schools"],
  // Each source sheet adds its lines when the plan holds it; without 财政 the appropriation is an input here.
  reads: ["fiscal", "publicFunds", "projects", "debt"],
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
  ) =>
    rows.push({
      line: { unit, functionCode, economicCode, expense, source, item, prior: 0, current: value },
      amount: fx(formula, value),
    });

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
      rows.push({
        line: {
          unit,
          functionCode: last.functionCode,
          economicCode: last.economicCode,
          expense: last.expense,
          source: "general",
          item: last.item,
          prior: last.amount,
          current: 0,
        },
        amount: val(0),
      });
    }
  }
  const table = linesTable(sb, rows, edition, priorGiven);
  codeCheck(ctx, sb, rows, edition.year);

  // Revenue by source: 上年 and 本年.
  const revenueRows = revenue(ctx);
  sb.note("收入预算 Revenue (万元)");
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
      editionYear: edition.year,
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

/** The revenue of the budget: the appropriation (from 财政 when built) and the other sources given on 录入-财政. */
function revenue(ctx: BuildContext): RevenueRow[] {
  const { fiscal } = ctx.district;
  const appropriation = ctx.outputIfBuilt("fiscal")?.appropriation;
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
  return [
    {
      source: "general",
      zh: sourceZh("general"),
      prior: appropriation
        ? fx(appropriation.prior.ref, appropriation.prior.value)
        : val(fiscal.prior.appropriation),
      current: appropriation
        ? fx(appropriation.current.ref, appropriation.current.value)
        : val(fiscal.current.appropriation),
      priorValue: fiscal.prior.appropriation,
      currentValue: fiscal.current.appropriation,
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

/** A formula text literal for a source's Chinese name (the criterion the tables sum by). */
export const sourceCriterion = (source: FundingSource): string => str(sourceZh(source));
