/** The district: model, validation, samples and the readers of JSON, input sheets and CSV (exceljs lives in readers/xlsx). */
export * from "./model";
export * from "./problems";
export {
  validateDistrict,
  KNOWN_POLICY_PACKS,
  MAX_SCHOOLS,
  type DistrictResult,
  type Origin,
} from "./validate";
export { GRADES_BY_TYPE, GRADES_BY_LEVEL, schoolStudents } from "./grades";
export { SHEETS, sheetSpec, type SheetKey, type SheetSpec, type FieldSpec } from "./layout";
export { SAMPLES, getSample, generateDistrict, type Sample } from "./samples";
export { readDistrictJson } from "./readers/json";
export { readDistrictTables, specForName, type InputTable } from "./readers/tables";
export { districtToTables } from "./readers/toTables";
export {
  decodeCsv,
  parseCsv,
  encodeCsv,
  readCsvTable,
  mergeTables,
  type CsvEncoding,
  type CsvTable,
} from "./readers/csv";
