/**
 * Stands in for office.js in the browser tests: the fake Excel with a user's own sheet (the cell D5 selected),
 * Office globals with the display language the test asks for (?lang=… on the page URL), and window.__paneTest
 * for the test to inspect and steer.
 */
import { createFakeExcel, installFakeOffice } from "../../support/fakeExcel";
import { gatedRunner } from "./paneOps";

const fake = createFakeExcel({
  sheets: [{ name: "Sheet1", cells: { A1: "我的数据", B2: 42, C3: "=1+1 stays mine" } }],
});
void fake.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("D5").select());
const language = new URLSearchParams(location.search).get("lang") ?? "zh-CN";
installFakeOffice(globalThis, fake, { displayLanguage: language });
const { run, gate } = gatedRunner(fake);
(globalThis as unknown as { Excel: { run: unknown } }).Excel.run = run;

/** The active sheet's name and the selection on it. */
const view = () => {
  const active = fake.workbook.active;
  const sheet = fake.workbook.sheets.find((s) => s.id === active?.sheetId);
  return { active: sheet?.name ?? null, selection: active?.selection ?? null };
};
Object.assign(globalThis, { __paneTest: { fake, view, holdSyncs: gate.hold, releaseSyncs: gate.release } });
