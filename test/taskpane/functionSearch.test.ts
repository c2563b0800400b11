import { FUNCTION_TEXTS } from "../../src/functions/i18n";
import { FUNCTION_SYNONYMS } from "../../src/functions/i18n/synonyms";
import { matchScore, normalizeQuery, rankFunctions, searchEntries } from "../../src/taskpane/functionSearch";

const ENTRIES = searchEntries(FUNCTION_TEXTS, FUNCTION_SYNONYMS);
const first = (query: string, locale = "zh-CN") => rankFunctions(ENTRIES, query, locale)[0]?.id;
const order = (query: string, locale = "zh-CN") => rankFunctions(ENTRIES, query, locale).map((e) => e.id);

describe("the functions panel's search", () => {
  test.each([
    ["三个增长", "zh-CN", "THREE_GROWTH"],
    ["三个 增长", "zh-CN", "THREE_GROWTH"],
    ["ＧＲＯＷＴＨ", "en-US", "GROWTH"],
    ["growth", "en-US", "GROWTH"],
    ["增长率", "zh-CN", "GROWTH"],
    ["class size", "en-US", "CLASS_SIZE"],
    ["size class", "en-US", "CLASS_SIZE"],
    ["CLASS_SIZE", "zh-CN", "CLASS_SIZE"],
    ["EDU.dropout_check", "en-US", "DROPOUT_CHECK"],
    ["撤并", "zh-CN", "MERGE_CHECK"],
    ["撤点并校", "zh-CN", "MERGE_CHECK"],
    ["生师比", "zh-CN", "STAFF_RATIO"],
    ["在校生预测", "zh-CN", "PROJECT_ENROLLMENT"],
    ["project enrollment", "en-US", "PROJECT_ENROLLMENT"],
    ["学生数预测", "zh-CN", "PROJECT_ENROLLMENT"],
    ["功能科目编码", "zh-CN", "FUNC_CODE"],
    ["func code", "en-US", "FUNC_CODE"],
    ["支出功能分类", "zh-CN", "FUNC_CODE"],
    ["营养餐", "zh-CN", "NUTRITION_COST"],
    ["辍学率", "zh-CN", "DROPOUT_RATE"],
  ])("%s (%s) puts %s first", (query, locale, id) => {
    expect(first(query, locale)).toBe(id);
  });

  test("an exact Chinese name comes before the functions whose names only contain it", () => {
    const ids = order("三个增长");
    expect(ids.indexOf("THREE_GROWTH")).toBeLessThan(ids.indexOf("THREE_GROWTH_DETAIL"));
    const growth = order("growth", "en-US");
    expect(growth.slice(0, 2)).toEqual(["GROWTH", "THREE_GROWTH"]);
  });

  test("in zh-CN a match on the Chinese name ranks above an equal match on the id", () => {
    const entry = (id: string, zhName: string) => ({
      id,
      text: { ...FUNCTION_TEXTS.GROWTH!, zhName },
    });
    const entries = [entry("BALANCE", "其他"), entry("OTHER", "balance")];
    expect(rankFunctions(entries, "balance", "zh-CN").map((e) => e.id)).toEqual(["OTHER", "BALANCE"]);
    expect(rankFunctions(entries, "balance", "en-US").map((e) => e.id)).toEqual(["BALANCE", "OTHER"]);
  });

  test("a name match ranks above a synonym, and a synonym above the texts", () => {
    const growth = ENTRIES.find((e) => e.id === "GROWTH")!;
    expect(matchScore(growth, "增长率", "zh-CN")).toBeGreaterThan(matchScore(growth, "增幅", "zh-CN"));
    expect(matchScore(growth, "增幅", "zh-CN")).toBeGreaterThan(matchScore(growth, "上年", "zh-CN"));
  });

  test("an empty query lists every function in the table's order", () => {
    expect(order("  ")).toEqual(Object.keys(FUNCTION_TEXTS));
  });

  test("a query that matches nothing lists nothing", () => {
    expect(order("量子计算机")).toEqual([]);
  });

  test("every synonym names a function that exists", () => {
    expect(Object.keys(FUNCTION_SYNONYMS).filter((id) => !(id in FUNCTION_TEXTS))).toEqual([]);
  });

  test("queries are compared after NFKC, in lower case and without spaces", () => {
    expect(normalizeQuery(" ＥＤＵ．Class_Size ")).toBe("classsize");
    expect(normalizeQuery("三个　增长")).toBe("三个增长");
  });
});
