/**
 * The layering is enforced by lint, not only written down: ESLint's `ESLint` class with the project's own
 * eslint.config.mjs lints probe sources given virtual paths inside the folder being probed (lintText: nothing is
 * written into src/). Each forbidden import or global fails with the layering rule's message; each allowed neighbour
 * passes, so a rule that matched everything would fail here too.
 *
 * ESLint loads eslint.config.mjs with a dynamic import(), which jest's module sandbox refuses without
 * --experimental-vm-modules, so the probes are linted in one plain Node process.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

interface Finding {
  readonly rule: string | null;
  readonly message: string;
}

const LINT_PROBES = `
const { ESLint } = require("eslint");
const path = require("path");
const probes = JSON.parse(require("fs").readFileSync(0, "utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const findings = [];
  for (const probe of probes) {
    const results = await eslint.lintText(probe.source, {
      filePath: path.join(process.cwd(), probe.file),
      warnIgnored: true,
    });
    findings.push(results.flatMap((r) => r.messages.map((m) => ({ rule: m.ruleId, message: m.message }))));
  }
  process.stdout.write(JSON.stringify(findings));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

/** What ESLint reports for each probe, in order. */
function lintAll(probes: readonly { readonly file: string; readonly source: string }[]): Finding[][] {
  const run = spawnSync(process.execPath, ["-e", LINT_PROBES], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`ESLint could not lint the probes:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Finding[][];
}

/** A module that imports `specifier` and uses what it imported, so nothing but the import can be wrong with it. */
const importing = (specifier: string) => `import * as probe from "${specifier}";\nexport { probe };\n`;

interface Probe {
  readonly file: string;
  readonly source: string;
  readonly rule: "no-restricted-imports" | "no-restricted-globals" | "no-restricted-syntax";
  /** A phrase of the layering rule's own message (so a broader rule firing instead does not count). */
  readonly says: string;
}

const DOMAIN = "src/domain is the bottom layer";
const WRITER = "A writer renders a WorkbookPlan";
const NO_FS = "The xlsx writer returns bytes";
const FUNCTIONS = "Custom functions compute one rule";
const CLI = "The CLI runs in Node";
const OFFICE = "exists only inside Excel";
const OFFICE_SYNTAX = "Excel, Office and CustomFunctions exist only inside Excel";
const PURE = "The pure core does no I/O";

const imports = (file: string, says: string, specifiers: readonly string[]): Probe[] =>
  specifiers.map((specifier) => ({
    file,
    source: importing(specifier),
    rule: "no-restricted-imports",
    says,
  }));

/** import() escapes no-restricted-imports: the same layering holds for it. */
const dynamic = (file: string, says: string, specifiers: readonly string[]): Probe[] =>
  specifiers.map((specifier) => ({
    file,
    source: `export const probe = () => import("${specifier}");\n`,
    rule: "no-restricted-syntax",
    says,
  }));

const FORBIDDEN: readonly Probe[] = [
  {
    file: "src/domain/__probe__.ts",
    source: 'import type { WorkbookPlan } from "../plan/types";\nexport type Probe = WorkbookPlan;\n',
    rule: "no-restricted-imports",
    says: DOMAIN,
  },
  // The domain's own block keeps the pure core's rules.
  ...imports("src/domain/__probe__.ts", PURE, ["fs", "path"]),
  ...imports("src/domain/__probe__.ts", DOMAIN, [
    "../plan/types",
    "../plan",
    "../district/model",
    "../district",
  ]),
  ...imports("src/domain/__probe__.ts", DOMAIN, ["../budget/codes", "../budget"]),
  // The budget model is pure like the domain.
  ...imports("src/budget/__probe__.ts", PURE, ["fs", "path"]),
  ...imports("src/writers/xlsx/__probe__.ts", WRITER, [
    "../../domain/growth",
    "../../district/model",
    "../../district",
    "../../policy",
    "../../policy/packs",
  ]),
  ...imports("src/writers/officejs/__probe__.ts", WRITER, [
    "../../domain/growth",
    "../../district",
    "../../policy/types",
  ]),
  ...imports("src/writers/xlsx/__probe__.ts", NO_FS, ["fs", "node:fs", "fs/promises", "node:fs/promises"]),
  ...imports("src/functions/__probe__.ts", FUNCTIONS, [
    "../plan/build",
    "../plan",
    "../district/model",
    "../district",
  ]),
  ...imports("src/cli/__probe__.ts", CLI, [
    "../taskpane/state",
    "../taskpane",
    "../writers/officejs",
    "../writers/officejs/writeWorkbookPlan",
  ]),
  ...["Excel.run(async () => undefined)", "Office.onReady()", 'CustomFunctions.associate("X", () => 1)'].map(
    (call): Probe => ({
      file: "src/cli/__probe__.ts",
      source: `export const probe = () => ${call};\n`,
      rule: "no-restricted-globals",
      says: OFFICE,
    }),
  ),
  ...[
    "export type Probe = Excel.Range;",
    "export type Probe = typeof Office;",
    "export const probe = globalThis.Excel;",
  ].map((source): Probe => ({
    file: "src/cli/__probe__.ts",
    source: `${source}\n`,
    rule: "no-restricted-syntax",
    says: OFFICE_SYNTAX,
  })),
  ...dynamic("src/domain/__probe__.ts", DOMAIN, ["../plan/build", "../district", "../budget/codes"]),
  ...dynamic("src/writers/xlsx/__probe__.ts", NO_FS, ["fs", "node:fs/promises"]),
  ...dynamic("src/writers/xlsx/__probe__.ts", WRITER, ["../../domain/growth", "../../policy"]),
  ...dynamic("src/writers/officejs/__probe__.ts", WRITER, ["../../district/model"]),
  ...dynamic("src/functions/__probe__.ts", FUNCTIONS, ["../plan/build", "../district"]),
  ...dynamic("src/cli/__probe__.ts", CLI, ["../taskpane/state", "../writers/officejs"]),
];

/** The neighbours each layer may use: the same probes pass with these. */
const ALLOWED: readonly { readonly file: string; readonly source: string }[] = [
  { file: "src/domain/__probe__.ts", source: importing("../policy/types") },
  { file: "src/domain/__probe__.ts", source: importing("./growth") },
  { file: "src/budget/__probe__.ts", source: importing("../domain/levels") },
  { file: "src/functions/__probe__.ts", source: importing("../budget/codes") },
  { file: "src/writers/xlsx/__probe__.ts", source: importing("../../plan/types") },
  { file: "src/writers/xlsx/__probe__.ts", source: importing("exceljs") },
  { file: "src/writers/officejs/__probe__.ts", source: importing("../../plan/address") },
  { file: "src/functions/__probe__.ts", source: importing("../domain/growth") },
  { file: "src/functions/__probe__.ts", source: importing("../policy/packs") },
  { file: "src/cli/__probe__.ts", source: importing("../writers/xlsx") },
  { file: "src/cli/__probe__.ts", source: importing("../plan/build") },
  { file: "src/cli/__probe__.ts", source: importing("fs/promises") },
  { file: "src/cli/__probe__.ts", source: 'export const probe = () => import("../writers/xlsx");\n' },
  // The pane loads the Office.js writer on demand.
  {
    file: "src/taskpane/__probe__.ts",
    source: 'export const probe = () => import("../writers/officejs");\n',
  },
  // A local binding that happens to be called Excel is not Office's global.
  {
    file: "src/cli/__probe__.ts",
    source: "const Excel = { run: () => 1 };\nexport const probe = Excel.run();\n",
  },
];

describe("lint enforces the layering", () => {
  const probes = [...FORBIDDEN, ...ALLOWED];
  const found = new Map<(typeof probes)[number], Finding[]>();
  beforeAll(() => {
    const findings = lintAll(probes);
    if (findings.length !== probes.length)
      throw new Error(`ESLint reported on ${findings.length} of ${probes.length} probes`);
    probes.forEach((probe, index) => found.set(probe, findings[index] as Finding[]));
  });

  it("probes only virtual files: none of them exists in src/", () => {
    const files = new Set([...FORBIDDEN, ...ALLOWED].map((probe) => probe.file));
    expect([...files].filter((file) => existsSync(join(ROOT, file)))).toEqual([]);
  });

  it.each(FORBIDDEN.map((probe) => [probe.file, probe.source.split("\n")[0] ?? "", probe] as const))(
    "rejects in %s: %s",
    (_file, _line, probe) => {
      const findings = found.get(probe);
      expect(findings).toBeDefined();
      expect(findings?.map((finding) => finding.rule)).toEqual([probe.rule]);
      expect(findings?.[0]?.message).toContain(probe.says);
    },
  );

  it.each(ALLOWED.map((probe) => [probe.file, probe.source.split("\n")[0] ?? "", probe] as const))(
    "allows in %s: %s",
    (_file, _line, probe) => {
      expect(found.get(probe)).toEqual([]);
    },
  );
});
