import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useEffect, useId, useState, type ChangeEvent } from "react";
import type { Loaded, SampleInfo } from "../data";
import { pick } from "../i18n";
import { problemCounts } from "../state";
import { FilePickerButton } from "./FilePickerButton";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  placemat: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  placematTitle: { fontSize: tokens.fontSizeBase400, margin: 0 },
  steps: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  stepText: { display: "block" },
  help: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

/** The first sheet to fill in: the district's name, budget year and pack. */
const FIRST_SHEET = "录入-区县";

const loadData = () => import("../data");
// The card after loading comes with the data module, not with the first render.
const LoadedSummary = lazy(() => import("./LoadedSummary"));

export function DataStep(props: StepProps) {
  const { state, dispatch, t, locale, excel, run, announce, busy, apiSupported, takeStartAction } = props;
  const styles = useStyles();
  const [samples, setSamples] = useState<readonly SampleInfo[]>([]);
  const [sampleId, setSampleId] = useState("");
  // Readers, samples and their validation load after the first render.
  useEffect(() => {
    let mounted = true;
    void loadData().then((data) => {
      if (!mounted) return;
      const list = data.sampleList();
      setSamples(list);
      setSampleId((id) => id || (list[0]?.id ?? ""));
    });
    return () => void (mounted = false);
  }, []);
  const fileId = useId();
  const nameIn = (list: readonly SampleInfo[], id: string) => {
    const sample = list.find((s) => s.id === id);
    return sample ? pick(locale, sample.nameZh, sample.nameEn) : id;
  };
  const sampleName = (id: string) => nameIn(samples, id);
  // Works from the first click: the list may still be loading, the module brings its own.
  const trySample = () =>
    run(async () => {
      const data = await loadData();
      const list = data.sampleList();
      const id = sampleId || (list[0]?.id ?? "");
      loaded(data.loadSample(id, nameIn(list, id)));
    });
  const loaded = (result: Loaded) => {
    dispatch({ type: "loaded", ...result });
    const counts = problemCounts(result.problems);
    if (!result.problems.length) announce(t("dataLoaded", { label: result.source.label }), "success");
    else
      announce(
        t("dataLoadedWithProblems", { label: result.source.label, ...counts }),
        counts.errors ? "error" : "warning",
      );
  };

  const createSheets = () =>
    run(async () => {
      if (!apiSupported) return announce(t("apiUnsupported"), "error");
      const data = await loadData();
      const [first] = data.inputSheetNames();
      // Existing input sheets are the user's data: show them instead of adding "录入-学校 (2)" copies.
      const schools = data.inputSheetNames().find((name) => name === "录入-学校") ?? first ?? "";
      if (await excel.activate(schools)) return announce(t("dataSheetsExist", { sheet: schools }));
      const written = await excel.writePlan(data.checkedInputTemplate(), {
        onExistingSheet: "keepBoth",
        onProgress: () => undefined,
        signal: new AbortController().signal,
      });
      const names = written.created.join(locale === "zh-CN" ? "、" : ", ");
      // The district sheet is filled first: open it and say what goes there.
      const district = written.created.find((name) => name === FIRST_SHEET);
      if (district && (await excel.activate(district)))
        announce(t("dataCreatedFillFirst", { names, sheet: district }), "success");
      else announce(t("dataCreated", { names }), "success");
    });
  const readSheets = () =>
    run(async () => {
      const data = await loadData();
      const tables = await excel.readSheets(data.inputSheetNames());
      if (tables.length === 0) return announce(t("dataSheetsMissing"), "warning");
      const result = data.loadTables(tables, t("dataSheets"), "sheets");
      loaded(result);
      // With errors, the error count says more; the example rows are listed among the problems either way.
      const examples = result.district ? data.exampleRowsLeft(result.problems) : [];
      if (examples.length)
        announce(
          t("dataExampleRows", {
            rows: examples
              .map(({ sheet, row }) => `${sheet} ${t("problemRowAt", { row })}`)
              .join(locale === "zh-CN" ? "、" : ", "),
          }),
          "warning",
        );
    });
  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    run(async () => {
      const data = await loadData();
      const list = data.sampleList();
      const base = sampleId || list[0]?.id || "";
      const baseName = nameIn(list, base);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await data.loadFile(file.name, bytes, base, baseName);
      // A CSV is one table over the chosen sample's others: say which sample, so it is never silent.
      const merged = /\.csv$/i.test(file.name)
        ? {
            ...result,
            source: {
              ...result.source,
              label: t("dataMergedOver", { file: file.name, sample: baseName }),
            },
          }
        : result;
      loaded(merged);
    });
    // The same file chosen again is read again.
    event.target.value = "";
  };

  // A first-view button clicked before the wizard was there.
  useEffect(() => {
    const action = takeStartAction?.();
    if (action) ({ create: createSheets, sample: trySample, read: readSheets })[action]();
    // Once, when the step first shows: the action is taken from the App, so a later visit does not repeat it.
  }, []);

  const counts = problemCounts(state.problems);
  return (
    <>
      <section aria-labelledby="start-title" className={styles.placemat} data-testid="placemat">
        <h3 id="start-title" className={styles.placematTitle}>
          {t("startTitle")}
        </h3>
        <ol className={styles.steps}>
          {(
            [
              ["startCreate", "startCreateHint"],
              ["startFill", "startFillHint"],
              ["startRead", "startReadHint"],
            ] as const
          ).map(([title, hint]) => (
            <li key={title}>
              <Text weight="semibold" className={styles.stepText}>
                {t(title)}
              </Text>
              <Text size={300} className={styles.stepText}>
                {t(hint)}
              </Text>
            </li>
          ))}
        </ol>
        <div className={styles.row}>
          {/* The view's one primary action until data is loaded; then it is Next. */}
          <Button
            appearance={state.source ? "secondary" : "primary"}
            disabled={busy}
            onClick={createSheets}
            data-focus-key="start-create"
          >
            {t("dataCreateSheets")}
          </Button>
          <Button disabled={busy} onClick={trySample} data-focus-key="start-sample">
            {t("startTrySample")}
          </Button>
          <Button disabled={busy} onClick={readSheets} data-focus-key="start-read">
            {t("dataReadSheets")}
          </Button>
        </div>
        <a
          className={styles.help}
          href="help/index.html"
          target="_blank"
          rel="noopener"
          data-focus-key="start-help"
        >
          {t("startHelp")}
        </a>
      </section>
      {state.district && state.source && (
        <Suspense fallback={null}>
          <LoadedSummary district={state.district} label={state.source.label} t={t} locale={locale} />
        </Suspense>
      )}
      <fieldset className={styles.group}>
        <legend>{t("dataSample")}</legend>
        <Field label={t("dataSampleLabel")}>
          <Select value={sampleId} onChange={(_, data) => setSampleId(data.value)}>
            {samples.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sampleName(sample.id)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button disabled={busy} onClick={trySample}>
            {t("dataUseSample")}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t("dataFile")}</legend>
        <Text id={`${fileId}-hint`}>{t("dataFileHint")}</Text>
        <div className={styles.row}>
          <FilePickerButton
            label={t("dataChooseFile")}
            inputLabel={t("dataFileLabel")}
            accept=".xlsx,.csv,.json"
            hintId={`${fileId}-hint`}
            disabled={busy}
            onChange={readFile}
          />
        </div>
      </fieldset>
      <Text as="p" block weight="semibold" data-testid="data-status">
        {!state.source
          ? t("dataNone")
          : state.problems.length
            ? t("dataLoadedWithProblems", { label: state.source.label, ...counts })
            : t("dataLoaded", { label: state.source.label })}
      </Text>
    </>
  );
}
