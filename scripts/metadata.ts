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
