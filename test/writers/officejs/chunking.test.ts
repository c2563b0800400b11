/**
 * Requests stay under the byte limit, syncs grow only with sheets (one each, so progress follows Excel's work) and
 * payload, API calls only with sheets and blocks.
 */
import type { Block, WorkbookPlan } from "../../../src/plan/types";
import { largePlan, smallPlan } from "../../support/planFixtures";
import { measureGeneration } from "../../support/measureGeneration";
import { createFakeExcel } from "../../support/fakeExcel";
import { writeWorkbookPlan } from "../../../src/writers/officejs";

const MB4 = 4_000_000;

/** One sheet whose single block of long texts is over 5 MB: more than Excel on the web takes in one request. */
function planWithHugeBlock(rows: number): WorkbookPlan {
  const text = (r: number, c: number) => ({ v: `学校${r}-${c}:${"长".repeat(160)}` });
  const block: Block = {
    anchor: "A1",
    cells: Array.from({ length: rows }, (_, r) => [0, 1, 2, 3].map((c) => text(r, c))),
  };
  const base = smallPlan.sheets[0];
  if (!base) throw new Error("fixture without sheets");
  const sheet = {
    ...base,
    key: "huge",
    name: "大表",
    blocks: [block],
    formats: [],
    merges: [],
    freeze: undefined,
  };
  return { ...smallPlan, names: [], sheets: [sheet] };
}

describe("request chunking", () => {
  test("splits a block larger than 4 MB by rows, keeps every request under the limit, and writes every cell", async () => {
    const plan = planWithHugeBlock(2_600);
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1" }] });
    const report = await fake.run((context) =>
      writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth" }),
    );
    const bytes = fake.stats.requests.map((r) => r.bytes);
    const total = bytes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5_000_000);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(MB4);
    expect(report.largestRequestBytes).toBeLessThanOrEqual(MB4);
    expect(fake.stats.syncs).toBeLessThanOrEqual(plan.sheets.length + Math.ceil(total / MB4) + 3);
    const cells = fake.cellsOf("大表");
    expect(Object.keys(cells)).toHaveLength(2_600 * 4);
    expect(cells.D2600?.value).toBe(`学校2599-3:${"长".repeat(160)}`);
  });

  test("honours a smaller limit the same way", async () => {
    const cost = await measureGeneration(largePlan(300, 12), { maxRequestBytes: 50_000 });
    expect(cost.largestRequestBytes).toBeLessThanOrEqual(50_000);
    expect(cost.syncs).toBeLessThanOrEqual(cost.sheets + Math.ceil(cost.totalRequestBytes / 50_000) + 3);
    expect(cost.syncs).toBeGreaterThan(1 + cost.sheets);
  });

  test("makes the same number of API calls for 10 and 1,000 rows of the same plan shape", async () => {
    const small = await measureGeneration(largePlan(10, 12));
    const large = await measureGeneration(largePlan(1_000, 12));
    expect(large.totalRequestBytes).toBeGreaterThan(20 * small.totalRequestBytes);
    expect(large.apiCalls).toBe(small.apiCalls);
    expect(large.syncs).toBe(small.syncs);
  });

  test("needs one read and one write per sheet for a small plan", async () => {
    const cost = await measureGeneration(smallPlan);
    expect(cost.syncs).toBe(1 + 3);
    expect(cost.sheets).toBe(3);
  });
});
