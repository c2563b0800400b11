import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { pick } from "../i18n";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, listStyle: "none", padding: 0 },
  heading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 0` },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function DoneStep({ state, dispatch, t, locale, excel, run, announce }: StepProps) {
  const styles = useStyles();
  const summary = useRef<HTMLParagraphElement>(null);
  // The generation's outcome has the focus when it ends (keyboard and screen-reader users land on it).
  useEffect(() => summary.current?.focus(), []);
  if (state.generation.status !== "done") return null;
  const { created, renamed, replaced, passed, failed, failedChecks } = state.generation;
  const colon = locale === "zh-CN" ? "：" : ": ";
  return (
    <>
      <Text as="p" block>
        {t("doneIntro")}
      </Text>
      <Text as="p" block weight="semibold" data-testid="done-summary" tabIndex={-1} ref={summary}>
        {t("doneSheets", { count: created.length })} · {t("doneChecks", { passed, failed })}
      </Text>
      {failed > 0 && (
        // Not a success: the workbook is there, but some of its checks fail.
        <MessageBar intent="warning" layout="multiline" data-testid="done-warning">
          <MessageBarBody>
            <MessageBarTitle>{t("doneWithFailuresTitle")}</MessageBarTitle>
            {t("doneWithFailures", { count: failed })}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.links} aria-label={t("doneSheets", { count: created.length })}>
        {created.map((name) => (
          <li key={name}>
            <Button
              appearance="secondary"
              aria-label={t("doneOpen", { name })}
              onClick={() =>
                run(async () => {
                  if (!(await excel.activate(name)))
                    announce(t("problemNotInWorkbook", { sheet: name }), "warning");
                })
              }
            >
              {name}
            </Button>
          </li>
        ))}
      </ul>
      {renamed.length > 0 && (
        <section data-testid="done-renamed">
          <h3 className={styles.heading}>{t("doneRenamed")}</h3>
          <ul className={styles.list}>
            {renamed.map(({ planName, name }) => (
              <li key={name}>
                {planName} → {name}
              </li>
            ))}
          </ul>
        </section>
      )}
      {replaced.length > 0 && (
        <section data-testid="done-replaced">
          <h3 className={styles.heading}>{t("doneReplaced")}</h3>
          <ul className={styles.list}>
            {replaced.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      )}
      {failedChecks.length > 0 && (
        <section data-testid="done-failed">
          <h3 className={styles.heading}>{t("doneFailedChecks")}</h3>
          <ul className={styles.list}>
            {failedChecks.map((check, index) => (
              <li key={index}>
                <Text weight="semibold">{pick(locale, check.labelZh, check.labelEn)}</Text>
                {colon}
                {pick(locale, check.detailZh, check.detailEn)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div>
        <Button onClick={() => dispatch({ type: "restart" })}>{t("doneAgain")}</Button>
      </div>
    </>
  );
}

export default DoneStep;
