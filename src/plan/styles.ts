import type { CellStyle } from "./types";

/** The generated workbook's styles: one look for every sheet. */
export const STYLES = {
  title: { bold: true, fontSize: 14 },
  subtitle: { italic: true, color: "595959" },
  header: { bold: true, fill: "DDEBF7", border: true, wrap: true, horizontal: "center" },
  label: { bold: true },
  text: { numFmt: "@" },
  integer: { numFmt: "#,##0" },
  /** Money in 万元 with two decimals. */
  money: { numFmt: "#,##0.00" },
  /** Money in 元. */
  yuan: { numFmt: "#,##0" },
  rate: { numFmt: "0.00%" },
  decimal: { numFmt: "0.00" },
  coefficient: { numFmt: "0.000" },
  /**
   * TRUE/FALSE verdicts. Excel shows a boolean as TRUE/FALSE whatever the format; LibreOffice and WPS store it as
   * 1/0 and show it through the format, which this is (LibreOffice's own boolean format as it writes it to .xlsx).
   */
  verdict: { horizontal: "center", numFmt: '"TRUE";"TRUE";"FALSE"' },
  pass: { fill: "C6EFCE", color: "006100" },
  fail: { fill: "FFC7CE", color: "9C0006" },
  warn: { fill: "FFEB9C", color: "9C5700" },
  /** Explanations inside a table column of their own width: wrapped. */
  note: { italic: true, color: "595959", wrap: true },
  /** A line of explanation between blocks: not wrapped, it runs on across the empty cells to its right. */
  remark: { italic: true, color: "595959" },
  total: { bold: true, numFmt: "#,##0.00" },
  /** Text too wide for its cell, wrapped within it (the print setup adds it; src/plan/print.ts). */
  wrap: { wrap: true },
} as const satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;
