/**
 * The code that builds sheets and rules holds no district's policy: no quote of a speech, no item id of the policy
 * reference, no number or place name a speech gives. Those live in the district's local pack (src/policy) or in
 * the sample districts' data (src/district/samples). Comments count too: the rule is about the files.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { itWithShared } from "../support/shared";

const ROOT = join(__dirname, "..", "..");
const FOLDERS = ["src/plan", "src/domain", "src/budget"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FILES = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder))).map((path) => ({
  file: relative(ROOT, path),
  text: readFileSync(path, "utf8"),
}));

/** Every hit of a pattern in the files, as "file:line: text". */
function hits(pattern: RegExp, keep: (match: string) => boolean = () => true): string[] {
  return FILES.flatMap(({ file, text }) =>
    text.split("\n").flatMap((line, i) =>
      [...line.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))]
        .map((m) => m[0])
        .filter(keep)
        .map((match) => `${file}:${i + 1}: ${match}`),
    ),
  );
}

/** The numbers a speech gives (policies.md §2 and §3), as a source file could write them. */
const SPEECH_NUMBERS = [
  "13644.78",
  "13660.04",
  "15.26",
  "491.6",
  "98.32",
  "1512.88",
  "3344.29",
  "1576.59",
  "4920.88",
  "6746.28",
  "10090.57",
  "14136.38",
  "14151.64",
];
/** The places the speeches name (their districts, towns and schools). */
const SPEECH_PLACES = [
  "镇赉",
  "五镇",
  "海阳",
  "鲤泮庄",
  "第五中学",
  "莫莫格",
  "嘎什根",
  "黑鱼泡",
  "丹岱",
  "坦途",
  "五棵树",
  "大屯",
];

const numberPattern = (n: string) => {
  const [whole = "", fraction] = n.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",?");
  return new RegExp(`(?<![\\d.])${grouped}${fraction === undefined ? "" : `\\.${fraction}`}(?![\\d])`);
};

describe("sheet builders and rules hold no district's policy", () => {
  it("reads the files it checks", () => {
    expect(FILES.length).toBeGreaterThan(20);
    expect(FILES.map((f) => f.file)).toContain(join("src", "plan", "sheets", "dropout.ts"));
  });

  it("contain no quote of four or more characters written in the source (a quote of data is built from ${…})", () => {
    expect(hits(/「[^」\n]{4,}」/, (match) => !match.includes("${"))).toEqual([]);
  });

  it("contain no item id of the policy reference (S1-xx, S2-xx, I-x)", () => {
    expect(hits(/\bS[12]-\d+(\.\d+)?\b|\bI-\d+\b/)).toEqual([]);
  });

  it("contain no number a speech gives", () => {
    expect(SPEECH_NUMBERS.flatMap((n) => hits(numberPattern(n)))).toEqual([]);
  });

  it("contain no place a speech names", () => {
    expect(SPEECH_PLACES.flatMap((place) => hits(new RegExp(place)))).toEqual([]);
  });

  it("would catch each kind of text it looks for", () => {
    const quote = /「[^」\n]{4,}」/;
    expect(quote.test("「确保小学无辍学」")).toBe(true);
    expect(quote.test("「${name}」")).toBe(true);
    expect(/\bS[12]-\d+(\.\d+)?\b|\bI-\d+\b/.test("(S2-03.5)")).toBe(true);
    expect(/\bS[12]-\d+(\.\d+)?\b|\bI-\d+\b/.test("I-11:")).toBe(true);
    expect(numberPattern("13644.78").test("欠款13,644.78万元")).toBe(true);
    expect(numberPattern("13644.78").test("欠款13644.78万元")).toBe(true);
    expect(numberPattern("491.6").test("1491.62")).toBe(false);
  });

  itWithShared("contain none of the speeches' quotes that policies.md §2 extracts", (shared) => {
    const policies = readFileSync(join(shared, "domain", "policies.md"), "utf8");
    const part = policies.slice(policies.indexOf("## 2. Part A"), policies.indexOf("## 3. Part A"));
    const quotes = [...part.matchAll(/「([^」]+)」/g)].map((m) => m[1] ?? "").filter((q) => q.length >= 6);
    expect(quotes.length).toBeGreaterThan(40);
    const found = quotes.flatMap((q) =>
      FILES.filter(({ text }) => text.includes(q)).map(({ file }) => `${file}: ${q}`),
    );
    expect(found).toEqual([]);
  });
});
