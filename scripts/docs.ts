/**
 * npm run docs: writes docs/functions.md from the functions' JSDoc and the translation table.
 * With --check it writes nothing and exits 1 when docs/functions.md is out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { format, resolveConfig } from "prettier";
import { FUNCTION_TEXTS } from "../src/functions/i18n";
import { sourceMetadata, type FunctionsMetadata } from "./metadata";
import { referenceMarkdown } from "./reference";

export { sourceMetadata };

export const DOCS_FILE = join(__dirname, "..", "docs", "functions.md");

/** docs/functions.md as `npm run docs` writes it: formatted as `prettier --check` expects. */
export async function docsMarkdown(metadata: FunctionsMetadata): Promise<string> {
  const options = await resolveConfig(DOCS_FILE);
  return format(referenceMarkdown(metadata, FUNCTION_TEXTS), { ...options, parser: "markdown" });
}

async function main(): Promise<void> {
  const markdown = await docsMarkdown(await sourceMetadata());
  if (process.argv.includes("--check")) {
    const current = existsSync(DOCS_FILE) ? readFileSync(DOCS_FILE, "utf8") : "";
    if (current === markdown) return;
    console.error(`${DOCS_FILE} is out of date: run npm run docs`);
    process.exit(1);
  }
  mkdirSync(join(DOCS_FILE, ".."), { recursive: true });
  writeFileSync(DOCS_FILE, markdown);
  console.log(`Wrote ${DOCS_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
