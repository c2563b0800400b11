import { getSample } from "../../src/district/samples";
import { reconciles } from "../../src/domain/debt";
import { buildWorkbook } from "../../src/plan/build";
import { effectivePack } from "../../src/taskpane/pack";
import { checkCounts, previewFor, previewSummaryFor } from "../../src/taskpane/plan";
import { initialState } from "../../src/taskpane/state";

describe("the preview's reconciliations", () => {
  it("lists every reconciliation the workbook makes, agreeing exactly where 目录 and the CLI say it agrees", () => {
    const state = { ...initialState(), district: getSample("wuzhen") };
    const now = new Date("2026-01-01T00:00:00Z");
    const { reconciliations } = previewFor(state, now);
    const built = buildWorkbook(getSample("wuzhen"), effectivePack(state), {
      generatedAt: now.toISOString(),
      generator: "test",
    }).reconciliations;
    expect(reconciliations.map((r) => r.labelZh)).toEqual(built.map((r) => r.labelZh));
    expect(reconciliations.map((r) => r.agrees)).toEqual(built.map((r) => reconciles(r.difference.value)));
    // The sample's speech states a debt total its items do not add up to (I-1): one reconciliation differs.
    expect(reconciliations.some((r) => !r.agrees)).toBe(true);
    expect(reconciliations.some((r) => r.agrees)).toBe(true);
  });
});

describe("the preview's summary (what the plan worker sends back)", () => {
  it("carries the plan's checks, its sheets' keys and names and the reconciliations, and no cells", () => {
    const state = { ...initialState(), district: getSample("zhenlai") };
    const now = new Date("2026-01-01T00:00:00Z");
    const full = previewFor(state, now);
    const summary = previewSummaryFor(state, now);
    expect(summary.checks).toEqual(full.plan.checks);
    expect(summary.sheets).toEqual(full.plan.sheets.map((s) => ({ key: s.key, name: s.name })));
    expect(summary.reconciliations).toEqual(full.reconciliations);
    expect(checkCounts(summary)).toEqual(checkCounts(full.plan));
    // Small enough to cross from a worker at once: a fraction of the plan it summarises.
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(full.plan).length / 10);
  });
});
