import { readDistrictJson } from "../../src/district/readers/json";
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
});
