export * from "./types";
export { NATIONAL, NATIONAL_TIMELINE, RULES_YEAR } from "./national";
export * from "./packs";
export * from "./resolve";
export * from "./bounds";
export * from "./packFile";
