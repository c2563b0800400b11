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
} from "@fluentui/react-components";
import type { Problem } from "../../district/problems";
import { problemAddress } from "../problems";
import { pick } from "../i18n";
import { problemCounts } from "../state";
import type { StepProps } from "./types";

export function ProblemsStep({ state, t, locale, excel, run, announce, busy }: StepProps) {
  const { errors } = problemCounts(state.problems);
  const goTo = (problem: Problem, address: string) =>
    run(async () => {
      const found = await excel.select(problem.sheet ?? "", address);
      if (!found) announce(t("problemNotInWorkbook", { sheet: problem.sheet ?? "" }));
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
        {t("problemsIntro")}
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
            const address = problemAddress(problem, state.tables);
            const place = `${problem.sheet ?? problem.file}${problem.row ? ` ${t("problemRow")} ${problem.row}` : ""}`;
            return (
              <TableRow key={index}>
                <TableCell>
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
                <TableCell>{problem.column ?? problem.field}</TableCell>
                <TableCell>
                  <Badge
                    appearance="tint"
                    color={problem.severity === "error" ? "danger" : "warning"}
                    style={{ marginInlineEnd: 4 }}
                  >
                    {problem.severity === "error" ? t("problemSeverityError") : t("problemSeverityWarning")}
                  </Badge>
                  {pick(locale, problem.message, problem.messageEn)}
                  {problem.accepts && (
                    <Text as="span" size={200}>
                      {" "}
                      ({t("problemAccepts", { accepts: problem.accepts })})
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
