import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { getSample } from "../../src/district/samples";
import type { Problem } from "../../src/district/problems";
import { districtToTables } from "../../src/district/readers/toTables";
import { listPacks, getPack, POLICY_KEYS } from "../../src/policy";
import { withinBounds } from "../../src/policy/bounds";
import { GENERATED_MARK as WRITER_MARK } from "../../src/writers/officejs/writeWorkbookPlan";
import { encodeCsv } from "../../src/district";
import {
  exampleRowsLeft,
  inputSheetNames,
  inputTemplatePlan,
  loadFile,
  loadTables,
} from "../../src/taskpane/data";
import { GENERATED_MARK, PlanRefused, officeExcel } from "../../src/taskpane/excel";
import { initialState } from "../../src/taskpane/state";
import { GENERATOR, workbookFor } from "../../src/taskpane/plan";
import { validatePlan } from "../../src/plan/validate";
import { translator } from "../../src/taskpane/i18n";
import { generationOutcome, progressText, splitCause } from "../../src/taskpane/messages";
import { boundsOf, displayValue, parsePolicyInput } from "../../src/taskpane/policyInput";
import { problemPlace } from "../../src/taskpane/problems";
import { KNOWN_UNITS, acceptsText, unitText } from "../../src/taskpane/vocabulary";
import {
  GenerationCancelled,
  GenerationFailed,
  generateInExcel,
  type WriteStep,
} from "../../src/writers/officejs";
import { buildInputTemplatePlan } from "../../src/plan/inputTemplate";
import { createFakeExcel } from "../support/fakeExcel";

const zh = translator("zh-CN");
const en = translator("en-US");

describe("policy values as typed", () => {
  it("shows a rate as a percentage and stores what is typed as a fraction (3 means 3 %)", () => {
    expect(displayValue(0.03, "比率")).toBe("3");
    expect(displayValue(0.65, "比率")).toBe("65");
    expect(parsePolicyInput("dropout.junior.rural", "比率", "3")).toEqual({ ok: true, value: 0.03 });
    expect(parsePolicyInput("balance.basic.primary", "比率", "55")).toEqual({ ok: true, value: 0.55 });
    expect(displayValue(45, "人/班")).toBe("45");
    expect(parsePolicyInput("class_size.primary", "人/班", "45")).toEqual({ ok: true, value: 45 });
  });

  it("round-trips every rate through its percentage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (basisPoints) => {
        const fraction = basisPoints / 10_000;
        const parsed = parsePolicyInput("preschool.target_rate", "比率", displayValue(fraction, "比率"));
        expect(parsed).toEqual({ ok: true, value: fraction });
      }),
    );
  });

  it("refuses values outside each key's sane bounds with the reason", () => {
    const reason = (key: Parameters<typeof parsePolicyInput>[0], unit: string, text: string) => {
      const parsed = parsePolicyInput(key, unit, text);
      return parsed.ok ? "ok" : en(parsed.reason, { label: "X", ...parsed.values });
    };
    expect(reason("dropout.primary", "比率", "101")).toBe("X: enter a number from 0 to 100.");
    expect(reason("dropout.primary", "比率", "-1")).toBe("X: enter a number from 0 to 100.");
    expect(reason("class_size.primary", "人/班", "0")).toBe("X: enter a number from 1 to 100.");
    expect(reason("class_size.primary", "人/班", "45.5")).toBe("X: enter a whole number.");
    expect(reason("staff_ratio.primary", "生/教职工", "0")).toBe("X: enter a number greater than 0.");
    expect(reason("public_funds.east.primary", "元/生·年", "-5")).toBe("X: enter a number of at least 0.");
    expect(reason("allowance.start_month", "月", "13")).toBe("X: enter a number from 1 to 12.");
    expect(reason("allowance.start_month", "月", "")).toBe("X: enter a number.");
    expect(reason("allowance.start_month", "月", "abc")).toBe("X: enter a number.");
    expect(reason("nutrition.days", "天/年", "200")).toBe("ok");
  });

  it("accepts every value of every built-in pack as shown", () => {
    for (const { id } of listPacks())
      for (const key of POLICY_KEYS) {
        const value = getPack(id).values[key];
        const parsed = parsePolicyInput(key, value.unit, displayValue(value.value, value.unit));
        expect({ id, key, parsed }).toEqual({ id, key, parsed: { ok: true, value: value.value } });
      }
  });

  it("accepts exactly the values a pack file accepts (src/policy/bounds.ts), and a built-in pack's placeholder for a value not set", () => {
    const keys = fc.constantFrom(...POLICY_KEYS);
    const values = fc.oneof(
      fc.integer({ min: -10, max: 2_000_000 }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      fc.constantFrom(0, 1, 12, 13, 50, 51, 100, 101, 366, 367, 1_000, 1_000_000, 1_000_001),
    );
    fc.assert(
      fc.property(keys, values, (key, value) => {
        const { unit, notSet, value: shown } = getPack("national").values[key];
        const parsed = parsePolicyInput(key, unit, displayValue(value, unit));
        const placeholder = notSet === true && value === shown;
        expect({ key, value, ok: parsed.ok }).toEqual({
          key,
          value,
          ok: withinBounds(key, value) || placeholder,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("has bounds whose minimum is below any maximum", () => {
    for (const key of POLICY_KEYS) {
      const bounds = boundsOf(key, getPack("national").values[key].unit);
      expect(bounds.max === undefined || bounds.min < bounds.max).toBe(true);
    }
  });
});

describe("the pane's words for data vocabulary", () => {
  it("has English for every unit of every built-in pack", () => {
    const units = new Set(
      listPacks().flatMap(({ id }) => POLICY_KEYS.map((k) => getPack(id).values[k].unit)),
    );
    for (const unit of units)
      expect({ unit, known: KNOWN_UNITS.includes(unit) }).toEqual({ unit, known: true });
    expect(unitText("人/班", "en-US")).toBe("pupils per class");
    expect(unitText("元/生·年", "en-US")).toBe("yuan per student per year");
    expect(unitText("人/班", "zh-CN")).toBe("人/班");
  });

  it("has English for every fixed accepts text of the district readers and validation", () => {
    const source = (file: string) => readFileSync(join(__dirname, "../../src/district", file), "utf8");
    // The cell readers' table of accepted kinds, and the fixed texts of the readers and the validation.
    const table = /const ACCEPTS[^{]*\{([^}]*)\}/.exec(source("readers/cells.ts"))?.[1] ?? "";
    const fromTable = [...table.matchAll(/:\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
    const fixed = [
      ...source("validate.ts").matchAll(/"([^"]*[\u4e00-\u9fff][^"]*)"\]/g),
      // TYPE_WORDS: [zh, en] per zod type.
      ...source("validate.ts").matchAll(/^\s+\w+: \["([^"]+)", "/gm),
      ...source("validate.ts").matchAll(/^\s+"(每所学校[^"]*)",$/gm),
      ...["readers/json.ts", "readers/xlsx.ts", "readers/csv.ts"].flatMap((file) => [
        ...source(file).matchAll(/accepts: "([^"]+)"/g),
      ]),
    ].map((m) => m[1] ?? "");
    expect(fromTable.length).toBeGreaterThan(5);
    expect(fixed.length).toBeGreaterThan(9);
    const untranslated = [...fromTable, ...fixed].filter(
      (text) => /[\u4e00-\u9fff]/.test(acceptsText(text, "en-US")) && !text.startsWith("是/否"),
    );
    expect(untranslated).toEqual([]);
  });

  it("says the readers' accepts texts in English for an English pane and leaves zh-CN as it is", () => {
    expect(acceptsText("数字", "en-US")).toBe("a number");
    expect(acceptsText("非空文本", "en-US")).toBe("non-empty text");
    expect(acceptsText("0 或以上的整数", "en-US")).toBe("a whole number, 0 or more");
    expect(acceptsText("Excel 2007 及以上的 .xlsx 工作簿", "en-US")).toBe(
      "an .xlsx workbook (Excel 2007 or later)",
    );
    expect(acceptsText("≤ 40 个字符", "en-US")).toBe("at most 40 characters");
    expect(acceptsText("≥ 1", "en-US")).toBe("≥ 1");
    expect(acceptsText("非空文本", "zh-CN")).toBe("非空文本");
  });
});

describe("the writer's progress and outcome in the pane's language", () => {
  it("names every step the writer reports and never shows its raw key", () => {
    expect(progressText({ kind: "sheets" }, zh)).toBe("添加工作表");
    expect(progressText({ kind: "values", sheet: "目录 (2)" }, zh)).toBe("写入 目录 (2) 的数值");
    expect(progressText({ kind: "formulas", sheet: "学校" }, en)).toBe("Writing the formulas on 学校");
    expect(progressText({ kind: "formats", sheet: "学校" }, zh)).toBe("设置 学校 的格式");
    expect(progressText({ kind: "tablesAndNames" }, zh)).toBe("添加表格和名称");
    expect(progressText({ kind: "finish" }, zh)).toBe("收尾");
    expect(progressText({ kind: "done" }, en)).toBe("Done");
    // A step of a newer writer than this pane knows.
    expect(progressText({ kind: "something new" } as unknown as WriteStep, zh)).toBe("写入工作簿");
    expect(progressText(undefined, en)).toBe("Writing the workbook");
  });

  it("has words for every label the writer reports while writing", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: {} }] });
    const labels: WriteStep[] = [];
    await generateInExcel(fake.run, buildInputTemplatePlan(), {
      onExistingSheet: "keepBoth",
      onProgress: (_done, _total, label) => labels.push(label),
    });
    expect(labels.length).toBeGreaterThan(3);
    const unknown = labels.filter((label) => progressText(label, zh) === zh("progressOther"));
    expect(unknown).toEqual([]);
    expect(labels.map((label) => progressText(label, zh)).join()).not.toMatch(/[a-z]/);
  });

  it("says a failure in zh-CN with the writer's English message as the technical cause", () => {
    const failed = new GenerationFailed("generating the workbook failed: sync 2 failed", null, true);
    expect(generationOutcome(failed, false, zh)).toEqual({
      cancelled: false,
      message: "生成失败，已全部撤销，工作簿保持原样。",
      cause: "generating the workbook failed: sync 2 failed",
    });
    expect(generationOutcome(new GenerationCancelled(true), false, zh)).toEqual({
      cancelled: true,
      message: "已取消。已写入的工作表均已删除，工作簿保持原样。",
    });
    expect(generationOutcome(new GenerationCancelled(false), false, en).message).toMatch(/undoing it failed/);
  });

  it("moves a library's English text out of a zh-CN problem message into the cause", () => {
    expect(splitCause("无法读取该 .xlsx 文件:End of data reached (data length = 3)", "zh-CN")).toEqual({
      message: "无法读取该 .xlsx 文件。",
      cause: "End of data reached (data length = 3)",
    });
    expect(splitCause("学校代码:不能为空", "zh-CN")).toEqual({ message: "学校代码:不能为空" });
    expect(splitCause("Cannot read this .xlsx file: End of data", "en-US")).toEqual({
      message: "Cannot read this .xlsx file: End of data",
    });
  });
});

describe("the pane's write path", () => {
  const options = { onExistingSheet: "keepBoth", onProgress: () => undefined } as const;
  const template = buildInputTemplatePlan();
  const broken = {
    ...template,
    sheets: template.sheets.map((sheet, i) => (i === 0 ? { ...sheet, name: "录入/学校" } : sheet)),
  };

  it("refuses a plan with problems before writing anything, and shows the problems", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "我的数据" } }] });
    const before = fake.snapshot();
    const problems = validatePlan(broken);
    expect(problems.length).toBeGreaterThan(0);
    const write = officeExcel(fake.run).writePlan(
      { plan: broken, problems },
      { ...options, signal: new AbortController().signal },
    );
    await expect(write).rejects.toBeInstanceOf(PlanRefused);
    const failure: unknown = await write.catch((error: unknown) => error);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.syncs).toBe(0);
    const outcome = generationOutcome(failure, false, zh);
    expect(outcome.message).toBe(zh("generatePlanRefused", { count: problems.length }));
    expect(outcome.cause).toContain('录入/学校 sheet name "录入/学校" contains one of [ ] : * ? / \\');
    expect(generationOutcome(failure, false, en).message).toMatch(/^Nothing was written/);
  });

  it("writes a plan without problems through the same path", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: {} }] });
    const written = await officeExcel(fake.run).writePlan(
      { plan: template, problems: validatePlan(template) },
      { ...options, signal: new AbortController().signal },
    );
    expect(written.created).toEqual(template.sheets.map((sheet) => sheet.name));
    expect(fake.sheetNames()).toEqual(["Sheet1", ...written.created]);
  });

  it("builds the plan to write together with its problems: none for a sample", () => {
    const state = { ...initialState(), district: getSample("zhenlai"), packId: "zhenlai-2012" };
    const built = workbookFor(state, new Date("2026-11-30T08:00:00Z"));
    expect(built.problems).toEqual([]);
    expect(built.plan.sheets.length).toBeGreaterThan(2);
  });
});

describe("where a problem is", () => {
  const problem = (file: string, sheet?: string): Problem => ({
    severity: "error",
    file,
    ...(sheet && { sheet }),
    row: 3,
    field: "schools[1].code",
    message: "不能为空",
    messageEn: "must not be empty",
  });

  it("links to the cell only when the data came from this workbook's input sheets", () => {
    expect(problemPlace(problem("本工作簿中的录入表", "录入-学校"), { kind: "sheets", label: "x" })).toEqual({
      where: "录入-学校",
      linkable: true,
    });
  });

  it("names the file, and the sheet inside an .xlsx, for a file's problems, without a link", () => {
    const file = { kind: "file", label: "x" } as const;
    expect(problemPlace(problem("input.xlsx", "录入-学校"), file)).toEqual({
      where: "input.xlsx › 录入-学校",
      linkable: false,
    });
    expect(problemPlace(problem("学校.csv", "录入-学校"), file)).toEqual({
      where: "学校.csv",
      linkable: false,
    });
    expect(problemPlace(problem("bad.json"), file)).toEqual({ where: "bad.json", linkable: false });
  });
});

describe("a file chosen in the pane", () => {
  it("is read by the shared loader: a .csv over the chosen sample, the sample's sheets named by its label", async () => {
    const schools = districtToTables(getSample("zhenlai")).find((table) => table.sheet === "录入-学校");
    const rows = (schools?.rows ?? []).map((row, r) => [...row, r === 0 ? "未知列" : ""]);
    const loaded = await loadFile("学校.csv", encodeCsv(rows, "gb18030"), "zhenlai", "镇赉县");
    expect(loaded.source).toEqual({ kind: "file", label: "学校.csv" });
    expect(loaded.district?.schools).toEqual(getSample("zhenlai").schools);
    expect(new Set(loaded.problems.map((p) => p.file))).toEqual(new Set(["学校.csv", "镇赉县"]));
    expect(loaded.tables?.some((table) => table.sheet === "录入-学校")).toBe(true);
  });

  it("of an unsupported type is a problem of that file", async () => {
    const loaded = await loadFile("预算.xls", new Uint8Array([1, 2]), "zhenlai");
    expect(loaded.district).toBeUndefined();
    expect(loaded.problems).toEqual([
      expect.objectContaining({ severity: "error", file: "预算.xls", messageEn: "Unsupported file type" }),
    ]);
  });
});

describe("the input sheets' example rows", () => {
  /** The sheets "create input sheets" writes, as "read input sheets" gets them back. */
  const created = () =>
    inputTemplatePlan()
      .sheets.filter((sheet) => inputSheetNames().includes(sheet.name))
      .map((sheet) => ({
        sheet: sheet.name,
        rows: (sheet.blocks[0]?.cells ?? []).map((row) => row.map((cell) => cell?.v ?? null)),
      }));

  it("are found, one per sheet and row, among the problems of the sheets as created", () => {
    const loaded = loadTables(created(), "本工作簿中的录入表", "sheets");
    expect(loaded.district).toBeUndefined();
    const lists = [
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
    expect(exampleRowsLeft(loaded.problems).sort((a, b) => a.sheet.localeCompare(b.sheet))).toEqual(
      lists.map((sheet) => ({ sheet, row: 2 })).sort((a, b) => a.sheet.localeCompare(b.sheet)),
    );
    // Nothing filled in yet: an error that says what to fill, which the problems step lists.
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({ severity: "error", code: "nothingFilled" }),
    );
  });

  it("are not found in a sample district's sheets", () => {
    const loaded = loadTables(districtToTables(getSample("zhenlai")), "x", "sheets");
    expect(loaded.district).toBeDefined();
    expect(exampleRowsLeft(loaded.problems)).toEqual([]);
  });
});

describe("pane wording", () => {
  it("says one sheet and one function in the singular in English", () => {
    expect(en("doneSheets", { count: 1 })).toBe("1 sheet written");
    expect(en("doneSheets", { count: 2 })).toBe("2 sheets written");
    expect(en("fnCount", { count: 1 })).toBe("1 function");
    expect(zh("problemRowAt", { row: 1 })).toBe("第 1 行");
  });

  it("reads the generated mark the writer writes", () => {
    expect(GENERATED_MARK).toBe(WRITER_MARK);
  });
});

describe("the generator the pane writes into the workbook", () => {
  it("names the package and its version from package.json", () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(GENERATOR).toBe(`edu-budget ${version}`);
  });
});
