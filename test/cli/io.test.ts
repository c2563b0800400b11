import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import type { FileOps } from "../../src/cli/io";
import { lockFiles, neutralise, nodeFileOps, nodeIo, samePath, writeFileSafely } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { TEXTS } from "../../src/cli/texts";
import { getSample } from "../../src/district/samples";

/** File operations whose writes fail with ENOSPC once `limit` bytes have reached the disk. */
function diskFullAfter(limit: number): FileOps & { written(): number } {
  let total = 0;
  return {
    ...nodeFileOps,
    written: () => total,
    create: async (path) => {
      const sink = await nodeFileOps.create(path);
      return {
        ...sink,
        write: async (bytes) => {
          const room = Math.max(0, limit - total);
          await sink.write(bytes.subarray(0, room));
          total += Math.min(room, bytes.length);
          if (bytes.length > room)
            throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        },
      };
    },
  };
}

describe("writing a file safely", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "edu-budget-io-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("leaves the old file intact and no temporary file when the disk fills up halfway", async () => {
    const path = join(dir, "budget.xlsx");
    await writeFile(path, "the old workbook");
    const ops = diskFullAfter(3 << 20);
    const bytes = new Uint8Array(5 << 20).fill(7);
    await expect(writeFileSafely(path, bytes, { replace: true }, ops)).rejects.toMatchObject({
      code: "ENOSPC",
    });
    expect(ops.written()).toBe(3 << 20);
    expect(await readFile(path, "utf8")).toBe("the old workbook");
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("leaves no file at all when the first write fails", async () => {
    const path = join(dir, "new.xlsx");
    await expect(writeFileSafely(path, new Uint8Array(10), {}, diskFullAfter(4))).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("replaces the file whole when asked to", async () => {
    const path = join(dir, "budget.xlsx");
    await writeFile(path, "old");
    await writeFileSafely(path, new TextEncoder().encode("new"), { replace: true });
    expect(await readFile(path, "utf8")).toBe("new");
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("keeps a file that is already there unless asked to replace it", async () => {
    const path = join(dir, "budget.xlsx");
    await writeFile(path, "old");
    await expect(writeFileSafely(path, new TextEncoder().encode("new"))).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("keeps the old file when a file system without links cannot tell it is there", async () => {
    const path = join(dir, "budget.xlsx");
    await writeFile(path, "old");
    const noLinks: FileOps = {
      ...nodeFileOps,
      link: async () => {
        throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" });
      },
    };
    const exists = async () => true;
    await expect(writeFileSafely(path, new Uint8Array(3), {}, noLinks, exists)).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(await readFile(path, "utf8")).toBe("old");
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("keeps the old workbook through the CLI when generate --force fails halfway, and says so", async () => {
    const out = join(dir, "budget.xlsx");
    await writeFile(out, "the old workbook");
    let err = "";
    const io = {
      ...nodeIo(diskFullAfter(10_000)),
      stdout: () => undefined,
      stderr: (t: string) => void (err += t),
    };
    expect(await main(["generate", "--sample", "wuzhen", "--out", out, "--force", "--lang", "en"], io)).toBe(
      2,
    );
    expect(err).toContain(`Cannot write ${out}: ENOSPC`);
    expect(err).toContain("unchanged");
    expect(await readFile(out, "utf8")).toBe("the old workbook");
    expect(await readdir(dir)).toEqual(["budget.xlsx"]);
  });

  it("refuses, through the Node file system, to write over an input reached by another name", async () => {
    const input = join(dir, "wuzhen.json");
    const text = JSON.stringify(getSample("wuzhen"));
    await writeFile(input, text);
    await symlink(input, join(dir, "alias.xlsx"));
    let err = "";
    const io = { ...nodeIo(), stdout: () => undefined, stderr: (t: string) => void (err += t) };
    const argv = ["generate", "--input", input, "--out", join(dir, "alias.xlsx"), "--force", "--lang", "en"];
    expect(await main(argv, io)).toBe(2);
    expect(err).toBe(TEXTS.en.outputIsInput(join(dir, "alias.xlsx")) + "\n");
    expect(await readFile(input, "utf8")).toBe(text);
    expect((await readdir(dir)).sort()).toEqual(["alias.xlsx", "wuzhen.json"]);
  });
});

describe("lock files and names", () => {
  it("knows the lock files of Excel, WPS and LibreOffice", () => {
    expect(lockFiles(join("out", "预算.xlsx"))).toEqual([
      join("out", "~$预算.xlsx"),
      join("out", ".~lock.预算.xlsx#"),
    ]);
  });

  it("compares file names without case on Windows and macOS only", () => {
    expect(samePath("/a/B.xlsx", "/a/b.xlsx", "win32")).toBe(true);
    expect(samePath("/a/B.xlsx", "/a/b.xlsx", "darwin")).toBe(true);
    expect(samePath("/a/B.xlsx", "/a/b.xlsx", "linux")).toBe(false);
  });
});

describe("text shown on a terminal", () => {
  it("turns escape sequences, control characters and bidi controls into visible escapes", () => {
    expect(neutralise("a\u001b[31mred\u0007\u202Egnp.exe\u2066x\u0085")).toBe(
      "a\\u001B[31mred\\u0007\\u202Egnp.exe\\u2066x\\u0085",
    );
  });

  it("keeps tabs, line ends and Chinese text as they are", () => {
    expect(neutralise("学校\t名称\n第二行")).toBe("学校\t名称\n第二行");
  });
});
