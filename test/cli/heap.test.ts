import { CAPPED_ENV, HEAP_CAP_MB, heapRestartArgs } from "../../src/cli/heap";

describe("the CLI's heap cap", () => {
  it("runs the bin again with a capped old space when nothing set one", () => {
    expect(heapRestartArgs([], {})).toEqual([`--max-old-space-size=${HEAP_CAP_MB}`]);
  });

  it("keeps node's own arguments after the cap", () => {
    expect(heapRestartArgs(["--enable-source-maps"], { NODE_OPTIONS: "--trace-warnings" })).toEqual([
      `--max-old-space-size=${HEAP_CAP_MB}`,
      "--enable-source-maps",
    ]);
  });

  it.each([
    [["--max-old-space-size=4096"], {}],
    [["--max_old_space_size=4096"], {}],
    [[], { NODE_OPTIONS: "--max-old-space-size=3000" }],
  ])("leaves a cap the user set alone (%j, %j)", (execArgv, env) => {
    expect(heapRestartArgs(execArgv, env)).toBeUndefined();
  });

  it("does not start another child from the capped one", () => {
    expect(heapRestartArgs([], { [CAPPED_ENV]: "1" })).toBeUndefined();
  });
});
