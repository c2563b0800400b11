/**
 * The sheets of the budget workbook, in workbook order (目录 first). Each is defined in its own file; adding a
 * sheet is that file, one line here and its test. The build order follows the declared needs (src/plan/registry.ts).
 */
import type { SheetDefinition } from "../registry";
import { balanceSheet } from "./balance";
import { budgetLinesSheet } from "./budgetLines";
import {
  departmentExpenseSheet,
  departmentIncomeSheet,
  departmentSummarySheet,
  fiscalSummarySheet,
  generalBasicSheet,
  generalBudgetSheet,
  governmentFundSheet,
  projectExpenseSheet,
  stateCapitalSheet,
  threePublicSheet,
} from "./budgetTables";
import { contentsSheet } from "./contents";
import { debtSheet } from "./debt";
import { dropoutSheet } from "./dropout";
import { explainSheet } from "./explain";
import { fiscalSheet } from "./fiscal";
import { mergersSheet } from "./mergers";
import { parametersSheet } from "./parameters";
import { planSheet } from "./plan";
import { preschoolSheet } from "./preschool";
import { projectsSheet } from "./projects";
import { publicFundsSheet } from "./publicFunds";
import { schoolsSheet } from "./schools";
import { staffingSheet } from "./staffing";
import { summarySheet } from "./summary";

export const SHEETS = [
  contentsSheet,
  parametersSheet,
  schoolsSheet,
  fiscalSheet,
  publicFundsSheet,
  staffingSheet,
  dropoutSheet,
  balanceSheet,
  mergersSheet,
  projectsSheet,
  preschoolSheet,
  debtSheet,
  planSheet,
  summarySheet,
  budgetLinesSheet,
  departmentSummarySheet,
  generalBudgetSheet,
  departmentIncomeSheet,
  departmentExpenseSheet,
  fiscalSummarySheet,
  generalBasicSheet,
  threePublicSheet,
  governmentFundSheet,
  stateCapitalSheet,
  projectExpenseSheet,
  explainSheet,
] as const;

type Defined = (typeof SHEETS)[number];

export type SheetKey = Defined["key"];

/** What the sheet with key K hands on to the sheets that need or read it, as its definition declares. */
export type SheetOutput<K extends SheetKey> =
  Extract<Defined, { readonly key: K }> extends SheetDefinition<K, infer O> ? O : never;

/** The sheet keys in workbook order. */
export const SHEET_ORDER: readonly SheetKey[] = SHEETS.map((sheet) => sheet.key);

/** The definition of a sheet by its key. */
export function sheetDefinition(key: SheetKey): SheetDefinition {
  const definition = SHEETS.find((sheet) => sheet.key === key);
  if (!definition) throw new Error(`unknown sheet "${String(key)}"`);
  return definition;
}

export interface SheetChoice {
  readonly key: SheetKey;
  readonly zh: string;
  readonly en: string;
  /** Always built (the user cannot leave it out). */
  readonly required: boolean;
}

/** The sheets a user can choose from, in workbook order (for the task pane and the CLI). */
export function sheetChoices(): SheetChoice[] {
  return SHEETS.map((sheet) => ({
    key: sheet.key,
    zh: sheet.nameZh,
    en: sheet.nameEn,
    required: sheet.required === true,
  }));
}
