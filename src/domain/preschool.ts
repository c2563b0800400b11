import type { PolicyPack } from "../policy/types";
import { ceilClean, ceilCleanFormula, divisor, nonNegative, result } from "./validate";

/** Gross enrollment rate: enrolled / population aged 3–5 (it may exceed 1). */
export function enrollmentRate(enrolled: number, population: number): number {
  nonNegative(enrolled, "enrolled");
  return result(enrolled / divisor(population, "population"), "enrolled");
}

/** Places still needed to reach the target: max(0, ceil(target × population) − enrolled). */
export function placesNeeded(targetRate: number, population: number, enrolled: number): number {
  nonNegative(targetRate, "target_rate");
  nonNegative(population, "population");
  nonNegative(enrolled, "enrolled");
  return Math.max(0, result(ceilClean(result(targetRate * population, "population")) - enrolled, "enrolled"));
}

/** Places of a kindergarten: 25 per 小班, 30 per 中班, 35 per 大班, 30 per 混龄 (from the pack). */
export function kgCapacity(
  pack: PolicyPack,
  small: number,
  middle: number,
  large: number,
  mixed = 0,
): number {
  return kgCapacityWith(kgClassSizes(pack), small, middle, large, mixed);
}

/** The kindergarten class sizes of a pack, read once (the functions read them at load, not per cell). */
export function kgClassSizes(pack: PolicyPack): KgClasses<number> {
  const v = pack.values;
  return {
    small: v["class_size.kg_small"].value,
    middle: v["class_size.kg_middle"].value,
    large: v["class_size.kg_large"].value,
    mixed: v["class_size.kg_mixed"].value,
  };
}

/** kgCapacity with the pack's class sizes already read (kgClassSizes). */
export function kgCapacityWith(
  sizes: KgClasses<number>,
  small: number,
  middle: number,
  large: number,
  mixed = 0,
): number {
  return result(
    nonNegative(small, "small_classes") * sizes.small +
      nonNegative(middle, "middle_classes") * sizes.middle +
      nonNegative(large, "large_classes") * sizes.large +
      nonNegative(mixed, "mixed_classes") * sizes.mixed,
    "small_classes",
  );
}

// The workbook's formulas for these rules (their Excel twins), written from cell references and workbook names.

/** enrollmentRate as a formula (#DIV/0! for no population). */
export function enrollmentRateFormula(enrolled: string, population: string): string {
  return `${enrolled}/${population}`;
}

/** placesNeeded as a formula. */
export function placesNeededFormula(targetRate: string, population: string, enrolled: string): string {
  return `MAX(0,${ceilCleanFormula(`${targetRate}*${population}`)}-${enrolled})`;
}

/** Class counts (or the workbook names of their class sizes) by kindergarten class type. */
export interface KgClasses<T = string> {
  readonly small: T;
  readonly middle: T;
  readonly large: T;
  readonly mixed: T;
}

/** kgCapacity as a formula of the class-count cells and the class-size names. */
export function kgCapacityFormula(classes: KgClasses, sizes: KgClasses): string {
  return (
    `${classes.small}*${sizes.small}+${classes.middle}*${sizes.middle}` +
    `+${classes.large}*${sizes.large}+${classes.mixed}*${sizes.mixed}`
  );
}
