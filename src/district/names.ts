/**
 * How spreadsheets compare the names a workbook counts and sums by (towns, projects, kindergartens). Every engine
 * the workbook meets (Excel, WPS, LibreOffice, HyperFormula) finds "Town A" = "TOWN A": names are grouped by
 * `caseKey`. They disagree on full-width and half-width letters ("Ａ" and "A"), accents and other compatibility
 * forms (HyperFormula and some Excel locales find them equal, LibreOffice does not), so names that differ only in
 * those ways (equal `looseKey`, different `caseKey`) are an input problem rather than a guess.
 */

/** The text `=` compares in every engine: letters in any case are equal. */
export const caseKey = (text: string): string => text.toLowerCase();

/** The text some engines compare: also full-width forms, accents and other compatibility variants folded. */
export const looseKey = (text: string): string =>
  text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().normalize("NFKC");
