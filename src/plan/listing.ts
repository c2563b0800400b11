/**
 * Names listed in a text that goes into one cell (a check's detail, a note): the first few, and how many there
 * are in all, so that the text stays far below Excel's 32,767 characters a cell holds whatever the district's size.
 */

/** Names shown before the rest are only counted. */
export const LISTED_NAMES = 20;

const shorten = (names: readonly string[], separator: string, rest: (all: number) => string): string =>
  names.length <= LISTED_NAMES
    ? names.join(separator)
    : `${names.slice(0, LISTED_NAMES).join(separator)}${rest(names.length)}`;

/** The names joined with 、, or the first LISTED_NAMES of them, then … 等 共 n 个. */
export const listedZh = (names: readonly string[]): string =>
  shorten(names, "、", (all) => ` 等 (共 ${all} 个)`);

/** "A, B, C", or "A, B … and 25 more" beyond LISTED_NAMES. */
export const listedEn = (names: readonly string[]): string =>
  shorten(names, ", ", (all) => ` and ${all - LISTED_NAMES} more`);
