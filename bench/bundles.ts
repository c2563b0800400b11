/** Sizes of what ships, from the production build in dist/ (npm run build runs first). */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { initialBundle } from "../test/taskpane/browser/harness";

const DIST = join(__dirname, "..", "dist");

function size(file: string) {
  const bytes = readFileSync(join(DIST, file));
  return { file, minKB: kb(bytes.length), gzipKB: kb(gzipSync(bytes, { level: 9 }).length) };
}

const kb = (n: number) => Number((n / 1024).toFixed(1));

export function benchBundles() {
  const functions = size("functions.js");
  const paneFiles = initialBundle(DIST).files.map(size);
  const lazyChunks = readdirSync(DIST).filter(
    (f) => f.endsWith(".js") && !paneFiles.some((p) => p.file === f) && f !== "functions.js",
  );
  return {
    functions,
    pane: {
      initialFiles: paneFiles,
      initialGzipKB: kb(paneFiles.reduce((s, f) => s + f.gzipKB * 1024, 0)),
    },
    lazyChunks: lazyChunks.map(size),
  };
}
