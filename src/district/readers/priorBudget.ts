/**
 * Last year's generated workbook read back as this year's 上年预算: its 预算明细 table (单位代码, 功能科目编码, 经济科目编码,
 * 明细, 本年预算) becomes the lines of 录入-上年预算, each line's 本年预算 its amount. Pure: it takes the sheets as rows of
 * plain cell values (src/district/readers/xlsx.ts reads the file).
 */
import type { PriorBudgetLine } from "../model";
import type { Problem } from "../problems";
import type { InputTable } from "./tables";

/** The sheet and the headers of the lines table a generated workbook has. */
export const LINES_SHEET = "预算明细";
const HEADERS = {
  unitCode: "单位代码",
  functionCode: "功能科目编码",
  economicCode: "经济科目编码",
  item: "明细",
  amount: "本年预算",
} as const;

/** The label of the lines table's totals row, where the lines end. */
const TOTAL_LABEL = "合计";

const problem = (file: string, message: string, messageEn: string, row?: number): Problem => ({
  severity: "error",
  file,
  sheet: LINES_SHEET,
  ...(row === undefined ? {} : { row }),
  field: "priorBudgetLines",
  message,
  messageEn,
  accepts: `上年生成的预算工作簿(含「${LINES_SHEET}」表)`,
  acceptsEn: `last year's generated budget workbook (with its ${LINES_SHEET} sheet)`,
});

const textOf = (cell: unknown): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * The lines of last year's 预算明细 with a 本年预算 above 0 (a line of 0 carries nothing into this year), or the
 * problem why the workbook has none to read.
 */
export function priorLinesFromWorkbook(
  tables: readonly InputTable[],
  file: string,
): { readonly lines?: PriorBudgetLine[]; readonly problems: Problem[] } {
  const sheet = tables.find((t) => t.sheet === LINES_SHEET);
  if (!sheet)
    return {
      problems: [
        problem(
          file,
          `没有「${LINES_SHEET}」工作表: 请选择上年由本程序生成的预算工作簿`,
          `There is no ${LINES_SHEET} sheet: choose last year's budget workbook as this program generated it`,
        ),
      ],
    };
  const headerAt = sheet.rows.findIndex((row) =>
    Object.values(HEADERS).every((header) => row.some((cell) => textOf(cell) === header)),
  );
  const header = sheet.rows[headerAt];
  if (!header)
    return {
      problems: [
        problem(
          file,
          `「${LINES_SHEET}」没有含 ${Object.values(HEADERS).join("、")} 列的表头`,
          `${LINES_SHEET} has no header row with the columns ${Object.values(HEADERS).join(", ")}`,
        ),
      ],
    };
  const column = (name: string) => header.findIndex((cell) => textOf(cell) === name);
  const at = {
    unitCode: column(HEADERS.unitCode),
    functionCode: column(HEADERS.functionCode),
    economicCode: column(HEADERS.economicCode),
    item: column(HEADERS.item),
    amount: column(HEADERS.amount),
  };
  const lines: PriorBudgetLine[] = [];
  const problems: Problem[] = [];
  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const unitCode = textOf(row[at.unitCode]);
    if (unitCode === "" || unitCode === TOTAL_LABEL || row.some((cell) => textOf(cell) === TOTAL_LABEL))
      break;
    const amount = row[at.amount];
    if (typeof amount !== "number" || !Number.isFinite(amount)) {
      problems.push(
        problem(
          file,
          `第 ${r + 1} 行的本年预算不是数字(${textOf(amount) || "空"}): 请在 Excel 中重新计算并保存上年的工作簿`,
          `Row ${r + 1}: 本年预算 is not a number (${textOf(amount) || "empty"}): recalculate and save last year's workbook in Excel`,
          r + 1,
        ),
      );
      continue;
    }
    if (amount <= 0) continue;
    lines.push({
      unitCode,
      functionCode: textOf(row[at.functionCode]),
      economicCode: textOf(row[at.economicCode]),
      item: textOf(row[at.item]),
      amount,
    });
  }
  return problems.length > 0 ? { problems } : { lines, problems };
}
