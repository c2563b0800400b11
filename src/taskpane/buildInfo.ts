/**
 * What the build writes into the pane (webpack's DefinePlugin; jest.config.js defines the same for the tests, both
 * from scripts/pane-constants.js): the package's version, and the budget workbook's sheet keys in workbook order
 * from the sheet list (src/plan/sheets/index.ts), so the wizard's first render does not load every sheet builder.
 */
import type { SheetKey } from "../plan/types";

declare const __EDU_VERSION__: string;
declare const __EDU_SHEET_ORDER__: readonly SheetKey[];

/** The version in package.json. */
export const VERSION: string = __EDU_VERSION__;

export const SHEET_ORDER: readonly SheetKey[] = __EDU_SHEET_ORDER__;
