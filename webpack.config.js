// Builds the add-in into dist/: the custom functions (functions.js + functions.json + functions.zh-cn.json + the
// JS-only runtime's functions.html), the task pane, the manifest, the icons and the function reference (help/).
// ADDIN_URL=https://example.org/edu/ rewrites every https://localhost:3000/ for a hosted deployment.
// `--env entries=functions` builds the functions only (quick checks of the metadata, manifest and help pages).
require("./scripts/ts-require");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin, ProvidePlugin } = require("webpack");
const { AddinPlugin, DEV_URL } = require("./scripts/addin-plugin.ts");
const { FUNCTIONS_ENTRY, FUNCTION_SOURCES, sourceMetadata } = require("./scripts/metadata.ts");
const paneConstants = require("./scripts/pane-constants.js");

const DEV_PORT = 3000;

// The JS-only custom-functions runtime loads this page, which loads Microsoft's runtime and then functions.js.
const functionsPage = `<!DOCTYPE html>
<html>
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <title>EDU functions</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"></script>
  </head>
  <body></body>
</html>`;

/** The production URL: ADDIN_URL with exactly one trailing slash, or the dev server's. */
function deploymentUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  if (!/^https:\/\//.test(url))
    throw new Error(`ADDIN_URL must start with https:// (Office loads add-ins over HTTPS only), got ${url}`);
  return url.replace(/\/*$/, "/");
}

/**
 * The English signature and help of each function, from the same JSDoc as functions.json, for the task pane's
 * function list (the Chinese ones come from the translation table it imports).
 */
async function englishSignatures() {
  const { functions } = await sourceMetadata();
  return Object.fromEntries(
    functions.map((f) => [
      f.id,
      {
        description: f.description ?? "",
        parameters: f.parameters.map((p) => ({
          name: p.name,
          description: p.description ?? "",
          optional: p.optional === true,
        })),
      },
    ]),
  );
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const functionsOnly = env.entries === "functions";
  const entry = { functions: FUNCTIONS_ENTRY };
  if (!functionsOnly) entry.taskpane = "./src/taskpane/index.ts";
  const signatures = functionsOnly ? {} : await englishSignatures();

  return {
    entry,
    target: ["web", "es2017"],
    devtool: production ? false : "source-map",
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
      // exceljs's browser build (dist/exceljs.min.js) embeds a JSZip of its own (3.10.1): the pane is built from
      // exceljs's sources instead, with the installed, pinned jszip and the browser's own features for the Node ones
      // its sources name (the polyfills its sources require are for browsers older than Office supports).
      alias: {
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/lib/exceljs.browser.js"),
        "core-js": false,
        "regenerator-runtime": false,
      },
      fallback: {
        stream: require.resolve("readable-stream"),
        events: require.resolve("events/"),
        buffer: require.resolve("buffer/"),
        util: require.resolve("util/"),
        crypto: false,
        fs: false,
        path: false,
        os: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        // Type-checking is `npm run lint`; the build only transpiles.
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      // One input per family module: the plugin reads their JSDoc and appends each one's associate calls.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: [...FUNCTION_SOURCES] }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        templateContent: functionsPage,
        chunks: ["functions"],
      }),
      ...(functionsOnly
        ? []
        : [
            new HtmlWebpackPlugin({
              filename: "taskpane.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["taskpane"],
            }),
          ]),
      new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }, { from: "manifest.xml" }] }),
      new AddinPlugin({ url: deploymentUrl() }),
      new DefinePlugin({
        __EDU_FUNCTIONS_EN__: JSON.stringify(signatures),
        ...Object.fromEntries(
          Object.entries(paneConstants).map(([name, value]) => [name, JSON.stringify(value)]),
        ),
      }),
      new ProvidePlugin({
        Buffer: ["buffer", "Buffer"],
        process: path.resolve(__dirname, "scripts/browser-process.js"),
      }),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE ? await devServer() : undefined,
  };
};

/** Office requires HTTPS even for localhost: the dev certificates are made (and trusted) only when serving. */
async function devServer() {
  const devCerts = require("office-addin-dev-certs");
  return {
    port: DEV_PORT,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
  };
}
