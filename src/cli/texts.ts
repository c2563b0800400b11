/** Every text the CLI shows, in zh-CN and English. */
export type Lang = "zh" | "en";

export function langFromEnv(env: { readonly [key: string]: string | undefined }): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The system's error codes in Chinese; English shows the system's own message. */
const ZH_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EACCES: "没有访问权限",
  EPERM: "没有访问权限",
  ENOENT: "文件或文件夹不存在",
  EROFS: "所在磁盘只读",
  EISDIR: "该路径是一个文件夹",
  ENOTDIR: "路径中有一段不是文件夹",
  ENAMETOOLONG: "文件名过长",
  EBUSY: "文件正被其他程序使用",
  EIO: "磁盘读写错误",
};

function ioReason(error: unknown, reasons: Readonly<Record<string, string>>): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && reasons[code]) return `${reasons[code]}(${code})`;
  const chinese = Object.keys(reasons).length > 0;
  if (chinese) return typeof code === "string" ? `系统错误 ${code}` : "系统未给出原因";
  return error instanceof Error ? error.message : String(error);
}

const zh = {
  description: "生成区县年度教育经费预算工作簿(.xlsx),并对照政策逐项检查。",
  lang: "提示语言:zh 或 en(默认按环境变量 LANG)",
  version: "显示版本号",
  help: "显示帮助",
  helpCommand: "显示某个命令的帮助",
  titles: {
    "Usage:": "用法:",
    "Options:": "选项:",
    "Commands:": "命令:",
    "Arguments:": "参数:",
    "Global Options:": "全局选项:",
  },
  exitCodes:
    "\n退出码:0 成功;1 有检查未通过(check --strict)或输入有错误(validate);2 输入无法使用(文件缺失、无法读取、有错误)或命令用法错误;70 程序内部错误。\n",
  examples:
    "\n示例:\n  edu-budget generate --sample zhenlai --out out/\n  edu-budget template --out 录入模板.xlsx\n  edu-budget validate --input 录入模板.xlsx\n  edu-budget check --input 区县.json --strict\n  edu-budget pack-template --out 本区政策包.xlsx\n  edu-budget generate --input 区县.json --pack 本区政策包.xlsx\n  edu-budget compare wuzhen --scenario 场景.json --out 对比.xlsx\n  edu-budget explain --sample zhenlai --out out/\n",
  generate: "校验输入,生成预算工作簿并写出 .xlsx",
  template: "写出录入模板工作簿(.xlsx),填好后用 --input 读入",
  check: "列出政策检查的结果(通过/未通过及说明)",
  validate: "只校验输入,逐条列出问题(文件、工作表、行、列、说明)",
  sample: "使用内置示例区县:zhenlai(讲话一)或 wuzhen(讲话二)",
  input:
    "输入文件:.json、.xlsx(录入模板)或 .csv(一张录入表,覆盖 --sample 或另一个 --input 中的同名表);可重复",
  pack: "政策包 id(默认用输入中指定的):national、zhenlai-2012、wuzhen-2004、edu-default;或政策包文件(.json 或 .xlsx,见 pack-template)",
  packTemplate: "写出政策包模板(每个参数的键、数值、单位、来源、起始年份),改好后用 --pack 读入",
  packFormat: "模板格式:xlsx(默认)或 json",
  packBasedOn: "模板所基于的内置政策包(默认 edu-default)",
  packYear: "模板列出哪一年适用的值(默认为该政策包的年度,国家标准为 2025)",
  packTemplateOut: "输出文件(默认 out/政策包模板.xlsx 或 .json)",
  badFormat: (format: string) => `--format ${format}:请用 xlsx 或 json。`,
  badYear: (year: string) => `--year ${year}:请给出 1949–2100 之间的四位年份。`,
  packHasErrors: (file: string) => `政策包文件 ${file} 有错误,未生成工作簿。请改正后重试。`,
  packFile: (file: string, changed: number, basedOn: string) =>
    `政策包文件 ${file}:基于 ${basedOn},用户设定 ${changed} 项`,
  out: "输出目录或 .xlsx 文件(默认 out/<区县>-<年度>-教育经费预算.xlsx)",
  templateOut: "输出的 .xlsx 文件(默认 out/教育经费预算-录入模板.xlsx)",
  example: "用示例区县的数据填写模板:zhenlai 或 wuzhen",
  strict: "有检查未通过时以退出码 1 结束",
  force: "输出文件已存在时替换它(输入文件本身始终不会被覆盖)",
  prior: "上年生成的预算工作簿(.xlsx): 其预算明细的本年预算作为本年的上年预算",
  columns: {
    severity: "级别",
    file: "文件",
    sheet: "工作表",
    row: "行",
    column: "列",
    message: "问题",
    accepts: "可接受",
  },
  severity: { error: "错误", warning: "警告" },
  checkColumns: { result: "结果", check: "检查", detail: "说明" },
  reconciliationColumns: { item: "核对项", difference: "差额(声明数 − 分项合计)" },
  reconciliationSummary: (agree: number, differ: number) => `核对:一致 ${agree} 项,不一致 ${differ} 项`,
  badOut: (out: string) => `--out ${out}:请给出一个目录或一个 .xlsx 文件。`,
  pass: "✓ 通过",
  fail: "✗ 未通过",
  notApplicable: "– 不适用",
  noProblems: "输入没有发现问题。",
  problemCount: (errors: number, warnings: number) => `共 ${errors} 个错误,${warnings} 个警告。`,
  inputHasErrors: "输入有错误,未生成工作簿。请改正后重试(可先运行 edu-budget validate)。",
  needDistrict: "请用 --sample <示例> 或 --input <文件> 指定区县数据。",
  sampleAndJson: "--sample 只能与 .csv 输入合用(.json 和 .xlsx 已是完整的区县数据)。",
  oneBase: "只能有一个完整的区县数据来源(--sample、.json 或 .xlsx),.csv 可以有多个。",
  csvNeedsBase: (file: string) =>
    `${file} 只含一张录入表:请同时用 --sample 或一个 .xlsx 录入模板提供其余各表。`,
  unknownSample: (id: string, ids: string) => `没有名为「${id}」的示例区县,可用:${ids}。`,
  unknownPack: (id: string, ids: string) => `没有名为「${id}」的政策包,可用:${ids}。`,
  unknownExtension: (file: string) => `不支持的输入文件类型:${file}(可用 .json、.xlsx、.csv)。`,
  fileMissing: (file: string) => `找不到文件:${file}`,
  // The system's message starts with its error code ("EACCES: permission denied, open …"): said in Chinese.
  fileUnreadable: (file: string, reason: string) =>
    `无法读取文件 ${file}:${ioReason({ code: /^([A-Z]+):/.exec(reason)?.[1] }, ZH_REASONS)}`,
  cannotWrite: (file: string, reason: string) => `无法写出文件 ${file}:${reason}(原有文件保持不变)`,
  outputExists: (file: string) => `文件 ${file} 已存在,未覆盖。要替换它,请加 --force。`,
  outputIsInput: (file: string) =>
    `${file} 是输入文件,不能用输出覆盖它(加 --force 也不行):请换一个输出文件名。`,
  outputLocked: (file: string, lock: string) =>
    `${file} 正在 Excel、WPS 或 LibreOffice 中打开(旁边有锁文件 ${lock}):请先关闭该文件再重试。`,
  planProblems: "生成的工作簿计划自相矛盾(这是程序缺陷,请报告):",
  written: (file: string, kb: number) => `已写出 ${file}(${kb} KB)`,
  sheets: (count: number, names: string) => `工作表 ${count} 张:${names}`,
  checksSummary: (passed: number, failed: number, notApplicable = 0) =>
    `检查:通过 ${passed} 项,未通过 ${failed} 项` + (notApplicable > 0 ? `,不适用 ${notApplicable} 项` : ""),
  failedChecks: "未通过的检查:",
  district: (name: string, year: number, pack: string) => `区县:${name},预算年度 ${year},政策包 ${pack}`,
  strictFailed: (failed: number) => `有 ${failed} 项检查未通过或核对不一致(--strict)。`,
  listSeparator: "、",
  /** Why a file could not be written, from the system's error code. */
  ioReason: (error: unknown) => ioReason(error, ZH_REASONS),
  internalError: (message: string) => `内部错误:${message}(设置 EDU_BUDGET_DEBUG=1 可看到详细信息)`,
  compare:
    "对比两次生成:两个区县输入,或一个输入加 --scenario 场景文件;列出每项检查的结果(标出翻转)、合计与明细的变化",
  compareA: "A:.json 或 .xlsx 输入文件,或示例区县 id(zhenlai、wuzhen)",
  compareB: "B:同上;省略时为 A 加 --scenario 的场景",
  scenario: "场景文件(.json):对 B(省略 B 时对 A)的一组修改",
  compareOut: "把对比写成 B 的预算工作簿中的「对比」工作表,写出这个 .xlsx 文件",
  compareAll: "列出全部合计与明细(默认只列有变化的)",
  compareNeedsTwo: "请给出两个区县输入,或一个输入加 --scenario <场景文件>。",
  notADistrict: (arg: string, ids: string) =>
    `${arg} 既不是 .json 或 .xlsx 输入文件,也不是示例区县(可用:${ids})。`,
  scenarioHasErrors: "场景有错误,未进行对比。请改正后重试。",
  compareOutXlsx: (out: string) => `--out ${out}:请给出一个 .xlsx 文件。`,
  explain: "生成预算工作簿并把其中的「预算说明」写成 Word 文档(.docx),文字与工作表一致",
  explainOut: "输出目录或 .docx 文件(默认 out/<区县>-<年度>-预算说明.docx)",
  explainOutDocx: (out: string) => `--out ${out}:请给出一个目录或一个 .docx 文件。`,
  sampleLabel: (id: string) => `示例 ${id}`,
  withScenario: (base: string, name: string) => `${base} + 场景「${name}」`,
  compareSides: (a: string, b: string) => `对比:A = ${a},B = ${b}`,
  compareColumns: { change: "变化", item: "项目", sheet: "工作表", a: "A", b: "B", difference: "差额 B − A" },
  flipped: "⇄ 翻转",
  changed: "≠ 有变化",
  absent: "—",
  compareInputsTitle: "输入的变化:",
  compareChecksTitle: "检查结果:",
  compareTotalsTitle: "合计的变化:",
  compareLinesTitle: "明细的变化:",
  noDifferences: "两次生成没有差别。",
  compareChecksSummary: (checks: number, flipped: number) =>
    `检查结果变化 ${checks} 项(其中通过↔未通过 ${flipped} 项)`,
  compareValuesSummary: (totals: number, lines: number, inputs: number) =>
    `合计变化 ${totals} 项,明细变化 ${lines} 项,输入变化 ${inputs} 项`,
  moreRows: (n: number) => `……另有 ${n} 项(加 --all 全部列出)`,
  yes: "是",
  no: "否",
};

export type Texts = typeof zh;

const en: Texts = {
  description: "Build a district's annual education budget workbook (.xlsx) and check it against policy.",
  lang: "language of messages: zh or en (default from the LANG environment variable)",
  version: "show the version",
  help: "show help",
  helpCommand: "show help for a command",
  titles: {
    "Usage:": "Usage:",
    "Options:": "Options:",
    "Commands:": "Commands:",
    "Arguments:": "Arguments:",
    "Global Options:": "Global Options:",
  },
  exitCodes:
    "\nExit codes: 0 success; 1 a check failed (check --strict) or the input has errors (validate); 2 the input cannot be used (missing, unreadable or invalid file) or wrong usage; 70 an internal error.\n",
  examples:
    "\nExamples:\n  edu-budget generate --sample zhenlai --out out/\n  edu-budget template --out input.xlsx\n  edu-budget validate --input input.xlsx\n  edu-budget check --input district.json --strict\n  edu-budget pack-template --lang en --out pack.xlsx\n  edu-budget generate --input district.json --pack pack.xlsx\n  edu-budget compare wuzhen --scenario scenario.json --out comparison.xlsx\n  edu-budget explain --sample zhenlai --out out/\n",
  generate: "validate the input, build the budget workbook and write it as .xlsx",
  template: "write the input workbook (.xlsx) to fill in and read back with --input",
  check: "list the policy checks with their result (pass/fail) and detail",
  validate: "only validate the input and list its problems (file, sheet, row, column, message)",
  sample: "use a built-in sample district: zhenlai (speech 1) or wuzhen (speech 2)",
  input:
    "input file: .json, .xlsx (the input workbook) or .csv (one input sheet, replacing that sheet of --sample or of another --input); repeatable",
  pack: "policy pack id (when left out, the one the input names): national, zhenlai-2012, wuzhen-2004, edu-default; or a pack file (.json or .xlsx, see pack-template)",
  packTemplate:
    "write a policy pack template (every key with its value, unit, source and start year) to edit and read back with --pack",
  packFormat: "template format: xlsx (default) or json",
  packBasedOn: "the built-in pack the template is based on (default edu-default)",
  packYear:
    "the year whose values the template lists (default the pack's own year; 2025 for the national rules)",
  packTemplateOut: "output file (default out/pack-template.xlsx or .json)",
  badFormat: (format) => `--format ${format}: use xlsx or json.`,
  badYear: (year) => `--year ${year}: give a four-digit year from 1949 to 2100.`,
  packHasErrors: (file) => `The pack file ${file} has errors; no workbook was written. Fix them and retry.`,
  packFile: (file, changed, basedOn) =>
    `Pack file ${file}: based on ${basedOn}, ${changed} value(s) of your own`,
  out: "output folder or .xlsx file (default out/<district>-<year>-教育经费预算.xlsx)",
  templateOut: "output .xlsx file (default out/教育经费预算-录入模板.xlsx)",
  example: "fill the template with a sample district: zhenlai or wuzhen",
  strict: "exit with code 1 when any check fails",
  force: "replace the output file when it exists (an input file is never written over)",
  prior:
    "last year's generated budget workbook (.xlsx): the budget-year amounts of its budget lines become this year's prior-year amounts",
  columns: {
    severity: "Severity",
    file: "File",
    sheet: "Sheet",
    row: "Row",
    column: "Column",
    message: "Problem",
    accepts: "Accepts",
  },
  severity: { error: "error", warning: "warning" },
  checkColumns: { result: "Result", check: "Check", detail: "Detail" },
  reconciliationColumns: { item: "Reconciliation", difference: "Difference (stated − parts)" },
  reconciliationSummary: (agree, differ) => `Reconciliations: ${agree} agree, ${differ} differ`,
  badOut: (out) => `--out ${out}: give a folder or an .xlsx file.`,
  pass: "✓ pass",
  fail: "✗ fail",
  notApplicable: "– n/a",
  noProblems: "No problems found in the input.",
  problemCount: (errors, warnings) => `${errors} error(s), ${warnings} warning(s).`,
  inputHasErrors:
    "The input has errors; no workbook was written. Fix them and retry (edu-budget validate lists them).",
  needDistrict: "Choose the district data with --sample <sample> or --input <file>.",
  sampleAndJson:
    "--sample combines only with .csv inputs (a .json or .xlsx file is a whole district already).",
  oneBase: "Give one whole district source only (--sample, a .json or an .xlsx); .csv files may be several.",
  csvNeedsBase: (file) =>
    `${file} holds one input sheet: add --sample or an .xlsx input workbook for the other sheets.`,
  unknownSample: (id, ids) => `There is no sample district "${id}"; use one of: ${ids}.`,
  unknownPack: (id, ids) => `There is no policy pack "${id}"; use one of: ${ids}.`,
  unknownExtension: (file) => `Unsupported input file type: ${file} (use .json, .xlsx or .csv).`,
  fileMissing: (file) => `File not found: ${file}`,
  fileUnreadable: (file, reason) => `Cannot read ${file}: ${reason}`,
  cannotWrite: (file, reason) => `Cannot write ${file}: ${reason} (any file already there is unchanged)`,
  outputExists: (file) => `${file} already exists and was left as it is; add --force to replace it.`,
  outputIsInput: (file) =>
    `${file} is an input file and is never written over, not even with --force: choose another output file.`,
  outputLocked: (file, lock) =>
    `${file} is open in Excel, WPS or LibreOffice (its lock file ${lock} is beside it): close the file first, then retry.`,
  planProblems: "The generated workbook plan is inconsistent (a defect, please report it):",
  written: (file, kb) => `Wrote ${file} (${kb} KB)`,
  sheets: (count, names) => `${count} sheets: ${names}`,
  checksSummary: (passed, failed, notApplicable = 0) =>
    `Checks: ${passed} passed, ${failed} failed` +
    (notApplicable > 0 ? `, ${notApplicable} not applicable` : ""),
  failedChecks: "Failed checks:",
  district: (name, year, pack) => `District: ${name}, budget year ${year}, policy pack ${pack}`,
  strictFailed: (failed) => `${failed} check(s) failed or reconciliation(s) differ (--strict).`,
  listSeparator: ", ",
  ioReason: (error) => ioReason(error, {}),
  internalError: (message) => `Internal error: ${message} (set EDU_BUDGET_DEBUG=1 for details)`,
  compare:
    "compare two builds: two district inputs, or one input and a --scenario file; lists every check's verdict (flips marked) and the totals and lines that changed",
  compareA: "A: a .json or .xlsx input file, or a sample district id (zhenlai, wuzhen)",
  compareB: "B: the same; when left out, A with the --scenario applied",
  scenario:
    "scenario file (.json): a set of changes to B (to A when B is left out), see docs/input-formats.md",
  compareOut: "write the comparison as its own sheet, last in B's budget workbook, to this .xlsx file",
  compareAll: "list every total and line (by default only those that changed)",
  compareNeedsTwo: "Give two district inputs, or one input and --scenario <file>.",
  notADistrict: (arg, ids) =>
    `${arg} is neither a .json or .xlsx input file nor a sample district (use one of: ${ids}).`,
  scenarioHasErrors: "The scenario has errors; nothing was compared. Fix them and retry.",
  compareOutXlsx: (out) => `--out ${out}: give an .xlsx file.`,
  explain:
    "build the budget workbook and write its notes to the budget as a Word document (.docx), in the words of the sheet",
  explainOut: "output folder or .docx file (default out/<district>-<year>-预算说明.docx)",
  explainOutDocx: (out) => `--out ${out}: give a folder or a .docx file.`,
  sampleLabel: (id) => `sample ${id}`,
  withScenario: (base, name) => `${base} + scenario "${name}"`,
  compareSides: (a, b) => `Comparing: A = ${a}, B = ${b}`,
  compareColumns: {
    change: "Change",
    item: "Item",
    sheet: "Sheet",
    a: "A",
    b: "B",
    difference: "Difference B − A",
  },
  flipped: "⇄ flipped",
  changed: "≠ changed",
  absent: "—",
  compareInputsTitle: "Input changes:",
  compareChecksTitle: "Checks:",
  compareTotalsTitle: "Totals that changed:",
  compareLinesTitle: "Lines that changed:",
  noDifferences: "The two builds do not differ.",
  compareChecksSummary: (checks, flipped) => `${checks} check(s) changed (${flipped} between pass and fail)`,
  compareValuesSummary: (totals, lines, inputs) =>
    `${totals} total(s), ${lines} line(s), ${inputs} input(s) changed`,
  moreRows: (n) => `… and ${n} more (--all lists them all)`,
  yes: "yes",
  no: "no",
};

export const TEXTS: { readonly [L in Lang]: Texts } = { zh, en };
