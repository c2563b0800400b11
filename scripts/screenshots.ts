/**
 * Refreshes docs/screenshots: runs the task pane's browser tests with EDU_SCREENSHOTS_DIR pointing at a fresh
 * folder, then copies the screenshots they took into docs/screenshots. Run: npm run screenshots.
 * `npm test` never writes there (its screenshots go to the ignored test-results/screenshots).
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..");
const DOCS = join(ROOT, "docs", "screenshots");
const pngs = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".png"));

const shots = mkdtempSync(join(tmpdir(), "edu-screenshots-"));
try {
  const jest = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), "test/taskpane/browser.test.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, EDU_SCREENSHOTS_DIR: shots },
    },
  );
  if (jest.error) throw jest.error;
  if (jest.status !== 0) {
    console.error("The browser tests failed: docs/screenshots is left as it was.");
    process.exitCode = jest.status ?? 1;
  } else {
    const taken = pngs(shots);
    if (taken.length === 0) throw new Error(`The browser tests took no screenshots in ${shots}.`);
    mkdirSync(DOCS, { recursive: true });
    for (const name of taken) copyFileSync(join(shots, name), join(DOCS, name));
    console.log(`docs/screenshots: ${taken.length} screenshots refreshed.`);
    const stale = pngs(DOCS).filter((name) => !taken.includes(name));
    if (stale.length > 0)
      console.log(
        `Not taken by the tests any more (delete them if no page links to them): ${stale.join(", ")}`,
      );
  }
} finally {
  rmSync(shots, { recursive: true, force: true });
}
