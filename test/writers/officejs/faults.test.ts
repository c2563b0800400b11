/**
 * Whatever goes wrong, the workbook ends as it began: a failure at any request, or a cancel at any step, of a
 * generation into a workbook holding the user's own sheets and sheets generated before.
 */
import {
  writeWorkbookPlan,
  GenerationCancelled,
  GenerationFailed,
  type OnExistingSheet,
  type WriteStep,
} from "../../../src/writers/officejs";
import { createFakeExcel, type FakeExcel } from "../../support/fakeExcel";
import { smallPlan } from "../../support/planFixtures";

async function startingWorkbook(): Promise<FakeExcel> {
  const fake = createFakeExcel({
    sheets: [
      {
        name: "我的表",
        cells: { A1: "预算草稿", B2: 42, C3: { formula: "=B2*2" }, D4: { formula: "='学校'!C7" } },
      },
    ],
  });
  fake.seedName("MyRate", "='我的表'!$B$2");
  await fake.run((context) => writeWorkbookPlan(context, smallPlan, { onExistingSheet: "keepBoth" }));
  fake.resetStats();
  return fake;
}

const modes: OnExistingSheet[] = ["keepBoth", "replaceGenerated"];
/** The default request size, and one small enough that every sheet takes several requests. */
const limits = [4_000_000, 3_000];

const generate = (fake: FakeExcel, mode: OnExistingSheet, maxRequestBytes: number, extra = {}) =>
  fake.run((context) =>
    writeWorkbookPlan(context, smallPlan, { onExistingSheet: mode, maxRequestBytes, ...extra }),
  );

async function successfulRun(mode: OnExistingSheet, limit: number) {
  const fake = await startingWorkbook();
  const labels: WriteStep[] = [];
  await generate(fake, mode, limit, {
    onProgress: (_d: number, _t: number, step: WriteStep) => labels.push(step),
  });
  return { syncs: fake.stats.syncs, steps: labels.length - 1 };
}

describe.each(modes)("generation with %s", (mode) => {
  test.each(limits)("failing at each request in turn (limit %d bytes) changes nothing", async (limit) => {
    const { syncs } = await successfulRun(mode, limit);
    expect(syncs).toBeGreaterThan(limit < 10_000 ? 4 : 1);
    for (let n = 1; n <= syncs; n++) {
      const fake = await startingWorkbook();
      const before = fake.snapshot();
      fake.failAtSync(n);
      const error = await generate(fake, mode, limit).catch((e: unknown) => e);
      expect([n, error]).toEqual([n, expect.any(GenerationFailed)]);
      expect((error as GenerationFailed).rolledBack).toBe(true);
      expect([n, fake.snapshot()]).toEqual([n, before]);
    }
  });

  test.each(limits)("cancelling at each progress step (limit %d bytes) changes nothing", async (limit) => {
    const { steps } = await successfulRun(mode, limit);
    expect(steps).toBeGreaterThan(5);
    for (let step = 0; step < steps; step++) {
      const fake = await startingWorkbook();
      const before = fake.snapshot();
      const signal = { aborted: false };
      const onProgress = (done: number) => {
        if (done === step) signal.aborted = true;
      };
      const error = await generate(fake, mode, limit, { signal, onProgress }).catch((e: unknown) => e);
      expect([step, error]).toEqual([step, expect.any(GenerationCancelled)]);
      expect([step, fake.snapshot()]).toEqual([step, before]);
    }
  });
});

test("a cancel arriving after any request either changes nothing or comes too late to stop the last one", async () => {
  const { syncs } = await successfulRun("replaceGenerated", 3_000);
  const finished = await startingWorkbook();
  await generate(finished, "replaceGenerated", 3_000);
  let cancelled = 0;
  for (let n = 1; n <= syncs; n++) {
    const fake = await startingWorkbook();
    const before = fake.snapshot();
    const signal = { aborted: false };
    const context = fake.createContext();
    const sync = context.sync.bind(context);
    let count = 0;
    context.sync = async () => {
      await sync();
      if (++count === n) signal.aborted = true;
    };
    const options = { onExistingSheet: "replaceGenerated" as const, signal, maxRequestBytes: 3_000 };
    const outcome = await writeWorkbookPlan(context, smallPlan, options).catch((e: unknown) => e);
    if (outcome instanceof GenerationCancelled) cancelled++;
    expect([n, fake.snapshot()]).toEqual([
      n,
      outcome instanceof GenerationCancelled ? before : finished.snapshot(),
    ]);
  }
  // Only the last request (the renames) and the read before the first write cannot be stopped.
  expect(cancelled).toBe(syncs - 2);
});
