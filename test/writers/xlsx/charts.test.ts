/**
 * The .xlsx writer's native charts: the chart and drawing parts it adds (golden, well-formed, in the element order
 * of ECMA-376), where the sheet's <drawing> goes, the package's relationships and content types, the cells
 * unchanged, and a sheet's existing drawing (a picture) kept with the charts added to it.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { ChartPlan, WorkbookPlan } from "../../../src/plan/types";
import { validatePlan } from "../../../src/plan/validate";
import { writeXlsx } from "../../../src/writers/xlsx";
import {
  addCharts,
  chartFontSize,
  chartXml,
  drawingPlace,
  planCells,
  relationships,
  resolveTarget,
  splitReference,
  xmlText,
  type CellLookup,
} from "../../../src/writers/xlsx/charts";
import { readCells } from "../../support/libreoffice";
import { CHARTS, chartPlan, sheetPlan, xmllint } from "./chartPlans";

const withoutCharts = (plan: WorkbookPlan): WorkbookPlan => ({
  ...plan,
  sheets: plan.sheets.map((sheet) => ({ ...sheet, charts: [] })),
});

async function parts(xlsx: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name]?.dir) out.set(name, await (zip.file(name) as JSZip.JSZipObject).async("string"));
  return out;
}

const PIE_GOLDEN = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  '<c:roundedCorners val="0"/><c:chart>',
  '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>',
  '<a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>学生分布</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>',
  '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/>',
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>学生数</c:v></c:tx>',
  "<c:cat><c:strRef><c:f>'数据'!$A$2:$A$4</c:f><c:strCache><c:ptCount val=\"3\"/>",
  '<c:pt idx="0"><c:v>甲校</c:v></c:pt><c:pt idx="1"><c:v>乙校</c:v></c:pt><c:pt idx="2"><c:v>丙校</c:v></c:pt>',
  "</c:strCache></c:strRef></c:cat>",
  "<c:val><c:numRef><c:f>'数据'!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"3\"/>",
  '<c:pt idx="0"><c:v>420</c:v></c:pt><c:pt idx="1"><c:v>365</c:v></c:pt><c:pt idx="2"><c:v>198</c:v></c:pt>',
  "</c:numCache></c:numRef></c:val></c:ser>",
  '<c:firstSliceAng val="0"/></c:pieChart></c:plotArea>',
  '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>',
  '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>',
  "</c:chartSpace>",
].join("");

describe("the chart parts", () => {
  const cells = planCells(chartPlan());

  it("writes a pie chart of three schools as its golden part: title, series name, ranges and cached values", () => {
    expect(chartXml(CHARTS.pie, "饼图", cells)).toBe(PIE_GOLDEN);
  });

  it("writes a column chart as clustered columns with a category and a value axis, one series per plan series", () => {
    const xml = chartXml(CHARTS.column, "柱形图", cells);
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect([...xml.matchAll(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g)].map((m) => m[1])).toEqual([
      "学生数",
      "班数",
    ]);
    expect(xml).toContain("<c:f>'数据'!$C$2:$C$4</c:f>");
    // The classes are formulas: their cached values are the plan's results.
    expect(xml).toContain('<c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>9</c:v></c:pt>');
    expect(xml).toMatch(/<c:catAx>.*<c:axPos val="b"\/>.*<\/c:catAx><c:valAx>.*<c:axPos val="l"\/>/);
  });

  it("turns a bar chart's axes: categories on the left, values along the bottom", () => {
    const xml = chartXml(CHARTS.bar, "条形图", cells);
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toMatch(/<c:catAx>.*<c:axPos val="l"\/>.*<\/c:catAx><c:valAx>.*<c:axPos val="b"\/>/);
  });

  it("writes every chart type in the element order of ECMA-376, which the order schema checks", () => {
    const xml = Object.values(CHARTS).map((chart) => ({
      name: `${chart.type}.xml`,
      xml: chartXml(chart, "数据", cells),
    }));
    expect(xmllint(xml, "chart.xsd")).toMatchObject({ status: 0 });
  });

  it("is refused by the order schema when a series' elements are out of order (the check can fail)", () => {
    const xml = chartXml(CHARTS.column, "柱形图", cells).replace(
      /<c:invertIfNegative val="0"\/>(<c:cat>.*?<\/c:cat>)/,
      '$1<c:invertIfNegative val="0"/>',
    );
    const { status, output } = xmllint([{ name: "bad.xml", xml }], "chart.xsd");
    expect(status).not.toBe(0);
    expect(output).toContain("invertIfNegative");
  });

  it("caches nothing for empty cells or errors, and counts every cell of the range", () => {
    const gappy: CellLookup = (_sheet, row) => (row === 1 ? 5 : row === 2 ? undefined : "x");
    const xml = chartXml({ ...CHARTS.local, categories: "A2:A4" }, "数据", gappy);
    expect(xml).toContain(
      '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>5</c:v></c:pt></c:numCache>',
    );
    expect(xml).toContain(
      '<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>5</c:v></c:pt><c:pt idx="2"><c:v>x</c:v></c:pt></c:strCache>',
    );
  });

  it("keeps any title, series name and category label as XML text, well-formed and read back as written", () => {
    const text = fc.string({ unit: "binary", maxLength: 20 });
    const written: { name: string; xml: string }[] = [];
    fc.assert(
      fc.property(text, text, fc.array(text, { minLength: 1, maxLength: 4 }), (title, name, labels) => {
        const chart: ChartPlan = {
          type: "column",
          title,
          categories: `A1:A${labels.length}`,
          series: [{ name, values: `B1:B${labels.length}` }],
          from: "D1",
          to: "H10",
        };
        const lookup: CellLookup = (_s, row, column) => (column === 0 ? labels[row] : row);
        const xml = chartXml(chart, "表", lookup);
        written.push({ name: `${written.length}.xml`, xml });
        // The characters XML 1.0 does not allow are left out.
        // eslint-disable-next-line no-control-regex
        const shown = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
        const unescape = (s: string) =>
          s
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&#13;/g, "\r")
            .replace(/&amp;/g, "&");
        const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1] ?? ""));
        expect(runs.join("\n")).toBe(shown(title));
        expect(unescape(/<c:tx><c:v>([^<]*)<\/c:v>/.exec(xml)?.[1] ?? "")).toBe(shown(name));
        const cached = /<c:strCache>([\s\S]*?)<\/c:strCache>/.exec(xml)?.[1] ?? "";
        const points = [...cached.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)];
        expect(points.map((m) => [Number(m[1]), unescape(m[2] ?? "")])).toEqual(
          labels.flatMap((label, i) => (label === "" ? [] : [[i, shown(label)]])),
        );
      }),
      { numRuns: 60 },
    );
    expect(xmllint(written, "chart.xsd")).toMatchObject({ status: 0 });
  });

  it("escapes what would otherwise be markup", () => {
    expect(xmlText(`<b>"A&B"</b>\u0007\r`)).toBe("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#13;");
  });

  it("reads a reference's sheet, quoted or not, and a plain range as on the chart's own sheet", () => {
    expect(splitReference("'O''Brien 表'!B3:B6", "x")).toEqual({ sheet: "O'Brien 表", range: "B3:B6" });
    expect(splitReference("学校!B3", "x")).toEqual({ sheet: "学校", range: "B3" });
    expect(splitReference("$B$3:$B$6", "汇总")).toEqual({ sheet: "汇总", range: "$B$3:$B$6" });
  });

  it("sizes chart text to print at 8 pt or more: Excel's 10 pt at 80 % and over, larger below", () => {
    expect([1, 0.8, 0.75, 0.5].map(chartFontSize)).toEqual([10, 10, 11, 16]);
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1, noNaN: true }), (scale) => {
        expect(chartFontSize(scale) * scale).toBeGreaterThanOrEqual(8 - 1e-9);
      }),
    );
  });
});

describe("where the sheet's <drawing> goes", () => {
  const sheet = (tail: string) =>
    `<worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;tableParts&gt;</t></is></c></row></sheetData>${tail}</worksheet>`;

  it("goes before the table parts and the extension list, and after the page setup", () => {
    const xml = sheet(
      '<pageSetup paperSize="9"/><headerFooter><oddHeader>x</oddHeader></headerFooter><tableParts count="1"><tablePart r:id="rId1"/></tableParts><extLst/>',
    );
    expect(xml.slice(drawingPlace(xml).at)).toMatch(/^<tableParts/);
  });

  it("goes before the closing tag when nothing follows it, and skips an extension list nested in a rule", () => {
    const xml = sheet(
      '<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>1</formula><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins left="0.7"/>',
    );
    expect(xml.slice(drawingPlace(xml).at)).toBe("</worksheet>");
  });

  it("finds a drawing the sheet already has, with its relationship id", () => {
    const xml = sheet('<pageSetup/><drawing r:id="rId7"/><tableParts count="0"/>');
    expect(drawingPlace(xml)).toMatchObject({ existingId: "rId7" });
  });

  it("works for a sheet without cells", () => {
    const xml = '<worksheet xmlns="m"><sheetData/><pageMargins left="1"/></worksheet>';
    expect(xml.slice(drawingPlace(xml).at)).toBe("</worksheet>");
  });
});

describe("a workbook written with charts", () => {
  let xlsx: Uint8Array;
  let files: Map<string, string>;
  beforeAll(async () => {
    xlsx = await writeXlsx(chartPlan());
    files = await parts(xlsx);
  });

  it("is written from a valid plan", () => {
    expect(validatePlan(chartPlan())).toEqual([]);
  });

  it("has one chart part per chart and one drawing per sheet with charts", () => {
    const names = [...files.keys()];
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(4);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(4);
  });

  it("has every part well-formed, and its chart, drawing and sheet parts in the element order of ECMA-376", () => {
    const all = [...files].map(([name, xml]) => ({ name, xml }));
    expect(xmllint(all)).toMatchObject({ status: 0 });
    const of = (pattern: RegExp) => all.filter((p) => pattern.test(p.name));
    expect(xmllint(of(/^xl\/charts\/chart\d+\.xml$/), "chart.xsd")).toMatchObject({ status: 0 });
    expect(xmllint(of(/^xl\/drawings\/drawing\d+\.xml$/), "drawing.xsd")).toMatchObject({ status: 0 });
    expect(xmllint(of(/^xl\/worksheets\/sheet\d+\.xml$/), "worksheet.xsd")).toMatchObject({ status: 0 });
  });

  it("is refused by the worksheet order schema with its drawing after the table parts (the check can fail)", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><tableParts count="0"/><drawing/></worksheet>';
    expect(xmllint([{ name: "sheet.xml", xml }], "worksheet.xsd").status).not.toBe(0);
  });

  it("resolves every relationship to a part of the package, and gives every part a content type", () => {
    const types = files.get("[Content_Types].xml") ?? "";
    const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]);
    const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]);
    const dangling: string[] = [];
    for (const [name, xml] of files) {
      if (!name.endsWith(".rels")) {
        const extension = name.slice(name.lastIndexOf(".") + 1);
        if (!overrides.includes(name) && !defaults.includes(extension))
          dangling.push(`${name}: no content type`);
        continue;
      }
      const source = name.replace(/_rels\/([^/]+)\.rels$/, "$1").replace(/^_rels\/\.rels$/, "");
      for (const rel of relationships(xml)) {
        const target = resolveTarget(source === "" ? "x" : source, rel.target);
        if (!files.has(target)) dangling.push(`${name} ${rel.id} → ${target}`);
      }
    }
    expect(dangling).toEqual([]);
    expect(overrides.filter((o) => o?.startsWith("xl/charts/"))).toHaveLength(4);
  });

  it("anchors each chart over its cells, the plan's last cell included", () => {
    const sheets = [...files.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    const anchors = sheets.map((n) => {
      const xml = files.get(n) ?? "";
      const corner = (tag: string) =>
        /<xdr:col>(\d+)<\/xdr:col>.*?<xdr:row>(\d+)<\/xdr:row>/.exec(
          new RegExp(`<xdr:${tag}>(.*?)</xdr:${tag}>`).exec(xml)?.[1] ?? "",
        );
      return [corner("from")?.slice(1), corner("to")?.slice(1)];
    });
    // 数据's chart covers E2:H16: from column 4 row 1 to the corner after H16 (column 8, row 16).
    expect(anchors).toContainEqual([
      ["4", "1"],
      ["8", "16"],
    ]);
  });

  it("reads back with exceljs cell for cell as the same plan written without charts", async () => {
    const plain = await readCells(await writeXlsx(withoutCharts(chartPlan())));
    const charted = await readCells(xlsx);
    expect([...charted]).toEqual([...plain]);
    expect(charted.get("数据!C2")).toEqual({ formula: "ROUNDUP(B2/45,0)", value: 10, isText: false });
  });
});

describe("a sheet that has a drawing already", () => {
  // A 1×1 PNG.
  const PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );

  it("gets the charts in its own drawing, beside its picture, and reads back with both", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("数据");
    ["学校", "甲校", "乙校"].forEach((v, i) => (ws.getCell(i + 1, 1).value = v));
    [null, 3, 4].forEach((v, i) => (ws.getCell(i + 1, 2).value = v));
    const image = workbook.addImage({ buffer: PNG, extension: "png" } as unknown as ExcelJS.Image);
    ws.addImage(image, "D1:E3");
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const chart: ChartPlan = {
      type: "column",
      title: "学生",
      categories: "A2:A3",
      series: [{ name: "学生", values: "B2:B3" }],
      from: "D5",
      to: "H15",
    };
    const plan: WorkbookPlan = {
      ...chartPlan(),
      sheets: [
        sheetPlan(
          "数据",
          "data",
          [
            [{ v: "学校" }, null],
            [{ v: "甲校" }, { v: 3 }],
            [{ v: "乙校" }, { v: 4 }],
          ],
          [chart],
        ),
      ],
    };
    await addCharts(zip, plan);
    const out = await zip.generateAsync({ type: "uint8array" });
    const files = await parts(out);
    const drawings = [...files.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    const drawing = files.get("xl/drawings/drawing1.xml") ?? "";
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("<c:chart ");
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const sheet = files.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const rels = relationships(files.get("xl/drawings/_rels/drawing1.xml.rels") ?? "");
    expect(rels.map((r) => r.type.split("/").pop())).toEqual(["image", "chart"]);
    expect(new Set(rels.map((r) => r.id)).size).toBe(2);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
    expect(back.getWorksheet("数据")?.getImages()).toHaveLength(1);
    expect(back.getWorksheet("数据")?.getCell("B3").value).toBe(4);
  });
});
