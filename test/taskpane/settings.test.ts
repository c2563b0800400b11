import { getSample } from "../../src/district/samples";
import { keptState, restoredState } from "../../src/taskpane/settings";
import { initialState, reducer, type Action, type WizardState } from "../../src/taskpane/state";

const run = (actions: Action[], from: WizardState = initialState()) => actions.reduce(reducer, from);
const loaded: Action = {
  type: "loaded",
  source: { kind: "sample", label: "镇赉" },
  district: getSample("zhenlai"),
  problems: [],
};

describe("the wizard's state kept in the document's settings", () => {
  it("comes back with the data loaded, the policy edits and the step", () => {
    const state = run([
      loaded,
      { type: "next" },
      { type: "edit", key: "class_size.primary", value: 40 },
      { type: "next" },
    ]);
    const back = restoredState(JSON.parse(JSON.stringify(keptState(state))));
    expect(back?.step).toBe("preview");
    expect(back?.edits).toEqual({ "class_size.primary": 40 });
    expect(back?.district).toEqual(state.district);
    expect(back?.source).toEqual(state.source);
    expect(back?.packId).toBe(state.packId);
    expect(back?.generation).toEqual({ status: "idle" });
  });

  it("reopens a finished wizard on Generate, since the run itself is not kept", () => {
    const done = run([
      loaded,
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
    expect(done.step).toBe("done");
    expect(restoredState(keptState(done))?.step).toBe("generate");
  });

  it("ignores what is not a kept state of this version", () => {
    for (const value of [
      null,
      undefined,
      3,
      "x",
      [],
      { version: 2, step: "data" },
      { version: 1, step: "nowhere" },
    ])
      expect(restoredState(value)).toBeUndefined();
  });
});
