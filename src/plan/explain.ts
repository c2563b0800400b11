/**
 * The 预算说明 of a built plan as a document: its title, and per section its heading and the computed text of its
 * paragraphs (the values the plan stores for the sheet's formulas). A writer (the CLI's .docx) renders it; the words
 * are the sheet's own.
 */
import { parseCell, parseRange } from "./address";
import type { Scalar, SheetPlan, WorkbookPlan } from "./types";

export interface Explanation {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

/** The key of the 预算说明 sheet. */
export const EXPLAIN_SHEET = "explain";

/** The 说明 of a plan; undefined when the plan holds no 预算说明 sheet. */
export function readExplanation(plan: WorkbookPlan): Explanation | undefined {
  const sheet = plan.sheets.find((s) => s.key === EXPLAIN_SHEET);
  return sheet ? explanationOf(sheet) : undefined;
}

/** Headings are the bold (label) cells of column A, paragraphs the rows merged from column A under them. */
export function explanationOf(sheet: SheetPlan): Explanation {
  // Each row's texts left to right: a paragraph from the data is its text cell and the live cell after it.
  const cells = new Map<number, Scalar>();
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    if (anchor.column !== 0) continue;
    block.cells.forEach((line, r) => {
      const texts = line.map((cell) => cell?.v).filter((v) => v !== undefined && typeof v !== "object");
      if (texts.length > 0) cells.set(anchor.row + r, texts.map(String).join(""));
    });
  }
  const headingRows = new Set(
    sheet.formats
      .filter((f) => f.style === "label" && !f.range.includes(":"))
      .map((f) => parseCell(f.range))
      .filter((c) => c.column === 0)
      .map((c) => c.row),
  );
  const paragraphRows = new Set(
    sheet.merges
      .map((m) => parseRange(m).start)
      .filter((c) => c.column === 0)
      .map((c) => c.row),
  );
  const sections: { heading: string; paragraphs: string[] }[] = [];
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const text = String(cells.get(row));
    if (headingRows.has(row)) sections.push({ heading: text, paragraphs: [] });
    else if (paragraphRows.has(row)) sections[sections.length - 1]?.paragraphs.push(text);
  }
  return { title: String(cells.get(0) ?? ""), subtitle: String(cells.get(1) ?? ""), sections };
}
