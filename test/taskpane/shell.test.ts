/**
 * The first view (shell.ts) is drawn without Fluent UI but must look like the wizard that replaces it: its colours
 * are Fluent's own theme tokens.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { SHELL_PALETTE } from "../../src/taskpane/shell";

const tokensOf = (theme: Theme) => ({
  background: theme.colorNeutralBackground1,
  foreground: theme.colorNeutralForeground1,
  foreground2: theme.colorNeutralForeground2,
  panel: theme.colorNeutralBackground2,
  stroke: theme.colorNeutralStroke1,
  brand: theme.colorBrandBackground,
  onBrand: theme.colorNeutralForegroundOnBrand,
  link: theme.colorBrandForegroundLink,
  disabled: theme.colorNeutralForegroundDisabled,
});

describe("the first view's colours", () => {
  it("are Fluent's light theme tokens in a light Office", () => {
    expect(SHELL_PALETTE.light).toEqual(tokensOf(webLightTheme));
  });

  it("are Fluent's dark theme tokens in a dark Office", () => {
    expect(SHELL_PALETTE.dark).toEqual(tokensOf(webDarkTheme));
  });
});
