/** The CLI's only contact with the machine: files, output streams, environment and clock (injected in tests). */
import { readFileSync } from "fs";
import { mkdir, readFile, writeFile } from "fs/promises";
import { dirname, join } from "path";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the file, creating its folder. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  readonly env: { readonly [key: string]: string | undefined };
  now(): Date;
  /** The package version, shown by --version and written into the workbook as its generator. */
  readonly version: string;
}

export function nodeIo(): Io {
  // A reader that stops early (`edu-budget generate … | head`) closes the pipe: the rest of the output is dropped and
  // the command still finishes its file, instead of dying on EPIPE.
  let stdoutClosed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stdoutClosed = true;
  });
  return {
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path, bytes) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
    },
    env: process.env,
    now: () => new Date(),
    version: packageVersion(),
  };
}

/** The package version (lib/cli and src/cli both sit two folders below package.json). */
function packageVersion(): string {
  try {
    const text = readFileSync(join(__dirname, "..", "..", "package.json"), "utf8");
    return (JSON.parse(text) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}
