import type { ExcelContext, ExcelRunner } from "../../../src/writers/officejs/excelSubset";

// Compile-time proof that the real API satisfies the subset the writer and the fake share.
export const realContextFits = (context: Excel.RequestContext): ExcelContext => context;
export const realRunFits = (): ExcelRunner => Excel.run;
