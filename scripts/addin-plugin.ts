/**
 * Webpack plugin for what Office needs beside the bundles: functions.zh-cn.json (the zh-CN metadata Excel loads
 * through the manifest's <bt:Override Locale="zh-cn">), the help pages the functions' @helpurl names, and the
 * production URL in every emitted text file. A function without a translation fails the build.
 */
import { join } from "path";
import type { Compilation, Compiler } from "webpack";
import type { FunctionTable } from "../src/functions/i18n/types";
import { localizeMetadata } from "./localize";
import { DEV_URL, type FunctionsMetadata } from "./metadata";
import { helpPages } from "./reference";

export { DEV_URL };

const NAME = "AddinPlugin";
const FUNCTIONS_DIR = join(__dirname, "..", "src", "functions");
const I18N_DIR = join(FUNCTIONS_DIR, "i18n");
const POLICY_DIR = join(__dirname, "..", "src", "policy");
const TEXT_ASSET = /\.(html|json|xml|js|css|md|txt)$/;

/**
 * The table (the families' texts) and the policy pack, read afresh so watch mode sees edits; their files become
 * build dependencies.
 */
function loadTable(compilation: Compilation): FunctionTable {
  const isData = (file: string): boolean => file.startsWith(FUNCTIONS_DIR) || file.startsWith(POLICY_DIR);
  for (const file of Object.keys(require.cache)) if (isData(file)) delete require.cache[file];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const table = (require(I18N_DIR) as { FUNCTION_TEXTS: FunctionTable }).FUNCTION_TEXTS;
  for (const file of Object.keys(require.cache)) if (isData(file)) compilation.fileDependencies.add(file);
  compilation.contextDependencies.add(FUNCTIONS_DIR);
  return table;
}

export class AddinPlugin {
  constructor(private readonly options: { readonly url: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation: Stages, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Stages.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Without functions.json the metadata plugin has already reported why.
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          try {
            const metadata = JSON.parse(asset.source.source().toString()) as FunctionsMetadata;
            // Reference modules of the policy pack must be fresh too, so load the table first.
            const table = loadTable(compilation);
            const localized = localizeMetadata(metadata, table);
            compilation.emitAsset(
              "functions.zh-cn.json",
              new sources.RawSource(`${JSON.stringify(localized, null, 2)}\n`),
            );
            for (const [file, html] of Object.entries(helpPages(metadata, table))) {
              compilation.emitAsset(file, new sources.RawSource(html));
            }
          } catch (error) {
            compilation.errors.push(new WebpackError(error instanceof Error ? error.message : String(error)));
          }
        },
      );

      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Stages.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        () => {
          if (this.options.url === DEV_URL) return;
          for (const asset of compilation.getAssets()) {
            if (!TEXT_ASSET.test(asset.name)) continue;
            const text = asset.source.source().toString();
            if (text.includes(DEV_URL)) {
              compilation.updateAsset(
                asset.name,
                new sources.RawSource(text.split(DEV_URL).join(this.options.url)),
              );
            }
          }
        },
      );
    });
  }
}
