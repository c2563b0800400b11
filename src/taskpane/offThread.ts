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
  const request: PlanRequest = { state, now: now.toISOString(), sheets };
  return ask(
    new Worker(new URL("./planWorker.ts", import.meta.url)),
    request,
    "the plan could not be built",
    (reply: PlanReply) =>
      reply.ok
        ? (answer(reply) ?? new Error("the plan worker answered another question"))
        : new Error(reply.message),
  );
}

/**
 * One question to a worker made for it: its answer (or error) ends it. The worker is made by the caller, since
 * the bundler finds a worker's script only in a `new Worker(new URL(…))` written out in full.
 */
function ask<Reply, T>(
  worker: Worker,
  request: unknown,
  failure: string,
  answer: (reply: Reply) => T | Error,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Reply>) => {
      worker.terminate();
      const value = answer(event.data);
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || failure));
    };
    worker.postMessage(request);
  });
}

/** The comparison of compareWorker.ts, built in a worker. */
export function comparisonOffThread(request: CompareRequest): Promise<ScenarioComparison> {
  return ask(
    new Worker(new URL("./compareWorker.ts", import.meta.url)),
    request,
    "the comparison could not be built",
    (reply: CompareReply) => (reply.ok ? reply.result : new Error(reply.message)),
  );
}
