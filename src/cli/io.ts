/** The CLI's only contact with the machine: files, output streams, environment and clock (injected in tests). */
import { randomBytes } from "crypto";
import { readFileSync } from "fs";
import { link, mkdir, open, readFile, realpath, rename, unlink } from "fs/promises";
import { basename, dirname, join } from "path";

export interface WriteOptions {
  /** Replace a file already at the path (without it the write fails with code EEXIST and the file is left as it was). */
  readonly replace?: boolean;
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes the file whole or not at all, creating its folder: the bytes go to a temporary file in the same folder,
   * which is renamed into place only when complete. A failure leaves the old file as it was and no temporary file.
   */
  writeFile(path: string, bytes: Uint8Array, options?: WriteOptions): Promise<void>;
  /** The file's real path (links resolved), or undefined when there is no file (or folder) at the path. */
  realPath(path: string): Promise<string | undefined>;
  /** The operating system: file names are compared without case on win32 and darwin. */
  readonly platform: string;
  readonly env: { readonly [key: string]: string | undefined };
  now(): Date;
  /** The package version, shown by --version and written into the workbook as its generator. */
  readonly version: string;
}

/** An open file being written. */
export interface FileSink {
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes the bytes to the disk. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system operations a safe write needs (replaced in tests to inject failures). */
export interface FileOps {
  mkdir(dir: string): Promise<void>;
  /** Creates a new file, failing when one exists. */
  create(path: string): Promise<FileSink>;
  rename(from: string, to: string): Promise<void>;
  /** A second name for a file, failing with EEXIST when the name is taken. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

export const nodeFileOps: FileOps = {
  mkdir: async (dir) => void (await mkdir(dir, { recursive: true })),
  create: async (path) => {
    const handle = await open(path, "wx");
    return {
      write: async (bytes) => {
        let written = 0;
        while (written < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
          written += bytesWritten;
        }
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename,
  link,
  unlink,
};

const CHUNK = 1 << 20;

/** File systems without hard links (FAT, some network shares) answer link() with one of these. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EACCES"]);

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** See Io.writeFile. */
export async function writeFileSafely(
  path: string,
  bytes: Uint8Array,
  { replace = false }: WriteOptions = {},
  ops: FileOps = nodeFileOps,
  exists: (path: string) => Promise<boolean> = async () => false,
): Promise<void> {
  const dir = dirname(path);
  await ops.mkdir(dir);
  // A short name of its own: the target's name may already be as long as the file system allows.
  const temp = join(dir, `.edu-budget-${randomBytes(6).toString("hex")}.tmp`);
  const sink = await ops.create(temp);
  try {
    try {
      for (let at = 0; at < bytes.length; at += CHUNK) await sink.write(bytes.subarray(at, at + CHUNK));
      await sink.sync();
    } finally {
      await sink.close();
    }
    if (replace) {
      await ops.rename(temp, path);
      return;
    }
    // link() puts the complete file in place only if the name is free, so a file that appeared meanwhile is kept.
    try {
      await ops.link(temp, path);
    } catch (error) {
      if (!NO_LINKS.has(codeOf(error) ?? "")) throw error;
      if (await exists(path))
        throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: "EEXIST" });
      await ops.rename(temp, path);
      return;
    }
    await ops.unlink(temp).catch(() => undefined);
  } catch (error) {
    await ops.unlink(temp).catch(() => undefined);
    throw error;
  }
}

export interface NodeIo extends Io {
  /** Writing to stdout failed (other than the reader closing the pipe): the command ends with exit code 1. */
  readonly outputFailed: boolean;
}

export function nodeIo(ops: FileOps = nodeFileOps): NodeIo {
  // A reader that stops early (`edu-budget generate … | head`) closes the pipe: the rest of the output is dropped and
  // the command still finishes its file, instead of dying on EPIPE. Any other failure to write (a full disk behind
  // `> file`) drops the rest of the output too, quietly, and the command ends with exit code 1.
  let stdoutClosed = false;
  let outputFailed = false;
  const failed = (error: unknown) => {
    stdoutClosed = true;
    if (codeOf(error) !== "EPIPE") {
      outputFailed = true;
      process.exitCode = 1;
    }
  };
  process.stdout.on("error", failed);
  const realPath = async (path: string): Promise<string | undefined> => {
    try {
      return await realpath(path);
    } catch {
      return undefined;
    }
  };
  return {
    stdout: (text) => {
      if (stdoutClosed) return;
      try {
        process.stdout.write(text);
      } catch (error) {
        failed(error);
      }
    },
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, bytes, options) =>
      writeFileSafely(path, bytes, options, ops, async (p) => (await realPath(p)) !== undefined),
    realPath,
    platform: process.platform,
    env: process.env,
    now: () => new Date(),
    version: packageVersion(),
    get outputFailed() {
      return outputFailed;
    },
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

/** The lock files Excel and WPS (~$name) and LibreOffice (.~lock.name#) keep beside a workbook while it is open. */
export function lockFiles(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  return [join(dir, `~$${name}`), join(dir, `.~lock.${name}#`)];
}

/** Whether two real paths name the same file (file names are not case-sensitive on Windows and macOS). */
export function samePath(a: string, b: string, platform: string): boolean {
  return platform === "win32" || platform === "darwin" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/**
 * Text from the input shown on a terminal: escape sequences, other control characters and bidirectional controls
 * become visible \u escapes, so a cell cannot move the cursor, recolour the screen or reorder what is shown.
 */
export function neutralise(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}
