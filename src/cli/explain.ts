/** `edu-budget explain`: the 预算说明 of a district's budget workbook, written as a .docx in the sheet's words. */
import { extname, join } from "path";
import { isPackFileName } from "../district/loadPack";
import { readExplanation } from "../plan/explain";
import type { WorkbookPlan } from "../plan/types";
import type { Context } from "./commands";
import { buildChecked, checkTarget, districtAndPack, save } from "./commands";
import { explanationDocx } from "./docx";
import { UserError } from "./errors";
import type { DistrictSource } from "./inputs";
import type { Texts } from "./texts";

export type ExplainOptions = DistrictSource & {
  readonly pack?: string;
  readonly out?: string;
  readonly force?: boolean;
};

/** Characters a file name must not carry (as for the workbook). */
const unsafeFileChars =
  // eslint-disable-next-line no-control-regex
  /[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

export function explainPath(out: string | undefined, plan: WorkbookPlan, t: Texts): string {
  const { district, budgetYear } = plan.properties;
  const name = `${district.replace(unsafeFileChars, "_")}-${budgetYear}-预算说明.docx`;
  if (out === undefined) return join("out", name);
  if (/\.docx$/i.test(out)) return out;
  if (extname(out) !== "" && !/[\\/]$/.test(out)) throw new UserError(t.explainOutDocx(out));
  return join(out, name);
}

export async function explain(options: ExplainOptions, ctx: Context): Promise<number> {
  const { district, pack } = await districtAndPack(options, options.pack, ctx);
  const { plan } = buildChecked(district, pack, ctx);
  const path = explainPath(options.out, plan, ctx.t);
  const packFile = options.pack !== undefined && isPackFileName(options.pack) ? [options.pack] : [];
  const saving = { force: options.force, inputs: [...(options.input ?? []), ...packFile] };
  await checkTarget(path, saving, ctx);
  const explanation = readExplanation(plan);
  // Every full plan holds the 预算说明; a missing one is a defect of the builders.
  if (!explanation) throw new Error("the budget workbook has no 预算说明 sheet");
  await save(path, await explanationDocx(explanation, `edu-budget ${ctx.io.version}`), saving, ctx);
  return 0;
}
