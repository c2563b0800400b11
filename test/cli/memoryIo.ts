/** An in-memory Io for the CLI: files in a map, output captured, a fixed clock. */
import type { Io } from "../../src/cli/io";

export interface MemoryIo extends Io {
  readonly files: Map<string, Uint8Array>;
  out(): string;
  err(): string;
}

export function memoryIo(
  files: { readonly [path: string]: string | Uint8Array } = {},
  lang = "en_US.UTF-8",
): MemoryIo {
  const stored = new Map(
    Object.entries(files).map(([path, content]) => [
      path,
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    ]),
  );
  let out = "";
  let err = "";
  return {
    files: stored,
    out: () => out,
    err: () => err,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: async (path) => {
      const bytes = stored.get(path);
      if (!bytes)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      return bytes;
    },
    writeFile: async (path, bytes) => void stored.set(path, bytes),
    env: { LANG: lang },
    now: () => new Date("2026-10-08T09:30:00.000Z"),
    version: "1.2.3",
  };
}
