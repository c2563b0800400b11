/**
 * A Node stand-in for Excel's custom-functions runtime: the global `CustomFunctions` with its Error class, the real
 * ErrorCode strings, and an `associate` that records id → function so tests can call functions by their Excel id.
 */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export class CustomFunctionsError {
  constructor(
    readonly code: ErrorCodeValue,
    readonly message?: string,
  ) {}
}

/** Functions registered through `CustomFunctions.associate`, by id (upper case, as Excel matches ids). */
export const associated = new Map<string, (...args: unknown[]) => unknown>();

function associate(idOrMappings: string | Record<string, unknown>, fn?: unknown): void {
  const entries =
    typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
  for (const [id, f] of entries) {
    if (typeof f !== "function") throw new TypeError(`associate(${id}): not a function`);
    associated.set(id.toUpperCase(), f as (...args: unknown[]) => unknown);
  }
}

/** Installs the global once; safe to call from every test file. */
export function installCustomFunctionsRuntime(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode: ERROR_CODES, associate };
}

installCustomFunctionsRuntime();

export function isCustomFunctionsError(x: unknown): x is CustomFunctionsError {
  return x instanceof CustomFunctionsError;
}
