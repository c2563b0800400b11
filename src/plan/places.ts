/**
 * Where a check's threshold and its cause are in the plan (CheckPlan.threshold and .cause), for a shell to take the
 * user to them: the 参数 value cell of a policy key, and a school's row on 学校.
 */
import type { PolicyKey } from "../policy/types";
import { policyName } from "../policy/packs";
import type { BuildContext } from "./context";
import type { TableResult } from "./kit";
import type { CheckCause, PlanPlace } from "./types";

/** The 参数 value cell of a policy key (the cell its workbook name refers to); undefined before 参数 is built. */
export function thresholdOf(
  ctx: Pick<BuildContext, "names" | "sheets">,
  key: PolicyKey,
): PlanPlace | undefined {
  const name = policyName(key);
  const ref = ctx.names.find((n) => n.name === name)?.ref;
  if (ref === undefined) return undefined;
  const bang = ref.lastIndexOf("!");
  const sheetName = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  const sheet = ctx.sheets.find((d) => d.nameZh === sheetName)?.key ?? "parameters";
  return { sheet, cell: ref.slice(bang + 1).replace(/\$/g, "") };
}

/** The threshold as a spread for a CheckSpec: nothing when the key has no cell. */
export function thresholdSpec(
  ctx: Pick<BuildContext, "names" | "sheets">,
  key: PolicyKey | undefined,
): { readonly threshold?: PlanPlace } {
  const threshold = key === undefined ? undefined : thresholdOf(ctx, key);
  return threshold ? { threshold } : {};
}

/** A school's row on 学校 (its name cell), with its code; nothing when no school is given. */
export function schoolCause(
  schools: TableResult,
  school: { readonly index: number; readonly code: string } | undefined,
): { readonly cause?: CheckCause } {
  if (school === undefined) return {};
  return { cause: { sheet: "schools", cell: schools.cell("name", school.index), school: school.code } };
}
