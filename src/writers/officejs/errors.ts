/** What the task pane can catch after a generation: both mean the workbook is as it was before (see rolledBack). */

export class GenerationCancelled extends Error {
  override readonly name = "GenerationCancelled";
  constructor(
    /** False only when undoing the partial work failed too (see rollbackError). */
    readonly rolledBack: boolean,
    readonly rollbackError?: unknown,
  ) {
    super(
      rolledBack ? "generation cancelled; nothing was changed" : "generation cancelled; undoing it failed",
    );
  }
}

export class GenerationFailed extends Error {
  override readonly name = "GenerationFailed";
  constructor(
    message: string,
    readonly cause: unknown,
    readonly rolledBack: boolean,
    readonly rollbackError?: unknown,
  ) {
    super(message);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
