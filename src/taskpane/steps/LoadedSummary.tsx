import { makeStyles, tokens } from "@fluentui/react-components";
import type { District } from "../../district/model";
import { districtSummary } from "../data";
import { pick, type Locale, type Translate } from "../i18n";

const useStyles = makeStyles({
  card: {
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  cardTitle: { fontSize: tokens.fontSizeBase400, margin: 0, marginBlockEnd: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    overflowWrap: "anywhere",
  },
  factValue: { margin: 0 },
  highlight: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
});

/**
 * The card after loading: which district, budget year and policy pack (the two that decide most of the workbook,
 * highlighted), how many schools, projects and debt items were read, and the term plan's years and the schools
 * with past enrollment (往年在校生) when the term's inputs were given.
 */
export function LoadedSummary({
  district,
  label,
  t,
  locale,
}: {
  readonly district: District;
  readonly label: string;
  readonly t: Translate;
  readonly locale: Locale;
}) {
  const styles = useStyles();
  const summary = districtSummary(district);
  const colon = locale === "zh-CN" ? "：" : ": ";
  return (
    <section aria-labelledby="summary-title" className={styles.card} data-testid="summary">
      <h3 id="summary-title" className={styles.cardTitle}>
        {t("summaryTitle")}
        {colon}
        {label}
      </h3>
      <dl className={styles.facts}>
        <dt>{t("summaryDistrict")}</dt>
        <dd className={styles.factValue}>{summary.name}</dd>
        <dt>{t("summaryYear")}</dt>
        <dd className={styles.factValue}>
          <span className={styles.highlight} data-testid="summary-year">
            {summary.budgetYear}
          </span>
        </dd>
        <dt>{t("summaryPack")}</dt>
        <dd className={styles.factValue}>
          <span className={styles.highlight} data-testid="summary-pack">
            {summary.packName
              ? pick(locale, summary.packName.zh, summary.packName.en)
              : t("summaryPackUnknown", { id: summary.packId })}
          </span>
        </dd>
        <dt>{t("summarySchools")}</dt>
        <dd className={styles.factValue} data-testid="summary-schools">
          {summary.schools}
        </dd>
        <dt>{t("summaryProjects")}</dt>
        <dd className={styles.factValue} data-testid="summary-projects">
          {summary.projects}
        </dd>
        <dt>{t("summaryDebts")}</dt>
        <dd className={styles.factValue} data-testid="summary-debts">
          {summary.debts}
        </dd>
        <dt>{t("summaryTerm")}</dt>
        <dd className={styles.factValue} data-testid="summary-term">
          {summary.term
            ? t("summaryTermYears", {
                first: summary.term.firstYear,
                last: summary.term.lastYear,
                years: summary.term.lastYear - summary.term.firstYear,
              })
            : t("summaryTermNone")}
        </dd>
        {summary.term && (
          <>
            <dt>{t("summaryHistory")}</dt>
            <dd className={styles.factValue} data-testid="summary-history">
              {summary.term.historyYears.length > 0
                ? t("summaryHistorySchools", {
                    count: summary.term.schoolsWithHistory,
                    total: summary.schools,
                    from: summary.term.historyYears[0] ?? "",
                    to: summary.term.historyYears[summary.term.historyYears.length - 1] ?? "",
                  })
                : t("summaryHistoryNone")}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

export default LoadedSummary;
