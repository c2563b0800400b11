/**
 * The pane's first view, drawn with the DOM alone while the wizard (React and Fluent UI, some 500 KB of script to
 * parse and run) loads: on first run, the three steps and their buttons; when the document keeps an earlier state,
 * the step it was on. It looks like the wizard's own first view (same layout, Fluent's colours and sizes), so the
 * wizard replaces it without a jump. A button clicked here is remembered and carried out by the wizard as soon as it
 * is there, so nothing waits for the load to be clicked.
 */
import type { OfficeColors } from "./App";
import { officeColor, translator, type Locale, type StringKey } from "./i18n";
import type { Step } from "./state";

/** What the first view's buttons start: carried out by the Data step once the wizard has loaded. */
export type StartAction = "create" | "sample" | "read";

/** The step the pane opens on, with its place among the steps shown (from the document's kept state). */
export interface OpeningStep {
  readonly step: Step;
  readonly index: number;
  readonly total: number;
  readonly label: StringKey;
}

export interface ShellOptions {
  readonly locale: Locale;
  readonly dark: boolean;
  readonly colors?: OfficeColors;
  readonly opening: OpeningStep;
}

export interface Shell {
  /** The button clicked before the wizard was there, if any. */
  readonly action: () => StartAction | undefined;
  /** Which of its controls has the focus (its `data-focus-key`), so the wizard can give it to its own twin. */
  readonly focusKey: () => string | undefined;
  readonly remove: () => void;
  /** Says that the wizard's script could not be loaded, in place of the busy sign. */
  readonly failed: (message: string) => void;
}

/** Fluent UI's webLightTheme / webDarkTheme values the first view uses (a test keeps them equal to Fluent's). */
export const SHELL_PALETTE = {
  light: {
    background: "#ffffff",
    foreground: "#242424",
    foreground2: "#424242",
    panel: "#fafafa",
    stroke: "#d1d1d1",
    brand: "#0f6cbd",
    onBrand: "#ffffff",
    link: "#115ea3",
    disabled: "#bdbdbd",
  },
  dark: {
    background: "#292929",
    foreground: "#ffffff",
    foreground2: "#d6d6d6",
    panel: "#1f1f1f",
    stroke: "#666666",
    brand: "#115ea3",
    onBrand: "#ffffff",
    link: "#479ef5",
    disabled: "#5c5c5c",
  },
} as const;

/** Sizes as the wizard's (Fluent's spacing and type ramp, its Segoe UI / YaHei / PingFang font stack). */
const CSS = `
.edu-shell{--gap-s:8px;--gap-m:12px;min-height:100vh;box-sizing:border-box;padding:8px 12px 0;display:flex;flex-direction:column;gap:8px;
font:14px/20px "Segoe UI","Microsoft YaHei UI","Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC",sans-serif;
color:var(--fg);background:var(--bg)}
.edu-shell *{box-sizing:border-box}
.edu-shell main{display:flex;flex-direction:column;gap:8px}
.edu-shell [hidden]{display:none!important}
.edu-shell .tabs{display:flex;flex-wrap:wrap;min-height:44px;align-items:center}
.edu-shell .tab{padding:10px 12px;font-size:14px;color:var(--fg2)}
.edu-shell .tab.off{color:var(--fg-off)}
.edu-shell .tab[aria-current]{font-weight:600;color:var(--fg);box-shadow:inset 0 -3px 0 -0px var(--brand)}
.edu-shell .steps{display:flex;align-items:center;justify-content:space-between;gap:8px;margin:8px 0;min-height:24px}
.edu-shell .indicator{font-weight:600}
.edu-shell h2{font-size:16px;line-height:20px;margin:0}
.edu-shell h3{font-size:16px;line-height:22px;margin:0}
.edu-shell .placemat{display:flex;flex-direction:column;gap:8px;padding:12px;border-radius:4px;background:var(--panel)}
.edu-shell ol{margin:0;padding-inline-start:24px;display:flex;flex-direction:column;gap:4px}
.edu-shell li b{display:block;font-weight:600}
.edu-shell li span{display:block}
.edu-shell .row{display:flex;gap:8px;flex-wrap:wrap}
.edu-shell button{font:inherit;font-weight:600;min-width:96px;min-height:32px;padding:5px 12px;border-radius:4px;cursor:pointer;
border:1px solid var(--stroke);background:var(--bg);color:var(--fg)}
.edu-shell button.primary{background:var(--brand);border-color:transparent;color:var(--on-brand)}
.edu-shell button[aria-disabled=true]{cursor:default}
.edu-shell button:focus-visible,.edu-shell a:focus-visible{outline:2px solid var(--fg);outline-offset:2px}
.edu-shell a{color:var(--link);text-decoration:underline}
.edu-shell .busy{display:inline-flex;align-items:center;gap:4px;font-size:var(--small)}
.edu-shell .spin{width:12px;height:12px;border-radius:50%;border:2px solid var(--stroke);border-top-color:var(--brand);animation:edu-shell-spin .8s linear infinite}
@keyframes edu-shell-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.edu-shell .spin{animation:none}}
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  // Text as text nodes: the first view holds no markup from anywhere.
  node.append(...children);
  return node;
}

/** Draws the first view into `host` (the page's #shell) and returns what the wizard needs to take over. */
export function renderShell(host: HTMLElement, options: ShellOptions): Shell {
  const { locale, dark, colors, opening } = options;
  const t = translator(locale);
  const palette = SHELL_PALETTE[dark ? "dark" : "light"];
  const style = element("style", {}, CSS);
  const root = element("div", { class: "edu-shell", "data-testid": "shell", lang: locale });
  const vars: Record<string, string> = {
    "--bg": officeColor(colors?.bodyBackgroundColor) ?? palette.background,
    "--fg": officeColor(colors?.bodyForegroundColor) ?? palette.foreground,
    "--fg2": palette.foreground2,
    "--panel": palette.panel,
    "--stroke": palette.stroke,
    "--brand": palette.brand,
    "--on-brand": palette.onBrand,
    "--link": palette.link,
    "--fg-off": palette.disabled,
    // The wizard's Chinese secondary text is 13 px (Fluent's 12 px is hard to read in CJK).
    "--small": locale === "zh-CN" ? "13px" : "12px",
  };
  for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);

  let clicked: StartAction | undefined;
  const busy = element(
    "span",
    { class: "busy", role: "status" },
    element("span", { class: "spin", "aria-hidden": "true" }),
    t("busy"),
  );
  const buttons: HTMLButtonElement[] = [];
  const button = (action: StartAction, label: StringKey, primary = false) => {
    const node = element(
      "button",
      { type: "button", "data-focus-key": `start-${action}`, ...(primary && { class: "primary" }) },
      t(label),
    );
    node.addEventListener("click", () => {
      if (clicked) return;
      clicked = action;
      // Taken: the others wait, and the wizard carries it out once it is there.
      for (const b of buttons) b.setAttribute("aria-disabled", "true");
      busy.hidden = false;
    });
    buttons.push(node);
    return node;
  };

  const main = element(
    "main",
    { "aria-label": t("appTitle") },
    element(
      "div",
      { class: "tabs", "aria-hidden": "true" },
      element("span", { class: "tab", "aria-current": "page" }, t("tabWizard")),
      // Offered once data is loaded, as in the wizard.
      element("span", { class: "tab off", "aria-disabled": "true" }, t("tabCompare")),
      element("span", { class: "tab" }, t("tabFunctions")),
    ),
    element(
      "nav",
      { class: "steps", "aria-label": t("stepList") },
      element(
        "span",
        { class: "indicator", "data-testid": "shell-step" },
        t("stepOf", { index: opening.index, total: opening.total, name: t(opening.label) }),
      ),
    ),
    element("h2", { id: "shell-heading", tabindex: "-1" }, t(opening.label)),
  );
  if (opening.step === "data") {
    const steps = element(
      "ol",
      {},
      ...(
        [
          ["startCreate", "startCreateHint"],
          ["startFill", "startFillHint"],
          ["startRead", "startReadHint"],
        ] as const
      ).map(([title, hint]) => element("li", {}, element("b", {}, t(title)), element("span", {}, t(hint)))),
    );
    main.append(
      element(
        "section",
        { class: "placemat", "aria-labelledby": "shell-start-title" },
        element("h3", { id: "shell-start-title" }, t("startTitle")),
        steps,
        element(
          "div",
          { class: "row" },
          button("create", "dataCreateSheets", true),
          button("sample", "startTrySample"),
          button("read", "dataReadSheets"),
        ),
        element(
          "a",
          { href: "help/index.html", target: "_blank", rel: "noopener", "data-focus-key": "start-help" },
          t("startHelp"),
        ),
      ),
    );
    busy.hidden = true;
  }
  main.append(busy);
  root.append(main);
  host.append(style, root);

  return {
    action: () => clicked,
    focusKey: () =>
      document.activeElement instanceof HTMLElement && root.contains(document.activeElement)
        ? (document.activeElement.closest<HTMLElement>("[data-focus-key]")?.dataset.focusKey ?? undefined)
        : undefined,
    remove: () => host.replaceChildren(),
    failed: (message) => {
      for (const b of buttons) b.setAttribute("aria-disabled", "true");
      busy.replaceWith(element("p", { role: "alert" }, t("wizardLoadFailed", { message })));
    },
  };
}
