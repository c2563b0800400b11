// Lets Node run the build-time generators and read the translation table (TypeScript) without a compile step:
// webpack.config.js and the npm scripts load them through this hook.
const fs = require("fs");
const ts = require("typescript");

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2020,
  esModuleInterop: true,
  jsx: ts.JsxEmit.ReactJSX,
};

for (const extension of [".ts", ".tsx"]) {
  require.extensions[extension] = (module, fileName) => {
    const source = fs.readFileSync(fileName, "utf8");
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName });
    module._compile(outputText, fileName);
  };
}
