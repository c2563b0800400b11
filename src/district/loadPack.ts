/**
 * A user's policy pack file (.json, or an .xlsx from `edu-budget pack-template`) → a pack timeline layered on its
 * built-in base, with every problem naming its file, sheet, row and column. For every shell (the CLI and the task
 * pane); no file system here: the shells read the bytes.
 */
import { readPackJson, readPackTables, type PackFileResult } from "../policy/packFile";
import type { InputFile } from "./load";
import type { ZipLimits } from "./readers/zip";

export interface PackReadOptions {
  /** Limits on the unpacked .xlsx (tests pass small ones). */
  readonly limits?: ZipLimits;
}

/** Whether a file name is a pack file the readers take (.json or .xlsx, any case). */
export function isPackFileName(name: string): boolean {
  return /\.(json|xlsx)$/i.test(name);
}

export async function loadPackFile(file: InputFile, options: PackReadOptions = {}): Promise<PackFileResult> {
  if (/\.json$/i.test(file.name)) return readPackJson(new TextDecoder("utf-8").decode(file.bytes), file.name);
  if (!/\.xlsx$/i.test(file.name))
    return {
      changed: [],
      problems: [
        {
          severity: "error",
          file: file.name,
          field: "file",
          message: "不支持的政策包文件类型",
          messageEn: "Unsupported pack file type",
          accepts: ".json, .xlsx",
        },
      ],
    };
  // exceljs is large: it is loaded only when a workbook file is read (the pane loads it on demand).
  const { readWorkbookTables } = await import("./readers/xlsx");
  const read = await readWorkbookTables(file.bytes, file.name, options);
  if (read.problems.length > 0) return { changed: [], problems: read.problems };
  return readPackTables(read.tables, file.name);
}
