/**
 * 对比: the loaded data (B, the workbook's own sheets) against a scenario (JSON, from a file or typed here) or
 * another input (一上 against 二上, last year's input): every check's verdict with the flips marked, the key totals
 * with their differences, the term plan's lines by year, and, on request, the 对比 sheet written into the workbook.
 * Loaded when first shown; the comparison is built in a worker.
 */
import {
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ChangeEvent } from "react";
import type { Problem } from "../../district/problems";
import type { CheckComparison, ValueComparison } from "../../plan/compare";
import type { CheckStatus } from "../../plan/verdict";
import type { CompareAgainst, CompareRequest, ScenarioComparison } from "../compare";
import { pick, type Locale, type Translate } from "../i18n";
import { StatusIcon } from "../icons";
import { describeProblem } from "../problems";
import { compareTranslator, type CompareTranslate } from "../compareText";
import { FilePickerButton } from "./FilePickerButton";
import type { StepProps } from "./types";

/** A scenario to start from: one change, to edit. */
const EXAMPLE = JSON.stringify(
  { name: "收入增长 5%", changes: [{ kind: "revenueGrowth", rate: 0.05 }] },
  null,
  2,
);
/** The sheet the comparison writes; its B column refers to the loaded data's generated sheets. */
const COMPARISON_NAME = "对比";
/** The term plan's sheet: its lines are the per-year lines. */
const TERM_SHEET = "规划";
/** Sheets every generated workbook holds (参数, 学校): without them the loaded data was not generated here. */
const REQUIRED_SHEETS = ["参数", "学校"];

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 0` },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  sides: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  secondary: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const VERDICT = { pass: "previewPass", fail: "previewFail", notApplicable: "previewNotApplicable" } as const;

function verdictText(status: CheckStatus | undefined, t: Translate, ct: CompareTranslate): string {
  return status === undefined ? ct("compareAbsent") : t(VERDICT[status]);
}

function shownValue(value: ValueComparison["a"], locale: Locale): string {
  if (value === undefined) return "—";
  if (typeof value === "number")
    return value.toLocaleString(locale, { maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 });
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

function CheckRow({ check, t, locale }: { check: CheckComparison; t: Translate; locale: Locale }) {
  const ct = compareTranslator(locale);
  const styles = useStyles();
  return (
    <li className={styles.row} data-compare-check={check.id} data-flipped={check.flipped}>
      <Text weight="semibold">{pick(locale, check.labelZh, check.labelEn)}</Text>
      <span className={styles.sides}>
        <Text>
          A{locale === "zh-CN" ? "：" : ": "}
          {verdictText(check.a, t, ct)}
        </Text>
        <Text aria-hidden="true">→</Text>
        <Text>
          B{locale === "zh-CN" ? "：" : ": "}
          {verdictText(check.b, t, ct)}
        </Text>
        {check.flipped ? (
          <Badge appearance="filled" color="danger" icon={<StatusIcon name="warning" />} data-testid="flip">
            {ct("compareFlipped")}
          </Badge>
        ) : check.changed ? (
          <Badge appearance="tint" color="warning" icon={<StatusIcon name="info" />}>
            {ct("compareChanged")}
          </Badge>
        ) : (
          <Badge appearance="tint" color="informative" icon={<StatusIcon name="pass" />}>
            {ct("compareSame")}
          </Badge>
        )}
      </span>
    </li>
  );
}

function ValueRow({ value, locale }: { value: ValueComparison; locale: Locale }) {
  const ct = compareTranslator(locale);
  const styles = useStyles();
  return (
    <li className={styles.row} data-compare-value={value.id} data-changed={value.changed}>
      <Text>
        {value.sheetName} · {pick(locale, value.labelZh, value.labelEn)}
      </Text>
      <span className={styles.sides}>
        <Text>A {shownValue(value.a, locale)}</Text>
        <Text aria-hidden="true">→</Text>
        <Text>B {shownValue(value.b, locale)}</Text>
        {value.changed && (
          <Badge appearance="tint" color="warning" icon={<StatusIcon name="info" />}>
            {value.difference !== undefined
              ? ct("compareDifference", { difference: shownValue(value.difference, locale) })
              : ct("compareChanged")}
          </Badge>
        )}
      </span>
    </li>
  );
}

function ProblemList({
  problems,
  t,
  locale,
}: {
  problems: readonly Problem[];
  t: Translate;
  locale: Locale;
}) {
  const ct = compareTranslator(locale);
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="compare-problems" aria-label={ct("compareProblems")}>
      {problems.map((problem, index) => {
        const line = describeProblem(problem, locale, t);
        return (
          <li key={index} className={styles.row} data-problem={problem.severity}>
            <span>
              <Badge
                appearance="tint"
                color={problem.severity === "error" ? "danger" : "warning"}
                icon={<StatusIcon name={problem.severity === "error" ? "fail" : "warning"} />}
              >
                {problem.severity === "error" ? t("problemSeverityError") : t("problemSeverityWarning")}
              </Badge>{" "}
              {line.column && (
                <Text className={styles.secondary}>{t("problemColumnAt", { column: line.column })}</Text>
              )}
              {line.message}
              {line.accepts && (
                <Text className={styles.secondary}>
                  {locale === "zh-CN" ? `（${line.accepts}）` : ` (${line.accepts})`}
                </Text>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export default function ComparePanel(props: StepProps) {
  const { state, t, locale, excel, run, announce, busy, apiSupported } = props;
  const ct = compareTranslator(locale);
  const styles = useStyles();
  const hintId = useId();
  const [kind, setKind] = useState<"scenario" | "input">("scenario");
  const [text, setText] = useState(EXAMPLE);
  const [other, setOther] = useState<{
    label: string;
    against?: CompareAgainst;
    problems: readonly Problem[];
  }>();
  const [result, setResult] = useState<ScenarioComparison>();
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [confirmReplace, setConfirmReplace] = useState(false);

  if (!state.district) return <Text as="p">{t("dataNeeded")}</Text>;

  const readFile = (event: ChangeEvent<HTMLInputElement>, into: "scenario" | "input") => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    run(async () => {
      if (into === "scenario") {
        setText(await file.text());
        setResult(undefined);
        return;
      }
      const data = await import("../data");
      const loaded = await data.loadFile(file.name, new Uint8Array(await file.arrayBuffer()), "zhenlai");
      setResult(undefined);
      setOther({
        label: file.name,
        problems: loaded.problems,
        ...(loaded.district && {
          against: { kind: "input" as const, district: loaded.district, label: file.name },
        }),
      });
    });
  };

  const against: CompareAgainst | undefined =
    kind === "scenario" ? { kind: "scenario", text } : other?.against;

  const compare = () =>
    run(async () => {
      if (!against) return;
      setConfirmReplace(false);
      const request: CompareRequest = {
        state: {
          packId: state.packId,
          edits: state.edits,
          district: state.district,
          packFile: state.packFile,
        },
        against,
        now: new Date().toISOString(),
        labels: {
          loaded: ct("compareLoaded"),
          scenario: ct("compareScenarioLabel"),
          other: ct("compareOtherLabel"),
        },
      };
      const built =
        typeof Worker === "undefined"
          ? (await import("../compare")).comparisonFor(request)
          : await (await import("../offThread")).comparisonOffThread(request);
      setResult(built);
      if (!built.ok) announce(ct("compareHasProblems", { count: built.problems.length }), "error");
      else {
        const { checksFlipped, checksChanged, totalsChanged, linesChanged } = built.comparison.counts;
        const any = checksChanged + totalsChanged + linesChanged + built.comparison.counts.inputsChanged;
        announce(
          any === 0
            ? ct("compareNoDifferences")
            : ct("compareDone", { flipped: checksFlipped, checks: checksChanged, totals: totalsChanged }),
          "info",
        );
      }
    });

  /** Writes 对比: asks first when this add-in wrote one before, then replaces it or keeps both ("对比 (2)"). */
  const write = (mode: "ask" | "replace" | "keepBoth") =>
    run(async () => {
      if (!result?.ok) return;
      if (!apiSupported) return announce(t("apiUnsupported"), "error");
      const generated = await excel.generatedSheets();
      // Its B column refers to the loaded data's generated sheets: they must be in the workbook.
      if (!REQUIRED_SHEETS.every((name) => generated.includes(name)))
        return announce(ct("compareGenerateFirst"), "warning");
      if (mode === "ask" && generated.includes(COMPARISON_NAME)) {
        setConfirmReplace(true);
        return announce(ct("compareExists", { sheet: COMPARISON_NAME }), "warning");
      }
      setConfirmReplace(false);
      const written = await excel.writePlan(
        { plan: result.plan, problems: result.problems },
        {
          onExistingSheet: mode === "replace" ? "replaceGenerated" : "keepBoth",
          onProgress: () => undefined,
          signal: new AbortController().signal,
        },
      );
      const name = written.created[0] ?? COMPARISON_NAME;
      await excel.activate(name);
      announce(
        ct(written.replaced.length > 0 ? "compareReplaced" : "compareWritten", { sheet: name }),
        "success",
      );
    });

  const comparison = result?.ok ? result.comparison : undefined;
  const checks = comparison?.checks.filter((c) => !onlyChanged || c.changed) ?? [];
  const totals =
    comparison?.totals.filter((v) => v.sheetName !== TERM_SHEET && (!onlyChanged || v.changed)) ?? [];
  const term = comparison
    ? [...comparison.totals, ...comparison.lines].filter(
        (v) => v.sheetName === TERM_SHEET && (!onlyChanged || v.changed),
      )
    : [];

  return (
    <div className={styles.panel} data-testid="compare">
      <Text as="p" block>
        {ct("compareIntro")}
      </Text>
      <RadioGroup
        aria-label={ct("compareWith")}
        value={kind}
        onChange={(_, data) => {
          setKind(data.value as typeof kind);
          setResult(undefined);
        }}
      >
        <Radio value="scenario" label={ct("compareWithScenario")} />
        <Radio value="input" label={ct("compareWithInput")} />
      </RadioGroup>
      {kind === "scenario" ? (
        <>
          <Field label={ct("compareScenarioText")} hint={ct("compareScenarioHint")}>
            <Textarea
              className={styles.text}
              resize="vertical"
              rows={8}
              value={text}
              data-testid="scenario-text"
              onChange={(_, data) => {
                setText(data.value);
                setResult(undefined);
              }}
            />
          </Field>
          <Text id={hintId} size={200} className={styles.secondary}>
            {ct("compareScenarioFileHint")}
          </Text>
          <div className={styles.actions}>
            <FilePickerButton
              label={ct("compareScenarioFile")}
              inputLabel={ct("compareScenarioFile")}
              accept=".json"
              hintId={hintId}
              disabled={busy}
              onChange={(event) => readFile(event, "scenario")}
            />
          </div>
        </>
      ) : (
        <>
          <Text id={hintId} size={200} className={styles.secondary}>
            {ct("compareInputHint")}
          </Text>
          <div className={styles.actions}>
            <FilePickerButton
              label={ct("compareInputFile")}
              inputLabel={ct("compareInputFile")}
              accept=".xlsx,.json"
              hintId={hintId}
              disabled={busy}
              onChange={(event) => readFile(event, "input")}
            />
          </div>
          {other && (
            <Text data-testid="compare-other">
              {ct(other.against ? "compareInputRead" : "compareInputUnreadable", { file: other.label })}
            </Text>
          )}
          {other && other.problems.length > 0 && (
            <ProblemList problems={other.problems} t={t} locale={locale} />
          )}
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !against} onClick={compare} data-testid="compare-run">
          {ct("compareRun")}
        </Button>
      </div>
      {result && !result.ok && <ProblemList problems={result.problems} t={t} locale={locale} />}
      {comparison && (
        <>
          <Text as="p" block weight="semibold" data-testid="compare-summary">
            {ct("compareSummary", {
              flipped: comparison.counts.checksFlipped,
              checks: comparison.counts.checksChanged,
              totals: comparison.counts.totalsChanged,
              lines: comparison.counts.linesChanged,
            })}
          </Text>
          <Text as="p" block size={200} className={styles.secondary}>
            {ct("compareSides", { a: result?.ok ? result.name : "", b: ct("compareLoaded") })}
          </Text>
          <Switch
            label={ct("compareOnlyChanged")}
            checked={onlyChanged}
            onChange={(_, data) => setOnlyChanged(data.checked)}
            data-testid="only-changed"
          />
          <h3 className={styles.heading}>{ct("compareChecks")}</h3>
          {checks.length === 0 ? (
            <Text>{ct("compareNothingChanged")}</Text>
          ) : (
            <ul className={styles.list} data-testid="compare-checks" aria-label={ct("compareChecks")}>
              {checks.map((check) => (
                <CheckRow key={check.id} check={check} t={t} locale={locale} />
              ))}
            </ul>
          )}
          <h3 className={styles.heading}>{ct("compareTotals")}</h3>
          {totals.length === 0 ? (
            <Text>{ct("compareNothingChanged")}</Text>
          ) : (
            <ul className={styles.list} data-testid="compare-totals" aria-label={ct("compareTotals")}>
              {totals.map((value) => (
                <ValueRow key={value.id} value={value} locale={locale} />
              ))}
            </ul>
          )}
          <h3 className={styles.heading}>{ct("compareTerm")}</h3>
          {term.length === 0 ? (
            <Text>{ct("compareNothingChanged")}</Text>
          ) : (
            <ul className={styles.list} data-testid="compare-term" aria-label={ct("compareTerm")}>
              {term.map((value) => (
                <ValueRow key={value.id} value={value} locale={locale} />
              ))}
            </ul>
          )}
          <div className={styles.actions}>
            <Button disabled={busy} onClick={() => write("ask")} data-testid="compare-write">
              {ct("compareWrite")}
            </Button>
            {confirmReplace && (
              <>
                <Button disabled={busy} onClick={() => write("replace")} data-testid="compare-replace">
                  {ct("compareReplace", { sheet: COMPARISON_NAME })}
                </Button>
                <Button disabled={busy} onClick={() => write("keepBoth")} data-testid="compare-keep-both">
                  {ct("compareKeepBoth")}
                </Button>
              </>
            )}
          </div>
        </>
      )}
    </div>
  );
}
