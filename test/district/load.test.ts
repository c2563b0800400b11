import ExcelJS from "exceljs";
import { districtToTables, encodeCsv } from "../../src/district";
import { fileKind, inputMistake, loadInputs, mistakeProblem } from "../../src/district/load";
import { getSample } from "../../src/district/samples";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A sample's input tables as an .xlsx input workbook (one sheet per table, rows as they are). */
async function workbookOf(id: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const table of districtToTables(getSample(id))) {
    const sheet = workbook.addWorksheet(table.sheet);
    for (const row of table.rows) sheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** zhenlai's schools table with a column no input sheet knows: one warning on 录入-学校, row 1. */
function schoolsCsv(): Uint8Array {
  const schools = districtToTables(getSample("zhenlai")).find((table) => table.sheet === "录入-学校");
  const rows = (schools?.rows ?? []).map((row, r) => [...row, r === 0 ? "未知列" : ""]);
  return encodeCsv(rows, "utf-8");
}

describe("fileKind", () => {
  it("picks the reader by the extension, in any case", () => {
    expect(["d.json", "录入.XLSX", "学校.Csv", "dir.v2/a.json"].map(fileKind)).toEqual([
      "json",
      "xlsx",
      "csv",
      "json",
    ]);
  });

  it("knows no other file type", () => {
    expect(["d.txt", "d.xls", "json", "d.json.bak", ""].map(fileKind)).toEqual(Array(5).fill(undefined));
  });
});

describe("inputMistake", () => {
  it("accepts a sample, a .json or an .xlsx, each with any number of .csv tables over it", () => {
    expect(inputMistake([], { sample: "zhenlai" })).toBeUndefined();
    expect(inputMistake(["d.json"])).toBeUndefined();
    expect(inputMistake(["录入.xlsx", "学校.csv", "项目.csv"])).toBeUndefined();
    expect(inputMistake(["学校.csv"], { sample: "wuzhen" })).toBeUndefined();
  });

  it("names what makes the inputs unusable before any is read", () => {
    expect(inputMistake(["a.csv", "d.txt"])).toEqual({ kind: "unknownExtension", file: "d.txt" });
    expect(inputMistake([])).toEqual({ kind: "noDistrict" });
    expect(inputMistake(["d.json"], { sample: "zhenlai" })).toEqual({
      kind: "sampleAndWhole",
      file: "d.json",
    });
    expect(inputMistake(["a.json", "b.xlsx"])).toEqual({
      kind: "severalWholes",
      files: ["a.json", "b.xlsx"],
    });
    expect(inputMistake(["dir/a.csv", "b.csv"])).toEqual({ kind: "csvNeedsBase", file: "dir/a.csv" });
    expect(inputMistake(["a.csv"], { sample: "beijing" })).toEqual({
      kind: "unknownSample",
      sample: "beijing",
      samples: ["zhenlai", "wuzhen"],
    });
  });
});

describe("loadInputs", () => {
  it("reads a .json district, naming the file in its problems", async () => {
    const district = getSample("zhenlai");
    const loaded = await loadInputs([{ name: "d.json", bytes: utf8(JSON.stringify(district)) }]);
    expect(loaded.district).toEqual(district);
    expect(loaded.tables).toBeUndefined();
    const broken = { ...district, schools: [district.schools[0], ...district.schools] };
    const failed = await loadInputs([{ name: "d.json", bytes: utf8(JSON.stringify(broken)) }]);
    expect(failed.district).toBeUndefined();
    expect(failed.problems.some((p) => p.severity === "error" && p.field === "schools[1].code")).toBe(true);
    expect(new Set(failed.problems.map((p) => p.file))).toEqual(new Set(["d.json"]));
  });

  it("reads an .xlsx input workbook with its tables", async () => {
    const loaded = await loadInputs([{ name: "录入.xlsx", bytes: await workbookOf("wuzhen") }]);
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(loaded.district).toEqual(getSample("wuzhen"));
    expect(loaded.tables?.map((table) => table.sheet)).toEqual(
      districtToTables(getSample("wuzhen")).map((table) => table.sheet),
    );
    expect(new Set(loaded.problems.map((p) => p.file))).toEqual(
      new Set(loaded.problems.length ? ["录入.xlsx"] : []),
    );
  });

  it("names an unreadable .xlsx in its problem", async () => {
    const loaded = await loadInputs([{ name: "坏.xlsx", bytes: utf8("not a zip") }]);
    expect(loaded.district).toBeUndefined();
    expect(loaded.problems).toEqual([expect.objectContaining({ severity: "error", file: "坏.xlsx" })]);
  });

  it("merges a .csv over a sample: its sheet's problems name the .csv, the others the sample", async () => {
    const loaded = await loadInputs([{ name: "学校.csv", bytes: schoolsCsv() }], { sample: "zhenlai" });
    expect(loaded.district?.schools).toEqual(getSample("zhenlai").schools);
    const schools = loaded.problems.filter((p) => p.sheet === "录入-学校");
    expect(schools).toEqual([expect.objectContaining({ file: "学校.csv", row: 1, column: "未知列" })]);
    const others = loaded.problems.filter((p) => p.sheet !== "录入-学校");
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((p) => p.file))).toEqual(new Set(["sample zhenlai"]));
    expect(loaded.tables?.find((t) => t.sheet === "录入-学校")?.rows[0]).toContain("未知列");
  });

  it("names the sample's sheets by the label the shell gives", async () => {
    const loaded = await loadInputs([{ name: "学校.csv", bytes: schoolsCsv() }], {
      sample: "zhenlai",
      sampleLabel: "镇赉县示例",
    });
    const files = new Set(loaded.problems.map((p) => p.file));
    expect(files).toEqual(new Set(["学校.csv", "镇赉县示例"]));
  });

  it("merges a .csv over an .xlsx workbook, the workbook's sheets naming the workbook", async () => {
    const loaded = await loadInputs([
      { name: "学校.csv", bytes: schoolsCsv() },
      { name: "录入.xlsx", bytes: await workbookOf("zhenlai") },
    ]);
    expect(loaded.district?.schools).toEqual(getSample("zhenlai").schools);
    expect(loaded.problems.filter((p) => p.file === "学校.csv")).toHaveLength(1);
    for (const p of loaded.problems) expect(p.file).toBe(p.sheet === "录入-学校" ? "学校.csv" : "录入.xlsx");
  });

  it("names a .csv that matches no input sheet", async () => {
    const loaded = await loadInputs([{ name: "杂项.csv", bytes: encodeCsv([["甲", "乙"]], "utf-8") }], {
      sample: "zhenlai",
    });
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({
        severity: "error",
        file: "杂项.csv",
        messageEn: expect.stringMatching(/input sheet/),
      }),
    );
  });

  it("gives an unknown file type as one problem of that file, with what is accepted", async () => {
    expect(await loadInputs([{ name: "d.txt", bytes: utf8("x") }])).toEqual({
      problems: [
        {
          severity: "error",
          file: "d.txt",
          field: "file",
          message: "不支持的文件类型",
          messageEn: "Unsupported file type",
          accepts: ".xlsx, .csv, .json",
        },
      ],
    });
  });

  it("gives every other mistake as a problem in both languages", async () => {
    const mistakes = [
      inputMistake([]),
      inputMistake(["a.json", "b.json"]),
      inputMistake(["a.csv"]),
      inputMistake(["a.json"], { sample: "zhenlai" }),
      inputMistake([], { sample: "nope" }),
    ];
    for (const mistake of mistakes) {
      const problem = mistakeProblem(mistake!);
      expect(problem).toMatchObject({ severity: "error", field: "file" });
      expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
      expect(problem.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await loadInputs([{ name: "a.csv", bytes: schoolsCsv() }])).problems).toEqual([
      mistakeProblem({ kind: "csvNeedsBase", file: "a.csv" }),
    ]);
  });
});
