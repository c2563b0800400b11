/**
 * Stands in for office.js in the browser tests: the fake Excel with a user's own sheet (the cell D5 selected),
 * Office globals with the display language the test asks for (?lang=… on the page URL), and window.__paneTest
 * for the test to inspect and steer.
 */
import { createFakeExcel, installFakeOffice } from "../../support/fakeExcel";
import { eventLoopTurn } from "../../../src/writers/officejs/batch";
import { gatedRunner } from "./paneOps";

// Excel applies a request outside the pane's thread; the fake applies it on that thread, pausing every few
// milliseconds so that the pane's long tasks (what the tests look at) are the pane's own.
const APPLY_SLICE_MS = 8;
let sliceStarted = performance.now();
const fake = createFakeExcel({
  sheets: [{ name: "Sheet1", cells: { A1: "我的数据", B2: 42, C3: "=1+1 stays mine" } }],
  pauseWhileApplying: () =>
    performance.now() - sliceStarted < APPLY_SLICE_MS
      ? undefined
      : eventLoopTurn().then(() => void (sliceStarted = performance.now())),
});
void fake.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("D5").select());
const query = new URLSearchParams(location.search);
const language = query.get("lang") ?? "zh-CN";
// ?excelApi=1.11 plays an Excel whose highest ExcelApi set is 1.11.
const highestApi = query.get("excelApi");
const minor = (version: string | undefined): number => Number(version?.split(".")[1] ?? 1);
const newer = (version: string | undefined, than: string): boolean => minor(version) > minor(than);
// The document's settings outlive the pane: kept in the tab's sessionStorage, so a reload is a reopened pane.
const SETTINGS = "fake-document-settings";
// ?theme=dark plays Office's dark theme (Office.context.officeTheme).
const dark = query.get("theme") === "dark";
installFakeOffice(globalThis, fake, {
  displayLanguage: language,
  documentSettings: {
    load: () => JSON.parse(sessionStorage.getItem(SETTINGS) ?? "{}") as Record<string, unknown>,
    save: (all) => sessionStorage.setItem(SETTINGS, JSON.stringify(all)),
  },
  ...(dark && { officeTheme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff" } }),
  isSetSupported: (name, version) => !highestApi || name !== "ExcelApi" || !newer(version, highestApi),
});
const { run, gate } = gatedRunner(fake);
(globalThis as unknown as { Excel: { run: unknown } }).Excel.run = run;

/** The active sheet's name and the selection on it. */
const view = () => {
  const active = fake.workbook.active;
  const sheet = fake.workbook.sheets.find((s) => s.id === active?.sheetId);
  return { active: sheet?.name ?? null, selection: active?.selection ?? null };
};
Object.assign(globalThis, { __paneTest: { fake, view, holdSyncs: gate.hold, releaseSyncs: gate.release } });
