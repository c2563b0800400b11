/**
 * The heap the CLI runs in. Node collects garbage lazily where memory is plentiful, so a 20,000-school workbook
 * peaks near 2.3 GB without a cap and about 1.5 GB with one (README, "Supported size"). The bin therefore runs
 * itself once more with a capped old space, unless the user set a cap of their own.
 */

/** Old-space cap in MB: the largest supported district builds within it. */
export const HEAP_CAP_MB = 1536;

/** Set in the capped child, so that it does not start another one. */
export const CAPPED_ENV = "EDU_BUDGET_HEAP_CAPPED";

const CAP_FLAG = /--max[-_]old[-_]space[-_]size/;

/**
 * The node options to run the bin again with, or undefined when the heap is already as the user or this bin set
 * it: a --max-old-space-size in node's own arguments or in NODE_OPTIONS, or the child's marker.
 */
export function heapRestartArgs(
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] | undefined {
  if (env[CAPPED_ENV] !== undefined) return undefined;
  if (execArgv.some((arg) => CAP_FLAG.test(arg)) || CAP_FLAG.test(env.NODE_OPTIONS ?? "")) return undefined;
  return [`--max-old-space-size=${HEAP_CAP_MB}`, ...execArgv];
}
