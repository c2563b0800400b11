/**
 * The task pane's entry: waits for Office, picks the language and theme Office reports, draws the first view with
 * the DOM alone (shell.ts) and hands over to the wizard (mount.tsx) once its script has loaded.
 * performance mark "taskpane-first-paint" records when the first view first painted.
 */
import { REQUIRED_EXCEL_API } from "./excel";
import { isDark, localeOf } from "./i18n";
import { officeStore, restoredState } from "./settings";
import { renderShell, type OpeningStep } from "./shell";
import { STEP_LABELS, initialState, stepPosition } from "./state";

/**
 * The wizard's script, asked for once the first view is on screen: asked for sooner, its chunks arrive and run
 * (some 400 ms of script on a slow machine) before the browser gets to paint the first view.
 */
const loadWizard = () => import(/* webpackChunkName: "wizard" */ "./mount");

/** The step the kept state opens on (Data for a new document), numbered as the wizard numbers it. */
function openingStep(kept: unknown): OpeningStep {
  const state = restoredState(kept) ?? initialState();
  return { step: state.step, ...stepPosition(state), label: STEP_LABELS[state.step] };
}

function start(): void {
  const context = typeof Office === "undefined" ? undefined : Office.context;
  const root = document.getElementById("root");
  const host = document.getElementById("shell");
  if (!root || !host) throw new Error("taskpane.html has no #root or #shell element");
  const locale = localeOf(context?.displayLanguage ?? navigator.language);
  document.documentElement.lang = locale;
  // Without it the writer cannot mark its sheets; the functions still work (outside Office there is no check).
  const apiSupported = context?.requirements?.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) ?? true;
  const colors = context?.officeTheme;
  const dark = isDark(colors?.bodyBackgroundColor);
  // Native controls (scroll bars, the file picker, form controls) follow Office's light or dark theme.
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  if (colors?.bodyBackgroundColor) document.body.style.backgroundColor = colors.bodyBackgroundColor;
  const store = officeStore();
  const shell = renderShell(host, { locale, dark, colors, opening: openingStep(store?.load()) });
  // Two frames: the first runs after the view is laid out, the second after the browser painted it.
  const painted = new Promise<void>((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        performance.mark("taskpane-first-paint");
        resolve();
      }),
    ),
  );
  painted
    .then(loadWizard)
    .then(({ mountApp }) => mountApp(root, shell, { locale, dark, apiSupported, colors, store }))
    .catch((error: unknown) => shell.failed(error instanceof Error ? error.message : String(error)));
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
