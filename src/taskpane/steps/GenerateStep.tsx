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
import type { SheetChoice } from "../../plan/build";
import { SHEET_ORDER } from "../../plan/context";
import type { Translate } from "../i18n";
import { checkCounts, planFor, sheetChoices } from "../plan";
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

/** Sheets are named in zh-CN in the workbook; English users also see what each is. */
const sheetLabel = (choice: SheetChoice, english: boolean) =>
  english ? `${choice.zh} (${choice.en})` : choice.zh;

function outcome(t: Translate, generation: StepProps["state"]["generation"]): string | undefined {
  if (generation.status === "cancelled") return t("generateCancelled");
  if (generation.status === "failed") return generation.message;
  return undefined;
}

export default function GenerateStep({ state, dispatch, t, locale, excel, announce }: StepProps) {
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
      // The writer says whether it could undo its partial work; the user must know when it could not.
      const undone = (error as { rolledBack?: boolean }).rolledBack !== false;
      const message = t(undone ? "generateFailed" : "generateRollbackFailed", {
        message: errorMessage(error),
      });
      dispatch(cancelled && undone ? { type: "cancelled" } : { type: "failed", message });
      announce(cancelled && undone ? t("generateCancelled") : message);
    }
  };

  const message = outcome(t, state.generation);
  return (
    <>
      <Text as="p" block>
        {t("generateIntro")}
      </Text>
      <fieldset className={styles.sheets}>
        <legend>{t("generateSheets")}</legend>
        <Checkbox
          label={t("generateAll")}
          checked={all ? true : state.sheets.length ? "mixed" : false}
          disabled={running}
          onChange={() => dispatch({ type: "allSheets", on: !all })}
        />
        {sheetChoices()
          .filter((choice) => choice.available)
          .map((choice) => (
            <Checkbox
              key={choice.key}
              label={sheetLabel(choice, locale === "en-US")}
              checked={choice.required || state.sheets.includes(choice.key)}
              disabled={running || choice.required}
              onChange={() => dispatch({ type: "toggleSheet", sheet: choice.key })}
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
        <Text as="p" block role="alert" weight="semibold" data-testid="generate-outcome">
          {message}
        </Text>
      )}
    </>
  );
}
