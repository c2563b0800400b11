/**
 * Builds the workbook plan in a worker (planWorker.ts) where the browser has workers; the result is the same as
 * workbookFor's on the main thread.
 */
import type { SheetKey } from "../plan/types";
import type { PlanReply, PlanRequest } from "./planWorker";
import type { CompareReply, CompareRequest } from "./compareWorker";
import type { ScenarioComparison } from "./compare";
import type { BuiltWorkbook } from "../plan/build";
import type { PreviewSummary } from "./plan";
import type { WizardState } from "./state";

export function workbookOffThread(
  state: WizardState,
  now: Date,
  sheets: readonly SheetKey[],
): Promise<BuiltWorkbook> {
  return askPlanWorker(state, now, sheets, (reply) => ("built" in reply ? reply.built : undefined));
}

/** previewSummaryFor, in the plan worker. */
export function previewOffThread(state: WizardState, now: Date): Promise<PreviewSummary> {
  return askPlanWorker(state, now, "preview", (reply) => ("preview" in reply ? reply.preview : undefined));
}

function askPlanWorker<T>(
  state: WizardState,
  now: Date,
  sheets: PlanRequest["sheets"],
  answer: (reply: Exclude<PlanReply, { ok: false }>) => T | undefined,
): Promise<T> {
  const worker = new Worker(new URL("./planWorker.ts", import.meta.url));
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PlanReply>) => {
      worker.terminate();
      const reply = event.data;
      const value = reply.ok ? answer(reply) : undefined;
      if (value !== undefined) resolve(value);
      else reject(new Error(reply.ok ? "the plan worker answered another question" : reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the plan could not be built"));
    };
    const request: PlanRequest = { state, now: now.toISOString(), sheets };
    worker.postMessage(request);
  });
}

/** The comparison of compareWorker.ts, built in a worker. */
export function comparisonOffThread(request: CompareRequest): Promise<ScenarioComparison> {
  const worker = new Worker(new URL("./compareWorker.ts", import.meta.url));
  return new Promise<ScenarioComparison>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<CompareReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the comparison could not be built"));
    };
    worker.postMessage(request);
  });
}
