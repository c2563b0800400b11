/**
 * Bench hook: the cost of generating a plan into Excel, measured on the recording fake (Excel itself is not
 * available here). Syncs and API calls are counted by the fake; request sizes are the fake's estimates.
 */
import { writeWorkbookPlan, type WriteOptions } from "../../src/writers/officejs";
import type { WorkbookPlan } from "../../src/plan/types";
import { createFakeExcel } from "./fakeExcel";

export interface GenerationCost {
  readonly syncs: number;
  readonly apiCalls: number;
  readonly largestRequestBytes: number;
  readonly totalRequestBytes: number;
  readonly sheets: number;
}

export async function measureGeneration(
  plan: WorkbookPlan,
  options: Partial<WriteOptions> = {},
): Promise<GenerationCost> {
  const fake = createFakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "user data" } }] });
  await fake.run((context) => writeWorkbookPlan(context, plan, { onExistingSheet: "keepBoth", ...options }));
  const bytes = fake.stats.requests.map((r) => r.bytes);
  return {
    syncs: fake.stats.syncs,
    apiCalls: fake.stats.apiCalls,
    largestRequestBytes: Math.max(0, ...bytes),
    totalRequestBytes: bytes.reduce((a, b) => a + b, 0),
    sheets: fake.sheetNames().length - 1,
  };
}
