/**
 * Sample input files in test/fixtures/district (for the CLI and task pane tests and for trying the readers by hand),
 * generated from the samples. When a sample changes: UPDATE_FIXTURES=1 npx jest test/district/fixtures.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { encodeCsv, mergeTables, readCsvTable } from "../../src/district/readers/csv";
import { readDistrictJson } from "../../src/district/readers/json";
import { readDistrictTables } from "../../src/district/readers/tables";
import { districtToTables } from "../../src/district/readers/toTables";
import { getSample } from "../../src/district/samples";

const DIR = join(__dirname, "../fixtures/district");
const schools = (id: string) =>
  districtToTables(getSample(id)).find((table) => table.sheet === "录入-学校")?.rows ?? [];

const FIXTURES: Record<string, () => Uint8Array> = {
  "zhenlai.json": () => new TextEncoder().encode(`${JSON.stringify(getSample("zhenlai"), null, 2)}\n`),
  "wuzhen.json": () => new TextEncoder().encode(`${JSON.stringify(getSample("wuzhen"), null, 2)}\n`),
  "malformed.json": () => new TextEncoder().encode('{\n  "name": "镇赉区",\n  "budgetYear": 2012,,\n}\n'),
  "学校.csv": () => encodeCsv(schools("wuzhen"), "gb18030"),
  "schools-utf8-bom.csv": () => encodeCsv(schools("zhenlai"), "utf-8", true),
};

describe("district fixtures", () => {
  it.each(Object.keys(FIXTURES))("%s is up to date with the samples", (name) => {
    const path = join(DIR, name);
    const expected = (FIXTURES[name] as () => Uint8Array)();
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(path, expected);
    expect(existsSync(path)).toBe(true);
    expect(new Uint8Array(readFileSync(path))).toEqual(expected);
  });

  it("reads the GBK schools CSV over the wuzhen sample's other sheets back to the sample", () => {
    const csv = readCsvTable(new Uint8Array(readFileSync(join(DIR, "学校.csv"))), "学校.csv");
    expect(csv.encoding).toBe("gb18030");
    const tables = mergeTables(districtToTables(getSample("wuzhen")), [csv.table]);
    expect(readDistrictTables(tables, "学校.csv").district).toEqual(getSample("wuzhen"));
  });

  it("reads the JSON fixtures back to the samples and reports the malformed one", () => {
    const read = (name: string) => readDistrictJson(readFileSync(join(DIR, name), "utf8"), name);
    expect(read("zhenlai.json").district).toEqual(getSample("zhenlai"));
    expect(read("malformed.json").problems[0]?.row).toBe(3);
  });
});
