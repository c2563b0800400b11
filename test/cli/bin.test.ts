import { execFile } from "child_process";
import { existsSync } from "fs";
import { copyFile, mkdtemp, readFile, rm, stat, symlink } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe("the compiled edu-budget bin", () => {
  let dir: string;
  const bin = (...args: string[]): Promise<Outcome> =>
    run(process.execPath, [join(dir, "lib", "cli", "index.js"), ...args], { cwd: dir }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "edu-budget-bin-"));
    // A package of its own (package.json, the dependencies), built the way `npm run build:cli` builds it.
    await copyFile(join(root, "package.json"), join(dir, "package.json"));
    await symlink(join(root, "node_modules"), join(dir, "node_modules"));
    await run(process.execPath, [
      require.resolve("typescript/bin/tsc"),
      "-p",
      join(root, "tsconfig.cli.json"),
      "--outDir",
      join(dir, "lib"),
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("starts with a node shebang", async () => {
    expect((await readFile(join(dir, "lib", "cli", "index.js"), "utf8")).split("\n")[0]).toBe(
      "#!/usr/bin/env node",
    );
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string };
    expect(await bin("--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("writes the sample budget workbook into out/", async () => {
    const { code } = await bin("generate", "--sample", "wuzhen", "--out", "out/", "--lang", "zh");
    expect(code).toBe(0);
    expect((await stat(join(dir, "out", "五镇区-2004-教育经费预算.xlsx"))).size).toBeGreaterThan(0);
  });

  it("finishes quietly when the reader of its output stops early (generate … | head)", async () => {
    const script = `set -o pipefail; "${process.execPath}" lib/cli/index.js generate --sample wuzhen --out piped/ --lang en | head -c 1`;
    const outcome = await run("bash", ["-c", script], { cwd: dir }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(outcome).toEqual({ code: 0, stdout: "D", stderr: "" });
    expect((await stat(join(dir, "piped", "五镇区-2004-教育经费预算.xlsx"))).size).toBeGreaterThan(0);
  });

  // Where the system has no /dev/full the test says so by name instead of passing unseen.
  const withDevFull = existsSync("/dev/full")
    ? it
    : (name: string) =>
        it(`/dev/full absent: not run: ${name}`, () => expect(existsSync("/dev/full")).toBe(false));
  withDevFull(
    "ends quietly with exit code 1 when its output cannot be written (a full disk behind > file)",
    async () => {
      const script = `"${process.execPath}" lib/cli/index.js generate --sample wuzhen --out full/ --lang en > /dev/full`;
      const outcome = await run("bash", ["-c", script], { cwd: dir }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(outcome).toEqual(expect.objectContaining({ code: 1, stdout: "", stderr: "" }));
      expect((await stat(join(dir, "full", "五镇区-2004-教育经费预算.xlsx"))).size).toBeGreaterThan(0);
    },
  );

  it("exits 2 with a one-line message and no stack trace for a missing file", async () => {
    const outcome = await bin("validate", "--input", "missing.xlsx", "--lang", "en");
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe("File not found: missing.xlsx\n");
  });
});
