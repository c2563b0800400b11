/**
 * A built-in sample's data left in another district: the sample's note (which says its figures are invented) or the
 * sample's own policy pack (its speech's local rules). The sample itself (same name and the same school codes) is
 * not flagged: it is read on purpose. Readers turn each finding into a warning at the cell it came from.
 */
import type { Path, ProblemCode } from "../problems";
import { SAMPLES } from "../samples";

export interface Leftover {
  readonly path: Path;
  readonly message: string;
  readonly messageEn: string;
  readonly accepts: string;
  readonly code: ProblemCode;
}

type Row = Readonly<Record<string, unknown>>;

const asRow = (value: unknown): Row => (value !== null && typeof value === "object" ? (value as Row) : {});

const codesOf = (schools: unknown): string[] =>
  (Array.isArray(schools) ? schools : [])
    .map((school) => asRow(school).code)
    .filter((code): code is string => typeof code === "string")
    .map((code) => code.trim())
    .sort();

/** Note texts compared with spacing and full-/half-width punctuation folded. */
const fold = (text: string): string => text.normalize("NFKC").replace(/\s/g, "");
/** The words every sample's note ends its list of invented figures with. */
const DEMO_WORDS = fold("均为虚构，仅供演示");

function isThatSample(input: Row, sample: (typeof SAMPLES)[number]): boolean {
  const [mine, theirs] = [codesOf(input.schools), codesOf(sample.district.schools)];
  return (
    input.name === sample.district.name &&
    mine.length === theirs.length &&
    mine.every((code, index) => code === theirs[index])
  );
}

/** Findings for a district as a reader built it (before or after validation: only its shape is read). */
export function sampleLeftovers(input: unknown): Leftover[] {
  const district = asRow(input);
  if (SAMPLES.some((sample) => isThatSample(district, sample))) return [];
  const findings: Leftover[] = [];
  const note = typeof district.note === "string" ? fold(district.note) : "";
  const noteOf = SAMPLES.find((sample) => note !== "" && fold(sample.district.note ?? "") === note);
  if (noteOf || (note !== "" && note.includes(DEMO_WORDS))) {
    const name = noteOf?.district.name ?? "示例区县";
    findings.push({
      path: ["note"],
      message: `说明是示例「${noteOf?.nameZh ?? name}」的说明(其数据均为虚构,仅供演示),会显示在预算的目录表上:请改为本区的说明或删除`,
      messageEn: `The note is the ${noteOf?.nameEn ?? "sample"} sample's (its figures are invented, for demonstration only) and would show on the budget's contents sheet: write your district's note or delete it`,
      accepts: "本区的说明,或留空",
      code: "sampleNote",
    });
  }
  const pack = typeof district.policyPack === "string" ? district.policyPack.trim() : "";
  const packOf = SAMPLES.find((sample) => sample.district.policyPack === pack);
  if (packOf)
    findings.push({
      path: ["policyPack"],
      message: `政策包「${pack}」是示例「${packOf.nameZh}」所在地的地方政策,不是本区的:如确为本区采用,请在生成时明确选择(命令行 --pack ${pack},或任务窗格的政策步骤),否则请留空(全国政策包)`,
      messageEn: `Policy pack "${pack}" holds the local rules of the ${packOf.nameEn} sample, not your district's: if your district does follow them, choose the pack explicitly when generating (--pack ${pack}, or the pane's policy step); otherwise leave it blank (national pack)`,
      accepts: "留空(全国政策包 national),或明确选择的政策包",
      code: "samplePack",
    });
  return findings;
}
