import { main } from "../../src/cli/main";
import { readPriorBudgetWorkbook, readWorkbookTables } from "../../src/district/readers/xlsx";
import { memoryIo } from "./memoryIo";

describe("edu-budget generate --prior", () => {
  it("takes 上年预算 from last year's generated workbook and never writes over it", async () => {
    const io = memoryIo();
    expect(await main(["generate", "--sample", "zhenlai", "--out", "last.xlsx"], io)).toBe(0);
    const last = io.files.get("last.xlsx");
    if (!last) throw new Error("no workbook written");
    expect(
      await main(["generate", "--sample", "zhenlai", "--prior", "last.xlsx", "--out", "this.xlsx"], io),
    ).toBe(0);
    const written = io.files.get("this.xlsx");
    if (!written) throw new Error("no workbook written");
    // This year's lines carry last year's 本年 as their 上年: read back, the two years' lines are the same amounts.
    const lastLines = await readPriorBudgetWorkbook(last, "last.xlsx");
    expect(lastLines.lines?.length).toBeGreaterThan(0);
    const sheet = (await readWorkbookTables(written, "this.xlsx")).tables.find((t) => t.sheet === "预算明细");
    const headerAt =
      sheet?.rows.findIndex((row) => row.includes("上年预算") && row.includes("单位代码")) ?? -1;
    const header = sheet?.rows[headerAt] ?? [];
    const priorAt = header.indexOf("上年预算");
    const body = (sheet?.rows ?? []).slice(headerAt + 1);
    const totalRow = body.find((row) => row.includes("合计"));
    const total = (lastLines.lines ?? []).reduce((sum, line) => sum + line.amount, 0);
    expect(Number(totalRow?.[priorAt])).toBeCloseTo(total, 6);
    expect(io.files.get("last.xlsx")).toBe(last);
    expect(
      await main(
        ["generate", "--sample", "zhenlai", "--prior", "last.xlsx", "--out", "last.xlsx", "--force"],
        io,
      ),
    ).not.toBe(0);
  });

  it("stops with the problem when the file is not a generated budget workbook", async () => {
    const io = memoryIo();
    expect(await main(["template", "--out", "录入.xlsx"], io)).toBe(0);
    const code = await main(
      ["generate", "--sample", "zhenlai", "--prior", "录入.xlsx", "--out", "x.xlsx"],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain("预算明细");
  });
});
