/**
 * Excel.run over the fake for the browser tests, with one addition: syncs can be held (holdSyncs) until released,
 * so a test can press Cancel in the middle of a generation.
 */
import type { FakeExcel } from "../../support/fakeExcel";
import type { ExcelContext, ExcelRunner } from "../../../src/writers/officejs/excelSubset";

export interface SyncGate {
  hold(): void;
  release(): void;
}

export function gatedRunner(fake: FakeExcel): { run: ExcelRunner; gate: SyncGate } {
  let held: Promise<void> | null = null;
  let open = (): void => undefined;
  const gate: SyncGate = {
    hold: () => void (held = new Promise((resolve) => (open = resolve))),
    release: () => {
      held = null;
      open();
    },
  };
  const withGate = (context: ExcelContext): ExcelContext =>
    new Proxy(context, {
      get: (target, key) => {
        if (key === "sync")
          return async () => {
            await held;
            return target.sync();
          };
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { run: (batch) => fake.run((context) => batch(withGate(context))), gate };
}
