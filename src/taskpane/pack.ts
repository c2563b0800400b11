import { derivePack, getPack, type PolicyPack } from "../policy";
import { bumpPatch, editedPackId, type WizardState } from "./state";

/** The chosen pack, or a pack derived from it when values were edited (the built-in one is never changed). */
export function effectivePack(state: Pick<WizardState, "packId" | "edits">): PolicyPack {
  const base = getPack(state.packId);
  if (Object.keys(state.edits).length === 0) return base;
  return derivePack(base, state.edits, { id: editedPackId(base.id), version: bumpPatch(base.version) });
}
