/**
 * The Policy step's pack file: a button opens the browser's file picker (as the Data step's does), the file is read
 * by the same reader as the CLI's --pack, and its problems are listed as the data's are (the Problems step's table).
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ChangeEvent } from "react";
import { FilePickerButton } from "./FilePickerButton";
import { problemCounts } from "../state";
import { ProblemsStep } from "./ProblemsStep";
import type { StepProps } from "./types";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

// The reader (and exceljs for an .xlsx) loads when a file is chosen, not with the step.
const loadReader = () => import("../../district/loadPack");

export function PackFileLoader(props: StepProps) {
  const { state, dispatch, t, run, announce, busy } = props;
  const styles = useStyles();
  const id = useId();
  const packFile = state.packFile;

  const read = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    run(async () => {
      const { loadPackFile } = await loadReader();
      const result = await loadPackFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      dispatch({
        type: "packFile",
        file: file.name,
        ...(result.pack ? { pack: result.pack } : {}),
        changed: result.changed,
        problems: result.problems,
      });
      const counts = problemCounts(result.problems);
      if (result.pack)
        announce(
          t("policyPackFileLoaded", {
            file: file.name,
            basedOn: result.pack.basedOn ?? "",
            count: result.changed.length,
          }),
          counts.warnings ? "warning" : "success",
        );
      else announce(t("policyPackFileProblems", { file: file.name, ...counts }), "error");
    });
    // The same file chosen again is read again.
    event.target.value = "";
  };

  const counts = packFile ? problemCounts(packFile.problems) : undefined;
  return (
    <fieldset className={styles.group} data-testid="pack-file">
      <legend>{t("policyPackFile")}</legend>
      <Text id={`${id}-hint`}>{t("policyPackFileHint")}</Text>
      <div className={styles.row}>
        <FilePickerButton
          label={t("policyPackFileChoose")}
          inputLabel={t("policyPackFileLabel")}
          accept=".xlsx,.json"
          hintId={`${id}-hint`}
          disabled={busy}
          onChange={read}
        />
        {packFile && (
          <Button disabled={busy} onClick={() => dispatch({ type: "clearPackFile" })}>
            {t("policyPackFileClear")}
          </Button>
        )}
      </div>
      {packFile && counts && (
        <Text as="p" block weight="semibold" role="status" data-testid="pack-file-status">
          {packFile.pack && counts.errors === 0
            ? t("policyPackFileLoaded", {
                file: packFile.file,
                basedOn: packFile.pack.basedOn ?? "",
                count: packFile.changed.length,
              })
            : t("policyPackFileProblems", { file: packFile.file, ...counts })}
        </Text>
      )}
      {packFile && packFile.problems.length > 0 && (
        <ProblemsStep
          {...props}
          state={{
            ...state,
            problems: packFile.problems,
            source: { kind: "file", label: packFile.file },
            tables: undefined,
          }}
        />
      )}
    </fieldset>
  );
}

export default PackFileLoader;
