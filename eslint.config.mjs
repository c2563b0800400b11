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
/** An import of the folder `name` (its index or any file in it), wherever the importing file sits. */
const folder = (/** @type {string} */ name) => [`**/${name}`, `**/${name}/**`];
const noFs = {
  group: ["fs", "fs/*", "node:fs", "node:fs/*"],
  message: "The xlsx writer returns bytes: the CLI writes them to disk.",
};
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
/** The rules of the domain know nothing of districts or workbook plans: those are built on top of them. */
const domainLayer = {
  group: [...folder("plan"), ...folder("district"), ...folder("budget")],
  message:
    "src/domain is the bottom layer: src/district, src/plan and src/budget use it, never the other way round.",
};
/** The writers render a WorkbookPlan (src/plan) and nothing else: every number and rule is already in the plan. */
const writerLayer = {
  group: [...folder("domain"), ...folder("district"), ...folder("policy")],
  message: "A writer renders a WorkbookPlan: it takes nothing from src/domain, src/district or src/policy.",
};
/** Office globals the CLI (Node) must never reach for. */
const officeGlobals = ["Excel", "Office", "CustomFunctions"].map((name) => ({
  name,
  message: `${name} exists only inside Excel: the CLI runs in Node and writes .xlsx with src/writers/xlsx.`,
}));
/**
 * The same layering for import(), which no-restricted-imports does not see: `pattern` is a regular expression over
 * the imported path (no slashes in it; `\\b` marks a folder name's ends).
 */
const dynamicImport = (/** @type {string} */ pattern, /** @type {{ message: string }} */ rule) => ({
  selector: `ImportExpression[source.value=/${pattern}/]`,
  message: rule.message,
});
const OFFICE_NAMES = "^(Excel|Office|CustomFunctions)$";
/** Office's namespaces reached other than as a plain global: in a type, or through globalThis or window. */
const officeSyntax = [
  `TSQualifiedName[left.type="Identifier"][left.name=/${OFFICE_NAMES}/]`,
  `TSTypeQuery > Identifier[name=/${OFFICE_NAMES}/]`,
  `MemberExpression[object.name=/^(globalThis|window|self|global)$/][property.name=/${OFFICE_NAMES}/]`,
].map((selector) => ({
  selector,
  message:
    "Excel, Office and CustomFunctions exist only inside Excel: the CLI runs in Node and writes .xlsx with src/writers/xlsx.",
}));
const cliLayer = {
  group: [...folder("taskpane"), ...folder("officejs")],
  message:
    "The CLI runs in Node: it writes .xlsx with src/writers/xlsx, never through the task pane or Office.js.",
};
const functionsLayer = {
  group: [...folder("plan"), ...folder("district")],
  message: "Custom functions compute one rule from their arguments: they build no plan and read no district.",
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
    files: ["src/domain/**", "src/policy/**", "src/district/**", "src/plan/**", "src/budget/**"],
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
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...pureCoreImports.patterns, domainLayer] }],
      "no-restricted-syntax": ["error", dynamicImport("\\b(plan|district|budget)\\b", domainLayer)],
    },
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
            noFs,
            writerLayer,
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        dynamicImport("^(node:)?fs\\b", noFs),
        dynamicImport("\\b(domain|district|policy)\\b", writerLayer),
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
            writerLayer,
          ],
        },
      ],
      "no-restricted-syntax": ["error", dynamicImport("\\b(domain|district|policy)\\b", writerLayer)],
    },
  },
  {
    files: ["src/functions/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "node:*", "exceljs", "react", "**/writers/**", "**/taskpane/**", "**/cli/**"],
              message: "Custom functions are thin adapters over src/domain.",
            },
            functionsLayer,
          ],
        },
      ],
      "no-restricted-syntax": ["error", dynamicImport("\\b(plan|district)\\b", functionsLayer)],
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
  {
    files: ["src/cli/**"],
    rules: {
      "no-restricted-globals": ["error", ...officeGlobals],
      "no-restricted-imports": ["error", { patterns: [cliLayer] }],
      "no-restricted-syntax": [
        "error",
        dynamicImport("\\b(taskpane|officejs)\\b", cliLayer),
        ...officeSyntax,
      ],
    },
  },
  prettier,
);
