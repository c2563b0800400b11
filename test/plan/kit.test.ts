import { RuleError, divisionByZero, notDefined } from "../../src/domain/errors";
import { fx, fxRule, SheetBuilder, str, val, valueOf, type Register } from "../../src/plan/kit";
import { STYLES } from "../../src/plan/styles";
import { NOT_APPLICABLE, VERDICT_WORDS } from "../../src/plan/verdict";
import type { SheetPlan, WorkbookPlan } from "../../src/plan/types";
import { expectPlanComputes } from "../support/hyperformula";

const PROPERTIES = { title: "t", district: "d", budgetYear: 2026, policyPack: "p", generator: "g" };
const workbook = (sheet: SheetPlan): WorkbookPlan => ({
  sheets: [sheet],
  names: [],
  styles: STYLES,
  checks: [],
  properties: PROPERTIES,
});
const register = (): Register => ({ checks: [], reconciliations: [] });
const builder = () => new SheetBuilder({ key: "debt", nameZh: "核对", tabColor: "000000" });

describe("cells", () => {
  it("refuse a constant or a computed value that is not a finite number", () => {
    expect(() => val(Infinity)).toThrow(/not a finite number/);
    expect(() => fx("A1/0", NaN)).toThrow(/formula A1\/0 computed NaN/);
  });
  it("store a formula without its leading =", () => {
    expect(fx("=SUM(A1:A3)", 6)).toEqual({ f: "SUM(A1:A3)", v: 6 });
  });
  it("mark a rule's rejection with the Excel error of its kind and let any other failure through", () => {
    expect(
      fxRule("A1/B1", () => {
        throw divisionByZero("prior");
      }),
    ).toEqual({ f: "A1/B1", v: { error: "#DIV/0!" } });
    expect(
      fxRule("X", () => {
        throw notDefined("no limit");
      }).v,
    ).toEqual({ error: "#N/A" });
    expect(
      fxRule("X", () => {
        throw new RuleError("value", "bad");
      }).v,
    ).toEqual({ error: "#VALUE!" });
    expect(() =>
      fxRule("X", () => {
        throw new TypeError("a defect");
      }),
    ).toThrow(TypeError);
  });
  it("write text inside a formula as a string literal with its quotes doubled", () => {
    expect(str('幼儿园"新"')).toBe('"幼儿园""新"""');
  });
  it("give the computed value of a cell, none for an empty cell or an expected error", () => {
    expect(valueOf(val(3))).toBe(3);
    expect(valueOf(null)).toBeUndefined();
    expect(valueOf({ f: "1/0", v: { error: "#DIV/0!" } })).toBeUndefined();
  });
});

describe("a table's addresses", () => {
  const build = () => {
    const sb = builder();
    sb.title("标题");
    const table = sb.table({
      name: "tblKit",
      rows: [1, 2, 3],
      columns: [
        { key: "n", header: "数", cell: ({ item }) => val(item) },
        {
          key: "running",
          header: "累计",
          cell: ({ fromFirst, index }) => fx(`SUM(${fromFirst("n")})`, ((index + 1) * (index + 2)) / 2),
        },
      ],
      totals: { label: "合计", keys: ["running"] },
    });
    return { sb, table };
  };
  it("are relative on the sheet and absolute, with the sheet, for other sheets", () => {
    const { table } = build();
    // Title in row 1, a blank row, the header in row 3: data rows 4–6, totals in row 7.
    expect(table.range("n")).toBe("A4:A6");
    expect(table.absoluteRange("n")).toBe("$A$4:$A$6");
    expect(table.sheetRange("running")).toBe("'核对'!$B$4:$B$6");
    expect(table.cell("n", 1)).toBe("A5");
    expect(table.cell("n", 1, true)).toBe("'核对'!A5");
    expect(table.absoluteCell("n", 1)).toBe("$A$5");
    expect(table.absoluteCell("n", 1, true)).toBe("'核对'!$A$5");
    expect(table.total("running")).toEqual({ ref: "'核对'!$B$7", local: "B7", value: 10 });
  });
  it("give a running sum from the first data row (row fixed) to each row, which computes", () => {
    const { sb } = build();
    const plan = sb.build();
    const cells = plan.blocks.flatMap((b) => b.cells.flat());
    expect(cells).toContainEqual({ f: "SUM(A$4:A6)", v: 6 });
    expectPlanComputes(workbook(plan));
  });
  it("say which column a key names when it does not exist", () => {
    const { table } = build();
    expect(() => table.range("missing")).toThrow(/table tblKit has no column missing/);
    expect(() => table.total("n")).toThrow(/no total for n/);
  });
});

describe("key/value rows", () => {
  it("give each value cell relative, absolute and sheet-qualified", () => {
    const sb = builder();
    const kv = sb.keyValues([{ key: "a", label: "甲", cell: val(1) }]);
    expect(kv.a).toEqual({ ref: "'核对'!$B$1", local: "B1", absolute: "$B$1", value: 1 });
  });
});

describe("a check", () => {
  const spec = {
    id: "kit.ok",
    labelZh: "通过",
    labelEn: "OK",
    pass: true,
    detailZh: "说明",
    detailEn: "why",
  };
  it("colours its verdict cell pass/fail and registers it once with the sheet key and the cell", () => {
    const sb = builder();
    const reg = register();
    sb.put(0, 1, [[fx("1=1", true)]]);
    const plan = sb.check(reg, "B1", spec);
    expect(reg.checks).toEqual([{ ...spec, sheet: "debt", cell: "B1" }]);
    expect(plan).toBe(reg.checks[0]);
    expect(sb.build().conditionalFormats).toEqual([
      { range: "B1", formula: 'B1="通过"', style: "pass" },
      { range: "B1", formula: 'B1="未通过"', style: "fail" },
    ]);
  });
  it("as a row puts label, verdict formula and remark at the cursor, and computes", () => {
    const sb = builder();
    sb.skip(2);
    const reg = register();
    const plan = sb.checkRow(reg, { label: "一致吗", formula: "2>1", note: "备注" }, spec);
    expect(plan.cell).toBe("B3");
    const built = sb.build();
    expect(built.blocks).toContainEqual({
      anchor: "A3",
      cells: [[val("一致吗"), fx('IF(2>1,"通过","未通过")', "通过"), val("备注")]],
    });
    expect(reg.checks).toHaveLength(1);
    expectPlanComputes(workbook(built));
  });
  it("registered without colouring leaves the formats to the column it belongs to", () => {
    const sb = builder();
    const reg = register();
    sb.registerCheck(reg, "C9", spec);
    expect(reg.checks[0]?.cell).toBe("C9");
    expect(sb.build().conditionalFormats).toEqual([]);
  });
});

describe("a reconciliation table", () => {
  const build = () => {
    const sb = builder();
    const reg = register();
    sb.put(0, 5, [[val(100)], [val(40)], [val(60.004)]]);
    const table = sb.reconciliationTable(reg, {
      name: "tblKitReconcile",
      headers: { label: "项", stated: "所述", parts: "分项" },
      style: "money",
      rows: [
        {
          labelZh: "一致",
          labelEn: "agrees",
          stated: { formula: "F1", value: 100 },
          parts: { formula: "F2+F3", value: 100.004 },
        },
        {
          labelZh: "不一致",
          labelEn: "differs",
          stated: { formula: "F1", value: 100 },
          parts: { formula: "F2", value: 40 },
        },
      ],
    });
    return { sb, reg, table };
  };
  it("decides agreement to the cent and registers each difference by its absolute reference", () => {
    const { reg, table } = build();
    expect(table.values("difference")).toEqual([0, 60]);
    expect(table.values("ok")).toEqual(["通过", "未通过"]);
    expect(reg.reconciliations).toEqual([
      { labelZh: "一致", labelEn: "agrees", sheet: "debt", difference: { ref: "'核对'!$D$2", value: 0 } },
      { labelZh: "不一致", labelEn: "differs", sheet: "debt", difference: { ref: "'核对'!$D$3", value: 60 } },
    ]);
  });
  it("writes formulas that compute the same difference and agreement", () => {
    expectPlanComputes(workbook(build().sb.build()));
  });
});

describe("a stated count", () => {
  const build = (stated: number) => {
    const sb = builder();
    const reg = register();
    const pass = stated === 3;
    const result = sb.statedCount(reg, {
      stated: { label: "所述", value: stated },
      listed: { label: "所列", value: 3 },
      others: [
        { key: "against", label: "表中", formula: "1+2", value: 3 },
        { key: "matched", label: "匹配", formula: "3", value: 3 },
      ],
      differenceLabel: "差额",
      reconciliation: { labelZh: "所述 − 表中", labelEn: "stated − table" },
      check: { id: "kit.count", labelZh: "数量", labelEn: "count", pass, detailZh: "", detailEn: "" },
    });
    return { sb, reg, result };
  };
  it("reconciles the stated count with the table's and checks that all counts agree", () => {
    const { reg, result } = build(4);
    expect(result.difference.value).toBe(1);
    expect(reg.reconciliations).toEqual([
      {
        labelZh: "所述 − 表中",
        labelEn: "stated − table",
        sheet: "debt",
        difference: { ref: "'核对'!$B$5", value: 1 },
      },
    ]);
    expect(reg.checks).toEqual([expect.objectContaining({ id: "kit.count", cell: "B6", pass: false })]);
  });
  it("writes formulas that compute the difference and the verdict, for a count that agrees and one that does not", () => {
    expectPlanComputes(workbook(build(3).sb.build()));
    expectPlanComputes(workbook(build(4).sb.build()));
  });
  it("refuses a block with nothing to reconcile the stated count with", () => {
    const sb = builder();
    expect(() =>
      sb.statedCount(register(), {
        stated: { label: "所述", value: 1 },
        listed: { label: "所列", value: 1 },
        others: [],
        differenceLabel: "差额",
        reconciliation: { labelZh: "", labelEn: "" },
        check: { id: "kit.none", labelZh: "", labelEn: "", pass: true, detailZh: "", detailEn: "" },
      }),
    ).toThrow(/kit.none: no count to reconcile/);
  });
});

describe("verdict words", () => {
  it("shows a check's verdict as 通过 / 未通过 in a Chinese workbook and Pass / Fail in an English one", () => {
    const zh = builder();
    const en = new SheetBuilder(
      { key: "debt", nameZh: "核对", tabColor: "000000" },
      { verdicts: VERDICT_WORDS.en },
    );
    expect(zh.verdict("1>2", false)).toEqual(fx('IF(1>2,"通过","未通过")', "未通过"));
    expect(en.verdict("2>1", true)).toEqual(fx('IF(2>1,"Pass","Fail")', "Pass"));
    // 不适用 stays in every language.
    expect(en.verdictCell("2>1", { pass: true, applicable: false })).toEqual(val(NOT_APPLICABLE));
  });

  it("counts passed and failed verdicts with COUNTIF, and finds none failed unless one fails", () => {
    const sb = builder();
    sb.put(0, 0, [
      [sb.verdict("1=1", true)],
      [sb.verdict("1=2", false)],
      [val(NOT_APPLICABLE)],
      [sb.verdict("2=2", true)],
    ]);
    sb.put(0, 1, [
      [fx(sb.countPassed("A1:A4"), 2)],
      [fx(sb.countFailed("A1:A4"), 1)],
      [fx(`IF(${sb.noneFailed("A1:A4")},1,0)`, 0)],
      [fx(`IF(${sb.noneFailed("A1:A1")},1,0)`, 1)],
    ]);
    // A 不适用 is neither passed nor failed: a range of passes and 不适用 has none failed.
    sb.put(0, 2, [[fx(`IF(${sb.noneFailed("A3:A4")},1,0)`, 1)]]);
    expectPlanComputes(workbook(sb.build()));
  });

  it("shows a flag as 是 / 否, and tests it for yes", () => {
    const sb = builder();
    sb.put(0, 0, [[sb.yesNo("1<2", true)], [sb.yesNo("1>2", false)]]);
    sb.put(0, 1, [[fx(`IF(${sb.isYes("A1")},10,20)`, 10)], [fx(`IF(${sb.isYes("A2")},10,20)`, 20)]]);
    expect(valueOf(sb.yesNo("1>2", false))).toBe("否");
    expectPlanComputes(workbook(sb.build()));
  });
});
