import fc from "fast-check";
import { getSample } from "../../src/district/samples";
import { BUILD_ORDER, REQUIRED_SHEETS, buildWorkbookPlan, startPlan } from "../../src/plan/build";
import type { BuildContext } from "../../src/plan/context";
import { buildOrder, withNeeds, type Ordering, type SheetDefinition } from "../../src/plan/registry";
import { SHEETS, SHEET_ORDER, sheetDefinition } from "../../src/plan/sheets";
import { getPack } from "../../src/policy/packs";
import { cellAt } from "./sheets/helpers";
import { FIXTURE } from "./fixtures";
import { OPTIONS } from "./planHelpers";

const sheet = (key: string, needs: string[] = [], more: Partial<Ordering> = {}): Ordering => ({
  key,
  needs,
  ...more,
});
const keys = (sheets: readonly Ordering[]) => sheets.map((s) => s.key);

describe("buildOrder", () => {
  it("builds each sheet after the sheets it needs and reads", () => {
    const position = new Map(keys(buildOrder(SHEETS)).map((key, i) => [key, i]));
    const edges = SHEETS.flatMap((d) =>
      [...d.needs, ...(d.reads ?? [])].map((need) => [need, d.key] as const),
    );
    expect(edges.length).toBeGreaterThan(SHEETS.length);
    const late = edges.filter(
      ([need, key]) => !((position.get(need) ?? Infinity) < (position.get(key) ?? -1)),
    );
    expect(late).toEqual([]);
  });

  it("builds the gathering sheets (汇总, 预算说明, 目录) after every other sheet, 目录 last", () => {
    const order = keys(buildOrder(SHEETS));
    const gathering = SHEETS.filter((s) => s.gathers).map((s) => s.key);
    expect(gathering).toEqual(["contents", "summary", "explain"]);
    expect(order.slice(-3)).toEqual(["summary", "explain", "contents"]);
  });

  it("builds 参数 and 学校 first and otherwise keeps the workbook order", () => {
    // The order the workbook's sheets have always been built in (a sheet added later may fall anywhere), but for
    // 财政: its year-T appropriation is the 部门预算's own, so it comes after 预算明细 and the sheets that feeds on.
    const expected: readonly string[] = [
      "parameters",
      "schools",
      "publicFunds",
      "staffing",
      "dropout",
      "balance",
      "mergers",
      "projects",
      "preschool",
      "debt",
      "budgetLines",
      "fiscal",
      "summary",
      "contents",
    ];
    expect(BUILD_ORDER.filter((key) => expected.includes(key))).toEqual(expected);
  });

  it("keeps the given order where the needs allow, for any list without cycles", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.boolean(), { maxLength: 8 }), { minLength: 1, maxLength: 8 }),
        (matrix) => {
          // Sheet i needs sheet j only for j > i (so there is no cycle, and needs point forwards in the list).
          const list = matrix.map((row, i) =>
            sheet(
              `s${i}`,
              row.flatMap((needed, j) => (needed && i + 1 + j < matrix.length ? [`s${i + 1 + j}`] : [])),
            ),
          );
          const order = keys(buildOrder(list));
          expect([...order].sort()).toEqual(keys(list).sort());
          for (const s of list)
            for (const need of s.needs) expect(order.indexOf(need)).toBeLessThan(order.indexOf(s.key));
          // A sheet with no needs and nothing needing it keeps its place relative to the others like it.
          const free = keys(list).filter(
            (k) =>
              list.every((s) => !s.needs.includes(k)) && list.find((s) => s.key === k)?.needs.length === 0,
          );
          expect(order.filter((k) => free.includes(k))).toEqual(free);
        },
      ),
    );
  });

  it("rejects sheets that need each other in a cycle, naming the cycle", () => {
    const list = [sheet("a", ["c"]), sheet("b", ["a"]), sheet("c", ["b"]), sheet("d")];
    expect(() => buildOrder(list)).toThrow("sheets depend on each other in a cycle: a → c → b → a");
  });

  it("rejects a sheet that reads itself", () => {
    expect(() => buildOrder([sheet("a", [], { reads: ["a"] })])).toThrow("cycle: a → a");
  });

  it("rejects a need of an unknown sheet, naming it and the known ones", () => {
    expect(() => buildOrder([sheet("a"), sheet("b", ["fiscl"])])).toThrow(
      'sheet b needs an unknown sheet "fiscl" (known: a, b)',
    );
  });

  it("rejects a key defined twice", () => {
    expect(() => buildOrder([sheet("a"), sheet("a")])).toThrow("sheet a is defined twice");
  });
});

describe("withNeeds", () => {
  it("adds the required sheets and what the chosen ones need, transitively", () => {
    const list = [sheet("a"), sheet("b", ["c"]), sheet("c", ["d"]), sheet("d"), sheet("e")];
    expect([...withNeeds(list, ["b"], ["a"])].sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("rejects an unknown sheet", () => {
    expect(() => withNeeds([sheet("a")], ["x"], [])).toThrow('unknown sheet "x" (known: a)');
  });
});

describe("the sheet list", () => {
  it("names every sheet and gives its English title, the tab colour and its needs", () => {
    expect(SHEET_ORDER).toEqual(SHEETS.map((s) => s.key));
    expect(REQUIRED_SHEETS).toEqual(["parameters", "schools"]);
    for (const definition of SHEETS) {
      expect(definition.nameZh).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(definition.nameEn).not.toBe("");
      expect(definition.titleEn).not.toBe("");
      expect(definition.tabColor).toMatch(/^[0-9A-F]{6}$/);
      expect(sheetDefinition(definition.key)).toBe(definition);
    }
    expect(new Set(SHEETS.map((s) => s.nameZh)).size).toBe(SHEETS.length);
  });

  it("builds each sheet with its definition's name, key, tab colour and Chinese title", () => {
    const plan = buildWorkbookPlan(getSample("wuzhen"), getPack("wuzhen-2004"), OPTIONS);
    expect(plan.sheets.map((s) => s.key)).toEqual(SHEET_ORDER);
    for (const definition of SHEETS) {
      const built = plan.sheets.find((s) => s.key === definition.key);
      expect([built?.name, built?.tabColor]).toEqual([definition.nameZh, definition.tabColor]);
      const title = built ? cellAt(built, "A1")?.v : undefined;
      expect([definition.key, title]).toEqual([
        definition.key,
        expect.stringContaining(definition.titleZh ?? ""),
      ]);
    }
  });

  it("builds the sheets a chosen one needs even when they are not chosen", () => {
    for (const definition of SHEETS) {
      const plan = buildWorkbookPlan(FIXTURE, getPack("national"), { ...OPTIONS, sheets: [definition.key] });
      const built = plan.sheets.map((s) => s.key);
      for (const need of definition.needs)
        expect([definition.key, built]).toEqual([definition.key, expect.arrayContaining([need])]);
    }
  });
});

describe("startPlan", () => {
  const run = () => startPlan(FIXTURE, getPack("national"), OPTIONS);

  it("refuses to build a sheet before the sheets it needs", () => {
    expect(() => run().build("dropout")).toThrow("sheet dropout needs parameters, schools built first");
  });

  it("refuses a sheet's use of an output it did not declare", () => {
    const usesUndeclared = (use: (ctx: BuildContext) => unknown): SheetDefinition => ({
      ...sheetDefinition("debt"),
      needs: [],
      build: (ctx) => ({ plan: sheetDefinition("debt").build(ctx).plan, output: use(ctx) }),
    });
    const plan = (debt: SheetDefinition) =>
      startPlan(FIXTURE, getPack("national"), OPTIONS, [...SHEETS.filter((s) => s.key !== "debt"), debt]);
    const needing = plan(usesUndeclared((ctx) => ctx.output("parameters")));
    needing.build("parameters");
    expect(() => needing.build("debt")).toThrow(
      "sheet debt uses parameters's output without declaring it in needs",
    );
    const reading = plan(usesUndeclared((ctx) => ctx.outputIfBuilt("projects")));
    expect(() => reading.build("debt")).toThrow(
      "sheet debt reads projects's output without declaring it in reads",
    );
  });

  it("gives a sheet that reads another undefined when the plan does not hold it, and its output when it does", () => {
    // 财政 reads 公用经费 (its year-T 义务教育公用经费) when the plan holds it.
    const without = startPlan(FIXTURE, getPack("national"), { ...OPTIONS, sheets: ["fiscal"] });
    for (const key of ["parameters", "schools", "fiscal"] as const) without.build(key);
    expect(without.context.includes("publicFunds")).toBe(false);
    expect(without.context.outputIfBuilt("publicFunds")).toBeUndefined();
    const withFunds = startPlan(FIXTURE, getPack("national"), {
      ...OPTIONS,
      sheets: ["fiscal", "publicFunds"],
    });
    for (const key of ["parameters", "schools", "publicFunds", "fiscal"] as const) withFunds.build(key);
    expect(withFunds.context.outputIfBuilt("publicFunds")).toBe(withFunds.output("publicFunds"));
  });

  it("refuses the output of a sheet that is not built", () => {
    expect(() => run().output("fiscal")).toThrow("fiscal is not built");
  });

  it("refuses to read a sheet of the plan that is not built yet, rather than take it as absent", () => {
    const plan = run();
    expect(() => plan.context.outputIfBuilt("fiscal")).toThrow(
      "fiscal is part of this plan but not built yet; it must be built before its output is read",
    );
  });

  it("hands a sheet's typed output to the sheets that need it", () => {
    const plan = run();
    plan.build("parameters");
    plan.build("schools");
    expect(plan.output("schools").table.name).toBe("tblSchools");
    plan.build("publicFunds");
    expect(plan.output("publicFunds").available).toEqual({
      ref: expect.stringMatching(/^'公用经费'!\$[A-Z]+\$\d+$/) as string,
      value: FIXTURE.fiscal.current.compulsoryPublicFunds,
    });
  });
});
