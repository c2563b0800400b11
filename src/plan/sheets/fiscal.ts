/**
 * 财政: the fiscal inputs for T−1 and T, the three statutory growths (THREE_GROWTH_DETAIL equivalent) and
 * 两个只增不减 (ONLY_INCREASE) for the chosen scope (all education or compulsory education, switchable on the
 * sheet), and the reconciliation of the fiscal student count with the schools table.
 */
import { compulsoryEducationLawArticle, educationLawArticle } from "../../domain/statutes";
import { divisionByZero, RuleError } from "../../domain/errors";
import {
  growth,
  growthFormula,
  onlyIncrease,
  onlyIncreaseFormula,
  outgrowsFormula,
  risesFormula,
  threeGrowth,
  type GrowthRow,
} from "../../domain/growth";
import type { District, FiscalYear } from "../../district/model";
import { absoluteAddress, cellAddress, sheetRef } from "../address";
import type { BuildContext, CellExport } from "../context";
import { fx, fxRule, SheetBuilder, str, val, valueOf, type TableResult } from "../kit";
import type { SheetDefinition, SheetResult } from "../registry";
import type { StyleName } from "../styles";
import type { FormulaCell } from "../types";

export const fiscalSheet: SheetDefinition<"fiscal", undefined> = {
  key: "fiscal",
  nameZh: "财政",
  nameEn: "Fiscal",
  titleZh: "财政投入与“三个增长”",
  titleEn: "Fiscal: three growths",
  tabColor: "ED7D31",
  signed: true,
  needs: ["schools"],
  // Year T's 教育财政拨款 is the 部门预算's own (预算明细), its 义务教育公用经费 the figure on 公用经费; without them
  // both are the inputs of 录入-财政.
  reads: ["budgetLines", "publicFunds"],
  build: buildFiscal,
};

const SCOPE_ALL = "全部教育";
const SCOPE_COMPULSORY = "义务教育";

/** The figures of a year the growths compare (the budget's revenue inputs are 预算明细's). */
type Figure = Exclude<
  keyof FiscalYear,
  | "governmentFunds"
  | "businessIncome"
  | "otherIncome"
  | "carryOver"
  | "proposedAppropriation"
  | "surchargeTaxBase"
  | "landTransferIncome"
>;

const INPUTS: readonly { key: Figure; label: string; style: StyleName }[] = [
  { key: "appropriation", label: "教育财政拨款(万元)", style: "money" },
  { key: "compulsoryAppropriation", label: "其中:义务教育财政拨款(万元)", style: "money" },
  { key: "recurringRevenue", label: "财政经常性收入(万元)", style: "money" },
  { key: "staffPay", label: "教职工工资总额(万元)", style: "money" },
  { key: "staffHeadcount", label: "教职工人数", style: "integer" },
  { key: "publicFunds", label: "公用经费支出(万元)", style: "money" },
  { key: "compulsoryPublicFunds", label: "其中:义务教育公用经费(万元)", style: "money" },
  { key: "students", label: "在校学生数", style: "integer" },
  { key: "compulsoryStudents", label: "其中:义务教育在校学生数", style: "integer" },
];

type Year = "prior" | "current";
const YEARS: readonly Year[] = ["prior", "current"];

interface BasisRow {
  readonly key: "E" | "R" | "N" | "perStudent" | "P" | "perStudentPublic" | "pay";
  readonly label: string;
  readonly style: StyleName;
  readonly cell: (year: Year) => FormulaCell;
}

const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

type Fiscal = District["fiscal"];
/** An input cell of tblFiscal by field and year. */
type InputRef = (key: Figure, year: Year) => string;
/** Year T's figures that other sheets compute: the cell to show instead of the input. */
type Derived = Partial<Record<Figure, CellExport>>;
/** The comparison basis: a figure's cell and its computed value (NaN where it cannot be computed). */
interface Basis {
  ref(key: BasisRow["key"], year: Year): string;
  num(key: BasisRow["key"], year: Year): number;
}
interface GrowthTest {
  readonly label: string;
  readonly labelEn: string;
  readonly item: BasisRow["key"];
  readonly required?: BasisRow["key"];
}

const TESTS: readonly GrowthTest[] = [
  {
    label: "G1 教育财政拨款增长高于财政经常性收入增长",
    labelEn: "G1 appropriation growth above revenue growth",
    item: "E",
    required: "R",
  },
  { label: "G2 生均教育经费逐步增长", labelEn: "G2 per-student expenditure rises", item: "perStudent" },
  {
    label: "G3 生均公用经费逐步增长",
    labelEn: "G3 per-student public funds rise",
    item: "perStudentPublic",
  },
  { label: "G3 教职工平均工资逐步增长", labelEn: "G3 average staff pay rises", item: "pay" },
];

export function buildFiscal(ctx: BuildContext): SheetResult<undefined> {
  const lines = ctx.outputIfBuilt("budgetLines");
  const funds = ctx.outputIfBuilt("publicFunds");
  const derived: Derived = {
    ...(lines ? { appropriation: lines.general.current, compulsoryAppropriation: lines.compulsory } : {}),
    ...(funds ? { compulsoryPublicFunds: funds.available } : {}),
  };
  const given = ctx.district.fiscal;
  // The figures the growths compare: year T's derived ones in place of the inputs.
  const fiscal: Fiscal = {
    ...given,
    current: {
      ...given.current,
      ...Object.fromEntries(Object.entries(derived).map(([key, cell]) => [key, cell.value])),
    },
  };
  const sb = new SheetBuilder(fiscalSheet, ctx);
  sb.title(
    "财政投入与“三个增长” Fiscal input and the three statutory growths",
    `${educationLawArticle(ctx.district.budgetYear).zh} / ${compulsoryEducationLawArticle(ctx.district.budgetYear).zh} (适用于${ctx.district.budgetYear}年度); 两个只增不减 (国办发〔2018〕82号)`,
  );
  const scope = scopeSetting(sb, fiscal);
  const input = inputsTable(sb, fiscal, derived);
  if (lines)
    sb.note(
      "本年教育财政拨款为本部门预算的一般公共预算拨款收入(取自 预算明细), 义务教育财政拨款为其中小学教育、初中教育的支出; 录入-财政 的本年拨款数为控制数, 在 预算明细 核对",
    );
  const qualified = (local: string): string => sheetRef(sb.name, absoluteAddress(local));
  // Staff pay, the largest line of a year's education spending: 汇总 reads year T's from this input.
  ctx.budgetLines.push({
    category: "教职工工资",
    categoryEn: "Staff pay",
    amount: { ref: qualified(input("staffPay", "current")), value: fiscal.current.staffPay },
  });
  const basis = basisTable(sb, fiscal, scope, input);
  const growths = growthTable(sb, basis);
  verdicts(ctx, sb, fiscal, basis, growths);
  // Reconciliation: the fiscal student counts against the schools table.
  reconciliation(ctx, sb, fiscal, input, ctx.output("schools").table);
  const plan = sb.printSetup({ orientation: "portrait", fitToWidth: true }).build();
  return { plan, output: undefined };
}

/** The scope of the growths, switchable on the sheet, and what the prior year's figures are. */
function scopeSetting(sb: SheetBuilder, fiscal: Fiscal): string {
  const compulsory = fiscal.scope === "compulsory";
  const settings = sb.keyValues([
    {
      key: "scope",
      label: "三个增长口径 Scope",
      cell: val(compulsory ? SCOPE_COMPULSORY : SCOPE_ALL),
      note: "可选 全部教育(教育法) 或 义务教育(义务教育法)",
    },
    {
      key: "priorKind",
      label: "上年数据 Prior year figures",
      cell: val(fiscal.priorIsFinalAccounts ? "决算" : "预算"),
      note: "督导检查以决算数为准",
    },
  ]);
  const scopeCell = settings.scope?.local ?? "B4";
  sb.validation(scopeCell, [SCOPE_ALL, SCOPE_COMPULSORY], `请选择 ${SCOPE_ALL} 或 ${SCOPE_COMPULSORY}`);
  return absoluteAddress(scopeCell);
}

/** The inputs for T−1 and T (tblFiscal), year T's derived figures as references; returns each figure's cell. */
function inputsTable(sb: SheetBuilder, fiscal: Fiscal, derived: Derived): InputRef {
  const inputs = sb.table({
    name: "tblFiscal",
    rows: INPUTS,
    columns: [
      { key: "item", header: "项目 Item", width: 32, cell: ({ item }) => val(item.label) },
      { key: "prior", header: "上年 T−1", width: 14, cell: ({ item }) => val(fiscal.prior[item.key]) },
      {
        key: "current",
        header: "本年 T",
        width: 14,
        cell: ({ item }) => {
          const from = derived[item.key];
          return from ? fx(from.ref, from.value) : val(fiscal.current[item.key]);
        },
      },
    ],
  });
  INPUTS.forEach((input, i) => {
    for (const year of YEARS) sb.format(inputs.cell(year, i), input.style);
  });
  return (key, year) =>
    inputs.cell(
      year,
      INPUTS.findIndex((r) => r.key === key),
    );
}

/** The figures of the chosen scope, and the per-student and per-head figures the growths compare. */
function basisTable(sb: SheetBuilder, fiscal: Fiscal, scope: string, input: InputRef): Basis {
  const compulsory = fiscal.scope === "compulsory";
  const scoped = (all: Figure, comp: Figure, year: Year): FormulaCell =>
    fx(
      `IF(${scope}=${str(SCOPE_COMPULSORY)},${input(comp, year)},${input(all, year)})`,
      fiscal[year][compulsory ? comp : all],
    );
  const basisRows: BasisRow[] = [];
  const basisRef = (key: BasisRow["key"], year: Year): string =>
    cellAddress(basisHeaderRow + 1 + basisRows.findIndex((r) => r.key === key), year === "prior" ? 1 : 2);
  const basisValue = (key: BasisRow["key"], year: Year): number => {
    const v = valueOf(basisRows.find((r) => r.key === key)?.cell(year) ?? null);
    return typeof v === "number" ? v : NaN;
  };
  const perHead = (amount: BasisRow["key"], heads: BasisRow["key"], year: Year): FormulaCell =>
    fxRule(`${basisRef(amount, year)}*10000/${basisRef(heads, year)}`, () => {
      const h = basisValue(heads, year);
      if (h === 0) throw divZero();
      return (basisValue(amount, year) * 10000) / h;
    });
  basisRows.push(
    {
      key: "E",
      label: "教育财政拨款(口径内, 万元)",
      style: "money",
      cell: (y) => scoped("appropriation", "compulsoryAppropriation", y),
    },
    {
      key: "R",
      label: "财政经常性收入(万元)",
      style: "money",
      cell: (y) => fx(input("recurringRevenue", y), fiscal[y].recurringRevenue),
    },
    {
      key: "N",
      label: "在校学生数(口径内)",
      style: "integer",
      cell: (y) => scoped("students", "compulsoryStudents", y),
    },
    { key: "perStudent", label: "生均教育经费(元)", style: "money", cell: (y) => perHead("E", "N", y) },
    {
      key: "P",
      label: "公用经费(口径内, 万元)",
      style: "money",
      cell: (y) => scoped("publicFunds", "compulsoryPublicFunds", y),
    },
    { key: "perStudentPublic", label: "生均公用经费(元)", style: "money", cell: (y) => perHead("P", "N", y) },
    { key: "pay", label: "教职工平均工资(元)", style: "money", cell: (y) => payCell(y) },
  );
  function payCell(y: Year): FormulaCell {
    return fxRule(`${input("staffPay", y)}*10000/${input("staffHeadcount", y)}`, () => {
      if (fiscal[y].staffHeadcount === 0) throw divZero();
      return (fiscal[y].staffPay * 10000) / fiscal[y].staffHeadcount;
    });
  }
  const basisHeaderRow = sb.row;
  const basis = sb.table<BasisRow>({
    name: "tblFiscalBasis",
    rows: basisRows,
    columns: [
      { key: "item", header: "比较口径 Basis", width: 32, cell: ({ item }) => val(item.label) },
      { key: "prior", header: "上年 T−1", cell: ({ item }) => item.cell("prior") },
      { key: "current", header: "本年 T", cell: ({ item }) => item.cell("current") },
    ],
  });
  basisRows.forEach((row, i) => {
    for (const year of YEARS) sb.format(basis.cell(year, i), row.style);
  });
  return { ref: basisRef, num: basisValue };
}

/** THREE_GROWTH_DETAIL: label, achieved growth, required growth, pass. */
function growthTable(sb: SheetBuilder, basis: Basis): TableResult {
  const { num, ref: basisRef } = basis;
  const items: BasisRow["key"][] = ["E", "R", "perStudent", "perStudentPublic", "pay"];
  let domainRows: GrowthRow[] | undefined;
  try {
    domainRows = threeGrowth(
      items.map((k) => num(k, "prior")),
      items.map((k) => num(k, "current")),
    );
  } catch (error) {
    // A zero base: the cells below show the errors the formulas give. Anything else is a defect.
    if (!(error instanceof RuleError)) throw error;
    domainRows = undefined;
  }
  const growthCell = (key: BasisRow["key"]): FormulaCell =>
    fxRule(growthFormula(basisRef(key, "prior"), basisRef(key, "current")), () => {
      if (Number.isNaN(num(key, "prior")) || Number.isNaN(num(key, "current"))) throw divZero();
      return growth(num(key, "prior"), num(key, "current"));
    });
  const table = sb.table({
    name: "tblThreeGrowth",
    rows: TESTS,
    columns: [
      { key: "label", header: "检验 Test", width: 40, cell: ({ item }) => val(item.label) },
      {
        key: "achieved",
        header: "实际增长 Achieved",
        style: "rate",
        cell: ({ item }) => growthCell(item.item),
      },
      {
        key: "required",
        header: "要求增长 Required",
        style: "rate",
        cell: ({ item }) => (item.required ? growthCell(item.required) : val(0)),
      },
      {
        key: "pass",
        header: "是否达到 Pass",
        style: "verdict",
        cell: ({ item, index, ref, value }) => {
          const formula = item.required
            ? outgrowsFormula(ref("achieved"), ref("required"))
            : risesFormula(basisRef(item.item, "prior"), basisRef(item.item, "current"));
          const domainPass = domainRows?.[index]?.pass;
          if (domainPass !== undefined) return sb.verdict(formula, domainPass);
          const a = item.required ? value("achieved") : num(item.item, "current");
          const b = item.required ? value("required") : num(item.item, "prior");
          if (typeof a !== "number" || typeof b !== "number" || Number.isNaN(a) || Number.isNaN(b))
            return sb.verdictRule(formula, () => {
              throw divZero();
            });
          return sb.verdict(formula, a > b);
        },
      },
    ],
  });
  sb.passFail(table.range("pass"), table.cell("pass", 0));
  return table;
}

/** The verdicts 三个增长 and 两个只增不减, each a check. */
function verdicts(
  ctx: BuildContext,
  sb: SheetBuilder,
  fiscal: Fiscal,
  { num, ref: basisRef }: Basis,
  growthTable: TableResult,
): void {
  const compulsory = fiscal.scope === "compulsory";
  const passValues = growthTable.values("pass");
  const allPass = passValues.every((v) => v === sb.verdicts.pass);
  const anyError = passValues.some((v) => v === undefined);
  const failedAt = passValues.findIndex((v) => v !== sb.verdicts.pass);
  const verdictRow = sb.row;
  // A verdict passes or fails: one that cannot be computed (a zero base) is not a pass.
  const overall = sb.verdict(
    `IFERROR(${sb.noneFailed(growthTable.range("pass"))},FALSE())`,
    !anyError && allPass,
  );
  const psKeyPrior = basisRef("perStudent", "prior");
  const psKeyCurrent = basisRef("perStudent", "current");
  const onlyFormula = onlyIncreaseFormula(
    basisRef("E", "prior"),
    basisRef("E", "current"),
    psKeyPrior,
    psKeyCurrent,
  );
  const [e0, e1, p0, p1] = [
    num("E", "prior"),
    num("E", "current"),
    num("perStudent", "prior"),
    num("perStudent", "current"),
  ];
  const onlyPass = [p0, p1].some(Number.isNaN) ? false : onlyIncrease(e0, e1, p0, p1);
  const only = sb.verdict(`IFERROR(${onlyFormula},FALSE())`, onlyPass);
  sb.keyValues([
    { key: "three", label: "三个增长 Three statutory growths", cell: overall, style: "verdict" },
    { key: "only", label: "两个只增不减 No decrease", cell: only, style: "verdict" },
  ]);
  const threeLocal = cellAddress(verdictRow, 1);
  const onlyLocal = cellAddress(verdictRow + 1, 1);

  const rowDetail = (i: number, zh: boolean): string => {
    const t = TESTS[i];
    const achieved = growthTable.values("achieved")[i];
    const required = growthTable.values("required")[i];
    if (!t) return "";
    const name = zh ? t.label : t.labelEn;
    if (typeof achieved !== "number" || typeof required !== "number")
      return `${name}: ${zh ? "无法计算(基数为0)" : "not computable (zero base)"}`;
    const pass = passValues[i] === sb.verdicts.pass;
    const compare = t.required ? ` ${pass ? ">" : "≤"} ${pct(required)}` : "";
    return `${name}: ${pct(achieved)}${compare} ${pass ? "✓" : "✗"}`;
  };
  const scopeZh = compulsory ? SCOPE_COMPULSORY : SCOPE_ALL;
  sb.check(ctx, threeLocal, {
    id: "fiscal.threeGrowth",
    labelZh: `三个增长(${scopeZh})`,
    labelEn: `Three statutory growths (${compulsory ? "compulsory education" : "all education"})`,
    pass: !anyError && allPass,
    detailZh: TESTS.map((_, i) => rowDetail(i, true)).join("; "),
    detailEn: TESTS.map((_, i) => rowDetail(i, false)).join("; "),
    // The first growth that falls short, on this sheet: its inputs are the figures of its row.
    ...(failedAt >= 0
      ? { cause: { sheet: "fiscal" as const, cell: growthTable.cell("achieved", failedAt) } }
      : {}),
  });
  sb.check(ctx, onlyLocal, {
    id: "fiscal.onlyIncrease",
    labelZh: "两个只增不减",
    labelEn: "Education spending and per-student spending do not fall",
    pass: onlyPass,
    detailZh: `教育拨款 ${e0.toFixed(2)} → ${e1.toFixed(2)} 万元; 生均 ${num("perStudent", "prior").toFixed(2)} → ${num("perStudent", "current").toFixed(2)} 元`,
    detailEn: `appropriation ${e0.toFixed(2)} → ${e1.toFixed(2)} (10k yuan); per student ${num("perStudent", "prior").toFixed(2)} → ${num("perStudent", "current").toFixed(2)} yuan`,
  });
}

/** The fiscal student counts reconciled with the schools table. */
function reconciliation(
  ctx: BuildContext,
  sb: SheetBuilder,
  fiscal: Fiscal,
  input: InputRef,
  schools: TableResult,
): void {
  const sum = (key: string): number =>
    schools.values(key).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
  sb.note("核对 Reconciliation (差额为 0 表示一致)");
  sb.reconciliationTable(ctx, {
    name: "tblFiscalReconcile",
    headers: { label: "核对项 Item", stated: "财政数", parts: "学校表" },
    style: "integer",
    rows: [
      {
        labelZh: "在校学生数: 财政 − 学校表合计",
        labelEn: "Students: fiscal figure − schools table",
        stated: { formula: input("students", "current"), value: fiscal.current.students },
        parts: { formula: `SUM(${schools.sheetRange("students")})`, value: sum("students") },
      },
      {
        labelZh: "义务教育在校学生数: 财政 − 学校表(小学+初中)",
        labelEn: "Compulsory students: fiscal figure − schools table (primary + junior)",
        stated: {
          formula: input("compulsoryStudents", "current"),
          value: fiscal.current.compulsoryStudents,
        },
        parts: {
          formula: `SUM(${schools.sheetRange("primaryStudents")})+SUM(${schools.sheetRange("juniorStudents")})`,
          value: sum("primaryStudents") + sum("juniorStudents"),
        },
      },
    ],
  });
}

function divZero(): Error {
  return divisionByZero("prior");
}
