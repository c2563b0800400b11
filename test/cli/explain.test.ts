/**
 * edu-budget explain: the .docx, opened with a reader (the zip's word/document.xml, its w:t runs per paragraph),
 * holds the title, the headings and the paragraphs of the 预算说明 sheet as a formula engine computes them.
 */
import JSZip from "jszip";
import { join } from "path";
import { main } from "../../src/cli/main";
import { TEXTS } from "../../src/cli/texts";
import { getSample } from "../../src/district/samples";
import { parseCell } from "../../src/plan/address";
import { buildWorkbookPlan } from "../../src/plan/build";
import { explanationOf, type Explanation } from "../../src/plan/explain";
import { columnLetter } from "../../src/plan/address";
import { isFormulaCell, type SheetPlan, type WorkbookPlan } from "../../src/plan/types";
import { getPack } from "../../src/policy";
import { loadPlanIntoHyperFormula } from "../support/hyperformula";
import { decodeXmlText } from "../support/xml";
import { memoryIo } from "./memoryIo";

/** The paragraphs of a .docx, each its w:t runs joined, XML entities decoded. */
async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (xml === undefined) throw new Error("the .docx has no word/document.xml");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...(p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])]
      .map((t) => decodeXmlText(t[1] ?? ""))
      .join(""),
  );
}

/** The 说明 sheet with every formula's value as HyperFormula computes it. */
function computedExplanation(plan: WorkbookPlan): Explanation {
  const sheet = plan.sheets.find((s) => s.key === "explain");
  if (!sheet) throw new Error("no 预算说明");
  const loaded = loadPlanIntoHyperFormula(plan);
  const recomputed: SheetPlan = {
    ...sheet,
    blocks: sheet.blocks.map((block) => {
      const a = parseCell(block.anchor);
      return {
        ...block,
        cells: block.cells.map((line, r) =>
          line.map((cell, c) => {
            if (!isFormulaCell(cell)) return cell;
            const v = loaded.valueAt(sheet.name, `${columnLetter(a.column + c)}${a.row + r + 1}`);
            return { f: cell.f, v: typeof v === "string" ? v : `not a text: ${JSON.stringify(v)}` };
          }),
        ),
      };
    }),
  };
  return explanationOf(recomputed);
}

const expectedParagraphs = (e: Explanation) => [
  e.title,
  e.subtitle,
  ...e.sections.flatMap((s) => [s.heading, ...s.paragraphs]),
];

describe("edu-budget explain", () => {
  it.each(["zhenlai", "wuzhen"])(
    "writes the %s 预算说明 as a .docx whose paragraphs are the sheet's computed text",
    async (id) => {
      const io = memoryIo();
      expect(await main(["explain", "--sample", id, "--out", "out/"], io)).toBe(0);
      const district = getSample(id);
      const plan = buildWorkbookPlan(district, getPack(district.policyPack), {
        generatedAt: "2026-10-08T09:30:00.000Z",
        generator: "x",
      });
      const path = join("out", `${plan.properties.district}-${plan.properties.budgetYear}-预算说明.docx`);
      const bytes = io.files.get(path);
      expect(bytes).toBeDefined();
      const paragraphs = await docxParagraphs(bytes ?? new Uint8Array());
      const expected = expectedParagraphs(computedExplanation(plan));
      expect(expected.length).toBeGreaterThan(20);
      expect(paragraphs).toEqual(expected);
      expect(io.out()).toContain(path);
    },
  );

  it("writes to the .docx file --out names, and refuses another extension", async () => {
    const io = memoryIo();
    expect(await main(["explain", "--sample", "wuzhen", "--out", "说明.docx"], io)).toBe(0);
    expect(io.files.has("说明.docx")).toBe(true);
    const refused = memoryIo();
    expect(await main(["explain", "--sample", "wuzhen", "--out", "说明.xlsx"], refused)).toBe(2);
    expect(refused.err()).toContain(TEXTS.en.explainOutDocx("说明.xlsx"));
  });

  it("does not replace an existing file without --force", async () => {
    const io = memoryIo({ "说明.docx": "old" });
    expect(await main(["explain", "--sample", "wuzhen", "--out", "说明.docx"], io)).toBe(2);
    expect(new TextDecoder().decode(io.files.get("说明.docx"))).toBe("old");
    expect(await main(["explain", "--sample", "wuzhen", "--out", "说明.docx", "--force"], io)).toBe(0);
    expect((await docxParagraphs(io.files.get("说明.docx") ?? new Uint8Array())).length).toBeGreaterThan(20);
  });

  it.each(["en", "zh"] as const)("is described in the help in %s", async (lang) => {
    const t = TEXTS[lang];
    const io = memoryIo();
    expect(await main(["--help", "--lang", lang], io)).toBe(0);
    const flat = (text: string) => text.replace(/\s+/g, " ");
    expect(flat(io.out())).toContain(flat(t.explain));
    const help = memoryIo();
    expect(await main(["explain", "--help", "--lang", lang], help)).toBe(0);
    for (const text of [t.sample, t.input, t.pack, t.explainOut, t.force])
      expect(flat(help.out())).toContain(flat(text));
  });
});
