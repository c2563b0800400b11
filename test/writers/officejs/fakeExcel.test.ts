import { createFakeExcel, installFakeOffice } from "../../support/fakeExcel";

describe("the fake Excel", () => {
  test("turns a string starting with = written to values into a formula, unless the cell is formatted as text", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A2").numberFormat = [["@"]];
      sheet.getRange("A1:A2").values = [["=1+1"], ["=1+1"]];
      sheet.getRange("B1:B3").values = [["007"], ["+86 x"], ["TRUE"]];
      await context.sync();
    });
    const cells = fake.cellsOf("S");
    expect(cells.A1).toMatchObject({ formula: "=1+1", value: null });
    expect(cells.A2).toMatchObject({ formula: null, value: "=1+1" });
    expect(cells.B1?.value).toBe(7);
    expect(cells.B2?.formula).toBe("=+86 x");
    expect(cells.B3?.value).toBe(true);
  });

  test("applies nothing until sync and refuses to read a property that was not loaded and synced", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    const context = fake.createContext();
    const sheets = context.workbook.worksheets.load("items/name");
    context.workbook.worksheets.add("New");
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    expect(fake.sheetNames()).toEqual(["S"]);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["S"]);
    expect(fake.sheetNames()).toEqual(["S", "New"]);
  });

  test("counts syncs, API calls and request bytes, and fails the chosen sync without applying it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    fake.failAtSync(2);
    const context = fake.createContext();
    context.workbook.worksheets.add("A");
    await context.sync();
    context.workbook.worksheets.add("B");
    context.workbook.worksheets.getItem("S").getRange("A1").values = [["x".repeat(1000)]];
    await expect(context.sync()).rejects.toThrow(/injected/);
    expect(fake.sheetNames()).toEqual(["S", "A"]);
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.apiCalls).toBe(5); // add, add, getItem, getRange, values
    expect(fake.stats.requests[1]?.bytes).toBeGreaterThan(1000);
  });

  test("sets the height of every row of several areas at once, and rejects an address as long as Excel rejects", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRanges("3:3,7:9").format.rowHeight = 30;
      await context.sync();
    });
    expect(fake.workbook.sheets[0]?.rowHeights).toEqual({ 3: 30, 7: 30, 8: 30, 9: 30 });
    const long = Array.from({ length: 1000 }, (_, i) => `${2 * i + 1}:${2 * i + 1}`).join(",");
    const context = fake.createContext();
    context.workbook.worksheets.getItem("S").getRanges(long).format.rowHeight = 30;
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
  });

  test("rejects a request larger than its limit as a whole", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    fake.requestLimitBytes = 500;
    const context = fake.createContext();
    context.workbook.worksheets.getItem("S").getRange("A1").values = [["y".repeat(600)]];
    await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(fake.cellsOf("S")).toEqual({});
  });

  test("rewrites references (not text) on a sheet rename and turns them into #REF! when the sheet is deleted", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "数据" },
        {
          name: "用",
          cells: { A1: { formula: "='数据'!A1+数据!B2" }, A2: { formula: `=HYPERLINK("#'数据'!A1")` } },
        },
      ],
    });
    fake.seedName("N", "='数据'!$A$1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("数据").name = "数据 新";
    });
    expect(fake.cellsOf("用").A1?.formula).toBe("='数据 新'!A1+'数据 新'!B2");
    expect(fake.cellsOf("用").A2?.formula).toBe(`=HYPERLINK("#'数据'!A1")`);
    expect(fake.workbook.names[0]?.formula).toBe("='数据 新'!$A$1");
    await fake.run(async (context) => context.workbook.worksheets.getItem("数据 新").delete());
    expect(fake.cellsOf("用").A1?.formula).toBe("=#REF!A1+#REF!B2");
  });

  test("rewrites structured references on a table's rename, also in formulas entered after an earlier rename", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "表", cells: { A1: "名", A2: 1 } },
        { name: "用", cells: { A1: { formula: "=SUM(Table1[名])" }, A2: { formula: `="Table1[名]"` } } },
      ],
    });
    await fake.run(async (context) => {
      const table = context.workbook.worksheets.getItem("表").tables.add("A1:A2", true);
      table.name = "甲";
      await context.sync();
      context.workbook.worksheets.getItem("用").getRange("B1").formulas = [["=COUNT(甲[名])"]];
      await context.sync();
      context.workbook.tables.getItem("甲").name = "乙";
    });
    expect(fake.cellsOf("用").A1?.formula).toBe("=SUM(乙[名])");
    expect(fake.cellsOf("用").A2?.formula).toBe(`="Table1[名]"`);
    expect(fake.cellsOf("用").B1?.formula).toBe("=COUNT(乙[名])");
    await fake.run(async (context) => context.workbook.worksheets.getItem("表").delete());
    expect(fake.cellsOf("用").B1?.formula).toBe("=COUNT(#REF![名])");
  });

  test("pauses between the calls a sync applies when asked to, and applies two contexts' syncs one after the other", async () => {
    const pauses: (() => void)[] = [];
    const seen: (string | null)[] = [];
    const fake = createFakeExcel({
      sheets: [{ name: "S" }],
      pauseWhileApplying: () => {
        seen.push(String(fake.cellsOf("S").A1?.value ?? "-"));
        return new Promise<void>((resolve) => pauses.push(resolve));
      },
    });
    const [first, second] = [fake.createContext(), fake.createContext()];
    first.workbook.worksheets.getItem("S").getRange("A1").values = [["一"]];
    second.workbook.worksheets.getItem("S").getRange("A1").values = [["二"]];
    const syncs = Promise.all([first.sync(), second.sync()]);
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    await turn();
    expect(pauses).toHaveLength(1);
    for (let resume = pauses.shift(); resume; resume = pauses.shift()) {
      resume();
      await turn();
    }
    await syncs;
    // getItem, getRange and the values of the first sync, then the second's: never one call of each in turn.
    expect(seen).toEqual(["-", "-", "一", "一", "一", "二"]);
  });

  test("draws an edge border on the cells along it and an inside border on the sides cells share", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    await fake.run(async (context) => {
      const borders = context.workbook.worksheets.getItem("S").getRange("B2:C3").format.borders;
      borders.getItem("EdgeTop").style = "Continuous";
      borders.getItem("EdgeRight").style = "Continuous";
      borders.getItem("InsideVertical").style = "Dash";
      borders.getItem("InsideHorizontal").style = "Dot";
    });
    const styles = Object.fromEntries(Object.entries(fake.cellsOf("S")).map(([a, cell]) => [a, cell.style]));
    expect(styles).toEqual({
      B2: { "border.top.style": "Continuous", "border.right.style": "Dash", "border.bottom.style": "Dot" },
      C2: {
        "border.top.style": "Continuous",
        "border.right.style": "Continuous",
        "border.left.style": "Dash",
        "border.bottom.style": "Dot",
      },
      B3: { "border.right.style": "Dash", "border.top.style": "Dot" },
      C3: { "border.right.style": "Continuous", "border.left.style": "Dash", "border.top.style": "Dot" },
    });
  });

  test("refuses sheet names Excel refuses and names that are taken", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data" }] });
    await expect(fake.run(async (c) => void c.workbook.worksheets.add("data"))).rejects.toThrow(
      /ItemAlreadyExists/,
    );
    await expect(fake.run(async (c) => void c.workbook.worksheets.add("a/b"))).rejects.toThrow(
      /InvalidArgument/,
    );
    await expect(fake.run(async (c) => void c.workbook.worksheets.add("x".repeat(32)))).rejects.toThrow(
      /InvalidArgument/,
    );
  });

  test("installs Excel and Office globals for a page and removes them again", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }] });
    const target: Record<string, unknown> = {};
    const uninstall = installFakeOffice(target, fake, { displayLanguage: "en-US" });
    const office = target.Office as {
      onReady(): Promise<{ host: string }>;
      context: { displayLanguage: string };
    };
    expect((await office.onReady()).host).toBe("Excel");
    expect(office.context.displayLanguage).toBe("en-US");
    expect(typeof (target.Excel as { run: unknown }).run).toBe("function");
    uninstall();
    expect("Excel" in target).toBe(false);
  });

  test("answers the task pane's calls: find a sheet or null, read its used range, select, and fill the active cell", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S" }, { name: "学校", cells: { B2: "甲", C3: 5 } }] });
    const read = await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("无");
      const sheet = context.workbook.worksheets.getItemOrNullObject("学校");
      await context.sync();
      const used = sheet.getUsedRangeOrNullObject(true).load("values");
      await context.sync();
      return { missing: missing.isNullObject, found: sheet.isNullObject, rows: used.values };
    });
    expect(read).toEqual({
      missing: true,
      found: false,
      rows: [
        ["甲", ""],
        ["", 5],
      ],
    });
    const address = await fake.run(async (context) => {
      context.workbook.worksheets.getItem("学校").getRange("D4").select();
      const cell = context.workbook.getActiveCell().load("address");
      await context.sync();
      cell.formulas = [["=EDU.GROWTH(1,2)"]];
      await context.sync();
      return cell.address;
    });
    expect(address).toBe("'学校'!D4");
    expect(fake.cellsOf("学校").D4?.formula).toBe("=EDU.GROWTH(1,2)");
  });
});
