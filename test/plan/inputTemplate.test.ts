import ExcelJS from "exceljs";
import { SHEETS } from "../../src/district/layout";
import type { District } from "../../src/district/model";
import { readInputWorkbook, plainValue } from "../../src/district/readers/xlsx";
import { readDistrictTables } from "../../src/district/readers/tables";
import { getSample } from "../../src/district/samples";
import { parseCell } from "../../src/plan/address";
import { buildInputTemplatePlan, templateExample } from "../../src/plan/inputTemplate";
import type { WorkbookPlan } from "../../src/plan/types";
import { validatePlan } from "../../src/plan/validate";

/** The plan's cells as the tables a reader gets (rows[0] is row 1). */
function planTables(plan: WorkbookPlan) {
  return plan.sheets.map((sheet) => ({
    sheet: sheet.name,
    rows: (sheet.blocks[0]?.cells ?? []).map((row) => row.map((cell) => (cell === null ? null : cell.v))),
  }));
}

/** A tiny renderer of the plan's constants, widths, formats and lists: enough to read the file back. */
async function renderWithExceljs(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const block of sheet.blocks) {
      const anchor = parseCell(block.anchor);
      block.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell === null || "f" in cell) return;
          // A plain string value is stored as a shared string: text, never a formula.
          ws.getCell(anchor.row + r + 1, anchor.column + c + 1).value = cell.v;
        }),
      );
    }
    for (const column of sheet.columns) ws.getColumn(column.column).width = column.width;
    for (const validation of sheet.validations.slice(0, 3))
      ws.getCell(validation.range.split(":")[0] as string).dataValidation = {
        type: "list",
        formulae: [`"${validation.list.join(",")}"`],
      };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const withTrickyNames = (): District => {
  const district = structuredClone(getSample("zhenlai"));
  const names = ['=HYPERLINK("x")', "+1小学", "-中学", "@教学点"];
  names.forEach((name, index) => Object.assign(district.schools[index] as object, { name }));
  return district;
};

describe("buildInputTemplatePlan", () => {
  const plan = buildInputTemplatePlan();

  it("has the 8 input sheets, in order, and passes validatePlan", () => {
    expect(plan.sheets.map((sheet) => sheet.name)).toEqual([
      "录入-区县",
      "录入-财政",
      "录入-学校",
      "录入-项目",
      "录入-债务",
      "录入-布局",
      "录入-学前",
      "录入-声明",
    ]);
    expect(validatePlan(plan)).toEqual([]);
    expect(validatePlan(buildInputTemplatePlan(getSample("wuzhen")))).toEqual([]);
  });

  it("gives every sheet a bold frozen header row, widths for every column and only constant cells", () => {
    for (const sheet of plan.sheets) {
      const spec = SHEETS.find((candidate) => candidate.name === sheet.name);
      expect(sheet.freeze?.rows).toBe(1);
      expect(sheet.print.repeatRows).toBe("1:1");
      expect(
        plan.styles[sheet.formats.find((format) => format.range.startsWith("A1:"))?.style ?? ""]?.bold,
      ).toBe(true);
      expect(sheet.columns).toHaveLength(spec?.columns.length ?? -1);
      expect(sheet.blocks[0]?.cells[0]?.map((cell) => cell?.v)).toEqual(
        spec?.columns.map((column) => column.zh),
      );
      for (const row of sheet.blocks[0]?.cells ?? [])
        for (const cell of row) expect(cell === null || !("f" in cell)).toBe(true);
    }
  });

  it("offers drop-down lists for types, areas, status, category, step, yes/no, kindergarten kind and level", () => {
    const lists = plan.sheets.flatMap((sheet) =>
      sheet.validations.map((validation) => validation.list.join("/")),
    );
    expect(lists).toEqual(
      expect.arrayContaining([
        "幼儿园/小学/初中/九年一贯制/完全中学/高中/职业学校/特教学校/教学点",
        "城市/县镇/农村",
        "新建/续建",
        "教学楼/周转房/幼儿园/危房改造/运动场/食堂宿舍/实训基地/其他",
        "1/2/3/4",
        "是/否",
        "示范幼儿园/镇中心幼儿园/民办幼儿园/公办幼儿园",
        "小学/初中/高中",
        "中西部/东部",
        "欠款/声明总额/偿还能力",
      ]),
    );
  });

  it("formats text columns as text so a typed =… stays text", () => {
    const schools = plan.sheets.find((sheet) => sheet.key === "input-schools");
    expect(schools?.formats).toEqual(
      expect.arrayContaining([{ range: expect.stringMatching(/^B2:B\d{3,}$/), style: "text" }]),
    );
    expect(plan.styles.text?.numFmt).toBe("@");
  });

  it("has a few example rows per sheet, a small valid district that reads back equal", () => {
    const counts = Object.fromEntries(
      plan.sheets.map((sheet) => [sheet.name, (sheet.blocks[0]?.cells.length ?? 0) - 1]),
    );
    expect(counts).toMatchObject({ "录入-学校": 2, "录入-项目": 1, "录入-布局": 1, "录入-学前": 1 });
    const result = readDistrictTables(planTables(plan), "template.xlsx");
    expect(result.problems).toEqual([]);
    expect(result.district).toEqual(templateExample());
  });

  it("holds a whole example district that reads back equal", () => {
    const district = withTrickyNames();
    expect(readDistrictTables(planTables(buildInputTemplatePlan(district)), "t.xlsx").district).toEqual(
      district,
    );
  });
});

describe("the input workbook through exceljs", () => {
  it("round-trips a district, keeping names that start with =, +, - or @ as text", async () => {
    const district = withTrickyNames();
    const result = await readInputWorkbook(
      await renderWithExceljs(buildInputTemplatePlan(district)),
      "input.xlsx",
    );
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.district).toEqual(district);
    expect(result.tables.map((table) => table.sheet)).toEqual(SHEETS.map((sheet) => sheet.name));
  });

  it("round-trips the wuzhen sample with its debts, mergers and stated counts", async () => {
    const result = await readInputWorkbook(
      await renderWithExceljs(buildInputTemplatePlan(getSample("wuzhen"))),
      "w.xlsx",
    );
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("reports bytes that are not a workbook", async () => {
    const result = await readInputWorkbook(new TextEncoder().encode("not a zip"), "broken.xlsx");
    expect(result.district).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "broken.xlsx",
        message: expect.stringMatching(/^无法读取该 .xlsx 文件/),
      }),
    ]);
  });

  it("reads what a cell shows: rich text, a formula's cached result, a hyperlink's text, an error code", () => {
    expect(plainValue({ richText: [{ text: "海阳" }, { text: "小学" }] })).toBe("海阳小学");
    expect(plainValue({ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)).toBe(2);
    expect(plainValue({ text: "链接", hyperlink: "http://x" })).toBe("链接");
    expect(plainValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(plainValue(null)).toBeNull();
  });

  it("reads a workbook whose user typed numbers as text and reordered columns", async () => {
    const workbook = new ExcelJS.Workbook();
    const plan = buildInputTemplatePlan(getSample("zhenlai"));
    const bytes = await renderWithExceljs(plan);
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const ws = workbook.getWorksheet("录入-学校") as ExcelJS.Worksheet;
    ws.spliceColumns(1, 0, []); // an empty first column: headers move right
    const classes = (ws.getRow(1).values as unknown[]).indexOf("班数");
    ws.getCell(2, classes).value = "45";
    const result = await readInputWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), "typed.xlsx");
    expect(result.district).toEqual(getSample("zhenlai"));
  });
});
