import fc from "fast-check";
import { districtSchema, type District, type DistrictInput } from "../../../src/district/model";
import { validateDistrict } from "../../../src/district/validate";
import { expectPlanComputes, planMismatches } from "../../support/hyperformula";
import {
  CASED,
  context,
  FIXTURE_INPUT,
  planOf,
  suitePlan,
  TRICKY,
  TRICKY_NAMES,
  valueAtRef,
} from "./helpers";

describe("names that look like criteria", () => {
  it("totals towns, finds stated projects and kindergartens named * ? <5 =x ~ exactly as the domain does", () => {
    const built = context(TRICKY);
    const plan = planOf(built, [
      built.sheet("publicFunds"),
      built.sheet("projects"),
      built.sheet("preschool"),
    ]);
    expectPlanComputes(plan);
    expect(new Set(TRICKY.schools.map((s) => s.town))).toEqual(new Set([...TRICKY_NAMES, "城关镇"]));
    expect(built.ctx.checks.filter((c) => c.id.startsWith("projects.count")).map((c) => c.pass)).toEqual([
      true,
    ]);
  });
});

/** Letters as Excel's full-width forms (Ａ-Ｚ, ａ-ｚ), the way an IME in full-width mode types them. */
const fullWidth = (text: string): string =>
  text.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const SPELLINGS: readonly ((text: string) => string)[] = [
  (t) => t,
  (t) => t.toUpperCase(),
  (t) => t.toLowerCase(),
  (t) => t.replace(/^./, (ch) => ch.toLowerCase()),
  (t) => fullWidth(t),
  (t) => fullWidth(t.toUpperCase()),
];
/** Full-width letters back to ASCII, lower case: the widest comparison an engine makes of these names. */
const narrow = (text: string): string =>
  text
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .toLowerCase();
/** Whether two of the names differ only in the width of their letters. */
const widthOnly = (names: readonly string[]): boolean =>
  names.some((a) => names.some((b) => narrow(a) === narrow(b) && a.toLowerCase() !== b.toLowerCase()));

interface Spellings {
  towns: readonly [number, number][];
  projects: readonly [number, number][];
  kindergartens: readonly [number, number][];
  statedProjects: readonly [number, number][];
  statedKindergartens: readonly [number, number][];
}

/** FIXTURE with towns, project and kindergarten names (and the speeches' lists of them) in the given spellings. */
const spelled = (choice: Spellings): District => districtSchema.parse(spelledInput(choice));

function spelledInput(choice: Spellings): DistrictInput {
  const TOWNS = ["Town A", "Town B", "城关镇"];
  const PROJECTS = ["Lab A", "Hall B", "一中教学楼"];
  const KINDERGARTENS = ["Kid A", "Sun B"];
  const name = (bases: readonly string[], [base, spelling]: [number, number]): string =>
    (SPELLINGS[spelling % SPELLINGS.length] ?? ((t: string) => t))(bases[base % bases.length] ?? "");
  return {
    ...FIXTURE_INPUT,
    schools: FIXTURE_INPUT.schools.map((s, i) => ({ ...s, town: name(TOWNS, choice.towns[i] ?? [2, 0]) })),
    projects: (FIXTURE_INPUT.projects ?? []).map((p, i) => ({
      ...p,
      name: name(PROJECTS, choice.projects[i] ?? [i, 0]),
    })),
    preschool: {
      ...FIXTURE_INPUT.preschool,
      planned: (FIXTURE_INPUT.preschool?.planned ?? []).map((k, i) => ({
        ...k,
        name: name(KINDERGARTENS, choice.kindergartens[i] ?? [i, 0]),
      })),
    },
    statedCounts: [
      {
        label: "开工建设项目",
        stated: 2,
        items: choice.statedProjects.map((c) => name(PROJECTS, c)),
        source: "test",
      },
      {
        label: "新建幼儿园",
        stated: 2,
        items: choice.statedKindergartens.map((c) => name(KINDERGARTENS, c)),
        source: "test",
      },
    ],
  };
}

describe("names that differ in case or in width", () => {
  // Half-width names only, full-width names only (both differ in case alone), or a mix (width-only pairs).
  const widths = { narrow: [0, 1, 2, 3], wide: [4, 5], mixed: [0, 1, 2, 3, 4, 5] };
  const choices = fc.constantFrom<keyof typeof widths>("narrow", "narrow", "wide", "mixed").chain((width) => {
    const pick = fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(...widths[width]));
    return fc.record({
      towns: fc.array(pick, { minLength: 7, maxLength: 7 }),
      projects: fc.array(pick, { minLength: 3, maxLength: 3 }),
      kindergartens: fc.array(pick, { minLength: 2, maxLength: 2 }),
      statedProjects: fc.array(pick, { minLength: 1, maxLength: 3 }),
      statedKindergartens: fc.array(pick, { minLength: 1, maxLength: 2 }),
    });
  });

  it("gives every cached value HyperFormula's recalculation when names differ in case, and refuses names that differ only in width", () => {
    fc.assert(
      fc.property(choices, (choice) => {
        const input = spelledInput(choice);
        const { district, problems } = validateDistrict(input, { file: "t.json" });
        const names = [
          ...(input.projects ?? []).map((p) => p.name),
          ...(input.preschool?.planned ?? []).map((k) => k.name),
          ...(input.statedCounts ?? []).flatMap((s) => s.items),
        ];
        const ambiguous = widthOnly(input.schools.map((s) => s.town)) || widthOnly(names);
        expect(problems.some((p) => /full-width/.test(p.messageEn))).toBe(ambiguous);
        if (ambiguous) return;
        if (!district) throw new Error(JSON.stringify(problems));
        const built = context(district);
        const sheets = (["publicFunds", "projects", "preschool", "summary"] as const).map((key) =>
          built.sheet(key),
        );
        expect(planMismatches(planOf(built, sheets))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it("stores HyperFormula's values for names in any case and width (LibreOffice recalculates the same district)", () => {
    const { plan, ctx } = suitePlan(CASED, ["publicFunds"]);
    expectPlanComputes(plan);
    expect(ctx.checks.filter((c) => /count/.test(c.id)).map((c) => [c.id, c.pass])).toEqual([
      ["projects.count.0", true],
      ["preschool.count.1", true],
    ]);
  });

  it("totals 「Town A」 and 「TOWN A」 as one town, so the sum by town equals the total", () => {
    const district = spelled({
      towns: [
        [0, 0],
        [0, 1],
        [0, 0],
        [2, 0],
        [0, 1],
        [1, 2],
        [2, 0],
      ],
      projects: [],
      kindergartens: [],
      statedProjects: [[0, 0]],
      statedKindergartens: [[0, 0]],
    });
    const { plan, ctx } = suitePlan(district, ["publicFunds"]);
    const loaded = expectPlanComputes(plan);
    const towns = plan.sheets
      .find((s) => s.key === "publicFunds")
      ?.tables.find((t) => t.name === "tblPublicFundsByTown");
    // Town A (any case), town b, 城关镇; the kindergarten K01 has no compulsory students.
    expect(towns?.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
    const [first, last] = (towns?.range ?? "").split(":").map((a) => Number(/\d+/.exec(a)?.[0]));
    expect((last ?? 0) - (first ?? 0)).toBe(3);
    const townDiff = ctx.reconciliations.find((r) => r.sheet === "publicFunds");
    expect(townDiff?.difference.value).toBeCloseTo(0, 9);
    expect(valueAtRef(loaded, townDiff?.difference.ref ?? "")).toBeCloseTo(0, 9);
  });

  it("fails a stated count whose project is listed twice in different case, as the recalculated workbook does", () => {
    const district = spelled({
      towns: [],
      projects: [
        [0, 0],
        [0, 1],
        [2, 0],
      ],
      kindergartens: [],
      statedProjects: [
        [0, 0],
        [1, 0],
      ],
      statedKindergartens: [[0, 0]],
    });
    const { plan, ctx } = suitePlan(district, ["publicFunds"]);
    expectPlanComputes(plan);
    const check = ctx.checks.find((c) => c.id.startsWith("projects.count"));
    expect(check?.pass).toBe(false);
    expect(check?.detailEn).toContain("matched 1");
  });
});
