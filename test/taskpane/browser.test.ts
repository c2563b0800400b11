/**
 * The built task pane in Debian's chromium, with the fake Excel standing in for office.js: both samples through
 * the whole wizard (one by mouse in en-US, one by keyboard alone in zh-CN), a file full of errors, the input
 * sheets, a failed generation, the functions panel, accessibility (axe) and the pane's own network and CSP.
 */
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { districtToTables, encodeCsv, readDistrictJson } from "../../src/district";
import { buildInputTemplatePlan } from "../../src/plan/inputTemplate";
import { writeXlsx } from "../../src/writers/xlsx";
import { getSample } from "../../src/district/samples";
import { historyYears, planYears } from "../../src/district/term";
import { SHEETS, sheetSpec, type SheetKey } from "../../src/district/layout";
import { cellAddress, columnLetter, parseCell } from "../../src/plan/address";
import { buildWorkbookPlan } from "../../src/plan/build";
import { isFormulaCell, type WorkbookPlan } from "../../src/plan/types";
import { checkStatus } from "../../src/plan/verdict";
import { getPack, readPackJson } from "../../src/policy";
import { INTERNAL_PATH } from "../../src/taskpane/problems";
import { BUILD_TIMEOUT_MS, DIST, ROOT, ensureBuilt } from "../support/build";
import type { FakeExcel } from "../support/fakeExcel";
import {
  OFFICE_JS,
  buildFakeOffice,
  initialBundle,
  launchChromium,
  openPane,
  serve,
  type PaneSession,
} from "./browser/harness";

// Screenshots go to an ignored folder, so that a test run changes no tracked file; `npm run screenshots` runs this
// suite with EDU_SCREENSHOTS_DIR set and copies what it took into docs/screenshots.
const SCREENSHOTS = process.env.EDU_SCREENSHOTS_DIR ?? join(ROOT, "test-results", "screenshots");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// A safety net only: every wait below is on a condition, and Playwright's own timeouts are off (harness.ts), so a
// loaded machine makes the suite slower, never red.
jest.setTimeout(900_000);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let officeJs: string;
const sessions: PaneSession[] = [];
const firstPaints: number[] = [];
/** When the wizard (React, Fluent UI) painted over the first view. */
const wizardPaints: number[] = [];
/** The longest main-thread task while each generation ran (reported, never asserted: see npm run bench). */
const longestTasks: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  officeJs = await buildFakeOffice();
  server = await serve(DIST);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  const bundle = initialBundle(DIST);
  console.log(
    `task pane: initial JS ${bundle.files.join(" + ")} = ${(bundle.bytes / 1024).toFixed(1)} KB, ` +
      `${(bundle.gzipBytes / 1024).toFixed(1)} KB gzip; first view painted at ${firstPaints.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}; ` +
      `wizard painted at ${wizardPaints.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}; ` +
      `longest main-thread task during generation: ${longestTasks.join(", ")}`,
  );
});

async function open(
  lang: "zh-CN" | "en-US",
  options: { readonly width?: number; readonly query?: string } = {},
): Promise<PaneSession> {
  const session = await openPane(browser, server.url, officeJs, lang, options);
  sessions.push(session);
  await session.page.waitForFunction(() => performance.getEntriesByName("taskpane-first-paint").length > 0);
  const paint = await session.page.evaluate(
    () => performance.getEntriesByName("taskpane-first-paint")[0]?.startTime ?? -1,
  );
  firstPaints.push(paint);
  await session.page.waitForFunction(() => performance.getEntriesByName("taskpane-app-paint").length > 0);
  wizardPaints.push(
    await session.page.evaluate(() => performance.getEntriesByName("taskpane-app-paint")[0]?.startTime ?? -1),
  );
  return session;
}

/** The page touched nothing but 127.0.0.1 and office.js, broke no CSP rule and threw nothing. */
async function closeClean(session: PaneSession): Promise<void> {
  const foreign = session.requests.filter((url) => !url.startsWith(`${server.url}/`) && url !== OFFICE_JS);
  expect(foreign).toEqual([]);
  expect(await session.cspViolations()).toEqual([]);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
}

/** What office.entry.ts exposes on window. */
type PaneWindow = {
  __paneTest: {
    fake: FakeExcel;
    view(): { active: string | null; selection: string | null };
    holdSyncs(): void;
    releaseSyncs(): void;
  };
};
const fakeSheets = (page: Page) =>
  page.evaluate(() => (window as unknown as PaneWindow).__paneTest.fake.sheetNames());
const fakeCells = (page: Page, sheet: string) =>
  page.evaluate((name) => (window as unknown as PaneWindow).__paneTest.fake.cellsOf(name), sheet);
const fakeSnapshot = (page: Page) =>
  page.evaluate(() => (window as unknown as PaneWindow).__paneTest.fake.snapshot());
const paneView = (page: Page) => page.evaluate(() => (window as unknown as PaneWindow).__paneTest.view());
const waitForActive = (page: Page, sheet: string) =>
  page.waitForFunction((name) => (window as unknown as PaneWindow).__paneTest.view().active === name, sheet);

/** A district of the user's own: the zhenlai sample renamed, with no note, the national pack and no projects. */
const ownDistrict = () => ({
  ...getSample("zhenlai"),
  name: "本区",
  note: "",
  policyPack: "national",
  projects: [],
});

/**
 * Types a district into the input sheets as created: the values beside the items of 录入-区县 and 录入-财政, and the
 * rows of the given list sheets, over their example row, or below it when keepExamples (the example row cleared
 * when the district has no row for it).
 */
/** The input sheets that are lists: the template gives each one example row. */
const LIST_SHEETS = SHEETS.filter((spec) => spec.rows === undefined);

async function fillInputSheets(page: Page, lists: readonly SheetKey[], keepExamples: boolean): Promise<void> {
  const tables = districtToTables(ownDistrict());
  const writes = [sheetSpec("district"), sheetSpec("fiscal"), ...lists.map(sheetSpec)].map((spec) => {
    const rows = tables.find((table) => table.sheet === spec.name)?.rows.slice(1) ?? [];
    const item = spec.rows !== undefined;
    const width = spec.columns.length + (item ? -1 : 1);
    const grid = item
      ? rows.map((row) => row.slice(1))
      : rows.length > 0
        ? rows.map((row) => ["", ...row.map((cell) => cell ?? "")])
        : [Array<string>(width).fill("")];
    const top = !item && keepExamples && rows.length > 0 ? 3 : 2;
    const left = item ? 1 : 0;
    const address = `${columnLetter(left)}${top}:${columnLetter(left + width - 1)}${top + grid.length - 1}`;
    return { sheet: spec.name, address, grid };
  });
  await page.evaluate(
    (all) =>
      (window as unknown as PaneWindow).__paneTest.fake.run(async (context) => {
        for (const { sheet, address, grid } of all)
          context.workbook.worksheets.getItem(sheet).getRange(address).values = grid;
      }),
    writes,
  );
}

/**
 * axe's serious and critical violations. Fluent's focus manager (tabster) puts aria-hidden focus sentinels
 * (data-tabster-dummy) around arrow-key groups; they pass focus on at once and are a documented false positive of
 * aria-hidden-focus (microsoft/tabster#288), so only those nodes are left out.
 */
async function seriousA11yViolations(page: Page): Promise<string[]> {
  // DevTools evaluation is not subject to the page's CSP, so axe needs no inline script tag.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string; nodes: { target: string[]; html: string }[] }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        ...v,
        nodes: v.nodes.filter(
          (n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")),
        ),
      }))
      .filter((v) => v.nodes.length > 0)
      .map(
        (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`).join(", ")}`,
      );
  });
}

/** Fluent's transitions (e.g. a step button turning primary) have finished, or were cancelled (a view replaced). */
const settled = (page: Page) =>
  page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );

async function expectAccessible(page: Page): Promise<void> {
  const step = (await heading(page).count()) ? await heading(page).textContent() : "functions";
  // Colours are measured once the transitions have finished.
  await settled(page);
  expect({ step, violations: await seriousA11yViolations(page) }).toEqual({ step, violations: [] });
}

/** A screenshot once the transitions have finished, so the step bar shows the step the pane is on. */
async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Nothing on the page is wider than the pane (no horizontal scrolling at this width). */
async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>("#app-root *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""} ${el.textContent?.slice(0, 40)}`,
      )
      .slice(0, 5);
  });
  expect(overflow).toEqual([]);
}
const heading = (page: Page) => page.locator("#step-heading");
/** The step indicator's jump list: one option per step shown, those that cannot be visited yet disabled. */
const stepSelect = (page: Page) => page.locator("nav select");
const stepOption = (page: Page, step: string) => stepSelect(page).locator(`option[value="${step}"]`);
const goToStep = (page: Page, step: string) => stepSelect(page).selectOption(step);
/** Where the keyboard focus is: the focused element's test id, or its id. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.id ?? el?.tagName ?? null;
  });

/** Every cell the plan puts on a sheet, as the fake should hold it: formulas with "=", constants as values. */
function planCells(
  plan: WorkbookPlan,
  sheetName: string,
): Record<string, { formula?: string; value?: unknown }> {
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`the plan has no sheet ${sheetName}`);
  const cells: Record<string, { formula?: string; value?: unknown }> = {};
  for (const block of sheet.blocks) {
    const anchor = parseCell(block.anchor);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const address = cellAddress(anchor.row + r, anchor.column + c);
        cells[address] = isFormulaCell(cell) ? { formula: `=${cell.f}` } : { value: cell.v };
      }),
    );
  }
  return cells;
}

async function expectSheetAsPlanned(page: Page, plan: WorkbookPlan, sheetName: string): Promise<void> {
  const actual = await fakeCells(page, sheetName);
  const expected = planCells(plan, sheetName);
  const got = Object.fromEntries(
    Object.keys(expected).map((address) => {
      const cell = actual[address];
      return [
        address,
        expected[address]?.formula !== undefined ? { formula: cell?.formula } : { value: cell?.value },
      ];
    }),
  );
  expect(got).toEqual(expected);
}

function samplePlan(id: string): WorkbookPlan {
  const district = getSample(id);
  return buildWorkbookPlan(district, getPack(district.policyPack), {
    generatedAt: "2026-01-01T00:00:00Z",
    generator: "test",
  });
}

/** Tab until the focused element's accessible name matches; fails after `max` presses. */
async function tabTo(page: Page, name: RegExp, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
      return el.getAttribute("aria-label") ?? el.labels?.[0]?.textContent ?? el.textContent ?? "";
    });
    if (name.test(focused.trim())) return;
  }
  throw new Error(`no focusable element named ${name} within ${max} tabs`);
}

describe("task pane in chromium", () => {
  it("walks the zhenlai sample through every step to a generated workbook (en-US, mouse)", async () => {
    const session = await open("en-US");
    const { page } = session;
    // Office shows the add-in's name above the pane: the pane does not repeat it as a heading.
    expect(await page.locator("h1").count()).toBe(0);
    expect(await page.getByRole("main").getAttribute("aria-label")).toBe("Education budget workbook");
    await expectAccessible(page);
    await shot(page, "taskpane-en-US");

    await page.getByLabel("Sample district").selectOption("zhenlai");
    await page.getByRole("button", { name: "Use this sample" }).click();
    await page.getByTestId("data-status").filter({ hasText: "Loaded" }).waitFor();
    expect(await page.getByTestId("data-status").textContent()).toContain("Loaded");
    // A sample has no problems: the wizard goes on to Policy, and the indicator counts the steps it shows.
    expect(await stepOption(page, "problems").count()).toBe(0);
    await page.getByRole("button", { name: "Next" }).click();
    expect(await heading(page).textContent()).toBe("Policy");
    expect(await page.getByTestId("step-indicator").textContent()).toBe("Step 2 of 5 · Policy");
    const pack = getPack("zhenlai-2012");
    // The values are in collapsed sections; the search box finds a value and opens its section.
    const classSize = page.locator('input[data-key="class_size.primary"]');
    expect(await classSize.count()).toBe(0);
    await page.getByRole("button", { name: /^Dropout and class sizes/ }).click();
    // A text field for decimals: the mouse wheel cannot change it while the list scrolls.
    expect(await classSize.getAttribute("type")).toBe("text");
    expect(await classSize.getAttribute("inputmode")).toBe("decimal");
    await classSize.fill("40");
    expect(await page.getByTestId("policy-status").textContent()).toBe(
      `Based on “${pack.nameEn}”, 1 value changed.`,
    );
    // The edited value shows the pack's own and resets by itself.
    const original = page.getByTestId("policy-original");
    expect(await original.textContent()).toContain(
      `the pack's value is ${pack.values["class_size.primary"].value}`,
    );
    await page.getByRole("button", { name: "Restore Primary class size" }).click();
    expect(await classSize.inputValue()).toBe(String(pack.values["class_size.primary"].value));
    expect(await original.count()).toBe(0);
    await classSize.fill("40");
    await page.getByRole("button", { name: "Reset to the pack" }).click();
    expect(await page.getByTestId("policy-status").textContent()).toBe(`${pack.nameEn} · 1.0.0`);
    // Rates are typed as percentages: 3 means 3 %; 300 % is refused and holds the wizard on this step.
    const rural = page.locator('input[data-key="dropout.junior.rural"]');
    expect(await rural.inputValue()).toBe(
      String(getPack("zhenlai-2012").values["dropout.junior.rural"].value * 100),
    );
    await rural.fill("300");
    await page.getByText("enter a number from 0 to 100").first().waitFor();
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("next-reason").textContent()).toBe(
      "Fix the policy values marked as invalid first (1).",
    );
    expect(await stepOption(page, "preview").isDisabled()).toBe(true);
    // The summary at the top names the invalid value and leads to it.
    const errors = page.getByTestId("policy-errors");
    expect(await errors.textContent()).toContain("1 value is not accepted");
    await errors.getByRole("button", { name: /enter a number from 0 to 100/ }).click();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute("data-key") === "dropout.junior.rural",
    );
    await expectAccessible(page);
    await page.getByRole("button", { name: "Reset to the pack" }).click();
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(false);
    expect(await classSize.inputValue()).toBe(
      String(getPack("zhenlai-2012").values["class_size.primary"].value),
    );
    // The pack picker names each pack once: its name and version, no id repeated, no doubled brackets.
    for (const option of await page.getByLabel("Policy pack").locator("option").allTextContents())
      expect(option).toMatch(/^[^()]*(\([^()]*\))?[^()]* · \d+\.\d+\.\d+$/);
    await expectAccessible(page);
    await shot(page, "taskpane-policy-en-US");

    await page.getByRole("button", { name: "Next" }).click();
    expect(await heading(page).textContent()).toBe("Preview");
    const plan = samplePlan("zhenlai");
    const passed = plan.checks.filter((c) => c.pass).length;
    expect(await page.getByTestId("preview-summary").textContent()).toBe(
      `${passed} of ${plan.checks.length} checks pass`,
    );
    expect(await page.locator("[data-check]").count()).toBe(plan.checks.length);
    // Failures first, and a switch that shows only them.
    const failingChecks = plan.checks.filter((c) => checkStatus(c) === "fail");
    const statuses = await page
      .locator("[data-check]")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")));
    expect(statuses.slice(0, failingChecks.length).every((status) => status === "fail")).toBe(true);
    expect(statuses.slice(failingChecks.length).includes("fail")).toBe(false);
    if (failingChecks.length > 0) {
      await page.getByRole("switch", { name: "Only failing checks" }).click();
      expect(await page.locator("[data-check]").count()).toBe(failingChecks.length);
      await page.getByRole("switch", { name: "Only failing checks" }).click();
    }
    for (const check of plan.checks.slice(0, 5)) {
      const row = page.locator(`[data-check="${check.id}"]`);
      expect(await row.textContent()).toContain(check.detailEn);
      expect(await row.textContent()).toContain(check.pass ? "Pass" : "Fail");
    }
    // Dropout by school: one line per school, failing ones first.
    const dropout = plan.checks.find((c) => c.id === "dropout.allWithin");
    const items = page.locator('[data-check="dropout.allWithin"] [data-testid="check-items"] li');
    expect(await items.count()).toBe(dropout?.items?.length);
    const passes = await items.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-pass")));
    expect(passes).toEqual([...passes].sort());
    // A failure links to the value that sets its threshold and the school that causes it; before generation the
    // workbook has no 参数 sheet yet, and the pane says so.
    const dropoutLinks = page.locator('[data-check="dropout.allWithin"] [data-testid="check-links"]');
    expect(await dropoutLinks.getByRole("button").allTextContents()).toEqual([
      `Threshold: 参数!${dropout?.threshold?.cell}`,
      `Cause: 学校!${dropout?.cause?.cell}`,
    ]);
    await dropoutLinks.locator('[data-link="threshold"]').click();
    await page.getByTestId("status").filter({ hasText: "参数 is not in this workbook yet" }).waitFor();
    expect(await page.locator('[data-status="pass"] [data-testid="check-links"]').count()).toBe(0);
    await expectAccessible(page);
    await shot(page, "taskpane-preview-en-US");

    await page.getByRole("button", { name: "Next" }).click();
    expect(await heading(page).textContent()).toBe("Generate");
    await page.getByRole("button", { name: "Generate workbook" }).waitFor();
    await shot(page, "taskpane-generate-en-US");
    const userSheet = await fakeCells(page, "Sheet1");
    if (failingChecks.length > 0)
      expect(await page.getByTestId("generate-failing").textContent()).toContain(
        `${failingChecks.length} check`,
      );
    await page.getByRole("button", { name: "Generate workbook" }).click();
    await page.getByTestId("done-summary").waitFor();
    expect(await heading(page).textContent()).toBe("Done");
    // The outcome has the focus; with checks failing it is a warning, not a success.
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "done-summary");
    expect(await page.getByTestId("done-warning").count()).toBe(failingChecks.length > 0 ? 1 : 0);
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe(
      failingChecks.length > 0 ? "warning" : "success",
    );
    expect(await page.getByTestId("done-summary").textContent()).toBe(
      `${plan.sheets.length} sheets written · Checks: ${passed} passed, ${plan.checks.length - passed} failed`,
    );
    expect(await fakeSheets(page)).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
    expect(await fakeCells(page, "Sheet1")).toEqual(userSheet);
    await expectSheetAsPlanned(page, plan, "学校");
    await expectSheetAsPlanned(page, plan, "参数");
    await expectAccessible(page);
    await shot(page, "taskpane-done-en-US");

    await page.getByRole("button", { name: "Open sheet 学校" }).click();
    await waitForActive(page, "学校");

    // Back in Preview with the workbook written, the links select the threshold's and the cause's cells.
    await goToStep(page, "preview");
    const links = page.locator('[data-check="dropout.allWithin"] [data-testid="check-links"]');
    await links.locator('[data-link="threshold"]').click();
    await waitForActive(page, "参数");
    expect(await paneView(page)).toEqual({ active: "参数", selection: dropout?.threshold?.cell });
    await links.locator('[data-link="cause"]').click();
    await waitForActive(page, "学校");
    expect(await paneView(page)).toEqual({ active: "学校", selection: dropout?.cause?.cell });
    await closeClean(session);
  });

  it("walks the wuzhen sample by keyboard alone, keeping both when sheet names are taken (zh-CN)", async () => {
    const session = await open("zh-CN");
    const { page } = session;
    expect(await page.locator("h1").count()).toBe(0);
    expect(await page.getByRole("main").getAttribute("aria-label")).toBe("教育经费预算工作簿");
    await shot(page, "taskpane-zh-CN");
    await page.evaluate(() =>
      (window as unknown as PaneWindow).__paneTest.fake.seedSheet({
        name: "目录",
        cells: { A1: "用户自己的目录" },
      }),
    );

    await tabTo(page, /^示例区县$/);
    await page.keyboard.press("ArrowDown");
    expect(await page.getByLabel("示例区县").inputValue()).toBe("wuzhen");
    await tabTo(page, /^使用此示例$/);
    await page.keyboard.press("Enter");
    await page.getByTestId("data-status").filter({ hasText: "已载入" }).waitFor();
    expect(await page.getByTestId("data-status").textContent()).toContain("已载入");
    await shot(page, "taskpane-data-zh-CN");
    for (const step of ["政策参数", "预览", "生成"]) {
      await tabTo(page, /^下一步$/);
      await page.keyboard.press("Enter");
      expect(await heading(page).textContent()).toBe(step);
      // The new step's heading has the focus, so Tab continues from the top of its content.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("step-heading");
      if (step === "政策参数") await page.getByLabel("政策参数包").waitFor();
      if (step === "预览") await page.getByTestId("preview-summary").waitFor();
      if (step === "生成") await page.getByRole("button", { name: "生成工作簿" }).waitFor();
      else await shot(page, `taskpane-${{ 政策参数: "policy", 预览: "preview" }[step]}-zh-CN`);
    }

    await tabTo(page, /^债务$/);
    await page.keyboard.press("Space");
    expect(await page.getByRole("checkbox", { name: "债务" }).isChecked()).toBe(false);
    await page.keyboard.press("Space");
    expect(await page.getByRole("checkbox", { name: "债务" }).isChecked()).toBe(true);
    await tabTo(page, /^两者都保留/);
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /^替换/ }).isChecked()).toBe(true);
    await page.keyboard.press("ArrowUp");
    expect(await page.getByRole("radio", { name: /^两者都保留/ }).isChecked()).toBe(true);
    await shot(page, "taskpane-generate-zh-CN");
    await tabTo(page, /^生成工作簿$/);
    await page.keyboard.press("Enter");
    await page.getByTestId("done-summary").waitFor();
    // The whole report: the renamed sheet and every failed check.
    expect(await page.getByTestId("done-renamed").textContent()).toContain("目录 → 目录 (2)");
    const failing = samplePlan("wuzhen").checks.filter((c) => !c.pass);
    expect(await page.getByTestId("done-failed").locator("li").count()).toBe(failing.length);
    await shot(page, "taskpane-done-zh-CN");

    const plan = samplePlan("wuzhen");
    const sheets = await fakeSheets(page);
    // The user's own 目录 is kept; the generated one gets a suffix.
    expect(sheets).toContain("目录");
    expect(sheets.length).toBe(2 + plan.sheets.length);
    expect((await fakeCells(page, "目录")).A1?.value).toBe("用户自己的目录");
    await expectSheetAsPlanned(page, plan, "学校");

    await tabTo(page, /^打开工作表 参数$/);
    await page.keyboard.press("Enter");
    await waitForActive(page, "参数");
    await expectAccessible(page);
    await closeClean(session);
  });

  it("lists every problem of a bad district file and blocks generation with the reason", async () => {
    const session = await open("en-US");
    const { page } = session;
    const district = JSON.parse(JSON.stringify(getSample("zhenlai"))) as Record<string, unknown> & {
      schools: Record<string, unknown>[];
    };
    district.budgetYear = "next year";
    district.schools[0] = { ...district.schools[0], code: "" };
    district.schools[1] = { ...district.schools[1], classes: -3 };
    district.schools[2] = { ...district.schools[2], type: "大学" };
    const text = JSON.stringify(district, null, 2);
    const expected = readDistrictJson(text, "bad-district.json").problems;
    expect(expected.filter((p) => p.severity === "error").length).toBeGreaterThanOrEqual(4);

    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "bad-district.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByTestId("data-status").filter({ hasText: "bad-district.json" }).waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    // The step loads when first shown.
    await page.getByTestId("problems").waitFor();
    const rows = page.getByTestId("problems").locator("[data-problem]");
    expect(await rows.count()).toBe(expected.length);
    const shown = await rows.allTextContents();
    for (const problem of expected)
      expect(shown.filter((line) => line.includes(problem.messageEn)).length).toBeGreaterThan(0);
    expect(await page.getByTestId("step-indicator").textContent()).toBe("Step 2 of 6 · Problems");

    const next = page.getByRole("button", { name: "Next" });
    expect(await next.isDisabled()).toBe(true);
    const errors = expected.filter((p) => p.severity === "error").length;
    expect(await page.getByTestId("next-reason").textContent()).toBe(
      `Generation is blocked: fix the errors first (${errors}).`,
    );
    expect(await stepOption(page, "generate").isDisabled()).toBe(true);
    // The problems are in the file, not in this workbook: no link selects a cell here.
    expect(await page.getByTestId("problems").getByRole("button").count()).toBe(0);
    expect(await page.getByTestId("problems").locator("h3").first().textContent()).toMatch(
      /^bad-district\.json/,
    );
    await expectAccessible(page);
    await shot(page, "taskpane-problems-en-US");
    await closeClean(session);
  });

  it("lists a bad file's problems in Chinese with row labels and no English (zh-CN)", async () => {
    const session = await open("zh-CN");
    const { page } = session;
    const district = JSON.parse(JSON.stringify(getSample("zhenlai"))) as Record<string, unknown> & {
      schools: Record<string, unknown>[];
    };
    district.schools[0] = { ...district.schools[0], code: "" };
    district.schools[1] = { ...district.schools[1], classes: -3 };
    const text = JSON.stringify(district, null, 2);
    const expected = readDistrictJson(text, "坏数据.json").problems;
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "坏数据.json", mimeType: "application/json", buffer: Buffer.from(text) });
    await page.getByTestId("data-status").filter({ hasText: "坏数据.json" }).waitFor();
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe("error");
    await page.getByRole("button", { name: "下一步" }).click();
    // The step loads when first shown.
    await page.getByTestId("problems").waitFor();
    const rows = page.getByTestId("problems").locator("[data-problem]");
    expect(await rows.count()).toBe(expected.length);
    const shown = await rows.allTextContents();
    for (const problem of expected)
      expect(shown.filter((line) => line.includes(problem.message)).length).toBeGreaterThan(0);
    expect(shown.join("\n")).not.toMatch(/Accepts|Row \d|must /);
    await expectAccessible(page);
    await shot(page, "taskpane-problems-zh-CN");
    await page.setViewportSize({ width: 360, height: 860 });
    await expectNoOverflow(page);
    await shot(page, "taskpane-problems-zh-CN-360");
    await closeClean(session);
  });

  it("says a corrupt .xlsx cannot be read in Chinese, with the reader's own message as the detail", async () => {
    const session = await open("zh-CN");
    const { page } = session;
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "坏.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from("not a zip file") });
    await page.getByTestId("data-status").filter({ hasText: "坏.xlsx" }).waitFor();
    await goToStep(page, "problems");
    const row = page.getByTestId("problems").locator("[data-problem]").first();
    expect(await row.textContent()).toContain("无法读取该 .xlsx 文件。");
    expect(await row.textContent()).toContain("技术信息：");
    expect(await row.textContent()).toContain("Excel 2007 及以上的 .xlsx 工作簿");
    await closeClean(session);
  });

  it("reads an input workbook (.xlsx) and a schools table (.csv) chosen as files", async () => {
    const session = await open("en-US");
    const { page } = session;
    const wuzhen = getSample("wuzhen");
    const xlsx = await writeXlsx(buildInputTemplatePlan(wuzhen));
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "wuzhen.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from(xlsx) });
    await page.getByTestId("data-status").filter({ hasText: "Loaded: wuzhen.xlsx" }).waitFor();
    expect(await page.getByTestId("data-status").textContent()).toBe("Loaded: wuzhen.xlsx");
    expect(await stepOption(page, "problems").count()).toBe(0);
    await page.getByRole("button", { name: "Next" }).click();
    expect(await heading(page).textContent()).toBe("Policy");
    await goToStep(page, "data");

    // A GB18030 CSV of the selected sample's (zhenlai's) schools, merged over the rest of that sample.
    const schools = districtToTables(getSample("zhenlai")).find(
      (table) => table.sheet === sheetSpec("schools").name,
    );
    const csv = encodeCsv(schools?.rows ?? [], "gb18030");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "学校.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("data-status").filter({ hasText: "学校.csv" }).waitFor();
    // Warnings (none are errors) do not block the wizard.
    expect(await page.getByTestId("data-status").textContent()).toMatch(
      /^(Loaded: |Read )学校\.csv merged over the Zhenlai \(speech 1\) sample(: errors 0, warnings \d+)?$/,
    );
    expect(await page.getByTestId("status").textContent()).toContain("学校.csv merged over the Zhenlai");
    await page.getByRole("button", { name: "Next" }).click();
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(false);
    await closeClean(session);
  });

  it("creates the input sheets, reads them back and selects a problem's cell in the workbook", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByRole("button", { name: "Create input sheets" }).click();
    await page.getByTestId("live").filter({ hasText: "Input sheets created" }).waitFor();
    // Said where everyone can see it too, not only to screen readers; the district sheet, filled first, is open.
    expect(await page.getByTestId("status").textContent()).toContain("Input sheets created");
    expect(await page.getByTestId("status").textContent()).toContain(
      "录入-区县 is open: fill in the district name, 预算年度 and 政策包 first",
    );
    expect((await paneView(page)).active).toBe("录入-区县");
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe("success");
    expect((await fakeSheets(page)).filter((name) => name.startsWith("录入-"))).toEqual(
      SHEETS.map((s) => s.name),
    );
    // A second click shows the existing sheets instead of adding copies.
    await page.evaluate(() =>
      (window as unknown as PaneWindow).__paneTest.fake.run(async (context) =>
        context.workbook.worksheets.getItem("Sheet1").activate(),
      ),
    );
    await page.getByRole("button", { name: "Create input sheets" }).click();
    await page.getByTestId("status").filter({ hasText: "already exist" }).waitFor();
    await waitForActive(page, "录入-学校");
    expect((await fakeSheets(page)).filter((name) => name.startsWith("录入-"))).toEqual(
      SHEETS.map((s) => s.name),
    );

    // The sheets as created hold nothing but example rows: one error, and a warning per example row.
    await page.getByRole("button", { name: "Read input sheets" }).click();
    await page
      .getByTestId("data-status")
      .filter({ hasText: `errors 1, warnings ${LIST_SHEETS.length}` })
      .waitFor();
    // Filled in, they read back clean; a negative class count in the first school row does not.
    await fillInputSheets(
      page,
      LIST_SHEETS.map((spec) => spec.key),
      false,
    );
    const schools = sheetSpec("schools");
    // Column A is the 示例 marker column.
    const column = schools.columns.findIndex((c) => c.field === "classes");
    const address = `${columnLetter(column + 1)}2`;
    await page.evaluate(
      ({ sheet, cell }) =>
        (window as unknown as PaneWindow).__paneTest.fake.run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[-5]];
        }),
      { sheet: schools.name, cell: address },
    );
    await page.getByRole("button", { name: "Read input sheets" }).click();
    await page.getByTestId("data-status").filter({ hasText: "errors 1, warnings 0" }).waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByTestId("problems").waitFor();
    const row = page.getByTestId("problems").locator("[data-problem]");
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain(schools.columns[column]?.zh ?? "?");
    // Grouped under its sheet and row, with the cell it selects said on the button.
    expect(await page.getByTestId("problems").locator("h3").textContent()).toContain(schools.name);
    await page.setViewportSize({ width: 320, height: 860 });
    await expectNoOverflow(page);
    await expectAccessible(page);
    const goTo = page.getByRole("button", { name: `Go to ${address}` });
    await goTo.focus();
    await page.keyboard.press("Enter");
    await waitForActive(page, schools.name);
    expect(await paneView(page)).toEqual({ active: schools.name, selection: address });
    await closeClean(session);
  });

  it("gives every problem of a template with mistakes of every kind in one round, with no model path (zh-CN)", async () => {
    const session = await open("zh-CN", { width: 320 });
    const { page } = session;
    await page.getByRole("button", { name: "创建录入表" }).click();
    await page.getByTestId("status").filter({ hasText: "已创建录入表" }).waitFor();
    await fillInputSheets(
      page,
      LIST_SHEETS.map((spec) => spec.key),
      false,
    );
    // A cell of a list sheet by its header (column A is the 示例 marker), or the value of an item of 录入-区县 / 录入-财政.
    const listCell = (key: SheetKey, header: string, row: number) =>
      `${columnLetter(sheetSpec(key).columns.findIndex((c) => c.zh === header) + 1)}${row}`;
    const itemRow = async (sheet: string, label: string) => {
      const cells = await fakeCells(page, sheet);
      const address = Object.keys(cells).find((a) => /^A\d+$/.test(a) && cells[a]?.value === label);
      if (!address) throw new Error(`${sheet} has no item ${label}`);
      return Number(address.slice(1));
    };
    const schools = sheetSpec("schools").name;
    const edits: { sheet: string; cell: string; value: string | number }[] = [
      // The schema: a word for a number, a value not in the list, an incomplete row, an item not in its list.
      { sheet: schools, cell: listCell("schools", "班数", 3), value: "abc" },
      { sheet: schools, cell: listCell("schools", "学校类型", 4), value: "大学" },
      { sheet: schools, cell: listCell("schools", "学校名称", 7), value: "" },
      { sheet: schools, cell: listCell("schools", "乡镇", 7), value: "" },
      { sheet: "录入-区县", cell: `B${await itemRow("录入-区县", "地区")}`, value: "西部" },
      // Across fields: grades against the type, students without classes, boarders above students, a part above
      // its whole, a code that is no school's.
      { sheet: schools, cell: listCell("schools", "七年级", 2), value: 30 },
      { sheet: schools, cell: listCell("schools", "班数", 5), value: 0 },
      { sheet: schools, cell: listCell("schools", "寄宿生数", 6), value: 99_999 },
      {
        sheet: "录入-财政",
        cell: `C${await itemRow("录入-财政", "其中:义务教育财政拨款(万元)")}`,
        value: 1_000_000,
      },
      { sheet: "录入-上年项目", cell: listCell("prior", "学校代码", 2), value: "ZL99" },
    ];
    await page.evaluate(
      (all) =>
        (window as unknown as PaneWindow).__paneTest.fake.run(async (context) => {
          for (const { sheet, cell, value } of all)
            context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        }),
      edits,
    );
    await page.getByRole("button", { name: "读取录入表" }).click();
    await page.getByTestId("data-status").filter({ hasText: "个错误" }).waitFor();
    await page.getByRole("button", { name: "下一步" }).click();
    const problems = page.getByTestId("problems");
    await problems.waitFor();
    const text = (await problems.textContent()) ?? "";
    const expected = [
      "班数:应为数字",
      "学校类型:取值「大学」无效",
      "第 7 行不完整,缺少:学校名称、乡镇",
      "地区:取值「西部」无效",
      "是小学,但七年级有 30 名学生",
      "但班数为 0",
      "寄宿生数 99999 大于在校生数",
      "其中:义务教育财政拨款(万元) 1000000 大于",
      "学校代码「ZL99」不是已有学校代码",
    ];
    expect(expected.filter((message) => !text.includes(message))).toEqual([]);
    // One line per mistake, all in this first round, and none names a model path.
    expect(await problems.locator("[data-problem]").count()).toBe(expected.length);
    expect(INTERNAL_PATH.test(text)).toBe(false);
    await expectNoOverflow(page);
    await expectAccessible(page);
    await closeClean(session);
  });

  it("asks to create the input sheets before reading them, refuses them unfilled and warns about example rows left", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByRole("button", { name: "Read input sheets" }).click();
    await page.getByTestId("status").filter({ hasText: "no input sheets" }).waitFor();
    expect(await page.getByTestId("status-text").textContent()).toBe(
      "There are no input sheets in this workbook yet: choose “Create input sheets” first.",
    );
    expect(await page.getByTestId("data-status").textContent()).toBe("No data loaded yet.");

    await page.getByRole("button", { name: "Create input sheets" }).click();
    await page.getByTestId("status").filter({ hasText: "Input sheets created" }).waitFor();
    await page.getByRole("button", { name: "Read input sheets" }).click();
    await page
      .getByTestId("data-status")
      .filter({ hasText: `errors 1, warnings ${LIST_SHEETS.length}` })
      .waitFor();
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe("error");
    await page.getByRole("button", { name: "Next" }).click();
    const problems = page.getByTestId("problems");
    expect(await problems.textContent()).toContain("Nothing is filled in (example rows do not count)");
    await problems.waitFor();
    expect(await problems.locator("[data-problem]").count()).toBe(LIST_SHEETS.length + 1);
    await goToStep(page, "data");

    // The required sheets filled in, the example rows left: read, with a warning that names each example row.
    await fillInputSheets(page, ["schools"], true);
    await page.getByRole("button", { name: "Read input sheets" }).click();
    await page.getByTestId("status").filter({ hasText: "example rows" }).waitFor();
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe("warning");
    expect(await page.getByTestId("status").textContent()).toContain("录入-学校 row 2");
    expect(await page.getByTestId("data-status").textContent()).toContain(
      `errors 0, warnings ${LIST_SHEETS.length}`,
    );
    await closeClean(session);
  });

  it("reads the term plan's sheets from the workbook and confirms the plan years and the schools with history (zh-CN)", async () => {
    const session = await open("zh-CN");
    const { page } = session;
    await page.getByRole("button", { name: "创建录入表" }).first().click();
    await page.getByTestId("status").filter({ hasText: "已创建录入表" }).waitFor();
    // Every list sheet filled in, the term's four among them (往年在校生, 出生人口, 新生, 升级比例), and 规划末年 on 录入-区县.
    const termSheets: SheetKey[] = ["history", "births", "entrants", "ratios"];
    expect(termSheets.every((key) => LIST_SHEETS.some((spec) => spec.key === key))).toBe(true);
    await fillInputSheets(
      page,
      LIST_SHEETS.map((spec) => spec.key),
      false,
    );
    await page.getByRole("button", { name: "读取录入表" }).click();
    await page.getByTestId("summary").waitFor();
    const district = ownDistrict();
    const years = planYears(district);
    const history = historyYears(district);
    expect(await page.getByTestId("summary-term").textContent()).toBe(
      `${years[0]}—${years[years.length - 1]} 年（T … T+${years.length - 1}）`,
    );
    expect(await page.getByTestId("summary-history").textContent()).toBe(
      `${district.schools.length} 所学校中 ${district.schools.length} 所，${history[0]}—${history[history.length - 1]} 年`,
    );
    expect(years[years.length - 1]).toBe(district.term?.lastYear);
    await page.setViewportSize({ width: 320, height: 860 });
    await expectNoOverflow(page);
    await expectAccessible(page);

    // In Preview, the failed dropout check leads to its school's own row on 录入-学校, as it was filled in.
    for (let step = 0; step < 5 && (await heading(page).textContent()) !== "预览"; step++)
      await page.getByRole("button", { name: "下一步" }).click();
    expect(await heading(page).textContent()).toBe("预览");
    const check = buildWorkbookPlan(district, getPack(district.policyPack), {
      generatedAt: "2026-01-01T00:00:00Z",
      generator: "test",
    }).checks.find((c) => c.id === "dropout.allWithin");
    const rows = districtToTables(district).find((t) => t.sheet === sheetSpec("schools").name)?.rows ?? [];
    // Written from row 2 on, after the 示例 column A (fillInputSheets).
    const row = rows.slice(1).findIndex((r) => r[0] === check?.cause?.school) + 2;
    expect(row).toBeGreaterThan(1);
    const cause = page.locator('[data-check="dropout.allWithin"] [data-link="cause"]');
    expect(await cause.textContent()).toBe(`定位原因 录入-学校!B${row}`);
    await cause.click();
    await waitForActive(page, "录入-学校");
    expect(await paneView(page)).toEqual({ active: "录入-学校", selection: `B${row}` });
    await expectNoOverflow(page);
    await expectAccessible(page);
    await closeClean(session);
  });

  it("compares the loaded data with a scenario and with itself, and writes the 对比 sheet on request (zh-CN, 320 px)", async () => {
    const session = await open("zh-CN", { width: 320 });
    const { page } = session;
    const xlsx = Buffer.from(await writeXlsx(buildInputTemplatePlan(getSample("wuzhen"))));
    const file = { name: "五镇区.xlsx", mimeType: XLSX_TYPE, buffer: xlsx };
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId("data-status").filter({ hasText: "已载入：五镇区.xlsx" }).waitFor();
    const compareTab = page.getByRole("tab", { name: "对比" });
    // Each comparison below ends with another outcome than the one before it, said in the live region.
    const runCompare = async () => {
      const before = await page.getByTestId("live").textContent();
      await page.getByTestId("compare-run").click();
      await page.waitForFunction((said) => {
        const text = document.querySelector('[data-testid="live"]')?.textContent ?? "";
        return text !== said && /已对比|没有差异|未对比/.test(text);
      }, before);
    };

    // A scenario that moves the 海阳 merger to the first plan year flips the order check, and only it: the move
    // comes before the school whose site it takes has left (A fails where the loaded data, B, passes).
    await compareTab.click();
    await page.getByTestId("compare").waitFor();
    const earlyMerger = JSON.stringify({
      name: "合并提前",
      changes: [{ kind: "mergerYear", merger: "鲤泮庄小学、海阳小学合并迁到海阳镇中现址", termYear: 1 }],
    });
    await page.getByTestId("scenario-text").fill(earlyMerger);
    await runCompare();
    const flipped = page.locator('[data-compare-check][data-flipped="true"]');
    expect(
      await flipped.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-compare-check"))),
    ).toEqual(["mergers.1.order"]);
    // The flip is said in words and with an icon, not by colour alone.
    expect(await flipped.textContent()).toContain("A：未通过");
    expect(await flipped.textContent()).toContain("B：通过");
    expect(await flipped.getByTestId("flip").textContent()).toBe("通过↔未通过");
    expect(await flipped.getByTestId("flip").locator("svg").count()).toBe(1);
    // 只看变化 is on: every check listed changed; off, every check is listed.
    const listed = page.locator("[data-compare-check]");
    const changedCount = await listed.count();
    expect(await page.locator('[data-compare-check][data-flipped="false"]').count()).toBe(changedCount - 1);
    await page.getByRole("switch", { name: "只看变化" }).click();
    expect(await listed.count()).toBe(samplePlan("wuzhen").checks.length);
    await expectNoOverflow(page);
    await expectAccessible(page);
    await shot(page, "taskpane-compare-zh-CN");

    // Before the workbook is generated the 对比 sheet has nothing to refer to: the pane says so and writes nothing.
    const before = await fakeSheets(page);
    await page.getByTestId("compare-write").click();
    await page.getByTestId("status").filter({ hasText: "请先生成工作簿" }).waitFor();
    expect(await fakeSheets(page)).toEqual(before);

    // A scenario with mistakes lists its problems in Chinese, naming what is wrong, without the schema's own words.
    await page
      .getByTestId("scenario-text")
      .fill(JSON.stringify({ name: "坏场景", changes: [{ kind: "合并" }] }));
    await runCompare();
    const problems = page.getByTestId("compare-problems");
    expect(await problems.locator("[data-problem]").count()).toBeGreaterThan(0);
    expect(await problems.textContent()).not.toMatch(/invalid_|Invalid|Expected|received|discriminator/);
    await expectAccessible(page);

    // The same input compared with itself: no differences.
    await page.getByRole("radio", { name: "另一份录入工作簿或文件" }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId("compare-other").filter({ hasText: "已读取 五镇区.xlsx" }).waitFor();
    await runCompare();
    expect(await page.getByTestId("live").textContent()).toBe(
      "没有差异：两者的核对结果、合计和规划各行均相同。",
    );
    expect(await page.locator('[data-compare-check][data-flipped="true"]').count()).toBe(0);
    expect(await page.locator('[data-changed="true"]').count()).toBe(0);
    await expectNoOverflow(page);

    // Generated, the workbook takes the 对比 sheet: exactly that sheet is added; a second time asks first.
    await page.getByRole("tab", { name: "预算向导" }).click();
    for (let step = 0; step < 5 && (await heading(page).textContent()) !== "生成"; step++)
      await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("button", { name: "生成工作簿" }).click();
    await page.getByTestId("done-summary").waitFor();
    const generated = await fakeSheets(page);
    await compareTab.click();
    await page.getByTestId("scenario-text").fill(earlyMerger);
    await runCompare();
    await page.getByTestId("compare-write").click();
    await page.getByTestId("status").filter({ hasText: "对比结果已写入工作表 对比" }).waitFor();
    expect(await fakeSheets(page)).toEqual([...generated, "对比"]);
    expect((await paneView(page)).active).toBe("对比");
    await page.getByTestId("compare-write").click();
    await page.getByTestId("compare-replace").waitFor();
    expect(await fakeSheets(page)).toEqual([...generated, "对比"]);
    await page.getByTestId("compare-replace").click();
    await page.getByTestId("status").filter({ hasText: "已用新的对比结果替换工作表 对比" }).waitFor();
    expect(await fakeSheets(page)).toEqual([...generated, "对比"]);
    await expectAccessible(page);
    await closeClean(session);
  });

  it("lists the generated sheets a replacement will overwrite and waits for the user's confirmation", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByRole("button", { name: "Use this sample" }).click();
    await goToStep(page, "generate");
    await page.getByRole("checkbox", { name: "All sheets" }).click();
    await page.getByRole("checkbox", { name: /^目录/ }).click();
    await page.getByRole("button", { name: "Generate workbook" }).click();
    await page.getByTestId("done-summary").waitFor();
    const generated = (await fakeSheets(page)).filter((name) => name !== "Sheet1");
    // The user drags the last generated tab to the front: a replacement keeps it there.
    await page.evaluate(() => {
      const { workbook } = (window as unknown as PaneWindow).__paneTest.fake;
      const last = workbook.sheets[workbook.sheets.length - 1];
      if (last) workbook.sheets = [last, ...workbook.sheets.slice(0, -1)];
    });
    await page.getByRole("button", { name: "Start again" }).click();
    await goToStep(page, "generate");
    const untouched = await fakeSnapshot(page);
    // Before anything is written, the step says this add-in's sheets are there and offers Replace.
    const existing = page.getByTestId("existing-sheets");
    await existing.waitFor();
    expect(await existing.textContent()).toContain("This workbook already has sheets from this add-in");
    for (const name of generated) expect(await existing.textContent()).toContain(name);
    expect(await existing.textContent()).not.toContain("Sheet1");
    expect(await fakeSnapshot(page)).toEqual(untouched);
    await expectAccessible(page);
    await page.getByRole("checkbox", { name: "All sheets" }).click();
    await page.getByRole("checkbox", { name: /^目录/ }).click();
    // Keep both needs no confirmation.
    expect(await page.getByRole("button", { name: "Generate workbook" }).isDisabled()).toBe(false);
    await page.getByRole("button", { name: "Replace them instead" }).click();
    expect(await page.getByRole("radio", { name: /^Replace/ }).isChecked()).toBe(true);
    await page.getByTestId("to-replace").filter({ hasText: "These generated sheets" }).waitFor();
    // Exactly the sheets that will be replaced: those generated before, as they are named now.
    const inTabOrder = (await fakeSheets(page)).filter((name) => name !== "Sheet1");
    expect([...inTabOrder].sort()).toEqual([...generated].sort());
    expect(await page.getByTestId("to-replace").textContent()).toBe(
      `These generated sheets will be replaced: ${inTabOrder.join(", ")}`,
    );
    expect(await page.getByTestId("to-replace").textContent()).not.toContain("Sheet1");
    const generateButton = page.getByRole("button", { name: "Generate workbook" });
    expect(await generateButton.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: /^I understand these sheets will be replaced/ }).click();
    expect(await generateButton.isDisabled()).toBe(false);
    const before = await fakeSheets(page);
    await generateButton.click();
    await page.getByTestId("done-summary").waitFor();
    expect(await page.getByTestId("done-replaced").textContent()).toContain("参数");
    expect(await fakeSheets(page)).toEqual(before);
    await closeClean(session);
  });

  it("says plainly, in both languages, that an Excel without ExcelApi 1.12 cannot generate, and keeps the functions", async () => {
    const session = await open("zh-CN", { query: "excelApi=1.11" });
    const { page } = session;
    await page.getByRole("button", { name: "创建录入表" }).click();
    await page.getByTestId("status").filter({ hasText: "API 1.12" }).waitFor();
    expect(await page.getByTestId("status").textContent()).toMatch(/此版本的 Excel 过旧.*too old/);
    expect(await fakeSheets(page)).toEqual(["Sheet1"]);
    await page.getByRole("button", { name: "使用此示例" }).click();
    await goToStep(page, "generate");
    await page.getByTestId("api-unsupported").waitFor();
    expect(await page.getByRole("button", { name: "生成工作簿" }).isDisabled()).toBe(true);
    await page.getByRole("tab", { name: "EDU 函数" }).click();
    await page.getByLabel("搜索函数").fill("GROWTH");
    await page.getByRole("button", { name: "插入 EDU.GROWTH" }).click();
    await page.getByTestId("status").filter({ hasText: "=EDU.GROWTH()" }).waitFor();
    expect((await fakeCells(page, "Sheet1")).D5?.formula).toBe("=EDU.GROWTH()");
    await closeClean(session);
  });

  for (const lang of ["zh-CN", "en-US"] as const)
    it(`fits a 360 px pane without sideways scrolling: step bar, policy, preview and generate (${lang})`, async () => {
      const session = await open(lang, { width: 360 });
      const { page } = session;
      const zh = lang === "zh-CN";
      await page.getByRole("button", { name: zh ? "使用此示例" : "Use this sample" }).click();
      await page
        .getByTestId("data-status")
        .filter({ hasText: zh ? "已载入" : "Loaded" })
        .waitFor();
      await expectNoOverflow(page);
      await goToStep(page, "policy");
      // The step loads when first shown.
      await page.getByLabel(zh ? "政策参数包" : "Policy pack").waitFor();
      await expectNoOverflow(page);
      await shot(page, `taskpane-policy-${lang}-360`);
      await goToStep(page, "preview");
      await page.getByTestId("preview-summary").waitFor();
      await expectNoOverflow(page);
      await shot(page, `taskpane-preview-${lang}-360`);
      await goToStep(page, "generate");
      await page.getByRole("button", { name: zh ? "生成工作簿" : "Generate workbook" }).waitFor();
      await expectNoOverflow(page);
      await shot(page, `taskpane-generate-${lang}-360`);
      await closeClean(session);
    });

  it("says a failed generation was rolled back and leaves the workbook as it was", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByRole("button", { name: "Use this sample" }).click();
    await goToStep(page, "generate");
    // The step's own read of the sheets already generated is done before the failure is armed.
    await page.locator('[data-testid="generate-intro"][data-read="done"]').waitFor();
    const before = await fakeSnapshot(page);
    await page.evaluate(() => (window as unknown as PaneWindow).__paneTest.fake.failAtSync(2));
    await page.getByRole("button", { name: "Generate workbook" }).click();
    await page.getByTestId("generate-outcome").waitFor();
    expect(await page.getByTestId("generate-outcome").textContent()).toMatch(
      /^Generation failed and was rolled back: the workbook is as it was before\.Technical detail: generating the workbook failed: /,
    );
    expect(await page.getByTestId("status").getAttribute("data-intent")).toBe("error");
    expect(await heading(page).textContent()).toBe("Generate");
    expect(await focused(page)).toBe("generate-outcome");
    expect(await fakeSnapshot(page)).toEqual(before);
    await closeClean(session);
  });

  it("cancels a running generation from the progress bar's Cancel and leaves the workbook as it was", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByRole("button", { name: "Use this sample" }).click();
    await goToStep(page, "generate");
    const before = await fakeSnapshot(page);
    await page.evaluate(() => (window as unknown as PaneWindow).__paneTest.holdSyncs());
    await page.getByRole("button", { name: "Generate workbook" }).click();
    await page.getByRole("progressbar").waitFor();
    // The focus moved to Cancel when the generation started (Generate is disabled under it).
    expect(await focused(page)).toBe("cancel");
    expect(await page.getByRole("button", { name: "Generate workbook" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Back" }).isDisabled()).toBe(true);
    // The tabs wait for the generation: the Generate step (and its Cancel) stays in view.
    const functionsTab = page.getByRole("tab", { name: "EDU functions" });
    expect(await functionsTab.isDisabled()).toBe(true);
    await functionsTab.click({ force: true });
    expect(await heading(page).textContent()).toBe("Generate");
    expect(await page.getByText(/^Writing the workbook \(0 of 1\)$/).count()).toBe(1);
    await page.getByRole("button", { name: "Cancel" }).click();
    // At once, while the writer is still held: the cancel is shown and the button cannot be pressed again.
    const cancelling = page.getByTestId("cancel");
    expect(await cancelling.textContent()).toBe("Cancelling…");
    expect(await cancelling.getAttribute("aria-disabled")).toBe("true");
    expect(await page.getByTestId("live").textContent()).toBe("Cancelling…");
    await page.evaluate(() => (window as unknown as PaneWindow).__paneTest.releaseSyncs());
    await page.getByTestId("generate-outcome").waitFor();

    expect(await page.getByTestId("generate-outcome").textContent()).toBe(
      "Cancelled. Nothing was left behind: the sheets written so far were removed.",
    );
    expect(await page.getByTestId("live").textContent()).toBe(
      "Cancelled. Nothing was left behind: the sheets written so far were removed.",
    );
    // …and on the outcome when it ended.
    expect(await focused(page)).toBe("generate-outcome");
    expect(await fakeSnapshot(page)).toEqual(before);
    await closeClean(session);
  });

  it("finds an EDU function and inserts it and its example into the selected cell", async () => {
    const session = await open("zh-CN");
    const { page } = session;
    await tabTo(page, /^预算向导$/);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    // Chinese names count as much as ids: 三个增长 lists THREE_GROWTH before GROWTH.
    await page.getByLabel("搜索函数").fill("三个 增长");
    await page.waitForFunction(
      () => document.querySelector("[data-function]")?.getAttribute("data-function") === "THREE_GROWTH",
    );
    await page.getByLabel("搜索函数").fill("GROWTH");
    await page.waitForFunction(
      () => document.querySelector("[data-function]")?.getAttribute("data-function") === "GROWTH",
    );
    await page.getByRole("button", { name: "插入 EDU.GROWTH" }).click();
    await page.getByTestId("live").filter({ hasText: "=EDU.GROWTH()" }).waitFor();
    expect((await fakeCells(page, "Sheet1")).D5?.formula).toBe("=EDU.GROWTH()");
    await page.getByRole("button", { name: "插入示例 EDU.GROWTH" }).click();
    // D5 now holds a formula: the pane asks before writing over it, and keeping the cell leaves it alone.
    await page.getByTestId("fn-confirm").filter({ hasText: "=EDU.GROWTH()" }).waitFor();
    await page.getByRole("button", { name: "保留原内容" }).click();
    await page.getByTestId("live").filter({ hasText: "保留原内容" }).waitFor();
    expect((await fakeCells(page, "Sheet1")).D5?.formula).toBe("=EDU.GROWTH()");
    await page.getByRole("button", { name: "插入示例 EDU.GROWTH" }).click();
    await page.getByRole("button", { name: "替换" }).click();
    await page.getByTestId("live").filter({ hasText: "=EDU.GROWTH(12000,12960)" }).waitFor();
    expect((await fakeCells(page, "Sheet1")).D5?.formula).toBe("=EDU.GROWTH(12000,12960)");
    await expectAccessible(page);
    await shot(page, "taskpane-functions-zh-CN");
    await closeClean(session);
  });

  it("shows each function's signature in English, with optional arguments in brackets, in an English Office", async () => {
    const session = await open("en-US");
    const { page } = session;
    await tabTo(page, /^Budget wizard$/);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByLabel("Search functions").fill("DROPOUT_CHECK");
    await page
      .getByText("EDU.DROPOUT_CHECK(start_enrollment, dropouts, level, [area], [limit])", { exact: true })
      .waitFor();
    await expectAccessible(page);
    await shot(page, "taskpane-functions-en-US");
    await closeClean(session);
  });

  it("starts with the three steps, tries a sample from the very first click and confirms what it loaded", async () => {
    const session = await open("zh-CN", { width: 320 });
    const { page } = session;
    const placemat = page.getByTestId("placemat");
    expect(await placemat.locator("li").allTextContents()).toEqual([
      expect.stringContaining("创建录入表"),
      expect.stringContaining("在表中填写"),
      expect.stringContaining("读取录入表"),
    ]);
    // 创建录入表 is the primary action: brand-filled, unlike the secondary 先用示例试一试.
    const background = (name: string) =>
      placemat.getByRole("button", { name }).evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(await background("创建录入表")).not.toBe(await background("先用示例试一试"));
    expect(await page.getByRole("link", { name: /帮助/ }).getAttribute("href")).toBe("help/index.html");
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "taskpane-first-run-zh-CN-320");
    // The first click, whether or not the sample list has arrived yet.
    await page.getByRole("button", { name: "先用示例试一试" }).click();
    const zhenlai = getSample("zhenlai");
    const summary = page.getByTestId("summary");
    await summary.waitFor();
    expect(await page.getByTestId("status").textContent()).not.toMatch(/Unknown sample|未知/);
    expect(await page.getByTestId("summary-year").textContent()).toBe(String(zhenlai.budgetYear));
    expect(await page.getByTestId("summary-pack").textContent()).toBe(
      getPack(zhenlai.policyPack).nameZh ?? zhenlai.policyPack,
    );
    expect(await summary.textContent()).toContain(zhenlai.name);
    expect(await page.getByTestId("summary-schools").textContent()).toBe(String(zhenlai.schools.length));
    expect(await page.getByTestId("summary-projects").textContent()).toBe(String(zhenlai.projects.length));
    expect(await page.getByTestId("summary-debts").textContent()).toBe(
      String(zhenlai.debts?.items.length ?? 0),
    );
    await expectAccessible(page);
    await expectNoOverflow(page);
    // A Fluent button opens the browser's file picker; the file chosen there is read.
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "选择文件…" }).click();
    const wuzhen = getSample("wuzhen");
    await (
      await chooser
    ).setFiles({
      name: "五镇.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(wuzhen)),
    });
    await page.getByTestId("data-status").filter({ hasText: "五镇.json" }).waitFor();
    await summary.filter({ hasText: wuzhen.name }).waitFor();
    expect(await page.getByTestId("summary-year").textContent()).toBe(String(wuzhen.budgetYear));
    expect(await page.getByTestId("summary-schools").textContent()).toBe(String(wuzhen.schools.length));
    await shot(page, "taskpane-loaded-zh-CN-320");
    await closeClean(session);
  });

  /** The pane opened with the wizard's script held back: its first view stays until `release` is called. */
  async function openFirstView(lang: "zh-CN" | "en-US", width = 320) {
    let release = () => undefined as void;
    const until = new Promise<void>((resolve) => (release = resolve));
    const session = await openPane(browser, server.url, officeJs, lang, {
      width,
      ready: '[data-testid="shell"]',
      hold: { url: /\/wizard\.js$/, until },
    });
    sessions.push(session);
    return { session, release };
  }

  it("draws the three steps before the wizard has loaded, and carries out the button clicked there (zh-CN, 320 px)", async () => {
    const { session, release } = await openFirstView("zh-CN");
    const { page } = session;
    const shell = page.getByTestId("shell");
    expect(await shell.locator("li b").allTextContents()).toEqual(["创建录入表", "在表中填写", "读取录入表"]);
    expect(await page.getByTestId("shell-step").textContent()).toBe("第 1/6 步 · 数据");
    expect(await page.locator("#app-root").count()).toBe(0);
    expect({ violations: await seriousA11yViolations(page) }).toEqual({ violations: [] });
    const overflow = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="shell"] *')].filter(
          (el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
        ).length,
    );
    expect(overflow).toBe(0);
    // Nothing is said to be working before anything was asked.
    expect(await shell.getByText("处理中").isVisible()).toBe(false);
    await page.getByRole("button", { name: "先用示例试一试" }).click();
    // Taken: it says it is working, and the wizard is still not there.
    await shell.getByRole("status").filter({ hasText: "处理中" }).waitFor();
    expect(await page.locator("#app-root").count()).toBe(0);
    release();
    const zhenlai = getSample("zhenlai");
    await page.getByTestId("summary").filter({ hasText: zhenlai.name }).waitFor();
    expect(await shell.count()).toBe(0);
    expect(await page.getByTestId("summary-schools").textContent()).toBe(String(zhenlai.schools.length));
    await closeClean(session);
  });

  it("gives the keyboard focus on the first view to the same control of the wizard, and does nothing unasked", async () => {
    const { session, release } = await openFirstView("zh-CN", 360);
    const { page } = session;
    await page.getByRole("button", { name: "创建录入表" }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.focusKey)).toBe(
      "start-sample",
    );
    release();
    await page.locator("#app-root").waitFor();
    await page.waitForFunction(
      () =>
        document.activeElement?.closest("#app-root") !== null &&
        (document.activeElement as HTMLElement).dataset.focusKey === "start-sample",
    );
    expect(await page.getByTestId("shell").count()).toBe(0);
    // Focus alone starts nothing: no sample loaded, no sheet written.
    expect(await page.getByTestId("summary").count()).toBe(0);
    expect(await fakeSheets(page)).toEqual(["Sheet1"]);
    await expectAccessible(page);
    await expectNoOverflow(page);
    await shot(page, "taskpane-first-run-zh-CN-360");
    await closeClean(session);
  });

  it("explains in Chinese and English, instead of a blank pane, that office.js could not be loaded", async () => {
    const session = await openPane(browser, server.url, null, "zh-CN", { ready: "#office-missing" });
    sessions.push(session);
    const { page } = session;
    const note = page.getByRole("alert");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/无法加载 Office 组件[^]*appsforoffice\.microsoft\.com/);
    expect(await note.textContent()).toContain("Office could not be loaded");
    expect(await page.locator("#app-root").count()).toBe(0);
    expect(session.requests).toContain(OFFICE_JS);
    await expectAccessible(page);
    await shot(page, "taskpane-office-missing");
    expect(await session.cspViolations()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  it("loads a pack file in the Policy step, lists its problems as the data's and uses a good one (en-US)", async () => {
    const session = await open("en-US");
    const { page } = session;
    await page.getByLabel("Sample district").selectOption("zhenlai");
    await page.getByRole("button", { name: "Use this sample" }).click();
    await page.getByTestId("data-status").filter({ hasText: "Loaded" }).waitFor();
    // No problems in the sample: Next goes straight to Policy.
    await page.getByRole("button", { name: "Next" }).click();
    expect(await heading(page).textContent()).toBe("Policy");

    const bad = JSON.stringify({
      basedOn: "zhenlai-2012",
      values: [
        { key: "dropout.junior.rural", value: 5, source: "本区文件", fromYear: 2012 },
        { key: "no.such.key", value: 1, source: "本区文件", fromYear: 2012 },
      ],
    });
    const expected = readPackJson(bad, "bad-pack.json").problems;
    expect(expected).toHaveLength(2);
    await page
      .getByTestId("pack-file")
      .locator('input[type="file"]')
      .setInputFiles({ name: "bad-pack.json", mimeType: "application/json", buffer: Buffer.from(bad) });
    await page.getByTestId("pack-file-status").filter({ hasText: "bad-pack.json" }).waitFor();
    expect(await page.getByTestId("pack-file-status").textContent()).toBe(
      "Pack file bad-pack.json: 2 error(s), 0 warning(s).",
    );
    const rows = page.getByTestId("problems").locator("li[data-problem]");
    expect(await rows.count()).toBe(2);
    const shown = await rows.allTextContents();
    expected.forEach((problem, i) => expect(shown[i]).toContain(problem.messageEn));
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("next-reason").textContent()).toBe(
      "Fix the pack file's errors and load it again, or use the built-in pack.",
    );
    await expectAccessible(page);

    const good = JSON.stringify({
      basedOn: "zhenlai-2012",
      values: [{ key: "class_size.primary", value: 42, source: "本区文件", fromYear: 2012 }],
    });
    await page
      .getByTestId("pack-file")
      .locator('input[type="file"]')
      .setInputFiles({ name: "good-pack.json", mimeType: "application/json", buffer: Buffer.from(good) });
    await page.getByTestId("pack-file-status").filter({ hasText: "good-pack.json" }).waitFor();
    expect(await page.getByTestId("pack-file-status").textContent()).toBe(
      "Pack file good-pack.json: based on zhenlai-2012@1.0.0, 1 value(s) of your own.",
    );
    expect(await page.getByTestId("problems").count()).toBe(0);
    // The value is in its section, closed until opened.
    await page.getByRole("button", { name: /^Dropout and class sizes/ }).click();
    expect(await page.locator('input[data-key="class_size.primary"]').inputValue()).toBe("42");
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(false);
    await page.getByRole("button", { name: "Use the built-in pack" }).click();
    expect(await page.locator('input[data-key="class_size.primary"]').inputValue()).toBe(
      String(getPack("zhenlai-2012").values["class_size.primary"].value),
    );
    await closeClean(session);
  });

  for (const [sample, lang] of [
    ["zhenlai", "zh-CN"],
    ["wuzhen", "en-US"],
  ] as const)
    it(`takes the ${sample} sample to a workbook in a 320 px pane, fitting and accessible in every state (${lang})`, async () => {
      const session = await open(lang, { width: 320 });
      const { page } = session;
      const zh = lang === "zh-CN";
      const check = async () => {
        await expectNoOverflow(page);
        await expectAccessible(page);
      };
      await check();
      await page.getByLabel(zh ? "示例区县" : "Sample district").selectOption(sample);
      await page.getByRole("button", { name: zh ? "使用此示例" : "Use this sample" }).click();
      await page
        .getByTestId("summary")
        .filter({ hasText: getSample(sample).name })
        .waitFor();
      await check();
      await page.getByRole("button", { name: zh ? "下一步" : "Next" }).click();
      await page.getByLabel(zh ? "政策参数包" : "Policy pack").waitFor();
      expect(await page.getByTestId("step-indicator").textContent()).toBe(
        zh ? "第 2/5 步 · 政策参数" : "Step 2 of 5 · Policy",
      );
      await check();
      // Every section open, one value edited and one invalid: the longest the step gets.
      for (const header of await page.locator(".fui-AccordionHeader button").all()) await header.click();
      await page.locator('input[data-key="class_size.primary"]').fill("40");
      await page.locator('input[data-key="nutrition.days"]').fill("1000");
      await page.getByTestId("policy-errors").waitFor();
      await check();
      if (zh) await shot(page, "taskpane-policy-zh-CN-320");
      await page.locator('input[data-key="nutrition.days"]').fill("200");
      await page.getByRole("button", { name: zh ? "下一步" : "Next" }).click();
      await page.getByTestId("preview-summary").waitFor();
      await check();
      await page.getByRole("button", { name: zh ? "下一步" : "Next" }).click();
      await page.getByRole("button", { name: zh ? "生成工作簿" : "Generate workbook" }).waitFor();
      await page.locator('[data-testid="generate-intro"][data-read="done"]').waitFor();
      await check();
      await page.evaluate(() => {
        const seen: number[] = [];
        Object.assign(window, { __longTasks: seen });
        new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration))).observe({
          type: "longtask",
        });
      });
      await page.getByRole("button", { name: zh ? "生成工作簿" : "Generate workbook" }).click();
      await page.getByTestId("done-summary").waitFor();
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      longestTasks.push(`${sample} ${Math.max(0, ...tasks).toFixed(0)} ms`);
      await check();
      await closeClean(session);
    });

  it("reopens where it was: the data loaded, the policy edits and the step, from the document's settings", async () => {
    const session = await open("zh-CN", { width: 360 });
    const { page } = session;
    await page.getByRole("button", { name: "先用示例试一试" }).click();
    await page.getByTestId("summary").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("搜索政策参数").fill("小学标准班额");
    await page.locator('input[data-key="class_size.primary"]').fill("40");
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByTestId("preview-summary").waitFor();
    // Kept in the document's settings (the fake keeps them in the tab's sessionStorage, as a document would).
    await page.waitForFunction(() => {
      const kept = JSON.parse(sessionStorage.getItem("fake-document-settings") ?? "{}") as {
        eduBudgetWizard?: { step?: string; edits?: Record<string, number> };
      };
      return (
        kept.eduBudgetWizard?.step === "preview" && kept.eduBudgetWizard.edits?.["class_size.primary"] === 40
      );
    });
    // The first view already names the step it reopens on, while the wizard's script is held back.
    let release = () => undefined as void;
    const until = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/wizard\.js$/, async (route) => {
      await until;
      await route.continue();
    });
    await page.reload();
    await page.getByTestId("shell").waitFor();
    expect(await page.getByTestId("shell-step").textContent()).toBe("第 3/5 步 · 预览");
    expect(await page.locator("#shell-heading").textContent()).toBe("预览");
    expect(await page.getByTestId("shell").getByRole("button").count()).toBe(0);
    release();
    await page.locator("#app-root").waitFor();
    await page.getByTestId("preview-summary").waitFor();
    expect(await heading(page).textContent()).toBe("预览");
    await goToStep(page, "policy");
    await page.getByLabel("搜索政策参数").fill("小学标准班额");
    expect(await page.locator('input[data-key="class_size.primary"]').inputValue()).toBe("40");
    expect(await page.getByTestId("policy-status").textContent()).toBe(
      `基于「${getPack("zhenlai-2012").nameZh}」修改了 1 项。`,
    );
    await goToStep(page, "data");
    expect(await page.getByTestId("summary").textContent()).toContain(getSample("zhenlai").name);
    await closeClean(session);
  });

  it("follows Office's dark theme: its colours, and native controls in the dark colour scheme", async () => {
    const session = await open("zh-CN", { query: "theme=dark" });
    const { page } = session;
    expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe("dark");
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(31, 31, 31)",
    );
    await expectAccessible(page);
    await closeClean(session);
  });

  it("ships an initial script under 150 KB gzip (the first view) and loads the wizard on demand", () => {
    const bundle = initialBundle(DIST);
    expect(bundle.files).toEqual(["taskpane.js"]);
    expect(bundle.gzipBytes).toBeLessThan(150 * 1024);
  });
});
