/**
 * The budget workbook's sheet keys in workbook order, for the wizard's state before the plan builders load. The
 * build writes them from the sheet list (src/plan/sheets/index.ts) with DefinePlugin, and jest.config.js defines
 * the same for the tests (scripts/pane-constants.js), so the first render does not load every builder.
 */
import type { SheetKey } from "../plan/types";

declare const __EDU_SHEET_ORDER__: readonly SheetKey[];

export const SHEET_ORDER: readonly SheetKey[] = __EDU_SHEET_ORDER__;
