import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { StatusIcon } from "../icons";
import { describeProblem, groupProblems, type ProblemGroup } from "../problems";
import { problemCounts } from "../state";
import type { StepProps } from "./types";

// One column, sheet by sheet and row by row: readable at 320 px. File and sheet names break anywhere.
const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeading: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalS} 0 0`,
    overflowWrap: "anywhere",
  },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  line: { overflowWrap: "anywhere" },
  badge: { marginInlineEnd: tokens.spacingHorizontalXS, verticalAlign: "text-bottom" },
  secondary: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  cause: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
  },
});

function Group({ group, props }: { group: ProblemGroup; props: StepProps }) {
  const { t, locale, excel, run, announce, busy } = props;
  const styles = useStyles();
  const headingId = useId();
  const sheet = group.sheet ?? "";
  const goTo = (address: string) =>
    run(async () => {
      const found = await excel.select(sheet, address);
      if (!found) announce(t("problemNotInWorkbook", { sheet }), "warning");
    });
  return (
    <li className={styles.group} data-sheet={group.where}>
      <h3 id={headingId} className={styles.groupHeading}>
        {group.where}
        {locale === "zh-CN" ? "（" : " ("}
        {t("problemsInGroup", { count: group.rows.reduce((sum, row) => sum + row.lines.length, 0) })}
        {locale === "zh-CN" ? "）" : ")"}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId}>
        {group.rows.map((row, index) => (
          <li key={row.row ?? `whole-${index}`} className={styles.row} data-row={row.row ?? ""}>
            {(row.row !== undefined || row.address !== undefined) && (
              <div className={styles.rowHead}>
                {row.row !== undefined && (
                  <Text weight="semibold">{t("problemRowAt", { row: row.row })}</Text>
                )}
                {row.address !== undefined && (
                  <Button
                    size="small"
                    appearance="outline"
                    disabled={busy}
                    data-testid="locate"
                    onClick={() => goTo(row.address ?? "")}
                  >
                    {t("problemLocate", { cell: row.address })}
                  </Button>
                )}
              </div>
            )}
            <ul className={styles.list}>
              {row.lines.map(({ problem, message, column, accepts, cause }, line) => (
                <li key={line} className={styles.line} data-problem={problem.severity}>
                  <Badge
                    appearance="tint"
                    color={problem.severity === "error" ? "danger" : "warning"}
                    icon={<StatusIcon name={problem.severity === "error" ? "fail" : "warning"} />}
                    className={styles.badge}
                  >
                    {problem.severity === "error" ? t("problemSeverityError") : t("problemSeverityWarning")}
                  </Badge>
                  {column && (
                    <Text as="span" className={styles.secondary}>
                      {t("problemColumnAt", { column })}
                    </Text>
                  )}
                  {message}
                  {accepts && (
                    <Text as="span" className={styles.secondary}>
                      {locale === "zh-CN" ? `（${accepts}）` : ` (${accepts})`}
                    </Text>
                  )}
                  {cause && (
                    <Text as="span" className={styles.cause}>
                      {t("causeLabel", { cause })}
                    </Text>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ProblemsStep(props: StepProps) {
  const { state, t, locale } = props;
  const styles = useStyles();
  const { errors } = problemCounts(state.problems);

  if (state.problems.length === 0)
    return (
      <Text as="p" block>
        {t("problemsNone")}
      </Text>
    );
  const groups = groupProblems(state.problems, state.source, state.tables, (problem) =>
    describeProblem(problem, locale, t),
  );
  return (
    <>
      <Text as="p" block>
        {t(state.source?.kind === "sheets" ? "problemsIntro" : "problemsIntroFile")}
      </Text>
      {errors > 0 && (
        <Text as="p" block weight="semibold" role="alert">
          {t("problemsErrorsBlock", { count: errors })}
        </Text>
      )}
      <ul className={styles.list} aria-label={t("stepProblems")} data-testid="problems">
        {groups.map((group) => (
          <Group key={group.where} group={group} props={props} />
        ))}
      </ul>
    </>
  );
}

export default ProblemsStep;
