import { Button, Field, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { FUNCTION_TEXTS, type ExcelValue, type FunctionText } from "../../functions/i18n";
import { FUNCTION_SYNONYMS } from "../../functions/i18n/synonyms";
import { rankFunctions, searchEntries } from "../functionSearch";
import { pick } from "../i18n";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  list: {
    listStyle: "none",
    padding: 0,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBlockEnd: tokens.spacingVerticalS },
  heading: { fontSize: tokens.fontSizeBase400, margin: 0 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    marginBlockStart: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    overflowWrap: "anywhere",
  },
});

const ENTRIES = searchEntries(FUNCTION_TEXTS, FUNCTION_SYNONYMS);

/** An insertion waiting for the user's word: the selected cell is not empty. */
interface PendingInsert {
  readonly id: string;
  readonly formula: string;
  readonly address: string;
  readonly content: string;
}

interface EnglishSignature {
  readonly description: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly description: string;
    readonly optional: boolean;
  }[];
}

/** Set at build time from the functions' JSDoc (webpack DefinePlugin); absent outside the build. */
declare const __EDU_FUNCTIONS_EN__: Readonly<Record<string, EnglishSignature>> | undefined;
const ENGLISH: Readonly<Record<string, EnglishSignature>> =
  typeof __EDU_FUNCTIONS_EN__ === "undefined" ? {} : __EDU_FUNCTIONS_EN__;

/** The call as Excel's formula bar shows it, e.g. EDU.DROPOUT_CHECK(start_enrollment, dropouts, level, [area], [limit]). */
export function signature(id: string, text: FunctionText, locale: string): string {
  const english = ENGLISH[id]?.parameters;
  const names = text.parameters.map((p, i) => {
    const name = locale.startsWith("zh") || !english?.[i] ? p.zhName : english[i].name;
    return english?.[i]?.optional ? `[${name}]` : name;
  });
  return `EDU.${id}(${names.join(", ")})`;
}

/** An argument as a formula literal: text quoted, ranges as array constants ({1;2;3} is a column). */
export function formulaLiteral(value: ExcelValue): string {
  if (value === null) return "";
  if (typeof value === "object")
    return `{${value.map((row) => row.map(formulaLiteral).join(",")).join(";")}}`;
  if (typeof value === "string") return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function exampleFormula(id: string, text: FunctionText): string | undefined {
  const example = text.examples[0];
  if (!example) return undefined;
  // Omitted optional arguments at the end are left out, as a user would type the call.
  const args = [...example.args];
  while (args.length > 0 && args[args.length - 1] === null) args.pop();
  return `=EDU.${id}(${args.map(formulaLiteral).join(",")})`;
}

export function FunctionsPanel({
  t,
  locale,
  excel,
  run,
  announce,
  busy,
}: Omit<StepProps, "state" | "dispatch">) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const found = useMemo(() => rankFunctions(ENTRIES, query, locale), [query, locale]);
  const [pending, setPending] = useState<PendingInsert | null>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) replaceRef.current?.focus();
  }, [pending]);
  const colon = locale === "zh-CN" ? "：" : ": ";
  const write = (formula: string) =>
    run(async () => {
      setPending(null);
      const address = await excel.insertFormula(formula);
      announce(t("fnInserted", { formula, address }), "success");
    });
  // A cell that holds something is the user's: ask before writing over it.
  const insert = (id: string, formula: string) =>
    run(async () => {
      const cell = await excel.activeCell();
      if (cell.content === "") {
        const address = await excel.insertFormula(formula);
        return announce(t("fnInserted", { formula, address }), "success");
      }
      setPending({ id, formula, address: cell.address, content: cell.content });
    });
  const keep = () => {
    if (pending) announce(t("fnKept", { address: pending.address }));
    setPending(null);
  };

  return (
    <>
      <Field label={t("fnSearch")}>
        <SearchBox
          placeholder={t("fnSearchPlaceholder")}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
      </Field>
      <Text as="p" block role="status">
        {found.length ? t("fnCount", { count: found.length }) : t("fnNone")}
      </Text>
      <ul className={styles.list}>
        {found.map(({ id, text }) => {
          const name = `EDU.${id}`;
          const example = exampleFormula(id, text);
          return (
            <li key={id} className={styles.item} data-function={id}>
              <h3 className={styles.heading}>
                {locale === "zh-CN" ? (
                  <>
                    {text.zhName} <Text weight="regular">{name}</Text>
                  </>
                ) : (
                  name
                )}
              </h3>
              <Text as="p" block>
                {pick(locale, text.checks.zh, text.checks.en)}
              </Text>
              <Text as="p" block size={200}>
                <code className={styles.code}>{signature(id, text, locale)}</code>
              </Text>
              <Text as="p" block size={200}>
                {t("fnRule")}
                {colon}
                {pick(locale, text.rule.zh, text.rule.en)}
              </Text>
              <Text as="p" block size={200}>
                {t("fnSource")}
                {colon}
                {pick(locale, text.source.zh, text.source.en)}
              </Text>
              {example && (
                <Text as="p" block size={200}>
                  {t("fnExample")}
                  {colon}
                  <code className={styles.code}>{example}</code>
                </Text>
              )}
              <div className={styles.actions}>
                <Button size="small" disabled={busy} onClick={() => insert(id, `=${name}()`)}>
                  {t("fnInsert", { name })}
                </Button>
                {example && (
                  <Button
                    size="small"
                    disabled={busy}
                    aria-label={`${t("fnInsertExample")} ${name}`}
                    onClick={() => insert(id, example)}
                  >
                    {t("fnInsertExample")}
                  </Button>
                )}
              </div>
              {pending?.id === id && (
                <div
                  className={styles.confirm}
                  role="group"
                  aria-labelledby={`fn-confirm-${id}`}
                  data-testid="fn-confirm"
                >
                  <Text id={`fn-confirm-${id}`}>
                    {t("fnReplaceAsk", {
                      address: pending.address,
                      content: pending.content,
                      formula: pending.formula,
                    })}
                  </Text>
                  <div className={styles.actions}>
                    <Button
                      ref={replaceRef}
                      size="small"
                      appearance="primary"
                      disabled={busy}
                      onClick={() => write(pending.formula)}
                    >
                      {t("fnReplace")}
                    </Button>
                    <Button size="small" disabled={busy} onClick={keep}>
                      {t("fnKeep")}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export default FunctionsPanel;
