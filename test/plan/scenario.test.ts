import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { readDistrictJson } from "../../src/district";
import { getSample } from "../../src/district/samples";
import { applyScenario, parseScenario, readScenarioJson, type Scenario } from "../../src/plan/scenario";
import { getPack } from "../../src/policy";

const WUZHEN = getSample("wuzhen");
const PACK = getPack(WUZHEN.policyPack);
const PRIMARY_MERGER = "鲤泮庄小学、海阳小学合并迁到海阳镇中现址";

function scenario(value: unknown): Scenario {
  const parsed = parseScenario(value, "s.json");
  if (!parsed.scenario) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

const apply = (changes: unknown[]) =>
  applyScenario(WUZHEN, PACK, scenario({ name: "场景", changes }), "s.json");

describe("applyScenario", () => {
  it("moves a merger to year 1 of the term (the budget year) and leaves the given district as it was", () => {
    const result = apply([{ kind: "mergerYear", merger: PRIMARY_MERGER, termYear: 1 }]);
    expect(result.problems).toEqual([]);
    expect(result.district?.mergers.find((m) => m.name === PRIMARY_MERGER)?.year).toBe(WUZHEN.budgetYear);
    expect(WUZHEN.mergers.find((m) => m.name === PRIMARY_MERGER)?.year).toBe(2006);
    expect(result.pack).toBe(PACK);
  });

  it("moves a merger to a calendar year", () => {
    const result = apply([{ kind: "mergerYear", merger: PRIMARY_MERGER, year: 2008 }]);
    expect(result.district?.mergers.find((m) => m.name === PRIMARY_MERGER)?.year).toBe(2008);
  });

  it("sets a pack value by its key in a derived pack, keeping the base pack", () => {
    const result = apply([{ kind: "policy", key: "class_size.primary", value: 40 }]);
    expect(result.pack?.values["class_size.primary"].value).toBe(40);
    expect(result.pack?.values["class_size.primary"].origin).toBe("user");
    expect(result.pack?.basedOn).toBe(`${PACK.id}@${PACK.version}`);
    expect(PACK.values["class_size.primary"].value).toBe(45);
    expect(result.pack?.values["class_size.junior"]).toEqual(PACK.values["class_size.junior"]);
  });

  it("sets this year's recurring revenue from last year's and the growth rate, to the cent", () => {
    const result = apply([{ kind: "revenueGrowth", rate: 0.05 }]);
    const prior = WUZHEN.fiscal.prior.recurringRevenue;
    expect(result.district?.fiscal.current.recurringRevenue).toBe(Math.round(prior * 105) / 100);
  });

  it("keeps the growth it is given for any rate: current ÷ prior − 1 is the rate to the cent of the prior", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 2, noNaN: true }), (rate) => {
        const result = apply([{ kind: "revenueGrowth", rate }]);
        const { prior, current } = result.district?.fiscal ?? WUZHEN.fiscal;
        expect(Math.abs(current.recurringRevenue - prior.recurringRevenue * (1 + rate))).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      }),
      { numRuns: 50 },
    );
  });

  it("sets one school's grades one by one and leaves its other grades and the other schools alone", () => {
    const before = WUZHEN.schools.find((s) => s.code === "WZ12");
    const result = apply([{ kind: "school", school: "WZ12", set: { grades: { g1: 60 }, staff: 30 } }]);
    const after = result.district?.schools.find((s) => s.code === "WZ12");
    expect(after?.grades).toEqual({ ...before?.grades, g1: 60 });
    expect(after?.staff).toBe(30);
    expect(result.district?.schools.filter((s) => s.code !== "WZ12")).toEqual(
      WUZHEN.schools.filter((s) => s.code !== "WZ12"),
    );
  });

  it("sets any district field by its path", () => {
    const result = apply([{ kind: "set", path: "fiscal.current.appropriation", value: 9999 }]);
    expect(result.district?.fiscal.current.appropriation).toBe(9999);
  });

  it("applies the changes in order: a later change to the same field wins", () => {
    const result = apply([
      { kind: "mergerYear", merger: PRIMARY_MERGER, year: 2005 },
      { kind: "mergerYear", merger: PRIMARY_MERGER, termYear: 4 },
    ]);
    expect(result.district?.mergers.find((m) => m.name === PRIMARY_MERGER)?.year).toBe(2007);
  });

  it("names a merger that does not exist and lists the district's mergers", () => {
    const { problems, district } = apply([{ kind: "mergerYear", merger: "没有这项", year: 2005 }]);
    expect(district).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        field: "changes[0].merger",
        file: "s.json",
        accepts: WUZHEN.mergers.map((m) => m.name).join("/"),
      }),
    ]);
  });

  it("names an unknown policy key with the closest keys", () => {
    const { problems } = apply([{ kind: "policy", key: "class_size.primry", value: 40 }]);
    expect(problems[0]?.field).toBe("changes[0].key");
    expect(problems[0]?.message).toContain("class_size.primary");
  });

  it("judges each school field by the schools list's rules, naming the field as the list does", () => {
    const { problems } = apply([
      { kind: "school", school: "WZ12", set: { classes: -1, grades: { g1: 1.5, g13: 1 }, colour: "red" } },
    ]);
    expect(problems.map((p) => [p.field, p.accepts])).toEqual([
      ["changes[0].set.classes", "≥ 0"],
      ["changes[0].set.grades.g1", "整数"],
      ["changes[0].set.grades.g13", expect.stringContaining("g12")],
      ["changes[0].set.colour", expect.stringContaining("classrooms")],
    ]);
    expect(problems[0]?.message).toContain("班数");
    expect(problems[1]?.message).toContain("一年级");
  });

  it("names a school code that does not exist", () => {
    const { problems } = apply([{ kind: "school", school: "XX99", set: { staff: 1 } }]);
    expect(problems[0]?.field).toBe("changes[0].school");
  });

  it("reports a change that breaks a rule between fields as a problem of the changed district", () => {
    const { problems, district } = apply([{ kind: "school", school: "WZ12", set: { classes: 0 } }]);
    expect(district).toBeUndefined();
    expect(problems[0]?.field).toBe(`schools[${WUZHEN.schools.findIndex((s) => s.code === "WZ12")}].classes`);
    expect(problems[0]?.message).toContain("应用场景「场景」后");
  });

  it("names a path the district does not have", () => {
    const { problems } = apply([{ kind: "set", path: "fiscal.future.appropriation", value: 1 }]);
    expect(problems[0]?.field).toBe("changes[0].path");
  });
});

describe("parseScenario", () => {
  it("names an unknown kind of change and lists the kinds it accepts", () => {
    const { problems } = parseScenario({ name: "x", changes: [{ kind: "weather" }] }, "s.json");
    expect(problems).toEqual([
      expect.objectContaining({
        field: "changes[0].kind",
        accepts: "mergerYear/policy/revenueGrowth/school/set",
      }),
    ]);
  });

  it("asks for a name and at least one change", () => {
    const { problems } = parseScenario({ name: " ", changes: [] }, "s.json");
    expect(problems.map((p) => p.field)).toEqual(["name", "changes"]);
  });

  it("takes a merger's year either as a calendar year or as the year of the term, not both", () => {
    const { problems } = parseScenario(
      { name: "x", changes: [{ kind: "mergerYear", merger: "m", year: 2005, termYear: 1 }] },
      "s.json",
    );
    expect(problems[0]?.field).toBe("changes[0].year");
    expect(problems[0]?.accepts).toBe("year 或 termYear");
  });

  it("reads a scenario from JSON text and reports text that is not JSON", () => {
    const text = JSON.stringify({ name: "x", changes: [{ kind: "revenueGrowth", rate: 0.05 }] });
    expect(readScenarioJson(`\uFEFF${text}`, "s.json").scenario?.changes).toHaveLength(1);
    expect(readScenarioJson("{ name: x", "s.json").problems[0]).toEqual(
      expect.objectContaining({ file: "s.json", accepts: "JSON" }),
    );
  });
});

describe("docs/examples/scenario.json", () => {
  it("applies to docs/examples/district.json with no problem, each change in place", () => {
    const docs = join(__dirname, "..", "..", "docs", "examples");
    const district = readDistrictJson(
      readFileSync(join(docs, "district.json"), "utf8"),
      "district.json",
    ).district;
    const read = readScenarioJson(readFileSync(join(docs, "scenario.json"), "utf8"), "scenario.json");
    expect(read.problems).toEqual([]);
    if (!district || !read.scenario) throw new Error("the examples do not load");
    const pack = getPack(district.policyPack);
    const result = applyScenario(district, pack, read.scenario, "scenario.json");
    expect(result.problems).toEqual([]);
    expect(result.pack?.values["class_size.primary"].value).toBe(40);
    expect(result.district?.schools.find((s) => s.code === "SL01")?.grades.g1).toBe(140);
    expect(result.district?.fiscal.current.recurringRevenue).toBe(
      Math.round(district.fiscal.prior.recurringRevenue * 105) / 100,
    );
  });
});
