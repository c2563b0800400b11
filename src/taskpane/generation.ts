/**
 * Running a generation from the pane: writes the plan for the chosen sheets through the gateway, turns the writer's
 * progress and outcome into actions, and cancels at once in what the user sees (正在取消…) while the writer stops and
 * undoes its work. Kept out of the components so the flow is tested without a browser.
 */
import type { Dispatch } from "react";
import type { ExcelGateway } from "./excel";
import type { Translate } from "./i18n";
import { generationOutcome } from "./messages";
import type { Action, WizardState } from "./state";
import type { StatusIntent } from "./steps/types";

export interface GenerationDeps {
  readonly excel: ExcelGateway;
  readonly t: Translate;
  readonly dispatch: Dispatch<Action>;
  readonly announce: (text: string, intent?: StatusIntent) => void;
  /** The time the plan's properties record (default: now). */
  readonly now?: () => Date;
}

export interface GenerationHandle {
  /** Settles when the generation has ended (written, cancelled and undone, or failed), never rejects. */
  readonly finished: Promise<void>;
  /** Shows the cancel at once and asks the writer to stop; a second press does nothing. */
  cancel(): void;
}

export function startGeneration(state: WizardState, deps: GenerationDeps): GenerationHandle {
  const { excel, t, dispatch, announce } = deps;
  const abort = new AbortController();
  dispatch({ type: "progress", done: 0, total: 1 });
  announce(t("generateStarting"));
  const finished = (async () => {
    try {
      // The plan builders load with the Preview step, not with the first render.
      const { checkCounts, failedChecks, workbookFor } = await import("./plan");
      const now = (deps.now ?? (() => new Date()))();
      // In a worker where there are workers, so the pane stays responsive (Cancel included) while it builds.
      const built =
        typeof Worker === "undefined"
          ? workbookFor(state, now, state.sheets)
          : await (await import("./offThread")).workbookOffThread(state, now, state.sheets);
      const plan = built.plan;
      const written = await excel.writePlan(built, {
        onExistingSheet: state.onExisting,
        removeGeneratedCopies: state.onExisting === "replaceGenerated" && state.removeCopies,
        signal: abort.signal,
        onProgress: (done, total, step) => dispatch({ type: "progress", done, total, step }),
      });
      const counts = checkCounts(plan);
      dispatch({ type: "generated", ...written, ...counts, failedChecks: failedChecks(plan) });
      // Written, but not a plain success while checks fail.
      announce(t("doneSheets", { count: written.created.length }), counts.failed > 0 ? "warning" : "success");
    } catch (failure) {
      const outcome = generationOutcome(failure, abort.signal.aborted, t);
      const undone = outcome.cancelled && outcome.cause === undefined;
      dispatch(undone ? { type: "cancelled" } : { type: "failed", ...outcome });
      announce(outcome.message, undone ? "warning" : "error");
    }
  })();
  return {
    finished,
    cancel: () => {
      if (abort.signal.aborted) return;
      dispatch({ type: "cancelRequested" });
      announce(t("generateCancelling"));
      abort.abort();
    },
  };
}
