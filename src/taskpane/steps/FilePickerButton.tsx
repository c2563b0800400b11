/** A Fluent button that opens the browser's file picker: the Data step's input files and the Policy step's pack file. */
import { Button } from "@fluentui/react-components";
import { useId, useRef, type ChangeEvent } from "react";

export interface FilePickerButtonProps {
  readonly label: string;
  /** The hidden input's accessible name. */
  readonly inputLabel: string;
  /** File endings the picker offers, e.g. ".xlsx,.json". */
  readonly accept: string;
  /** The id of the text that explains what to choose. */
  readonly hintId: string;
  readonly disabled: boolean;
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

export function FilePickerButton({
  label,
  inputLabel,
  accept,
  hintId,
  disabled,
  onChange,
}: FilePickerButtonProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button disabled={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {/* The browser's own picker, opened by the button above; hidden, so it is neither seen nor tabbed to. */}
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        hidden
        disabled={disabled}
        onChange={onChange}
      />
    </>
  );
}
