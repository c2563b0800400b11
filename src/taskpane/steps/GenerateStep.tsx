import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { SheetChoice } from "../../plan/build";
import type { Translate } from "../i18n";
import { progressText } from "../messages";
import { checkCounts, sheetChoices } from "../plan";
import { usePreview } from "./usePreview";
import { SHEET_ORDER } from "../buildInfo";
import { numberedCopies, sheetsToReplace } from "../../writers/officejs/regeneration";
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

/**
 * The sheets this add-in generated that are in the workbook now, read when the step opens and again after each
 * generation; undefined while reading, null when they could not be read (a replacement still asks for confirmation).
 */
function useGeneratedSheets({ excel, state }: Pick<StepProps, "excel" | "state">) {
  const [sheets, setSheets] = useState<readonly string[] | null>();
  const status = state.generation.status;
  useEffect(() => {
    if (status === "running") return;
    let mounted = true;
    void excel.generatedSheets().then(
      (names) => mounted && setSheets(names),
      () => mounted && setSheets(null),
    );
    return () => void (mounted = false);
  }, [excel, status]);
  return sheets;
}

/** Names of the plan's sheets for the chosen keys (the required ones always go with them). */
export const chosenNames = (sheets: StepProps["state"]["sheets"]): string[] =>
  sheetChoices()
    .filter((choice) => choice.required || sheets.includes(choice.key))
    .map((choice) => choice.zh);

export default function GenerateStep(props: StepProps) {
  const { state, dispatch, t, locale, generate, cancel, apiSupported } = props;
  const styles = useStyles();
  const running = state.generation.status === "running";
  const cancelling = state.generation.status === "running" && state.generation.cancelling === true;
  const all = state.sheets.length === SHEET_ORDER.length;
  const generated = useGeneratedSheets(props);
  const names = chosenNames(state.sheets);
  // Exactly what the writer replaces: generated sheets named as a chosen sheet (the same rule as the writer's).
  const existing = generated ? sheetsToReplace(names, generated) : generated;
  const copies = generated ? numberedCopies(names, generated) : [];
  const replace = state.onExisting === "replaceGenerated";
  const toReplace = replace ? existing : undefined;
  const removing = replace && state.removeCopies && copies.length > 0;
  const [confirmed, setConfirmed] = useState(false);
  const needsConfirmation = replace && ((toReplace?.length ?? 1) > 0 || removing);
  const list = (items: readonly string[]) => items.join(locale === "zh-CN" ? "、" : ", ");

  // Focus follows the generation: to Cancel when it starts, to its outcome when it ends here.
  const cancelButton = useRef<HTMLButtonElement>(null);
  const outcomeText = useRef<HTMLParagraphElement>(null);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (running && !wasRunning.current) cancelButton.current?.focus();
    if (!running && wasRunning.current) outcomeText.current?.focus();
    wasRunning.current = running;
  }, [running]);

  // The preview's failed checks, said again where the user decides to write.
  const preview = usePreview(state);
  const failing = preview.status === "built" ? checkCounts(preview.preview).failed : 0;

  const message = outcome(t, state.generation);
  return (
    <>
      {!apiSupported && (
        <MessageBar intent="error" layout="multiline" data-testid="api-unsupported">
          <MessageBarBody>
            <MessageBarTitle>{t("apiUnsupportedTitle")}</MessageBarTitle>
            {t("apiUnsupported")}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text
        as="p"
        block
        data-testid="generate-intro"
        data-read={generated === undefined ? "pending" : "done"}
      >
        {t("generateIntro")}
      </Text>
      {!replace && existing && existing.length > 0 && !running && (
        <MessageBar intent="warning" layout="multiline" data-testid="existing-sheets">
          <MessageBarBody>
            <MessageBarTitle>{t("generateExistingTitle")}</MessageBarTitle>
            <span className={styles.names}>{t("generateExistingFound", { names: list(existing) })}</span>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setConfirmed(false);
                dispatch({ type: "onExisting", value: "replaceGenerated" });
              }}
            >
              {t("generateUseReplace")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
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
            ? t("generateWillReplace", { names: list(toReplace) })
            : t("generateNothingToReplace")}
        </Text>
      )}
      {replace && copies.length > 0 && (
        <Checkbox
          data-testid="remove-copies"
          label={<span className={styles.names}>{t("generateRemoveCopies", { names: list(copies) })}</span>}
          checked={state.removeCopies}
          disabled={running}
          onChange={(_, data) => {
            setConfirmed(false);
            dispatch({ type: "removeCopies", on: data.checked === true });
          }}
        />
      )}
      {needsConfirmation && (
        <Checkbox
          label={t("generateConfirmReplace")}
          checked={confirmed}
          disabled={running || toReplace === undefined}
          onChange={(_, data) => setConfirmed(data.checked === true)}
        />
      )}
      {failing > 0 && (
        <Text as="p" block id="generate-failing" data-testid="generate-failing">
          {t("generateFailingChecks", { count: failing })}
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={
            running || !apiSupported || state.sheets.length === 0 || (needsConfirmation && !confirmed)
          }
          aria-describedby={
            [needsConfirmation && !confirmed ? "generate-reason" : "", failing > 0 ? "generate-failing" : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
          onClick={generate}
        >
          {t("generateStart")}
        </Button>
        {running && (
          <Button ref={cancelButton} disabledFocusable={cancelling} onClick={cancel} data-testid="cancel">
            {t(cancelling ? "generateCancelling" : "generateCancel")}
          </Button>
        )}
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
        <Text
          as="p"
          block
          role="alert"
          weight="semibold"
          data-testid="generate-outcome"
          ref={outcomeText}
          tabIndex={-1}
        >
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
