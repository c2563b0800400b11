/**
 * Loads the shipped dist/functions.js the way Excel's JavaScript-only runtime does: evaluated in a fresh context
 * whose only global is CustomFunctions, and returns what it passed to CustomFunctions.associate (id → function).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createContext, runInContext } from "vm";
import { CustomFunctionsError, ERROR_CODES } from "./custom-functions-runtime";

export type Registered = (...args: unknown[]) => unknown;

export function loadFunctionsBundle(dist: string): Map<string, Registered> {
  const functions = new Map<string, Registered>();
  const associate = (idOrMap: string | Record<string, Registered>, fn?: Registered): void => {
    const pairs = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap);
    for (const [id, f] of pairs) {
      if (typeof f !== "function") throw new TypeError(`associate(${id}) without a function`);
      if (functions.has(id.toUpperCase())) throw new Error(`${id} associated twice`);
      functions.set(id.toUpperCase(), f);
    }
  };
  const context = createContext({
    CustomFunctions: { Error: CustomFunctionsError, ErrorCode: ERROR_CODES, associate },
  });
  runInContext(readFileSync(join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return functions;
}
