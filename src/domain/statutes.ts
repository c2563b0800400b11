/**
 * The statute articles of the three growths in force in a budget year (§4.1): 教育法 Art. 55 in the 1995 text,
 * Art. 56 from the 2015 amendment (in force 2016-06-01: a new Art. 18 shifted every later article by one);
 * 义务教育法 Art. 12 in the 1986 text (two growths only), Art. 42 ¶3 from the 2006 revision (in force 2006-09-01).
 * A budget year is taken to be under the text in force from its first day.
 */
import { invalidArgument } from "./errors";

export interface StatuteArticle {
  /** e.g. "教育法(1995)第五十五条". */
  readonly zh: string;
  readonly en: string;
}

/** 教育法's three-growth article in force on 1 January of the year. */
export function educationLawArticle(year: number): StatuteArticle {
  checkYear(year);
  return year >= 2017
    ? { zh: "教育法(2015年修正)第五十六条第二款", en: "Education Law (2015 amendment) Art. 56 ¶2" }
    : { zh: "教育法(1995年)第五十五条", en: "Education Law (1995) Art. 55" };
}

/** 义务教育法's growth article in force on 1 January of the year. */
export function compulsoryEducationLawArticle(year: number): StatuteArticle {
  checkYear(year);
  return year >= 2007
    ? { zh: "义务教育法(2006年修订)第四十二条第三款", en: "Compulsory Education Law (2006) Art. 42 ¶3" }
    : { zh: "义务教育法(1986年)第十二条", en: "Compulsory Education Law (1986) Art. 12" };
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw invalidArgument("year", "a whole year from 1990 to 2100");
}
