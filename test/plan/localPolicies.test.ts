/**
 * Each speech's policies reach only its own district's workbook, a district in another year gets none of them, and
 * no cell shows a developer code of the policy reference (those stay in the notes of 参数's names).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { generateDistrict, getSample } from "../../src/district/samples";
import type { District } from "../../src/district/model";
import type { WorkbookPlan } from "../../src/plan/types";
import { itWithShared } from "../support/shared";
import { getPack } from "../../src/policy";
import { planOf } from "./planHelpers";

/** Every text a plan writes in a cell (constants and the values its formulas compute), with its place. */
function texts(plan: WorkbookPlan): { readonly where: string; readonly text: string }[] {
  return plan.sheets.flatMap((sheet) =>
    sheet.blocks.flatMap((block) =>
      block.cells.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          cell !== null && typeof cell.v === "string"
            ? [{ where: `${sheet.name} ${block.anchor}+${r},${c}`, text: cell.v }]
            : [],
        ),
      ),
    ),
  );
}

function containing(plan: WorkbookPlan, needles: readonly (string | RegExp)[]): string[] {
  return texts(plan).flatMap(({ where, text }) =>
    needles
      .filter((n) => (typeof n === "string" ? text.includes(n) : n.test(text)))
      .map((n) => `${where}: ${String(n)} in ${text.slice(0, 80)}`),
  );
}

const CODES = /\bS[12]-\d+|\bI-\d+\b/;
/** Words only speech (一) has, as its district's pack and data quote them. */
const SPEECH_ONE = ["讲话(一)", "确保小学无辍学", "启动学生营养改善计划", "小学无辍学"];
/** Words only speech (二) has. */
const SPEECH_TWO = [
  "讲话(二)",
  "入园(班)率达到90以上",
  "全市80的学校",
  "从今年新学年开始为偏远农村教师发放津贴",
  "要在三年内",
  "教育系统欠款",
  "13644.78",
  "491.6",
];

/** A generated district whose budget year is 2025, on the national rules. */
function generated2025(): District {
  for (let seed = 1; seed < 2000; seed++) {
    const district = generateDistrict(seed, 12);
    if (district.budgetYear === 2025) return district;
  }
  throw new Error("no seed gives a district for 2025");
}

const zhenlai = planOf(getSample("zhenlai"));
const wuzhen = planOf(getSample("wuzhen"));
const other = generated2025();
const otherPlan = planOf(other);

function speechQuotes(shared: string, section: "2.1" | "2.2"): string[] {
  const policies = readFileSync(join(shared, "domain", "policies.md"), "utf8");
  const start = policies.indexOf(`### ${section}`);
  const end = policies.indexOf(section === "2.1" ? "### 2.2" : "## 3. Part A");
  const quotes = [...policies.slice(start, end).matchAll(/「([^」]+)」/g)].map((m) => m[1] ?? "");
  // Quotes of six or more characters: shorter ones (「五镇」) are names, checked with the data they belong to.
  return quotes.filter((q) => q.length >= 6);
}

describe("each district's own policies, and no one else's", () => {
  it("shows no developer code of the policy reference in any cell of either sample or of another district", () => {
    for (const plan of [zhenlai, wuzhen, otherPlan]) expect(containing(plan, [CODES])).toEqual([]);
  });

  it("keeps the item ids in the notes of 参数's names", () => {
    const note = zhenlai.names.find((n) => n.name === "P_dropout_primary")?.comment;
    expect(note).toContain("S1-17");
    expect(wuzhen.names.find((n) => n.name === "P_standardized_target_rate")?.comment).toContain("S2-13");
  });

  it("finds the words it looks for in the workbook of their own district", () => {
    expect(containing(wuzhen, SPEECH_TWO).length).toBeGreaterThan(0);
    expect(containing(zhenlai, SPEECH_ONE).length).toBeGreaterThan(0);
    expect(
      containing(planOf(getSample("zhenlai"), getPack("wuzhen-2004")), SPEECH_TWO).length,
    ).toBeGreaterThan(0);
  });

  it("gives 镇赉 none of speech 二's text, targets or merger deadline", () => {
    expect(containing(zhenlai, SPEECH_TWO)).toEqual([]);
    expect(zhenlai.checks.map((c) => c.id)).not.toContain("schools.standardized");
    expect(zhenlai.checks.some((c) => /^mergers\.\d+\.deadline$/.test(c.id))).toBe(false);
    const schools = texts(zhenlai).filter((t) => t.where.startsWith("学校 "));
    expect(schools.map((t) => t.text)).toContain("本区未设定该项目标 (标准化学校达标率), 只列出达标情况。");
  });

  it("gives the five towns none of speech 一's text: its dropout sheet quotes the limits of its own pack", () => {
    expect(containing(wuzhen, SPEECH_ONE)).toEqual([]);
    const dropout = texts(wuzhen)
      .filter((t) => t.where.startsWith("控辍 "))
      .map((t) => t.text);
    expect(
      dropout.some((t) => t.startsWith("限值来源: ") && t.includes("普及义务教育评估验收暂行办法")),
    ).toBe(true);
  });

  it("quotes speech 一's dropout limit on 镇赉's dropout sheet and speech 二's merger deadline on the five towns'", () => {
    const zDropout = texts(zhenlai)
      .filter((t) => t.where.startsWith("控辍 "))
      .map((t) => t.text);
    expect(zDropout.some((t) => t.includes("讲话(一)「确保小学无辍学,农村初中辍学率控制在3%以内」"))).toBe(
      true,
    );
    const wMergers = texts(wuzhen)
      .filter((t) => t.where.startsWith("布局调整 "))
      .map((t) => t.text);
    expect(wMergers.some((t) => t.startsWith("讲话(二)「要在三年内"))).toBe(true);
    expect(wuzhen.checks.some((c) => /^mergers\.\d+\.deadline$/.test(c.id))).toBe(true);
  });

  it("gives a generated district of 2025 none of either speech's text, numbers, targets or deadlines", () => {
    expect(other.policyPack).toBe("national");
    expect(containing(otherPlan, [...SPEECH_ONE, ...SPEECH_TWO, "讲话", "镇赉", "五镇", "海阳"])).toEqual([]);
    const ids = otherPlan.checks.map((c) => c.id);
    expect(ids).not.toContain("schools.standardized");
    expect(ids.some((id) => /^mergers\.\d+\.deadline$/.test(id))).toBe(false);
    const mergers = texts(otherPlan)
      .filter((t) => t.where.startsWith("布局调整 "))
      .map((t) => t.text);
    expect(other.mergers.length).toBeGreaterThan(0);
    expect(mergers).toContain("本区未设定布局调整完成期限, 不作期限核对。");
  });

  itWithShared(
    "puts each speech's quotes of policies.md §2 only in its own district's workbook",
    (shared) => {
      const one = speechQuotes(shared, "2.1");
      const two = speechQuotes(shared, "2.2");
      expect(one.length).toBeGreaterThan(20);
      expect(two.length).toBeGreaterThan(30);
      expect(containing(zhenlai, two)).toEqual([]);
      expect(containing(wuzhen, one)).toEqual([]);
      expect(containing(otherPlan, [...one, ...two])).toEqual([]);
      // The samples do use their own speech: the check above is not vacuous.
      expect(containing(zhenlai, one).length).toBeGreaterThan(0);
      expect(containing(wuzhen, two).length).toBeGreaterThan(0);
    },
  );
});
