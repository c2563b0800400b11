import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readInputWorkbook } from "../../src/district/readers/xlsx";
import { ZIP_LIMITS, checkZip, zipParts, type ZipLimits } from "../../src/district/readers/zip";
import { getSample } from "../../src/district/samples";
import { buildInputTemplatePlan } from "../../src/plan/inputTemplate";
import { writeXlsx } from "../../src/writers/xlsx";

const SMALL: ZipLimits = { partBytes: 1 << 20, totalBytes: 4 << 20, parts: 200, sharedStrings: 1000 };

let template: Uint8Array;
beforeAll(async () => {
  template = await writeXlsx(buildInputTemplatePlan(getSample("wuzhen")));
});

/** The template with extra parts added. */
async function withParts(parts: { readonly [name: string]: Uint8Array | string }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(template);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** Overwrites the unpacked size the zip declares for `name`, in its central directory and its local header. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const encoded = new TextEncoder().encode(name);
  const matches = (at: number) => encoded.every((byte, k) => bytes[at + k] === byte);
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === encoded.length && matches(at + 30))
      view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === encoded.length && matches(at + 46))
      view.setUint32(at + 24, size, true);
  }
  return bytes;
}

const zeros = (bytes: number) => new Uint8Array(bytes);

describe("the .xlsx reader's limits on the unpacked file", () => {
  it("reads an ordinary input workbook within the default limits", async () => {
    expect(await checkZip(template)).toBeUndefined();
    const result = await readInputWorkbook(template, "t.xlsx");
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("reads the zhenlai sample's input workbook back with its prior projects from 录入-上年项目", async () => {
    const workbook = await writeXlsx(buildInputTemplatePlan(getSample("zhenlai")));
    const result = await readInputWorkbook(workbook, "zhenlai.xlsx");
    expect(result.district?.priorProjects).toEqual(getSample("zhenlai").priorProjects);
    expect(result.district).toEqual(getSample("zhenlai"));
  });

  it("lists the parts and their sizes from the zip's directory", async () => {
    const bomb = await withParts({ "xl/media/zeros.bin": zeros(3 << 20) });
    const part = zipParts(bomb)?.find((p) => p.name === "xl/media/zeros.bin");
    expect(part).toMatchObject({ method: 8, unpackedBytes: 3 << 20 });
    expect(part?.packedBytes).toBeLessThan(10_000);
  });

  it("refuses a part that unpacks beyond the limit before exceljs unpacks it, naming the part and the limit", async () => {
    const bomb = await withParts({ "xl/media/zeros.bin": zeros(20 << 20) });
    expect(bomb.length - template.length).toBeLessThan(100_000);
    const result = await readInputWorkbook(bomb, "bomb.xlsx", undefined, { limits: SMALL });
    expect(result.district).toBeUndefined();
    expect(result.tables).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "bomb.xlsx",
        message: expect.stringContaining("xl/media/zeros.bin 解压后超过 20 MB,上限为 1 MB"),
        messageEn: expect.stringContaining(
          "xl/media/zeros.bin unpacks to more than 20 MB, above the limit of 1 MB",
        ),
      }),
    ]);
  });

  it("refuses a part whose directory understates its size, by unpacking it only up to the limit", async () => {
    const bomb = declareSize(
      await withParts({ "xl/media/zeros.bin": zeros(20 << 20) }),
      "xl/media/zeros.bin",
      100,
    );
    expect(zipParts(bomb)?.find((p) => p.name === "xl/media/zeros.bin")?.unpackedBytes).toBe(100);
    const refusal = await checkZip(bomb, SMALL);
    expect(refusal).toMatchObject({ kind: "part", part: "xl/media/zeros.bin", limit: 1 << 20 });
    expect((refusal as { bytes: number }).bytes).toBeLessThan(2 << 20);
  });

  it("refuses parts that each fit but together pass the total limit", async () => {
    const parts = Object.fromEntries(
      Array.from({ length: 5 }, (_, k) => [`xl/media/part${k}.bin`, zeros(1 << 20)] as const),
    );
    expect(await checkZip(await withParts(parts), SMALL)).toMatchObject({ kind: "total", limit: 4 << 20 });
  });

  it("refuses a file of too many parts", async () => {
    const parts = Object.fromEntries(
      Array.from({ length: 200 }, (_, k) => [`xl/media/p${k}.txt`, "x"] as const),
    );
    expect(await checkZip(await withParts(parts), SMALL)).toMatchObject({ kind: "parts", limit: 200 });
  });

  it("refuses more shared strings than the limit, counted in the part itself", async () => {
    const strings = Array.from({ length: 1001 }, (_, k) => `<si><t>${k}</t></si>`).join("");
    const xml = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">${strings}</sst>`;
    const refusal = await checkZip(await withParts({ "xl/sharedStrings.xml": xml }), SMALL);
    expect(refusal).toEqual({ kind: "sharedStrings", count: 1001, limit: 1000 });
    const fewer = strings.slice(0, strings.lastIndexOf("<si>"));
    const xmlFewer = xml.replace(strings, fewer);
    expect(await checkZip(await withParts({ "xl/sharedStrings.xml": xmlFewer }), SMALL)).toBeUndefined();
  });

  it("documents limits that leave room for a 20,000-school workbook", () => {
    expect(ZIP_LIMITS.partBytes).toBeGreaterThanOrEqual(100 << 20);
    expect(ZIP_LIMITS.sharedStrings).toBeGreaterThanOrEqual(1_000_000);
  });

  it("leaves a file that is not a zip to exceljs, which says it cannot be read", async () => {
    const result = await readInputWorkbook(new TextEncoder().encode("not a zip"), "x.xlsx");
    expect(result.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^无法读取该 \.xlsx 文件:/),
        acceptsEn: "an .xlsx workbook (Excel 2007 or later)",
      }),
    ]);
  });
});

describe("the .xlsx reader's cells", () => {
  async function schoolsWith(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets.find((ws) => ws.name === "录入-学校");
    if (!sheet) throw new Error("no schools sheet");
    edit(sheet);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  const header = (sheet: ExcelJS.Worksheet, text: string): number => {
    let found = 0;
    sheet.getRow(1).eachCell((cell, column) => {
      if (cell.value === text) found = column;
    });
    if (!found) throw new Error(`no column ${text}`);
    return found;
  };

  it.each(["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!"])(
    "reports a cell holding the Excel error %s as a problem, not as text",
    async (code) => {
      const bytes = await schoolsWith((sheet) => {
        sheet.getCell(3, header(sheet, "学校名称")).value = { error: code } as ExcelJS.CellErrorValue;
        sheet.getCell(4, header(sheet, "乡镇")).value = {
          formula: "VLOOKUP(A4,X:Y,2,FALSE)",
          result: { error: code },
        } as ExcelJS.CellFormulaValue;
      });
      const result = await readInputWorkbook(bytes, "e.xlsx");
      expect(result.district).toBeUndefined();
      const errors = result.problems.filter((p) => p.severity === "error");
      expect(errors).toEqual([
        expect.objectContaining({
          sheet: "录入-学校",
          row: 3,
          column: "学校名称",
          messageEn: expect.stringContaining(`the Excel error ${code}`),
        }),
        expect.objectContaining({
          sheet: "录入-学校",
          row: 4,
          column: "乡镇",
          message: expect.stringContaining(`Excel 错误值 ${code}`),
        }),
      ]);
    },
  );

  it("names a header merged across columns by its column letters, once", async () => {
    let letters = ["", ""];
    const bytes = await schoolsWith((sheet) => {
      const town = header(sheet, "乡镇");
      sheet.getCell(1, town).value = null;
      sheet.mergeCells(1, town - 1, 1, town);
      letters = [sheet.getColumn(town - 1).letter, sheet.getColumn(town).letter];
    });
    const [from, to] = letters;
    const result = await readInputWorkbook(bytes, "m.xlsx");
    const merged = result.problems.filter((p) => p.message.includes("合并单元格"));
    expect(merged).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "录入-学校",
        row: 1,
        column: "学校名称",
        message: `表头「学校名称」是跨 ${from}–${to} 列的合并单元格:请取消合并,让每列各有自己的表头`,
        messageEn: expect.stringContaining(`merged across columns ${from}-${to}`),
      }),
    ]);
    expect(result.problems.filter((p) => p.message.includes("重复"))).toEqual([]);
    expect(result.district).toBeUndefined();
  });

  it("removes characters an .xlsx cannot hold from a cell, with a warning naming the cell", async () => {
    const bytes = await schoolsWith((sheet) => {
      // Excel writes a character XML cannot carry as an _xHHHH_ escape, which exceljs turns back into it.
      sheet.getCell(2, header(sheet, "学校名称")).value = "城关_xFFFE_小学_x0001__x001B_";
    });
    const result = await readInputWorkbook(bytes, "c.xlsx");
    expect(result.problems.filter((p) => p.message.includes("XML"))).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-学校",
        row: 2,
        column: "学校名称",
        messageEn: expect.stringContaining("(U+FFFE, U+0001, U+001B) were removed"),
      }),
    ]);
    expect(result.district?.schools[0]?.name).toBe("城关小学");
  });
});
