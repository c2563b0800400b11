#!/usr/bin/env node
/** The edu-budget command (bin). */
import { nodeIo } from "./io";
import { main } from "./main";

void main(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
