/** The built-in sample districts, validated once on first use. */
import type { District, DistrictInput } from "../model";
import { hasErrors } from "../problems";
import { validateDistrict } from "../validate";
import { WUZHEN } from "./wuzhen";
import { ZHENLAI } from "./zhenlai";

export { generateDistrict } from "./generate";

export interface Sample {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly district: DistrictInput;
}

export const SAMPLES: readonly Sample[] = [
  { id: "zhenlai", nameZh: "镇赉区(讲话一)", nameEn: "Zhenlai (speech 1)", district: ZHENLAI },
  { id: "wuzhen", nameZh: "五镇区(讲话二)", nameEn: "Five-town district (speech 2)", district: WUZHEN },
];

const validated = new Map<string, District>();

/** A sample as a validated District (a fresh copy: callers may change it); throws for an unknown id. */
export function getSample(id: string): District {
  const cached = validated.get(id);
  if (cached) return structuredClone(cached);
  const sample = SAMPLES.find((candidate) => candidate.id === id);
  if (!sample) throw new Error(`Unknown sample "${id}": use one of ${SAMPLES.map((s) => s.id).join(", ")}`);
  const result = validateDistrict(sample.district, { file: `sample:${id}` });
  if (!result.district || hasErrors(result.problems))
    throw new Error(
      `Sample ${id} is invalid: ${result.problems.map((p) => `${p.field}: ${p.messageEn}`).join("; ")}`,
    );
  validated.set(id, result.district);
  return structuredClone(result.district);
}
