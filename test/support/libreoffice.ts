/**
 * Recalculates an .xlsx with LibreOffice headless — a second, independent formula engine — and reads back what it
 * computed. A throw-away profile forces recalculation on load (by default LibreOffice keeps the cached values).
 */
import { spawn } from "child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "fs/promises";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import type { CellValue } from "exceljs";

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const SOFFICE = process.env.SOFFICE ?? "soffice";

/** Runs to the end: no wall-clock limit unless one is given (the calling test's timeout is the safety net). */
function run(command: string, args: readonly string[], timeoutMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`${command} did not finish within ${timeoutMs / 1000} s:\n${output}`));
          }, timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT"
          ? new Error(`LibreOffice (${command}) is not installed: apt-get install -y libreoffice-calc-nogui`)
          : error,
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

/** Opens the file in LibreOffice, recalculates every formula and saves it again as .xlsx. */
export function recalculateWithLibreOffice(xlsx: Uint8Array, timeoutMs?: number): Promise<Uint8Array> {
  return convertWithLibreOffice(xlsx, "xlsx", timeoutMs);
}

/** LibreOffice's PDF export of an .xlsx, every sheet as its print setup lays it out. */
export function convertToPdfWithLibreOffice(xlsx: Uint8Array, timeoutMs?: number): Promise<Uint8Array> {
  return convertWithLibreOffice(xlsx, "pdf", timeoutMs);
}

/** The .xlsx opened in a fresh LibreOffice profile that recalculates on load, and saved in `format`. */
async function convertWithLibreOffice(
  xlsx: Uint8Array,
  format: "xlsx" | "pdf",
  timeoutMs?: number,
): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "edu-budget-lo-"));
  try {
    const profile = join(dir, "profile");
    await mkdir(join(profile, "user"), { recursive: true });
    await writeFile(join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    await mkdir(join(dir, "in"));
    const input = join(dir, "in", "book.xlsx");
    await writeFile(input, xlsx);
    const outdir = join(dir, "out");
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck"];
    const output = await run(
      SOFFICE,
      [...args, "--convert-to", format, "--outdir", outdir, input],
      timeoutMs,
    );
    const converted = await readFile(join(outdir, `book.${format}`)).catch(() => {
      throw new Error(`LibreOffice wrote no ${format} file:\n${output}`);
    });
    return new Uint8Array(converted);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ReadCell {
  readonly formula?: string;
  /** The value shown: a formula's result, or the constant. */
  readonly value: CellValue;
  readonly isText: boolean;
}

/** LibreOffice's boolean format: it has no boolean type, a boolean is a number shown through this format. */
const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

/** A formula's result as LibreOffice means it: 1/0 in a cell of its boolean format is TRUE/FALSE. */
function formulaResult(cell: ExcelJS.Cell): CellValue {
  const result = cell.result as CellValue;
  return typeof result === "number" && cell.numFmt === BOOLEAN_FORMAT ? result !== 0 : result;
}

/** Every non-empty cell of a workbook, keyed "sheet!A1". */
export async function readCells(xlsx: Uint8Array): Promise<Map<string, ReadCell>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
  );
  const cells = new Map<string, ReadCell>();
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = cell.formula || undefined;
        // LibreOffice writes text that mixes scripts as rich text (one run per font): it is still plain text.
        const isText =
          !formula && (cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.RichText);
        cells.set(`${ws.name}!${cell.address}`, {
          ...(formula && { formula }),
          value: formula ? formulaResult(cell) : isText ? cell.text : cell.value,
          isText,
        });
      }),
    );
  }
  return cells;
}
