// The constants the task pane is built with (webpack's DefinePlugin) and tested with (jest's globals), from one
// place: the package's version, and the budget workbook's sheet keys in workbook order, so the wizard's first
// render knows them without loading the sheet builders.
require("./ts-require");
const { version } = require("../package.json");
const { SHEET_ORDER } = require("../src/plan/sheets/index.ts");

module.exports = { __EDU_VERSION__: version, __EDU_SHEET_ORDER__: [...SHEET_ORDER] };
