import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { TEXTS } from "../../src/cli/texts";
import { getSample } from "../../src/district/samples";
import { memoryIo } from "./memoryIo";

const PRIMARY_MERGER = "鲤泮庄小学、海阳小学合并迁到海阳镇中现址";
const EARLY_MERGER = JSON.stringify({
  name: "合并提前",
  changes: [{ kind: "mergerYear", merger: PRIMARY_MERGER, termYear: 1 }],
});

async function sheetNames(bytes: Uint8Array | undefined): Promise<string[]> {
  if (!bytes) throw new Error("no file written");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets.map((ws) => ws.name);
}

/** The wuzhen sample as a .json input, with one school's first grade changed. */
function wuzhenJson(g1?: number): string {
  const district = structuredClone(getSample("wuzhen"));
  const school = district.schools.find((s) => s.code === "WZ13");
  if (school && g1 !== undefined) school.grades.g1 = g1;
  return JSON.stringify({ ...district, note: "" });
}

describe("edu-budget compare", () => {
  it("says two builds of the same input do not differ, listing every check once, exit code 0", async () => {
    const io = memoryIo();
    expect(await main(["compare", "wuzhen", "wuzhen", "--lang", "en"], io)).toBe(0);
    expect(io.out()).toContain(TEXTS.en.noDifferences);
    expect(io.out()).not.toContain(TEXTS.en.flipped);
    expect(io.out()).toContain("Merger order: " + PRIMARY_MERGER);
  });

  it("speaks Chinese with --lang zh: the scenario's flip marked, the input change and the summary", async () => {
    const io = memoryIo({ "场景.json": EARLY_MERGER });
    expect(await main(["compare", "wuzhen", "--scenario", "场景.json", "--lang", "zh"], io)).toBe(0);
    const out = io.out();
    expect(out).toContain(TEXTS.zh.compareSides("示例 wuzhen", "示例 wuzhen + 场景「合并提前」"));
    expect(out).toContain(TEXTS.zh.compareInputsTitle);
    expect(out).toMatch(new RegExp(`布局调整「${PRIMARY_MERGER}」 年度\\s+2006\\s+2004`));
    const flipLine = out.split("\n").find((line) => line.startsWith(TEXTS.zh.flipped));
    expect(flipLine).toContain(`迁并顺序: ${PRIMARY_MERGER}`);
    expect(out.split("\n").filter((line) => line.startsWith(TEXTS.zh.flipped))).toHaveLength(1);
    expect(out).toContain(TEXTS.zh.compareChecksSummary(1, 1));
    // 2 lines on 布局调整 and 24 on 规划 (the three schools and the years the merger now comes earlier).
    expect(out).toContain(TEXTS.zh.compareValuesSummary(0, 26, 1));
    expect(io.err()).toBe("");
  });

  it("compares two inputs that differ in one school: that school's lines, the totals over schools", async () => {
    const io = memoryIo({ "a.json": wuzhenJson(), "b.json": wuzhenJson(40) });
    expect(await main(["compare", "a.json", "b.json", "--lang", "en", "--all"], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/School "鲤泮庄小学" Grade 1\s+26\s+40/);
    expect(out).toContain("WZ13 鲤泮庄小学 · 在校生");
    expect(out).not.toContain(TEXTS.en.moreRows(1).slice(0, 8));
    expect(out).not.toContain(TEXTS.en.noDifferences);
  });

  it("writes the comparison as the 对比 sheet of b's workbook with --out", async () => {
    const io = memoryIo({ "s.json": EARLY_MERGER });
    expect(await main(["compare", "wuzhen", "--scenario", "s.json", "--out", "对比.xlsx"], io)).toBe(0);
    const names = await sheetNames(io.files.get("对比.xlsx"));
    expect(names.at(-1)).toBe("对比");
    expect(names).toContain("布局调整");
    expect(io.out()).toContain("对比.xlsx");
  });

  it("refuses to replace an existing file without --force, and replaces it with --force", async () => {
    const io = memoryIo({ "s.json": EARLY_MERGER, "对比.xlsx": "old" });
    expect(await main(["compare", "wuzhen", "--scenario", "s.json", "--out", "对比.xlsx"], io)).toBe(2);
    expect(io.err()).toContain(TEXTS.en.outputExists("对比.xlsx"));
    expect(new TextDecoder().decode(io.files.get("对比.xlsx"))).toBe("old");
    const again = memoryIo({ "s.json": EARLY_MERGER, "对比.xlsx": "old" });
    expect(
      await main(["compare", "wuzhen", "--scenario", "s.json", "--out", "对比.xlsx", "--force"], again),
    ).toBe(0);
    expect(await sheetNames(again.files.get("对比.xlsx"))).toContain("对比");
  });

  it("asks to close the workbook first when its lock file is beside it", async () => {
    const io = memoryIo({ "s.json": EARLY_MERGER, "~$c.xlsx": "" });
    expect(await main(["compare", "wuzhen", "--scenario", "s.json", "--out", "c.xlsx", "--force"], io)).toBe(
      2,
    );
    expect(io.err()).toBe(TEXTS.en.outputLocked("c.xlsx", "~$c.xlsx") + "\n");
    expect(io.files.has("c.xlsx")).toBe(false);
  });

  it("never writes over an input, even with --force, and writes only an .xlsx file", async () => {
    const io = memoryIo({ "a.xlsx": "x", "s.json": EARLY_MERGER });
    expect(await main(["compare", "a.xlsx", "--scenario", "s.json", "--out", "a.xlsx", "--force"], io)).toBe(
      2,
    );
    expect(io.err()).toContain(TEXTS.en.outputIsInput("a.xlsx"));
    expect(new TextDecoder().decode(io.files.get("a.xlsx"))).toBe("x");
    const json = memoryIo({ "s.json": EARLY_MERGER });
    expect(
      await main(["compare", "wuzhen", "--scenario", "s.json", "--out", "s.json", "--force"], json),
    ).toBe(2);
    expect(json.err()).toContain(TEXTS.en.compareOutXlsx("s.json"));
  });

  it("lists the scenario's problems naming the field and what it accepts, exit code 2", async () => {
    const bad = JSON.stringify({
      name: "x",
      changes: [{ kind: "mergerYear", merger: "没有这项", year: 2005 }],
    });
    const io = memoryIo({ "s.json": bad });
    expect(await main(["compare", "wuzhen", "--scenario", "s.json"], io)).toBe(2);
    expect(io.err()).toContain("changes[0].merger");
    expect(io.err()).toContain(PRIMARY_MERGER);
    expect(io.err()).toContain(TEXTS.en.scenarioHasErrors);
  });

  it("asks for two inputs or a scenario, and names an argument that is neither a file nor a sample", async () => {
    const io = memoryIo();
    expect(await main(["compare", "wuzhen"], io)).toBe(2);
    expect(io.err()).toContain(TEXTS.en.compareNeedsTwo);
    const other = memoryIo();
    expect(await main(["compare", "wuzhen", "shanghai"], other)).toBe(2);
    expect(other.err()).toContain(TEXTS.en.notADistrict("shanghai", "zhenlai, wuzhen"));
  });

  it("describes the command in its help", async () => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    expect(await main(["compare", "--help"], io)).toBe(0);
    for (const text of [TEXTS.zh.compare, TEXTS.zh.scenario, TEXTS.zh.compareOut])
      expect(io.out()).toContain(text);
  });
});
