/**
 * The task pane's first render in Debian's chromium, with the fake Excel standing in for office.js: the pane's own
 * mark at the first paint of its first view (the DOM-only first view of shell.ts, whose buttons work at once), and
 * the mark at the first paint of the wizard that replaces it (React and Fluent UI loaded), against the first
 * contentful paint of a static page of the same build (help/index.html) served the same way, as the baseline.
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
    const wizard: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const session = await openPane(browser, server.url, officeJs, "zh-CN");
      // openPane returns once the wizard's root is there; its paint mark follows two frames later.
      await session.page.waitForFunction(() => performance.getEntriesByName("taskpane-app-paint").length > 0);
      const [first, app] = await session.page.evaluate(() =>
        ["taskpane-first-paint", "taskpane-app-paint"].map(
          (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
        ),
      );
      pane.push(first ?? NaN);
      wizard.push(app ?? NaN);
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
    const wizardMs = median(wizard);
    const baselineMs = median(baseline);
    return {
      runs: RUNS,
      /** The first view on screen (target ≤ 300 ms). */
      firstRenderMs: ms(paneMs / 1000),
      /** The wizard (React, Fluent UI) painted over it. */
      wizardPaintMs: ms(wizardMs / 1000),
      staticPageFirstPaintMs: ms(baselineMs / 1000),
      ratioToStaticPage: ratio(paneMs, baselineMs),
      wizardRatioToStaticPage: ratio(wizardMs, baselineMs),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
