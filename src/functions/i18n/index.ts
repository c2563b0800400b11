import { ASSIGNMENT } from "./assignment";
import { FISCAL } from "./fiscal";
import { FUNDING } from "./funding";
import { SCHOOLS } from "./schools";
import type { FunctionTable } from "./types";

export * from "./types";

/** zh-CN metadata and bilingual reference content of every EDU function, by function id. */
export const FUNCTION_TEXTS: FunctionTable = { ...FISCAL, ...SCHOOLS, ...FUNDING, ...ASSIGNMENT };
