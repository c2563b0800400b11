/**
 * The task pane's first render in Debian's chromium: the pane's own mark at its first paint (the app root on
 * screen, with the fake Excel standing in for office.js), against the first contentful paint of a static page of
 * the same build (help/index.html) served the same way, as the baseline.
 */
import { join } from "node:path";
import { buildFakeOffice, launchChromium, openPane, serve } from "../test/taskpane/browser/harness";
import { ms, ratio } from "./measure";

const DIST = join(__dirname, "..", "dist");
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchPaneRender() {
  const officeJs = await buildFakeOffice();
  const server = await serve(DIST);
  const browser = await launchChromium();
  try {
    const pane: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const session = await openPane(browser, server.url, officeJs, "zh-CN");
      pane.push(
        await session.page.evaluate(async () => {
          for (let n = 0; n < 100 && performance.getEntriesByName("taskpane-first-paint").length === 0; n++)
            await new Promise((resolve) => setTimeout(resolve, 20));
          return performance.getEntriesByName("taskpane-first-paint")[0]?.startTime ?? NaN;
        }),
      );
      await session.page.goto(`${server.url}/help/index.html`);
      baseline.push(
        await session.page.evaluate(async () => {
          for (let n = 0; n < 100 && performance.getEntriesByName("first-contentful-paint").length === 0; n++)
            await new Promise((resolve) => setTimeout(resolve, 20));
          return performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
        }),
      );
      await session.context.close();
    }
    const paneMs = median(pane);
    const baselineMs = median(baseline);
    return {
      runs: RUNS,
      firstRenderMs: ms(paneMs / 1000),
      staticPageFirstPaintMs: ms(baselineMs / 1000),
      ratioToStaticPage: ratio(paneMs, baselineMs),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
