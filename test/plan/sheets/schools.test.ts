import type { District, DistrictInput } from "../../../src/district/model";
import { getSample } from "../../../src/district/samples";
import { STANDARDIZED_TYPES } from "../../../src/plan/sheets/schools";
import { nutritionCost } from "../../../src/domain/allowance";
import { policyName } from "../../../src/policy";
import { packForYear } from "../../../src/policy/packs";
import { loadPlanIntoHyperFormula } from "../../support/hyperformula";
import { context, planOf as sheetsPlanOf, valueAtRef } from "./helpers";
import { isFormulaCell } from "../../../src/plan/types";
import { expectPlanComputes } from "../../support/hyperformula";
import { FIXTURE, FORMULA_LIKE_NAME, fixtureWith } from "../fixtures";
import {
  column,
  columnCells,
  labelled,
  planCell,
  planOf,
  sheetByKey,
  FAIL,
  PASS,
  verdictOf,
} from "../planHelpers";

describe("学校", () => {
  const plan = planOf(FIXTURE);
  const sheet = sheetByKey(plan, "schools");

  it("holds every input as a constant and derives students by level with formulas", () => {
    const grade = columnCells(plan, "tblSchools", "一年级").cells[0] ?? "";
    expect(planCell(sheet, grade)).toEqual({ v: 110 });
    const students = planCell(sheet, columnCells(plan, "tblSchools", "在校生").cells[0] ?? "");
    expect(isFormulaCell(students) && students.f.startsWith("SUM(")).toBe(true);
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblSchools", "小学生")).toEqual([600, 0, 60, 12, 0, 0]);
    expect(column(plan, loaded, "tblSchools", "初中生")).toEqual([0, 450, 41, 0, 0, 575]);
    expect(column(plan, loaded, "tblSchools", "幼儿")).toEqual([0, 0, 0, 0, 195, 0]);
    expect(column(plan, loaded, "tblSchools", "学段")).toEqual([
      "小学",
      "初中",
      "小学+初中",
      "小学",
      "幼儿园",
      "初中+高中",
    ]);
  });

  it("bands class sizes: 50 偏大, 57 大班额, 12 正常", () => {
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblSchools", "班额等级")).toEqual([
      "偏大",
      "大班额",
      "正常",
      "正常",
      "正常",
      "大班额",
    ]);
  });

  it("re-bands when a band threshold is edited in 参数", () => {
    const loaded = expectPlanComputes(plan);
    const name = plan.names.find((n) => n.name === "P_class_band_large_from");
    loaded.setValue("参数", name?.ref.split("!")[1]?.replace(/\$/g, "") ?? "", 58);
    expect(column(plan, loaded, "tblSchools", "班额等级")[1]).toBe("偏大");
  });

  it("leaves class size and band empty for a school without classes", () => {
    const none = planOf(
      fixtureWith((d) => ({ ...d, schools: d.schools.map((s, i) => (i === 0 ? { ...s, classes: 0 } : s)) })),
    );
    const loaded = expectPlanComputes(none);
    expect(column(none, loaded, "tblSchools", "班均人数")[0]).toBe("");
    expect(column(none, loaded, "tblSchools", "班额等级")[0]).toBe("");
  });

  it("writes a name that looks like a formula as text, and codes as text", () => {
    const name = planCell(sheet, columnCells(plan, "tblSchools", "学校名称").cells[2] ?? "");
    expect(name).toEqual({ v: FORMULA_LIKE_NAME });
    const codes = fixtureWith((d) => ({
      ...d,
      schools: d.schools.map((s, i) => (i === 0 ? { ...s, code: "007" } : s)),
    }));
    const loaded = expectPlanComputes(planOf(codes));
    expect(loaded.valueAt(sheet.name, columnCells(plan, "tblSchools", "学校代码").cells[0] ?? "")).toBe(
      "007",
    );
  });

  it("offers drop-down lists for type, area, standardized and remoteness tier, and freezes the header", () => {
    const ranges = (header: string) => {
      const { cells } = columnCells(plan, "tblSchools", header);
      return `${cells[0]}:${cells[cells.length - 1]}`;
    };
    expect(sheet.validations.map((v) => v.range)).toEqual(
      expect.arrayContaining([
        ranges("学校类型"),
        ranges("城乡"),
        ranges("是否达标"),
        ranges("偏远等级(0-3)"),
      ]),
    );
    const header =
      Number((columnCells(plan, "tblSchools", "学校代码").cells[0] ?? "").replace(/^[A-Z]+/, "")) - 1;
    expect(sheet.freeze).toEqual({ rows: header, columns: 2 });
    expect(sheet.print.repeatRows).toBe(`${header}:${header}`);
  });

  it("names the district's region, budget year and term end for other sheets' formulas", () => {
    const loaded = expectPlanComputes(plan);
    for (const [name, label, value] of [
      ["D_region", "地区", "中西部"],
      ["D_budget_year", "预算年度", 2026],
      ["D_term_end_year", "本届政府任期截止", 2030],
    ] as const) {
      const ref = plan.names.find((n) => n.name === name)?.ref;
      expect(ref).toBe(`'学校'!${labelled(sheet, label).replace(/([A-Z]+)(\d+)/, "$$$1$$$2")}`);
      expect(loaded.hf.getNamedExpressionValue(name)).toBe(value);
    }
  });
});

describe("学校: standardized schools (a local target)", () => {
  const standardizedCheck = (district: District) => {
    const plan = planOf(district);
    const check = plan.checks.find((c) => c.id === "schools.standardized");
    if (!check) throw new Error("no standardized-schools check");
    const loaded = expectPlanComputes(plan);
    return { check, computed: loaded.valueAt("学校", check.cell) };
  };

  it("counts wuzhen's 中小学 marked 达标 against the 80 % target when it is due in T, leaving kindergartens out", () => {
    const wuzhen = { ...getSample("wuzhen"), budgetYear: 2006 };
    const counted = wuzhen.schools.filter((s) => STANDARDIZED_TYPES.includes(s.type));
    const met = counted.filter((s) => s.standardized).length;
    const { check, computed } = standardizedCheck(wuzhen);
    expect(check.labelZh).toBe("标准化学校达标率");
    expect(check.detailZh).toContain(`达标 ${met}/${counted.length} 所`);
    expect(computed).toBe(verdictOf(met / counted.length >= 0.8));
    expect(verdictOf(check.pass)).toBe(computed);
  });

  it("checks wuzhen's 2004 against the first third of its 80 % target due in 2006, with the trajectory to 2006", () => {
    const wuzhen = getSample("wuzhen");
    const counted = wuzhen.schools.filter((s) => STANDARDIZED_TYPES.includes(s.type));
    const met = counted.filter((s) => s.standardized).length;
    const firstStep = Math.ceil((0.8 * counted.length) / 3);
    const { check, computed } = standardizedCheck(wuzhen);
    expect(check.detailZh).toContain(`2004年末应达标 ${firstStep} 所, 已达标 ${met}/${counted.length} 所`);
    expect(computed).toBe(verdictOf(met >= firstStep));
    expect(verdictOf(check.pass)).toBe(computed);
    const plan = planOf(wuzhen);
    const loaded = expectPlanComputes(plan);
    expect(column(plan, loaded, "tblStandardizedTrajectory", "年度")).toEqual([2004, 2005, 2006]);
    const required = [1, 2, 3].map((k) => Math.ceil((0.8 * counted.length * k) / 3));
    expect(column(plan, loaded, "tblStandardizedTrajectory", "年末应达标学校数")).toEqual(required);
    expect(column(plan, loaded, "tblStandardizedTrajectory", "尚需达标学校数")).toEqual(
      required.map((r) => Math.max(0, r - met)),
    );
  });

  it("fails the year's step of a target due later when too few schools are standardized", () => {
    const wuzhen = getSample("wuzhen");
    const none = { ...wuzhen, schools: wuzhen.schools.map((s) => ({ ...s, standardized: false })) };
    const { check, computed } = standardizedCheck(none);
    expect(computed).toBe(FAIL);
    expect(check.pass).toBe(false);
  });

  it("passes at exactly 80 % and fails just below, whatever kindergartens are marked", () => {
    const withMet = (n: number) =>
      fixtureWith((input) => ({
        ...input,
        schools: Array.from({ length: 10 }, (_, i) => ({
          ...(input.schools[0] as DistrictInput["schools"][number]),
          code: `S${i}`,
          name: `学校${i}`,
          standardized: i < n,
        })).concat([
          {
            ...(input.schools[0] as DistrictInput["schools"][number]),
            code: "K",
            name: "园",
            type: "幼儿园",
            standardized: true,
          },
        ]),
      }));
    expect(standardizedCheck(withMet(8)).computed).toBe(PASS);
    expect(standardizedCheck(withMet(7)).computed).toBe(FAIL);
    expect(standardizedCheck(withMet(7)).check.detailZh).toContain("达标 7/10 所");
  });
});

describe("学校: standardized schools without a local target", () => {
  it("lists the rate but checks nothing when the district's pack sets no target (speech 一, national rules)", () => {
    const zhenlai = getSample("zhenlai");
    for (const pack of [zhenlai.policyPack, "national"]) {
      const plan = planOf({ ...zhenlai, policyPack: pack });
      expect(plan.checks.map((c) => c.id)).not.toContain("schools.standardized");
      const schools = plan.sheets.find((s) => s.key === "schools");
      const labels = schools?.blocks.flatMap((b) => b.cells.map((line) => line[0]?.v)) ?? [];
      expect(labels).toContain("达标率");
      expect(labels).not.toContain("目标达标率");
    }
  });
});

describe("学校: nutrition plan (S1-27)", () => {
  const ruralCompulsory = (district: District) =>
    district.schools
      .filter((s) => s.area === "农村")
      .reduce(
        (sum, s) => sum + Object.entries(s.grades).reduce((g, [k, n]) => g + (/^g[1-9]$/.test(k) ? n : 0), 0),
        0,
      );

  it("budgets zhenlai's rural compulsory students × 3 元 × 200 days as a line for 汇总", () => {
    const zhenlai = getSample("zhenlai");
    expect(zhenlai.nutritionPlan).toBe(true);
    const built = context(zhenlai);
    const loaded = expectPlanComputes(sheetsPlanOf(built, []));
    const line = built.ctx.budgetLines.find((l) => l.category === "学生营养改善计划");
    const expected = nutritionCost(ruralCompulsory(zhenlai), 3, 200) / 10000;
    expect(ruralCompulsory(zhenlai)).toBeGreaterThan(0);
    expect(line?.amount.value).toBeCloseTo(expected, 9);
    expect(valueAtRef(loaded, line?.amount.ref ?? "")).toBeCloseTo(expected, 9);
  });

  it("follows a daily rate edited in 参数", () => {
    const zhenlai = getSample("zhenlai");
    const built = context(zhenlai);
    const loaded = loadPlanIntoHyperFormula(sheetsPlanOf(built, []));
    const line = built.ctx.budgetLines.find((l) => l.category === "学生营养改善计划");
    const perDay = built.ctx.names.find((n) => n.name === policyName("nutrition.yuan_per_day"));
    const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(perDay?.ref ?? "");
    loaded.setValue("参数", `${m?.[1]}${m?.[2]}`, 5);
    expect(valueAtRef(loaded, line?.amount.ref ?? "")).toBeCloseTo(
      nutritionCost(ruralCompulsory(zhenlai), 5, 200) / 10000,
      9,
    );
  });

  it("adds no nutrition line when the district has no nutrition plan", () => {
    const built = context(getSample("wuzhen"));
    expect(built.ctx.budgetLines.some((l) => l.category === "学生营养改善计划")).toBe(false);
  });
});

describe("学校: classes, classrooms and the 超大班额 line", () => {
  const national = packForYear("national", 2026);

  it("passes when every school has a classroom for each class and no average class reaches 66", () => {
    const built = planOf(FIXTURE, national);
    const loaded = expectPlanComputes(built);
    expect(column(built, loaded, "tblSchools", "班额教室核对")).toEqual(["", "", "", "", "", ""]);
    expect(built.checks.find((c) => c.id === "schools.site")).toMatchObject({ pass: true });
  });

  it("fails naming a school with 9 classes in 8 classrooms and one whose 12 classes average 66 (792 pupils)", () => {
    // S002: 450 junior pupils in 8 classes and 9 rooms → 9 classes in 8 rooms. S001: 792 pupils in 12 classes is
    // exactly 66 per class, the 超大班额 line; 781 would round up to 66 too (65.08 → 66), 780 is 65.
    const district = fixtureWith((d) => ({
      ...d,
      schools: d.schools.map((s, i) =>
        i === 0
          ? { ...s, grades: { ...s.grades, g1: 132, g2: 132, g3: 132, g4: 132, g5: 132, g6: 132 } }
          : i === 1
            ? { ...s, classes: 9, classrooms: 8 }
            : s,
      ),
    }));
    const built = planOf(district, national);
    const loaded = expectPlanComputes(built);
    const flags = column(built, loaded, "tblSchools", "班额教室核对");
    expect(flags.slice(0, 2)).toEqual(["超大班额", "班数超过教室数"]);
    const check = built.checks.find((c) => c.id === "schools.site");
    expect(check?.pass).toBe(false);
    expect(check?.detailZh).toBe(
      `2 所学校: ${district.schools[0]?.name}(超大班额)、${district.schools[1]?.name}(班数超过教室数)`,
    );
    const sheet = sheetByKey(built, "schools");
    expect(loaded.valueAt(sheet.name, labelled(sheet, "班数不超过教室数"))).toBe(FAIL);
  });

  it("flags a school live when its classrooms are edited below its classes on 学校", () => {
    const built = planOf(FIXTURE, national);
    const loaded = expectPlanComputes(built);
    const { sheet, cells } = columnCells(built, "tblSchools", "教室数");
    loaded.setValue(sheet, cells[2] ?? "", 8);
    expect(column(built, loaded, "tblSchools", "班额教室核对")[2]).toBe("班数超过教室数");
    const schools = sheetByKey(built, "schools");
    expect(loaded.valueAt(schools.name, labelled(schools, "班数不超过教室数"))).toBe(FAIL);
  });

  it("checks only the classrooms in a year before the class-band rule (2016) unless the user applies it", () => {
    const district = fixtureWith((d) => ({
      ...d,
      budgetYear: 2010,
      schools: d.schools.map((s, i) =>
        i === 0 ? { ...s, grades: { ...s.grades, g1: 132, g2: 132, g3: 132, g4: 132, g5: 132, g6: 132 } } : s,
      ),
    }));
    const built = planOf(district, packForYear("national", 2010));
    const loaded = expectPlanComputes(built);
    expect(column(built, loaded, "tblSchools", "班额教室核对")[0]).toBe("");
    expect(built.checks.find((c) => c.id === "schools.site")?.pass).toBe(true);
  });
});
