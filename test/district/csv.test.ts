import fc from "fast-check";
import iconv from "iconv-lite";
import { decodeCsv, encodeCsv, mergeTables, parseCsv, readCsvTable } from "../../src/district/readers/csv";
import { readDistrictTables } from "../../src/district/readers/tables";
import { exampleCells } from "../../src/district/readers/template";
import { districtToTables } from "../../src/district/readers/toTables";
import { getSample } from "../../src/district/samples";

const wuzhenTables = () => districtToTables(getSample("wuzhen"));
const schoolRows = () => wuzhenTables().find((table) => table.sheet === "录入-学校")?.rows ?? [];
const gbk = (text: string) => new Uint8Array(iconv.encode(text, "gbk"));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeCsv", () => {
  it("decodes UTF-8 without a BOM", () => {
    expect(decodeCsv(utf8("学校代码,学校名称\r\n"))).toEqual({
      text: "学校代码,学校名称\r\n",
      encoding: "utf-8",
      bom: false,
    });
  });

  it("decodes UTF-8 with a BOM and drops the BOM", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("学校,1")]))).toEqual({
      text: "学校,1",
      encoding: "utf-8",
      bom: true,
    });
  });

  it("falls back to GB18030 for GBK bytes that are not valid UTF-8", () => {
    expect(decodeCsv(gbk("学校名称,镇赉区第二幼儿园"))).toEqual({
      text: "学校名称,镇赉区第二幼儿园",
      encoding: "gb18030",
      bom: false,
    });
  });
});

describe("decodeCsv with UTF-16, Big5 and other encodings", () => {
  const text = "学校代码,学校名称\r\nA01,城关第一小学\r\n";
  const utf16 = (encoding: "utf-16le" | "utf-16be") => new Uint8Array(iconv.encode(text, encoding));

  it.each(["utf-16le", "utf-16be"] as const)("decodes %s with a BOM", (encoding) => {
    const mark = encoding === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff];
    expect(decodeCsv(new Uint8Array([...mark, ...utf16(encoding)]))).toEqual({ text, encoding, bom: true });
  });

  it.each(["utf-16le", "utf-16be"] as const)("tells %s without a BOM by its zero bytes", (encoding) => {
    expect(decodeCsv(utf16(encoding))).toEqual({ text, encoding, bom: false });
  });

  it("round-trips rows written as UTF-16 with a BOM", () => {
    const rows = [
      ["学校代码", "学校名称"],
      ["A01", '城关"一"小'],
    ];
    expect(parseCsv(decodeCsv(encodeCsv(rows, "utf-16le", true)).text).rows).toEqual(rows);
  });

  it("names Big5 and refuses it, rather than reading it as the wrong characters", () => {
    const big5 = new Uint8Array(
      iconv.encode(
        "學校代碼,學校名稱,鄉鎮\r\nA01,城關第一小學,城關鎮\r\nA02,東風鄉中心學校,東風鄉\r\n",
        "big5",
      ),
    );
    expect(decodeCsv(big5)).toMatchObject({ refused: "Big5", text: "" });
    const { table, problems } = readCsvTable(big5, "学校.csv");
    expect(table).toEqual({ sheet: "", rows: [] });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "学校.csv",
        message: expect.stringContaining("Big5(繁体中文)"),
        messageEn: expect.stringContaining("Big5 (traditional Chinese)"),
      }),
    ]);
  });

  it("still reads GBK text with traditional characters in it as GB18030", () => {
    expect(decodeCsv(gbk("学校名称,备注\r\n城关第一小学,原名「城關第一小學」\r\n")).encoding).toBe("gb18030");
  });

  it.each([
    ["UTF-32", new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])],
    ["binary", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 1, 0, 0, 0x41, 0])],
  ])("names %s and refuses it", (refused, bytes) => {
    expect(decodeCsv(bytes).refused).toBe(refused);
    expect(readCsvTable(bytes, "schools.csv").problems).toHaveLength(1);
  });

  it("reads a UTF-16 schools file as the schools sheet", () => {
    const rows = schoolRows().map((row) => [...row]);
    const { table, encoding, problems } = readCsvTable(encodeCsv(rows, "utf-16le", true), "学校.csv");
    expect({ encoding, problems }).toEqual({ encoding: "utf-16le", problems: [] });
    expect(table.rows.map((row) => row.length)).toEqual(rows.map((row) => row.length));
  });
});

describe("parseCsv", () => {
  it("parses quoted fields with commas, doubled quotes, CRLF and newlines inside quotes", () => {
    const text = 'a,"b,1","say ""hi"""\r\n"line1\nline2",,x\n';
    expect(parseCsv(text)).toEqual({
      rows: [
        ["a", "b,1", 'say "hi"'],
        ["line1\nline2", "", "x"],
      ],
      unterminated: false,
    });
  });

  it("keeps a last line without a newline and flags an unterminated quote", () => {
    expect(parseCsv("a,b\r\nc,d").rows).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseCsv('a,"open\r\n').unterminated).toBe(true);
  });
});

const CHINESE =
  "学校名称代码镇赉海阳鲤泮庄小学中学幼儿园教学点年级班数教职工万元债务项目合并迁入现址的一二三四五";
const cellText = fc
  .array(
    fc.constantFrom(...CHINESE, "a", "Z", "0", "9", " ", ",", '"', "\n", "\r\n", "=", "-", "@", "+", "、"),
    { maxLength: 12 },
  )
  .map((chars) => chars.join(""));
const table = fc.array(fc.array(cellText, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe("CSV round trip", () => {
  it.each([
    ["UTF-8", "utf-8" as const, false],
    ["UTF-8 with BOM", "utf-8" as const, true],
    ["GB18030", "gb18030" as const, false],
  ])(
    "encodes and decodes arbitrary Chinese/ASCII cells with quotes, commas and newlines (%s)",
    (_, encoding, bom) => {
      fc.assert(
        fc.property(table, (rows) => {
          // A realistic CSV starts with its header; 学校名称 in GBK is never valid UTF-8, so detection is decided.
          const withHeader = [["学校名称"], ...rows];
          const decoded = decodeCsv(encodeCsv(withHeader, encoding, bom));
          expect(decoded.encoding).toBe(encoding);
          expect(parseCsv(decoded.text)).toEqual({ rows: withHeader, unterminated: false });
        }),
        { numRuns: 150 },
      );
    },
  );
});

describe("readCsvTable", () => {
  it.each(["学校.csv", "schools.csv", "录入-学校.csv", "C:\\data\\Schools.CSV"])(
    "knows %s holds the schools sheet",
    (name) => {
      expect(readCsvTable(encodeCsv(schoolRows(), "utf-8"), name).table.sheet).toBe("录入-学校");
    },
  );

  it("tells the sheet from the headers when the file name says nothing", () => {
    const csv = readCsvTable(encodeCsv(schoolRows(), "gb18030"), "export (3).csv");
    expect([csv.table.sheet, csv.encoding, csv.problems]).toEqual(["录入-学校", "gb18030", []]);
  });

  it("reports a file it cannot match to a sheet", () => {
    const csv = readCsvTable(utf8("foo,bar\r\n1,2\r\n"), "data.csv");
    expect(csv.table.sheet).toBe("");
    expect(csv.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "data.csv",
        message: "无法判断该 CSV 文件对应哪张录入表",
      }),
    ]);
  });

  it("reports a file cut short inside a quoted field", () => {
    const csv = readCsvTable(utf8('学校代码,学校名称\r\nX1,"未完'), "学校.csv");
    expect(csv.problems).toEqual([
      expect.objectContaining({ severity: "error", sheet: "录入-学校", row: 2 }),
    ]);
  });

  it.each([
    ["a GBK file", (text: string) => gbk(text)],
    ["a UTF-8 file with a BOM", (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])],
  ])("merges a schools CSV from %s over the other input sheets into the same district", (_, encode) => {
    const text = new TextDecoder().decode(encodeCsv(schoolRows(), "utf-8"));
    const csv = readCsvTable(encode(text), "学校.csv");
    const result = readDistrictTables(mergeTables(wuzhenTables(), [csv.table]), "学校.csv");
    expect(csv.problems).toEqual([]);
    expect(result.district).toEqual(getSample("wuzhen"));
  });

  it("locates a bad cell of a CSV at its row and header, reading every cell as text", () => {
    const rows = schoolRows().map((row) => [...row]);
    (rows[3] as unknown[])[(rows[0] ?? []).indexOf("班数")] = "十";
    const csv = readCsvTable(encodeCsv(rows, "gb18030"), "schools.csv");
    const result = readDistrictTables(mergeTables(wuzhenTables(), [csv.table]), "schools.csv");
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([
      expect.objectContaining({
        file: "schools.csv",
        sheet: "录入-学校",
        row: 4,
        column: "班数",
        field: "schools[2].classes",
      }),
    ]);
  });
});

describe("a CSV saved from the template", () => {
  it("leaves the example row out with a warning at its row and reads the rows below it", () => {
    const example = ["示例", ...(exampleCells("schools") ?? [])];
    const rows = [
      ["示例", ...(schoolRows()[0] ?? [])],
      example,
      ...schoolRows()
        .slice(1)
        .map((row) => ["", ...row]),
    ];
    const csv = readCsvTable(encodeCsv(rows, "utf-8", true), "学校.csv");
    const result = readDistrictTables(mergeTables(wuzhenTables(), [csv.table]), "学校.csv");
    expect(result.district).toEqual(getSample("wuzhen"));
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "录入-学校",
        row: 2,
        column: "示例",
        code: "exampleRow",
      }),
    ]);
  });
});

describe("mergeTables", () => {
  it("replaces the sheet a CSV brings, keeps the others, adds new ones and skips unmatched ones", () => {
    const base = [
      { sheet: "录入-学校", rows: [["a"]] },
      { sheet: "录入-区县", rows: [["b"]] },
    ];
    const merged = mergeTables(base, [
      { sheet: "录入-学校", rows: [["c"]] },
      { sheet: "录入-项目", rows: [["d"]] },
      { sheet: "", rows: [["e"]] },
    ]);
    expect(merged).toEqual([
      { sheet: "录入-学校", rows: [["c"]] },
      { sheet: "录入-区县", rows: [["b"]] },
      { sheet: "录入-项目", rows: [["d"]] },
    ]);
  });
});
