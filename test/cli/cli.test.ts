import { mkdtemp, readFile, rm } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { nodeIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { TEXTS } from "../../src/cli/texts";
import { districtToTables, encodeCsv, readDistrictJson } from "../../src/district";
import { readInputWorkbook } from "../../src/district/readers/xlsx";
import { getSample } from "../../src/district/samples";
import { MAX_SCHOOLS } from "../../src/district/validate";
import * as planBuild from "../../src/plan/build";
import { buildWorkbook, buildWorkbookPlan } from "../../src/plan/build";
import { getPack } from "../../src/policy";
import { memoryIo } from "./memoryIo";

const planOf = (id: string) => {
  const district = getSample(id);
  return buildWorkbookPlan(district, getPack(district.policyPack), {
    generatedAt: "2026-10-08T09:30:00.000Z",
    generator: "x",
  });
};

async function load(bytes: Uint8Array | undefined): Promise<ExcelJS.Workbook> {
  if (!bytes) throw new Error("no file written");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

const workbookOf = (id: string) => {
  const district = getSample(id);
  return buildWorkbook(district, getPack(district.policyPack), {
    generatedAt: "2026-10-08T09:30:00.000Z",
    generator: "x",
  });
};

const sheetNames = async (bytes: Uint8Array | undefined): Promise<string[]> =>
  (await load(bytes)).worksheets.map((ws) => ws.name);

const defaultFile = (id: string): string => {
  const { district, budgetYear } = planOf(id).properties;
  return join("out", `${district}-${budgetYear}-教育经费预算.xlsx`);
};

describe("edu-budget help", () => {
  it.each(["en", "zh"] as const)("describes every command, option and exit code in %s", async (lang) => {
    const t = TEXTS[lang];
    const io = memoryIo();
    expect(await main(["--help", "--lang", lang], io)).toBe(0);
    const everything = [
      t.description,
      t.generate,
      t.template,
      t.check,
      t.validate,
      t.lang,
      t.exitCodes,
      t.examples,
    ];
    for (const text of everything) expect(flat(io.out())).toContain(flat(text));
    const commandHelp = memoryIo();
    expect(await main(["generate", "--help", `--lang=${lang}`], commandHelp)).toBe(0);
    for (const text of [t.sample, t.input, t.pack, t.out, t.help])
      expect(flat(commandHelp.out())).toContain(flat(text));
    expect(commandHelp.out()).not.toContain("(default: [");
  });

  it("speaks Chinese throughout when LANG is zh_CN", async () => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    await main(["--help"], io);
    expect(io.out()).toContain("用法:");
    expect(io.out()).toContain("命令:");
    expect(io.out()).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });

  it("speaks English when LANG is not Chinese", async () => {
    const io = memoryIo({}, "C.UTF-8");
    await main(["--help"], io);
    expect(io.out()).toContain("Usage: edu-budget");
    expect(io.out()).not.toContain("用法");
  });

  it("prints its version", async () => {
    const io = memoryIo();
    expect(await main(["--version"], io)).toBe(0);
    expect(io.out().trim()).toBe("1.2.3");
  });

  it("rejects an unknown option with exit code 2, in the user's language", async () => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    expect(await main(["generate", "--smaple", "zhenlai"], io)).toBe(2);
    expect(io.err()).toContain("错误:未知选项 --smaple");
  });
});

describe("edu-budget generate", () => {
  it.each(["zhenlai", "wuzhen"])(
    "writes the %s budget workbook with every sheet of its plan and a summary",
    async (id) => {
      const io = memoryIo();
      expect(await main(["generate", "--sample", id, "--out", "out/"], io)).toBe(0);
      const plan = planOf(id);
      expect(await sheetNames(io.files.get(defaultFile(id)))).toEqual(plan.sheets.map((s) => s.name));
      const failed = plan.checks.filter((c) => !c.pass).length;
      expect(io.out()).toContain(TEXTS.en.checksSummary(plan.checks.length - failed, failed));
      expect(io.out()).toContain(
        TEXTS.en.sheets(plan.sheets.length, plan.sheets.map((s) => s.name).join("、")),
      );
      expect(io.err()).toBe("");
    },
  );

  it("writes to the .xlsx file named by --out", async () => {
    const io = memoryIo();
    expect(await main(["generate", "--sample", "zhenlai", "--out", "预算.xlsx"], io)).toBe(0);
    expect([...io.files.keys()]).toEqual(["预算.xlsx"]);
  });

  it("names itself and its version as the workbook's creator", async () => {
    const io = memoryIo();
    await main(["generate", "--sample", "zhenlai"], io);
    expect((await load(io.files.get(defaultFile("zhenlai")))).creator).toBe("edu-budget 1.2.3");
  });

  it("reads a district from a .json file", async () => {
    const io = memoryIo({ "d.json": JSON.stringify(getSample("wuzhen")) });
    expect(await main(["generate", "--input", "d.json"], io)).toBe(0);
    expect(io.files.has(defaultFile("wuzhen"))).toBe(true);
  });

  it("stops with exit code 2 and the problems when the input has errors", async () => {
    const district = getSample("zhenlai");
    const broken = {
      ...district,
      schools: [district.schools[0], district.schools[0], ...district.schools.slice(1)],
    };
    const io = memoryIo({ "d.json": JSON.stringify(broken) });
    expect(await main(["generate", "--input", "d.json"], io)).toBe(2);
    expect(io.err()).toContain("d.json");
    expect(io.err()).toContain(TEXTS.en.inputHasErrors);
    expect([...io.files.keys()]).toEqual(["d.json"]);
  });

  it.each([
    [["generate", "--input", "nope.json"], TEXTS.en.fileMissing("nope.json")],
    [["generate", "--input", "d.txt"], TEXTS.en.unknownExtension("d.txt")],
    [["generate", "--sample", "beijing"], TEXTS.en.unknownSample("beijing", "zhenlai, wuzhen")],
    [["generate", "--sample", "zhenlai", "--pack", "nope"], 'There is no policy pack "nope"'],
    [["generate"], TEXTS.en.needDistrict],
    [["generate", "--input", "a.csv"], TEXTS.en.csvNeedsBase("a.csv")],
  ])(
    "explains a user mistake (%j) in one line, without a stack trace, exit code 2",
    async (argv, message) => {
      const io = memoryIo({ "d.txt": "x" });
      expect(await main(argv, io)).toBe(2);
      expect(io.err()).toContain(message);
      expect(io.err()).not.toMatch(/\n\s+at /);
    },
  );

  it("merges a GBK schools CSV over a sample and writes a school name that looks like a formula as text", async () => {
    const district = getSample("zhenlai");
    const schools = districtToTables(district).find((table) => table.sheet === "录入-学校");
    const first = district.schools[0]?.name;
    const rows = schools?.rows.map((row) => row.map((cell) => (cell === first ? "=SUM(A1)" : cell)));
    const io = memoryIo({ "学校.csv": encodeCsv(rows ?? [], "gb18030") });
    expect(
      await main(["generate", "--sample", "zhenlai", "--input", "学校.csv", "--out", "o.xlsx"], io),
    ).toBe(0);
    const workbook = await load(io.files.get("o.xlsx"));
    const found: unknown[] = [];
    workbook.getWorksheet("学校")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === "=SUM(A1)") found.push(cell.formula ?? cell.type);
      }),
    );
    expect(found).toEqual([ExcelJS.ValueType.String]);
  });

  it("refuses an --out that is neither a folder nor an .xlsx file, naming what it accepts", async () => {
    const io = memoryIo();
    expect(await main(["generate", "--sample", "zhenlai", "--out", "x.txt"], io)).toBe(2);
    expect(io.err()).toBe(TEXTS.en.badOut("x.txt") + "\n");
    expect([...io.files.keys()]).toEqual([]);
  });

  it("writes a real file through the Node file system, creating the folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "edu-budget-cli-"));
    try {
      const io = { ...nodeIo(), stdout: () => undefined, stderr: () => undefined };
      const out = join(dir, "a", "b", "budget.xlsx");
      expect(await main(["generate", "--sample", "wuzhen", "--out", out], io)).toBe(0);
      expect(await sheetNames(new Uint8Array(await readFile(out)))).toEqual(
        planOf("wuzhen").sheets.map((s) => s.name),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("edu-budget template", () => {
  it("writes the input workbook that reads back as the example district", async () => {
    const io = memoryIo();
    expect(await main(["template", "--out", "t.xlsx", "--example", "wuzhen"], io)).toBe(0);
    const result = await readInputWorkbook(io.files.get("t.xlsx") as Uint8Array, "t.xlsx");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("writes the empty template to out/ by default", async () => {
    const io = memoryIo();
    expect(await main(["template"], io)).toBe(0);
    expect([...io.files.keys()]).toEqual([join("out", "教育经费预算-录入模板.xlsx")]);
  });
});

describe("edu-budget check", () => {
  it.each(["zhenlai", "wuzhen"])("lists every check of %s with its verdict and detail", async (id) => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    expect(await main(["check", "--sample", id], io)).toBe(0);
    for (const c of planOf(id).checks) {
      expect(io.out()).toMatch(
        new RegExp(`${c.pass ? "✓ 通过" : "✗ 未通过"}\\s+${escape(c.labelZh)}\\s+${escape(c.detailZh)}`),
      );
    }
  });

  it.each(["zhenlai", "wuzhen"])(
    "with --strict exits 1 exactly when a check of %s fails or a reconciliation differs",
    async (id) => {
      const io = memoryIo();
      const { plan, reconciliations } = workbookOf(id);
      const anyFails =
        plan.checks.some((c) => !c.pass) ||
        reconciliations.some((r) => Math.abs(r.difference.value) >= 0.005);
      expect(await main(["check", "--sample", id, "--strict"], io)).toBe(anyFails ? 1 : 0);
    },
  );

  it("lists the reconciliations with their differences: wuzhen's debt steps miss the stated total", async () => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    await main(["check", "--sample", "wuzhen"], io);
    const { reconciliations } = workbookOf("wuzhen");
    const differing = reconciliations.filter((r) => Math.abs(r.difference.value) >= 0.005);
    expect(differing.some((r) => r.sheet === "debt")).toBe(true);
    for (const r of reconciliations)
      expect(io.out()).toMatch(
        new RegExp(
          `${differing.includes(r) ? "✗ 未通过" : "✓ 通过"}\\s+${escape(r.labelZh)}\\s+${escape(r.difference.value.toFixed(2))}`,
        ),
      );
    expect(io.out()).toContain(
      TEXTS.zh.reconciliationSummary(reconciliations.length - differing.length, differing.length),
    );
  });
});

describe("edu-budget validate", () => {
  it("reports no problems for a district without any", async () => {
    const io = memoryIo({ "d.json": JSON.stringify({ ...getSample("zhenlai"), projects: [] }) });
    expect(await main(["validate", "--input", "d.json"], io)).toBe(0);
    expect(io.out()).toBe(TEXTS.en.noProblems + "\n");
  });

  it("lists warnings but exits 0 when there is no error", async () => {
    const io = memoryIo({ "d.json": JSON.stringify(getSample("zhenlai")) }, "zh_CN.UTF-8");
    const { problems } = readDistrictJson(JSON.stringify(getSample("zhenlai")), "d.json");
    expect(await main(["validate", "--input", "d.json"], io)).toBe(0);
    expect(io.out()).toContain(TEXTS.zh.problemCount(0, problems.length));
    for (const p of problems)
      expect(io.out()).toMatch(new RegExp(`警告\\s+d\\.json\\s+${escape(p.field)}\\s+${escape(p.message)}`));
  });

  it("names the model field of a JSON problem, which has no sheet or row", async () => {
    const district = getSample("zhenlai");
    const broken = { ...district, schools: [district.schools[0], ...district.schools] };
    const io = memoryIo({ "d.json": JSON.stringify(broken) });
    expect(await main(["validate", "--input", "d.json"], io)).toBe(1);
    expect(io.out()).toMatch(/error\s+d\.json\s+schools\[1\]\.code\s+/);
  });

  it("attributes problems to the CSV for its sheet and to the sample for the sheets it did not bring", async () => {
    const schools = districtToTables(getSample("zhenlai")).find((table) => table.sheet === "录入-学校");
    const rows = (schools?.rows ?? []).map((row, r) => [...row, r === 0 ? "未知列" : ""]);
    const io = memoryIo({ "学校.csv": encodeCsv(rows, "utf-8") });
    expect(await main(["validate", "--sample", "zhenlai", "--input", "学校.csv"], io)).toBe(0);
    const lines = io.out().split("\n");
    const projects = lines.filter((l) => l.includes("录入-项目"));
    expect(projects).toHaveLength(2);
    for (const line of projects) expect(line).toMatch(/^warning\s+sample zhenlai\s+录入-项目/);
    expect(lines.filter((l) => l.includes("录入-学校"))).toEqual([
      expect.stringMatching(/^warning\s+学校\.csv\s+录入-学校\s+1\s+未知列/),
    ]);
  });

  it("lists each problem with file, sheet, row and column and exits 1 on errors", async () => {
    const template = memoryIo();
    await main(["template", "--out", "t.xlsx", "--example", "zhenlai"], template);
    const workbook = await load(template.files.get("t.xlsx"));
    const schools = workbook.worksheets.find((ws) => ws.name.includes("学校"));
    if (!schools) throw new Error("no schools sheet");
    const codeCell = schools.getRow(3).getCell(1);
    codeCell.value = schools.getRow(2).getCell(1).value;
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const io = memoryIo({ "edited.xlsx": edited });
    expect(await main(["validate", "--input", "edited.xlsx"], io)).toBe(1);
    const result = await readInputWorkbook(edited, "edited.xlsx");
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(io.out()).toMatch(
        new RegExp(["edited.xlsx", p.sheet ?? "", String(p.row ?? ""), escape(p.column ?? "")].join("\\s+")),
      );
    }
  });
});

describe("edu-budget and the supported size", () => {
  afterEach(() => jest.restoreAllMocks());

  /** A district just over the limit: the zhenlai sample with its first school copied under new codes. */
  const tooLarge = (): string => {
    const district = getSample("zhenlai");
    const school = district.schools[0];
    const copies = MAX_SCHOOLS + 1 - district.schools.length;
    const schools = [
      ...district.schools,
      ...Array.from({ length: copies }, (_, i) => ({ ...school, code: `G${i + 1}` })),
    ];
    return JSON.stringify({ ...district, schools });
  };

  it("refuses 20,001 schools with exit code 2, naming the count and the limit, without building the workbook", async () => {
    const building = jest.spyOn(planBuild, "buildWorkbook");
    const io = memoryIo({ "big.json": tooLarge() });
    expect(await main(["generate", "--input", "big.json"], io)).toBe(2);
    expect(io.err()).toContain("20,001 schools exceed the limit of 20,000");
    expect(io.err()).toContain(TEXTS.en.inputHasErrors);
    expect(building).not.toHaveBeenCalled();
    expect([...io.files.keys()]).toEqual(["big.json"]);
  });

  it("reports the same limit from validate", async () => {
    const io = memoryIo({ "big.json": tooLarge() }, "zh_CN.UTF-8");
    expect(await main(["validate", "--input", "big.json"], io)).toBe(1);
    expect(io.out()).toContain("学校数 20,001 超过上限 20,000 所");
  });
});

/** Help text is wrapped to the terminal's width: compare it with line breaks and indentation folded. */
const flat = (text: string): string => text.replace(/\s+/g, " ").trim();

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
