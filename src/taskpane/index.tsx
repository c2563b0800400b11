/**
 * The task pane's entry: waits for Office, picks the language and theme Office reports, and renders the wizard.
 * performance mark "taskpane-first-paint" records when the app root first painted.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { REQUIRED_EXCEL_API, officeExcel } from "./excel";
import { isDark, localeOf } from "./i18n";
import { officeStore } from "./settings";

function start(): void {
  const context = typeof Office === "undefined" ? undefined : Office.context;
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  const locale = localeOf(context?.displayLanguage ?? navigator.language);
  document.documentElement.lang = locale;
  // Without it the writer cannot mark its sheets; the functions still work (outside Office there is no check).
  const apiSupported = context?.requirements?.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) ?? true;
  const theme = context?.officeTheme;
  const dark = isDark(theme?.bodyBackgroundColor);
  // Native controls (scroll bars, the file picker, form controls) follow Office's light or dark theme.
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  if (theme?.bodyBackgroundColor) document.body.style.backgroundColor = theme.bodyBackgroundColor;
  // The first render is committed at once rather than in time slices: on a busy main thread (Office's own work,
  // the chunks loading) a sliced render yields to every other task before anything is on screen.
  const app = createRoot(root);
  flushSync(() =>
    app.render(
      <App
        locale={locale}
        dark={dark}
        excel={officeExcel()}
        apiSupported={apiSupported}
        officeColors={theme}
        store={officeStore()}
      />,
    ),
  );
  // Two frames: the first runs after React commits, the second after the browser painted it.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("taskpane-first-paint")));
}

/**
 * office.js comes from Microsoft's CDN (Office requires it); taskpane.html runs it before this deferred script, so a
 * missing Office global means it could not load (a closed network): the page's own explanation is shown instead of
 * a blank pane.
 */
function officeMissing(): void {
  const note = document.getElementById("office-missing");
  if (note) note.hidden = false;
}

if (typeof Office === "undefined") officeMissing();
else void Office.onReady(start);
