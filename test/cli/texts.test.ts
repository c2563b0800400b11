import { TEXTS, type Texts } from "../../src/cli/texts";

/** Every text of a language, functions called with neutral arguments. */
function allTexts(texts: Texts): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === "string") out.push(value);
    else if (typeof value === "function")
      out.push(String((value as (...args: unknown[]) => unknown)("f.xlsx", "r.csv", 3)));
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(texts);
  return out;
}

/** Chinese characters and punctuation. */
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe("the CLI's texts", () => {
  it("speak English without Chinese, except the Chinese names of the files it writes", () => {
    for (const text of allTexts(TEXTS.en)) {
      const words = text.replace(/教育经费预算(-录入模板)?|预算说明/g, "");
      expect({ text, chinese: CHINESE.test(words) }).toEqual({ text, chinese: false });
    }
  });

  it("speak Chinese without English words, except commands, options, names of programs, formats and codes", () => {
    const allowed =
      /edu-budget|pack-template|--?[a-z]+(-[a-z]+)*|<[a-z-]+>|\b(generate|template|check|validate|compare|explain|help|zh|en|LANG|EDU_BUDGET_DEBUG|KB|Excel|WPS|LibreOffice|Word|json|xlsx|csv|docx|zhenlai|wuzhen|national|edu-default|zhenlai-2012|wuzhen-2004|out|[A-Z]{2,}|Y\/N|TRUE\/FALSE)\b|[\w.-]*\.(xlsx|json|csv)\b|f\.xlsx|r\.csv/g;
    for (const text of allTexts(TEXTS.zh)) {
      const rest = text.replace(allowed, "");
      expect({ text, english: /[A-Za-z]{3,}/.test(rest) }).toEqual({ text, english: false });
    }
  });

  it("say a system error in Chinese by its code", () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    expect(TEXTS.zh.ioReason(full)).toBe("磁盘空间不足(ENOSPC)");
    expect(TEXTS.en.ioReason(full)).toBe("ENOSPC: no space left on device, write");
    expect(TEXTS.zh.fileUnreadable("a.xlsx", "EACCES: permission denied, open 'a.xlsx'")).toBe(
      "无法读取文件 a.xlsx:没有访问权限(EACCES)",
    );
  });
});
