import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { Problem } from "../../district/problems";
import { splitCause } from "../messages";
import { problemAddress, problemPlace } from "../problems";
import { pick } from "../i18n";
import { acceptsText } from "../vocabulary";
import { problemCounts } from "../state";
import type { StepProps } from "./types";

// File names, sheet names and field paths are long tokens: they break anywhere in a narrow pane.
const useStyles = makeStyles({ token: { wordBreak: "break-all" } });

export function ProblemsStep({ state, t, locale, excel, run, announce, busy }: StepProps) {
  const styles = useStyles();
  const { errors } = problemCounts(state.problems);
  const goTo = (problem: Problem, address: string) =>
    run(async () => {
      const found = await excel.select(problem.sheet ?? "", address);
      if (!found) announce(t("problemNotInWorkbook", { sheet: problem.sheet ?? "" }), "warning");
    });

  if (state.problems.length === 0)
    return (
      <Text as="p" block>
        {t("problemsNone")}
      </Text>
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
      <Table size="small" aria-label={t("stepProblems")} data-testid="problems">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("problemSheet")}</TableHeaderCell>
            <TableHeaderCell>{t("problemColumn")}</TableHeaderCell>
            <TableHeaderCell>{t("problemMessage")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {state.problems.map((problem, index) => {
            const { where, linkable } = problemPlace(problem, state.source);
            const address = linkable ? problemAddress(problem, state.tables) : undefined;
            const place = `${where}${problem.row ? ` ${t("problemRowAt", { row: problem.row })}` : ""}`;
            const { message, cause } = splitCause(pick(locale, problem.message, problem.messageEn), locale);
            const accepts =
              problem.accepts &&
              t("problemAccepts", {
                accepts:
                  locale !== "zh-CN" && problem.acceptsEn
                    ? problem.acceptsEn
                    : acceptsText(problem.accepts, locale),
              });
            return (
              <TableRow key={index}>
                <TableCell className={styles.token}>
                  {address ? (
                    <Button
                      appearance="transparent"
                      size="small"
                      disabled={busy}
                      aria-label={t("problemGoTo", { sheet: problem.sheet ?? "", row: problem.row ?? "" })}
                      onClick={() => goTo(problem, address)}
                    >
                      {place}
                    </Button>
                  ) : (
                    place
                  )}
                </TableCell>
                <TableCell className={styles.token}>{problem.column ?? problem.field}</TableCell>
                <TableCell>
                  <Badge
                    appearance="tint"
                    color={problem.severity === "error" ? "danger" : "warning"}
                    style={{ marginInlineEnd: 4 }}
                  >
                    {problem.severity === "error" ? t("problemSeverityError") : t("problemSeverityWarning")}
                  </Badge>
                  {message}
                  {accepts && (
                    <Text as="span" size={200}>
                      {locale === "zh-CN" ? `（${accepts}）` : ` (${accepts})`}
                    </Text>
                  )}
                  {cause && (
                    <Text as="span" block size={200} style={{ wordBreak: "break-all" }}>
                      {t("causeLabel", { cause })}
                    </Text>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
