import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import {
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useReducer,
  useRef,
  useState,
  type ComponentType,
} from "react";
import type { ExcelGateway } from "./excel";
import { translator, type Locale, type StringKey } from "./i18n";
import { STEPS, blockedReason, canVisit, initialState, reducer, type Step } from "./state";
import { DataStep } from "./steps/DataStep";
import { DoneStep } from "./steps/DoneStep";
import { ProblemsStep } from "./steps/ProblemsStep";
import { startGeneration, type GenerationHandle } from "./generation";
import { errorMessage, type StatusIntent, type StepProps } from "./steps/types";

// Loaded when first shown, to keep the first render small: the function reference (a large table) and the
// steps that build the workbook plan.
const FunctionsPanel = lazy(() => import("./steps/FunctionsPanel"));
// The policy packs and their sources are not needed for the first render.
const PolicyStep = lazy(() => import("./steps/PolicyStep"));
const PreviewStep = lazy(() => import("./steps/PreviewStep"));
const GenerateStep = lazy(() => import("./steps/GenerateStep"));

const STEP_LABELS: { readonly [S in Step]: StringKey } = {
  data: "stepData",
  problems: "stepProblems",
  policy: "stepPolicy",
  preview: "stepPreview",
  generate: "stepGenerate",
  done: "stepDone",
};

const STEP_COMPONENTS: { readonly [S in Step]: ComponentType<StepProps> } = {
  data: DataStep,
  problems: ProblemsStep,
  policy: PolicyStep,
  preview: PreviewStep,
  generate: GenerateStep,
  done: DoneStep,
};

const useStyles = makeStyles({
  root: { minHeight: "100vh", padding: tokens.spacingHorizontalM, boxSizing: "border-box" },
  title: { fontSize: tokens.fontSizeBase500, margin: `0 0 ${tokens.spacingVerticalS}` },
  steps: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyle: "none",
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0`,
    "& button": { minWidth: 0, paddingInline: tokens.spacingHorizontalS },
  },
  status: { marginBlock: tokens.spacingVerticalS },
  cause: { display: "block", color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  footer: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalL,
    flexWrap: "wrap",
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

export interface AppProps {
  readonly locale: Locale;
  readonly dark: boolean;
  readonly excel: ExcelGateway;
  /** Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) at start. */
  readonly apiSupported?: boolean;
}

const STATUS_INTENT = { info: "info", success: "success", warning: "warning", error: "error" } as const;

export function App({ locale, dark, excel, apiSupported = true }: AppProps) {
  const styles = useStyles();
  const t = translator(locale);
  const [state, dispatch] = useReducer(reducer, undefined, initialState);
  const [tab, setTab] = useState<"wizard" | "functions">("wizard");
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

  // Keyboard and screen-reader users land on the new step's heading.
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else heading.current?.focus();
  }, [state.step]);

  const stepIndex = STEPS.indexOf(state.step);
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
  };

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={locale} className={styles.root}>
      <main id="app-root" aria-labelledby="app-title">
        <h1 id="app-title" className={styles.title}>
          {t("appTitle")}
        </h1>
        <TabList
          selectedValue={tab}
          disabled={generating}
          onTabSelect={(_, data) => setTab(data.value as typeof tab)}
        >
          <Tab value="wizard">{t("tabWizard")}</Tab>
          <Tab value="functions">{t("tabFunctions")}</Tab>
        </TabList>
        {status.text && (
          <MessageBar
            intent={STATUS_INTENT[status.intent]}
            className={styles.status}
            data-testid="status"
            data-intent={status.intent}
          >
            <MessageBarBody>
              {status.text}
              {status.cause && (
                <Text size={200} className={styles.cause}>
                  {t("causeLabel", { cause: status.cause })}
                </Text>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {tab === "functions" ? (
          <section aria-label={t("tabFunctions")} className={styles.body}>
            <Suspense fallback={<Spinner label={t("busy")} />}>
              <FunctionsPanel {...props} />
            </Suspense>
          </section>
        ) : (
          <>
            <nav aria-label={t("stepList")}>
              <ol className={styles.steps}>
                {STEPS.map((step, index) => (
                  <li key={step}>
                    <Button
                      size="small"
                      appearance={step === state.step ? "primary" : "subtle"}
                      aria-current={step === state.step ? "step" : undefined}
                      disabled={busy || generating || (step !== state.step && !canVisit(state, step))}
                      onClick={() => dispatch({ type: "goTo", step })}
                    >
                      {index + 1}. {t(STEP_LABELS[step])}
                    </Button>
                  </li>
                ))}
              </ol>
            </nav>
            <section aria-labelledby="step-heading" className={styles.body}>
              <h2 id="step-heading" ref={heading} tabIndex={-1} className={styles.heading}>
                {t(STEP_LABELS[state.step])}
              </h2>
              <Suspense fallback={<Spinner label={t("busy")} />}>
                <Body {...props} />
              </Suspense>
            </section>
            <div className={styles.footer}>
              {stepIndex > 0 && state.step !== "done" && (
                <Button
                  disabled={busy || state.generation.status === "running"}
                  onClick={() => dispatch({ type: "back" })}
                >
                  {t("back")}
                </Button>
              )}
              {showNext && (
                <Button
                  appearance="primary"
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
              {busy && <Spinner size="tiny" label={t("busy")} />}
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
