/**
 * The EDU custom functions, the entry webpack bundles as functions.js: thin adapters over src/domain, one module per
 * family, each beside its texts (zh-CN names, parameter texts, reference help). The JSDoc of each function is its
 * Excel metadata (custom-functions-metadata reads the family modules listed in scripts/docs.ts, FUNCTION_SOURCES, and
 * adds each module's CustomFunctions.associate calls); the namespace EDU and the zh-CN names are added by the build.
 * Defaults come from the built-in "edu-default" policy pack (the national rules in force now); a year argument takes
 * the national rules in force in that year (src/domain/staffing.ts, publicFunds.ts, policyInForce.ts).
 */
export * from "./fiscal/functions";
export * from "./schools/functions";
export * from "./funding/functions";
export * from "./assignment/functions";
export * from "./projection/functions";
export * from "./budget/functions";
