/**
 * The ranking of the functions panel's search, pure: a query against each function's id, Chinese name, synonyms
 * (src/functions/i18n/synonyms.ts) and texts. Queries are compared after NFKC (ＧＲＯＷＴＨ is GROWTH), in lower
 * case, with spaces, underscores and an "EDU." prefix ignored (三个 增长 is 三个增长, class size is CLASS_SIZE);
 * a query of several words also matches when every word is found. Matches on a name come before matches in the
 * texts, exact before prefix before part; in zh-CN a match on the Chinese name comes before one on the id.
 */
import type { FunctionText } from "../functions/i18n/types";

/** How strongly a function matches: higher first; 0 is no match. */
const EXACT = 100;
const SYNONYM_EXACT = 90;
const PREFIX = 80;
const PART = 70;
const SYNONYM_PART = 60;
const WORDS_IN_NAMES = 40;
const IN_TEXTS = 20;
const WORDS_IN_TEXTS = 10;

/** The form queries and names are compared in: NFKC, lower case, without spaces, underscores and dots. */
export function normalizeQuery(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^\s*edu\s*\./, "")
    .replace(/[\s_.·]+/g, "");
}

/** The words of a query, each normalized; one word when it has no spaces. */
function words(query: string): string[] {
  return query
    .normalize("NFKC")
    .split(/[\s_]+/)
    .map(normalizeQuery)
    .filter(Boolean);
}

export interface SearchEntry {
  readonly id: string;
  readonly text: FunctionText;
  readonly synonyms?: readonly string[];
}

/** The searchable list: every function of the table, in its order, with its synonyms. */
export function searchEntries(
  table: { readonly [id: string]: FunctionText },
  synonyms: { readonly [id: string]: readonly string[] },
): SearchEntry[] {
  return Object.entries(table).map(([id, text]) => ({ id, text, synonyms: synonyms[id] ?? [] }));
}

function nameScore(name: string, needle: string): number {
  if (!name) return 0;
  if (name === needle) return EXACT;
  if (name.startsWith(needle)) return PREFIX;
  if (name.includes(needle)) return PART;
  return 0;
}

/** The strength of one function's match for a query (see the module's note); 0 when it does not match. */
export function matchScore(entry: SearchEntry, query: string, locale: string): number {
  const needle = normalizeQuery(query);
  if (!needle) return 1;
  const zhFirst = locale.startsWith("zh");
  const id = normalizeQuery(entry.id);
  const zhName = normalizeQuery(entry.text.zhName);
  // The name of the pane's language wins a tie between the two names.
  const bonus = (score: number, own: boolean) => (score > 0 && own ? score + 1 : score);
  const named = Math.max(bonus(nameScore(id, needle), !zhFirst), bonus(nameScore(zhName, needle), zhFirst));
  if (named) return named;
  const synonyms = (entry.synonyms ?? []).map(normalizeQuery);
  if (synonyms.includes(needle)) return SYNONYM_EXACT;
  if (synonyms.some((s) => s.includes(needle))) return SYNONYM_PART;
  const parts = words(query);
  const names = [id, zhName, ...synonyms];
  if (parts.length > 1 && parts.every((w) => names.some((n) => n.includes(w)))) return WORDS_IN_NAMES;
  const texts = [
    entry.text.zhDescription,
    entry.text.checks.en,
    entry.text.checks.zh,
    entry.text.rule.en,
    entry.text.rule.zh,
  ].map(normalizeQuery);
  if (texts.some((t) => t.includes(needle))) return IN_TEXTS;
  const haystack = [...names, ...texts];
  if (parts.length > 1 && parts.every((w) => haystack.some((t) => t.includes(w)))) return WORDS_IN_TEXTS;
  return 0;
}

/**
 * The entries that match the query, best first; equal matches keep the shorter name first, then the list's order.
 * An empty query gives every entry in the list's order.
 */
export function rankFunctions<E extends SearchEntry>(
  entries: readonly E[],
  query: string,
  locale: string,
): E[] {
  if (!normalizeQuery(query)) return [...entries];
  const zhFirst = locale.startsWith("zh");
  const length = (entry: E) => (zhFirst ? entry.text.zhName.length : entry.id.length);
  return entries
    .map((entry, index) => ({ entry, index, score: matchScore(entry, query, locale) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || length(a.entry) - length(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}
