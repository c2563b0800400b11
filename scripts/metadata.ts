import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** The shape of functions.json as custom-functions-metadata writes it (the parts the build reads). */
export interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type: string;
  readonly dimensionality?: "scalar" | "matrix";
  readonly optional?: boolean;
  readonly repeating?: boolean;
}

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly helpUrl?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly type?: string; readonly dimensionality?: "scalar" | "matrix" };
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface FunctionsMetadata {
  readonly functions: readonly FunctionMetadata[];
  readonly [key: string]: unknown;
}

export const DEV_URL = "https://localhost:3000/";

/** The bundle's entry: it imports every family below. */
export const FUNCTIONS_ENTRY = join(__dirname, "..", "src", "functions", "functions.ts");
/** The modules whose JSDoc is the functions' metadata, one per family, in the order functions.json lists them. */
export const FUNCTION_FAMILIES = [
  "fiscal",
  "schools",
  "funding",
  "assignment",
  "projection",
  "budget",
] as const;
export const FUNCTION_SOURCES: readonly string[] = FUNCTION_FAMILIES.map((family) =>
  join(__dirname, "..", "src", "functions", family, "functions.ts"),
);

/** The same metadata the webpack plugin emits as functions.json. */
export async function sourceMetadata(): Promise<FunctionsMetadata> {
  const result = await generateCustomFunctionsMetadata([...FUNCTION_SOURCES], true);
  if (result.errors.length > 0) throw new Error(`Function metadata:\n  ${result.errors.join("\n  ")}`);
  return JSON.parse(result.metadataJson) as FunctionsMetadata;
}
