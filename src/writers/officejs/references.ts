/**
 * Formulas and defined names of a plan refer to sheets, names and tables by their plan names. When the writer must
 * give a sheet or an identifier another name (the plan's is taken), these rewrite the references, skipping string
 * literals and structured-reference brackets.
 */

const IDENT_START = /[A-Za-z_\\\u0080-\uFFFF]/;
const IDENT_CHAR = /[A-Za-z0-9_.\u0080-\uFFFF]/;
const WORD_CHAR = /[A-Za-z0-9_.]/;

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface ReferenceMaps {
  /** Lower-cased plan sheet name → sheet name to write. */
  readonly sheets: ReadonlyMap<string, string>;
  /** Upper-cased plan name or table name → identifier to write. */
  readonly identifiers: ReadonlyMap<string, string>;
  /**
   * Lower-cased plan sheet name → the sheet's final name, for link targets in text ("#'学校'!A1" in HYPERLINK):
   * Excel does not update text when it renames a sheet, so links name the sheet as it will be called at the end.
   */
  readonly links?: ReadonlyMap<string, string>;
}

/** Visit every sheet reference, identifier and text literal of a formula; each visitor returns its replacement. */
function scan(
  formula: string,
  onSheet: (name: string) => string,
  onIdentifier: (word: string) => string,
  onText: (text: string) => string = (text) => text,
): string {
  let out = "";
  let i = 0;
  const at = (k: number): string => formula.charAt(k);
  while (i < formula.length) {
    const ch = at(i);
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = "";
      while (j < formula.length && !(at(j) === ch && at(j + 1) !== ch)) {
        text += at(j);
        j += at(j) === ch ? 2 : 1;
      }
      if (ch === "'" && at(j + 1) === "!") {
        out += `${onSheet(text)}!`;
        i = j + 2;
      } else if (ch === '"') {
        out += `"${onText(text).replace(/"/g, '""')}"`;
        i = j + 1;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
    } else if (ch === "[") {
      let depth = 0;
      let j = i;
      do {
        if (at(j) === "[") depth++;
        else if (at(j) === "]") depth--;
        j++;
      } while (depth > 0 && j < formula.length);
      out += formula.slice(i, j);
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < formula.length && WORD_CHAR.test(at(j))) j++;
      out += formula.slice(i, j);
      i = j;
    } else if (IDENT_START.test(ch)) {
      let j = i;
      while (j < formula.length && IDENT_CHAR.test(at(j))) j++;
      const word = formula.slice(i, j);
      if (at(j) === "!") {
        out += `${onSheet(word)}!`;
        i = j + 1;
      } else {
        out += at(j) === "(" ? word : onIdentifier(word);
        i = j;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

export function rewriteReferences(formula: string, maps: ReferenceMaps): string {
  if (maps.sheets.size === 0 && maps.identifiers.size === 0 && !maps.links?.size) return formula;
  return scan(
    formula,
    (name) => {
      const mapped = maps.sheets.get(name.toLowerCase());
      return mapped === undefined ? quoteSheet(name) : quoteSheet(mapped);
    },
    (word) => maps.identifiers.get(word.toUpperCase()) ?? word,
    (text) => retargetLink(text, maps.links),
  );
}

/** "#'学校'!A1" → "#'学校 (2)'!A1" when 学校 ends up as 学校 (2); any other text unchanged. */
function retargetLink(text: string, links: ReadonlyMap<string, string> | undefined): string {
  const bang = text.lastIndexOf("!");
  if (!links || !text.startsWith("#") || bang < 0) return text;
  const sheet = text.slice(1, bang);
  const quoted = /^'(.*)'$/.exec(sheet);
  const name = quoted ? (quoted[1] as string).replace(/''/g, "'") : sheet;
  const mapped = links.get(name.toLowerCase());
  return mapped === undefined ? text : `#${quoteSheet(mapped)}${text.slice(bang)}`;
}

/** The sheets a formula refers to (lower-cased). */
export function referencedSheets(formula: string): Set<string> {
  const found = new Set<string>();
  scan(
    formula,
    (name) => {
      found.add(name.toLowerCase());
      return "";
    },
    (word) => word,
  );
  return found;
}

/** A sheet name free in `taken` (lower-cased): the name itself, else "name (2)", "name (3)", … within 31 characters. */
export function uniqueSheetName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name =
      Array.from(base)
        .slice(0, 31 - suffix.length)
        .join("")
        .trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A defined-name or table identifier free in `taken` (upper-cased): "Name", else "Name_2", "Name_3", … */
export function uniqueIdentifier(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toUpperCase())) return `${base}_${n}`;
}
