/**
 * Stands in for office.js in the browser tests: the fake Excel with a user's own sheet, Office globals with the
 * display language the test asks for (?lang=… on the page URL), and window.__paneTest for the test to inspect.
 */
import { createFakeExcel, installFakeOffice } from "../../support/fakeExcel";
import { paneRunner, type PaneView } from "./paneOps";

const fake = createFakeExcel({
  sheets: [{ name: "Sheet1", cells: { A1: "我的数据", B2: 42, C3: "=1+1 stays mine" } }],
});
const language = new URLSearchParams(location.search).get("lang") ?? "zh-CN";
installFakeOffice(globalThis, fake, { displayLanguage: language });
const view: PaneView = { active: "Sheet1", selection: { sheet: "Sheet1", address: "D5" }, syncGate: null };
let openGate = (): void => undefined;
/** Hold every sync until release() (for pressing Cancel mid-generation). */
const holdSyncs = () => {
  view.syncGate = new Promise((resolve) => (openGate = resolve));
};
const releaseSyncs = () => {
  view.syncGate = null;
  openGate();
};
(globalThis as unknown as { Excel: { run: unknown } }).Excel.run = paneRunner(fake, view);
Object.assign(globalThis, { __paneTest: { fake, view, holdSyncs, releaseSyncs } });
