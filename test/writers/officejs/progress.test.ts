/**
 * Progress follows Excel's work: the writer syncs once per sheet, spread over its steps, and gives the event loop a
 * turn after every sync. With each sync held until the test releases it, the progress the pane sees while Excel works
 * moves through at least one value per sheet.
 */
import { writeWorkbookPlan } from "../../../src/writers/officejs";
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
});
