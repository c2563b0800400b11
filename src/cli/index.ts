#!/usr/bin/env node
/** The edu-budget command (bin). */
import { spawnSync } from "child_process";
import { CAPPED_ENV, heapRestartArgs } from "./heap";
import { nodeIo } from "./io";
import { main } from "./main";

const restart = heapRestartArgs(process.execArgv, process.env);
if (restart) {
  const child = spawnSync(process.execPath, [...restart, __filename, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [CAPPED_ENV]: "1" },
  });
  // A child ended by a signal ends this process the same way; one that could not start is an internal error.
  if (child.signal) process.kill(process.pid, child.signal);
  process.exitCode = child.status ?? 70;
} else {
  const io = nodeIo();
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = io.outputFailed ? 1 : code;
  });
}
