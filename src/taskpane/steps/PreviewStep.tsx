import {
  Badge,
  Button,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { StatusIcon } from "../icons";
import type { CheckItem } from "../../plan/types";
import { checkStatus, type CheckStatus } from "../../plan/verdict";
import { pick, type Locale, type Translate } from "../i18n";
import { checkCounts } from "../plan";
import { usePreview } from "./usePreview";
import { checkLinks, type CheckLink } from "../checkLinks";
import type { StepProps } from "./types";

const BADGE = { pass: "success", fail: "danger", notApplicable: "informative" } as const;
const ICON = { pass: "pass", fail: "fail", notApplicable: "info" } as const;
/** Failures first, then what does not apply, then passes; the plan's order within each. */
const RANK: Record<CheckStatus, number> = { fail: 0, notApplicable: 1, pass: 2 };
const VERDICT_TEXT = {
  pass: "previewPass",
  fail: "previewFail",
  notApplicable: "previewNotApplicable",
} as const satisfies Record<CheckStatus, string>;

const useStyles = makeStyles({
  items: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL },
  why: { overflowWrap: "anywhere", verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS },
  checkColumn: { width: "38%" },
  links: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginBlockStart: tokens.spacingVerticalXS,
    "& .fui-Button": { minWidth: 0, maxWidth: "100%", overflowWrap: "anywhere", textAlign: "start" },
  },
  check: {
    verticalAlign: "top",
    paddingBlock: tokens.spacingVerticalXS,
    "& .fui-Badge": { display: "flex", width: "fit-content", marginBlockStart: tokens.spacingVerticalXXS },
  },
});

/** A check's sub-results (one per school…), failing ones first, folded away until asked for. */
function Items({ items, t, locale }: { items: readonly CheckItem[]; t: Translate; locale: Locale }) {
  const styles = useStyles();
  const failing = items.filter((item) => !item.pass);
  const sorted = [...failing, ...items.filter((item) => item.pass)];
  return (
    <details open={failing.length > 0} data-testid="check-items">
      <summary>{t("previewItemsFailed", { failed: failing.length, total: items.length })}</summary>
      <ul className={styles.items}>
        {sorted.map((item, index) => (
          <li key={index} data-pass={item.pass}>
            {pick(locale, item.labelZh, item.labelEn)}
            {locale === "zh-CN" ? "：" : ": "}
            {item.pass ? t("previewPass") : t("previewFail")}
            {locale === "zh-CN" ? "，" : ", "}
            {pick(locale, item.detailZh, item.detailEn)}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A failed check's links: the cell that sets its threshold and the input row that causes it, selected in Excel. */
function Links({ links, props }: { links: readonly CheckLink[]; props: StepProps }) {
  const { t, excel, run, announce, busy } = props;
  const styles = useStyles();
  const goTo = (link: CheckLink) =>
    run(async () => {
      const found = await excel.select(link.sheet, link.address);
      if (!found) announce(t("previewLinkNotInWorkbook", { sheet: link.sheet }), "warning");
    });
  if (links.length === 0) return null;
  return (
    <div className={styles.links} data-testid="check-links">
      {links.map((link) => (
        <Button
          key={link.kind}
          size="small"
          appearance="outline"
          disabled={busy}
          data-link={link.kind}
          onClick={() => goTo(link)}
        >
          {t(link.kind === "threshold" ? "previewGoThreshold" : "previewGoCause", {
            cell: `${link.sheet}!${link.address}`,
          })}
        </Button>
      ))}
    </div>
  );
}

export default function PreviewStep(props: StepProps) {
  const { state, t, locale } = props;
  const styles = useStyles();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const built = usePreview(state);

  if (built.status === "building") return <Text role="status">{t("busy")}</Text>;
  if (built.status === "failed")
    return <Text role="alert">{t("previewFailedToBuild", { message: built.error })}</Text>;
  const result = built.preview;
  const { passed, failed } = checkCounts(result);
  const agree = result.reconciliations.filter((r) => r.agrees).length;
  const checks = result.checks
    .map((check, index) => ({ check, index, status: checkStatus(check) }))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || a.index - b.index)
    .filter(({ status }) => !onlyFailing || status === "fail");
  return (
    <>
      <Text as="p" block>
        {t("previewIntro")}
      </Text>
      <Text as="p" block weight="semibold" data-testid="preview-summary">
        {t("previewPassed", { passed, total: passed + failed })}
      </Text>
      {failed > 0 && (
        <Switch
          label={t("previewOnlyFailing")}
          checked={onlyFailing}
          onChange={(_, data) => setOnlyFailing(data.checked)}
          data-testid="only-failing"
        />
      )}
      <Table size="small" aria-label={t("stepPreview")} data-testid="checks">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.checkColumn}>
              {t("previewCheck")} · {t("previewResult")}
            </TableHeaderCell>
            <TableHeaderCell>{t("previewWhy")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {checks.map(({ check, status }) => (
            <TableRow key={check.id} data-check={check.id} data-status={status}>
              {/* Label and verdict share a cell, leaving the width to the reason in a narrow pane. */}
              <TableCell className={styles.check}>
                {pick(locale, check.labelZh, check.labelEn)}
                <Badge
                  appearance="filled"
                  color={BADGE[status]}
                  data-status={status}
                  icon={<StatusIcon name={ICON[status]} />}
                >
                  {t(VERDICT_TEXT[status])}
                </Badge>
              </TableCell>
              <TableCell className={styles.why}>
                {pick(locale, check.detailZh, check.detailEn)}
                {check.items && check.items.length > 0 && <Items items={check.items} t={t} locale={locale} />}
                {status === "fail" && <Links links={checkLinks(check, result, state)} props={props} />}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {result.reconciliations.length > 0 && (
        <>
          <Text as="p" block weight="semibold" data-testid="reconciliation-summary">
            {t("previewReconciliations", { agree, total: result.reconciliations.length })}
          </Text>
          <Table size="small" aria-label={t("previewReconciliation")} data-testid="reconciliations">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.checkColumn}>
                  {t("previewReconciliation")} · {t("previewResult")}
                </TableHeaderCell>
                <TableHeaderCell>{t("previewDifference")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.reconciliations.map((r, index) => (
                <TableRow key={index} data-agrees={r.agrees}>
                  <TableCell className={styles.check}>
                    {pick(locale, r.labelZh, r.labelEn)}
                    <Badge
                      appearance="filled"
                      color={r.agrees ? "success" : "danger"}
                      icon={<StatusIcon name={r.agrees ? "pass" : "fail"} />}
                    >
                      {r.agrees ? t("previewAgrees") : t("previewDiffers")}
                    </Badge>
                  </TableCell>
                  <TableCell className={styles.why}>{r.difference.toFixed(2)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </>
  );
}
