import { dropoutCheck } from "../../../src/domain/dropout";
import { getPack } from "../../../src/policy/packs";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE } from "../fixtures";
import { column, columnCells, labelled, planOf, sheetByKey } from "../planHelpers";

describe("控辍", () => {
  const plan = planOf(FIXTURE);

  it("lists schools with a prior enrollment and a level that has a limit, not the kindergarten", () => {
    expect(column(plan, expectPlanComputes(plan), "tblDropout", "学校代码")).toEqual([
      "S001",
      "S002",
      "S003",
      "S004",
      "S006",
    ]);
  });

  it("flags a town junior school at 3.9 % against its 3 % limit for a warning, and counts it", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblDropout", "辍学率")[1]).toBeCloseTo(18 / 460, 12);
    expect(column(plan, loaded, "tblDropout", "限值")[1]).toBe(0.03);
    expect(column(plan, loaded, "tblDropout", "督导警告")).toEqual(["", "警告", "", "", ""]);
    const sheet = sheetByKey(plan, "dropout");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "需警告学校数"))).toBe(1);
    const check = plan.checks.find((c) => c.id === "dropout.allWithin");
    expect(check).toMatchObject({ pass: false, detailZh: "1 所学校超限, 需警告: 河口中学" });
  });

  it("names at most 20 of the schools over the limit in the check's detail, and counts them all", () => {
    const failing = FIXTURE.schools.find((s) => s.name === "河口中学")!;
    const copies = Array.from({ length: 60 }, (_, i) => ({
      ...failing,
      code: `X${i}`,
      name: `河口中学${i}分校`,
    }));
    const many = planOf({ ...FIXTURE, schools: [...FIXTURE.schools, ...copies] });
    const check = many.checks.find((c) => c.id === "dropout.allWithin");
    const named = ["河口中学", ...copies.slice(0, 19).map((c) => c.name)];
    expect(check?.detailZh).toBe(`61 所学校超限, 需警告: ${named.join("、")} 等 (共 61 个)`);
    expect(check?.detailEn).toBe(`61 schools over the limit, to warn: ${named.join(", ")} and 41 more`);
    expect(check?.items?.filter((item) => !item.pass)).toHaveLength(61);
  });

  it("holds a nine-year school to the stricter of its primary and junior limits", () => {
    const zhenlai = planOf(FIXTURE, getPack("zhenlai-2012"));
    const loaded = expectPlanComputes(zhenlai);
    // 小学无辍学 (S1-17): the limit is 0, so one dropout of 105 fails.
    expect(column(zhenlai, loaded, "tblDropout", "限值")[2]).toBe(0);
    expect(column(zhenlai, loaded, "tblDropout", "是否达标")[2]).toBe(false);
  });

  it("adds a school to the warning list when its dropouts are edited on 学校", () => {
    const loaded = expectPlanComputes(plan);
    const { sheet, cells } = columnCells(plan, "tblSchools", "上学年辍学学生数");
    loaded.setValue(sheet, cells[0] ?? "", 10);
    expect(column(plan, loaded, "tblDropout", "督导警告")[0]).toBe("警告");
    const dropout = sheetByKey(plan, "dropout");
    expect(loaded.valueAt(dropout.name, labelled(dropout, "需警告学校数"))).toBe(2);
    expect(loaded.valueAt(dropout.name, labelled(dropout, "全部学校"))).toBe(false);
  });

  it("does not warn a school whose start-of-year enrollment is edited to 0 (nobody could drop out)", () => {
    const loaded = expectPlanComputes(plan);
    const start = columnCells(plan, "tblSchools", "上学年初在校生数");
    const dropouts = columnCells(plan, "tblSchools", "上学年辍学学生数");
    loaded.setValue(dropouts.sheet, dropouts.cells[1] ?? "", 0);
    loaded.setValue(start.sheet, start.cells[1] ?? "", 0);
    expect(column(plan, loaded, "tblDropout", "是否达标")[1]).toBe(true);
    expect(column(plan, loaded, "tblDropout", "督导警告")[1]).toBe("");
  });

  it("gives one sub-result per school checked that matches dropoutCheck on its rate and limit", () => {
    const loaded = expectPlanComputes(plan);
    const check = plan.checks.find((c) => c.id === "dropout.allWithin");
    const codes = column(plan, loaded, "tblDropout", "学校代码");
    const limits = column(plan, loaded, "tblDropout", "限值");
    const schools = codes.map((code) => FIXTURE.schools.find((s) => s.code === code));
    expect(check?.items?.map((item) => item.labelZh)).toEqual(
      schools.map((school) => `${school?.code} ${school?.name}`),
    );
    expect(check?.items?.map((item) => item.pass)).toEqual(
      schools.map((school, i) =>
        dropoutCheck(school?.prevStartEnrollment ?? 0, school?.prevDropouts ?? 0, Number(limits[i])),
      ),
    );
    expect(check?.items?.[1]).toMatchObject({
      pass: false,
      detailZh: "辍学率 3.91% > 限值 3.00%",
      detailEn: "dropout rate 3.91% > limit 3.00%",
    });
  });
});
