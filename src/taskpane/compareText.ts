/**
 * The 对比 tab's strings, in en-US and zh-CN: loaded with the tab, not with the first render. `{name}` marks a value
 * filled in; the zh table is typed by the en one, as in i18n.ts.
 */
import type { Locale } from "./i18n";

const en = {
  compareIntro:
    "Compare the loaded data with a scenario (named changes to the data and the policy) or with another input (一上 against 二上, last year's input). A is what you choose, B the loaded data.",
  compareWith: "Compare with",
  compareWithScenario: "A scenario",
  compareWithInput: "Another input workbook or file",
  compareScenarioText: "Scenario (JSON)",
  compareScenarioHint:
    'A name and a list of changes, e.g. {"kind": "mergerYear", "merger": "…", "termYear": 1}.',
  compareScenarioFile: "Open a scenario file (.json)",
  compareScenarioFileHint:
    "A scenario saved as .json is read into the box above, to edit or compare as it is.",
  compareInputFile: "Choose the other input (.xlsx, .json)",
  compareInputHint: "An input workbook (.xlsx) or a district (.json), e.g. last year's input.",
  compareInputRead: "Read {file}.",
  compareInputUnreadable: "{file} could not be used: fix the problems below first.",
  compareRun: "Compare",
  compareProblems: "Problems of what is compared",
  compareHasProblems: "Nothing was compared: {count} problems to fix first.",
  compareNoDifferences: "No differences: both give the same checks, totals and plan lines.",
  compareDone: "Compared: {flipped} checks flip, {checks} change, {totals} totals differ.",
  compareSummary: "{flipped} checks flip · {checks} checks change · {totals} totals and {lines} lines differ",
  compareSides: "A: {a} · B: {b}",
  compareLoaded: "the loaded data",
  compareScenarioLabel: "Scenario “{name}”",
  compareOtherLabel: "“{name}”",
  compareOnlyChanged: "Only changes",
  compareChecks: "Checks",
  compareTotals: "Key totals",
  compareTerm: "Term plan by year (规划)",
  compareNothingChanged: "No changes.",
  compareAbsent: "absent",
  compareFlipped: "Flips",
  compareChanged: "Changed",
  compareSame: "Same",
  compareDifference: "Difference {difference}",
  compareWrite: "Write the 对比 sheet",
  compareGenerateFirst:
    "Generate the workbook first: the 对比 sheet refers to the loaded data's sheets (参数, 学校 …), which are not in this workbook.",
  compareExists:
    "This workbook already has a {sheet} sheet written by this add-in: replace it, or keep both?",
  compareReplace: "Replace {sheet}",
  compareKeepBoth: "Keep both",
  compareWritten: "The comparison is written on the sheet {sheet}.",
  compareReplaced: "The sheet {sheet} was replaced with the new comparison.",
};

const zh: { readonly [K in keyof typeof en]: string } = {
  compareIntro:
    "将已载入的数据与一个场景（对数据和政策参数的一组命名修改）或另一份录入（一上与二上、上年的录入）对比。A 为所选对象，B 为已载入的数据。",
  compareWith: "对比对象",
  compareWithScenario: "场景",
  compareWithInput: "另一份录入工作簿或文件",
  compareScenarioText: "场景（JSON）",
  compareScenarioHint: '名称和修改列表，例如 {"kind": "mergerYear", "merger": "…", "termYear": 1}。',
  compareScenarioFile: "打开场景文件（.json）",
  compareScenarioFileHint: "读取 .json 场景文件到上面的文本框，可修改后再对比。",
  compareInputFile: "选择另一份录入（.xlsx、.json）",
  compareInputHint: "录入工作簿（.xlsx）或区县数据（.json），例如上年的录入。",
  compareInputRead: "已读取 {file}。",
  compareInputUnreadable: "无法使用 {file}：请先修正下列问题。",
  compareRun: "对比",
  compareProblems: "对比对象的问题",
  compareHasProblems: "未对比：请先修正 {count} 个问题。",
  compareNoDifferences: "没有差异：两者的核对结果、合计和规划各行均相同。",
  compareDone: "已对比：{flipped} 项核对结果翻转，{checks} 项有变化，{totals} 项合计不同。",
  compareSummary: "{flipped} 项核对翻转 · {checks} 项核对有变化 · {totals} 项合计、{lines} 行不同",
  compareSides: "A：{a} · B：{b}",
  compareLoaded: "已载入的数据",
  compareScenarioLabel: "场景「{name}」",
  compareOtherLabel: "「{name}」",
  compareOnlyChanged: "只看变化",
  compareChecks: "核对结果",
  compareTotals: "主要合计",
  compareTerm: "规划逐年",
  compareNothingChanged: "没有变化。",
  compareAbsent: "无此项",
  compareFlipped: "通过↔未通过",
  compareChanged: "有变化",
  compareSame: "相同",
  compareDifference: "差额 {difference}",
  compareWrite: "写入对比表",
  compareGenerateFirst: "请先生成工作簿：对比表引用已载入数据的工作表（参数、学校等），本工作簿中还没有。",
  compareExists: "本工作簿中已有本加载项写入的 {sheet} 表：替换它，还是保留两者？",
  compareReplace: "替换 {sheet}",
  compareKeepBoth: "保留两者",
  compareWritten: "对比结果已写入工作表 {sheet}。",
  compareReplaced: "已用新的对比结果替换工作表 {sheet}。",
};

/** Both tables, for the tests that hold them to the same keys and placeholders. */
export const COMPARE_STRINGS = { "en-US": en, "zh-CN": zh } as const;

export type CompareKey = keyof typeof en;
export type CompareTranslate = (key: CompareKey, values?: Record<string, string | number>) => string;

export function compareTranslator(locale: Locale): CompareTranslate {
  const table = locale === "zh-CN" ? zh : en;
  return (key, values = {}) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
