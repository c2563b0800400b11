import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useState, type ChangeEvent } from "react";
import type { Loaded, SampleInfo } from "../data";
import { pick } from "../i18n";
import { problemCounts } from "../state";
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
});

const loadData = () => import("../data");

export function DataStep(props: StepProps) {
  const { state, dispatch, t, locale, excel, run, announce, busy, apiSupported } = props;
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
  const sampleName = (id: string) => {
    const sample = samples.find((s) => s.id === id);
    return sample ? pick(locale, sample.nameZh, sample.nameEn) : id;
  };

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
      announce(
        t("dataCreated", { names: written.created.join(locale === "zh-CN" ? "、" : ", ") }),
        "success",
      );
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
      const base = sampleId || data.sampleList()[0]?.id || "";
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await data.loadFile(file.name, bytes, base, sampleName(base));
      // A CSV is one table over the chosen sample's others: say which sample, so it is never silent.
      const merged = /\.csv$/i.test(file.name)
        ? {
            ...result,
            source: {
              ...result.source,
              label: t("dataMergedOver", { file: file.name, sample: sampleName(base) }),
            },
          }
        : result;
      loaded(merged);
    });
  };

  const counts = problemCounts(state.problems);
  return (
    <>
      <Text as="p" block>
        {t("dataIntro")}
      </Text>
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
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              run(async () => loaded((await loadData()).loadSample(sampleId, sampleName(sampleId))))
            }
          >
            {t("dataUseSample")}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t("dataSheets")}</legend>
        <Text>{t("dataSheetsHint")}</Text>
        <div className={styles.row}>
          <Button disabled={busy} onClick={createSheets}>
            {t("dataCreateSheets")}
          </Button>
          <Button disabled={busy} onClick={readSheets}>
            {t("dataReadSheets")}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.group}>
        <legend>{t("dataFile")}</legend>
        <Text id={`${fileId}-hint`}>{t("dataFileHint")}</Text>
        <label htmlFor={fileId}>{t("dataFileLabel")}</label>
        <input
          id={fileId}
          type="file"
          accept=".xlsx,.csv,.json"
          aria-describedby={`${fileId}-hint`}
          disabled={busy}
          onChange={readFile}
        />
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
