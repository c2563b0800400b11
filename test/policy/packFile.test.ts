import fc from "fast-check";
import { loadPackFile } from "../../src/district/loadPack";
import { ZIP_LIMITS } from "../../src/district/readers/zip";
import { getSample } from "../../src/district/samples";
import { buildWorkbook } from "../../src/plan/build";
import { buildPackTemplatePlan } from "../../src/plan/packTemplate";
import {
  getTimeline,
  listTimelines,
  PACK_COLUMNS,
  packTemplateJson,
  policyBounds,
  policyName,
  POLICY_KEYS,
  readPackJson,
  readPackTables,
  resolvePack,
  templateYear,
  withinBounds,
  type PackFileResult,
  type PolicyTimelinePack,
} from "../../src/policy";
import { writeXlsx } from "../../src/writers/xlsx";
import { changedCells, expectPlanComputes, snapshotValues } from "../support/hyperformula";

const HEADER = ["键", "参数名称", "数值", "单位", "来源", "起始年份", "终止年份", "目标年份", "说明"];

/** A pack sheet as the template lays it out: basedOn and name lines, a title, the header on row 4, the note row. */
function sheet(rows: readonly (readonly unknown[])[], basedOn: unknown = "edu-default") {
  return [
    {
      sheet: "政策包",
      rows: [["基于政策包", basedOn], ["政策包名称", "本区政策"], ["…"], HEADER, ["说明"], ...rows],
    },
  ];
}

/** A row by column name (the others blank). */
function row(
  cells: Partial<Record<"key" | "value" | "unit" | "source" | "from" | "until" | "due", unknown>>,
) {
  return [cells.key, null, cells.value, cells.unit, cells.source, cells.from, cells.until, cells.due];
}

const where = (result: PackFileResult) =>
  result.problems.map((p) => ({ row: p.row, column: p.column, severity: p.severity }));

const SOURCE = "本区文件(2024)12号";

describe("a pack file with errors", () => {
  // Row numbers as Excel shows them: the data starts on row 6 (basedOn, name, title, header, note row above).
  const rows = [
    row({ key: "dropout.primery", value: 0.01, source: SOURCE, from: 2024 }), // 6 unknown key
    row({ key: "dropout.junior.urban", value: 0.02, from: 2024 }), // 7 no source
    row({ key: "dropout.junior.town", value: 3, source: SOURCE, from: 2024 }), // 8 a rate of 300 %
    row({ key: "class_size.primary", value: 40, source: SOURCE, from: "2024年" }), // 9 start year not a number
    row({ key: "class_size.junior", value: 45, source: SOURCE, from: 24 }), // 10 start year not a year
    row({ key: "class_size.senior", value: 45, source: SOURCE, from: 2024 }), // 11
    row({ key: "class_size.senior", value: 48, source: SOURCE, from: 2024 }), // 12 duplicate key and year
    row({ key: "public_funds.boarder", value: 300, unit: "元/生", source: SOURCE, from: 2024 }), // 13 unit
    row({ key: "public_funds.special", value: "六千", source: SOURCE, from: 2024 }), // 14 not a number
    row({ key: "nutrition.days", value: 200, source: SOURCE, from: 2024, due: 2026 }), // 15 due on no target
    row({ key: "nutrition.yuan_per_day", value: 6, source: SOURCE, from: 2024, until: 2024 }), // 16 until ≤ from
    row({ key: "school_size.max", value: "#REF!", source: SOURCE, from: 2024 }), // 17 Excel error
    row({ key: "allowance.rate.tier1", source: SOURCE, from: 2024 }), // 18 no value
    row({ key: "allowance.start_month", value: 9.5, source: SOURCE, from: 2024 }), // 19 not whole
    row({ value: 3, source: SOURCE, from: 2024 }), // 20 no key
    row({ key: "staff_ratio.primary", value: 0, source: SOURCE, from: 2024 }), // 21 zero students per post
    row({ key: "preschool.target_rate", value: 0.95, source: SOURCE, from: 2026, due: 2025 }), // 22 due < from
    row({ key: "dropout.junior.rural", value: 0.02, source: SOURCE }), // 23 no start year
  ];

  it.each([
    [6, "键", "没有政策参数「dropout.primery」"],
    [7, "来源", "「来源」未填写"],
    [8, "数值", "超出范围"],
    [9, "起始年份", "应为数字"],
    [10, "起始年份", "24 不是年份"],
    [12, "键", "写了两次(第 11 行和第 12 行)"],
    [13, "单位", "单位是「元/生·年」"],
    [14, "数值", "应为数字,实为「六千」"],
    [15, "目标年份", "不是目标"],
    [16, "终止年份", "不晚于起始年份"],
    [17, "数值", "Excel 错误值 #REF!"],
    [18, "数值", "「数值」未填写"],
    [19, "数值", "超出范围"],
    [20, "键", "「键」未填写"],
    [21, "数值", "超出范围"],
    [22, "目标年份", "早于起始年份"],
    [23, "起始年份", "「起始年份」未填写"],
  ])("reports row %i, column %s: %s", (excelRow, column, says) => {
    const result = readPackTables(sheet(rows), "本区.xlsx");
    const found = result.problems.filter((p) => p.row === excelRow);
    expect(found.map((p) => [p.file, p.sheet, p.column, p.severity])).toEqual([
      ["本区.xlsx", "政策包", column, "error"],
    ]);
    expect(found[0]?.message).toContain(says);
    expect(found[0]?.accepts).toBeTruthy();
    expect(found[0]?.messageEn).toBeTruthy();
  });

  it("gives no pack, and no problem beyond one per wrong cell", () => {
    const result = readPackTables(sheet(rows), "本区.xlsx");
    expect(result.pack).toBeUndefined();
    expect(where(result).map((p) => p.row)).toEqual([
      6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
    ]);
  });

  it("names what an unknown key may have meant and what a value's bounds are", () => {
    const result = readPackTables(sheet(rows), "本区.xlsx");
    expect(result.problems.find((p) => p.row === 6)?.message).toContain("dropout.primary");
    expect(result.problems.find((p) => p.row === 8)?.accepts).toContain("0 到 1");
    expect(result.problems.find((p) => p.row === 19)?.acceptsEn).toContain("a whole number from 1 to 12");
  });

  it.each([
    ["no basedOn", null, "未指明基于哪个内置政策包"],
    ["an unknown basedOn", "beijing-2020", "没有名为「beijing-2020」的内置政策包"],
  ])("reports %s on the basedOn line with the built-in ids", (_, basedOn, says) => {
    const result = readPackTables(sheet([], basedOn), "本区.xlsx");
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 1, column: "基于政策包", field: "basedOn" });
    expect(result.problems[0]?.message).toContain(says);
    expect(result.problems[0]?.accepts).toContain("edu-default");
  });

  it("reports a missing column once, not once a row", () => {
    const tables = [
      {
        sheet: "政策包",
        rows: [
          ["基于政策包", "national"],
          ["键", "数值", "起始年份"],
          ["dropout.primary", 0.02, 2024],
          ["dropout.junior.urban", 0.02, 2024],
        ],
      },
    ];
    const result = readPackTables(tables, "p.xlsx");
    expect(result.problems.map((p) => [p.column, p.message])).toEqual([["来源", "缺少「来源」列"]]);
  });

  it("reports a JSON pack's problems at the line of their field", () => {
    const text = [
      "{",
      '  "basedOn": "national",',
      '  "values": [',
      '    { "key": "dropout.primary", "value": 0.01, "source": "x", "fromYear": 2024 },',
      '    { "key": "dropout.primary",',
      '      "value": 2,',
      '      "source": "x", "fromYear": 2023 },',
      '    { "key": "nutrition.days", "value": 200, "fromYear": 2024, "colour": 1 },',
      '    { "key": "nutrition.days", "value": 200, "source": "y", "fromYear": 2024.5 }',
      "  ],",
      '  "extra": true',
      "}",
    ].join("\n");
    const result = readPackJson(text, "pack.json");
    expect(result.problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [11, "extra", "extra"],
      [8, "colour", "values[2].colour"],
      [6, "value", "values[1].value"],
      [8, "source", "values[2].source"],
      [9, "fromYear", "values[3].fromYear"],
    ]);
    expect(result.problems.every((p) => p.sheet === undefined && p.file === "pack.json")).toBe(true);
  });

  it("reports malformed JSON at its line and column", () => {
    const result = readPackJson('{\n  "basedOn": "national",\n  "values": [}\n', "pack.json");
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 3, column: "14", severity: "error" });
  });

  it("reports a field written twice in one JSON object", () => {
    const text = '{"basedOn": "national", "basedOn": "edu-default", "values": []}';
    expect(readPackJson(text, "p.json").problems.map((p) => p.column)).toEqual(["basedOn"]);
  });
});

describe("a good pack file", () => {
  const zhenlai = getSample("zhenlai");
  const T = zhenlai.budgetYear;
  const text = JSON.stringify({
    basedOn: "zhenlai-2012",
    name: "镇赉县2012年本地标准",
    values: [
      {
        key: "public_funds.central_west.primary",
        value: 650,
        unit: "元/生·年",
        source: SOURCE,
        fromYear: 2012,
        untilYear: 2013,
      },
      { key: "dropout.junior.rural", value: "2%", source: SOURCE, fromYear: 2012 },
      { key: "class_size.primary", value: 40, source: SOURCE, fromYear: 2030 },
    ],
  });
  const read = readPackJson(text, "本区.json");

  it("is the base pack with the user's values, each marked as the user's from its start year", () => {
    expect(read.problems).toEqual([]);
    // In the order of the keys.
    expect(read.changed).toEqual([
      "dropout.junior.rural",
      "class_size.primary",
      "public_funds.central_west.primary",
    ]);
    const pack = resolvePack(read.pack as PolicyTimelinePack, T);
    expect(pack).toMatchObject({ nameZh: "镇赉县2012年本地标准", basedOn: "zhenlai-2012@1.0.0", year: T });
    expect(pack.values["public_funds.central_west.primary"]).toMatchObject({
      value: 650,
      origin: "user",
      fromYear: 2012,
      source: SOURCE,
      status: "inForce",
    });
    expect(pack.values["dropout.junior.rural"]).toMatchObject({ value: 0.02, origin: "user" });
    // A value from a later year is not in force in T: the base's stands.
    const base = resolvePack(getTimeline("zhenlai-2012"), T);
    expect(pack.values["class_size.primary"]).toEqual(base.values["class_size.primary"]);
    expect(resolvePack(read.pack as PolicyTimelinePack, 2030).values["class_size.primary"].value).toBe(40);
    // Every key the file leaves out keeps the base's value.
    for (const key of POLICY_KEYS.filter((k) => !read.changed.includes(k)))
      expect(pack.values[key]).toEqual(base.values[key]);
  });

  it("changes the workbook: 参数 shows the user's value and the cells that depend on it follow (HyperFormula)", () => {
    const options = { generatedAt: "2026-10-08T09:30:00.000Z", generator: "test" };
    const before = buildWorkbook(zhenlai, resolvePack(getTimeline("zhenlai-2012"), T), options).plan;
    const after = buildWorkbook(zhenlai, resolvePack(read.pack as PolicyTimelinePack, T), options).plan;
    const hfBefore = expectPlanComputes(before);
    const hfAfter = expectPlanComputes(after);
    const name = after.names.find((n) => n.name === policyName("public_funds.central_west.primary"));
    const [sheetName, address] = (name?.ref ?? "").replace(/\$/g, "").split("!") as [string, string];
    const parameters = sheetName.replace(/^'|'$/g, "");
    expect(parameters).toBe("参数");
    expect(hfBefore.valueAt(parameters, address)).not.toBe(650);
    expect(hfAfter.valueAt(parameters, address)).toBe(650);
    const changed = changedCells(snapshotValues(before, hfBefore), snapshotValues(after, hfAfter));
    expect(changed.filter((cell) => cell.startsWith("公用经费!")).length).toBeGreaterThan(0);
    expect(changed.filter((cell) => cell.startsWith("控辍!")).length).toBeGreaterThan(0);
    // The origin column of 参数 says 用户 on the user's rows.
    const originRow = address.replace(/^[A-Z]+/, "");
    const row = [...changed].filter((cell) => cell.startsWith(`参数!`) && cell.endsWith(originRow));
    expect(row.length).toBeGreaterThan(0);
    expect(row.map((cell) => hfAfter.valueAt("参数", cell.split("!")[1] as string))).toContain("用户");
  });
});

describe("a user's value that a later built-in value replaces", () => {
  it("is warned about at its start year, naming the year the built-in value takes over", () => {
    const text = JSON.stringify({
      basedOn: "national",
      values: [{ key: "nutrition.yuan_per_day", value: 4.5, source: SOURCE, fromYear: 2012 }],
    });
    const read = readPackJson(text, "p.json");
    expect(read.problems.map((p) => [p.severity, p.column, p.field])).toEqual([
      ["warning", "fromYear", "values[0].fromYear"],
    ]);
    expect(read.problems[0]?.messageEn).toContain('the value of "National rules" from 2014 (4) replaces it');
    const pack = read.pack as PolicyTimelinePack;
    expect(resolvePack(pack, 2013).values["nutrition.yuan_per_day"]).toMatchObject({
      value: 4.5,
      origin: "user",
    });
    expect(resolvePack(pack, 2014).values["nutrition.yuan_per_day"]).toMatchObject({
      value: 4,
      origin: "national",
    });
  });

  it("is not warned about when it starts with or after the built-in value in force", () => {
    const text = JSON.stringify({
      basedOn: "national",
      values: [{ key: "nutrition.yuan_per_day", value: 6, source: SOURCE, fromYear: 2021 }],
    });
    const read = readPackJson(text, "p.json");
    expect(read.problems).toEqual([]);
    expect(resolvePack(read.pack as PolicyTimelinePack, 2025).values["nutrition.yuan_per_day"]).toMatchObject(
      {
        value: 6,
        origin: "user",
      },
    );
  });
});

describe("the pack template", () => {
  it.each(listTimelines().map((pack) => [pack.id]))(
    "read back unchanged (JSON) gives the %s pack itself",
    (id) => {
      const base = getTimeline(id);
      const year = templateYear(base);
      const read = readPackJson(packTemplateJson(base, year), "template.json");
      expect(read.problems).toEqual([]);
      expect(read.changed).toEqual([]);
      expect(resolvePack(read.pack as PolicyTimelinePack, year).values).toEqual(
        resolvePack(base, year).values,
      );
    },
  );

  it.each([
    ["edu-default", "zh"],
    ["wuzhen-2004", "en"],
  ] as const)("read back unchanged (.xlsx) gives the %s pack itself (%s headers)", async (id, lang) => {
    const base = getTimeline(id);
    const year = templateYear(base);
    const bytes = await writeXlsx(buildPackTemplatePlan(base, year, lang));
    const read = await loadPackFile({ name: "template.xlsx", bytes });
    expect(read.problems).toEqual([]);
    expect(read.changed).toEqual([]);
    expect(resolvePack(read.pack as PolicyTimelinePack, year).values).toEqual(resolvePack(base, year).values);
  });

  it("holds every key with its value, unit, source and start year in the chosen pack and year", () => {
    const base = getTimeline("national");
    const plan = buildPackTemplatePlan(base, 2012);
    const cells = plan.sheets[0]?.blocks[0]?.cells ?? [];
    const header = cells[3]?.map((cell) => (cell && "v" in cell ? cell.v : null));
    expect(header).toEqual(PACK_COLUMNS.map((column) => column.zh));
    const rows = cells.slice(5);
    expect(rows.map((r) => (r[0] && "v" in r[0] ? r[0].v : null))).toEqual([...POLICY_KEYS]);
    const staff = rows.find((r) => r[0] && "v" in r[0] && r[0].v === "staff_ratio.primary.rural");
    const value = (i: number) => {
      const cell = staff?.[i];
      return cell && "v" in cell ? cell.v : null;
    };
    // In 2012 the 2001 rural ratio (1:23) is in force, until the 2014 unification.
    expect([value(2), value(3), value(5), value(6)]).toEqual([23, "生/教职工", 2001, 2014]);
  });

  it("an edited row read back is the user's entry, the rest the base's (xlsx)", async () => {
    const base = getTimeline("edu-default");
    const plan = buildPackTemplatePlan(base, 2025);
    const sheetPlan = plan.sheets[0];
    if (!sheetPlan) throw new Error("no sheet");
    const cells = sheetPlan.blocks[0]?.cells.map((r) => [...r]) ?? [];
    const at = cells.findIndex((r) => r[0] && "v" in r[0] && r[0].v === "nutrition.yuan_per_day");
    const edited = cells[at] as (typeof cells)[number];
    edited[2] = { v: 6 };
    edited[4] = { v: SOURCE };
    edited[5] = { v: 2025 };
    const bytes = await writeXlsx({ ...plan, sheets: [{ ...sheetPlan, blocks: [{ anchor: "A1", cells }] }] });
    const read = await loadPackFile({ name: "p.xlsx", bytes });
    expect(read.problems).toEqual([]);
    expect(read.changed).toEqual(["nutrition.yuan_per_day"]);
    expect(resolvePack(read.pack as PolicyTimelinePack, 2025).values["nutrition.yuan_per_day"]).toMatchObject(
      {
        value: 6,
        origin: "user",
        source: SOURCE,
      },
    );
  });
});

describe("policy bounds", () => {
  it("hold every value of every built-in pack", () => {
    for (const pack of listTimelines())
      for (const key of POLICY_KEYS)
        for (const entry of pack.values[key].entries)
          if (!entry.notSet)
            expect([pack.id, key, withinBounds(key, entry.value)]).toEqual([pack.id, key, true]);
  });

  it("accept exactly the values between their ends", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_KEYS),
        fc.double({ min: -10, max: 2_000_000, noNaN: true }),
        (key, x) => {
          const { min, max, above, whole } = policyBounds(key);
          const expected =
            (above ? x > min : x >= min) &&
            (max === undefined || x <= max) &&
            (!whole || Number.isInteger(x));
          expect(withinBounds(key, x)).toBe(expected);
        },
      ),
    );
  });
});

describe("reading a pack file's bytes", () => {
  it("refuses an .xlsx over the zip limits before unpacking it, as an input workbook", async () => {
    const base = getTimeline("edu-default");
    const bytes = await writeXlsx(buildPackTemplatePlan(base, 2025));
    const read = await loadPackFile(
      { name: "big.xlsx", bytes },
      { limits: { ...ZIP_LIMITS, partBytes: 1000 } },
    );
    expect(read.pack).toBeUndefined();
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.messageEn).toContain("too large and was not read");
  });

  it("says a file that is not a workbook cannot be read, and names the types it takes", async () => {
    const broken = await loadPackFile({ name: "p.xlsx", bytes: new TextEncoder().encode("not a zip") });
    expect(broken.problems.map((p) => p.messageEn)).toEqual([
      expect.stringContaining("Cannot read this .xlsx file"),
    ]);
    const csv = await loadPackFile({ name: "p.csv", bytes: new Uint8Array() });
    expect(csv.problems).toEqual([expect.objectContaining({ file: "p.csv", accepts: ".json, .xlsx" })]);
  });
});

describe("a template with some values edited", () => {
  const base = getTimeline("edu-default");
  /** A value within a key's bounds, from a fraction of its range. */
  const inBounds = (key: (typeof POLICY_KEYS)[number], at: number): number => {
    const { min, max = min + 1000, above, whole } = policyBounds(key);
    const low = above ? min + 0.5 : min;
    const value = low + (max - low) * at;
    return whole ? Math.round(value) : Number(value.toPrecision(6));
  };

  it("reads back as the base with exactly the edited values, each the user's", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...POLICY_KEYS), { maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (keys, at) => {
          const document = JSON.parse(packTemplateJson(base, 2025)) as {
            values: { key: string; value: number | null; source: string; fromYear: number }[];
          };
          const wanted = new Map(keys.map((key) => [key, inBounds(key, at)]));
          for (const row of document.values) {
            const value = wanted.get(row.key as (typeof POLICY_KEYS)[number]);
            if (value === undefined) continue;
            row.value = value;
            row.source = SOURCE;
          }
          const read = readPackJson(JSON.stringify(document), "p.json");
          expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
          const pack = resolvePack(read.pack as PolicyTimelinePack, 2025);
          const builtIn = resolvePack(base, 2025);
          expect(new Set(read.changed)).toEqual(new Set(keys));
          for (const key of POLICY_KEYS) {
            const value = wanted.get(key);
            if (value === undefined) expect(pack.values[key]).toEqual(builtIn.values[key]);
            else expect(pack.values[key]).toMatchObject({ value, origin: "user", source: SOURCE });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the keys a pack file applies early", () => {
  it("use a value before its start year in a year with none in force, as the user's choice", () => {
    const text = JSON.stringify({
      basedOn: "national",
      applyBeforeStart: ["public_funds.boarder"],
      values: [],
    });
    const read = readPackJson(text, "p.json");
    expect(read.problems).toEqual([]);
    const pack = resolvePack(read.pack as PolicyTimelinePack, 2012);
    expect(pack.values["public_funds.boarder"]).toMatchObject({ value: 200, status: "beforeStart" });
    expect(resolvePack(getTimeline("national"), 2012).values["public_funds.boarder"]).toMatchObject({
      value: 0,
      status: "notInForce",
    });
  });

  it("replace the base's list when given (blank: none) and keep it when left out", async () => {
    const wuzhen = getTimeline("wuzhen-2004");
    const none = readPackJson(JSON.stringify({ basedOn: "wuzhen-2004", applyBeforeStart: [] }), "p.json");
    expect(none.pack?.applyBeforeStart).toEqual([]);
    const kept = readPackJson(JSON.stringify({ basedOn: "wuzhen-2004" }), "p.json");
    expect(kept.pack?.applyBeforeStart).toEqual(wuzhen.applyBeforeStart);
    const sheetRows = sheet([], "wuzhen-2004");
    const first = sheetRows[0];
    if (!first) throw new Error("no sheet");
    const rows = [...first.rows];
    rows[2] = ["提前适用", "public_funds.special、 nutrition.days"];
    const listed = readPackTables([{ sheet: "政策包", rows }], "p.xlsx");
    expect(listed.problems).toEqual([]);
    expect(listed.pack?.applyBeforeStart).toEqual(["public_funds.special", "nutrition.days"]);
  });

  it("are each a policy key, or a problem on their line", () => {
    const first = sheet([])[0];
    if (!first) throw new Error("no sheet");
    const rows = [...first.rows];
    rows[2] = ["提前适用", "public_funds.special、nutrition.dayz"];
    const read = readPackTables([{ sheet: "政策包", rows }], "p.xlsx");
    expect(read.problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [3, "提前适用", "applyBeforeStart"],
    ]);
    expect(read.problems[0]?.message).toContain("nutrition.days");
  });
});
