import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { getPack, listPacks, POLICY_KEYS, type PolicyKey } from "../../policy";
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
  source: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export function PolicyStep(props: StepProps) {
  const { state, dispatch, t, locale, busy } = props;
  const styles = useStyles();
  const base = getPack(state.packId);
  const pack = effectivePack(state);
  // What the user typed, kept as text so "0." or "" can be on the way to a number.
  const [typed, setTyped] = useState<Partial<Record<PolicyKey, string>>>({});
  const edited = Object.keys(state.edits).length;

  const change = (key: PolicyKey, unit: string, text: string) => {
    setTyped((before) => ({ ...before, [key]: text }));
    const parsed = parsePolicyInput(key, unit, text);
    // An invalid value blocks Next; the preview never sees it (nor a stale one: the key is marked invalid).
    dispatch({ type: "policyValidity", key, valid: parsed.ok });
    if (parsed.ok) dispatch({ type: "edit", key, value: parsed.value });
  };
  const reset = () => {
    setTyped({});
    dispatch({ type: "resetEdits" });
  };

  return (
    <>
      <Text as="p" block>
        {t("policyIntro")}
      </Text>
      <Field label={t("policyPack")}>
        <Select
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
        {edited > 0 ? t("policyEdited", { count: edited, id: pack.id }) : `${base.id} ${base.version}`}
      </Text>
      <Button disabled={busy || (edited === 0 && state.invalidPolicy.length === 0)} onClick={reset}>
        {t("policyReset")}
      </Button>
      <ul className={styles.list} aria-label={t("policyValues")}>
        {POLICY_KEYS.map((key) => {
          const value = pack.values[key];
          const label = pick(locale, value.labelZh, value.labelEn);
          const text = typed[key] ?? displayValue(value.value, value.unit);
          const parsed = parsePolicyInput(key, value.unit, text);
          const unit = isRate(value.unit) ? "%" : unitText(value.unit, locale);
          return (
            <li key={key} className={styles.item}>
              <Field
                label={locale === "zh-CN" ? `${label}（${unit}）` : `${label} (${unit})`}
                validationMessage={parsed.ok ? undefined : t(parsed.reason, { label, ...parsed.values })}
              >
                <Input
                  type="number"
                  step="any"
                  value={text}
                  disabled={busy}
                  data-key={key}
                  contentAfter={isRate(value.unit) ? "%" : undefined}
                  onChange={(_, data) => change(key, value.unit, data.value)}
                />
              </Field>
              <Text size={200} className={styles.source}>
                {t("policySource")}
                {locale === "zh-CN" ? "：" : ": "}
                {value.source}
              </Text>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export default PolicyStep;
