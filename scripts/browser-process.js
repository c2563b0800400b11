// The little of Node's `process` that exceljs's sources (through readable-stream) use, for the task pane's bundle.
module.exports = {
  nextTick: (callback, ...args) => queueMicrotask(() => callback(...args)),
  env: {},
  browser: true,
  version: "",
  versions: {},
};
