/**
 * The pane's side of a generation, against the fake Excel with every sync held until the test releases it: Cancel
 * shows 正在取消… on a disabled button at once, while the writer is still undoing its work; a second Generate says
 * which of this add-in's sheets are already there before anything is written; Replace lists exactly what it replaces.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { getSample } from "../../src/district/samples";
import { sheetChoices } from "../../src/plan/build";
import { officeExcel, type ExcelGateway } from "../../src/taskpane/excel";
import { startGeneration } from "../../src/taskpane/generation";
import { translator } from "../../src/taskpane/i18n";
import { initialState, reducer, type Action, type WizardState } from "../../src/taskpane/state";
import GenerateStep, { chosenNames } from "../../src/taskpane/steps/GenerateStep";
import { sheetsToReplace } from "../../src/writers/officejs/regeneration";
import { createFakeExcel, installFakeOffice, type FakeExcel } from "../support/fakeExcel";

const zh = translator("zh-CN");
const NOW = () => new Date("2026-11-30T08:00:00Z");

function wizard(): { get: () => WizardState; dispatch: (action: Action) => void } {
  let state: WizardState = {
    ...reducer(initialState(), {
      type: "loaded",
      source: { kind: "sample", label: "镇赉" },
      district: getSample("zhenlai"),
      problems: [],
    }),
    step: "generate",
  };
  return { get: () => state, dispatch: (action) => void (state = reducer(state, action)) };
}

/** The Generate step as the pane renders it for a state (effects do not run: the sheets read are passed in). */
function renderStep(state: WizardState, excel: ExcelGateway) {
  return renderToStaticMarkup(
    createElement(GenerateStep, {
      state,
      dispatch: () => undefined,
      t: zh,
      locale: "zh-CN",
      excel,
      run: () => undefined,
      announce: () => undefined,
      busy: false,
      generate: () => undefined,
      cancel: () => undefined,
      apiSupported: true,
    }),
  );
}

/** The Cancel button in rendered markup: its attributes and its text. */
function cancelButton(html: string): { disabled: boolean; text: string } {
  const match = /<button([^>]*data-testid="cancel"[^>]*)>([^<]*)<\/button>/.exec(html);
  if (!match) throw new Error("no Cancel button is shown");
  const attributes = match[1] ?? "";
  return {
    disabled: /\saria-disabled="true"/.test(attributes) || /\sdisabled=""/.test(attributes),
    text: match[2] ?? "",
  };
}

const userWorkbook = (): FakeExcel =>
  createFakeExcel({ sheets: [{ name: "Sheet1", cells: { A1: "我的数据", B2: 42 } }] });

describe("cancelling a generation from the pane", () => {
  it("shows 正在取消… on a disabled Cancel at once, before the writer's undo finishes, then the outcome", async () => {
    const fake = userWorkbook();
    const before = fake.snapshot();
    const excel = officeExcel(fake.run);
    const pane = wizard();
    const announced: string[] = [];
    const gate = fake.holdSyncs();
    const handle = startGeneration(pane.get(), {
      excel,
      t: zh,
      dispatch: pane.dispatch,
      announce: (text) => announced.push(text),
      now: NOW,
    });
    // The read, then the first write request, are under way.
    await gate.nextSync();
    gate.release();
    await gate.nextSync();
    expect(pane.get().generation).toMatchObject({ status: "running" });
    expect(cancelButton(renderStep(pane.get(), excel))).toEqual({ disabled: false, text: "取消" });

    handle.cancel();
    // At once, in the same turn: no Excel call has to finish first.
    expect(cancelButton(renderStep(pane.get(), excel))).toEqual({ disabled: true, text: "正在取消…" });
    expect(announced.at(-1)).toBe("正在取消…");

    // The write in flight completes; the writer stops and undoes: its undo waits on Excel too, and the pane
    // still says 正在取消… on the disabled button while the sheets it wrote are still in the workbook.
    gate.release();
    await gate.nextSync();
    expect(fake.sheetNames().length).toBeGreaterThan(1);
    expect(pane.get().generation).toMatchObject({ status: "running", cancelling: true });
    expect(cancelButton(renderStep(pane.get(), excel))).toEqual({ disabled: true, text: "正在取消…" });

    gate.stop();
    await handle.finished;
    expect(pane.get().generation).toEqual({ status: "cancelled" });
    expect(announced.at(-1)).toBe(zh("generateCancelled"));
    expect(renderStep(pane.get(), excel)).toContain(zh("generateCancelled"));
    expect(fake.snapshot()).toEqual(before);
  });

  it("ignores a second press of Cancel", async () => {
    const fake = userWorkbook();
    const pane = wizard();
    const actions: Action["type"][] = [];
    const gate = fake.holdSyncs();
    const handle = startGeneration(pane.get(), {
      excel: officeExcel(fake.run),
      t: zh,
      dispatch: (action) => (actions.push(action.type), pane.dispatch(action)),
      announce: () => undefined,
      now: NOW,
    });
    await gate.nextSync();
    handle.cancel();
    handle.cancel();
    gate.stop();
    await handle.finished;
    expect(actions.filter((type) => type === "cancelRequested")).toHaveLength(1);
    expect(pane.get().generation).toEqual({ status: "cancelled" });
  });
});

describe("generating again from the pane", () => {
  it("finds this add-in's sheets without writing, and Replace replaces exactly the sheets it lists, in their tabs", async () => {
    const fake = userWorkbook();
    const uninstall = installFakeOffice(globalThis, fake);
    try {
      const excel = officeExcel(fake.run);
      const pane = wizard();
      const deps = { excel, t: zh, dispatch: pane.dispatch, announce: () => undefined, now: NOW };
      await startGeneration(pane.get(), deps).finished;
      expect(pane.get().generation.status).toBe("done");
      // The user moves a generated sheet's tab to the front, then generates again without one sheet.
      const first = fake.sheetNames();
      const moved = first[first.length - 1] as string;
      const sheet = fake.workbook.sheets.find((s) => s.name === moved);
      if (!sheet) throw new Error(`no sheet ${moved}`);
      fake.workbook.sheets = [sheet, ...fake.workbook.sheets.filter((s) => s !== sheet)];
      pane.dispatch({ type: "restart" });
      pane.dispatch({ type: "goTo", step: "generate" });
      const optional = sheetChoices().find((choice) => !choice.required);
      if (!optional) throw new Error("every sheet is required");
      pane.dispatch({ type: "toggleSheet", sheet: optional.key });
      const state = pane.get();

      const before = fake.snapshot();
      const generated = await excel.generatedSheets();
      expect(fake.snapshot()).toEqual(before);
      expect(generated.sort()).toEqual(first.filter((name) => name !== "Sheet1").sort());
      const listed = sheetsToReplace(chosenNames(state.sheets), generated);
      expect(listed).not.toContain(optional.zh);
      expect(listed.length).toBe(generated.length - 1);
      const untouched = fake.cellsOf(optional.zh);

      const tabs = fake.sheetNames();
      pane.dispatch({ type: "onExisting", value: "replaceGenerated" });
      await startGeneration(pane.get(), deps).finished;
      const done = pane.get().generation;
      expect(done.status).toBe("done");
      expect(done.status === "done" && [...done.replaced].sort()).toEqual([...listed].sort());
      expect(fake.sheetNames()).toEqual(tabs);
      expect(fake.cellsOf(optional.zh)).toEqual(untouched);
    } finally {
      uninstall();
    }
  });
});
