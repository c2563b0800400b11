import {
  Button,
  FluentProvider,
  Select,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ComponentType,
} from "react";
import type { ExcelGateway } from "./excel";
import type { StartAction } from "./shell";
import { officeColor, translator, type Locale } from "./i18n";
import { keptState, restoredState, type WizardStore } from "./settings";
import {
  STEP_LABELS,
  blockedReason,
  canVisit,
  initialState,
  reducer,
  stepPosition,
  visibleSteps,
  type Step,
} from "./state";
import { DataStep } from "./steps/DataStep";
import { startGeneration, type GenerationHandle } from "./generation";
import { errorMessage, type StatusIntent, type StepProps } from "./steps/types";

// Loaded when first shown, to keep the first render small: the function reference (a large table) and the
// steps that build the workbook plan.
const FunctionsPanel = lazy(() => import("./steps/FunctionsPanel"));
// The comparison of the loaded data with a scenario or another input: only once data is loaded.
const ComparePanel = lazy(() => import("./steps/ComparePanel"));
// The policy packs and their sources are not needed for the first render.
const PolicyStep = lazy(() => import("./steps/PolicyStep"));
const PreviewStep = lazy(() => import("./steps/PreviewStep"));
const GenerateStep = lazy(() => import("./steps/GenerateStep"));
// Only shown once data is loaded.
const ProblemsStep = lazy(() => import("./steps/ProblemsStep"));
const DoneStep = lazy(() => import("./steps/DoneStep"));
// Nothing is said before the user acts: the status bar loads after the first render.
const loadStatusBar = () => import("./StatusBar");
const StatusBar = lazy(loadStatusBar);

const STEP_COMPONENTS: { readonly [S in Step]: ComponentType<StepProps> } = {
  data: DataStep,
  problems: ProblemsStep,
  policy: PolicyStep,
  preview: PreviewStep,
  generate: GenerateStep,
  done: DoneStep,
};

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    paddingInline: tokens.spacingHorizontalM,
    paddingBlockStart: tokens.spacingVerticalS,
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
  },
  steps: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  jump: { minWidth: 0, maxWidth: "11rem" },
  // Three tabs in English do not fit a 320 px pane on one line: they wrap instead of scrolling.
  tabs: { flexWrap: "wrap" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, flexGrow: 1 },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  // Back and Next stay in view at the bottom of the pane, however long the step.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBlockStart: tokens.spacingVerticalL,
    paddingBlock: tokens.spacingVerticalS,
    flexWrap: "wrap",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  busy: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  spin: {
    width: "12px",
    height: "12px",
    borderRadius: "50%",
    border: `2px solid ${tokens.colorBrandStroke2}`,
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: "rotate(0deg)" }, to: { transform: "rotate(360deg)" } },
    animationDuration: "0.8s",
    animationIterationCount: "infinite",
    animationTimingFunction: "linear",
    "@media (prefers-reduced-motion: reduce)": { animationName: "none" },
  },
  liveRegion: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** Office's own fonts for Chinese first after Segoe UI (Latin), on Windows and on the Mac. */
const FONTS =
  '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", sans-serif';

/** The colours Office reports for the pane (Office.context.officeTheme), where it reports them. */
export interface OfficeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

/** Fluent's theme with Office's pane colours and CJK fonts; Chinese secondary text is at least 13 px. */
export function paneTheme(dark: boolean, locale: Locale, office?: OfficeColors): Theme {
  const base = dark ? webDarkTheme : webLightTheme;
  const background = officeColor(office?.bodyBackgroundColor);
  const foreground = officeColor(office?.bodyForegroundColor);
  return {
    ...base,
    fontFamilyBase: FONTS,
    ...(locale === "zh-CN" && { fontSizeBase200: "13px", lineHeightBase200: "18px" }),
    ...(background && { colorNeutralBackground1: background }),
    ...(foreground && { colorNeutralForeground1: foreground }),
  };
}

/** "Working…" with a small turning ring: Fluent's Spinner, without its weight in the first script. */
function Busy({ label }: { readonly label: string }) {
  const styles = useStyles();
  return (
    <span className={styles.busy} role="status">
      <span className={styles.spin} aria-hidden="true" />
      <Text size={200}>{label}</Text>
    </span>
  );
}

export interface AppProps {
  readonly locale: Locale;
  readonly dark: boolean;
  readonly excel: ExcelGateway;
  /** Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) at start. */
  readonly apiSupported?: boolean;
  /** Office.context.officeTheme's pane colours, when Office reports them. */
  readonly officeColors?: OfficeColors;
  /** Where the wizard's state is kept between openings of the pane (the document's settings). */
  readonly store?: WizardStore;
  /** A first-view button clicked before the wizard had loaded: the Data step carries it out. */
  readonly startAction?: StartAction;
}

export function App({
  locale,
  dark,
  excel,
  apiSupported = true,
  officeColors,
  store,
  startAction,
}: AppProps) {
  const styles = useStyles();
  const t = translator(locale);
  const [state, dispatch] = useReducer(
    reducer,
    store,
    (kept) => restoredState(kept?.load()) ?? initialState(),
  );
  const [tab, setTab] = useState<"wizard" | "compare" | "functions">("wizard");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; intent: StatusIntent; cause?: string }>({
    text: "",
    intent: "info",
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  // The running generation lives here, not in the Generate step, so Cancel works whatever is shown.
  const generation = useRef<GenerationHandle | undefined>(undefined);
  const generating = state.generation.status === "running";
  // Carried out once, by the first Data step shown.
  const pendingStart = useRef(startAction);
  const takeStartAction = useCallback(() => {
    const action = pendingStart.current;
    pendingStart.current = undefined;
    return action;
  }, []);

  const announce = useCallback(
    (text: string, intent: StatusIntent = "info") => setStatus({ text, intent }),
    [],
  );
  const run = useCallback(
    (task: () => Promise<void>) => {
      setBusy(true);
      task()
        .catch((cause: unknown) => {
          setStatus({ text: t("runFailed"), intent: "error", cause: errorMessage(cause) });
        })
        .finally(() => setBusy(false));
    },
    [t, announce],
  );

  const generate = () => {
    const handle = startGeneration(state, { excel, t, dispatch, announce });
    generation.current = handle;
    void handle.finished.finally(() => {
      if (generation.current === handle) generation.current = undefined;
    });
  };

  // After the first paint, so that it does not compete with it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => void loadStatusBar(), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  // One theme object per pane: a new one would make Fluent write its variables again on every render.
  const theme = useMemo(() => paneTheme(dark, locale, officeColors), [dark, locale, officeColors]);

  // Kept in the document as it changes (not while a generation runs: its end is kept).
  useEffect(() => {
    if (!store || generating) return;
    const timer = setTimeout(() => store.save(keptState(state)), 200);
    return () => clearTimeout(timer);
  }, [store, state, generating]);

  // Keyboard and screen-reader users land on the new step's heading.
  // Done is the outcome of a generation: its step focuses its summary instead.
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else if (state.step !== "done") heading.current?.focus();
  }, [state.step]);

  const shown = visibleSteps(state);
  const position = stepPosition(state);
  const reason = blockedReason(state);
  const showNext = state.step !== "generate" && state.step !== "done";
  const Body = STEP_COMPONENTS[state.step];
  const props: StepProps = {
    state,
    dispatch,
    t,
    locale,
    excel,
    run,
    announce,
    busy,
    generate,
    cancel: () => generation.current?.cancel(),
    apiSupported,
    takeStartAction,
  };

  return (
    <FluentProvider theme={theme} lang={locale} className={styles.root}>
      {/* Office shows the add-in's name above the pane: no heading repeats it. */}
      <main id="app-root" aria-label={t("appTitle")} className={styles.body}>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          disabled={generating}
          onTabSelect={(_, data) => setTab(data.value as typeof tab)}
        >
          <Tab value="wizard">{t("tabWizard")}</Tab>
          <Tab value="compare" disabled={!state.district}>
            {t("tabCompare")}
          </Tab>
          <Tab value="functions">{t("tabFunctions")}</Tab>
        </TabList>
        {status.text && (
          <Suspense fallback={null}>
            <StatusBar status={status} t={t} />
          </Suspense>
        )}
        {tab === "compare" && state.district ? (
          <section aria-label={t("tabCompare")} className={styles.body}>
            <Suspense fallback={<Busy label={t("busy")} />}>
              <ComparePanel {...props} />
            </Suspense>
          </section>
        ) : tab === "functions" ? (
          <section aria-label={t("tabFunctions")} className={styles.body}>
            <Suspense fallback={<Busy label={t("busy")} />}>
              <FunctionsPanel {...props} />
            </Suspense>
          </section>
        ) : (
          <>
            <nav aria-label={t("stepList")} className={styles.steps}>
              <Text weight="semibold" data-testid="step-indicator">
                {t("stepOf", {
                  index: position.index,
                  total: position.total,
                  name: t(STEP_LABELS[state.step]),
                })}
              </Text>
              <Select
                size="small"
                className={styles.jump}
                aria-label={t("stepJump")}
                value={state.step}
                disabled={busy || generating}
                onChange={(_, data) => dispatch({ type: "goTo", step: data.value as Step })}
              >
                {shown.map((step, index) => (
                  <option key={step} value={step} disabled={step !== state.step && !canVisit(state, step)}>
                    {index + 1}. {t(STEP_LABELS[step])}
                  </option>
                ))}
              </Select>
            </nav>
            <section aria-labelledby="step-heading" className={styles.body}>
              <h2 id="step-heading" ref={heading} tabIndex={-1} className={styles.heading}>
                {t(STEP_LABELS[state.step])}
              </h2>
              <Suspense fallback={<Busy label={t("busy")} />}>
                <Body {...props} />
              </Suspense>
            </section>
            <div className={styles.footer}>
              {position.index > 1 && state.step !== "done" && (
                <Button
                  disabled={busy || state.generation.status === "running"}
                  onClick={() => dispatch({ type: "back" })}
                >
                  {t("back")}
                </Button>
              )}
              {showNext && (
                <Button
                  // One primary action per view: before data is loaded it is the Data step's own.
                  appearance={state.step === "data" && !state.source ? "secondary" : "primary"}
                  disabled={busy || reason !== undefined}
                  aria-describedby={reason ? "next-reason" : undefined}
                  onClick={() => dispatch({ type: "next" })}
                >
                  {t("next")}
                </Button>
              )}
              {showNext && reason && (
                <Text id="next-reason" size={200} data-testid="next-reason">
                  {t(reason, {
                    count:
                      reason === "policyFixInvalid"
                        ? state.invalidPolicy.length
                        : state.problems.filter((p) => p.severity === "error").length,
                  })}
                </Text>
              )}
              {busy && <Busy label={t("busy")} />}
            </div>
          </>
        )}
        <div role="status" aria-live="polite" className={styles.liveRegion} data-testid="live">
          {status.text}
        </div>
      </main>
    </FluentProvider>
  );
}
