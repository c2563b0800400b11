/**
 * District + policy pack → WorkbookPlan. Sheets are built in dependency order (参数 and 学校 first because every
 * other sheet refers to them, 汇总 after the sheets whose totals it sums, 目录 last because it lists every check),
 * and placed in SHEET_ORDER with 目录 first.
 */
import type { District } from "../district/model";
import { policyName } from "../policy/packs";
import type { PolicyKey, PolicyPack } from "../policy/types";
import {
  SHEET_NAMES,
  SHEET_ORDER,
  type BuildContext,
  type BuildOptions,
  type Reconciliation,
  type SheetBuilderFn,
  type SheetKey,
} from "./context";
import { buildBalanceSheet } from "./sheets/balance";
import { buildContents } from "./sheets/contents";
import { buildDebtSheet } from "./sheets/debt";
import { buildDropout } from "./sheets/dropout";
import { buildMergersSheet } from "./sheets/mergers";
import { buildProjectsSheet } from "./sheets/projects";
import { buildFiscal } from "./sheets/fiscal";
import { buildParameters } from "./sheets/parameters";
import { buildPreschoolSheet } from "./sheets/preschool";
import { buildPublicFunds } from "./sheets/publicFunds";
import { buildSchools } from "./sheets/schools";
import { buildStaffing } from "./sheets/staffing";
import { buildSummarySheet } from "./sheets/summary";
import { STYLES } from "./styles";
import type { SheetPlan, WorkbookPlan } from "./types";
import { validatePlan, type PlanProblem } from "./validate";

/** Each sheet's builder; a sheet without one is not part of any plan yet. */
const BUILDERS: Partial<Record<SheetKey, SheetBuilderFn>> = {
  contents: buildContents,
  parameters: buildParameters,
  schools: buildSchools,
  fiscal: buildFiscal,
  publicFunds: buildPublicFunds,
  staffing: buildStaffing,
  dropout: buildDropout,
  balance: buildBalanceSheet,
  mergers: buildMergersSheet,
  projects: buildProjectsSheet,
  preschool: buildPreschoolSheet,
  debt: buildDebtSheet,
  summary: buildSummarySheet,
};

/** Sheets every plan holds: the others' formulas refer to them. */
export const REQUIRED_SHEETS: readonly SheetKey[] = ["parameters", "schools"];

/** The order sheets are built in: inputs first, then the sheets that sum others, the contents page last. */
export const BUILD_ORDER: readonly SheetKey[] = [
  "parameters",
  "schools",
  ...SHEET_ORDER.filter((key) => !["contents", "parameters", "schools", "summary"].includes(key)),
  "summary",
  "contents",
];

export const SHEET_NAMES_EN: { readonly [K in SheetKey]: string } = {
  contents: "Contents",
  parameters: "Parameters",
  schools: "Schools",
  fiscal: "Fiscal",
  publicFunds: "Public funds",
  staffing: "Staffing",
  dropout: "Dropout",
  balance: "Balance",
  mergers: "Mergers",
  projects: "Capital projects",
  preschool: "Preschool",
  debt: "Debt",
  summary: "Summary",
};

export interface SheetChoice {
  readonly key: SheetKey;
  readonly zh: string;
  readonly en: string;
  /** Always built (the user cannot leave it out). */
  readonly required: boolean;
  /** A builder exists for it. */
  readonly available: boolean;
}

/** The sheets a user can choose from, in workbook order (for the task pane and the CLI). */
export function sheetChoices(): SheetChoice[] {
  return SHEET_ORDER.map((key) => ({
    key,
    zh: SHEET_NAMES[key],
    en: SHEET_NAMES_EN[key],
    required: REQUIRED_SHEETS.includes(key),
    available: BUILDERS[key] !== undefined,
  }));
}

function createContext(district: District, pack: PolicyPack, options: BuildOptions): BuildContext {
  const chosen = new Set<SheetKey>([...(options.sheets ?? SHEET_ORDER), ...REQUIRED_SHEETS]);
  const ctx: BuildContext = {
    district,
    pack,
    options,
    param(key: PolicyKey) {
      const name = policyName(key);
      if (!ctx.names.some((n) => n.name === name))
        throw new Error(`parameter ${key} used before 参数 was built`);
      return { name, value: pack.values[key].value };
    },
    includes: (sheet) => chosen.has(sheet) && BUILDERS[sheet] !== undefined,
    names: [],
    checks: [],
    budgetLines: [],
    reconciliations: [],
    exports: new Map(),
  };
  return ctx;
}

/** The plan alone, not validated (a preview, tests, measurements): a shell writes only what buildWorkbook validated. */
export function buildWorkbookPlan(district: District, pack: PolicyPack, options: BuildOptions): WorkbookPlan {
  return buildPlan(district, pack, options).plan;
}

export interface BuiltWorkbook {
  readonly plan: WorkbookPlan;
  /** What Excel would reject in the plan (validatePlan): a shell writes the plan only when there is none. */
  readonly problems: readonly PlanProblem[];
  /** The reconciliations its sheets made (for a report outside the workbook, e.g. the CLI's check). */
  readonly reconciliations: readonly Reconciliation[];
}

/** The plan with validatePlan's problems and the reconciliations its sheets made. */
export function buildWorkbook(district: District, pack: PolicyPack, options: BuildOptions): BuiltWorkbook {
  const built = buildPlan(district, pack, options);
  return { ...built, problems: validatePlan(built.plan) };
}

function buildPlan(
  district: District,
  pack: PolicyPack,
  options: BuildOptions,
): { readonly plan: WorkbookPlan; readonly reconciliations: readonly Reconciliation[] } {
  const ctx = createContext(district, pack, options);
  const built = new Map<SheetKey, SheetPlan>();
  for (const key of BUILD_ORDER) {
    const builder = BUILDERS[key];
    if (builder && ctx.includes(key)) built.set(key, builder(ctx));
  }
  const sheets = SHEET_ORDER.flatMap((key) => built.get(key) ?? []);
  const plan: WorkbookPlan = {
    sheets,
    names: ctx.names,
    styles: STYLES,
    checks: ctx.checks,
    properties: {
      title: `${district.name} ${district.budgetYear} 年教育经费预算`,
      district: district.name,
      budgetYear: district.budgetYear,
      policyPack: `${pack.id}@${pack.version}`,
      generator: options.generator,
      generatedAt: options.generatedAt,
    },
  };
  return { plan, reconciliations: ctx.reconciliations };
}
