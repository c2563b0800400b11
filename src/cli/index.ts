#!/usr/bin/env node
/** The edu-budget command (bin). */
import { nodeIo } from "./io";
import { main } from "./main";

const io = nodeIo();
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = io.outputFailed ? 1 : code;
});
