/** A district as JSON text → a validated district; malformed JSON is reported with its line and column. */
import { pathText, type Problem } from "../problems";
import { KNOWN_POLICY_PACKS, validateDistrict, type DistrictResult } from "../validate";
import { sampleLeftovers } from "./leftovers";

export function readDistrictJson(
  text: string,
  fileName: string,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
): DistrictResult {
  const body = text.replace(/^\uFEFF/, "");
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    return { problems: [malformed(body, fileName, error instanceof Error ? error.message : String(error))] };
  }
  const result = validateDistrict(input, { file: fileName }, knownPacks);
  const leftovers = sampleLeftovers(input).map(({ path, ...finding }): Problem => ({
    severity: "warning",
    file: fileName,
    field: pathText(path),
    ...finding,
  }));
  return leftovers.length > 0 ? { ...result, problems: [...result.problems, ...leftovers] } : result;
}

/** Engines word their messages differently: "line 2 column 5" (Firefox, newer V8) or "position 17" (V8). */
function lineAndColumn(text: string, message: string): { line: number; column: number } {
  const direct = /line (\d+) column (\d+)/.exec(message);
  if (direct) return { line: Number(direct[1]), column: Number(direct[2]) };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function malformed(text: string, file: string, message: string): Problem {
  const { line, column } = lineAndColumn(text, message);
  return {
    severity: "error",
    file,
    row: line,
    column: String(column),
    field: "",
    message: `JSON 格式错误(第 ${line} 行第 ${column} 列):${message}`,
    messageEn: `Malformed JSON at line ${line}, column ${column}: ${message}`,
    accepts: "符合 JSON 语法的区县数据",
  };
}
