import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { pick } from "../i18n";
import { checkCounts, planFor } from "../plan";
import { errorMessage, type StepProps } from "./types";

export default function PreviewStep({ state, t, locale }: StepProps) {
  const result = useMemo(() => {
    try {
      return { plan: planFor(state, new Date()) };
    } catch (error) {
      return { error: errorMessage(error) };
    }
    // The plan depends only on the data and the policy.
  }, [state.district, state.packId, state.edits]);

  if (!result.plan)
    return <Text role="alert">{t("previewFailedToBuild", { message: result.error ?? "" })}</Text>;
  const { passed } = checkCounts(result.plan);
  return (
    <>
      <Text as="p" block>
        {t("previewIntro")}
      </Text>
      <Text as="p" block weight="semibold" data-testid="preview-summary">
        {t("previewPassed", { passed, total: result.plan.checks.length })}
      </Text>
      <Table size="small" aria-label={t("stepPreview")} data-testid="checks">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("previewCheck")}</TableHeaderCell>
            <TableHeaderCell>{t("previewResult")}</TableHeaderCell>
            <TableHeaderCell>{t("previewWhy")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.plan.checks.map((check) => (
            <TableRow key={check.id} data-check={check.id}>
              <TableCell>{pick(locale, check.labelZh, check.labelEn)}</TableCell>
              <TableCell>
                <Badge appearance="filled" color={check.pass ? "success" : "danger"}>
                  {check.pass ? t("previewPass") : t("previewFail")}
                </Badge>
              </TableCell>
              <TableCell>{pick(locale, check.detailZh, check.detailEn)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
