/**
 * A district as JSON text → a validated district. The text is parsed here rather than by JSON.parse, so that a
 * syntax error is reported at its own line and column in the user's language, a field written twice in one object
 * is a problem (JSON.parse keeps the last silently), and characters an .xlsx file cannot carry are removed with a
 * warning naming the field.
 */
import { fieldLabel } from "../layout";
import { pathText, type Path, type Problem } from "../problems";
import { KNOWN_POLICY_PACKS, validateDistrict, type DistrictResult } from "../validate";
import { xmlSafeText } from "./cells";
import { sampleLeftovers } from "./leftovers";

export function readDistrictJson(
  text: string,
  fileName: string,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
): DistrictResult {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = parseJson(body);
  if (!parsed.ok) return { problems: [malformed(parsed, fileName)] };
  const problems: Problem[] = [
    ...parsed.duplicates.map((d) => duplicate(d, fileName)),
    ...parsed.cleaned.map((c) => cleaned(c, fileName)),
  ];
  const result = validateDistrict(parsed.value, { file: fileName }, knownPacks);
  const leftovers = sampleLeftovers(parsed.value).map(({ path, ...finding }): Problem => ({
    severity: "warning",
    file: fileName,
    field: pathText(path),
    ...finding,
  }));
  const all = [...problems, ...result.problems, ...leftovers];
  const failed = all.some((problem) => problem.severity === "error");
  return { ...(!failed && result.district && { district: result.district }), problems: all };
}

// ---------------------------------------------------------------- parser

interface Position {
  readonly line: number;
  readonly column: number;
}

interface SyntaxFailure extends Position {
  readonly ok: false;
  readonly zh: string;
  readonly en: string;
}

interface Duplicate {
  readonly path: Path;
  readonly key: string;
  readonly line: number;
  readonly firstLine: number;
}

interface Cleaned {
  readonly path: Path;
  readonly removed: readonly string[];
}

type Parsed =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly duplicates: readonly Duplicate[];
      readonly cleaned: readonly Cleaned[];
    }
  | SyntaxFailure;

/** Deeper than any district: a bound that keeps a hostile file from exhausting the stack. */
const MAX_DEPTH = 200;

class JsonSyntaxError extends Error {
  constructor(
    readonly at: number,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const VALUE_ZH = "一个值(数字、带英文双引号的文本、true、false、null、{…} 或 […])";
const VALUE_EN = "a value (a number, text in double quotes, true, false, null, {…} or […])";

export interface ParseOptions {
  /** Told the line each value starts on (a pack file's problems name the line of their field). */
  readonly onValue?: (path: Path, line: number) => void;
}

export function parseJson(text: string, { onValue }: ParseOptions = {}): Parsed {
  let at = 0;
  const path: (string | number)[] = [];
  const duplicates: Duplicate[] = [];
  const cleanedStrings: Cleaned[] = [];
  let lineStarts: number[] | undefined;
  const position = (offset: number): Position => {
    lineStarts ??= startsOfLines(text);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
  const found = (): [string, string] => {
    if (at >= text.length) return ["文件结尾", "the end of the file"];
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
    return [`「${char}」`, `"${char}"`];
  };
  const fail = (zhExpected: string, enExpected: string): never => {
    const [zh, en] = found();
    throw new JsonSyntaxError(at, `应为${zhExpected},实为${zh}`, `expected ${enExpected}, found ${en}`);
  };
  const skipSpace = () => {
    while (at < text.length) {
      const char = text.charCodeAt(at);
      if (char !== 0x20 && char !== 0x09 && char !== 0x0a && char !== 0x0d) return;
      at += 1;
    }
  };
  const expect = (char: string, zh: string, en: string) => {
    skipSpace();
    if (text[at] !== char) fail(zh, en);
    at += 1;
  };

  const parseString = (): string => {
    const start = at;
    at += 1; // the opening quote
    let out = "";
    let run = at;
    for (;;) {
      if (at >= text.length)
        throw new JsonSyntaxError(
          start,
          "文本没有结尾的英文双引号(文件可能不完整)",
          "text is not closed by a double quote (the file may be cut short)",
        );
      const code = text.charCodeAt(at);
      if (code === 0x22) break;
      if (code < 0x20)
        throw new JsonSyntaxError(
          at,
          "文本中有未转义的控制字符(换行须写作 \\n)",
          "text holds an unescaped control character (write a line break as \\n)",
        );
      if (code !== 0x5c) {
        at += 1;
        continue;
      }
      out += text.slice(run, at);
      const escape = text[at + 1];
      const simple: Record<string, string> = {
        '"': '"',
        "\\": "\\",
        "/": "/",
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
      };
      if (escape !== undefined && escape in simple) {
        out += simple[escape];
        at += 2;
      } else if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
        out += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
        at += 6;
      } else
        throw new JsonSyntaxError(
          at,
          '无效的转义(\\ 后只能是 " \\ / b f n r t 或 uXXXX)',
          'invalid escape (\\ may only be followed by " \\ / b f n r t or uXXXX)',
        );
      run = at;
    }
    out += text.slice(run, at);
    at += 1; // the closing quote
    return out;
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseNumber = (): number => {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) return fail("一个数字", "a number");
    at += match[0].length;
    return Number(match[0]);
  };

  const parseValue = (depth: number): unknown => {
    skipSpace();
    if (onValue) onValue(path, position(at).line);
    const char = text[at];
    if (char === "{") return parseObject(depth + 1);
    if (char === "[") return parseArray(depth + 1);
    if (char === '"') {
      const value = parseString();
      const { text: safe, removed } = xmlSafeText(value);
      if (removed.length > 0) cleanedStrings.push({ path: [...path], removed });
      return safe;
    }
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return parseNumber();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return value;
      }
    }
    return fail(VALUE_ZH, VALUE_EN);
  };

  const tooDeep = (depth: number) => {
    if (depth > MAX_DEPTH)
      throw new JsonSyntaxError(at, `嵌套超过 ${MAX_DEPTH} 层`, `nested more than ${MAX_DEPTH} levels deep`);
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    tooDeep(depth);
    at += 1;
    const object: Record<string, unknown> = {};
    const lines = new Map<string, number>();
    skipSpace();
    if (text[at] === "}") {
      at += 1;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[at] !== '"') fail("用英文双引号括起的字段名", "a field name in double quotes");
      const keyAt = at;
      const key = parseString();
      const line = position(keyAt).line;
      const first = lines.get(key);
      if (first !== undefined) duplicates.push({ path: [...path, key], key, line, firstLine: first });
      else lines.set(key, line);
      expect(":", "字段名后的冒号 :", 'a ":" after the field name');
      path.push(key);
      // defineProperty: a field named __proto__ stays a plain field (then unknown to the schema).
      Object.defineProperty(object, key, {
        value: parseValue(depth),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      path.pop();
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "}") {
        at += 1;
        return object;
      }
      fail("逗号 , 或 }", 'a "," or "}"');
    }
  };

  const parseArray = (depth: number): unknown[] => {
    tooDeep(depth);
    at += 1;
    const array: unknown[] = [];
    skipSpace();
    if (text[at] === "]") {
      at += 1;
      return array;
    }
    for (;;) {
      path.push(array.length);
      array.push(parseValue(depth));
      path.pop();
      skipSpace();
      if (text[at] === ",") {
        at += 1;
        continue;
      }
      if (text[at] === "]") {
        at += 1;
        return array;
      }
      fail("逗号 , 或 ]", 'a "," or "]"');
    }
  };

  try {
    const value = parseValue(0);
    skipSpace();
    if (at < text.length)
      fail("文件结尾(JSON 值之后不应再有内容)", "the end of the file after the JSON value");
    return { ok: true, value, duplicates, cleaned: cleanedStrings };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { ok: false, ...position(error.at), zh: error.zh, en: error.en };
  }
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index += 1;
    if (code === 0x0a || code === 0x0d) starts.push(index + 1);
  }
  return starts;
}

// ---------------------------------------------------------------- problems

function malformed(failure: SyntaxFailure, file: string): Problem {
  const { line, column } = failure;
  return {
    severity: "error",
    file,
    row: line,
    column: String(column),
    field: "",
    message: `JSON 格式错误(第 ${line} 行第 ${column} 列):${failure.zh}`,
    messageEn: `Malformed JSON at line ${line}, column ${column}: ${failure.en}`,
    accepts: "符合 JSON 语法的区县数据",
    acceptsEn: "a district in JSON syntax",
  };
}

function duplicate({ path, key, line, firstLine }: Duplicate, file: string): Problem {
  return {
    severity: "error",
    file,
    row: line,
    field: pathText(path),
    message: `字段「${key}」在同一对象中写了两次(第 ${firstLine} 行和第 ${line} 行),无法判断用哪一个`,
    messageEn: `Field "${key}" is written twice in one object (lines ${firstLine} and ${line}): which one is meant is unclear`,
    accepts: "每个字段只写一次",
    acceptsEn: "each field once",
  };
}

function cleaned({ path, removed }: Cleaned, file: string): Problem {
  const label = fieldLabel(path);
  return {
    severity: "warning",
    file,
    field: pathText(path),
    message: `${label.zh}:含有 XML 无法保存的字符(${removed.join("、")}),已删除`,
    messageEn: `${label.en}: characters an .xlsx file cannot hold (${removed.join(", ")}) were removed`,
  };
}
