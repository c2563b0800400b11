import { POLICY_KEYS } from "../../../src/policy/types";
import { getPack, policyName } from "../../../src/policy/packs";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE } from "../fixtures";
import { column, planOf, sheetByKey } from "../planHelpers";

describe("参数", () => {
  const pack = getPack("zhenlai-2012");
  const plan = planOf(FIXTURE, pack);

  it("has one row per policy key with its label, value, unit, source and first year", () => {
    const loaded = expectPlanComputes(plan);
    // One row per key in key order: each row's workbook name is its key's, and the key is in the name's note.
    expect(column(plan, loaded, "tblParameters", "工作簿名称 Name")).toEqual(
      POLICY_KEYS.map((k) => policyName(k)),
    );
    expect(
      POLICY_KEYS.every((k) => plan.names.find((n) => n.name === policyName(k))?.comment?.includes(k)),
    ).toBe(true);
    expect(column(plan, loaded, "tblParameters", "值")).toEqual(POLICY_KEYS.map((k) => pack.values[k].value));
    expect(column(plan, loaded, "tblParameters", "来源")).toEqual(
      POLICY_KEYS.map((k) => pack.values[k].source),
    );
    expect(column(plan, loaded, "tblParameters", "起始年份")).toEqual(
      // A key not in force in the pack's year has no first year in force (its note says when it starts).
      POLICY_KEYS.map((k) => (pack.values[k].status === "notInForce" ? null : pack.values[k].fromYear)),
    );
  });

  it("makes every value a workbook name that resolves to the pack's value", () => {
    const loaded = expectPlanComputes(plan);
    for (const key of POLICY_KEYS)
      expect(loaded.hf.getNamedExpressionValue(policyName(key))).toBe(pack.values[key].value);
  });

  it("states the pack id and version at the top", () => {
    const sheet = sheetByKey(plan, "parameters");
    const top = sheet.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.v);
    expect(top).toEqual(expect.arrayContaining(["zhenlai-2012", "1.0.0", "national@1.0.0"]));
  });
});
