import { buildWorkbookPlan } from "../../src/plan/build";
import type { SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { formulaReferences, invalidNameReason, validatePlan } from "../../src/plan/validate";
import { getPack } from "../../src/policy/packs";
import { smallPlan } from "../support/planFixtures";
import { FIXTURE } from "./fixtures";

const plan = buildWorkbookPlan(FIXTURE, getPack("wuzhen-2004"), {
  generatedAt: "2026-11-29T08:00:00Z",
  generator: "t",
});

function sheetNamed(p: WorkbookPlan, name: string): SheetPlan {
  const sheet = p.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The plan with one sheet replaced. */
function withSheet(p: WorkbookPlan, name: string, change: (sheet: SheetPlan) => SheetPlan): WorkbookPlan {
  return { ...p, sheets: p.sheets.map((s) => (s.name === name ? change(s) : s)) };
}

const messages = (p: WorkbookPlan): string[] => validatePlan(p).map((problem) => problem.message);

describe("validatePlan", () => {
  it("finds nothing wrong in a built plan or the hand-made writer fixture", () => {
    expect(validatePlan(plan)).toEqual([]);
    expect(validatePlan(smallPlan)).toEqual([]);
  });

  it("reports a 32-character sheet name instead of truncating it", () => {
    const long = "预".repeat(32);
    const problems = validatePlan(withSheet(smallPlan, "汇总 表", (s) => ({ ...s, name: long })));
    expect(problems).toContainEqual({
      sheet: long,
      message: `sheet name "${long}" has 32 characters; Excel allows 31`,
    });
  });

  it("accepts a 31-character sheet name", () => {
    const name = "预".repeat(31);
    expect(messages(withSheet(smallPlan, "汇总 表", (s) => ({ ...s, name })))).toEqual([]);
  });

  it.each(["收/支", "a[1]", "x:y", "何?", "星*", "反\\斜"])(
    "reports a sheet name with a forbidden character: %s",
    (name) => {
      expect(messages(withSheet(smallPlan, "汇总 表", (s) => ({ ...s, name })))).toContain(
        `sheet name "${name}" contains one of [ ] : * ? / \\`,
      );
    },
  );

  it("reports blank names and names starting or ending with an apostrophe", () => {
    expect(messages(withSheet(smallPlan, "汇总 表", (s) => ({ ...s, name: "  " })))).toContain(
      'sheet name "  " is blank',
    );
    expect(messages(withSheet(smallPlan, "汇总 表", (s) => ({ ...s, name: "'引号" })))).toContain(
      `sheet name "'引号" starts or ends with an apostrophe`,
    );
  });

  it("reports duplicate sheet names that differ only in case", () => {
    const p: WorkbookPlan = {
      ...smallPlan,
      sheets: [
        ...smallPlan.sheets,
        { ...sheetNamed(smallPlan, "汇总 表"), name: "Summary", key: "a" },
        { ...sheetNamed(smallPlan, "汇总 表"), name: "SUMMARY", key: "b" },
      ],
    };
    expect(messages(p)).toContain('sheet name "SUMMARY" repeats "Summary" (Excel ignores case)');
  });

  it("reports a formula that refers to a missing sheet or an undefined name", () => {
    const p = withSheet(plan, "目录", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "H1", cells: [[{ f: "SUM('不存在'!A1:A3)+P_nothing", v: 0 }]] }],
    }));
    const found = validatePlan(p);
    expect(found).toContainEqual({
      sheet: "目录",
      cell: "H1",
      message: `formula =SUM('不存在'!A1:A3)+P_nothing refers to a missing sheet "不存在"`,
    });
    expect(found).toContainEqual({
      sheet: "目录",
      cell: "H1",
      message: `formula =SUM('不存在'!A1:A3)+P_nothing uses "P_nothing", which is not a defined name`,
    });
  });

  it("reports a ragged block and overlapping blocks", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [
        ...s.blocks,
        { anchor: "A10", cells: [[{ v: 1 }, { v: 2 }], [{ v: 3 }]] },
        { anchor: "B3", cells: [[{ v: "重叠" }]] },
      ],
    }));
    expect(messages(p)).toEqual([
      "block at A10 is not rectangular: row 2 has 1 cells, the first has 2",
      "block at B3 overlaps the block at A1",
    ]);
  });

  it("checks a block of 300,000 rows (a district of 20,000 schools' budget lines) without overflowing the stack", () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [{ v: i }]);
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "A100", cells: rows }],
    }));
    expect(messages(p)).toEqual([]);
  });

  it("reports duplicate table names across sheets, and a table name clashing with a defined name", () => {
    const schools = sheetNamed(smallPlan, "学校");
    const table = schools.tables[0];
    if (!table) throw new Error("fixture has a table");
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "A20", cells: [[{ v: "x" }], [{ v: 1 }]] }],
      tables: [{ ...table, range: "A20:A21", columns: [{ name: "x" }] }],
    }));
    expect(messages(p)).toContain('table name "T_schools" repeats table name "T_schools"');
    const clash = withSheet(smallPlan, "学校", (s) => ({
      ...s,
      tables: [{ ...table, name: "P_funds_primary" }],
    }));
    expect(messages(clash)).toContain('table name "P_funds_primary" repeats defined name "P_funds_primary"');
  });

  it("reports table headers that are empty or repeated, and a table range off the sheet", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [
        ...s.blocks,
        {
          anchor: "A20",
          cells: [
            [{ v: "列" }, { v: "列" }, null],
            [{ v: 1 }, { v: 2 }, { v: 3 }],
          ],
        },
      ],
      tables: [
        {
          name: "T_bad",
          range: "A20:C21",
          columns: [{ name: "列" }, { name: "列" }, { name: "" }],
          style: "x",
        },
      ],
    }));
    expect(messages(p)).toEqual(['table T_bad: header "列" repeats', "table T_bad: header C20 is not text"]);
    const off = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      tables: [{ name: "T_off", range: "A1:XFE2", columns: [], style: "x" }],
    }));
    expect(messages(off)).toEqual(["table T_off: range A1:XFE2 is outside the sheet"]);
  });

  it("reports a style that does not exist and a malformed conditional-format range", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      formats: [{ range: "B2", style: "nope" }],
      conditionalFormats: [{ range: "B2:", formula: "B2>0", style: "bad" }],
    }));
    expect(messages(p)).toEqual([
      `conditional format: "B2:" is not an A1 range`,
      'style "nope" is not defined in the plan\'s styles',
    ]);
  });

  it("reports a function outside the portable list (no dynamic arrays)", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "A10", cells: [[{ f: "XLOOKUP(1,A1:A2,B1:B2)", v: 0 }]] }],
    }));
    expect(messages(p)).toEqual([
      "formula =XLOOKUP(1,A1:A2,B1:B2) calls XLOOKUP, which is not on the portable list",
    ]);
  });

  it("reports a bare TRUE or FALSE in a cell formula (HyperFormula reads it as a name)", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "A10", cells: [[{ f: "IF(B1>0,TRUE(),FALSE)", v: true }]] }],
    }));
    expect(messages(p)).toEqual([
      "formula =IF(B1>0,TRUE(),FALSE) uses the bare literal FALSE: write FALSE() (HyperFormula reads it as a name)",
    ]);
  });
});

describe("validatePlan and Excel's limits", () => {
  const withCell = (cell: { f: string; v: number } | { v: string }) =>
    withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      blocks: [...s.blocks, { anchor: "A10", cells: [[cell]] }],
    }));
  const limitsOf = (p: WorkbookPlan) =>
    validatePlan(p).map(({ sheet, cell, limit }) => ({ sheet, cell, limit }));
  const ones = (n: number): string => Array.from({ length: n }, () => "1").join("+");

  it("accepts a formula just within each limit", () => {
    expect(validatePlan(withCell({ f: ones(4096), v: 4096 }))).toEqual([]);
    expect(validatePlan(withCell({ f: `${"ABS(".repeat(64)}1${")".repeat(64)}`, v: 1 }))).toEqual([]);
    expect(validatePlan(withCell({ f: `SUM(${Array(255).fill("1").join(",")})`, v: 255 }))).toEqual([]);
    expect(validatePlan(withCell({ v: "长".repeat(32767) }))).toEqual([]);
  });

  it("reports a formula of 8,193 characters naming sheet, cell, limit and actual length", () => {
    expect(limitsOf(withCell({ f: `${ones(4096)}1`, v: 0 }))).toEqual([
      { sheet: "汇总 表", cell: "A10", limit: { limit: "formulaLength", max: 8192, actual: 8193 } },
    ]);
  });

  it("reports 65 levels of nesting and 256 arguments", () => {
    expect(limitsOf(withCell({ f: `${"ABS(".repeat(65)}1${")".repeat(65)}`, v: 1 }))).toEqual([
      { sheet: "汇总 表", cell: "A10", limit: { limit: "nesting", max: 64, actual: 65 } },
    ]);
    expect(limitsOf(withCell({ f: `SUM(${Array(256).fill("1").join(",")})`, v: 256 }))).toEqual([
      { sheet: "汇总 表", cell: "A10", limit: { limit: "arguments", max: 255, actual: 256 } },
    ]);
  });

  it("reports a cell text of 32,768 characters", () => {
    expect(limitsOf(withCell({ v: "长".repeat(32768) }))).toEqual([
      { sheet: "汇总 表", cell: "A10", limit: { limit: "cellText", max: 32767, actual: 32768 } },
    ]);
  });

  it("reports a conditional format whose formula breaks a limit", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      conditionalFormats: [{ range: "B2", formula: `${"(".repeat(65)}B2>0${")".repeat(65)}`, style: "bad" }],
    }));
    expect(limitsOf(p)).toEqual([
      { sheet: "汇总 表", cell: "B2", limit: { limit: "nesting", max: 64, actual: 65 } },
    ]);
  });

  it("reports an in-cell list, a colour and print title rows the writers would refuse", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      tabColor: "blue",
      validations: [{ range: "B2", list: ["是", '"否"'], errorMessage: "x" }],
      print: { ...s.print, repeatRows: "A1:B1" },
    }));
    expect(messages(p)).toEqual([
      'validation: list item ""否"" contains a comma or a quote, which Excel cannot list',
      'print repeat rows "A1:B1" is not like "4:4"',
      'tab colour "blue" is not RRGGBB',
    ]);
    expect(messages({ ...smallPlan, styles: { ...smallPlan.styles, odd: { fill: "#FFF" } } })).toEqual([
      'style "odd": fill "#FFF" is not RRGGBB',
    ]);
  });

  it("reports print title columns, a scale, a page header and a row height Excel would refuse", () => {
    const p = withSheet(smallPlan, "汇总 表", (s) => ({
      ...s,
      print: {
        ...s.print,
        fitToWidth: false,
        scale: 5,
        repeatColumns: "1:2",
        header: { center: "表".repeat(254) },
      },
      rows: [{ row: 3, height: 410 }],
    }));
    expect(messages(p)).toEqual([
      'print repeat columns "1:2" is not like "A:B"',
      "print scale 5 % (must be a whole percent from 10 to 400)",
      "the page header has 256 characters with its codes; Excel keeps 255",
      "row 4: row height 410 (must be more than 0 and at most 409 points)",
    ]);
  });
});

describe("formulaReferences", () => {
  it("separates sheets, names, functions and ignores text and cell references", () => {
    expect(formulaReferences(`IF('学校''s'!$B$4="P_x",SUM(学校!A1:B2),P_rate*D_region)+TRUE`)).toEqual({
      sheets: ["学校's", "学校"],
      names: ["P_rate", "D_region"],
      functions: ["IF", "SUM"],
      badCells: [],
      booleans: ["TRUE"],
    });
  });

  it("reports a cell reference past the last column", () => {
    expect(formulaReferences("XFE1+A1").badCells).toEqual(["XFE1"]);
  });
});

describe("invalidNameReason", () => {
  it.each([
    ["A1", "looks like a cell reference"],
    ["R1C1", "looks like a cell reference"],
    ["xfd1048576", "looks like a cell reference"],
    ["1abc", "must start with a letter or underscore and hold only letters, digits, _ and ."],
    ["a b", "must start with a letter or underscore and hold only letters, digits, _ and ."],
    ["x".repeat(256), "is longer than 255 characters"],
  ])("rejects %s", (name, reason) => {
    expect(invalidNameReason(name)).toBe(reason);
  });

  it.each(["P_dropout_primary", "tblSchools", "_x", "参数.值", "D_region"])("accepts %s", (name) => {
    expect(invalidNameReason(name)).toBeUndefined();
  });
});
