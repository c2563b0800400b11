/**
 * What the browser tests need around the built pane: the fake office.js bundle, a static server for dist/ on
 * 127.0.0.1, and Debian's chromium through playwright-core with every request recorded.
 */
import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { gzipSync } from "zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import webpack from "webpack";
import { ROOT } from "../../support/build";

export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The fake Excel and Office globals as one browser script, standing in for office.js. */
export function buildFakeOffice(): Promise<string> {
  const outDir = join(ROOT, ".tmp", "taskpane-test");
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: "./test/taskpane/browser/office.entry.ts",
    target: ["web", "es2017"],
    output: { path: outDir, filename: "office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve(readFileSync(join(outDir, "office.js"), "utf8"));
    }),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the task pane's browser tests need Debian's chromium (apt-get install -y chromium fonts-wqy-microhei).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // No wall-clock limits: a loaded machine is slower, not wrong (jest's test timeout is the safety net).
    timeout: 0,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PaneSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page requested. */
  readonly requests: string[];
  /** Content-Security-Policy violations the page reported. */
  readonly cspViolations: () => Promise<string[]>;
  readonly pageErrors: string[];
}

/**
 * A fresh page on the pane with the fake office.js; anything not on 127.0.0.1 other than office.js is refused.
 * officeJs null withholds office.js too (a network that does not reach Microsoft's CDN); `ready` is the element
 * waited for once the page loaded (the app's root unless told); `hold` keeps the page's requests for matching URLs
 * waiting until its promise settles (a script that arrives late).
 */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  officeJs: string | null,
  lang: string,
  options: {
    readonly width?: number;
    readonly query?: string;
    readonly ready?: string;
    readonly hold?: { readonly url: RegExp; readonly until: Promise<void> };
  } = {},
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 420, height: 860 },
    locale: lang,
  });
  // Every wait is on a condition (an element, a text, a state): none gives up after a fixed time.
  context.setDefaultTimeout(0);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (options.hold?.url.test(url)) await options.hold.until;
    if (url === OFFICE_JS && officeJs !== null)
      return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
    if (url.startsWith(`${baseUrl}/`)) return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __csp: seen });
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${baseUrl}/taskpane.html?lang=${lang}${options.query ? `&${options.query}` : ""}`);
  await page.locator(options.ready ?? "#app-root").waitFor();
  return {
    context,
    page,
    requests,
    pageErrors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

/** The JS files taskpane.html loads up front (its script tags), with raw and gzip sizes. */
export function initialBundle(dist: string): { files: string[]; bytes: number; gzipBytes: number } {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  // The built page is minified: attribute values may be unquoted.
  const files = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
  const contents = files.map((file) => readFileSync(join(dist, file)));
  return {
    files,
    bytes: contents.reduce((sum, c) => sum + c.length, 0),
    gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
  };
}
