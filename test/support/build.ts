/**
 * The production build that suites share: built once per change of its inputs, whichever suite asks first, while
 * the others wait on a lock file (jest runs suites in parallel workers).
 */
import { spawnSync } from "child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".built-for-tests");
const LOCK = join(ROOT, ".tmp", "build.lock");
const INPUTS = [
  "src",
  "scripts",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "package.json",
  "tsconfig.json",
];

/** Enough for a cold production build on a busy machine: use as the timeout of the beforeAll that builds. */
export const BUILD_TIMEOUT_MS = 600_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

/** The jest run this process belongs to: forked workers (with an IPC channel) share their parent's pid. */
const RUN = String(typeof process.send === "function" ? process.ppid : process.pid);

/** One build per test run: fresh if this run built it, or if it was built after every input's last change. */
function fresh(): boolean {
  if (!existsSync(STAMP)) return false;
  if (readFileSync(STAMP, "utf8") === RUN) return true;
  return statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Takes the lock, or returns false once another process has made dist/ fresh while we waited. */
function lock(): boolean {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(LOCK, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      const holder = Number(existsSync(LOCK) ? readFileSync(LOCK, "utf8") : NaN);
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) unlinkSync(LOCK);
      else sleep(1000);
      if (fresh()) return false;
    }
  }
}

function webpack(args: readonly string[], addinUrl: string | undefined): void {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADDIN_URL;
  if (addinUrl) env.ADDIN_URL = addinUrl;
  const run = spawnSync("npx", ["webpack", "--mode", "production", ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(
      `The production build failed (npx webpack ${args.join(" ")}):\n${`${run.stdout}\n${run.stderr}`.slice(-4000)}`,
    );
  }
}

/** dist/ as `npm run build` makes it (localhost URLs), rebuilt only when an input changed since the last build. */
export function ensureBuilt(): void {
  if (fresh()) return;
  if (!lock()) return;
  try {
    if (fresh()) return;
    const started = new Date();
    webpack([], undefined);
    writeFileSync(STAMP, RUN);
    // Inputs edited during the build make the next call rebuild.
    utimesSync(STAMP, started, started);
  } finally {
    unlinkSync(LOCK);
  }
}

/** A functions-only production build into `outDir` (the manifest, metadata and help pages, not the task pane). */
export function buildFunctionsInto(outDir: string, addinUrl: string): void {
  webpack(["--env", "entries=functions", "--output-path", outDir], addinUrl);
}
