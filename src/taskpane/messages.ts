/**
 * What the pane says about the writer and the readers, in the pane's language: the writer's progress steps
 * ({ kind: "values", sheet: "学校" }, { kind: "finish" }) and its errors, and problems whose message carries a
 * library's English text.
 */
import type { WriteStep } from "../writers/officejs";
import type { Locale, Translate } from "./i18n";

/** The writer's step as words; before the writer reports one (or for a step this pane does not know), in general. */
export function progressText(step: WriteStep | undefined, t: Translate): string {
  switch (step?.kind) {
    case "sheets":
      return t("progressSheets");
    case "values":
      return t("progressValues", { sheet: step.sheet });
    case "tablesAndNames":
      return t("progressTablesNames");
    case "formulas":
      return t("progressFormulas", { sheet: step.sheet });
    case "formats":
      return t("progressFormats", { sheet: step.sheet });
    case "finish":
      return t("progressFinish");
    case "done":
      return t("progressDone");
    default:
      return t("progressOther");
  }
}

/** A localized message and, apart, the technical cause (shown on a secondary line). */
export interface Explained {
  readonly message: string;
  readonly cause?: string;
}

const technical = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  const own = error instanceof Error ? error.message : String(error);
  return cause instanceof Error && !own.includes(cause.message) ? `${own} (${cause.message})` : own;
};

/** What a failed or cancelled generation means for the workbook, with the writer's own message as the cause. */
export function generationOutcome(
  error: unknown,
  aborted: boolean,
  t: Translate,
): Explained & { cancelled: boolean } {
  const refused = (error as { problems?: unknown }).problems;
  if (error instanceof Error && error.name === "PlanRefused" && Array.isArray(refused))
    return {
      cancelled: false,
      message: t("generatePlanRefused", { count: refused.length }),
      cause: error.message,
    };
  const cancelled = aborted || (error instanceof Error && error.name === "GenerationCancelled");
  // The writer says whether it could undo its partial work; the user must know when it could not.
  const undone = (error as { rolledBack?: boolean }).rolledBack !== false;
  if (cancelled && undone) return { cancelled, message: t("generateCancelled") };
  return {
    cancelled,
    message: t(undone ? "generateFailed" : "generateRollbackFailed"),
    cause: technical(error),
  };
}

const CJK = /[\u3400-\u9fff]/;

/**
 * A problem message in zh-CN whose tail after the first colon is a library's English text (jszip, JSON.parse):
 * the Chinese head is the message, the tail the technical cause. Other messages are left whole.
 */
export function splitCause(message: string, locale: Locale): Explained {
  const colon = message.search(/[:：]/);
  if (locale !== "zh-CN" || colon < 0) return { message };
  const head = message.slice(0, colon).trim();
  const tail = message.slice(colon + 1).trim();
  return CJK.test(head) && /[A-Za-z]/.test(tail) && !CJK.test(tail)
    ? { message: `${head}。`, cause: tail }
    : { message };
}
