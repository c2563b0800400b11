/**
 * What sheet builders share while a plan is built: the inputs, the policy parameters as workbook names, and what
 * earlier sheets exported for later ones (the schools table for every per-school sheet, totals for the summary,
 * checks for the contents page). Sheets are built in SHEET_ORDER.
 */
import type { District } from "../district/model";
import type { PolicyKey, PolicyPack } from "../policy/types";
import type { TableResult } from "./kit";
import type { CheckPlan, NamePlan, SheetPlan } from "./types";

export const SHEET_ORDER = [
  "contents",
  "parameters",
  "schools",
  "fiscal",
  "publicFunds",
  "staffing",
  "dropout",
  "balance",
  "mergers",
  "projects",
  "preschool",
  "debt",
  "summary",
] as const;
export type SheetKey = (typeof SHEET_ORDER)[number];

export const SHEET_NAMES: { readonly [K in SheetKey]: string } = {
  contents: "目录",
  parameters: "参数",
  schools: "学校",
  fiscal: "财政",
  publicFunds: "公用经费",
  staffing: "教职工",
  dropout: "控辍",
  balance: "均衡",
  mergers: "布局调整",
  projects: "基建",
  preschool: "学前",
  debt: "债务",
  summary: "汇总",
};

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

/** A stated total reconciled against its parts (for 目录's list of reconciliation failures). */
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
  /** Sheets to build; 参数 and 学校 are always built because every other sheet refers to them. */
  readonly sheets?: readonly SheetKey[];
}

export interface BuildContext {
  readonly district: District;
  readonly pack: PolicyPack;
  readonly options: BuildOptions;
  /** The workbook name of a policy parameter and its value (set by the 参数 sheet). */
  param(key: PolicyKey): { readonly name: string; readonly value: number };
  /** Whether a sheet is part of this plan. */
  includes(sheet: SheetKey): boolean;
  readonly names: NamePlan[];
  readonly checks: CheckPlan[];
  readonly budgetLines: BudgetLine[];
  readonly reconciliations: Reconciliation[];
  /** The schools table on 学校 (set by its builder; every per-school sheet reads from it). */
  schools?: TableResult;
  /** Other exports by key, e.g. "publicFunds.total". */
  readonly exports: Map<string, CellExport>;
}

export type SheetBuilderFn = (ctx: BuildContext) => SheetPlan;
