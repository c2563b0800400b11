/**
 * A comparison of two 5,000-school builds (a scenario against its base), against building one of them in the same
 * process (the baseline): the comparison reads every table line of both plans, so it should cost a fraction of a
 * build. The target is under 2 s here.
 */
import { generateDistrict } from "../src/district";
import { buildWorkbook } from "../src/plan/build";
import { compareBuilds } from "../src/plan/compare";
import { applyScenario } from "../src/plan/scenario";
import { getPack } from "../src/policy";
import { measure, ms, ratio } from "./measure";

const OPTIONS = { generatedAt: "2026-01-01T00:00:00.000Z", generator: "edu-budget bench" };

export function benchCompare(schools = 5000) {
  const district = generateDistrict(42, schools);
  const pack = getPack(district.policyPack);
  const school = district.schools[Math.floor(schools / 2)];
  if (!school) throw new Error("the generated district has no schools");
  // One school's first grade and one norm changed: lines differ across many schools, as a real scenario's do.
  const applied = applyScenario(district, pack, {
    name: "bench",
    description: "",
    changes: [
      { kind: "school", school: school.code, set: { grades: { g1: school.grades.g1 + 10 } } },
      { kind: "policy", key: "class_size.primary", value: pack.values["class_size.primary"].value - 5 },
    ],
  });
  if (!applied.district || !applied.pack) throw new Error(JSON.stringify(applied.problems[0]));
  const inputs = {
    a: { district, pack },
    b: { district: applied.district, pack: applied.pack },
  };
  const a = buildWorkbook(district, pack, OPTIONS);
  const b = buildWorkbook(applied.district, applied.pack, OPTIONS);
  const build = measure(() => void buildWorkbook(district, pack, OPTIONS), { rounds: 3, budgetMs: 1 });
  const compare = measure(() => void compareBuilds(a, b, inputs), { rounds: 3, budgetMs: 1 });
  const comparison = compareBuilds(a, b, inputs);
  return {
    schools,
    buildMs: ms(build.seconds),
    compareMs: ms(compare.seconds),
    /** The comparison ÷ building one of the two workbooks. */
    compareToBuildRatio: ratio(compare.seconds, build.seconds),
    counts: comparison.counts,
  };
}
