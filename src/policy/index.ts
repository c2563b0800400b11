export * from "./types";
export { NATIONAL } from "./national";
export * from "./packs";
