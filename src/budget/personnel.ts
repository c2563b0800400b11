/**
 * 人员经费 of a unit from its staff and the pay standards (budget reference §7): 基本工资, 津贴补贴 and 绩效工资 per
 * person and year, and the employer's contributions on the 缴费基数 (基本工资 + 津贴补贴 + 绩效工资 per person; the
 * rural teacher allowance is a local 津贴 outside it): 基本养老保险, 职业年金, 基本医疗保险 and 住房公积金 at the
 * rates on 参数. Each component goes to its own 功能 and 经济 code. Amounts in 元; each rule has its formula twin.
 */
import { CONTRIBUTION_FUNCTION_CODES } from "./codes";
import type { UnitKind } from "./model";

/** Pay standards per person and year, 元. */
export interface PayStandard {
  readonly basicPay: number;
  readonly allowances: number;
  readonly performancePay: number;
}

export interface ContributionRates {
  readonly pension: number;
  readonly annuity: number;
  readonly medical: number;
  readonly housingFund: number;
}

export type PayKey = "basicPay" | "allowances" | "performancePay";
export type ContributionKey = keyof ContributionRates;

/** A component of 人员经费: its name, 经济分类 款 and whose 功能分类 项 it takes. */
export interface PersonnelComponent<K extends string> {
  readonly key: K;
  readonly zh: string;
  readonly economicCode: string;
}

export const PAY_COMPONENTS: readonly PersonnelComponent<PayKey>[] = [
  { key: "basicPay", zh: "基本工资", economicCode: "30101" },
  { key: "allowances", zh: "津贴补贴", economicCode: "30102" },
  { key: "performancePay", zh: "绩效工资", economicCode: "30107" },
];

export const CONTRIBUTIONS: readonly PersonnelComponent<ContributionKey>[] = [
  { key: "pension", zh: "机关事业单位基本养老保险缴费", economicCode: "30108" },
  { key: "annuity", zh: "职业年金缴费", economicCode: "30109" },
  { key: "medical", zh: "职工基本医疗保险缴费", economicCode: "30110" },
  { key: "housingFund", zh: "住房公积金", economicCode: "30113" },
];

/** The 功能分类 项 of a contribution: its own (养老, 医疗 by 单位性质, 公积金), never the school's 205 项. */
export function contributionFunctionCode(key: ContributionKey, unit: UnitKind): string {
  switch (key) {
    case "pension":
      return CONTRIBUTION_FUNCTION_CODES.pension;
    case "annuity":
      return CONTRIBUTION_FUNCTION_CODES.annuity;
    case "medical":
      return unit === "行政"
        ? CONTRIBUTION_FUNCTION_CODES.medicalAdministration
        : CONTRIBUTION_FUNCTION_CODES.medicalInstitution;
    case "housingFund":
      return CONTRIBUTION_FUNCTION_CODES.housingFund;
  }
}

/** The 缴费基数 per person and year: 基本工资 + 津贴补贴 + 绩效工资. */
export function contributionBase(pay: PayStandard): number {
  return pay.basicPay + pay.allowances + pay.performancePay;
}

/** contributionBase as a formula of the three standards' cells. */
export function contributionBaseFormula(
  basicPay: string,
  allowances: string,
  performancePay: string,
): string {
  return `${basicPay}+${allowances}+${performancePay}`;
}

/** A pay component of `staff` people, 元: staff × the standard. */
export function payCost(staff: number, standard: number): number {
  return staff * standard;
}

export function payCostFormula(staff: string, standard: string): string {
  return `${staff}*${standard}`;
}

/** A contribution of `staff` people, 元: staff × 缴费基数 × rate. */
export function contributionCost(staff: number, base: number, rate: number): number {
  return staff * base * rate;
}

export function contributionCostFormula(staff: string, base: string, rate: string): string {
  return `${staff}*${base}*${rate}`;
}

/** Every component of a unit's 人员经费, 元. */
export function personnelCost(
  staff: number,
  pay: PayStandard,
  rates: ContributionRates,
): Readonly<Record<PayKey | ContributionKey, number>> {
  const base = contributionBase(pay);
  return {
    basicPay: payCost(staff, pay.basicPay),
    allowances: payCost(staff, pay.allowances),
    performancePay: payCost(staff, pay.performancePay),
    pension: contributionCost(staff, base, rates.pension),
    annuity: contributionCost(staff, base, rates.annuity),
    medical: contributionCost(staff, base, rates.medical),
    housingFund: contributionCost(staff, base, rates.housingFund),
  };
}

/** 人员经费 of one person for a year, 元: the 缴费基数 (the pay standards together) and the contributions on it. */
export function perHeadCost(base: number, rates: ContributionRates): number {
  return base * (1 + rates.pension + rates.annuity + rates.medical + rates.housingFund);
}

/** perHeadCost as a formula of the 缴费基数 cell and the four rates' cells (or names). */
export function perHeadCostFormula(base: string, rates: Readonly<Record<ContributionKey, string>>): string {
  return `${base}*(1+${rates.pension}+${rates.annuity}+${rates.medical}+${rates.housingFund})`;
}
