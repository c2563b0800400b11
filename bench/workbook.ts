/**
 * The budget workbook at district scale. Plan building is timed in this process; the .xlsx writes run in child
 * processes so each has its own peak memory (maxRSS): the add-in's writer against exceljs writing the same cells
 * with no plan (the floor the format allows).
 */
import { execFileSync } from "node:child_process";
import { generateDistrict, MAX_SCHOOLS, validateDistrict, type District } from "../src/district";
import { inventedTerm } from "../src/district/samples/build";
import { buildWorkbook, buildWorkbookPlan } from "../src/plan/build";
import { getPack } from "../src/policy";
import { measureGeneration, type GenerationCost } from "../test/support/measureGeneration";
import { measure, ms, ratio } from "./measure";

const OPTIONS = { generatedAt: "2026-01-01T00:00:00.000Z", generator: "edu-budget bench" };

export function planFor(schools: number) {
  const district = generateDistrict(42, schools);
  return buildWorkbookPlan(district, getPack(district.policyPack), OPTIONS);
}

/**
 * As the CLI does it: the generated district validated first (the size limit, the schema, the cross checks), the
 * plan built and checked against Excel's limits (validatePlan); a plan with problems is not written.
 */
export function validatedPlanFor(schools: number) {
  const { district, problems } = validateDistrict(generateDistrict(42, schools), { file: "bench" });
  if (!district) throw new Error(`the generated district has problems: ${JSON.stringify(problems[0])}`);
  const built = buildWorkbook(district, getPack(district.policyPack), OPTIONS);
  if (built.problems.length > 0)
    throw new Error(`the plan has ${built.problems.length} problems: ${JSON.stringify(built.problems[0])}`);
  return built.plan;
}

export function benchPlanBuilding() {
  const sizes = [500, 1000, 2000, 5000];
  const timings = sizes.map((schools) => {
    const district = generateDistrict(42, schools);
    const pack = getPack(district.policyPack);
    const t = measure(() => void buildWorkbookPlan(district, pack, OPTIONS), { rounds: 3, budgetMs: 1 });
    return { schools, ms: ms(t.seconds), msPerSchool: Number(((t.seconds * 1000) / schools).toFixed(4)) };
  });
  const first = timings[0]!;
  const last = timings[timings.length - 1]!;
  return {
    timings,
    /** Time per school at 5,000 ÷ at 500: 1 is linear, 10 would be quadratic. */
    growthRatio500to5000: ratio(last.msPerSchool, first.msPerSchool),
  };
}

/**
 * The term plan's cost: a 5-year term (T … T+4, with past enrollment and births) against the single-year build of
 * the same 5,000 schools. The target is at most 3× (the term is linear in schools × years).
 */
export function benchTermBuilding(schools = 5000) {
  const generated = generateDistrict(42, schools);
  const T = generated.budgetYear;
  const withTerm = validateDistrict(
    { ...generated, term: inventedTerm(generated.schools, T, T + 4, 0.07) },
    { file: "bench" },
  ).district as District | undefined;
  if (!withTerm) throw new Error("the generated district with a term has problems");
  const single = { ...withTerm, term: undefined };
  const pack = getPack(withTerm.policyPack);
  const time = (district: District) =>
    measure(() => void buildWorkbookPlan(district, pack, OPTIONS), { rounds: 3, budgetMs: 1 }).seconds;
  const singleSeconds = time(single);
  const termSeconds = time(withTerm);
  return {
    schools,
    years: 5,
    singleYearMs: ms(singleSeconds),
    termMs: ms(termSeconds),
    /** Term build ÷ single-year build (target ≤ 3). */
    termRatio: ratio(termSeconds, singleSeconds),
  };
}

/** The heap cap of the scale bench (`--max-old-space-size`). */
const HEAP_MB = 1536;

interface ChildFigures {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly bytes: number;
  readonly cells: number;
}

function child(mode: "writer" | "floor" | "generate", schools: number, maxHeapMb?: number): ChildFigures {
  const out = execFileSync(
    process.execPath,
    [
      ...(maxHeapMb ? [`--max-old-space-size=${maxHeapMb}`] : []),
      "-r",
      require.resolve("../scripts/ts-require.js"),
      require.resolve("./xlsxChild.ts"),
      mode,
      String(schools),
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").pop() as string) as ChildFigures;
}

export function benchXlsx(schools = 5000) {
  const best = (mode: "writer" | "floor") => {
    const runs = [child(mode, schools), child(mode, schools)];
    return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  };
  const floor = best("floor");
  const writer = best("writer");
  return {
    schools,
    cells: writer.cells,
    writer,
    exceljsFloor: floor,
    timeRatio: ratio(writer.ms, floor.ms),
    memoryRatio: ratio(writer.maxRssMb, floor.maxRssMb),
  };
}

/**
 * The supported size: a district of MAX_SCHOOLS (20,000) schools generated as the CLI does (validated, built,
 * written), in a process whose heap is capped at 1.5 GB (Node otherwise lets garbage grow into whatever memory the
 * machine has), against 2,000 schools in the same run (the baseline). Time per school should stay about the same
 * (ratio ≈ 1: linear) and the peak memory (RSS) under 2 GB.
 */
export function benchScale(schools = MAX_SCHOOLS, baselineSchools = 2000) {
  const baseline = child("generate", baselineSchools, HEAP_MB);
  let large: ChildFigures;
  try {
    large = child("generate", schools, HEAP_MB);
  } catch {
    // The child ran out of its heap (or failed otherwise): reported, so the rest of the bench still runs.
    return {
      schools,
      baselineSchools,
      baseline,
      failed: `the ${schools}-school generation did not finish within a ${HEAP_MB} MB heap`,
      within2GB: false,
      timePerSchoolRatio: Infinity,
    };
  }
  return {
    schools,
    baselineSchools,
    cells: large.cells,
    generation: large,
    baseline,
    /** ms per school at 20,000 ÷ at 2,000. */
    timePerSchoolRatio: ratio(large.ms / schools, baseline.ms / baselineSchools),
    memoryRatio: ratio(large.maxRssMb, baseline.maxRssMb),
    within2GB: large.maxRssMb < 2048,
  };
}

export async function benchOfficeJs() {
  const rows: (GenerationCost & { schools: number; syncBound: number; withinSyncBound: boolean })[] = [];
  for (const schools of [10, 100, 1000, 5000]) {
    const cost = await measureGeneration(planFor(schools));
    // A sync per sheet (so progress follows Excel's work), those the 4 MB request limit needs, and 3.
    const syncBound = cost.sheets + Math.ceil(cost.totalRequestBytes / 4_000_000) + 3;
    rows.push({ schools, ...cost, syncBound, withinSyncBound: cost.syncs <= syncBound });
  }
  const calls = rows.map((r) => r.apiCalls);
  return {
    generations: rows,
    /**
     * Largest ÷ smallest API call count from 10 to 5,000 schools (500× the cells). Calls follow sheets and blocks;
     * the few extra come from splitting a block that would overflow a request.
     */
    apiCallsSpread: ratio(Math.max(...calls), Math.min(...calls)),
    largestRequestBytes: Math.max(...rows.map((r) => r.largestRequestBytes)),
    anyRequestOver4MB: rows.some((r) => r.largestRequestBytes > 4_000_000),
  };
}
