// Before any schema parses: the pane may open straight on a later step (its state restored).
import "./zodConfig";
import { derivePack, getPack, packForYear, resolvePack, templateYear, type PolicyPack } from "../policy";
import { bumpPatch, editedPackId, type WizardState } from "./state";

/**
 * The chosen pack resolved for the district's budget year (the pack's own year before a district is loaded), or a
 * pack derived from it when values were edited (the built-in one is never changed). A pack file without errors,
 * when loaded, is used instead of the built-in pack.
 */
export function effectivePack(
  state: Pick<WizardState, "packId" | "edits" | "district"> & Partial<Pick<WizardState, "packFile">>,
): PolicyPack {
  const file = state.packFile?.pack;
  const base = file
    ? resolvePack(file, state.district?.budgetYear ?? templateYear(file))
    : state.district
      ? packForYear(state.packId, state.district.budgetYear)
      : getPack(state.packId);
  if (Object.keys(state.edits).length === 0) return base;
  return derivePack(base, state.edits, { id: editedPackId(base.id), version: bumpPatch(base.version) });
}
