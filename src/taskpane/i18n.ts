/**
 * Every string the pane shows, in zh-CN and en-US (and the choice of language and theme from what Office reports). `{name}` marks a value filled in by t(). The zh table is typed
 * by the en one, so a key missing in either language does not compile.
 */
const en = {
  appTitle: "Education budget workbook",
  tabWizard: "Budget wizard",
  tabFunctions: "EDU functions",
  stepList: "Steps",
  stepData: "Data",
  stepProblems: "Problems",
  stepPolicy: "Policy",
  stepPreview: "Preview",
  stepGenerate: "Generate",
  stepDone: "Done",
  back: "Back",
  next: "Next",
  busy: "Working…",
  errorPrefix: "Something went wrong: {message}",

  dataIntro: "Choose the district data the budget workbook is built from.",
  dataSample: "A built-in sample",
  dataSampleLabel: "Sample district",
  dataUseSample: "Use this sample",
  dataSheets: "Input sheets in this workbook",
  dataSheetsHint: "Create the input sheets, fill them in, then read them back.",
  dataCreateSheets: "Create input sheets",
  dataReadSheets: "Read input sheets",
  dataCreated: "Input sheets created: {names}",
  dataFile: "A file",
  dataFileHint:
    "A .json district, an input workbook (.xlsx) or one table as .csv (merged over the chosen sample).",
  dataFileLabel: "District file (.xlsx, .csv, .json)",
  dataLoaded: "Loaded: {label}",
  dataLoadedWithProblems: "Read {label}: errors {errors}, warnings {warnings}",
  dataNone: "No data loaded yet.",
  dataNeeded: "Load district data first.",

  problemsIntro: "Every problem found in the input. Select one to go to its cell.",
  problemsNone: "No problems found.",
  problemsIntroFile: "Every problem found in the file. Fix them in the file and load it again.",
  problemsErrorsBlock: "Generation is blocked: fix the errors first ({count}).",
  problemSeverityError: "Error",
  problemSeverityWarning: "Warning",
  problemSheet: "Sheet",
  problemColumn: "Column",
  problemMessage: "Problem",
  problemAccepts: "Accepts: {accepts}",
  problemGoTo: "Go to {sheet} row {row}",
  problemNotInWorkbook: "The sheet {sheet} is not in this workbook.",

  policyIntro: "Pick a policy pack and edit any value. Edits make a new pack; built-in packs never change.",
  policyPack: "Policy pack",
  policyValues: "Policy values",
  policyValue: "Value",
  policyUnit: "Unit",
  policySource: "Source",
  policyReset: "Reset to the pack",
  policyEdited: "Values edited: {count}. The workbook uses pack {id}.",
  policyInvalid: "{label}: enter a number.",

  previewIntro: "The checks the workbook will make, computed before anything is written.",
  previewPassed: "{passed} of {total} checks pass",
  previewPass: "Pass",
  previewFail: "Fail",
  previewCheck: "Check",
  previewResult: "Result",
  previewWhy: "Why",
  previewFailedToBuild: "The workbook could not be planned: {message}",
  previewReconciliations: "{agree} of {total} reconciliations agree (difference = stated − parts)",
  previewReconciliation: "Reconciliation",
  previewDifference: "Difference",
  previewAgrees: "Agrees",
  previewDiffers: "Differs",

  generateIntro: "Choose the sheets to write into this workbook.",
  generateSheets: "Sheets",
  generateAll: "All sheets",
  generateExisting: "When a sheet name is already taken",
  generateKeepBoth: "Keep both (the new sheet gets a suffix)",
  generateReplace: "Replace sheets this add-in generated before (never your own sheets)",
  generateStart: "Generate workbook",
  generateCancel: "Cancel",
  generateProgress: "{label} ({done} of {total})",
  generateProgressLabel: "Generation progress",
  generateStarting: "Starting…",
  generateCancelled: "Cancelled. Nothing was left behind: the sheets written so far were removed.",
  generateFailed: "Generation failed and was rolled back: the workbook is as it was before.",
  generatePlanRefused:
    "Nothing was written: the workbook plan has {count} problems Excel would reject (a defect, please report it).",
  generatePlanRefusedOne:
    "Nothing was written: the workbook plan has 1 problem Excel would reject (a defect, please report it).",
  generateNoSheets: "Choose at least one sheet.",
  generateRollbackFailed:
    "Generation stopped and undoing it failed: check the workbook for partly written sheets.",

  doneIntro: "The budget workbook is written.",
  doneSheets: "{count} sheets written",
  doneSheetsOne: "1 sheet written",
  doneChecks: "Checks: {passed} passed, {failed} failed",
  doneOpen: "Open sheet {name}",
  doneAgain: "Start again",

  fnSearch: "Search functions",
  fnSearchPlaceholder: "Name, description or rule",
  fnCount: "{count} functions",
  fnCountOne: "1 function",
  fnRule: "Rule",
  fnSource: "Source",
  fnExample: "Example",
  fnInsert: "Insert {name}",
  fnInsertExample: "Insert example",
  fnInserted: "Inserted {formula} into {address}",
  fnNone: "No function matches.",

  statusLabel: "Status",
  causeLabel: "Technical detail: {cause}",
  apiUnsupported:
    "This version of Excel is too old for generating workbooks (it needs Excel JavaScript API 1.12: Excel 2021, Microsoft 365 or Excel on the web). 此版本的 Excel 过旧，无法生成工作簿（需要 Excel JavaScript API 1.12：Excel 2021、Microsoft 365 或网页版 Excel）。The EDU functions still work.",
  runFailed: "Something went wrong.",
  readerFailed: "The file could not be read.",
  dataSheetsExist: "The input sheets already exist: {sheet} is now active.",
  dataSheetsMissing: "There are no input sheets in this workbook yet: choose “Create input sheets” first.",
  dataExampleRows:
    "The template's example rows are still in the input sheets ({rows}): they were not read. Delete them, or clear their 示例 cell once they hold your district's data.",
  dataMergedOver: "{file} merged over the {sample} sample",
  progressSheets: "Adding the sheets",
  progressValues: "Writing the values on {sheet}",
  progressTablesNames: "Adding tables and names",
  progressFormulas: "Writing the formulas on {sheet}",
  progressFormats: "Formatting {sheet}",
  progressFinish: "Finishing",
  progressDone: "Done",
  progressOther: "Writing the workbook",
  problemRowAt: "row {row}",
  policyInvalidRange: "{label}: enter a number from {min} to {max}.",
  policyInvalidMin: "{label}: enter a number of at least {min}.",
  policyInvalidPositive: "{label}: enter a number greater than 0.",
  policyInvalidWhole: "{label}: enter a whole number.",
  policyFixInvalid: "Fix the policy values marked as invalid first ({count}).",
  generateWillReplace: "These generated sheets will be replaced: {names}",
  generateNothingToReplace: "No sheet generated before is in this workbook: nothing will be replaced.",
  generateConfirmReplace: "I understand these sheets will be replaced, and any edits in them lost",
  generateConfirmNeeded: "Confirm the replacement first.",
  generateCancelling: "Cancelling…",
  generateExistingTitle: "This workbook already has sheets from this add-in",
  generateExistingFound:
    "Generating again keeps them and adds copies with a number (such as “学校 (2)”). To write over them instead, choose Replace. Already here: {names}",
  generateUseReplace: "Replace them instead",
  generateRemoveCopies: "Also delete the older copies this add-in generated: {names}",
  doneRenamed: "Renamed because the name was taken",
  doneReplaced: "Replaced",
  doneFailedChecks: "Failed checks",
  previewItemsFailed: "{failed} of {total} failing",
};

export type StringKey = keyof typeof en;
export type Locale = "zh-CN" | "en-US";

const zh: Record<StringKey, string> = {
  appTitle: "教育经费预算工作簿",
  tabWizard: "预算向导",
  tabFunctions: "EDU 函数",
  stepList: "步骤",
  stepData: "数据",
  stepProblems: "问题",
  stepPolicy: "政策参数",
  stepPreview: "预览",
  stepGenerate: "生成",
  stepDone: "完成",
  back: "上一步",
  next: "下一步",
  busy: "处理中…",
  errorPrefix: "出错了：{message}",

  dataIntro: "选择生成预算工作簿所用的区县数据。",
  dataSample: "内置示例",
  dataSampleLabel: "示例区县",
  dataUseSample: "使用此示例",
  dataSheets: "本工作簿中的录入表",
  dataSheetsHint: "先创建录入表并填写，再读取。",
  dataCreateSheets: "创建录入表",
  dataReadSheets: "读取录入表",
  dataCreated: "已创建录入表：{names}",
  dataFile: "文件",
  dataFileHint: "区县 .json 文件、录入工作簿（.xlsx），或一张 .csv 表（覆盖所选示例中的同名表）。",
  dataFileLabel: "区县数据文件（.xlsx、.csv、.json）",
  dataLoaded: "已载入：{label}",
  dataLoadedWithProblems: "已读取 {label}：{errors} 个错误，{warnings} 个警告",
  dataNone: "尚未载入数据。",
  dataNeeded: "请先载入区县数据。",

  problemsIntro: "输入数据中发现的全部问题。选择一项即可定位到对应单元格。",
  problemsNone: "未发现问题。",
  problemsIntroFile: "文件中发现的全部问题。请在文件中修改后重新载入。",
  problemsErrorsBlock: "请先修正 {count} 个错误再生成。",
  problemSeverityError: "错误",
  problemSeverityWarning: "警告",
  problemSheet: "工作表",
  problemColumn: "列",
  problemMessage: "问题",
  problemAccepts: "可接受：{accepts}",
  problemGoTo: "定位到 {sheet} 第 {row} 行",
  problemNotInWorkbook: "本工作簿中没有工作表 {sheet}。",

  policyIntro: "选择政策参数包，可修改任一数值。修改会生成新的参数包，内置参数包不会改变。",
  policyPack: "政策参数包",
  policyValues: "政策参数值",
  policyValue: "数值",
  policyUnit: "单位",
  policySource: "依据",
  policyReset: "恢复参数包原值",
  policyEdited: "已修改 {count} 项：工作簿将使用参数包 {id}。",
  policyInvalid: "{label}：请输入数字。",

  previewIntro: "写入前先计算工作簿将进行的全部核对。",
  previewPassed: "{total} 项核对中 {passed} 项通过",
  previewPass: "通过",
  previewFail: "未通过",
  previewCheck: "核对项",
  previewResult: "结果",
  previewWhy: "说明",
  previewFailedToBuild: "无法生成工作簿方案：{message}",
  previewReconciliations: "{total} 项核对数中 {agree} 项一致（差额 = 声明数 − 分项合计）",
  previewReconciliation: "核对数",
  previewDifference: "差额",
  previewAgrees: "一致",
  previewDiffers: "不一致",

  generateIntro: "选择要写入本工作簿的工作表。",
  generateSheets: "工作表",
  generateAll: "全部工作表",
  generateExisting: "工作表名称已存在时",
  generateKeepBoth: "两者都保留（新表名加后缀）",
  generateReplace: "替换本加载项以前生成的工作表（绝不替换您自己的工作表）",
  generateStart: "生成工作簿",
  generateCancel: "取消",
  generateProgress: "{label}（{done}/{total}）",
  generateProgressLabel: "生成进度",
  generateStarting: "正在开始…",
  generateCancelled: "已取消。已写入的工作表均已删除，工作簿保持原样。",
  generateFailed: "生成失败，已全部撤销，工作簿保持原样。",
  generatePlanRefused: "未写入任何内容：工作簿计划有 {count} 个 Excel 不接受的问题（这是程序缺陷，请报告）。",
  generatePlanRefusedOne: "未写入任何内容：工作簿计划有 1 个 Excel 不接受的问题（这是程序缺陷，请报告）。",
  generateNoSheets: "请至少选择一张工作表。",
  generateRollbackFailed: "生成已中止，但撤销未能完成：请检查工作簿中是否有写了一半的工作表。",

  doneIntro: "预算工作簿已生成。",
  doneSheets: "已写入 {count} 张工作表",
  doneSheetsOne: "已写入 1 张工作表",
  doneChecks: "核对：{passed} 项通过，{failed} 项未通过",
  doneOpen: "打开工作表 {name}",
  doneAgain: "重新开始",

  fnSearch: "搜索函数",
  fnSearchPlaceholder: "名称、说明或规则",
  fnCount: "共 {count} 个函数",
  fnCountOne: "共 1 个函数",
  fnRule: "规则",
  fnSource: "依据",
  fnExample: "示例",
  fnInsert: "插入 {name}",
  fnInsertExample: "插入示例",
  fnInserted: "已在 {address} 插入 {formula}",
  fnNone: "没有匹配的函数。",

  statusLabel: "状态",
  causeLabel: "技术信息：{cause}",
  apiUnsupported:
    "此版本的 Excel 过旧，无法生成工作簿（需要 Excel JavaScript API 1.12：Excel 2021、Microsoft 365 或网页版 Excel）。This version of Excel is too old for generating workbooks (it needs Excel JavaScript API 1.12: Excel 2021, Microsoft 365 or Excel on the web). EDU 函数仍可使用。",
  runFailed: "出错了。",
  readerFailed: "无法读取该文件。",
  dataSheetsExist: "录入表已存在：已切换到 {sheet}。",
  dataSheetsMissing: "本工作簿中还没有录入表：请先点击“创建录入表”。",
  dataExampleRows:
    "录入表中仍有模板的示例行（{rows}），未读入：请删除；若已改为本区县的数据，请清空其「示例」单元格。",
  dataMergedOver: "{file} 已覆盖到示例“{sample}”上",
  progressSheets: "添加工作表",
  progressValues: "写入 {sheet} 的数值",
  progressTablesNames: "添加表格和名称",
  progressFormulas: "写入 {sheet} 的公式",
  progressFormats: "设置 {sheet} 的格式",
  progressFinish: "收尾",
  progressDone: "完成",
  progressOther: "写入工作簿",
  problemRowAt: "第 {row} 行",
  policyInvalidRange: "{label}：请输入 {min} 到 {max} 之间的数。",
  policyInvalidMin: "{label}：请输入不小于 {min} 的数。",
  policyInvalidPositive: "{label}：请输入大于 0 的数。",
  policyInvalidWhole: "{label}：请输入整数。",
  policyFixInvalid: "请先修正标为无效的 {count} 个政策参数。",
  generateWillReplace: "将替换以下以前生成的工作表：{names}",
  generateNothingToReplace: "本工作簿中没有以前生成的工作表，不会替换任何工作表。",
  generateConfirmReplace: "我知道这些工作表将被替换，其中的修改将丢失",
  generateConfirmNeeded: "请先确认替换。",
  generateCancelling: "正在取消…",
  generateExistingTitle: "本工作簿中已有本加载项生成的工作表",
  generateExistingFound:
    "再次生成会保留它们，并新增带编号的副本（如“学校 (2)”）。如要覆盖它们，请选择“替换”。已有：{names}",
  generateUseReplace: "改为替换它们",
  generateRemoveCopies: "同时删除本加载项以前生成的旧副本：{names}",
  doneRenamed: "因名称已被占用而改名",
  doneReplaced: "已替换",
  doneFailedChecks: "未通过的核对",
  previewItemsFailed: "{total} 项中 {failed} 项未通过",
};

export const STRINGS: { readonly [L in Locale]: Record<StringKey, string> } = { "en-US": en, "zh-CN": zh };

/** zh-CN for any Chinese display language (zh-CN, zh-TW, zh-HK…), en-US otherwise. */
export function localeOf(displayLanguage: string | undefined): Locale {
  return displayLanguage?.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const table = STRINGS[locale];
  return (key, values = {}) =>
    // English plurals: a key with a "One" variant uses it for a count of 1.
    (values.count === 1 ? (table[`${key}One` as StringKey] ?? table[key]) : table[key]).replace(
      /\{(\w+)\}/g,
      (whole, name: string) => String(values[name] ?? whole),
    );
}

/** Pick the zh or en variant of a bilingual datum. */
export function pick<T>(locale: Locale, zhValue: T, enValue: T): T {
  return locale === "zh-CN" ? zhValue : enValue;
}

/** Office's theme is dark when its body background is dark (officeTheme exists in Office 2016+ only). */
export function isDark(background: string | undefined): boolean {
  const hex = background?.replace("#", "");
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
