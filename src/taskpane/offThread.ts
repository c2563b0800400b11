/**
 * Builds the workbook plan in a worker (planWorker.ts) where the browser has workers; the result is the same as
 * workbookFor's on the main thread.
 */
import type { SheetKey } from "../plan/types";
import type { PlanReply, PlanRequest } from "./planWorker";
import type { CompareReply, CompareRequest } from "./compareWorker";
import type { ScenarioComparison } from "./compare";
import type { BuiltWorkbook } from "../plan/build";
import type { WizardState } from "./state";

export function workbookOffThread(
  state: WizardState,
  now: Date,
  sheets: readonly SheetKey[],
): Promise<BuiltWorkbook> {
  const worker = new Worker(new URL("./planWorker.ts", import.meta.url));
  return new Promise<BuiltWorkbook>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PlanReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.built);
      else reject(new Error(event.data.message));
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
