import type { FunctionTable, FunctionText, NamedParameterText } from "../src/functions/i18n/types";
import type { FunctionsMetadata } from "./metadata";

/** Everything that keeps the table from describing the functions exactly: each line names the id. */
export function translationProblems(metadata: FunctionsMetadata, table: FunctionTable): string[] {
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const fn of metadata.functions) {
    const text = table[fn.id];
    if (!text) {
      problems.push(`EDU.${fn.id} has no translation in src/functions/i18n`);
    } else if (text.parameters.length !== fn.parameters.length) {
      problems.push(
        `EDU.${fn.id} has ${fn.parameters.length} parameters (${fn.parameters.map((p) => p.name).join(", ")}) but ${text.parameters.length} translations`,
      );
    } else {
      const named = text.parameters.map((p) => p.name).join(", ");
      const declared = fn.parameters.map((p) => p.name).join(", ");
      if (named !== declared)
        problems.push(`EDU.${fn.id} translates parameters (${named}) but its JSDoc names (${declared})`);
    }
  }
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`src/functions/i18n translates EDU.${id}, which is not a function`);
  }
  return problems;
}

/** A parameter's texts by its JSDoc name (translationProblems has made sure there is one). */
export function parameterText(text: FunctionText, name: string): NamedParameterText {
  const found = text.parameters.find((p) => p.name === name);
  if (!found) throw new Error(`No texts for parameter ${name}`);
  return found;
}

/** functions.zh-cn.json: the same functions and parameters with zh-CN names and descriptions. */
export function localizeMetadata(metadata: FunctionsMetadata, table: FunctionTable): FunctionsMetadata {
  const problems = translationProblems(metadata, table);
  if (problems.length > 0) throw new Error(`Localized metadata:\n  ${problems.join("\n  ")}`);
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const text = table[fn.id]!;
      return {
        ...fn,
        name: text.zhName,
        description: text.zhDescription,
        ...(fn.helpUrl ? { helpUrl: `${fn.helpUrl}#zh-CN` } : {}),
        parameters: fn.parameters.map((p) => {
          const translated = parameterText(text, p.name);
          return { ...p, name: translated.zhName, description: translated.zhDescription };
        }),
      };
    }),
  };
}
