/**
 * The workbook a bureau prints and sends speaks to its readers: no cell shows a developer's code. Not an item id of
 * the policy reference (S2-14, I-3), not a function id (THREE_GROWTH), not a path into the input model
 * (schools.2.grades) and not a policy key (staff_ratio.junior). Those stay in the function help and in the notes of
 * 参数's workbook names. Checked over every text the plan puts on a page: cells (constants and computed values),
 * table headers, page headers and footers, and chart titles, for both samples in every workbook language.
 */
import { getSample } from "../../src/district/samples";
import { FUNCTION_TEXTS } from "../../src/functions/i18n";
import { getPack, policyName } from "../../src/policy/packs";
import { POLICY_KEYS } from "../../src/policy/types";
import { buildWorkbookPlan } from "../../src/plan/build";
import type { WorkbookPlan } from "../../src/plan/types";
import type { WorkbookLanguage } from "../../src/plan/verdict";
import { OPTIONS } from "./planHelpers";

const FUNCTION_IDS = Object.keys(FUNCTION_TEXTS);

/** What a developer's code looks like, by kind. */
const CODES: readonly { readonly kind: string; readonly pattern: RegExp }[] = [
  { kind: "policy item id", pattern: /(?<![A-Za-z0-9])S\d-\d+/ },
  { kind: "input item id", pattern: /(?<![A-Za-z0-9])I-\d+/ },
  {
    kind: "function id",
    pattern: new RegExp(`(?<![A-Za-z0-9_.])(?:EDU\\.)?(?:${FUNCTION_IDS.join("|")})(?![A-Za-z0-9_])`),
  },
  {
    kind: "model path",
    pattern: /(?<![A-Za-z0-9_])[a-z][A-Za-z]*(?:\.\d+)+(?:\.[A-Za-z]+)*|[a-z]\w*\[\d+\]/,
  },
  {
    kind: "policy key",
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])(?:${POLICY_KEYS.map((k) => k.replace(/\./g, "\\.")).join("|")})(?![A-Za-z0-9_])`,
    ),
  },
];

/** Every text a reader sees on the plan's pages, with where it is. */
function pageTexts(plan: WorkbookPlan): { readonly where: string; readonly text: string }[] {
  return plan.sheets.flatMap((sheet) => {
    const cells = sheet.blocks.flatMap((block) =>
      block.cells.flatMap((line, r) =>
        line.flatMap((cell, c) =>
          cell !== null && typeof cell.v === "string"
            ? [{ where: `${sheet.name}!${block.anchor}+(${r},${c})`, text: cell.v }]
            : [],
        ),
      ),
    );
    const headers = sheet.tables.flatMap((table) =>
      table.columns.map((column) => ({ where: `${sheet.name} ${table.name} header`, text: column.name })),
    );
    const page = [sheet.print.header, sheet.print.footer].flatMap((part) =>
      part
        ? [part.left, part.center, part.right].flatMap((text) =>
            text ? [{ where: `${sheet.name} page`, text }] : [],
          )
        : [],
    );
    const charts = sheet.charts.flatMap((chart) => [
      { where: `${sheet.name} chart`, text: chart.title },
      ...chart.series.map((series) => ({ where: `${sheet.name} chart series`, text: series.name })),
    ]);
    return [...cells, ...headers, ...page, ...charts];
  });
}

function codesIn(plan: WorkbookPlan): string[] {
  return pageTexts(plan).flatMap(({ where, text }) =>
    CODES.flatMap(({ kind, pattern }) => {
      const match = pattern.exec(text);
      return match ? [`${where}: ${kind} «${match[0]}» in «${text.slice(0, 80)}»`] : [];
    }),
  );
}

const LANGUAGES: readonly WorkbookLanguage[] = ["zh", "en", "both"];

describe("no developer codes in cells", () => {
  it("knows the codes it looks for: one of each kind is found in a sentence", () => {
    const found = (text: string) => CODES.filter(({ pattern }) => pattern.test(text)).map((c) => c.kind);
    expect(found("见 S2-14")).toEqual(["policy item id"]);
    expect(found("(I-3)")).toEqual(["input item id"]);
    expect(found("三个增长 THREE_GROWTH")).toEqual(["function id"]);
    expect(found("=EDU.DROPOUT_CHECK(A1)")).toEqual(["function id"]);
    expect(found("schools.2.grades")).toEqual(["model path"]);
    expect(found("schools[2]")).toEqual(["model path"]);
    expect(found("键 staff_ratio.junior")).toEqual(["policy key"]);
    expect(found("达到三个增长, 生均 1,234.50 元; 第 2.5 项; 2026.1 版")).toEqual([]);
  });

  it.each(
    ["zhenlai", "wuzhen"].flatMap((sample) => LANGUAGES.map((language) => [sample, language] as const)),
  )("shows none in the %s sample's workbook in language %s", (sample, language) => {
    const district = getSample(sample);
    const plan = buildWorkbookPlan(district, getPack(district.policyPack), { ...OPTIONS, language });
    expect(codesIn(plan)).toEqual([]);
  });

  it("keeps each policy key in the note of its workbook name on 参数", () => {
    const district = getSample("zhenlai");
    const plan = buildWorkbookPlan(district, getPack(district.policyPack), OPTIONS);
    for (const key of POLICY_KEYS) {
      const name = plan.names.find((n) => n.name === policyName(key));
      expect(name?.ref).toMatch(/^'参数'!/);
      expect(name?.comment).toContain(key);
    }
  });
});
