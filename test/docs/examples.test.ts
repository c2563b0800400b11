/**
 * The input formats' documentation cannot rot: its example files load through the readers the CLI and the pane use,
 * and docs/input-formats.md names every field of the model and every header of the input sheets.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { z } from "zod";
import {
  SHEETS,
  districtSchema,
  mergeTables,
  readCsvTable,
  readDistrictJson,
  readDistrictTables,
  districtToTables,
  type District,
} from "../../src/district";

const DOCS = join(__dirname, "..", "..", "docs");
const example = (name: string) => new Uint8Array(readFileSync(join(DOCS, "examples", name)));
const formats = readFileSync(join(DOCS, "input-formats.md"), "utf8");
const readme = readFileSync(join(DOCS, "..", "README.md"), "utf8");

function loadJson(): District {
  const result = readDistrictJson(new TextDecoder("utf-8").decode(example("district.json")), "district.json");
  expect(result.problems).toEqual([]);
  if (!result.district) throw new Error("docs/examples/district.json gave no district");
  return result.district;
}

describe("docs/examples", () => {
  it("district.json reads as a district with no problem at all", () => {
    const district = loadJson();
    expect(district.name).toBe("示例县");
    expect(district.schools.map((school) => school.code)).toEqual(["SL01", "SL02", "SL03"]);
  });

  it("学校.csv is the schools sheet in UTF-8 with BOM, and replaces district.json's schools with no problem", () => {
    const csv = readCsvTable(example("学校.csv"), "学校.csv");
    expect(csv.problems).toEqual([]);
    expect([csv.table.sheet, csv.encoding]).toEqual(["录入-学校", "utf-8"]);
    const merged = readDistrictTables(
      mergeTables(districtToTables(loadJson()), [csv.table]),
      "district.json",
    );
    expect(merged.problems).toEqual([]);
    expect(merged.district?.schools.map((school) => school.code)).toEqual(["SL01", "SL02", "SL03", "SL04"]);
    // Thousands separators and 是/否 are read as the formats page says.
    expect(merged.district?.schools[0]?.equipmentValue).toBe(1850000);
    expect(merged.district?.schools.map((school) => school.standardized)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("docs/input-formats.md", () => {
  /** Every key of the district schema, nested objects and lists included ("schools", "grades", "g1" …). */
  function keys(schema: z.ZodType): string[] {
    const inner = (s: z.ZodType): z.ZodType => {
      if (s instanceof z.ZodDefault || s instanceof z.ZodOptional) return inner(s.unwrap() as z.ZodType);
      if (s instanceof z.ZodArray) return inner(s.element as z.ZodType);
      return s;
    };
    const object = inner(schema);
    if (!(object instanceof z.ZodObject)) return [];
    return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([key, value]) => [
      key,
      ...keys(value),
    ]);
  }

  it("names every field of the district model", () => {
    const missing = [...new Set(keys(districtSchema))].filter((key) => !formats.includes(`\`${key}\``));
    expect(missing.filter((key) => !/^[kg]\d+$/.test(key))).toEqual([]);
    expect(formats).toContain("`k1`–`k3`, `g1`–`g12`");
  });

  it("names every input sheet and every header of each sheet", () => {
    const missing = SHEETS.flatMap((sheet) =>
      [sheet.name, ...sheet.columns.map((c) => c.zh), ...(sheet.rows ?? []).map((r) => r.zh)]
        .filter((label) => !/^(二|三|四|五)年级$/.test(label))
        .filter((label) => !formats.includes(label))
        .map((label) => `${sheet.name}: ${label}`),
    );
    expect(missing).toEqual([]);
  });

  it("is linked from the README with both example files", () => {
    expect(readme).toContain("docs/input-formats.md");
    expect(readme).toContain("docs/examples/district.json");
    expect(readme).toContain("docs/examples/学校.csv");
  });
});
