/** An in-memory Io for the CLI: files in a map, output captured, a fixed clock. */
import { normalize, resolve } from "path";
import type { Io } from "../../src/cli/io";

export interface MemoryIo extends Io {
  readonly files: Map<string, Uint8Array>;
  out(): string;
  err(): string;
}

export function memoryIo(
  files: { readonly [path: string]: string | Uint8Array } = {},
  lang = "en_US.UTF-8",
  platform = "linux",
): MemoryIo {
  const stored = new Map(
    Object.entries(files).map(([path, content]) => [
      path,
      typeof content === "string" ? new TextEncoder().encode(content) : content,
    ]),
  );
  // Names compare as the platform's file system compares them; like realpath(), the answer keeps the case asked for.
  const fold = (path: string) =>
    platform === "win32" || platform === "darwin" ? normalize(path).toLowerCase() : normalize(path);
  const stat = (path: string): string | undefined =>
    [...stored.keys()].find((name) => fold(name) === fold(path));
  let out = "";
  let err = "";
  return {
    files: stored,
    out: () => out,
    err: () => err,
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readFile: async (path) => {
      const name = stat(path);
      const bytes = name === undefined ? undefined : stored.get(name);
      if (!bytes)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
          code: "ENOENT",
        });
      return bytes;
    },
    writeFile: async (path, bytes, options) => {
      const name = stat(path);
      if (name !== undefined && !options?.replace)
        throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: "EEXIST" });
      stored.set(name ?? path, bytes);
    },
    realPath: async (path) => (stat(path) === undefined ? undefined : resolve("/memory", normalize(path))),
    platform,
    env: { LANG: lang },
    now: () => new Date("2026-10-08T09:30:00.000Z"),
    version: "1.2.3",
  };
}
