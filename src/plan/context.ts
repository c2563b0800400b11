/**
 * What sheet builders share while a plan is built: the inputs, the policy parameters as workbook names, what the
 * sheets a builder needs handed on (typed by their definitions), and what every sheet hands in for the gathering
 * sheets (budget lines for 汇总; checks and reconciliations for 目录). Sheets are built in the order their
 * declared needs give (src/plan/registry.ts).
 */
import type { District } from "../district/model";
import type { PolicyKey, PolicyPack } from "../policy/types";
import type { SheetDefinition } from "./registry";
import type { VerdictWords, WorkbookLanguage } from "./verdict";
import type { SheetOutput } from "./sheets";
import type { CheckPlan, NamePlan, SheetKey } from "./types";

/** A cell another sheet refers to: its absolute reference with sheet, and its computed value. */
export interface CellExport {
  readonly ref: string;
  readonly value: number;
}

/** A budget line for 汇总: year-T spending by category and funding source (万元). */
export interface BudgetLine {
  readonly category: string;
  readonly categoryEn: string;
  /** Total of the line, 万元. */
  readonly amount: CellExport;
  /** Optional split by funding source (central/provincial/district/town), 万元. */
  readonly bySource?: Partial<Record<"central" | "provincial" | "district" | "town", CellExport>>;
}

/** A stated total reconciled against its parts: 目录 lists every one, and the CLI's check reports them. */
export interface Reconciliation {
  readonly labelZh: string;
  readonly labelEn: string;
  readonly sheet: SheetKey;
  /** Cell with stated − computed (0 when they agree). */
  readonly difference: CellExport;
}

export interface BuildOptions {
  /** ISO timestamp of the generation (the core takes the clock as input). */
  readonly generatedAt: string;
  /** e.g. "edu-budget 1.0.0". */
  readonly generator: string;
  /** Sheets to build; the required ones (参数, 学校) and the sheets the chosen ones need are always built. */
  readonly sheets?: readonly SheetKey[];
  /** The language of the cells (verdicts: 通过 / 未通过, Pass / Fail); Chinese when not given. */
  readonly language?: WorkbookLanguage;
}

export interface BuildContext {
  readonly district: District;
  readonly pack: PolicyPack;
  readonly options: BuildOptions;
  /** What a verdict cell shows for a pass and a fail in the workbook's language. */
  readonly verdicts: VerdictWords;
  /** The workbook name of a policy parameter and its value (set by the 参数 sheet). */
  param(key: PolicyKey): { readonly name: string; readonly value: number };
  /** Whether a sheet is part of this plan. */
  includes(sheet: SheetKey): boolean;
  /** The definitions of the sheets of this plan, in workbook order. */
  readonly sheets: readonly SheetDefinition[];
  /** The definition of any sheet (its names and titles). */
  definition(sheet: SheetKey): SheetDefinition;
  /** What a sheet the building one declares in `needs` handed on; throws for an undeclared one. */
  output<K extends SheetKey>(sheet: K): SheetOutput<K>;
  /**
   * What a sheet the building one declares in `reads` handed on, or undefined when this plan does not hold it (the
   * building sheet must then say so on the sheet, e.g. take the figure as an input).
   */
  outputIfBuilt<K extends SheetKey>(sheet: K): SheetOutput<K> | undefined;
  readonly names: NamePlan[];
  readonly checks: CheckPlan[];
  readonly budgetLines: BudgetLine[];
  readonly reconciliations: Reconciliation[];
}
