import { getSample } from "../../src/district/samples";
import { hasDifferences } from "../../src/plan/compare";
import { comparisonFor, inputComparisonFor, scenarioComparisonFor } from "../../src/taskpane/compare";
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

describe("another input against the loaded data in the pane", () => {
  it("shows no differences when the other input is the loaded data itself", () => {
    const result = inputComparisonFor(state, getSample("wuzhen"), "同一份", NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(hasDifferences(result.comparison)).toBe(false);
    expect(result.comparison.checks.length).toBeGreaterThan(0);
    expect(result.plan.sheets.map((s) => s.name)).toEqual(["对比"]);
  });

  it("shows the checks and totals that depend on the one school that differs", () => {
    const base = getSample("wuzhen");
    const [first, ...rest] = base.schools;
    if (!first) throw new Error("no school");
    const other = { ...base, schools: [{ ...first, prevDropouts: first.prevStartEnrollment }, ...rest] };
    const result = inputComparisonFor(state, other, "上年录入", NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.comparison.inputs.map((i) => i.id)).toEqual([`schools[${first.code}].prevDropouts`]);
    const changed = result.comparison.checks.filter((c) => c.changed || c.items.length > 0).map((c) => c.id);
    expect(changed).toContain("dropout.allWithin");
  });
});

describe("the comparison the pane's worker builds", () => {
  it("names the sides with the pane's labels, the scenario's name filled in", () => {
    const result = comparisonFor({
      state,
      against: { kind: "scenario", text: EARLY_MERGER },
      now: NOW.toISOString(),
      labels: { loaded: "已载入的数据", scenario: "场景「{name}」", other: "「{name}」" },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const texts = result.plan.sheets[0]?.blocks.flatMap((b) => b.cells.flat()) ?? [];
    const values = texts.map((cell) => (cell && "v" in cell ? cell.v : undefined));
    expect(values).toContain("对比: A = 场景「合并提前」, B = 已载入的数据");
  });
});
