/**
 * The workbook plan built in a worker, so the pane's main thread stays free while Generate runs and while Preview
 * and Generate show the checks (building the plan of a district takes longer than a frame). It answers one
 * message: the wizard's state, the time and the sheets (the plan to write), or "preview" (its summary).
 */
import "./zodConfig";
import type { SheetKey } from "../plan/types";
import { previewSummaryFor, workbookFor } from "./plan";
import type { WizardState } from "./state";

export interface PlanRequest {
  readonly state: WizardState;
  readonly now: string;
  readonly sheets: readonly SheetKey[] | "preview";
}

export type PlanReply =
  | { readonly ok: true; readonly built: ReturnType<typeof workbookFor> }
  | { readonly ok: true; readonly preview: ReturnType<typeof previewSummaryFor> }
  | { readonly ok: false; readonly message: string };

self.onmessage = (event: MessageEvent<PlanRequest>) => {
  const { state, now, sheets } = event.data;
  let reply: PlanReply;
  try {
    reply =
      sheets === "preview"
        ? { ok: true, preview: previewSummaryFor(state, new Date(now)) }
        : { ok: true, built: workbookFor(state, new Date(now), sheets) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
