export { writeXlsx } from "./writeXlsx";
