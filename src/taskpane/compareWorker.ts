/**
 * The comparison built in a worker, like the plan (planWorker.ts): two builds and their comparison take longer
 * than a frame. It answers one message: the wizard's state, what to compare it with, the time and the labels.
 */
import "./zodConfig";
import { comparisonFor, type CompareRequest, type ScenarioComparison } from "./compare";

export type { CompareRequest };

export type CompareReply =
  | { readonly ok: true; readonly result: ScenarioComparison }
  | { readonly ok: false; readonly message: string };

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  let reply: CompareReply;
  try {
    reply = { ok: true, result: comparisonFor(event.data) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
