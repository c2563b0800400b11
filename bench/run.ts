/**
 * `npm run bench`: the performance report. Every figure is measured here, on this machine, and where a target is a
 * ratio it is taken against a baseline run in the same process (machines are shared and noisy, so absolute times
 * are reported but never asserted). Writes bench-report.json and prints it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { benchAssignClasses } from "./assignClasses";
import { benchBundles } from "./bundles";
import { benchCompare } from "./compare";
import { benchFunctions } from "./functions";
import { benchPaneRender } from "./pane";
import { benchOfficeJs, benchPlanBuilding, benchScale, benchTermBuilding, benchXlsx } from "./workbook";

async function main(): Promise<void> {
  const started = new Date().toISOString();
  const step = <T>(label: string, run: () => T): T => {
    process.stderr.write(`bench: ${label}…\n`);
    return run();
  };
  const report = {
    started,
    node: process.version,
    functions: step("custom functions", benchFunctions),
    assignClasses: step("ASSIGN_CLASSES", () => benchAssignClasses()),
    bundles: step("bundle sizes", benchBundles),
    planBuilding: step("plan building", benchPlanBuilding),
    term: step("plan building with a 5-year term, 5,000 schools", () => benchTermBuilding(5000)),
    compare: step("comparison of two 5,000-school builds", () => benchCompare(5000)),
    xlsx: step("xlsx writer, 5,000 schools", () => benchXlsx(5000)),
    scale: step("generation of 20,000 schools within 2 GB", () => benchScale()),
    officeJs: await step("Office.js generation", benchOfficeJs),
    paneRender: await step("task pane first render in chromium", benchPaneRender),
  };
  const targets = {
    scalarAdapterOverheadAtMost3x: report.functions.worstScalarRatio <= 3,
    projectEnrollmentUnder20us: report.functions.projectEnrollmentMicroseconds < 20,
    assignClassesUnder50ms: report.assignClasses.worstMs < 50,
    assignClassesGapRatioAtMostHalf: report.assignClasses.worstGapRatio <= 0.5,
    pathologicalAssignClassesUnder200ms: report.functions.pathological
      .filter((f) => f.work !== undefined)
      .every((f) => f.msPerCall < 200 && (f.gapRatio ?? 1) <= 1),
    policyUnknownLongKeyUnder1ms: report.functions.pathological
      .filter((f) => f.work === undefined)
      .every((f) => f.msPerCall < 1),
    functionsBundleUnder40KBgzip: report.bundles.functions.gzipKB < 40,
    paneBundleUnder250KBgzip: report.bundles.pane.initialGzipKB < 250,
    paneInitialScriptAtMost150KBgzip: report.bundles.pane.initialGzipKB <= 150,
    paneFirstRenderAtMost300ms: report.paneRender.firstRenderMs <= 300,
    xlsxTimeRatioAtMost1_5: report.xlsx.timeRatio <= 1.5,
    xlsxUnder10s: report.xlsx.writer.ms < 10_000,
    planBuildingLinear: report.planBuilding.growthRatio500to5000 < 2,
    planBuildingPerSchoolWithin1_2x: report.planBuilding.growthRatio500to5000 <= 1.2,
    termBuildAtMost3xSingleYear: report.term.termRatio <= 3,
    xlsxTimeRatioAtMost1_1: report.xlsx.timeRatio <= 1.1,
    compareTwo5000SchoolBuildsUnder2s: report.compare.compareMs < 2000,
    twentyThousandSchoolsWithin2GB: report.scale.within2GB,
    twentyThousandSchoolsLinear: report.scale.timePerSchoolRatio < 2,
    officeJsSyncsWithinBound: report.officeJs.generations.every((g) => g.withinSyncBound),
    officeJsNoRequestOver4MB: !report.officeJs.anyRequestOver4MB,
    officeJsApiCallsIndependentOfCells: report.officeJs.apiCallsSpread <= 1.05,
  };
  const out = { ...report, targets };
  const file = join(__dirname, "..", "bench-report.json");
  writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  console.log(JSON.stringify(out, null, 2));
  process.stderr.write(`bench: report written to ${file}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
