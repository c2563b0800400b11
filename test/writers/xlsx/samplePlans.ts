/** The two sample districts' budget workbooks, as the CLI would build them (with a fixed clock). */
import { getSample } from "../../../src/district/samples";
import { buildWorkbookPlan } from "../../../src/plan/build";
import type { WorkbookPlan } from "../../../src/plan/types";
import { getPack } from "../../../src/policy";

export const SAMPLE_IDS = ["zhenlai", "wuzhen"] as const;

export function samplePlan(id: string): WorkbookPlan {
  const district = getSample(id);
  return buildWorkbookPlan(district, getPack(district.policyPack), {
    generatedAt: "2026-10-08T09:30:00.000Z",
    generator: "edu-budget test",
  });
}
