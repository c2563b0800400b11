import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function DoneStep({ state, dispatch, t, excel, run, announce }: StepProps) {
  const styles = useStyles();
  if (state.generation.status !== "done") return null;
  const { created, passed, failed } = state.generation;
  return (
    <>
      <Text as="p" block>
        {t("doneIntro")}
      </Text>
      <Text as="p" block weight="semibold" data-testid="done-summary">
        {t("doneSheets", { count: created.length })} · {t("doneChecks", { passed, failed })}
      </Text>
      <ul
        className={styles.links}
        aria-label={t("doneSheets", { count: created.length })}
        style={{ listStyle: "none", padding: 0 }}
      >
        {created.map((name) => (
          <li key={name}>
            <Button
              appearance="secondary"
              aria-label={t("doneOpen", { name })}
              onClick={() =>
                run(async () => {
                  if (!(await excel.activate(name))) announce(t("problemNotInWorkbook", { sheet: name }));
                })
              }
            >
              {name}
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button onClick={() => dispatch({ type: "restart" })}>{t("doneAgain")}</Button>
      </div>
    </>
  );
}
