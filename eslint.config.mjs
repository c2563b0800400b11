// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/** Globals that belong to the imperative shells, never to the pure core. */
const shellGlobals = [
  "Excel",
  "Office",
  "CustomFunctions",
  "document",
  "window",
  "fetch",
  "localStorage",
].map((name) => ({
  name,
  message: `${name} is a shell concern: pass what you need in from src/functions, src/writers or src/taskpane.`,
}));
const pureCoreImports = {
  patterns: [
    {
      group: ["fs", "node:*", "path", "child_process", "os"],
      message: "The pure core does no I/O: do it in src/cli.",
    },
    {
      group: ["**/writers/**", "**/taskpane/**", "**/functions/**", "**/cli/**"],
      message: "The pure core must not depend on a shell.",
    },
    { group: ["exceljs", "react", "react-dom", "@fluentui/*"], message: "The pure core renders nothing." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules", "dist", "lib", "out", "coverage", "docs", "**/*.js", "!eslint.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["src/domain/**", "src/policy/**", "src/district/**", "src/plan/**"],
    rules: {
      "no-restricted-globals": ["error", ...shellGlobals, { name: "Date", message: "Pass the clock in." }],
      "no-restricted-imports": ["error", pureCoreImports],
    },
  },
  {
    // The input-workbook reader may parse .xlsx bytes with exceljs; it still does no I/O.
    files: ["src/district/readers/xlsx.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: pureCoreImports.patterns.slice(0, 2) }] },
  },
  {
    files: ["src/writers/xlsx/**"],
    rules: {
      "no-restricted-globals": ["error", ...shellGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**", "**/officejs/**", "react"],
              message: "The xlsx writer renders a plan, nothing else.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/writers/officejs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "exceljs", "**/xlsx/**", "**/cli/**"],
              message: "The Office.js writer runs in the browser.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/functions/**"],
    rules: {
      // Custom-function signatures receive Excel's untyped cell values.
      "@typescript-eslint/no-explicit-any": "off",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "exceljs", "react", "**/writers/**", "**/taskpane/**", "**/cli/**"],
              message: "Custom functions are thin adapters over src/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "exceljs", "**/cli/**", "**/xlsx/**"],
              message: "The task pane runs in the browser.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
