/**
 * Native Excel charts for the .xlsx (exceljs writes none): for each sheet with charts, a DrawingML chart part per
 * chart (xl/charts/chartN.xml: a clustered column or bar chart, or a pie), a drawing part that anchors them over
 * the plan's cells (xl/drawings/drawingN.xml, or the sheet's existing drawing, with its pictures kept), the
 * relationships between them, the sheet's <drawing> element and the content types. Each series reads its ranges
 * on the sheets (Excel and LibreOffice redraw from the cells) and caches the values the plan computed, so a reader
 * that does not recalculate shows them too. Titles, series names and category labels are XML text.
 */
import type JSZip from "jszip";
import { absoluteRange, parseCell, parseRange, sheetRef, splitSheetRef } from "../../plan/address";
import { MIN_PRINTED_SIZE, printScale } from "../../plan/print";
import type { ChartPlan, ChartSeriesPlan, PlanCell, Scalar, WorkbookPlan } from "../../plan/types";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

export const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 does not allow (C0 controls other than tab and line breaks, U+FFFE, U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or an attribute value (a carriage return as a reference: a reader keeps it so). */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;");
}

/** What a cell of a sheet holds, as the plan computed it; undefined for an empty cell or an error. */
export type CellLookup = (sheet: string, row: number, column: number) => Scalar | undefined;

/** Split "'学校'!B3:B6" into its sheet and range; a plain range is on `sheet`. */
export function splitReference(reference: string, sheet: string): { sheet: string; range: string } {
  const split = splitSheetRef(reference);
  return { sheet: split.sheet ?? sheet, range: split.address };
}

interface Source {
  /** The reference as the chart writes it: '汇总'!$A$5:$A$10. */
  readonly ref: string;
  /** One entry per cell of the range, row by row. */
  readonly points: readonly (Scalar | undefined)[];
}

function source(reference: string, sheet: string, cells: CellLookup): Source {
  const at = splitReference(reference, sheet);
  const { start, end } = parseRange(at.range);
  const points: (Scalar | undefined)[] = [];
  for (let r = start.row; r <= end.row; r++)
    for (let c = start.column; c <= end.column; c++) points.push(cells(at.sheet, r, c));
  return { ref: sheetRef(at.sheet, absoluteRange(at.range)), points };
}

const label = (value: Scalar): string =>
  typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);

function strRef(src: Source): string {
  const points = src.points
    .map((v, i) =>
      v === undefined || v === "" ? "" : `<c:pt idx="${i}"><c:v>${xmlText(label(v))}</c:v></c:pt>`,
    )
    .join("");
  return `<c:strRef><c:f>${xmlText(src.ref)}</c:f><c:strCache><c:ptCount val="${src.points.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(src: Source): string {
  const points = src.points
    .map((v, i) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${String(v)}</c:v></c:pt>` : "",
    )
    .join("");
  return `<c:numRef><c:f>${xmlText(src.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${src.points.length}"/>${points}</c:numCache></c:numRef>`;
}

function seriesXml(
  chart: ChartPlan,
  series: ChartSeriesPlan,
  index: number,
  categories: Source,
  values: Source,
) {
  // CT_BarSer and CT_PieSer: idx, order, tx, (invertIfNegative for bars), cat, val.
  const bar = chart.type === "pie" ? "" : '<c:invertIfNegative val="0"/>';
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${xmlText(series.name)}</c:v></c:tx>` +
    `${bar}<c:cat>${strRef(categories)}</c:cat><c:val>${numRef(values)}</c:val></c:ser>`
  );
}

function titleXml(title: string, size: number): string {
  const paragraphs = title
    .split("\n")
    .map(
      (line) =>
        `<a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${xmlText(line)}</a:t></a:r></a:p>`,
    )
    .join("");
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${paragraphs}</c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

function axesXml(horizontal: boolean): string {
  const common = (id: number, position: string) =>
    `<c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>`;
  const ticks = (cross: number) =>
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>`;
  return (
    `<c:catAx>${common(CATEGORY_AXIS, horizontal ? "l" : "b")}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${ticks(VALUE_AXIS)}` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx>${common(VALUE_AXIS, horizontal ? "b" : "l")}<c:majorGridlines/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/>${ticks(CATEGORY_AXIS)}<c:crossBetween val="between"/></c:valAx>`
  );
}

/** Excel's size of a chart's text (axes, legend), in points; the title is two points larger. */
export const CHART_FONT_SIZE = 10;

/**
 * The size of a chart's text on a sheet that prints at `scale` (1 = 100 %): Excel's 10 pt, larger where that would
 * print under MIN_PRINTED_SIZE, in half points.
 */
export function chartFontSize(scale: number): number {
  return Math.max(CHART_FONT_SIZE, Math.ceil((2 * MIN_PRINTED_SIZE) / scale) / 2);
}

/**
 * The chart part (c:chartSpace) of a chart on `sheet`, its caches filled from `cells`; its text `fontSize` points
 * (the title two more).
 */
export function chartXml(
  chart: ChartPlan,
  sheet: string,
  cells: CellLookup,
  fontSize = CHART_FONT_SIZE,
): string {
  const size = Math.round(fontSize * 100);
  if (chart.series.length === 0) throw new RangeError(`chart "${chart.title}" has no series`);
  const categories = source(chart.categories, sheet, cells);
  const series = chart.series
    .map((s, i) => seriesXml(chart, s, i, categories, source(s.values, sheet, cells)))
    .join("");
  const plot =
    chart.type === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="${chart.type === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/>` +
        `<c:varyColors val="0"/>${series}<c:gapWidth val="150"/>` +
        `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>${axesXml(chart.type === "bar")}`;
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${titleXml(chart.title, size + 200)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/**
 * One chart's anchor in a drawing: from the top-left corner of `from` to the bottom-right corner of `to` (the
 * plan's cells are inclusive, the drawing's corner is the start of the next cell). `id` is unique in the drawing.
 */
export function anchorXml(chart: ChartPlan, relationshipId: string, id: number): string {
  const from = parseRange(chart.from).start;
  const to = parseRange(chart.to).start;
  const corner = (tag: string, row: number, column: number) =>
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${corner("from", from.row, from.column)}${corner("to", to.row + 1, to.column + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${xmlText(chart.title.replace(/\s+/g, " "))}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relationshipId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A drawing part (xdr:wsDr) holding the anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return `${DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** A relationships part with `added` appended to the one it replaces (`existing`, or none). */
export function withRelationships(existing: string | undefined, added: readonly Relationship[]): string {
  const xml = added
    .map((r) => `<Relationship Id="${xmlText(r.id)}" Type="${r.type}" Target="${xmlText(r.target)}"/>`)
    .join("");
  if (existing === undefined) return `${DECLARATION}<Relationships xmlns="${NS.rels}">${xml}</Relationships>`;
  const close = existing.lastIndexOf("</Relationships>");
  if (close >= 0) return existing.slice(0, close) + xml + existing.slice(close);
  const empty = /<Relationships\b[^>]*\/>/.exec(existing);
  if (!empty) throw new Error("a relationships part has no <Relationships> element");
  const open = empty[0].slice(0, -2) + ">";
  return existing.replace(empty[0], `${open}${xml}</Relationships>`);
}

/** The relationships of a part, by id. */
export function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attrs = attributes(m[1] ?? "");
    return { id: attrs.Id ?? "", type: attrs.Type ?? "", target: attrs.Target ?? "" };
  });
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1] as string] = unescapeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** A free relationship id in a part's relationships: rId1, rId2 … past the highest numbered one. */
export function freeRelationshipId(existing: readonly Relationship[]): string {
  const taken = new Set(existing.map((r) => r.id));
  let n = existing.length + 1;
  while (taken.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** The children of <worksheet> that follow <drawing> in CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Where the sheet's <drawing> goes, or where it is: the children of <worksheet> after <sheetData> (the cells,
 * skipped unread) are walked at depth one; the drawing goes before the first that follows it in the schema.
 */
export function drawingPlace(sheetXml: string): { readonly at: number; readonly existingId?: string } {
  const data = sheetXml.lastIndexOf("</sheetData>");
  const empty = /<sheetData\s*\/>/.exec(sheetXml);
  const from = data >= 0 ? data + "</sheetData>".length : empty ? empty.index + empty[0].length : -1;
  if (from < 0) throw new Error("a worksheet part has no <sheetData>");
  const tag = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(sheetXml); m; m = tag.exec(sheetXml)) {
    const [, closing, , name, attrs, selfClosing] = m;
    if (closing === "/") {
      if (depth === 0) return { at: m.index };
      depth--;
      continue;
    }
    if (depth === 0) {
      if (name === "drawing") {
        const id = attributes(attrs ?? "")["r:id"];
        return { at: m.index, ...(id !== undefined && { existingId: id }) };
      }
      if (name !== undefined && AFTER_DRAWING.has(name)) return { at: m.index };
    }
    if (selfClosing !== "/") depth++;
  }
  throw new Error("a worksheet part does not close its <worksheet>");
}

/** The part a relationship's target names, relative to the folder of the part it is from. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== "." && step !== "") parts.push(step);
  }
  return parts.join("/");
}

/** The path of `to` relative to the folder of `fromPart`: xl/worksheets/sheet1.xml → ../drawings/drawing1.xml. */
function relativeTarget(fromPart: string, to: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const target = to.split("/");
  let common = 0;
  while (common < from.length && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => ".."), ...target.slice(common)].join("/");
}

const relsOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

/** Each cell of the plan by sheet name, as computed: the chart caches read it. */
export function planCells(plan: WorkbookPlan): CellLookup {
  // Each sheet's blocks with their top-left corners, the last first: a later block writes over an earlier one.
  const sheets = new Map(
    plan.sheets.map((s) => [
      s.name,
      s.blocks.map((block) => ({ block, at: parseCell(block.anchor) })).reverse(),
    ]),
  );
  return (sheet, row, column) => {
    for (const { block, at } of sheets.get(sheet) ?? []) {
      const cell: PlanCell | undefined = block.cells[row - at.row]?.[column - at.column];
      if (cell === undefined || cell === null) continue;
      return typeof cell.v === "object" ? undefined : cell.v;
    }
    return undefined;
  };
}

/** The worksheet part of each sheet, by sheet name, as the workbook part and its relationships say. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = relationships(await text(zip, "xl/_rels/workbook.xml.rels"));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const attrs = attributes(m[1] ?? "");
    const rel = rels.find((r) => r.id === attrs["r:id"]);
    if (attrs.name !== undefined && rel) parts.set(attrs.name, resolveTarget("xl/workbook.xml", rel.target));
  }
  return parts;
}

async function text(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the workbook has no part ${name}`);
  return file.async("string");
}

const textIfAny = (zip: JSZip, name: string): Promise<string | undefined> =>
  zip.file(name)?.async("string") ?? Promise.resolve(undefined);

/** The next free number N of parts named `${prefix}N.xml`. */
function nextNumber(zip: JSZip, prefix: string): number {
  let n = 0;
  zip.forEach((path) => {
    if (path.startsWith(prefix))
      n = Math.max(n, Number(/^(\d+)\.xml$/.exec(path.slice(prefix.length))?.[1] ?? 0));
  });
  return n + 1;
}

/**
 * Adds every sheet's charts to an .xlsx package held in `zip`: the chart parts, the drawing (the sheet's own if it
 * has one, else a new one), the relationships, the sheet's <drawing> and the content types. The cached values are
 * the plan's.
 */
export async function addCharts(zip: JSZip, plan: WorkbookPlan): Promise<void> {
  const charted = plan.sheets.filter((s) => s.charts.length > 0);
  if (charted.length === 0) return;
  const cells = planCells(plan);
  const parts = await sheetParts(zip);
  const overrides: { part: string; type: string }[] = [];
  let chartNumber = nextNumber(zip, "xl/charts/chart");
  let drawingNumber = nextNumber(zip, "xl/drawings/drawing");
  for (const sheet of charted) {
    const sheetPart = parts.get(sheet.name);
    if (sheetPart === undefined) throw new Error(`the workbook has no sheet named ${sheet.name}`);
    let sheetXml = await text(zip, sheetPart);
    const sheetRelsPart = relsOf(sheetPart);
    const sheetRels = await textIfAny(zip, sheetRelsPart);
    const place = drawingPlace(sheetXml);
    const fontSize = chartFontSize(printScale(sheet));
    let drawingPart: string;
    let drawingXmlText: string | undefined;
    if (place.existingId !== undefined) {
      const rel = relationships(sheetRels ?? "").find((r) => r.id === place.existingId);
      if (!rel) throw new Error(`sheet ${sheet.name}: its drawing ${place.existingId} has no relationship`);
      drawingPart = resolveTarget(sheetPart, rel.target);
      drawingXmlText = await text(zip, drawingPart);
    } else {
      drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
      const id = freeRelationshipId(relationships(sheetRels ?? ""));
      const rel = { id, type: REL_TYPE.drawing, target: relativeTarget(sheetPart, drawingPart) };
      zip.file(sheetRelsPart, withRelationships(sheetRels, [rel]));
      sheetXml = `${sheetXml.slice(0, place.at)}<drawing r:id="${id}"/>${sheetXml.slice(place.at)}`;
      zip.file(sheetPart, sheetXml);
      overrides.push({ part: drawingPart, type: CONTENT_TYPE.drawing });
    }
    const drawingRelsPart = relsOf(drawingPart);
    const drawingRels = await textIfAny(zip, drawingRelsPart);
    const known = relationships(drawingRels ?? "");
    const added: Relationship[] = [];
    let shapeId = Math.max(
      1,
      ...[...(drawingXmlText ?? "").matchAll(/<xdr:cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])),
    );
    const anchors = sheet.charts.map((chart) => {
      const chartPart = `xl/charts/chart${chartNumber++}.xml`;
      zip.file(chartPart, chartXml(chart, sheet.name, cells, fontSize));
      overrides.push({ part: chartPart, type: CONTENT_TYPE.chart });
      const id = freeRelationshipId([...known, ...added]);
      added.push({ id, type: REL_TYPE.chart, target: relativeTarget(drawingPart, chartPart) });
      return anchorXml(chart, id, ++shapeId);
    });
    if (drawingXmlText === undefined) zip.file(drawingPart, drawingXml(anchors));
    else {
      const close = drawingXmlText.lastIndexOf("</xdr:wsDr>");
      if (close < 0 || !drawingXmlText.includes(`xmlns:a="${NS.a}"`))
        throw new Error(`sheet ${sheet.name}: its drawing ${drawingPart} is not one charts can be added to`);
      zip.file(drawingPart, drawingXmlText.slice(0, close) + anchors.join("") + drawingXmlText.slice(close));
    }
    zip.file(drawingRelsPart, withRelationships(drawingRels, added));
  }
  const types = await text(zip, "[Content_Types].xml");
  const missing = overrides.filter((o) => !types.includes(`PartName="/${o.part}"`));
  const xml = missing.map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("");
  const close = types.lastIndexOf("</Types>");
  if (close < 0) throw new Error("the workbook's [Content_Types].xml has no </Types>");
  zip.file("[Content_Types].xml", types.slice(0, close) + xml + types.slice(close));
}
