/**
 * The functions' texts, by function id: each family's texts live beside its adapters (src/functions/<family>/
 * texts.ts, apart from functions.ts because the build appends CustomFunctions.associate calls to the adapters, which
 * the task pane must not run). The numbers they cite are written from a policy pack.
 */
import { EDU_DEFAULT } from "../../policy/packs";
import type { PolicyPack } from "../../policy/types";
import { assignmentTexts } from "../assignment/texts";
import { BUDGET_TEXTS } from "../budget/texts";
import { FISCAL_TEXTS } from "../fiscal/texts";
import { fundingTexts } from "../funding/texts";
import { PROJECTION_TEXTS } from "../projection/texts";
import { schoolsTexts } from "../schools/texts";
import { DATED_TABLES, type DatedTables } from "./dated";
import type { FunctionTable } from "./types";

export * from "./types";

/**
 * zh-CN metadata and bilingual reference content of every EDU function, citing the numbers of `pack` and showing
 * the dated national tables `tables`.
 */
export function functionTexts(pack: PolicyPack, tables: DatedTables = DATED_TABLES): FunctionTable {
  return {
    ...FISCAL_TEXTS,
    ...schoolsTexts(pack, tables),
    ...fundingTexts(pack, tables),
    ...assignmentTexts(pack),
    ...PROJECTION_TEXTS,
    ...BUDGET_TEXTS,
  };
}

/** The texts of the functions as shipped: they compute with the built-in "edu-default" pack. */
export const FUNCTION_TEXTS: FunctionTable = functionTexts(EDU_DEFAULT);
