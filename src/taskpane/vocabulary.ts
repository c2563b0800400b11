/**
 * The fixed Chinese vocabulary of policy units and of problems' "accepts" texts, in English for an English pane.
 * Data keeps its Chinese; only the pane's rendering is translated. Unknown text is shown as it is.
 */
import type { Locale } from "./i18n";

const UNITS: Readonly<Record<string, string>> = {
  比率: "ratio",
  "人/班": "pupils per class",
  人: "persons",
  月: "month",
  年: "years",
  "天/年": "days per year",
  "元/生·年": "yuan per student per year",
  "元/生·天": "yuan per student per day",
  "元/人·月": "yuan per person per month",
  "生/教职工": "students per staff post",
  "教职工/班": "staff posts per class",
};

const ACCEPTS: Readonly<Record<string, string>> = {
  数字: "a number",
  文本: "text",
  非空文本: "non-empty text",
  整数: "a whole number",
  "是/否": "yes/no",
  列表: "a list",
  一组字段: "an object",
  "0 或以上的整数": "a whole number, 0 or more",
  "整数, 迁入为正、迁出为负": "a whole number, positive in, negative out",
  "0 或以上的数(可带千分位逗号)": "a number, 0 or more (thousands commas allowed)",
  "小数或百分数,如 0.05 或 5%": "a fraction or a percentage, e.g. 0.05 or 5%",
  "四位年份,如 2012": "a four-digit year, e.g. 2012",
  "是/否(也接受 Y/N、TRUE/FALSE、1/0)": "是/否 (yes/no; Y/N, TRUE/FALSE and 1/0 also work)",
  以顿号或逗号分隔的代码: "codes separated by 、 or commas",
  成对的英文双引号: "paired straight double quotes",
  符合JSON语法的区县数据: "district data in valid JSON",
  "符合 JSON 语法的区县数据": "district data in valid JSON",
  "Excel 2007 及以上的 .xlsx 工作簿": "an .xlsx workbook (Excel 2007 or later)",
  每所学校唯一的代码: "a code unique to each school",
  每个字段只写一次: "each field once",
  每列一个表头单元格: "one header cell per column",
  每列只出现一次: "each column once",
  "填写这些项,或删除该行": "fill them in, or delete the row",
  "UTF-8、UTF-16 或 GBK/GB18030 编码的 CSV": "a CSV in UTF-8, UTF-16 or GBK/GB18030",
};

/** Patterns with a number: ≥ 3 项, ≤ 40 个字符. */
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^≥ (\S+) 项$/, (m) => `at least ${m[1]} items`],
  [/^≤ (\S+) 个字符$/, (m) => `at most ${m[1]} characters`],
  [/^资金来源合计 ≤ (\S+)$/, (m) => `total funding ≤ ${m[1]}`],
  [
    /^文件名为 (.*)\(或英文 (.*)\),或表头与录入表一致$/,
    (m) => `a file named ${m[2]}, or headers as on the input sheets`,
  ],
];

export function unitText(unit: string, locale: Locale): string {
  return locale === "zh-CN" ? unit : (UNITS[unit] ?? unit);
}

export function acceptsText(accepts: string, locale: Locale): string {
  if (locale === "zh-CN") return accepts;
  const fixed = ACCEPTS[accepts];
  if (fixed) return fixed;
  for (const [pattern, english] of PATTERNS) {
    const match = pattern.exec(accepts);
    if (match) return english(match);
  }
  return accepts;
}

/** Every unit and fixed accepts text the map knows (for tests). */
export const KNOWN_UNITS = Object.keys(UNITS);
