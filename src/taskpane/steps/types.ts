import type { Dispatch } from "react";
import type { ExcelGateway } from "../excel";
import type { Locale, Translate } from "../i18n";
import type { StartAction } from "../shell";
import type { Action, WizardState } from "../state";

/** What every step component gets: the state, the reducer's dispatch, strings, and the Excel gateway. */
export interface StepProps {
  readonly state: WizardState;
  readonly dispatch: Dispatch<Action>;
  readonly t: Translate;
  readonly locale: Locale;
  readonly excel: ExcelGateway;
  /** Runs an async task with the pane marked busy; a thrown error is shown to the user. */
  readonly run: (task: () => Promise<void>) => void;
  /** Shows a result in the status bar and says it in the live region (screen readers hear it). */
  readonly announce: (message: string, intent?: StatusIntent) => void;
  readonly busy: boolean;
  /** Starts writing the plan for the chosen sheets; the controller lives above the steps, so Cancel survives them. */
  readonly generate: () => void;
  readonly cancel: () => void;
  /** Whether this Excel has the API the writer needs (ExcelApi 1.12). */
  readonly apiSupported: boolean;
  /** The first view's button clicked while the wizard loaded, once (then undefined). */
  readonly takeStartAction?: () => StartAction | undefined;
}

export type StatusIntent = "info" | "success" | "warning" | "error";

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
