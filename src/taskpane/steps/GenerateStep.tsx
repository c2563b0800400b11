import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { SheetChoice } from "../../plan/build";
import type { Translate } from "../i18n";
import { progressText } from "../messages";
import { sheetChoices } from "../plan";
import { SHEET_ORDER } from "../buildInfo";
import type { OnExistingSheet } from "../state";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  sheets: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
    border: "none",
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginBlock: tokens.spacingVerticalM },
  names: { wordBreak: "break-all" },
  cause: { display: "block", color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

/** Sheets are named in zh-CN in the workbook; English users also see what each is. */
const sheetLabel = (choice: SheetChoice, english: boolean) =>
  english ? `${choice.zh} (${choice.en})` : choice.zh;

function outcome(
  t: Translate,
  generation: StepProps["state"]["generation"],
): { message: string; cause?: string } | undefined {
  if (generation.status === "cancelled") return { message: t("generateCancelled") };
  if (generation.status === "failed") return generation;
  return undefined;
}

/** The generated sheets already in the workbook, read when the user chooses to replace them. */
function useGeneratedSheets({ excel, state }: Pick<StepProps, "excel" | "state">) {
  // null: they could not be read (the confirmation is still asked for).
  const [sheets, setSheets] = useState<readonly string[] | null>();
  const replace = state.onExisting === "replaceGenerated";
  useEffect(() => {
    if (!replace) return;
    let mounted = true;
    void excel.generatedSheets().then(
      (names) => mounted && setSheets(names),
      () => mounted && setSheets(null),
    );
    return () => void (mounted = false);
  }, [excel, replace]);
  return replace ? sheets : undefined;
}

export default function GenerateStep(props: StepProps) {
  const { state, dispatch, t, locale, generate, cancel, apiSupported } = props;
  const styles = useStyles();
  const running = state.generation.status === "running";
  const all = state.sheets.length === SHEET_ORDER.length;
  const toReplace = useGeneratedSheets(props);
  const [confirmed, setConfirmed] = useState(false);
  const needsConfirmation = state.onExisting === "replaceGenerated" && (toReplace?.length ?? 1) > 0;

  const message = outcome(t, state.generation);
  return (
    <>
      {!apiSupported && (
        <MessageBar intent="error" data-testid="api-unsupported">
          <MessageBarBody>{t("apiUnsupported")}</MessageBarBody>
        </MessageBar>
      )}
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
        {sheetChoices().map((choice) => (
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
          onChange={(_, data) => {
            setConfirmed(false);
            dispatch({ type: "onExisting", value: data.value as OnExistingSheet });
          }}
        >
          <Radio value="keepBoth" label={t("generateKeepBoth")} />
          <Radio value="replaceGenerated" label={t("generateReplace")} />
        </RadioGroup>
      </Field>
      {toReplace && (
        <Text as="p" block className={styles.names} data-testid="to-replace">
          {toReplace.length
            ? t("generateWillReplace", { names: toReplace.join(locale === "zh-CN" ? "、" : ", ") })
            : t("generateNothingToReplace")}
        </Text>
      )}
      {needsConfirmation && (
        <Checkbox
          label={t("generateConfirmReplace")}
          checked={confirmed}
          disabled={running || toReplace === undefined}
          onChange={(_, data) => setConfirmed(data.checked === true)}
        />
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={
            running || !apiSupported || state.sheets.length === 0 || (needsConfirmation && !confirmed)
          }
          aria-describedby={needsConfirmation && !confirmed ? "generate-reason" : undefined}
          onClick={generate}
        >
          {t("generateStart")}
        </Button>
        {running && <Button onClick={cancel}>{t("generateCancel")}</Button>}
      </div>
      {needsConfirmation && !confirmed && (
        <Text id="generate-reason" size={200}>
          {t("generateConfirmNeeded")}
        </Text>
      )}
      {state.sheets.length === 0 && <Text role="alert">{t("generateNoSheets")}</Text>}
      {state.generation.status === "running" && (
        <Field
          label={t("generateProgressLabel")}
          validationState="none"
          validationMessage={t("generateProgress", {
            label: progressText(state.generation.step, t),
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
          {message.message}
          {message.cause && (
            <Text size={200} weight="regular" className={styles.cause} data-testid="generate-cause">
              {t("causeLabel", { cause: message.cause })}
            </Text>
          )}
        </Text>
      )}
    </>
  );
}
