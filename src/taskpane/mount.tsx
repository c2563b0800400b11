/**
 * The wizard itself (React and Fluent UI), loaded while the first view (shell.ts) is on screen: it renders over the
 * first view in one task, gives the focus to the twin of the control that had it, and carries out a button clicked
 * there. performance mark "taskpane-app-paint" records when the wizard first painted.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App, type OfficeColors } from "./App";
import { officeExcel } from "./excel";
import type { Locale } from "./i18n";
import type { WizardStore } from "./settings";
import type { Shell } from "./shell";

export interface MountOptions {
  readonly locale: Locale;
  readonly dark: boolean;
  readonly apiSupported: boolean;
  readonly colors?: OfficeColors;
  readonly store?: WizardStore;
}

export function mountApp(root: HTMLElement, shell: Shell, options: MountOptions): void {
  const focusKey = shell.focusKey();
  const app = createRoot(root);
  // Committed at once rather than in time slices: the first view is replaced in the same task, with no frame
  // showing both or neither.
  flushSync(() =>
    app.render(
      <App
        locale={options.locale}
        dark={options.dark}
        excel={officeExcel()}
        apiSupported={options.apiSupported}
        officeColors={options.colors}
        store={options.store}
        startAction={shell.action()}
      />,
    ),
  );
  shell.remove();
  if (focusKey) root.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("taskpane-app-paint")));
}
