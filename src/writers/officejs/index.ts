export { generateInExcel, writeWorkbookPlan, GENERATED_MARK } from "./writeWorkbookPlan";
export type { OnExistingSheet, WriteOptions, WriteReport, WriteStep } from "./writeWorkbookPlan";
export { GenerationCancelled, GenerationFailed } from "./errors";
export type * from "./excelSubset";
export { numberedCopies, sheetsToReplace } from "./regeneration";
