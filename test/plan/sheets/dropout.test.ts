import { dropoutCheck } from "../../../src/domain/dropout";
import type { District, DistrictInput } from "../../../src/district/model";
import { validateDistrict } from "../../../src/district/validate";
import { getPack, packForYear } from "../../../src/policy/packs";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, FIXTURE_INPUT, FORMULA_LIKE_NAME } from "../fixtures";
import { column, columnCells, labelled, planOf, sheetByKey, FAIL, PASS } from "../planHelpers";

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
    expect(column(zhenlai, loaded, "tblDropout", "是否达标")[2]).toBe(FAIL);
  });

  it("adds a school to the warning list when its dropouts are edited on 学校", () => {
    const loaded = expectPlanComputes(plan);
    const { sheet, cells } = columnCells(plan, "tblSchools", "上学年辍学学生数");
    loaded.setValue(sheet, cells[0] ?? "", 10);
    expect(column(plan, loaded, "tblDropout", "督导警告")[0]).toBe("警告");
    const dropout = sheetByKey(plan, "dropout");
    expect(loaded.valueAt(dropout.name, labelled(dropout, "需警告学校数"))).toBe(2);
    expect(loaded.valueAt(dropout.name, labelled(dropout, "全部学校"))).toBe(FAIL);
  });

  it("does not warn a school whose start-of-year enrollment is edited to 0 (nobody could drop out)", () => {
    const loaded = expectPlanComputes(plan);
    const start = columnCells(plan, "tblSchools", "上学年初在校生数");
    const dropouts = columnCells(plan, "tblSchools", "上学年辍学学生数");
    loaded.setValue(dropouts.sheet, dropouts.cells[1] ?? "", 0);
    loaded.setValue(start.sheet, start.cells[1] ?? "", 0);
    expect(column(plan, loaded, "tblDropout", "是否达标")[1]).toBe(PASS);
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

describe("控辍: schools that teach two levels", () => {
  const national = packForYear("national", 2026);
  /** The fixture with the nine-year school S003 (rural) giving its dropouts per level, validated as a reader would. */
  const nineYear = (levels: DistrictInput["schools"][number]["levels"]): District => {
    const input = structuredClone(FIXTURE_INPUT);
    input.schools = input.schools.map((s) =>
      s.code === "S003" ? { ...s, prevStartEnrollment: 0, prevDropouts: 0, levels } : s,
    );
    const result = validateDistrict(input, { file: "test" });
    if (!result.district) throw new Error(JSON.stringify(result.problems));
    return result.district;
  };
  const rowsOf = (district: District) => {
    const plan = planOf(district, national);
    const loaded = expectPlanComputes(plan);
    const get = (header: string) => column(plan, loaded, "tblDropout", header);
    const codes = get("学校代码");
    const pick = (header: string) => get(header).filter((_, i) => codes[i] === "S003");
    return {
      plan,
      level: pick("学段"),
      start: pick("上学年初在校生数"),
      dropouts: pick("辍学学生数"),
      rate: pick("辍学率"),
      limit: pick("限值"),
      pass: pick("是否达标"),
    };
  };

  it("gives a nine-year school one row per level, each with its own rate, limit and verdict", () => {
    // 小学: 0 of 80 = 0 % ≤ 1 % (national primary limit); 初中 (农村): 1 of 25 = 4 % > 3 % (rural junior limit).
    const rows = rowsOf(
      nineYear({
        primary: { prevStartEnrollment: 80, prevDropouts: 0 },
        junior: { prevStartEnrollment: 25, prevDropouts: 1 },
      }),
    );
    expect(rows.level).toEqual(["小学", "初中"]);
    expect(rows.start).toEqual([80, 25]);
    expect(rows.dropouts).toEqual([0, 1]);
    expect(rows.rate[0]).toBe(0);
    expect(rows.rate[1]).toBeCloseTo(0.04, 12);
    expect(rows.limit).toEqual([0.01, 0.03]);
    expect(rows.pass).toEqual([PASS, FAIL]);
    const check = rows.plan.checks.find((c) => c.id === "dropout.allWithin");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toContain(`${FORMULA_LIKE_NAME}(初中)`);
    expect(check?.items?.filter((i) => i.labelZh.startsWith("S003")).map((i) => i.detailZh)).toEqual([
      "辍学率 0.00% ≤ 限值 1.00%",
      "辍学率 4.00% > 限值 3.00%",
    ]);
  });

  it("finds the junior section over its limit that the school's combined rate would hide", () => {
    // Combined, 1 of 105 = 0.95 % is within the stricter limit of 1 %; the junior section alone is at 4 %.
    expect(dropoutCheck(105, 1, 0.01)).toBe(true);
    const rows = rowsOf(
      nineYear({
        primary: { prevStartEnrollment: 80, prevDropouts: 0 },
        junior: { prevStartEnrollment: 25, prevDropouts: 1 },
      }),
    );
    expect(rows.pass).toEqual([PASS, FAIL]);
  });

  it("fails the primary section of a nine-year school at 1 of 60 (1.67 %) while its junior section passes", () => {
    const rows = rowsOf(
      nineYear({
        primary: { prevStartEnrollment: 60, prevDropouts: 1 },
        junior: { prevStartEnrollment: 45, prevDropouts: 1 },
      }),
    );
    expect(rows.rate[0]).toBeCloseTo(1 / 60, 12);
    expect(rows.rate[1]).toBeCloseTo(1 / 45, 12);
    expect(rows.limit).toEqual([0.01, 0.03]);
    expect(rows.pass).toEqual([FAIL, PASS]);
  });

  it("fills the school's plain start enrollment and dropouts on 学校 with the sums of its levels", () => {
    const district = nineYear({
      primary: { prevStartEnrollment: 60, prevDropouts: 1 },
      junior: { prevStartEnrollment: 45, prevDropouts: 2 },
    });
    const school = district.schools.find((s) => s.code === "S003");
    expect(school).toMatchObject({ prevStartEnrollment: 105, prevDropouts: 3 });
    const plan = planOf(district, national);
    const loaded = expectPlanComputes(plan);
    const index = district.schools.indexOf(school!);
    expect(column(plan, loaded, "tblSchools", "上学年初初中在校生数")[index]).toBe(45);
    expect(column(plan, loaded, "tblSchools", "上学年初中辍学学生数")[index]).toBe(2);
  });

  it("re-checks a level live when its dropouts are edited on 学校", () => {
    const district = nineYear({
      primary: { prevStartEnrollment: 60, prevDropouts: 0 },
      junior: { prevStartEnrollment: 45, prevDropouts: 1 },
    });
    const plan = planOf(district, national);
    const loaded = expectPlanComputes(plan);
    const index = district.schools.findIndex((s) => s.code === "S003");
    const { sheet, cells } = columnCells(plan, "tblSchools", "上学年初中辍学学生数");
    loaded.setValue(sheet, cells[index] ?? "", 2);
    const codes = column(plan, loaded, "tblDropout", "学校代码");
    const pass = column(plan, loaded, "tblDropout", "是否达标").filter((_, i) => codes[i] === "S003");
    expect(pass).toEqual([PASS, FAIL]);
  });

  it("keeps reading a nine-year school that gives only the plain fields, by the stricter of its limits", () => {
    const rows = rowsOf(FIXTURE);
    expect(rows.level).toEqual(["小学+初中"]);
    expect(rows.limit).toEqual([0.01]);
  });

  it("refuses dropouts per level for a level the school's type does not teach, and sums that differ", () => {
    const input = structuredClone(FIXTURE_INPUT);
    input.schools = input.schools.map((s) =>
      s.code === "S003"
        ? {
            ...s,
            prevStartEnrollment: 100,
            levels: {
              primary: { prevStartEnrollment: 60 },
              senior: { prevStartEnrollment: 40 },
              junior: { prevStartEnrollment: 30, prevDropouts: 31 },
            },
          }
        : s,
    );
    const problems = validateDistrict(input, { file: "test" }).problems.map((p) => p.field);
    const index = input.schools.findIndex((s) => s.code === "S003");
    expect(problems).toEqual(
      expect.arrayContaining([
        `schools[${index}].levels.senior`,
        `schools[${index}].levels.junior.prevDropouts`,
        `schools[${index}].prevStartEnrollment`,
      ]),
    );
  });
});

describe("控辍: a twelve-year school", () => {
  const national = packForYear("national", 2026);
  const twelve = (levels?: DistrictInput["schools"][number]["levels"]): District => {
    const input = structuredClone(FIXTURE_INPUT);
    input.schools = input.schools.map((s) =>
      s.code === "S003"
        ? {
            ...s,
            type: "十二年一贯制",
            grades: { ...s.grades, g10: 10, g11: 10, g12: 10 },
            ...(levels ? { prevStartEnrollment: 0, prevDropouts: 0, levels } : {}),
          }
        : s,
    );
    const result = validateDistrict(input, { file: "test" });
    if (!result.district) throw new Error(JSON.stringify(result.problems));
    return result.district;
  };
  const rows = (district: District, header: string) => {
    const plan = planOf(district, national);
    const loaded = expectPlanComputes(plan);
    const codes = column(plan, loaded, "tblDropout", "学校代码");
    return column(plan, loaded, "tblDropout", header).filter((_, i) => codes[i] === "S003");
  };

  it("checks its primary and junior sections, each at its limit, and leaves its senior section (no limit) out", () => {
    const district = twelve({
      primary: { prevStartEnrollment: 60, prevDropouts: 0 },
      junior: { prevStartEnrollment: 41, prevDropouts: 2 },
      senior: { prevStartEnrollment: 30, prevDropouts: 3 },
    });
    expect(rows(district, "学段")).toEqual(["小学", "初中"]);
    expect(rows(district, "限值")).toEqual([0.01, 0.03]);
    // 初中: 2 of 41 = 4.88 % > 3 %.
    expect(rows(district, "是否达标")).toEqual([PASS, FAIL]);
  });

  it("holds one that gives only the plain fields to the stricter of its limits, as 小学+初中+高中", () => {
    const district = twelve();
    expect(rows(district, "学段")).toEqual(["小学+初中+高中"]);
    expect(rows(district, "限值")).toEqual([0.01]);
  });
});
