/**
 * Progress follows Excel's work: the writer syncs once per sheet, spread over its steps, and gives the event loop a
 * turn after every sync and between slices of the calls it queues. With each sync held until the test releases it,
 * the progress the pane sees while Excel works moves through at least one value per sheet.
 */
import { writeWorkbookPlan } from "../../../src/writers/officejs";
import { Batch, SLICE_BYTES, SLICE_CALLS } from "../../../src/writers/officejs/batch";
import { createFakeExcel } from "../../support/fakeExcel";
import { smallPlan } from "../../support/planFixtures";
import { samplePlan } from "../xlsx/samplePlans";
import type { WorkbookPlan } from "../../../src/plan/types";

/** Runs a generation with every sync held; records the progress shown while each sync waits. */
async function progressWhileSyncing(plan: WorkbookPlan) {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
  const gate = fake.holdSyncs();
  let latest = { done: 0, total: 0 };
  const duringSyncs: number[] = [];
  let finished = false;
  const generation = fake
    .run((context) =>
      writeWorkbookPlan(context, plan, {
        onExistingSheet: "keepBoth",
        onProgress: (done, total) => (latest = { done, total }),
      }),
    )
    .finally(() => (finished = true));
  // Each turn: wait until a sync is held (or the run ended), note what the pane would show, let it go.
  while (!finished) {
    await Promise.race([gate.nextSync(), generation]);
    if (gate.waiting === 0) continue;
    duringSyncs.push(latest.total ? latest.done / latest.total : 0);
    gate.release();
  }
  await generation;
  return { duringSyncs, total: latest.total, syncs: fake.stats.syncs };
}

describe("progress while Excel works", () => {
  test.each([
    ["the small plan", smallPlan],
    ["the 镇赉 sample's whole workbook", samplePlan("zhenlai")],
  ])("%s shows at least one intermediate value per sheet while its syncs are pending", async (_, plan) => {
    const { duringSyncs } = await progressWhileSyncing(plan);
    const intermediate = new Set(duringSyncs.filter((fraction) => fraction > 0 && fraction < 1));
    expect(intermediate.size).toBeGreaterThanOrEqual(plan.sheets.length);
    // The bar never goes back.
    expect(duringSyncs).toEqual([...duringSyncs].sort((a, b) => a - b));
  });

  test("gives the event loop a turn after every sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    let turns = 0;
    await fake.run((context) =>
      writeWorkbookPlan(context, smallPlan, {
        onExistingSheet: "keepBoth",
        yieldAfterSync: () => {
          turns++;
          return Promise.resolve();
        },
      }),
    );
    expect(turns).toBe(fake.stats.syncs);
    expect(turns).toBeGreaterThanOrEqual(smallPlan.sheets.length);
  });

  test("gives the event loop a turn after every slice of queued calls or bytes, without a sync of its own", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    let slices = 0;
    const batch = new Batch(
      fake.createContext(),
      4_000_000,
      () => undefined,
      () => Promise.resolve(),
      () => {
        slices++;
        return Promise.resolve();
      },
    );
    for (let i = 0; i < 4 * SLICE_CALLS + 1; i++) await batch.queueSized(10, () => undefined);
    expect(slices).toBe(4);
    const big = Math.ceil(SLICE_BYTES / 3);
    slices = 0;
    // A sync ends a slice: what was queued before it does not count towards the next.
    await batch.flush();
    for (let i = 0; i < 6; i++) await batch.queueSized(big, () => undefined);
    expect(slices).toBe(2);
    await batch.flush();
    expect(fake.stats.syncs).toBe(2);
  });

  test.each(["zhenlai", "wuzhen"])(
    "queues the %s sample's workbook in slices: never more than a slice of calls between two turns of the event loop",
    async (id) => {
      const plan = samplePlan(id);
      const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
      let queuedAtTurn = 0;
      let mostBetweenTurns = 0;
      let slices = 0;
      const turn = (slice: boolean) => () => {
        if (slice) slices++;
        mostBetweenTurns = Math.max(mostBetweenTurns, fake.stats.apiCalls - queuedAtTurn);
        queuedAtTurn = fake.stats.apiCalls;
        return Promise.resolve();
      };
      const report = await fake.run((context) =>
        writeWorkbookPlan(context, plan, {
          onExistingSheet: "keepBoth",
          yieldAfterSync: turn(false),
          yieldBetweenSlices: turn(true),
        }),
      );
      // The slice's last group of calls may cross the line: a chart is the largest the writer queues at once.
      const largestGroup = Math.max(
        6,
        ...plan.sheets.flatMap((s) => s.charts.map((c) => 5 + 8 * c.series.length)),
      );
      expect(mostBetweenTurns).toBeLessThanOrEqual(SLICE_CALLS + largestGroup);
      expect(slices).toBeGreaterThanOrEqual(Math.floor(report.apiCalls / SLICE_CALLS) - report.syncs);
      // Slices are no requests: the syncs stay within the bound of one per sheet, the byte limit's and three.
      expect(report.syncs).toBeLessThanOrEqual(
        plan.sheets.length + Math.ceil(report.totalRequestBytes / 4_000_000) + 3,
      );
      expect(fake.stats.syncs).toBe(report.syncs);
    },
  );
});
