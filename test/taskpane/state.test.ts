import type { Problem } from "../../src/district/problems";
import { getSample } from "../../src/district/samples";
import { SHEET_ORDER } from "../../src/plan/sheets";
import {
  blockedReason,
  bumpPatch,
  canVisit,
  initialState,
  reducer,
  STEPS,
  visibleSteps,
  type Action,
  type WizardState,
} from "../../src/taskpane/state";

const problem = (severity: Problem["severity"]): Problem => ({
  severity,
  file: "bad.json",
  sheet: "录入-学校",
  row: 3,
  column: "学校代码",
  field: "schools[1].code",
  message: "不能为空",
  messageEn: "must not be empty",
});

const run = (actions: Action[], from: WizardState = initialState()): WizardState =>
  actions.reduce(reducer, from);
const sample = (): Action => ({
  type: "loaded",
  source: { kind: "sample", label: "镇赉" },
  district: getSample("zhenlai"),
  problems: [],
});

describe("wizard state", () => {
  it("starts on the data step with every sheet chosen and keep-both for taken names", () => {
    const state = initialState();
    expect(state.step).toBe("data");
    expect(state.sheets).toEqual(SHEET_ORDER);
    expect(state.onExisting).toBe("keepBoth");
  });

  it("does not leave the data step before data is loaded", () => {
    expect(run([{ type: "next" }]).step).toBe("data");
    expect(blockedReason(initialState())).toBe("dataNeeded");
  });

  it("walks from data to generate once a sample is loaded", () => {
    const state = run([sample(), { type: "next" }, { type: "next" }, { type: "next" }, { type: "next" }]);
    expect(state.step).toBe("generate");
  });

  it("takes the pack the loaded district names", () => {
    expect(run([sample()]).packId).toBe("zhenlai-2012");
  });

  it("blocks generation while the input has errors, with the reason", () => {
    const state = run([
      { type: "loaded", source: { kind: "file", label: "bad.json" }, problems: [problem("error")] },
      { type: "next" },
      { type: "next" },
    ]);
    expect(state.step).toBe("problems");
    expect(blockedReason(state)).toBe("problemsErrorsBlock");
    expect(canVisit(state, "preview")).toBe(false);
    expect(run([{ type: "goTo", step: "generate" }], state).step).toBe("problems");
  });

  it("skips the Problems step when the data has none, and shows it when it has some", () => {
    expect(run([sample(), { type: "next" }]).step).toBe("policy");
    expect(run([sample(), { type: "next" }, { type: "back" }]).step).toBe("data");
    expect(visibleSteps(run([sample()]))).toEqual(["data", "policy", "preview", "generate", "done"]);
    const warned = run([{ ...sample(), problems: [problem("warning")] } as Action]);
    expect(visibleSteps(warned)).toEqual(STEPS);
    expect(run([{ type: "next" }], warned).step).toBe("problems");
    expect(visibleSteps(initialState())).toEqual(STEPS);
  });

  it("lets warnings through", () => {
    const state = run([
      { ...sample(), problems: [problem("warning")] } as Action,
      { type: "next" },
      { type: "next" },
    ]);
    expect(state.step).toBe("policy");
  });

  it("keeps edits as numbers, ignores non-finite ones and resets them", () => {
    const edited = run([
      sample(),
      { type: "edit", key: "class_size.primary", value: 40 },
      { type: "edit", key: "dropout.primary", value: Number.NaN },
    ]);
    expect(edited.edits).toEqual({ "class_size.primary": 40 });
    expect(run([{ type: "resetEdits" }], edited).edits).toEqual({});
    expect(run([{ type: "choosePack", packId: "national" }], edited).edits).toEqual({});
  });

  it("drops the previous data's edits and outcome when new data is loaded", () => {
    const state = run([
      sample(),
      { type: "edit", key: "class_size.primary", value: 40 },
      { type: "failed", message: "x" },
      sample(),
    ]);
    expect(state.edits).toEqual({});
    expect(state.generation.status).toBe("idle");
  });

  it("toggles sheets in workbook order and selects all or none", () => {
    const none = run([{ type: "allSheets", on: false }]);
    expect(none.sheets).toEqual([]);
    expect(blockedReason(none, "generate")).toBe("generateNoSheets");
    const two = run(
      [
        { type: "toggleSheet", sheet: "debt" },
        { type: "toggleSheet", sheet: "contents" },
      ],
      none,
    );
    expect(two.sheets).toEqual(["contents", "debt"]);
    expect(run([{ type: "toggleSheet", sheet: "debt" }], two).sheets).toEqual(["contents"]);
    expect(run([{ type: "allSheets", on: true }], none).sheets).toEqual(SHEET_ORDER);
  });

  it("ignores navigation and edits while a generation runs, then lands on done", () => {
    const atGenerate = run([sample(), { type: "goTo", step: "generate" }]);
    expect(atGenerate.step).toBe("generate");
    const running = run(
      [{ type: "progress", done: 1, total: 4, step: { kind: "values", sheet: "目录" } }],
      atGenerate,
    );
    expect(run([{ type: "back" }, { type: "toggleSheet", sheet: "debt" }], running)).toBe(running);
    const report = {
      created: ["目录 (2)", "参数"],
      renamed: [{ planName: "目录", name: "目录 (2)" }],
      replaced: ["参数"],
      passed: 5,
      failed: 1,
      failedChecks: [{ labelZh: "甲", labelEn: "A", detailZh: "差", detailEn: "short" }],
    };
    const done = run([{ type: "generated", ...report }], running);
    expect(done.step).toBe("done");
    expect(done.generation).toEqual({ status: "done", ...report });
    expect(canVisit(done, "done")).toBe(true);
  });

  it("stays on generate with the outcome when a generation is cancelled or fails", () => {
    const running = run([
      sample(),
      { type: "goTo", step: "generate" },
      { type: "progress", done: 0, total: 1 },
    ]);
    expect(run([{ type: "cancelled" }], running)).toMatchObject({
      step: "generate",
      generation: { status: "cancelled" },
    });
    expect(run([{ type: "failed", message: "sync failed" }], running)).toMatchObject({
      step: "generate",
      generation: { status: "failed", message: "sync failed" },
    });
  });

  it("starts again from data keeping the loaded district", () => {
    const done = run([
      sample(),
      { type: "goTo", step: "generate" },
      {
        type: "generated",
        created: ["目录"],
        renamed: [],
        replaced: [],
        passed: 1,
        failed: 0,
        failedChecks: [],
      },
    ]);
    const again = run([{ type: "restart" }], done);
    expect(again.step).toBe("data");
    expect(again.district).toBe(done.district);
    expect(again.generation.status).toBe("idle");
  });

  it("blocks leaving the policy step while a typed value is invalid, until it is fixed or reset", () => {
    const atPolicy = run([sample(), { type: "next" }]);
    expect(atPolicy.step).toBe("policy");
    const invalid = run([{ type: "policyValidity", key: "class_size.primary", valid: false }], atPolicy);
    expect(blockedReason(invalid)).toBe("policyFixInvalid");
    expect(run([{ type: "next" }], invalid).step).toBe("policy");
    expect(canVisit(invalid, "preview")).toBe(false);
    const fixed = run([{ type: "policyValidity", key: "class_size.primary", valid: true }], invalid);
    expect(blockedReason(fixed)).toBeUndefined();
    expect(run([{ type: "resetEdits" }], invalid).invalidPolicy).toEqual([]);
    expect(run([{ type: "choosePack", packId: "national" }], invalid).invalidPolicy).toEqual([]);
    // Going back drops the typed text with the step, so nothing invisible blocks the way forward again.
    const back = run([{ type: "back" }], invalid);
    expect(back.step).toBe("data");
    expect(run([{ type: "next" }, { type: "next" }], back).step).toBe("preview");
  });

  it("keeps the cause of a failed generation apart from its message", () => {
    const running = run([
      sample(),
      { type: "goTo", step: "generate" },
      { type: "progress", done: 0, total: 1 },
    ]);
    expect(
      run([{ type: "failed", message: "生成失败", cause: "sync 2 failed" }], running).generation,
    ).toEqual({
      status: "failed",
      message: "生成失败",
      cause: "sync 2 failed",
    });
  });

  it("marks a running generation as cancelling at once and keeps the mark through its last progress reports", () => {
    const running = run([
      sample(),
      { type: "goTo", step: "generate" },
      { type: "progress", done: 3, total: 42 },
    ]);
    const cancelling = run([{ type: "cancelRequested" }], running);
    expect(cancelling.generation).toEqual({ status: "running", done: 3, total: 42, cancelling: true });
    expect(run([{ type: "progress", done: 4, total: 42 }], cancelling).generation).toMatchObject({
      done: 4,
      cancelling: true,
    });
    expect(run([{ type: "cancelled" }], cancelling).generation).toEqual({ status: "cancelled" });
    // No generation, nothing to cancel.
    expect(run([{ type: "cancelRequested" }]).generation).toEqual({ status: "idle" });
  });

  it("removes older copies only when asked, and not while a generation runs", () => {
    expect(initialState().removeCopies).toBe(false);
    const on = run([{ type: "removeCopies", on: true }]);
    expect(on.removeCopies).toBe(true);
    const running = run([{ type: "progress", done: 0, total: 1 }], on);
    expect(run([{ type: "removeCopies", on: false }], running).removeCopies).toBe(true);
  });

  it("bumps the patch version of an edited pack", () => {
    expect(bumpPatch("1.0.0")).toBe("1.0.1");
    expect(bumpPatch("2.3.9")).toBe("2.3.10");
  });
});
