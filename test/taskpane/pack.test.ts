import { packForYear, readPackJson } from "../../src/policy";
import { effectivePack } from "../../src/taskpane/pack";
import { blockedReason, initialState, reducer } from "../../src/taskpane/state";
import { fixtureWith } from "../plan/fixtures";

const districtOf = (budgetYear: number) =>
  fixtureWith((input) => ({ ...input, budgetYear, termEndYear: budgetYear + 3, policyPack: "national" }));

describe("effectivePack", () => {
  it("resolves the chosen pack for the district's budget year", () => {
    const before = effectivePack({ packId: "national", edits: {}, district: districtOf(2015) });
    const after = effectivePack({ packId: "national", edits: {}, district: districtOf(2016) });
    expect(before.year).toBe(2015);
    expect(before.values["public_funds.special"].value).toBe(4000);
    expect(before.values["public_funds.boarder"]).toMatchObject({ value: 0, status: "notInForce" });
    expect(after.values["public_funds.special"].value).toBe(6000);
    expect(after.values["public_funds.boarder"]).toMatchObject({ value: 200, status: "inForce" });
  });

  it("marks an edited value as the user's, in force in the district's year", () => {
    const pack = effectivePack({
      packId: "national",
      edits: { "public_funds.boarder": 300 },
      district: districtOf(2015),
    });
    expect(pack.year).toBe(2015);
    expect(pack.values["public_funds.boarder"]).toMatchObject({
      value: 300,
      origin: "user",
      status: "inForce",
    });
  });
});

describe("effectivePack with a pack file", () => {
  const text = JSON.stringify({
    basedOn: "national",
    values: [{ key: "public_funds.boarder", value: 250, source: "本区文件", fromYear: 2016 }],
  });
  const read = readPackJson(text, "本区.json");
  const packFile = {
    file: "本区.json",
    changed: read.changed,
    problems: read.problems,
    ...(read.pack && { pack: read.pack }),
  };

  it("uses the file's pack, resolved for the district's year, with the user's values marked", () => {
    const pack = effectivePack({ packId: "wuzhen-2004", edits: {}, district: districtOf(2020), packFile });
    expect(pack.basedOn).toBe("national@1.0.0");
    expect(pack.year).toBe(2020);
    expect(pack.values["public_funds.boarder"]).toMatchObject({ value: 250, origin: "user" });
    expect(pack.values["public_funds.special"]).toEqual(
      packForYear("national", 2020).values["public_funds.special"],
    );
  });

  it("applies the pane's edits over the file's pack", () => {
    const pack = effectivePack({
      packId: "national",
      edits: { "nutrition.days": 190 },
      district: districtOf(2020),
      packFile,
    });
    expect(pack.values["nutrition.days"]).toMatchObject({ value: 190, origin: "user" });
    expect(pack.values["public_funds.boarder"].value).toBe(250);
  });

  it("uses the chosen built-in pack when the file has errors (it has no pack)", () => {
    const bad = readPackJson(JSON.stringify({ basedOn: "national", values: [{ key: "x" }] }), "bad.json");
    const pack = effectivePack({
      packId: "national",
      edits: {},
      district: districtOf(2020),
      packFile: { file: "bad.json", changed: [], problems: bad.problems },
    });
    expect(pack).toEqual(packForYear("national", 2020));
  });
});

describe("the wizard with a pack file", () => {
  const district = districtOf(2020);
  const loaded = reducer(initialState(), {
    type: "loaded",
    source: { kind: "file", label: "d.json" },
    district,
    problems: [],
  });
  const atPolicy = { ...loaded, step: "policy" as const };

  it("blocks Next while the pack file has errors, and not once the built-in pack is chosen again", () => {
    const bad = readPackJson(JSON.stringify({ basedOn: "nope", values: [] }), "bad.json");
    const withBad = reducer(atPolicy, {
      type: "packFile",
      file: "bad.json",
      changed: [],
      problems: bad.problems,
    });
    expect(blockedReason(withBad)).toBe("policyPackFileBlocks");
    expect(reducer(withBad, { type: "next" }).step).toBe("policy");
    const cleared = reducer(withBad, { type: "clearPackFile" });
    expect(cleared.packFile).toBeUndefined();
    expect(blockedReason(cleared)).toBeUndefined();
    const chosen = reducer(withBad, { type: "choosePack", packId: "national" });
    expect(chosen.packFile).toBeUndefined();
  });

  it("lets a good pack file through and drops edits made on the previous pack", () => {
    const edited = reducer(atPolicy, { type: "edit", key: "nutrition.days", value: 190 });
    const good = readPackJson(
      JSON.stringify({
        basedOn: "national",
        values: [{ key: "nutrition.days", value: 180, source: "本区", fromYear: 2020 }],
      }),
      "p.json",
    );
    const next = reducer(edited, {
      type: "packFile",
      file: "p.json",
      changed: good.changed,
      problems: good.problems,
      ...(good.pack && { pack: good.pack }),
    });
    expect(next.edits).toEqual({});
    expect(blockedReason(next)).toBeUndefined();
    expect(effectivePack(next).values["nutrition.days"]).toMatchObject({ value: 180, origin: "user" });
    // Starting over keeps the pack file, as it keeps the data and the chosen pack.
    expect(reducer(next, { type: "restart" }).packFile?.file).toBe("p.json");
  });
});
