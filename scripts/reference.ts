/**
 * The function reference, generated from functions.json (English names, descriptions, parameters) and the
 * translation table (zh-CN text, rules, sources, examples, errors): static help pages for dist/help and the same
 * content as Markdown for docs/functions.md. Help pages hold escaped text only, no scripts.
 */
import { EDU_DEFAULT, POLICY_KEYS } from "../src/policy";
import type {
  Bilingual,
  CellValue,
  ErrorCell,
  ExcelResult,
  ExcelValue,
  FunctionTable,
  FunctionText,
} from "../src/functions/i18n/types";
import { parameterText, translationProblems } from "./localize";
import type { FunctionMetadata, FunctionsMetadata, ParameterMetadata } from "./metadata";

type Language = "zh" | "en";

interface Entry {
  readonly meta: FunctionMetadata;
  readonly text: FunctionText;
}

const LABELS = {
  zh: {
    title: "EDU 函数参考",
    all: "全部函数",
    syntax: "语法",
    parameters: "参数",
    parameter: "参数",
    type: "类型",
    description: "说明",
    checks: "核对内容",
    rule: "规则",
    source: "依据",
    examples: "示例",
    formula: "公式",
    result: "结果",
    errors: "错误",
    error: "错误值",
    when: "何时出现",
    noErrors: "只有 Excel 自身的错误（如参数不是数字）。",
    optional: "可选",
    range: "区域",
    policyKeys: "政策参数",
    key: "键",
    value: "值",
    unit: "单位",
    fromYear: "起始年份",
    intro:
      "在 Excel 中输入 =EDU. 即可使用这些函数。比率以小数表示（0.03 即 3%）。省略的可选参数取内置政策参数包的默认值。“§”指项目政策依据的章节，S1-…、S2-… 指两篇讲话中的政策条目。",
    types: { number: "数字", string: "文本", boolean: "逻辑值", any: "任意" } as Record<string, string>,
  },
  en: {
    title: "EDU function reference",
    all: "All functions",
    syntax: "Syntax",
    parameters: "Parameters",
    parameter: "Parameter",
    type: "Type",
    description: "Description",
    checks: "What it checks",
    rule: "Rule",
    source: "Source",
    examples: "Examples",
    formula: "Formula",
    result: "Result",
    errors: "Errors",
    error: "Error",
    when: "When",
    noErrors: "Only Excel's own (e.g. an argument that is not a number).",
    optional: "optional",
    range: "range",
    policyKeys: "Policy values",
    key: "Key",
    value: "Value",
    unit: "Unit",
    fromYear: "From",
    intro:
      "Type =EDU. in a cell to use these functions. Rates are fractions (0.03 is 3 %). An omitted optional argument takes its default from the built-in policy pack. “§” refers to a section of the project's policy reference; S1-… and S2-… are the policy items of the two district speeches.",
    types: { number: "number", string: "text", boolean: "logical", any: "any" } as Record<string, string>,
  },
} as const;

export function entries(metadata: FunctionsMetadata, table: FunctionTable): Entry[] {
  const problems = translationProblems(metadata, table);
  if (problems.length > 0) throw new Error(`Function reference:\n  ${problems.join("\n  ")}`);
  return metadata.functions.map((meta) => ({ meta, text: table[meta.id]! }));
}

function name(entry: Entry, language: Language): string {
  return language === "zh" ? entry.text.zhName : entry.meta.name;
}

function description(entry: Entry, language: Language): string {
  return language === "zh" ? entry.text.zhDescription : (entry.meta.description ?? "");
}

function parameterName(entry: Entry, p: ParameterMetadata, language: Language): string {
  return language === "zh" ? parameterText(entry.text, p.name).zhName : p.name;
}

function parameterDescription(entry: Entry, p: ParameterMetadata, language: Language): string {
  return language === "zh" ? parameterText(entry.text, p.name).zhDescription : (p.description ?? "");
}

function parameterType(p: ParameterMetadata, language: Language): string {
  const labels = LABELS[language];
  const type = labels.types[p.type] ?? p.type;
  const shape = p.dimensionality === "matrix" ? ` (${labels.range})` : "";
  return `${type}${shape}${p.optional ? `, ${labels.optional}` : ""}`;
}

function syntax(entry: Entry, language: Language): string {
  const params = entry.meta.parameters.map((p) => {
    const label = parameterName(entry, p, language);
    return p.optional ? `[${label}]` : label;
  });
  return `=EDU.${name(entry, language)}(${params.join(", ")})`;
}

function isRange(value: ExcelValue): value is readonly (readonly CellValue[])[] {
  return Array.isArray(value);
}

/** An argument as typed in a formula: text quoted, ranges as array constants, an omitted argument empty. */
function formulaValue(value: ExcelValue): string {
  if (value === null) return "";
  if (isRange(value)) return `{${value.map((cells) => cells.map(formulaValue).join(",")).join(";")}}`;
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function formula(functionName: string, args: readonly ExcelValue[]): string {
  const shown = [...args];
  while (shown.length > 0 && shown[shown.length - 1] === null) shown.pop();
  return `=EDU.${functionName}(${shown.map(formulaValue).join(",")})`;
}

function isResultRange(
  value: ExcelResult | ErrorCell,
): value is readonly (readonly (CellValue | ErrorCell)[])[] {
  return Array.isArray(value);
}

/** A result as Excel shows it; an error cell of a spill as its error value (#DIV/0!). */
function resultValue(value: ExcelResult | ErrorCell, digits: number | undefined): string {
  if (typeof value === "number") {
    return digits === undefined
      ? String(Number(value.toPrecision(12)))
      : String(Number(value.toFixed(digits)));
  }
  if (isResultRange(value)) {
    return `{${value.map((cells) => cells.map((cell) => resultValue(cell, digits)).join(",")).join(";")}}`;
  }
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  return value;
}

interface Block {
  readonly heading: string;
  readonly paragraph?: string;
  readonly code?: string;
  /** code: the columns shown as code (formulas, results, keys). */
  readonly table?: {
    readonly head: readonly string[];
    readonly rows: readonly (readonly string[])[];
    readonly code?: readonly number[];
  };
}

/** One function's reference in one language, as headed blocks both renderers share. */
function blocks(entry: Entry, language: Language): Block[] {
  const l = LABELS[language];
  const pick = (text: Bilingual): string => text[language];
  const result: Block[] = [
    { heading: l.syntax, code: syntax(entry, language) },
    {
      heading: l.parameters,
      table: {
        head: [l.parameter, l.type, l.description],
        rows: entry.meta.parameters.map((p) => [
          parameterName(entry, p, language),
          parameterType(p, language),
          parameterDescription(entry, p, language),
        ]),
      },
    },
    { heading: l.checks, paragraph: pick(entry.text.checks) },
    { heading: l.rule, paragraph: pick(entry.text.rule) },
    ...(entry.text.tables ?? []).map((t): Block => ({
      heading: pick(t.title),
      table: {
        head: t.head.map(pick),
        rows: t.rows.map((cells) => cells.map((c) => (typeof c === "string" ? c : pick(c)))),
      },
    })),
    { heading: l.source, paragraph: pick(entry.text.source) },
    {
      heading: l.examples,
      table: {
        head: [l.formula, l.result, l.description],
        rows: entry.text.examples.map((e) => [
          formula(name(entry, language), e.args),
          resultValue(e.result, e.digits),
          e.note ? pick(e.note) : "",
        ]),
        code: [0, 1],
      },
    },
    entry.text.errors.length === 0
      ? { heading: l.errors, paragraph: l.noErrors }
      : {
          heading: l.errors,
          table: {
            head: [l.error, l.when, l.formula],
            rows: entry.text.errors.map((e) => [
              e.error,
              pick(e.when),
              formula(name(entry, language), e.args),
            ]),
            code: [2],
          },
        },
  ];
  if (entry.meta.id === "POLICY") result.push(policyBlock(language));
  return result;
}

function policyBlock(language: Language): Block {
  const l = LABELS[language];
  return {
    heading: l.policyKeys,
    table: {
      head: [l.key, l.value, l.unit, l.description, l.fromYear, l.source],
      rows: POLICY_KEYS.map((key) => {
        const v = EDU_DEFAULT.values[key];
        return [
          key,
          String(v.value),
          v.unit,
          language === "zh" ? v.labelZh : v.labelEn,
          String(v.fromYear),
          v.source,
        ];
      }),
      code: [0],
    },
  };
}

// ---- HTML ----

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:"Segoe UI","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.6rem;margin-bottom:0}h2{font-size:1.1rem;margin-top:1.4rem}.id{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f1}code,pre{font-family:Consolas,monospace;background:#f5f5f5}pre{padding:.5rem;overflow-x:auto}
section+section{border-top:2px solid #217346;margin-top:2rem}nav{margin-bottom:1rem}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function htmlTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  codeColumns: readonly number[],
): string {
  const cell = (text: string, i: number): string =>
    `<td>${codeColumns.includes(i) ? `<code>${escapeHtml(text)}</code>` : escapeHtml(text)}</td>`;
  return `<table>
<tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>
${rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}
</table>`;
}

function htmlBlock(block: Block): string {
  const parts = [`<h2>${escapeHtml(block.heading)}</h2>`];
  if (block.paragraph !== undefined) parts.push(`<p>${escapeHtml(block.paragraph)}</p>`);
  if (block.code !== undefined) parts.push(`<pre><code>${escapeHtml(block.code)}</code></pre>`);
  if (block.table) parts.push(htmlTable(block.table.head, block.table.rows, block.table.code ?? []));
  return parts.join("\n");
}

function htmlSection(entry: Entry, language: Language): string {
  const id = language === "zh" ? "zh-CN" : "en";
  return `<section id="${id}" lang="${id}">
<h1>EDU.${escapeHtml(name(entry, language))}</h1>
<p class="id">EDU.${escapeHtml(name(entry, language === "zh" ? "en" : "zh"))}</p>
<p>${escapeHtml(description(entry, language))}</p>
${blocks(entry, language).map(htmlBlock).join("\n")}
</section>`;
}

/** help/<ID>.html for every function (zh-CN first, then English) and help/index.html. */
export function helpPages(metadata: FunctionsMetadata, table: FunctionTable): Record<string, string> {
  const all = entries(metadata, table);
  const pages: Record<string, string> = {};
  for (const entry of all) {
    const nav = `<nav><a href="index.html">${escapeHtml(`${LABELS.zh.all} · ${LABELS.en.all}`)}</a> · <a href="#en">English</a></nav>`;
    pages[`help/${entry.meta.id}.html`] = page(
      `EDU.${entry.text.zhName} (EDU.${entry.meta.id})`,
      `${nav}\n${htmlSection(entry, "zh")}\n${htmlSection(entry, "en")}`,
    );
  }
  const rows = all.map(
    (entry) =>
      `<tr><td><a href="${entry.meta.id}.html">EDU.${escapeHtml(entry.text.zhName)}</a></td><td><a href="${entry.meta.id}.html#en">EDU.${escapeHtml(entry.meta.name)}</a></td><td>${escapeHtml(entry.text.zhDescription)}</td><td>${escapeHtml(entry.meta.description ?? "")}</td></tr>`,
  );
  pages["help/index.html"] = page(
    `${LABELS.zh.title} · ${LABELS.en.title}`,
    `<h1>${escapeHtml(`${LABELS.zh.title} · ${LABELS.en.title}`)}</h1>
<p lang="zh-CN">${escapeHtml(LABELS.zh.intro)}</p>
<p lang="en">${escapeHtml(LABELS.en.intro)}</p>
<table>
<tr><th>函数</th><th>Function</th><th>说明</th><th>Description</th></tr>
${rows.join("\n")}
</table>`,
  );
  return pages;
}

// ---- Markdown ----

function markdownText(text: string): string {
  return text.replace(/</g, "&lt;").replace(/\|/g, "\\|");
}

function markdownCode(text: string): string {
  return `\`${text.replace(/\|/g, "\\|")}\``;
}

function markdownBlock(block: Block): string {
  const parts = [`#### ${block.heading}`];
  if (block.paragraph !== undefined) parts.push(markdownText(block.paragraph));
  if (block.code !== undefined) parts.push(markdownCode(block.code));
  if (block.table) {
    const code = block.table.code ?? [];
    const cell = (text: string, i: number): string =>
      text === "" ? "" : code.includes(i) ? markdownCode(text) : markdownText(text);
    parts.push(
      [
        `| ${block.table.head.map(markdownText).join(" | ")} |`,
        `|${block.table.head.map(() => "---").join("|")}|`,
        ...block.table.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
      ].join("\n"),
    );
  }
  return parts.join("\n\n");
}

/** docs/functions.md: the index table, then every function in zh-CN and English. */
export function referenceMarkdown(metadata: FunctionsMetadata, table: FunctionTable): string {
  const all = entries(metadata, table);
  const lines = [
    `# ${LABELS.zh.title} · ${LABELS.en.title}`,
    "<!-- Generated by `npm run docs` from the functions' JSDoc and their texts (src/functions/*/texts.ts): edit those, not this file. -->",
    LABELS.zh.intro,
    LABELS.en.intro,
    [
      "| 函数 | Function | 说明 | Description |",
      "|---|---|---|---|",
      ...all.map(
        (e) =>
          `| [EDU.${e.text.zhName}](#${e.meta.id.toLowerCase()}) | EDU.${e.meta.name} | ${markdownText(e.text.zhDescription)} | ${markdownText(e.meta.description ?? "")} |`,
      ),
    ].join("\n"),
  ];
  for (const entry of all) {
    lines.push(
      `<a id="${entry.meta.id.toLowerCase()}"></a>\n\n## EDU.${entry.meta.name} · EDU.${entry.text.zhName}`,
      `### 中文\n\n${markdownText(entry.text.zhDescription)}`,
      ...blocks(entry, "zh").map(markdownBlock),
      `### English\n\n${markdownText(entry.meta.description ?? "")}`,
      ...blocks(entry, "en").map(markdownBlock),
    );
  }
  return `${lines.join("\n\n")}\n`;
}
