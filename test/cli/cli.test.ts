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
import { validatePlan } from "../../src/plan/validate";
import { checkStatus, countChecks } from "../../src/plan/verdict";
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
      // A check whose rule is not in force in the year counts neither as passed nor as failed.
      const { passed, failed, notApplicable } = countChecks(plan.checks);
      expect(passed + failed + notApplicable).toBe(plan.checks.length);
      expect(io.out()).toContain(TEXTS.en.checksSummary(passed, failed, notApplicable));
      expect(io.out()).toContain(
        TEXTS.en.sheets(plan.sheets.length, plan.sheets.map((s) => s.name).join(TEXTS.en.listSeparator)),
      );
      expect(io.err()).toBe("");
    },
  );

  it("refuses to write a plan Excel would reject, listing its problems, exit code 70", async () => {
    const real = planBuild.buildWorkbook;
    const spy = jest.spyOn(planBuild, "buildWorkbook").mockImplementation((district, pack, options) => {
      const built = real(district, pack, options);
      const [first, ...rest] = built.plan.sheets;
      const plan = { ...built.plan, sheets: [{ ...first!, name: "目录/封面" }, ...rest] };
      return { ...built, plan, problems: validatePlan(plan) };
    });
    try {
      const commands = [
        ["generate", "--sample", "zhenlai", "--out", "o.xlsx"],
        ["check", "--sample", "zhenlai"],
      ];
      for (const argv of commands) {
        const io = memoryIo();
        expect(await main(argv, io)).toBe(70);
        expect(io.err()).toContain(TEXTS.en.planProblems);
        expect(io.err()).toContain('目录/封面 sheet name "目录/封面" contains one of [ ] : * ? / \\');
        expect([...io.files.keys()]).toEqual([]);
      }
    } finally {
      spy.mockRestore();
    }
  });

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

describe("edu-budget output files", () => {
  it("refuses to replace an existing file without --force, naming it, and keeps it", async () => {
    const io = memoryIo({ "预算.xlsx": "old" });
    expect(await main(["generate", "--sample", "zhenlai", "--out", "预算.xlsx"], io)).toBe(2);
    expect(io.err()).toBe(TEXTS.en.outputExists("预算.xlsx") + "\n");
    expect(io.err()).toContain("--force");
    expect(new TextDecoder().decode(io.files.get("预算.xlsx"))).toBe("old");
  });

  it("refuses in Chinese too", async () => {
    const io = memoryIo({ "t.xlsx": "old" }, "zh_CN.UTF-8");
    expect(await main(["template", "--out", "t.xlsx"], io)).toBe(2);
    expect(io.err()).toBe(TEXTS.zh.outputExists("t.xlsx") + "\n");
  });

  it.each([
    ["generate", "--sample", "zhenlai"],
    ["template", "--example", "wuzhen"],
  ])("replaces an existing file with --force (%s)", async (...command) => {
    const io = memoryIo({ "o.xlsx": "old" });
    expect(await main([...command, "--out", "o.xlsx", "--force"], io)).toBe(0);
    expect((await load(io.files.get("o.xlsx"))).worksheets.length).toBeGreaterThan(0);
  });

  it("never writes over an input file, even with --force", async () => {
    const xlsx = memoryIo();
    await main(["template", "--out", "录入.xlsx", "--example", "wuzhen"], xlsx);
    const input = xlsx.files.get("录入.xlsx") as Uint8Array;
    const again = memoryIo({ "录入.xlsx": input });
    expect(await main(["generate", "--input", "录入.xlsx", "--out", "录入.xlsx", "--force"], again)).toBe(2);
    expect(again.err()).toBe(TEXTS.en.outputIsInput("录入.xlsx") + "\n");
    expect(again.files.get("录入.xlsx")).toBe(input);
  });

  it("knows an input written with other letter case is the same file on macOS and Windows", async () => {
    const xlsx = memoryIo();
    await main(["template", "--out", "In.xlsx", "--example", "wuzhen"], xlsx);
    const input = xlsx.files.get("In.xlsx") as Uint8Array;
    for (const platform of ["darwin", "win32"]) {
      const io = memoryIo({ "In.xlsx": input }, "en_US.UTF-8", platform);
      expect(await main(["generate", "--input", "In.xlsx", "--out", "in.XLSX", "--force"], io)).toBe(2);
      expect(io.err()).toBe(TEXTS.en.outputIsInput("in.XLSX") + "\n");
      expect([...io.files.keys()]).toEqual(["In.xlsx"]);
    }
  });

  it.each([join("out", "~$预算.xlsx"), join("out", ".~lock.预算.xlsx#")])(
    "asks to close the workbook first when its lock file %s is beside it",
    async (lock) => {
      const io = memoryIo({ [lock]: "", [join("out", "预算.xlsx")]: "old" });
      expect(
        await main(["generate", "--sample", "zhenlai", "--out", join("out", "预算.xlsx"), "--force"], io),
      ).toBe(2);
      expect(io.err()).toBe(TEXTS.en.outputLocked(join("out", "预算.xlsx"), lock.slice(4)) + "\n");
      expect(io.err()).toContain("close the file first");
      expect(new TextDecoder().decode(io.files.get(join("out", "预算.xlsx")))).toBe("old");
    },
  );

  it("keeps control and bidi characters of a district name out of the file name and off the terminal", async () => {
    const district = { ...getSample("wuzhen"), name: "五镇\u202Egpj.exe\u2066区\u0085" };
    const io = memoryIo({ "d.json": JSON.stringify(district) });
    expect(await main(["generate", "--input", "d.json"], io)).toBe(0);
    expect([...io.files.keys()]).toEqual(["d.json", join("out", "五镇_gpj.exe_区_-2004-教育经费预算.xlsx")]);
    expect(io.out()).not.toMatch(/[\u0085\u202e\u2066]/);
    expect(io.out()).toContain("五镇\\u202Egpj.exe\\u2066区\\u0085");
  });
});

describe("edu-budget with values at the edges", () => {
  /** A field of each kind: [sample, path, what it accepts]. */
  const FIELDS: readonly [string, readonly (string | number)[]][] = [
    ["zhenlai", ["schools", 0, "grades", "g1"]],
    ["zhenlai", ["schools", 0, "classes"]],
    ["zhenlai", ["schools", 0, "staff"]],
    ["zhenlai", ["schools", 0, "teachingArea"]],
    ["zhenlai", ["schools", 0, "equipmentValue"]],
    ["zhenlai", ["schools", 0, "remotenessTier"]],
    ["zhenlai", ["fiscal", "current", "appropriation"]],
    ["zhenlai", ["fiscal", "prior", "students"]],
    ["zhenlai", ["projects", 0, "totalCost"]],
    ["zhenlai", ["projects", 0, "startYear"]],
    ["zhenlai", ["budgetYear"]],
    ["zhenlai", ["preschool", "population3to5"]],
    ["zhenlai", ["preschool", "planned", 0, "smallClasses"]],
    ["zhenlai", ["statedCounts", 0, "stated"]],
    ["wuzhen", ["debts", "items", 0, "amount"]],
    ["wuzhen", ["debts", "items", 0, "step"]],
    ["wuzhen", ["debts", "annualCapacity", 0]],
    ["wuzhen", ["mergers", 0, "siteClassrooms"]],
  ];

  const withValue = (id: string, path: readonly (string | number)[], value: unknown): string => {
    const district = structuredClone(getSample(id)) as unknown as Record<string | number, unknown>;
    const parent = path
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>(
        (node, key) => node[key] as Record<string | number, unknown>,
        district,
      );
    parent[path[path.length - 1] as string | number] = value;
    return JSON.stringify(district);
  };

  const fieldText = (path: readonly (string | number)[]): string =>
    path.reduce<string>(
      (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${key}` : key),
      "",
    );

  it.each(
    FIELDS.flatMap(([id, path]) =>
      [1e300, -1, "NaN", 2e10].map((value) => [fieldText(path), value, id, path] as const),
    ),
  )(
    "reports %s = %p as a problem on its field (exit 2), never an internal error",
    async (field, value, id, path) => {
      const io = memoryIo({ "d.json": withValue(id, path, value) });
      expect(await main(["generate", "--input", "d.json"], io)).toBe(2);
      expect(io.err()).toMatch(new RegExp(`error\\s+d\\.json\\s+${escape(field)}\\s`));
      expect(io.err()).toContain(TEXTS.en.inputHasErrors);
      expect(io.err()).not.toContain("Internal error");
      expect([...io.files.keys()]).toEqual(["d.json"]);
      const validate = memoryIo({ "d.json": withValue(id, path, value) });
      expect(await main(["validate", "--input", "d.json"], validate)).toBe(1);
    },
  );

  it("reports a number too large for JSON (1e999) on its field", async () => {
    const text = withValue("zhenlai", ["fiscal", "current", "appropriation"], 12345.5).replace(
      "12345.5",
      "1e999",
    );
    const io = memoryIo({ "d.json": text });
    expect(await main(["generate", "--input", "d.json"], io)).toBe(2);
    expect(io.err()).toMatch(/error\s+d\.json\s+fiscal\.current\.appropriation\s/);
  });

  it.each([
    ["10^300 in digits", "1" + "0".repeat(300), "must be 20000 or less"],
    ["-1", "-1", "must be 0 or more"],
    ["NaN", "NaN", 'must be a number, got "NaN"'],
    ["1e300", "1e300", 'must be a number, got "1e300"'],
    ["#REF!", "#REF!", "the Excel error #REF!"],
  ])("reports %s typed into a schools CSV at its cell", async (_label, typed, message) => {
    const schools = districtToTables(getSample("zhenlai")).find((table) => table.sheet === "录入-学校");
    const rows = (schools?.rows ?? []).map((row) => [...row]);
    const column = rows[0]?.indexOf("一年级") ?? -1;
    expect(column).toBeGreaterThan(0);
    (rows[2] as unknown[])[column] = typed;
    const io = memoryIo({ "学校.csv": encodeCsv(rows, "utf-8") });
    expect(await main(["generate", "--sample", "zhenlai", "--input", "学校.csv"], io)).toBe(2);
    expect(io.err()).toMatch(
      new RegExp(`error\\s+学校\\.csv\\s+录入-学校\\s+3\\s+一年级\\s+.*${escape(message)}`),
    );
  });

  it("accepts the largest values each field allows", async () => {
    const io = memoryIo({ "d.json": withValue("zhenlai", ["fiscal", "current", "recurringRevenue"], 1e9) });
    expect(await main(["validate", "--input", "d.json"], io)).not.toBe(2);
    expect(io.out()).not.toMatch(/fiscal\.current\.recurringRevenue/);
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
  it("writes one example row per list sheet, marked 示例 in column A and set in grey italics", async () => {
    const io = memoryIo();
    await main(["template", "--out", "t.xlsx"], io);
    const workbook = await load(io.files.get("t.xlsx"));
    expect(workbook.worksheets[0]?.name).toBe("填表说明");
    for (const name of ["录入-学校", "录入-项目", "录入-债务", "录入-布局", "录入-学前", "录入-声明"]) {
      const ws = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      expect([ws.getCell("A1").value, ws.getCell("A2").value, ws.getCell("A3").value]).toEqual([
        "示例",
        "示例",
        null,
      ]);
      for (const cell of [ws.getCell("A2"), ws.getCell("C2")]) {
        expect(cell.font?.italic).toBe(true);
        expect(cell.font?.color?.argb).toBe("FF808080");
      }
      expect(ws.getCell("A3").font?.italic).toBeFalsy();
    }
  });

  it("refuses to generate from the untouched template, saying what to fill, and writes nothing", async () => {
    const template = memoryIo();
    await main(["template", "--out", "t.xlsx"], template);
    const io = memoryIo({ "t.xlsx": template.files.get("t.xlsx") as Uint8Array }, "zh_CN.UTF-8");
    expect(await main(["generate", "--input", "t.xlsx", "--out", "out/"], io)).toBe(2);
    expect([...io.files.keys()]).toEqual(["t.xlsx"]);
    expect(io.err()).toMatch(
      /错误\s+t\.xlsx\s+录入表尚未填写\(示例行不计\)。至少须填写:「录入-区县」的区县名称/,
    );
    expect(io.err()).toContain("三个增长");
    const exampleSheets = [
      "录入-学校",
      "录入-项目",
      "录入-上年项目",
      "录入-上年预算",
      "录入-债务",
      "录入-布局",
      "录入-学前",
      "录入-声明",
      "录入-往年在校生",
      "录入-出生人口",
      "录入-新生",
      "录入-升级比例",
      "录入-净迁移",
    ];
    for (const sheet of exampleSheets)
      expect(io.err()).toMatch(
        new RegExp(`警告\\s+t\\.xlsx\\s+${sheet}\\s+2\\s+示例\\s+第 2 行是模板的示例行`),
      );
    expect(io.err()).toContain(TEXTS.zh.problemCount(1, exampleSheets.length));
  });

  it("refuses a template filled with only schools: the district and fiscal sheets are named, no sample fills them", async () => {
    const template = memoryIo();
    await main(["template", "--out", "t.xlsx"], template);
    const workbook = await load(template.files.get("t.xlsx"));
    const ws = workbook.getWorksheet("录入-学校") as ExcelJS.Worksheet;
    const rows = districtToTables(getSample("zhenlai")).find((t) => t.sheet === "录入-学校")?.rows ?? [];
    rows
      .slice(1)
      .forEach((row, r) =>
        row.forEach((value, c) => (ws.getCell(3 + r, 2 + c).value = value as ExcelJS.CellValue)),
      );
    const io = memoryIo({ "s.xlsx": new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(await main(["generate", "--input", "s.xlsx"], io)).toBe(2);
    expect([...io.files.keys()]).toEqual(["s.xlsx"]);
    expect(io.err()).toMatch(/error\s+s\.xlsx\s+录入-区县\s+2\s+值\s+District name: is required/);
    expect(io.err()).toMatch(
      /error\s+s\.xlsx\s+录入-财政\s+2\s+上年、本年\s+No fiscal figures: .*three statutory growths/,
    );
    expect(io.err()).toMatch(
      /warning\s+s\.xlsx\s+录入-学校\s+2\s+示例\s+Row 2 is the template's example row/,
    );
    expect(io.err()).not.toMatch(/五镇|wuzhen|均为虚构/);
  });
});

describe("a sample's policy pack in another district", () => {
  const other = JSON.stringify({ ...getSample("wuzhen"), name: "本区" });

  it("is warned about when generating, unless --pack chooses a pack", async () => {
    const io = memoryIo({ "d.json": other });
    expect(await main(["check", "--input", "d.json"], io)).toBe(0);
    expect(io.err()).toMatch(/warning\s+d\.json\s+policyPack\s+Policy pack "wuzhen-2004"/);
    expect(io.err()).toMatch(/warning\s+d\.json\s+note\s+The note is the Five-town/);
    const chosen = memoryIo({ "d.json": other });
    expect(await main(["check", "--input", "d.json", "--pack", "wuzhen-2004"], chosen)).toBe(0);
    expect(chosen.err()).not.toContain("policyPack");
    expect(chosen.err()).toMatch(/warning\s+d\.json\s+note\s+The note is the Five-town/);
  });
});

describe("edu-budget check", () => {
  it.each(["zhenlai", "wuzhen"])("lists every check of %s with its verdict and detail", async (id) => {
    const io = memoryIo({}, "zh_CN.UTF-8");
    expect(await main(["check", "--sample", id], io)).toBe(0);
    for (const c of planOf(id).checks) {
      expect(io.out()).toMatch(
        new RegExp(
          `${{ pass: "✓ 通过", fail: "✗ 未通过", notApplicable: "– 不适用" }[checkStatus(c)]}\\s+${escape(c.labelZh)}\\s+${escape(c.detailZh)}`,
        ),
      );
    }
  });

  it("shows a check with nothing to check as 不适用 and counts it neither as passed nor failed", async () => {
    const sample = getSample("wuzhen");
    const none = {
      ...sample,
      // No start enrollment at all, nor per level.
      schools: sample.schools.map((s) => ({
        ...s,
        prevStartEnrollment: 0,
        prevDropouts: 0,
        levels: undefined,
      })),
    };
    const io = memoryIo({ "d.json": JSON.stringify(none) }, "zh_CN.UTF-8");
    expect(await main(["check", "--input", "d.json", "--pack", "wuzhen-2004"], io)).toBe(0);
    expect(io.out()).toMatch(/– 不适用\s+控辍: 全部学校辍学率在限值内/);
    expect(io.out()).toMatch(/不适用 [1-9]\d* 项/);
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
    // The 学校代码 column, found by its header (the 示例 marker column comes first).
    const code = (schools.getRow(1).values as unknown[]).indexOf("学校代码");
    const codeCell = schools.getRow(3).getCell(code);
    codeCell.value = schools.getRow(2).getCell(code).value;
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
