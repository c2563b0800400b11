import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { COMPARE_STRINGS, compareTranslator } from "../../src/taskpane/compareText";
import { STRINGS, localeOf, translator } from "../../src/taskpane/i18n";

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("pane strings", () => {
  it("has the same keys in zh-CN and en-US", () => {
    expect(Object.keys(STRINGS["zh-CN"]).sort()).toEqual(Object.keys(STRINGS["en-US"]).sort());
  });

  it("has no empty string and the same placeholders in both languages", () => {
    for (const [key, en] of Object.entries(STRINGS["en-US"])) {
      const zh = STRINGS["zh-CN"][key as keyof (typeof STRINGS)["zh-CN"]];
      expect({ key, empty: zh.trim() === "" || en.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(zh) }).toEqual({ key, placeholders: placeholders(en) });
    }
  });

  it("has the 对比 tab's strings in both languages with the same placeholders", () => {
    expect(Object.keys(COMPARE_STRINGS["zh-CN"]).sort()).toEqual(
      Object.keys(COMPARE_STRINGS["en-US"]).sort(),
    );
    for (const [key, en] of Object.entries(COMPARE_STRINGS["en-US"])) {
      const zh = COMPARE_STRINGS["zh-CN"][key as keyof (typeof COMPARE_STRINGS)["zh-CN"]];
      expect({ key, empty: zh.trim() === "" || en.trim() === "" }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(zh) }).toEqual({ key, placeholders: placeholders(en) });
    }
    expect(compareTranslator("zh-CN")("compareWritten", { sheet: "对比" })).toBe(
      "对比结果已写入工作表 对比。",
    );
  });

  it("shows zh-CN for every Chinese display language and en-US otherwise", () => {
    expect(["zh-CN", "zh-cn", "zh-TW", "zh"].map(localeOf)).toEqual(["zh-CN", "zh-CN", "zh-CN", "zh-CN"]);
    expect(["en-US", "fr-FR", "ja-JP", undefined, ""].map(localeOf)).toEqual(Array(5).fill("en-US"));
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const t = translator("en-US");
    expect(t("doneChecks", { passed: 3, failed: 1 })).toBe("Checks: 3 passed, 1 failed");
    expect(t("doneChecks", { passed: 3 })).toBe("Checks: 3 passed, {failed} failed");
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe("pane source", () => {
  const files = sourceFiles(join(__dirname, "../../src/taskpane"));

  it("never hands data to innerHTML", () => {
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((file) =>
      /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("makes no network requests of its own", () => {
    const offenders = files.filter((file) =>
      /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/.test(readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("restricts scripts to itself and office.js in taskpane.html's Content-Security-Policy", () => {
    const html = readFileSync(join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directive = (name: string) =>
      csp
        .split(";")
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive("script-src")).toBe("script-src 'self' https://appsforoffice.microsoft.com");
    expect(directive("style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive("connect-src")).toBe("connect-src 'self'");
  });
});
