import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { getSample } from "../../src/district/samples";
import { POLICY_KEYS } from "../../src/policy";
import { memoryIo } from "./memoryIo";

async function sheetOf(bytes: Uint8Array | undefined): Promise<ExcelJS.Worksheet> {
  if (!bytes) throw new Error("no file written");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

const written = (io: ReturnType<typeof memoryIo>, path: string): Uint8Array => {
  const bytes = io.files.get(path);
  if (!bytes) throw new Error(`${path} was not written`);
  return bytes;
};

describe("edu-budget pack-template", () => {
  it("writes an .xlsx with Chinese headers, every key and a note row by default", async () => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    expect(await main(["pack-template"], io)).toBe(0);
    const sheet = await sheetOf(written(io, "out/政策包模板.xlsx"));
    expect(sheet.name).toBe("政策包");
    expect(sheet.getCell("A1").value).toBe("基于政策包");
    expect(sheet.getCell("B1").value).toBe("edu-default");
    expect(sheet.getRow(4).values).toEqual(
      expect.arrayContaining(["键", "数值", "单位", "来源", "起始年份"]),
    );
    expect(sheet.getCell("A5").value).toBe("说明");
    const keys = Array.from({ length: POLICY_KEYS.length }, (_, i) => sheet.getCell(`A${i + 6}`).value);
    expect(keys).toEqual([...POLICY_KEYS]);
  });

  it("writes English headers with --lang en, and JSON with --format json", async () => {
    const io = memoryIo();
    expect(
      await main(["pack-template", "--lang", "en", "--format", "json", "--based-on", "national"], io),
    ).toBe(0);
    const json = JSON.parse(new TextDecoder().decode(written(io, "out/pack-template.json"))) as {
      basedOn: string;
      values: { key: string; value: number | null; unit: string; source: string; fromYear: number }[];
    };
    expect(json.basedOn).toBe("national");
    expect(json.values.map((row) => row.key)).toEqual([...POLICY_KEYS]);
    expect(json.values.find((row) => row.key === "nutrition.yuan_per_day")).toMatchObject({
      value: 5,
      unit: "元/生·天",
      fromYear: 2021,
    });
    const xlsx = memoryIo();
    expect(await main(["pack-template", "--lang", "en", "--out", "p.xlsx"], xlsx)).toBe(0);
    expect((await sheetOf(written(xlsx, "p.xlsx"))).getRow(4).values).toEqual(
      expect.arrayContaining(["Key", "Value", "Unit", "Source", "Start year"]),
    );
  });

  it("lists the values of the year asked for", async () => {
    const io = memoryIo();
    expect(
      await main(["pack-template", "--based-on", "national", "--year", "2012", "--out", "p.json"], io),
    ).toBe(0);
    const json = JSON.parse(new TextDecoder().decode(written(io, "p.json"))) as {
      values: { key: string; value: number }[];
    };
    expect(json.values.find((row) => row.key === "nutrition.yuan_per_day")?.value).toBe(3);
  });

  it.each([
    [["pack-template", "--format", "csv"], "--format csv: use xlsx or json."],
    [["pack-template", "--year", "20x5"], "--year 20x5: give a four-digit year"],
    [["pack-template", "--based-on", "beijing"], 'There is no policy pack "beijing"'],
  ])("refuses %j with exit code 2", async (argv, says) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err()).toContain(says);
    expect(io.files.size).toBe(0);
  });

  it("read back unchanged with --pack builds the same workbook as the built-in pack", async () => {
    const io = memoryIo();
    expect(await main(["pack-template", "--based-on", "zhenlai-2012", "--out", "p.xlsx"], io)).toBe(0);
    expect(await main(["check", "--sample", "zhenlai", "--pack", "p.xlsx"], io)).toBe(0);
    const withFile = io.out();
    const builtIn = memoryIo();
    expect(await main(["check", "--sample", "zhenlai", "--pack", "zhenlai-2012"], builtIn)).toBe(0);
    expect(withFile).toContain("Pack file p.xlsx: based on zhenlai-2012@1.0.0, 0 value(s) of your own");
    const checks = (out: string) => out.slice(out.indexOf("Result"));
    expect(checks(withFile)).toBe(checks(builtIn.out()));
  });
});

describe("edu-budget generate --pack FILE", () => {
  const district = JSON.stringify({ ...getSample("zhenlai"), name: "本区" });
  const pack = (values: readonly Record<string, unknown>[], basedOn = "zhenlai-2012") =>
    JSON.stringify({ basedOn, values });

  it("builds the workbook with the user's values", async () => {
    const good = pack([{ key: "dropout.junior.rural", value: 0.001, source: "本区文件", fromYear: 2012 }]);
    const io = memoryIo({ "d.json": district, "p.json": good });
    expect(await main(["check", "--input", "d.json", "--pack", "p.json"], io)).toBe(0);
    expect(io.out()).toContain("1 value(s) of your own");
    expect(io.out()).toContain("policy pack zhenlai-2012-user@1.0.0");
    const builtIn = memoryIo({ "d.json": district });
    expect(await main(["check", "--input", "d.json", "--pack", "zhenlai-2012"], builtIn)).toBe(0);
    // A stricter rural dropout limit puts one more school (丹岱中学) over its limit.
    expect(builtIn.out()).toMatch(/Dropout: every school within its limit\s+5 schools over the limit/);
    expect(io.out()).toMatch(/Dropout: every school within its limit\s+6 schools over the limit, .*丹岱中学/);
    const generated = memoryIo({ "d.json": district, "p.json": good });
    expect(
      await main(["generate", "--input", "d.json", "--pack", "p.json", "--out", "o.xlsx"], generated),
    ).toBe(0);
    expect(generated.files.has("o.xlsx")).toBe(true);
  });

  it("prints the pack file's problems by row and column and stops with exit code 2", async () => {
    const bad = [
      "{",
      '  "basedOn": "zhenlai-2012",',
      '  "values": [',
      '    { "key": "dropout.junior.rural", "value": 5, "source": "本区文件", "fromYear": 2012 },',
      '    { "key": "no.such.key", "value": 1, "source": "本区文件", "fromYear": 2012 }',
      "  ]",
      "}",
    ].join("\n");
    const io = memoryIo({ "d.json": district, "p.json": bad });
    expect(await main(["generate", "--input", "d.json", "--pack", "p.json", "--out", "o.xlsx"], io)).toBe(2);
    expect(io.err()).toMatch(/error\s+p\.json\s+4\s+value\s+5 is out of range for dropout\.junior\.rural/);
    expect(io.err()).toMatch(/error\s+p\.json\s+5\s+key\s+There is no policy key "no\.such\.key"/);
    expect(io.err()).toContain("The pack file p.json has errors; no workbook was written.");
    expect(io.files.has("o.xlsx")).toBe(false);
  });

  it("names the sheet, row and column of a problem in an .xlsx pack file", async () => {
    const io = memoryIo({ "d.json": district }, "zh_CN.UTF-8");
    expect(await main(["pack-template", "--based-on", "zhenlai-2012", "--out", "p.xlsx"], io)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    const bytes = written(io, "p.xlsx");
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("政策包");
    if (!sheet) throw new Error("no 政策包 sheet");
    sheet.getCell("C6").value = "三成";
    sheet.getCell("E7").value = null;
    io.files.set("p.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(await main(["generate", "--input", "d.json", "--pack", "p.xlsx", "--out", "o.xlsx"], io)).toBe(2);
    expect(io.err()).toMatch(/错误\s+p\.xlsx\s+政策包\s+6\s+数值\s+应为数字,实为「三成」/);
    expect(io.err()).toMatch(/错误\s+p\.xlsx\s+政策包\s+7\s+来源\s+「来源」未填写/);
    expect(io.files.has("o.xlsx")).toBe(false);
  });

  it("never writes the workbook over the pack file", async () => {
    const io = memoryIo({ "d.json": district, "p.xlsx": new Uint8Array() });
    expect(await main(["pack-template", "--out", "p.xlsx", "--force"], io)).toBe(0);
    expect(
      await main(["generate", "--input", "d.json", "--pack", "p.xlsx", "--out", "p.xlsx", "--force"], io),
    ).toBe(2);
    expect(io.err()).toContain("p.xlsx is an input file");
  });

  it("names a missing pack file", async () => {
    const io = memoryIo({ "d.json": district });
    expect(await main(["generate", "--input", "d.json", "--pack", "missing.json"], io)).toBe(2);
    expect(io.err()).toContain("File not found: missing.json");
  });
});
