/** A small workbook plan with charts of every type, and xmllint over the parts the chart writer adds. */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from "../../../src/plan/types";

export const SCHEMAS = join(__dirname, "..", "..", "fixtures", "schemas", "ooxml-order");

export function sheetPlan(name: string, key: string, cells: PlanCell[][], charts: ChartPlan[]): SheetPlan {
  return {
    name,
    key,
    blocks: cells.length > 0 ? [{ anchor: "A1", cells }] : [],
    columns: [
      { column: "A", width: 14 },
      { column: "B", width: 12 },
      { column: "C", width: 12 },
    ],
    formats: [],
    merges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts,
    print: { orientation: "portrait", fitToWidth: false, scale: 100 },
  };
}

/** Three schools' students and classes on 数据, charted there and on sheets of their own. */
export const SCHOOLS = ["甲校", "乙校", "丙校"] as const;
export const STUDENTS = [420, 365, 198] as const;
export const CLASSES = [10, 9, 5] as const;

const dataCells: PlanCell[][] = [
  [{ v: "学校" }, { v: "学生数" }, { v: "班数" }],
  ...SCHOOLS.map((school, i): PlanCell[] => [
    { v: school },
    { v: STUDENTS[i] as number },
    { f: `ROUNDUP(B${i + 2}/45,0)`, v: CLASSES[i] as number },
  ]),
];

export const CHARTS = {
  column: {
    type: "column",
    title: "各校学生数与班数",
    categories: "'数据'!A2:A4",
    series: [
      { name: "学生数", values: "'数据'!B2:B4" },
      { name: "班数", values: "'数据'!C2:C4" },
    ],
    from: "A1",
    to: "F18",
  },
  bar: {
    type: "bar",
    title: "各校班数 (条形)",
    categories: "'数据'!A2:A4",
    series: [{ name: "班数", values: "'数据'!C2:C4" }],
    from: "A1",
    to: "F18",
  },
  pie: {
    type: "pie",
    title: "学生分布",
    categories: "'数据'!A2:A4",
    series: [{ name: "学生数", values: "'数据'!B2:B4" }],
    from: "A1",
    to: "F18",
  },
  local: {
    type: "column",
    title: "学生数",
    categories: "A2:A4",
    series: [{ name: "学生数", values: "B2:B4" }],
    from: "E2",
    to: "H16",
  },
} as const satisfies Record<string, ChartPlan>;

/** 数据 with a chart of its own beside the cells, and one sheet per chart type with no cells but its chart. */
export function chartPlan(): WorkbookPlan {
  return {
    sheets: [
      sheetPlan("数据", "data", dataCells, [CHARTS.local]),
      sheetPlan("柱形图", "column", [], [CHARTS.column]),
      sheetPlan("条形图", "bar", [], [CHARTS.bar]),
      sheetPlan("饼图", "pie", [], [CHARTS.pie]),
    ],
    names: [],
    styles: {},
    checks: [],
    properties: { title: "图表", district: "", budgetYear: 2026, policyPack: "", generator: "test" },
  };
}

/** xmllint over XML texts (well-formedness, and validity against a schema of SCHEMAS when one is named). */
export function xmllint(
  parts: readonly { readonly name: string; readonly xml: string }[],
  schema?: string,
): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "edu-budget-xml-"));
  try {
    const files = parts.map((part, i) => {
      const file = join(dir, `${i}-${part.name.replace(/[^\w.-]/g, "_")}`);
      writeFileSync(file, part.xml);
      return file;
    });
    const args = ["--noout", ...(schema ? ["--schema", join(SCHEMAS, schema)] : []), ...files];
    const run = spawnSync("xmllint", args, { encoding: "utf8" });
    if (run.error)
      throw new Error(`xmllint could not run (${run.error.message}): apt-get install -y libxml2-utils`);
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
