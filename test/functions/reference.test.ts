/** The function reference: a help page per function, static and escaped, and docs/functions.md kept in step. */
import { spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { FUNCTION_TEXTS } from "../../src/functions/i18n";
import type { FunctionsMetadata } from "../../scripts/metadata";
import { escapeHtml, formula, helpPages } from "../../scripts/reference";
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureBuilt } from "../support/build";

let metadata: FunctionsMetadata;

beforeAll(() => {
  ensureBuilt();
  metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as FunctionsMetadata;
}, BUILD_TIMEOUT_MS);

test("every function has a built help page in Chinese and English, and the index links them all", () => {
  const index = readFileSync(join(DIST, "help", "index.html"), "utf8");
  for (const fn of metadata.functions) {
    const page = readFileSync(join(DIST, "help", `${fn.id}.html`), "utf8");
    expect(page).toContain(`EDU.${FUNCTION_TEXTS[fn.id]!.zhName}`);
    expect(page).toMatch(/id="?zh-CN"?[ >]/);
    expect(page).toMatch(/id="?en"?[ >]/);
    expect(index).toMatch(new RegExp(`href="?${fn.id}\\.html"?>`));
  }
});

test("help pages are static: no script, no event handler, no javascript: link", () => {
  for (const fn of metadata.functions) {
    const page = readFileSync(join(DIST, "help", `${fn.id}.html`), "utf8");
    expect(page).not.toMatch(/<script|\son\w+=|javascript:/i);
  }
});

test("text from the table is escaped in help pages", () => {
  const growth = FUNCTION_TEXTS.GROWTH!;
  const hostile = '<img src=x onerror="alert(1)">';
  const table = { ...FUNCTION_TEXTS, GROWTH: { ...growth, checks: { en: hostile, zh: hostile } } };
  const page = helpPages(metadata, table)["help/GROWTH.html"]!;
  expect(page).not.toContain(hostile);
  expect(page).toContain(escapeHtml(hostile));
  expect(escapeHtml(`<a href="x">&'`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
});

test("examples are shown as formulas a user can type: ranges as array constants, omitted arguments dropped", () => {
  expect(formula("BALANCE_CV", [[[6.2], [3.7]], [[45, 37]]])).toBe("=EDU.BALANCE_CV({6.2;3.7},{45,37})");
  expect(formula("DROPOUT_CHECK", [1200, 30, "初中", null, null])).toBe('=EDU.DROPOUT_CHECK(1200,30,"初中")');
  expect(formula("X", [null, 'say "hi"', true])).toBe('=EDU.X(,"say ""hi""",TRUE)');
});

test("docs/functions.md is exactly what npm run docs generates", () => {
  expect(existsSync(join(ROOT, "docs", "functions.md"))).toBe(true);
  const run = spawnSync("node", ["-r", "./scripts/ts-require.js", "scripts/docs.ts", "--check"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  expect(`${run.stdout}${run.stderr}`).toBe("");
  expect(run.status).toBe(0);
});
