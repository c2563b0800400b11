import { effectivePack } from "../../src/taskpane/pack";
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
