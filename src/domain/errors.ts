/**
 * Spreadsheet errors as values of the pure core. A rule throws a RuleError when its inputs make no sense: the
 * custom functions turn it into the CustomFunctions.Error of its kind, and the plan builders mark the cell with the
 * Excel error its formula shows for the same inputs (fxRule in src/plan/kit.ts).
 */
export type RuleErrorKind = "value" | "div0" | "na";

export class RuleError extends Error {
  constructor(
    readonly kind: RuleErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "RuleError";
  }
}

/** `#VALUE!`: the argument named is not what the rule accepts. */
export function invalidArgument(argument: string, accepts: string): RuleError {
  return new RuleError("value", `${argument}: ${accepts}`);
}

/** `#DIV/0!`: the base of a division is zero. */
export function divisionByZero(argument: string): RuleError {
  return new RuleError("div0", `${argument} is 0`);
}

/** `#N/A`: a lookup of something the policy does not define. */
export function notDefined(message: string): RuleError {
  return new RuleError("na", message);
}
