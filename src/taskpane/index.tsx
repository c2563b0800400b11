/**
 * The task pane's entry: waits for Office, picks the language and theme Office reports, and renders the wizard.
 * performance mark "taskpane-first-paint" records when the app root first painted.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeExcel } from "./excel";
import { isDark, localeOf } from "./i18n";

function start(): void {
  const context = typeof Office === "undefined" ? undefined : Office.context;
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  const locale = localeOf(context?.displayLanguage ?? navigator.language);
  document.documentElement.lang = locale;
  createRoot(root).render(
    <App locale={locale} dark={isDark(context?.officeTheme?.bodyBackgroundColor)} excel={officeExcel()} />,
  );
  // Two frames: the first runs after React commits, the second after the browser painted it.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("taskpane-first-paint")));
}

if (typeof Office === "undefined") start();
else void Office.onReady(start);
