/**
 * Hand-made workbook plans for the writers' tests: small enough to read, covering every feature a plan carries.
 * Every formula's stored value is its true result, so recalculating engines must agree with it.
 */
import { columnLetter } from "../../src/plan/address";
import type { Block, CellStyle, FormulaCell, PlanCell, SheetPlan, WorkbookPlan } from "../../src/plan/types";

const v = (value: string | number | boolean): PlanCell => ({ v: value });
const f = (formula: string, value: FormulaCell["v"]): PlanCell => ({ f: formula, v: value });

/** School names that look like formulas or signed numbers: they must stay text. */
export const DANGEROUS_TEXT = ["=1+1", "+86 中学", "-5", "@x"] as const;

export const FIXTURE_STYLES: { readonly [id: string]: CellStyle } = {
  title: { bold: true, fontSize: 14 },
  header: { bold: true, fill: "DDEBF7", border: true, horizontal: "center", wrap: true },
  int: { numFmt: "#,##0" },
  pct: { numFmt: "0.00%" },
  money: { numFmt: "#,##0.00" },
  grid: { border: true },
  text: { numFmt: "@" },
  bad: { color: "9C0006", fill: "FFC7CE" },
};

const FUNDS_PER_STUDENT = 650;
const DROPOUT_LIMIT = 0.006;

const paramsSheet: SheetPlan = {
  name: "参数",
  key: "params",
  tabColor: "70AD47",
  blocks: [
    {
      anchor: "A1",
      cells: [
        [v("参数"), null, null],
        [v("名称"), v("键"), v("值")],
        [v("辍学率上限(小学)"), v("P_dropout_primary"), v(DROPOUT_LIMIT)],
        [v("生均公用经费(小学, 元)"), v("P_funds_primary"), v(FUNDS_PER_STUDENT)],
      ],
    },
  ],
  columns: [
    { column: "A", width: 24 },
    { column: "B", width: 20 },
    { column: "C", width: 10 },
  ],
  formats: [
    { range: "A1", style: "title" },
    { range: "A2:C2", style: "header" },
    { range: "C3", style: "pct" },
    { range: "C4", style: "int" },
  ],
  merges: ["A1:C1"],
  tables: [],
  conditionalFormats: [],
  validations: [],
  freeze: { rows: 2, columns: 0 },
  print: { orientation: "portrait", fitToWidth: true, repeatRows: "1:2" },
  charts: [],
};

const schools: readonly {
  code: string;
  name: string;
  students: number;
  dropouts: number;
  standard: string;
}[] = [
  { code: "S01", name: DANGEROUS_TEXT[0], students: 120, dropouts: 1, standard: "是" },
  { code: "007", name: DANGEROUS_TEXT[1], students: 0, dropouts: 0, standard: "否" },
  { code: "S03", name: DANGEROUS_TEXT[2], students: 300, dropouts: 3, standard: "是" },
  { code: "S04", name: DANGEROUS_TEXT[3], students: 45, dropouts: 0, standard: "否" },
];

function schoolRow(school: (typeof schools)[number], index: number): PlanCell[] {
  const r = index + 3;
  const rate = school.students === 0 ? 0 : school.dropouts / school.students;
  return [
    v(school.code),
    v(school.name),
    v(school.students),
    v(school.dropouts),
    f(`IF(C${r}=0,0,D${r}/C${r})`, rate),
    f(`C${r}*P_funds_primary/10000`, (school.students * FUNDS_PER_STUDENT) / 10000),
    null,
    v(school.standard),
  ];
}

const total = (pick: (s: (typeof schools)[number]) => number): number =>
  schools.reduce((sum, s) => sum + pick(s), 0);
const totalStudents = total((s) => s.students);
const totalDropouts = total((s) => s.dropouts);
const totalFunds = schools.reduce((sum, s) => sum + (s.students * FUNDS_PER_STUDENT) / 10000, 0);
const overLimit = schools.filter((s) => s.students > 0 && s.dropouts / s.students > DROPOUT_LIMIT).length;

const schoolsSheet: SheetPlan = {
  name: "学校",
  key: "schools",
  tabColor: "4472C4",
  blocks: [
    { anchor: "A1", cells: [[v("学校"), null, null, null, null, null]] },
    {
      anchor: "A2",
      cells: [
        [v("代码"), v("名称"), v("学生数"), v("辍学数"), v("辍学率"), v("公用经费"), null, v("达标")],
        ...schools.map(schoolRow),
        [
          v("合计"),
          null,
          f("SUM(C3:C6)", totalStudents),
          f("SUM(D3:D6)", totalDropouts),
          f("IF(C7=0,0,D7/C7)", totalDropouts / totalStudents),
          f("SUM(F3:F6)", totalFunds),
          null,
          null,
        ],
      ],
    },
    {
      anchor: "A9",
      cells: [
        [v("辍学率超限"), f('COUNTIF(E3:E6,">"&P_dropout_primary)', overLimit)],
        [v("全部达标"), f("B9=0", overLimit === 0)],
        [v("说明"), f('"共"&C7&"人"', `共${totalStudents}人`)],
        [v("除以零"), f("1/0", { error: "#DIV/0!" })],
        [v("查无"), f("NA()", { error: "#N/A" })],
        [v("兜底"), f("IFERROR(1/0,-1)", -1)],
        [v("空白"), f('IF(B9>0,"","无")', overLimit > 0 ? "" : "无")],
      ],
    },
  ],
  columns: [
    { column: "A", width: 12 },
    { column: "B", width: 24 },
    { column: "E", width: 10.5 },
  ],
  formats: [
    { range: "A1", style: "title" },
    { range: "A2:H2", style: "header" },
    { range: "A3:B6", style: "text" },
    { range: "C3:D7", style: "int" },
    { range: "E3:E7", style: "pct" },
    { range: "F3:F7", style: "money" },
    { range: "A3:H7", style: "grid" },
  ],
  merges: ["A1:F1"],
  tables: [
    {
      name: "T_schools",
      range: "A2:F6",
      columns: ["代码", "名称", "学生数", "辍学数", "辍学率", "公用经费"].map((name) => ({ name })),
      style: "TableStyleMedium2",
    },
  ],
  conditionalFormats: [{ range: "E3:E6", formula: "E3>P_dropout_primary", style: "bad" }],
  validations: [{ range: "H3:H6", list: ["是", "否"], errorMessage: "请选择 是 或 否" }],
  freeze: { rows: 2, columns: 2 },
  print: { orientation: "landscape", fitToWidth: true, repeatRows: "1:2" },
  charts: [],
};

const summarySheet: SheetPlan = {
  name: "汇总 表",
  key: "summary",
  blocks: [
    {
      anchor: "A1",
      cells: [
        [v("总学生数"), f("'学校'!C7", totalStudents)],
        [v("公用经费合计"), f("SUM('学校'!F3:F6)", totalFunds)],
        [v("超限学校"), f("'学校'!B9", overLimit)],
      ],
    },
  ],
  columns: [
    { column: "A", width: 16 },
    { column: "B", width: 9 },
  ],
  formats: [{ range: "B2", style: "money" }],
  merges: [],
  tables: [],
  conditionalFormats: [],
  validations: [],
  print: { orientation: "portrait", fitToWidth: false },
  charts: [
    {
      type: "column",
      title: "学生数",
      categories: "'学校'!B3:B6",
      series: [{ name: "学生数", values: "'学校'!C3:C6" }],
      from: "D2",
      to: "J15",
    },
  ],
};

export const smallPlan: WorkbookPlan = {
  sheets: [paramsSheet, schoolsSheet, summarySheet],
  names: [
    { name: "P_dropout_primary", ref: "'参数'!$C$3", comment: "小学辍学率上限" },
    { name: "P_funds_primary", ref: "'参数'!$C$4" },
    { name: "R_students", ref: "'学校'!$C$3:$C$6" },
  ],
  styles: FIXTURE_STYLES,
  checks: [
    {
      id: "dropout",
      labelZh: "控辍",
      labelEn: "Dropout",
      sheet: "schools",
      cell: "B10",
      pass: overLimit === 0,
      detailZh: `${overLimit} 所学校超限`,
      detailEn: `${overLimit} schools over the limit`,
    },
  ],
  properties: {
    title: "测试区 2026 年教育经费预算",
    district: "测试区",
    budgetYear: 2026,
    policyPack: "national-2024",
    generator: "edu-budget 1.0.0",
  },
};

/**
 * A large plan: `rows` schools × `columns` columns (a third of them formulas), a table over all of it and a few
 * shared styles — the shape of the biggest real sheet, for size and speed measurements.
 */
export function largePlan(rows: number, columns: number): WorkbookPlan {
  const header: PlanCell[] = Array.from({ length: columns }, (_, c) => v(`列${c + 1}`));
  const body: PlanCell[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c): PlanCell => {
      if (c === 0) return v(`学校${r + 1}`);
      if (c % 3 === 0)
        return f(`${columnLetter(c - 2)}${r + 2}+${columnLetter(c - 1)}${r + 2}`, r + c - 2 + (r + c - 1));
      return v(r + c);
    }),
  );
  const block: Block = { anchor: "A1", cells: [header, ...body] };
  const last = columnLetter(columns - 1);
  return {
    ...smallPlan,
    names: [],
    sheets: [
      {
        name: "学校",
        key: "schools",
        blocks: [block],
        columns: [{ column: "A", width: 20 }],
        formats: [
          { range: `A1:${last}1`, style: "header" },
          { range: `B2:${last}${rows + 1}`, style: "money" },
          { range: `A2:${last}${rows + 1}`, style: "grid" },
        ],
        merges: [],
        tables: [
          {
            name: "T_large",
            range: `A1:${last}${rows + 1}`,
            columns: header.map((_, c) => ({ name: `列${c + 1}` })),
            style: "TableStyleLight9",
          },
        ],
        conditionalFormats: [],
        validations: [],
        freeze: { rows: 1, columns: 1 },
        print: { orientation: "landscape", fitToWidth: true, repeatRows: "1:1" },
        charts: [],
      },
    ],
  };
}
