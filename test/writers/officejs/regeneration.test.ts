/**
 * Generating again: replaced sheets keep their tabs' places, and the older copies this add-in generated ("学校 (2)")
 * can go with them, never a user's own sheet of such a name.
 */
import { GENERATED_MARK, writeWorkbookPlan, type WriteOptions } from "../../../src/writers/officejs";
import { createFakeExcel, type FakeExcel } from "../../support/fakeExcel";
import { smallPlan } from "../../support/planFixtures";

const write = (fake: FakeExcel, options: Partial<WriteOptions> = {}) =>
  fake.run((context) => writeWorkbookPlan(context, smallPlan, { onExistingSheet: "keepBoth", ...options }));

/** Moves a sheet of the fake workbook to a tab position, as a user dragging its tab would. */
function dragTab(fake: FakeExcel, name: string, position: number) {
  const sheets = fake.workbook.sheets;
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const others = sheets.filter((s) => s !== sheet);
  fake.workbook.sheets = [...others.slice(0, position), sheet, ...others.slice(position)];
}

describe("re-generation", () => {
  test("replaced sheets keep the tab positions the user gave them", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "我的表" }, { name: "备注" }] });
    await write(fake);
    dragTab(fake, "学校", 0);
    dragTab(fake, "汇总 表", 2);
    const before = fake.sheetNames();
    expect(before).toEqual(["学校", "我的表", "汇总 表", "备注", "参数"]);
    const report = await write(fake, { onExistingSheet: "replaceGenerated" });
    expect(report.replaced).toEqual(["参数", "学校", "汇总 表"]);
    expect(fake.sheetNames()).toEqual(before);
    expect(fake.cellsOf("汇总 表").B2?.formula).toBe("=SUM('学校'!F3:F6)");
  });

  test("removes the older copies it generated, and only those, when asked", async () => {
    const fake = createFakeExcel({
      sheets: [{ name: "学校 (3)", cells: { A1: "用户自己的表" } }, { name: "参数 (x)" }],
    });
    await write(fake);
    await write(fake); // keep both: 参数 (2), 学校 (2), 汇总 表 (2)
    expect(fake.sheetNames()).toEqual(
      expect.arrayContaining(["参数 (2)", "学校 (2)", "汇总 表 (2)", "学校 (3)", "参数 (x)"]),
    );
    const userSheet = fake.cellsOf("学校 (3)");
    const report = await write(fake, { onExistingSheet: "replaceGenerated", removeGeneratedCopies: true });
    expect([...report.removedCopies].sort()).toEqual(["参数 (2)", "学校 (2)", "汇总 表 (2)"].sort());
    expect(fake.sheetNames()).toEqual(["学校 (3)", "参数 (x)", "参数", "学校", "汇总 表"]);
    expect(fake.cellsOf("学校 (3)")).toEqual(userSheet);
    const marked = fake.workbook.sheets.filter((s) => GENERATED_MARK in s.customProperties);
    expect(marked.map((s) => s.name)).toEqual(["参数", "学校", "汇总 表"]);
  });

  test("keeps the older copies unless asked to remove them", async () => {
    const fake = createFakeExcel();
    await write(fake);
    await write(fake);
    const report = await write(fake, { onExistingSheet: "replaceGenerated" });
    expect(report.removedCopies).toEqual([]);
    expect(fake.sheetNames()).toEqual(["参数", "学校", "汇总 表", "参数 (2)", "学校 (2)", "汇总 表 (2)"]);
  });
});
