/**
 * The pane's status bar: the outcome of the last action, with a title by its kind and the technical cause apart.
 * Loaded after the first render (nothing is said before the user acts), keeping the first script small.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Translate } from "./i18n";
import type { StatusIntent } from "./steps/types";

const useStyles = makeStyles({
  status: { marginBlock: tokens.spacingVerticalS },
  cause: { display: "block", color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
});

const TITLE = {
  info: "statusInfo",
  success: "statusSuccess",
  warning: "statusWarning",
  error: "statusError",
} as const satisfies Record<StatusIntent, string>;

export interface Status {
  readonly text: string;
  readonly intent: StatusIntent;
  readonly cause?: string;
}

export default function StatusBar({ status, t }: { readonly status: Status; readonly t: Translate }) {
  const styles = useStyles();
  return (
    <MessageBar
      intent={status.intent}
      layout="multiline"
      className={styles.status}
      data-testid="status"
      data-intent={status.intent}
    >
      <MessageBarBody>
        <MessageBarTitle>{t(TITLE[status.intent])}</MessageBarTitle>
        <span data-testid="status-text">{status.text}</span>
        {status.cause && (
          <Text size={200} className={styles.cause}>
            {t("causeLabel", { cause: status.cause })}
          </Text>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
