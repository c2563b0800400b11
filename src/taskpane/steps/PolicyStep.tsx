import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import { getPack, listPacks, POLICY_KEYS, type PolicyKey } from "../../policy";
import { pick } from "../i18n";
import { effectivePack } from "../pack";
import type { StepProps } from "./types";

export function PolicyStep({ state, dispatch, t, locale, busy }: StepProps) {
  const base = getPack(state.packId);
  const pack = effectivePack(state);
  // What the user typed, kept as text so "0." or "" can be on the way to a number.
  const [typed, setTyped] = useState<Partial<Record<PolicyKey, string>>>({});
  const edited = Object.keys(state.edits).length;

  const change = (key: PolicyKey, text: string) => {
    setTyped((before) => ({ ...before, [key]: text }));
    const value = Number(text);
    if (text.trim() !== "" && Number.isFinite(value)) dispatch({ type: "edit", key, value });
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
              {pick(locale, p.nameZh, p.nameEn)} ({p.id} {p.version})
            </option>
          ))}
        </Select>
      </Field>
      <Text as="p" block role="status" data-testid="policy-status">
        {edited > 0 ? t("policyEdited", { count: edited, id: pack.id }) : `${base.id} ${base.version}`}
      </Text>
      <Button disabled={busy || edited === 0} onClick={reset}>
        {t("policyReset")}
      </Button>
      <Table size="small" aria-label={t("policyPack")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("policyValue")}</TableHeaderCell>
            <TableHeaderCell>{t("policySource")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {POLICY_KEYS.map((key) => {
            const value = pack.values[key];
            const label = pick(locale, value.labelZh, value.labelEn);
            const text = typed[key] ?? String(value.value);
            const invalid = text.trim() === "" || !Number.isFinite(Number(text));
            return (
              <TableRow key={key}>
                <TableCell>
                  <Field
                    label={`${label} (${value.unit})`}
                    validationMessage={invalid ? t("policyInvalid", { label }) : undefined}
                  >
                    <Input
                      type="number"
                      step="any"
                      value={text}
                      disabled={busy}
                      data-key={key}
                      onChange={(_, data) => change(key, data.value)}
                    />
                  </Field>
                </TableCell>
                <TableCell>
                  <Text size={200}>{value.source}</Text>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
