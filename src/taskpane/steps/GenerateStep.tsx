import {
  Button,
  Checkbox,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef } from "react";
import { SHEET_NAMES, SHEET_ORDER, type SheetKey } from "../../plan/context";
import type { Translate } from "../i18n";
import { checkCounts, planFor } from "../plan";
import type { OnExistingSheet } from "../state";
import { errorMessage, type StepProps } from "./types";

const useStyles = makeStyles({
  sheets: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
    border: "none",
    padding: 0,
    margin: 0,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalM },
});

/** A sheet's zh-CN name, with its key in English so the choice is clear in either language. */
const sheetLabel = (key: SheetKey, english: boolean) =>
  english ? `${SHEET_NAMES[key]} (${key})` : SHEET_NAMES[key];

function outcome(t: Translate, generation: StepProps["state"]["generation"]): string | undefined {
  if (generation.status === "cancelled") return t("generateCancelled");
  if (generation.status === "failed") return t("generateFailed", { message: generation.message });
  return undefined;
}

export function GenerateStep({ state, dispatch, t, locale, excel, announce }: StepProps) {
  const styles = useStyles();
  const controller = useRef<AbortController | undefined>(undefined);
  const running = state.generation.status === "running";
  const all = state.sheets.length === SHEET_ORDER.length;

  const generate = async () => {
    const abort = new AbortController();
    controller.current = abort;
    dispatch({ type: "progress", done: 0, total: 1, label: t("generateStarting") });
    announce(t("generateStarting"));
    try {
      const plan = planFor(state, new Date(), state.sheets);
      const created = await excel.writePlan(plan, {
        onExistingSheet: state.onExisting,
        signal: abort.signal,
        onProgress: (done, total, label) => dispatch({ type: "progress", done, total, label }),
      });
      dispatch({ type: "generated", created, ...checkCounts(plan) });
      announce(t("doneSheets", { count: created.length }));
    } catch (error) {
      const cancelled =
        abort.signal.aborted || (error instanceof Error && error.name === "GenerationCancelled");
      dispatch(cancelled ? { type: "cancelled" } : { type: "failed", message: errorMessage(error) });
      announce(cancelled ? t("generateCancelled") : t("generateFailed", { message: errorMessage(error) }));
    }
  };

  const message = outcome(t, state.generation);
  return (
    <>
      <Text as="p">{t("generateIntro")}</Text>
      <fieldset className={styles.sheets}>
        <legend>{t("generateSheets")}</legend>
        <Checkbox
          label={t("generateAll")}
          checked={all ? true : state.sheets.length ? "mixed" : false}
          disabled={running}
          onChange={() => dispatch({ type: "allSheets", on: !all })}
        />
        {SHEET_ORDER.map((key) => (
          <Checkbox
            key={key}
            label={sheetLabel(key, locale === "en-US")}
            checked={state.sheets.includes(key)}
            disabled={running}
            onChange={() => dispatch({ type: "toggleSheet", sheet: key })}
          />
        ))}
      </fieldset>
      <Field label={t("generateExisting")}>
        <RadioGroup
          value={state.onExisting}
          disabled={running}
          onChange={(_, data) => dispatch({ type: "onExisting", value: data.value as OnExistingSheet })}
        >
          <Radio value="keepBoth" label={t("generateKeepBoth")} />
          <Radio value="replaceGenerated" label={t("generateReplace")} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={running || state.sheets.length === 0}
          onClick={() => void generate()}
        >
          {t("generateStart")}
        </Button>
        {running && <Button onClick={() => controller.current?.abort()}>{t("generateCancel")}</Button>}
      </div>
      {state.sheets.length === 0 && <Text role="alert">{t("generateNoSheets")}</Text>}
      {state.generation.status === "running" && (
        <Field
          label={t("generateProgressLabel")}
          validationState="none"
          validationMessage={t("generateProgress", {
            label: state.generation.label,
            done: state.generation.done,
            total: state.generation.total,
          })}
        >
          <ProgressBar
            value={state.generation.total ? state.generation.done / state.generation.total : undefined}
            aria-label={t("generateProgressLabel")}
          />
        </Field>
      )}
      {message && (
        <Text as="p" role="alert" weight="semibold" data-testid="generate-outcome">
          {message}
        </Text>
      )}
    </>
  );
}
