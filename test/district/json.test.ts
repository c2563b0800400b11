import fc from "fast-check";
import { parseJson, readDistrictJson } from "../../src/district/readers/json";
import { getSample } from "../../src/district/samples";

describe("readDistrictJson", () => {
  it("reads a district written as JSON, with or without a BOM", () => {
    const text = JSON.stringify(getSample("zhenlai"), null, 2);
    expect(readDistrictJson(text, "zhenlai.json").district).toEqual(getSample("zhenlai"));
    expect(readDistrictJson(`\uFEFF${text}`, "zhenlai.json").district).toEqual(getSample("zhenlai"));
  });

  it("reports malformed JSON with its line and column", () => {
    const result = readDistrictJson('{\n  "name": "镇赉区",\n  "budgetYear": 2012,,\n}', "bad.json");
    expect(result.district).toBeUndefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "bad.json",
        row: 3,
        column: "22",
        message: expect.stringMatching(/^JSON 格式错误\(第 3 行第 22 列\)/),
      }),
    ]);
  });

  it("reports JSON that ends too early at its last line", () => {
    const result = readDistrictJson('{\n  "name": "x"', "cut.json");
    expect(result.problems[0]).toMatchObject({ row: 2, messageEn: expect.stringContaining("line 2") });
  });

  it("reports wrong types by field", () => {
    const district = structuredClone(getSample("zhenlai")) as unknown as {
      schools: { classes: unknown }[];
      budgetYear: unknown;
    };
    district.budgetYear = "二〇一二";
    (district.schools[3] as { classes: unknown }).classes = "30";
    const result = readDistrictJson(JSON.stringify(district), "typed.json");
    expect(result.problems.map((p) => [p.field, p.message])).toEqual([
      ["budgetYear", "预算年度:应为数字"],
      ["schools[3].classes", "班数:应为数字"],
      // The checks across fields run on the rest in the same round: the sample's two projects on new sites.
      ["projects[3].school", expect.stringContaining("按新校址处理")],
      ["projects[4].school", expect.stringContaining("按新校址处理")],
    ]);
  });

  it("warns about a sample's note and policy pack in another district, naming the field", () => {
    const other = { ...getSample("wuzhen"), name: "本区" };
    const result = readDistrictJson(JSON.stringify(other), "d.json");
    expect(result.district).toBeDefined();
    expect(result.problems.filter((p) => p.code !== undefined)).toEqual([
      expect.objectContaining({ severity: "warning", file: "d.json", field: "note", code: "sampleNote" }),
      expect.objectContaining({
        severity: "warning",
        file: "d.json",
        field: "policyPack",
        code: "samplePack",
      }),
    ]);
    const sample = readDistrictJson(JSON.stringify(getSample("wuzhen")), "wuzhen.json");
    expect(sample.problems.filter((p) => p.code !== undefined)).toEqual([]);
  });

  it("reports a syntax error at its own position, in each language without the other's words", () => {
    const result = readDistrictJson('{\n  "name": "镇赉区"\n  "budgetYear": 2012\n}', "bad.json");
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: "3",
        message: 'JSON 格式错误(第 3 行第 3 列):应为逗号 , 或 },实为「"」',
        messageEn: 'Malformed JSON at line 3, column 3: expected a "," or "}", found """',
      }),
    ]);
  });

  it.each([
    ['{"a": tru}', 1, 7],
    ['{"a": "x\ny"}', 1, 9],
    ['{"a": 01}', 1, 8],
    ["[1, 2", 1, 6],
    ['{"a": 1} x', 1, 10],
    ['\r\n\r\n  {"a": "\\q"}', 3, 10],
  ])("reports the malformed JSON %j at line %i, column %i", (text, line, column) => {
    expect(readDistrictJson(text, "x.json").problems).toEqual([
      expect.objectContaining({ row: line, column: String(column) }),
    ]);
  });

  it("reports a field written twice in one object, naming the key and both lines", () => {
    const text = JSON.stringify(getSample("zhenlai"), null, 2).replace(
      '"budgetYear": 2012,',
      '"budgetYear": 2012,\n  "budgetYear": 2013,',
    );
    const result = readDistrictJson(text, "dup.json");
    expect(result.district).toBeUndefined();
    const line = text.split("\n").findIndex((l) => l.includes("2013")) + 1;
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        row: line,
        field: "budgetYear",
        message: `字段「budgetYear」在同一对象中写了两次(第 ${line - 1} 行和第 ${line} 行),无法判断用哪一个`,
        messageEn: expect.stringContaining(
          `Field "budgetYear" is written twice in one object (lines ${line - 1} and ${line})`,
        ),
      }),
    ]);
  });

  it("removes characters an .xlsx cannot hold from text, with a warning naming the field", () => {
    const district = structuredClone(getSample("zhenlai"));
    (district.schools[2] as { name: string }).name = "城关\u0001小学\uFFFF";
    const result = readDistrictJson(JSON.stringify(district), "c.json");
    expect(result.district?.schools[2]?.name).toBe("城关小学");
    expect(result.problems.filter((p) => p.field === "schools[2].name")).toEqual([
      expect.objectContaining({
        severity: "warning",
        messageEn: expect.stringContaining("(U+0001, U+FFFF) were removed"),
      }),
    ]);
  });

  it("keeps a field named __proto__ a plain unknown field", () => {
    const text = JSON.stringify(getSample("zhenlai")).replace(/^\{/, '{"__proto__": {"polluted": true},');
    const result = readDistrictJson(text, "p.json");
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ messageEn: expect.stringContaining("__proto__") })]),
    );
  });

  it("refuses nesting deeper than any district without exhausting the stack", () => {
    const result = readDistrictJson("[".repeat(100_000), "deep.json");
    expect(result.problems).toEqual([
      expect.objectContaining({ messageEn: expect.stringContaining("nested more than 200 levels") }),
    ]);
  });

  it("reads the same value as JSON.parse for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text), duplicates: [], cleaned: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("names a missing part in words, not by its model path", () => {
    const district = structuredClone(getSample("zhenlai")) as unknown as {
      schools: Record<string, unknown>[];
    };
    delete (district.schools[2] as Record<string, unknown>).grades;
    const result = readDistrictJson(JSON.stringify(district), "g.json");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        field: "schools[2].grades",
        message: "各年级学生数:缺少必填项",
        messageEn: "Students by grade: is required",
      }),
    ]);
  });
});
