/**
 * The wizard's state and its transitions: a pure reducer, so every rule of the flow (what blocks Next, what an
 * edit or a new data source resets) is tested without a browser.
 */
import type { District } from "../district/model";
import { hasErrors, type Problem } from "../district/problems";
import type { SheetKey } from "../plan/types";
import type { PolicyKey, PolicyTimelinePack } from "../policy/types";
import type { WriteStep } from "../writers/officejs";
import type { StringKey } from "./i18n";
import { SHEET_ORDER } from "./buildInfo";

export const STEPS = ["data", "problems", "policy", "preview", "generate", "done"] as const;
export type Step = (typeof STEPS)[number];

/** Each step's name in the step indicator and its heading. */
export const STEP_LABELS: { readonly [S in Step]: StringKey } = {
  data: "stepData",
  problems: "stepProblems",
  policy: "stepPolicy",
  preview: "stepPreview",
  generate: "stepGenerate",
  done: "stepDone",
};

export type OnExistingSheet = "keepBoth" | "replaceGenerated";

/** Where the data came from: a sample id, the workbook's input sheets, or a file name. */
export interface DataSource {
  readonly kind: "sample" | "sheets" | "file";
  readonly label: string;
}

/** Input tables as read (sheet name → rows), kept to find a problem's cell in the workbook. */
export type InputTables = readonly {
  readonly sheet: string;
  readonly rows: readonly (readonly unknown[])[];
}[];

export type Generation =
  | { readonly status: "idle" }
  | {
      readonly status: "running";
      readonly done: number;
      readonly total: number;
      /** The writer's step, once it reports one. */
      readonly step?: WriteStep;
      /** Cancel was pressed: the writer is stopping and undoing what it wrote. */
      readonly cancelling?: boolean;
    }
  | { readonly status: "cancelled" }
  | { readonly status: "failed"; readonly message: string; readonly cause?: string }
  | ({ readonly status: "done" } & GenerationReport);

/** What a generation wrote, for the Done step. */
export interface GenerationReport {
  /** Final names of the sheets written. */
  readonly created: readonly string[];
  /** Sheets that could not take their plan name (it was taken). */
  readonly renamed: readonly { readonly planName: string; readonly name: string }[];
  /** Earlier generated sheets that were replaced. */
  readonly replaced: readonly string[];
  readonly passed: number;
  readonly failed: number;
  readonly failedChecks: readonly {
    readonly labelZh: string;
    readonly labelEn: string;
    readonly detailZh: string;
    readonly detailEn: string;
  }[];
}

/** A pack file the user loaded in the Policy step: its pack (when it has no errors) and its problems. */
export interface PackFileState {
  readonly file: string;
  readonly pack?: PolicyTimelinePack;
  /** The keys whose values the file sets. */
  readonly changed: readonly PolicyKey[];
  readonly problems: readonly Problem[];
}

export interface WizardState {
  readonly step: Step;
  readonly source?: DataSource;
  readonly district?: District;
  readonly problems: readonly Problem[];
  readonly tables?: InputTables;
  readonly packId: string;
  readonly edits: { readonly [K in PolicyKey]?: number };
  readonly sheets: readonly SheetKey[];
  readonly onExisting: OnExistingSheet;
  /** With Replace: also delete the older numbered copies this add-in generated. */
  readonly removeCopies: boolean;
  readonly generation: Generation;
  /** Policy values whose typed text is not accepted: Next waits until they are fixed. */
  readonly invalidPolicy: readonly PolicyKey[];
  /** A pack file loaded in the Policy step: used instead of the chosen built-in pack while it is loaded. */
  readonly packFile?: PackFileState;
}

export type Action =
  | {
      readonly type: "loaded";
      readonly source: DataSource;
      readonly district?: District;
      readonly problems: readonly Problem[];
      readonly tables?: InputTables;
    }
  | { readonly type: "goTo"; readonly step: Step }
  | { readonly type: "next" }
  | { readonly type: "back" }
  | { readonly type: "choosePack"; readonly packId: string }
  | ({ readonly type: "packFile" } & PackFileState)
  | { readonly type: "clearPackFile" }
  | { readonly type: "edit"; readonly key: PolicyKey; readonly value: number }
  | { readonly type: "resetEdits" }
  | { readonly type: "resetEdit"; readonly key: PolicyKey }
  | { readonly type: "policyValidity"; readonly key: PolicyKey; readonly valid: boolean }
  | { readonly type: "toggleSheet"; readonly sheet: SheetKey }
  | { readonly type: "allSheets"; readonly on: boolean }
  | { readonly type: "onExisting"; readonly value: OnExistingSheet }
  | { readonly type: "removeCopies"; readonly on: boolean }
  | { readonly type: "progress"; readonly done: number; readonly total: number; readonly step?: WriteStep }
  | ({ readonly type: "generated" } & GenerationReport)
  | { readonly type: "cancelRequested" }
  | { readonly type: "cancelled" }
  | { readonly type: "failed"; readonly message: string; readonly cause?: string }
  | { readonly type: "restart" };

export const DEFAULT_PACK = "national";

export function initialState(): WizardState {
  return {
    step: "data",
    problems: [],
    packId: DEFAULT_PACK,
    edits: {},
    sheets: SHEET_ORDER,
    onExisting: "keepBoth",
    removeCopies: false,
    generation: { status: "idle" },
    invalidPolicy: [],
  };
}

/** Why the user cannot leave a step forward (a string key), or undefined when they can. */
export function blockedReason(state: WizardState, step: Step = state.step): StringKey | undefined {
  switch (step) {
    case "data":
      return state.source ? undefined : "dataNeeded";
    case "problems":
      return hasErrors(state.problems) || !state.district ? "problemsErrorsBlock" : undefined;
    case "policy":
      if (state.invalidPolicy.length > 0) return "policyFixInvalid";
      if (state.packFile && hasErrors(state.packFile.problems)) return "policyPackFileBlocks";
      return state.district ? undefined : "dataNeeded";
    case "generate":
      if (state.sheets.length === 0) return "generateNoSheets";
      return state.generation.status === "done" ? undefined : "generateStart";
    case "done":
      return "doneIntro";
    default:
      return state.district ? undefined : "dataNeeded";
  }
}

/** A step can be visited when every step before it can be left. */
export function canVisit(state: WizardState, step: Step): boolean {
  const index = STEPS.indexOf(step);
  if (step === "done") return state.generation.status === "done";
  return STEPS.slice(0, index).every((before) => before === "generate" || !blockedReason(state, before));
}

/** The steps the wizard shows: Problems only when the data loaded has problems (or none is loaded yet). */
export function visibleSteps(state: Pick<WizardState, "source" | "problems">): readonly Step[] {
  return state.source && state.problems.length === 0 ? STEPS.filter((step) => step !== "problems") : STEPS;
}

/** The step's place among those shown (1-based; 1 when the step itself is not shown) and how many are shown. */
export function stepPosition(state: Pick<WizardState, "step" | "source" | "problems">): {
  readonly index: number;
  readonly total: number;
} {
  const shown = visibleSteps(state);
  return { index: Math.max(shown.indexOf(state.step), 0) + 1, total: shown.length };
}

function move(state: WizardState, delta: number): WizardState {
  const at = STEPS.indexOf(state.step);
  const shown = visibleSteps(state);
  const target =
    delta > 0
      ? shown.find((step) => STEPS.indexOf(step) > at)
      : [...shown].reverse().find((step) => STEPS.indexOf(step) < at);
  if (!target) return state;
  if (delta > 0 && blockedReason(state)) return state;
  return goTo(state, target);
}

/** The Policy step's typed text goes with it: an invalid entry left behind no longer counts (the stored value does). */
const goTo = (state: WizardState, step: Step): WizardState =>
  state.step === "policy" && step !== "policy" ? { ...state, step, invalidPolicy: [] } : { ...state, step };

const generationBusy = (state: WizardState): boolean => state.generation.status === "running";

export function reducer(state: WizardState, action: Action): WizardState {
  if (
    generationBusy(state) &&
    !["progress", "cancelRequested", "generated", "cancelled", "failed"].includes(action.type)
  )
    return state;
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        source: action.source,
        district: action.district,
        problems: action.problems,
        tables: action.tables,
        // A district names the pack it was made for; edits belong to the previous data.
        packId: action.district?.policyPack ?? state.packId,
        edits: {},
        invalidPolicy: [],
        generation: { status: "idle" },
      };
    case "goTo":
      return canVisit(state, action.step) ? goTo(state, action.step) : state;
    case "next":
      return move(state, 1);
    case "back":
      return move(state, -1);
    case "choosePack":
      return { ...state, packId: action.packId, edits: {}, invalidPolicy: [], packFile: undefined };
    case "packFile": {
      // Edits belong to the pack they were made on.
      const { type: _type, ...packFile } = action;
      return { ...state, packFile, edits: {}, invalidPolicy: [] };
    }
    case "clearPackFile":
      return { ...state, packFile: undefined, edits: {}, invalidPolicy: [] };
    case "edit":
      return Number.isFinite(action.value)
        ? { ...state, edits: { ...state.edits, [action.key]: action.value } }
        : state;
    case "resetEdits":
      return { ...state, edits: {}, invalidPolicy: [] };
    case "resetEdit": {
      const { [action.key]: _dropped, ...edits } = state.edits;
      return { ...state, edits, invalidPolicy: state.invalidPolicy.filter((key) => key !== action.key) };
    }
    case "policyValidity": {
      const others = state.invalidPolicy.filter((key) => key !== action.key);
      return { ...state, invalidPolicy: action.valid ? others : [...others, action.key] };
    }
    case "toggleSheet": {
      const on = state.sheets.includes(action.sheet);
      const chosen = new Set(
        on ? state.sheets.filter((s) => s !== action.sheet) : [...state.sheets, action.sheet],
      );
      return { ...state, sheets: SHEET_ORDER.filter((s) => chosen.has(s)) };
    }
    case "allSheets":
      return { ...state, sheets: action.on ? SHEET_ORDER : [] };
    case "onExisting":
      return { ...state, onExisting: action.value };
    case "removeCopies":
      return { ...state, removeCopies: action.on };
    case "progress": {
      // A cancel already asked for stays shown while the writer reports its last steps.
      const cancelling = state.generation.status === "running" && state.generation.cancelling === true;
      return {
        ...state,
        generation: {
          status: "running",
          done: action.done,
          total: action.total,
          ...(action.step ? { step: action.step } : {}),
          ...(cancelling ? { cancelling } : {}),
        },
      };
    }
    case "cancelRequested":
      return state.generation.status === "running"
        ? { ...state, generation: { ...state.generation, cancelling: true } }
        : state;
    case "generated": {
      const { type: _type, ...report } = action;
      return { ...state, step: "done", generation: { status: "done", ...report } };
    }
    case "cancelled":
      return { ...state, generation: { status: "cancelled" } };
    case "failed":
      return {
        ...state,
        generation: {
          status: "failed",
          message: action.message,
          ...(action.cause && { cause: action.cause }),
        },
      };
    case "restart":
      return {
        ...initialState(),
        source: state.source,
        district: state.district,
        problems: state.problems,
        tables: state.tables,
        packId: state.packId,
        edits: state.edits,
        invalidPolicy: state.invalidPolicy,
        packFile: state.packFile,
      };
  }
}

/** The problems split by severity, for counts. */
export function problemCounts(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

/** The next version of a pack's version for an edited copy: 1.2.3 → 1.2.4. */
export function bumpPatch(version: string): string {
  const parts = version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  while (parts.length < 3) parts.push(0);
  parts[2] = (parts[2] ?? 0) + 1;
  return parts.slice(0, 3).join(".");
}

export const editedPackId = (baseId: string): string => `${baseId}-edited`;
