import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { getPack, listPacks, POLICY_KEYS, type PolicyKey } from "../../policy";
import type { StringKey } from "../i18n";
import { pick } from "../i18n";
import { effectivePack } from "../pack";
import { displayValue, isRate, parsePolicyInput } from "../policyInput";
import { unitText } from "../vocabulary";
import { PackFileLoader } from "./PackFileLoader";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  // One value per row, label, input and source stacked: the pane is as narrow as 320 px.
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  source: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  edited: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    color: tokens.colorPaletteMarigoldForeground2,
  },
  headerText: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // A pack's name is long in English: the picker keeps to the pane's width.
  select: { minWidth: 0, width: "100%", maxWidth: "100%", textOverflow: "ellipsis" },
  errors: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  errorLink: { overflowWrap: "anywhere", textAlign: "start", height: "auto", minHeight: 0 },
});

/** The pack's values in sections a finance officer recognises, by the key's first part. */
const SECTIONS: readonly { readonly label: StringKey; readonly prefixes: readonly string[] }[] = [
  { label: "policySectionEnrollment", prefixes: ["dropout", "class_size", "class_band"] },
  { label: "policySectionBalance", prefixes: ["balance", "standardized", "school_size", "merger"] },
  { label: "policySectionStaff", prefixes: ["staff_ratio"] },
  { label: "policySectionFunds", prefixes: ["public_funds"] },
  { label: "policySectionPreschool", prefixes: ["preschool"] },
  { label: "policySectionAllowance", prefixes: ["allowance", "nutrition"] },
];

const sectionOf = (key: PolicyKey): number => {
  const prefix = key.split(".")[0] ?? "";
  const index = SECTIONS.findIndex((section) => section.prefixes.includes(prefix));
  return index < 0 ? SECTIONS.length - 1 : index;
};

const inputId = (key: PolicyKey) => `policy-${key.replace(/\W/g, "-")}`;

/** NFKC, lower case and no spaces: "班 额" finds 班额, "ＣＬＡＳＳ" finds class. */
const normal = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

export function PolicyStep(props: StepProps) {
  const { state, dispatch, t, locale, busy } = props;
  const styles = useStyles();
  const base = getPack(state.packId);
  const pack = effectivePack(state);
  const original = effectivePack({ ...state, edits: {} });
  // What the user typed, kept as text so "0." or "" can be on the way to a number.
  const [typed, setTyped] = useState<Partial<Record<PolicyKey, string>>>({});
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<readonly number[]>([]);
  const edited = Object.keys(state.edits).length;
  const colon = locale === "zh-CN" ? "：" : ": ";

  const change = (key: PolicyKey, unit: string, text: string) => {
    setTyped((before) => ({ ...before, [key]: text }));
    const parsed = parsePolicyInput(key, unit, text);
    // An invalid value blocks Next; the preview never sees it (nor a stale one: the key is marked invalid).
    dispatch({ type: "policyValidity", key, valid: parsed.ok });
    if (parsed.ok) {
      const before = original.values[key].value;
      dispatch(
        parsed.value === before ? { type: "resetEdit", key } : { type: "edit", key, value: parsed.value },
      );
    }
  };
  const resetOne = (key: PolicyKey) => {
    setTyped(({ [key]: _dropped, ...rest }) => rest);
    dispatch({ type: "resetEdit", key });
  };
  const reset = () => {
    setTyped({});
    dispatch({ type: "resetEdits" });
  };

  const rows = POLICY_KEYS.map((key) => {
    const value = pack.values[key];
    const label = pick(locale, value.labelZh, value.labelEn);
    const text = typed[key] ?? displayValue(value.value, value.unit);
    const parsed = parsePolicyInput(key, value.unit, text);
    const unit = isRate(value.unit) ? "%" : unitText(value.unit, locale);
    const haystack = normal(`${value.labelZh} ${value.labelEn} ${key} ${value.source}`);
    return { key, value, label, text, parsed, unit, haystack, section: sectionOf(key) };
  });
  const needle = normal(query);
  const shown = needle ? rows.filter((row) => row.haystack.includes(needle)) : rows;
  const invalid = rows.filter((row) => !row.parsed.ok);
  // Searching, or a value to fix, opens its section.
  const openSections = [
    ...new Set([
      ...open,
      ...(needle ? shown.map((row) => row.section) : []),
      ...invalid.map((row) => row.section),
    ]),
  ];
  const focusValue = (key: PolicyKey, section: number) => {
    setOpen((before) => (before.includes(section) ? before : [...before, section]));
    requestAnimationFrame(() => document.getElementById(inputId(key))?.focus());
  };
  const packName = pick(locale, base.nameZh, base.nameEn) ?? base.id;

  return (
    <>
      {invalid.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="policy-errors">
          <MessageBarBody>
            <MessageBarTitle>{t("policyErrorsTitle", { count: invalid.length })}</MessageBarTitle>
            <ul className={styles.errors}>
              {invalid.map((row) => (
                <li key={row.key}>
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.errorLink}
                    onClick={() => focusValue(row.key, row.section)}
                  >
                    {row.parsed.ok
                      ? row.label
                      : t(row.parsed.reason, { label: row.label, ...row.parsed.values })}
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" block>
        {t("policyIntro")}
      </Text>
      <Field label={t("policyPack")}>
        <Select
          className={styles.select}
          select={{ className: styles.select }}
          value={state.packId}
          disabled={busy}
          onChange={(_, data) => {
            setTyped({});
            dispatch({ type: "choosePack", packId: data.value });
          }}
        >
          {listPacks().map((p) => (
            <option key={p.id} value={p.id}>
              {pick(locale, p.nameZh, p.nameEn)} · {p.version}
            </option>
          ))}
        </Select>
      </Field>
      <PackFileLoader {...props} />
      <Text as="p" block role="status" data-testid="policy-status">
        {edited > 0 ? t("policyEdited", { count: edited, name: packName }) : `${packName} · ${base.version}`}
      </Text>
      <div>
        <Button disabled={busy || (edited === 0 && state.invalidPolicy.length === 0)} onClick={reset}>
          {t("policyReset")}
        </Button>
      </div>
      <Field label={t("policySearch")}>
        <Input type="search" value={query} onChange={(_, data) => setQuery(data.value)} />
      </Field>
      {needle && shown.length === 0 && (
        <Text as="p" block role="status">
          {t("policySearchNone", { query })}
        </Text>
      )}
      <Accordion
        multiple
        collapsible
        openItems={[...openSections]}
        onToggle={(_, data) => setOpen(data.openItems.map(Number))}
        aria-label={t("policyValues")}
      >
        {SECTIONS.map((section, index) => {
          const inSection = shown.filter((row) => row.section === index);
          if (inSection.length === 0) return null;
          const changed = inSection.filter((row) => state.edits[row.key] !== undefined).length;
          return (
            <AccordionItem key={section.label} value={index} data-section={section.label}>
              <AccordionHeader>
                <span className={styles.headerText}>
                  {t(section.label)}
                  <Text size={200}>({inSection.length})</Text>
                  {changed > 0 && (
                    <Badge appearance="tint" color="warning">
                      {t("policySectionEdited", { count: changed })}
                    </Badge>
                  )}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {inSection.map(({ key, value, label, text, parsed, unit }) => {
                    const before = original.values[key];
                    const isEdited = state.edits[key] !== undefined;
                    return (
                      <li key={key} className={styles.item} data-edited={isEdited}>
                        <Field
                          label={locale === "zh-CN" ? `${label}（${unit}）` : `${label} (${unit})`}
                          validationMessage={
                            parsed.ok ? undefined : t(parsed.reason, { label, ...parsed.values })
                          }
                        >
                          {/* Text, not a number field: the mouse wheel cannot change it while scrolling. */}
                          <Input
                            id={inputId(key)}
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            value={text}
                            disabled={busy}
                            data-key={key}
                            contentAfter={isRate(value.unit) ? "%" : undefined}
                            onChange={(_, data) => change(key, value.unit, data.value)}
                          />
                        </Field>
                        {isEdited && (
                          <div className={styles.edited} data-testid="policy-original">
                            <Text size={200}>
                              {t("policyOriginal", {
                                value: `${displayValue(before.value, before.unit)}${isRate(before.unit) ? " %" : ""}`,
                              })}
                            </Text>
                            <Button
                              size="small"
                              disabled={busy}
                              aria-label={t("policyResetOne", { label })}
                              onClick={() => resetOne(key)}
                            >
                              {t("policyResetOneShort")}
                            </Button>
                          </div>
                        )}
                        <Text size={200} className={styles.source}>
                          {t("policySource")}
                          {colon}
                          {value.source}
                        </Text>
                      </li>
                    );
                  })}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </>
  );
}

export default PolicyStep;
