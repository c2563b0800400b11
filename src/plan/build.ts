/**
 * District + policy pack → WorkbookPlan. The plan holds the chosen sheets, the required ones (参数, 学校) and what
 * they need; they are built in the order the definitions' needs give (src/plan/registry.ts: 参数 and 学校 first,
 * 汇总 and 目录 after the sheets whose lines and checks they gather) and placed in workbook order (SHEETS).
 */
import type { District } from "../district/model";
import { policyName } from "../policy/packs";
import type { PolicyKey, PolicyPack } from "../policy/types";
import type { BuildContext, BuildOptions, Reconciliation } from "./context";
import { finishForPrint } from "./print";
import { buildOrder, withNeeds, type SheetDefinition } from "./registry";
import { SHEETS, type SheetOutput } from "./sheets";
import { STYLES } from "./styles";
import type { SheetKey, SheetPlan, WorkbookPlan } from "./types";
import { validatePlan, type PlanProblem } from "./validate";
import { verdictWords } from "./verdict";

export { sheetChoices, type SheetChoice } from "./sheets";

/** Every sheet in the order it is built. */
export const BUILD_ORDER: readonly SheetKey[] = buildOrder<SheetDefinition>(SHEETS).map((sheet) => sheet.key);

/** Sheets every plan holds: the others' formulas refer to them. */
export const REQUIRED_SHEETS: readonly SheetKey[] = SHEETS.filter((sheet) => sheet.required === true).map(
  (sheet) => sheet.key,
);

/** A plan being built: the shared context, and each sheet built with a view of it that knows the sheet's needs. */
export interface PlanRun {
  /** What the sheets share (names, checks, budget lines, reconciliations). */
  readonly context: BuildContext;
  /** Builds one sheet (the sheets it needs must be built already) and keeps what it hands on. */
  build(sheet: SheetKey): SheetPlan<SheetKey>;
  /** What a built sheet handed on. */
  output<K extends SheetKey>(sheet: K): SheetOutput<K>;
}

/**
 * Starts a plan of the chosen sheets (options.sheets, or all), with the required ones and what they need, from the
 * sheet list (or another list of definitions with the same keys, for tests).
 */
export function startPlan(
  district: District,
  pack: PolicyPack,
  options: BuildOptions,
  definitions: readonly SheetDefinition[] = SHEETS,
): PlanRun {
  const definitionOf = (key: SheetKey): SheetDefinition => {
    const definition = definitions.find((d) => d.key === key);
    if (!definition) throw new Error(`unknown sheet "${key}"`);
    return definition;
  };
  const required = definitions.filter((d) => d.required === true).map((d) => d.key);
  const chosen = withNeeds(definitions, options.sheets ?? definitions.map((d) => d.key), required);
  const outputs = new Map<SheetKey, unknown>();
  const names: BuildContext["names"] = [];
  const shared: Omit<BuildContext, "output" | "outputIfBuilt"> = {
    district,
    pack,
    options,
    verdicts: verdictWords(options.language),
    param(key: PolicyKey) {
      const name = policyName(key);
      if (!names.some((n) => n.name === name)) throw new Error(`parameter ${key} used before 参数 was built`);
      return { name, value: pack.values[key].value };
    },
    includes: (sheet: SheetKey) => chosen.has(sheet),
    sheets: definitions.filter((sheet) => chosen.has(sheet.key)),
    definition: definitionOf,
    names,
    checks: [],
    budgetLines: [],
    reconciliations: [],
  };
  const outputOf = <K extends SheetKey>(sheet: K): SheetOutput<K> | undefined =>
    outputs.get(sheet) as SheetOutput<K> | undefined;
  const viewFor = (definition: SheetDefinition | undefined): BuildContext => ({
    ...shared,
    output<K extends SheetKey>(sheet: K): SheetOutput<K> {
      if (definition && !definition.needs.includes(sheet))
        throw new Error(`sheet ${definition.key} uses ${sheet}'s output without declaring it in needs`);
      if (!outputs.has(sheet))
        throw new Error(`${sheet} is not built yet; it must be built before its output is used`);
      return outputOf(sheet) as SheetOutput<K>;
    },
    outputIfBuilt<K extends SheetKey>(sheet: K): SheetOutput<K> | undefined {
      if (definition && !(definition.reads ?? []).includes(sheet))
        throw new Error(`sheet ${definition.key} reads ${sheet}'s output without declaring it in reads`);
      if (!outputs.has(sheet) && chosen.has(sheet))
        throw new Error(
          `${sheet} is part of this plan but not built yet; it must be built before its output is read`,
        );
      return outputOf(sheet);
    },
  });
  return {
    context: viewFor(undefined),
    build(sheet) {
      const definition = definitionOf(sheet);
      const missing = definition.needs.filter((need) => !outputs.has(need));
      if (missing.length > 0) throw new Error(`sheet ${sheet} needs ${missing.join(", ")} built first`);
      const result = definition.build(viewFor(definition));
      outputs.set(sheet, result.output);
      return finishForPrint(result.plan, definition, STYLES, {
        district: district.name,
        budgetYear: district.budgetYear,
      });
    },
    output(sheet) {
      if (!outputs.has(sheet)) throw new Error(`${sheet} is not built`);
      return outputOf(sheet) as SheetOutput<typeof sheet>;
    },
  };
}

/** The plan alone, not validated (a preview, tests, measurements): a shell writes only what buildWorkbook validated. */
export function buildWorkbookPlan(
  district: District,
  pack: PolicyPack,
  options: BuildOptions,
): WorkbookPlan<SheetKey> {
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
): { readonly plan: WorkbookPlan<SheetKey>; readonly reconciliations: readonly Reconciliation[] } {
  const run = startPlan(district, pack, options);
  const ctx = run.context;
  const built = new Map<SheetKey, SheetPlan<SheetKey>>();
  for (const key of BUILD_ORDER) if (ctx.includes(key)) built.set(key, run.build(key));
  const sheets = SHEETS.flatMap((sheet) => built.get(sheet.key) ?? []);
  const plan: WorkbookPlan<SheetKey> = {
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
