/**
 * The wizard's state kept in the document's settings (Office.context.document.settings), so closing and reopening
 * the pane loses nothing: the data loaded, the policy edits and the step. A generation's run is not kept (it
 * ended with the pane); Done comes back as Generate.
 */
import { STEPS, initialState, type WizardState } from "./state";

/** Where the state is kept: the document's settings in Office, a stand-in in tests. */
export interface WizardStore {
  load(): unknown;
  save(value: unknown): void;
}

export const SETTINGS_KEY = "eduBudgetWizard";
const VERSION = 1;
/** Document settings are small (Excel keeps them in the file): larger data is not kept, only the choices. */
const MAX_CHARS = 1_500_000;

type Kept = Pick<
  WizardState,
  | "step"
  | "source"
  | "district"
  | "problems"
  | "tables"
  | "packId"
  | "edits"
  | "sheets"
  | "onExisting"
  | "removeCopies"
>;

/** What is kept of the state: everything but the generation's run and the typed text awaiting a fix. */
export function keptState(state: WizardState): { readonly version: number } & Kept {
  const step = state.step === "done" ? "generate" : state.step;
  const { source, district, problems, tables, packId, edits, sheets, onExisting, removeCopies } = state;
  const full = {
    version: VERSION,
    step,
    source,
    district,
    problems,
    tables,
    packId,
    edits,
    sheets,
    onExisting,
    removeCopies,
  };
  if (JSON.stringify(full).length <= MAX_CHARS) return full;
  const withoutTables = { ...full, tables: undefined };
  if (JSON.stringify(withoutTables).length <= MAX_CHARS) return withoutTables;
  return { ...full, step: "data", source: undefined, district: undefined, problems: [], tables: undefined };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The state kept earlier, or undefined when there is none (or it is of another version or unreadable). */
export function restoredState(kept: unknown): WizardState | undefined {
  if (!isRecord(kept) || kept.version !== VERSION) return undefined;
  const step = STEPS.find((s) => s === kept.step);
  if (
    !step ||
    !Array.isArray(kept.problems) ||
    !Array.isArray(kept.sheets) ||
    typeof kept.packId !== "string"
  )
    return undefined;
  const { version: _version, ...rest } = kept as { version: number } & Kept;
  return { ...initialState(), ...rest, step };
}

/** The document's settings through office.js, when the pane runs in Office. */
export function officeStore(): WizardStore | undefined {
  const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  if (!settings) return undefined;
  return {
    load: () => settings.get(SETTINGS_KEY) as unknown,
    save: (value) => {
      settings.set(SETTINGS_KEY, value);
      settings.saveAsync(() => undefined);
    },
  };
}
