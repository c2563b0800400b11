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
  return {
    stdout: (text) => process.stdout.write(text),
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
