/**
 * The input template (.xlsx) filled in with a district of the user's own, as a finance officer would, and edited
 * cell by cell: the loader's tests put mistakes of every kind into it.
 */
import ExcelJS from "exceljs";
import type { District, Project } from "../../src/district/model";
import { getSample } from "../../src/district/samples";
import { buildInputTemplatePlan } from "../../src/plan/inputTemplate";
import { writeXlsx } from "../../src/writers/xlsx";

const project = (name: string, school: string, extra: Partial<Project> = {}): Project => ({
  name,
  school,
  status: "新建",
  category: "教学楼",
  totalCost: 300,
  central: 100,
  provincial: 100,
  district: 100,
  town: 0,
  startYear: 2004,
  endYear: 2005,
  amountInYear: 150,
  ...extra,
});

/** The wuzhen sample as a district of the user's own (no note, the national pack) with three projects. */
export function ownDistrict(): District {
  return {
    ...getSample("wuzhen"),
    name: "本区",
    note: "",
    policyPack: "national",
    projects: [
      project("第一中学教学楼", "WZ01"),
      project("第二中学运动场", "WZ02", { category: "运动场" }),
      project("第五中学周转房", "WZ04", { category: "周转房" }),
    ],
  };
}

/** A cell value as a user types it. */
export type Typed = string | number | boolean | null;

/** Where an edit goes: a list sheet's Excel row (1 is the header), or the row of an item (录入-区县, 录入-财政). */
export type RowRef = number | { readonly item: string };

export interface CellEdit {
  readonly sheet: string;
  readonly row: RowRef;
  /** The header of the column, as on row 1. */
  readonly column: string;
  readonly value: Typed;
}

/** A row typed below a list sheet's last row: header → value. */
export interface AppendedRow {
  readonly sheet: string;
  readonly cells: Readonly<Record<string, Typed>>;
}

/** The template filled with the district, then the edits typed in, then saved: the bytes of the .xlsx. */
export async function filledTemplate(
  edits: readonly CellEdit[] = [],
  appended: readonly AppendedRow[] = [],
  district: District = ownDistrict(),
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await writeXlsx(buildInputTemplatePlan(district))) as never);
  const sheetOf = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`the template has no sheet ${name}`);
    return sheet;
  };
  const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
    const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? "").trim());
    const column = headers.indexOf(header);
    if (column < 1) throw new Error(`${sheet.name} has no column ${header}`);
    return column;
  };
  for (const edit of edits) {
    const sheet = sheetOf(edit.sheet);
    let row = typeof edit.row === "number" ? edit.row : -1;
    if (typeof edit.row !== "number") {
      const label = edit.row.item;
      sheet.eachRow((candidate, number) => {
        if (row < 0 && String(candidate.getCell(1).value ?? "").trim() === label) row = number;
      });
      if (row < 0) throw new Error(`${edit.sheet} has no item ${label}`);
    }
    sheet.getRow(row).getCell(columnOf(sheet, edit.column)).value = edit.value;
  }
  for (const { sheet: name, cells } of appended) {
    const sheet = sheetOf(name);
    let last = 1;
    sheet.eachRow((row, number) => {
      if ((row.values as unknown[]).some((value) => value !== null && value !== undefined && value !== ""))
        last = number;
    });
    const row = sheet.getRow(last + 1);
    for (const [header, value] of Object.entries(cells)) row.getCell(columnOf(sheet, header)).value = value;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A mistake of every kind, one each: [the edits, the rows appended], and what each gives (sheet, row, message). */
export const MISTAKES_OF_EVERY_KIND = {
  edits: [
    // The schema: a word for a number, a value not in the list, a negative count, an incomplete row, a bad item.
    { sheet: "录入-学校", row: 3, column: "班数", value: "abc" },
    { sheet: "录入-学校", row: 4, column: "学校类型", value: "大学" },
    { sheet: "录入-学校", row: 5, column: "七年级", value: -3 },
    { sheet: "录入-学校", row: 6, column: "学校名称", value: null },
    { sheet: "录入-学校", row: 6, column: "乡镇", value: null },
    { sheet: "录入-区县", row: { item: "地区" }, column: "值", value: "西部" },
    { sheet: "录入-项目", row: 2, column: "建设状态", value: "完成了" },
    // Across fields: grades against the type, students without classes, boarders above the students, sums.
    { sheet: "录入-学校", row: 2, column: "一年级", value: 30 },
    { sheet: "录入-学校", row: 7, column: "班数", value: 0 },
    { sheet: "录入-学校", row: 8, column: "寄宿生数", value: 99_999 },
    { sheet: "录入-财政", row: { item: "其中:义务教育财政拨款(万元)" }, column: "本年", value: 1_000_000 },
    { sheet: "录入-项目", row: 3, column: "中央资金(万元)", value: 100_000 },
    { sheet: "录入-项目", row: 4, column: "竣工年度", value: 1999 },
    // Codes that are no school's, a year outside the plan.
    { sheet: "录入-项目", row: 3, column: "学校代码或新址", value: "城东新区" },
    { sheet: "录入-布局", row: 2, column: "迁出学校代码", value: "WZ77" },
  ] satisfies CellEdit[],
  appended: [
    // A second school with the first school's code.
    {
      sheet: "录入-学校",
      cells: {
        学校代码: "WZ01",
        学校名称: "第一中学分校",
        乡镇: "城区",
        学校类型: "初中",
        城乡: "城市",
        七年级: 40,
        班数: 1,
        教室数: 1,
        教职工数: 3,
      },
    },
    { sheet: "录入-新生", cells: { 学校代码: "WZ01", 年度: 2030, 起始年级新生数: 100 } },
  ] satisfies AppendedRow[] as AppendedRow[],
  /** [sheet, row, what the message says]. */
  expected: [
    ["录入-学校", 3, /班数:应为数字/],
    ["录入-学校", 4, /学校类型:取值「大学」无效/],
    ["录入-学校", 5, /七年级:不能小于 0/],
    ["录入-学校", 6, /第 6 行不完整,缺少:学校名称、乡镇/],
    ["录入-区县", undefined, /地区:取值「西部」无效/],
    ["录入-项目", 2, /建设状态:取值「完成了」无效/],
    ["录入-学校", 2, /是初中,但一年级有 30 名学生/],
    ["录入-学校", 7, /但班数为 0/],
    ["录入-学校", 8, /寄宿生数 99999 大于在校生数/],
    ["录入-财政", undefined, /义务教育财政拨款.* 1000000 大于 .*教育财政拨款/],
    ["录入-项目", 3, /资金来源合计 .* 大于总投资 300/],
    ["录入-项目", 4, /竣工年度 1999 早于开工年度 2004/],
    ["录入-项目", 3, /学校「城东新区」不是已有学校代码,按新校址处理/],
    ["录入-布局", 2, /学校代码「WZ77」不存在/],
    ["录入-学校", 29, /学校代码「WZ01」重复/],
    ["录入-新生", 2, /新生的年度 2030 不在规划年度/],
  ] as const,
};
