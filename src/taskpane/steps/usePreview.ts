/**
 * The preview of the loaded data under the chosen policy (its checks and reconciliations), built in the plan
 * worker where there is one, so that opening Preview or Generate does not freeze the pane for a large district.
 * Preview and Generate ask for the same data and policy: the one build is shared.
 */
import { useEffect, useState } from "react";
import type { PreviewSummary } from "../plan";
import type { WizardState } from "../state";
import { errorMessage } from "./types";

export type PreviewResult =
  | { readonly status: "building" }
  | { readonly status: "built"; readonly preview: PreviewSummary }
  | { readonly status: "failed"; readonly error: string };

type Inputs = Pick<WizardState, "district" | "packId" | "edits">;

let last: { readonly inputs: Inputs; readonly preview: Promise<PreviewSummary> } | undefined;

const sameInputs = (a: Inputs, b: Inputs) =>
  a.district === b.district && a.packId === b.packId && a.edits === b.edits;

function previewOf(state: WizardState): Promise<PreviewSummary> {
  if (last && sameInputs(last.inputs, state)) return last.preview;
  const now = new Date();
  const preview =
    typeof Worker === "undefined"
      ? import("../plan").then(({ previewSummaryFor }) => previewSummaryFor(state, now))
      : import("../offThread").then(({ previewOffThread }) => previewOffThread(state, now));
  last = { inputs: { district: state.district, packId: state.packId, edits: state.edits }, preview };
  return preview;
}

export function usePreview(state: WizardState): PreviewResult {
  const [result, setResult] = useState<PreviewResult>({ status: "building" });
  useEffect(() => {
    let current = true;
    setResult({ status: "building" });
    previewOf(state).then(
      (preview) => current && setResult({ status: "built", preview }),
      (error: unknown) => current && setResult({ status: "failed", error: errorMessage(error) }),
    );
    return () => void (current = false);
    // The preview depends only on the data and the policy.
  }, [state.district, state.packId, state.edits]);
  return result;
}
