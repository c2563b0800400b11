import { getSample } from "../../src/district/samples";
import { scenarioComparisonFor } from "../../src/taskpane/compare";
import { initialState } from "../../src/taskpane/state";

const NOW = new Date("2026-01-01T00:00:00Z");
const state = { ...initialState(), packId: "wuzhen-2004", district: getSample("wuzhen") };
const EARLY_MERGER = JSON.stringify({
  name: "合并提前",
  changes: [{ kind: "mergerYear", merger: "鲤泮庄小学、海阳小学合并迁到海阳镇中现址", termYear: 1 }],
});

describe("a scenario against the loaded data in the pane", () => {
  it("is the 对比 sheet alone, with the loaded data as B and the flip it makes marked", () => {
    const result = scenarioComparisonFor(state, EARLY_MERGER, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.name).toBe("合并提前");
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["对比"]);
    expect(result.problems).toEqual([]);
    const flipped = result.comparison.checks.filter((c) => c.flipped);
    expect(flipped.map((c) => [c.id, c.a, c.b])).toEqual([["mergers.1.order", "fail", "pass"]]);
    expect(result.comparison.inputs).toEqual([expect.objectContaining({ a: 2004, b: 2006 })]);
  });

  it("gives the scenario's problems, naming the field, and builds nothing", () => {
    const result = scenarioComparisonFor(state, JSON.stringify({ name: "x", changes: [{ kind: "x" }] }), NOW);
    if (result.ok) throw new Error("the scenario was applied");
    expect(result.problems[0]?.field).toBe("changes[0].kind");
  });
});
