/**
 * The input sheets (录入-区县 … 录入-声明) as rows of cell values → a validated district. Columns are found by
 * header name, so users may reorder them; every non-blank row becomes a model row or a problem, and every problem
 * says sheet, row and column as Excel shows them. rows[0] is the sheet's row 1.
 */
import {
  DEBT_ROW_TYPES,
  FISCAL_YEARS,
  OPTIONAL_GROUPS,
  SHEETS,
  headerNames,
  normalizeHeader,
  sheetSpec,
  type FieldSpec,
  type SheetKey,
  type SheetSpec,
} from "../layout";
import { hasErrors, pathText, type Location, type Path, type Problem, type ProblemCode } from "../problems";
import { KNOWN_POLICY_PACKS, validateDistrict, type DistrictResult } from "../validate";
import { convertCell, isBlank } from "./cells";
import { sampleLeftovers } from "./leftovers";
import { EXAMPLE_COLUMN, isExampleHeader, isHelpHeader, matchesExample, THREE_GROWTHS } from "./template";

export interface InputTable {
  readonly sheet: string;
  readonly rows: readonly (readonly unknown[])[];
}

type Row = Record<string, unknown>;

interface Context {
  readonly file: string;
  readonly problems: Problem[];
  readonly locations: Map<string, Location>;
  readonly reported: Set<string>;
  /** Some cell outside the example rows holds a value. */
  filled: boolean;
  /** The sheets on which an example row was found (and left out). */
  readonly exampleRows: Set<SheetKey>;
  /**
   * Errors that hold only when something else was filled in (录入-财政 without one figure, a required sheet with only
   * its example row); otherwise the one "nothing filled in" error says it all.
   */
  readonly whenFilled: (() => void)[];
  /** The years of the 偿还能力 rows, as the sheet gives them. */
  readonly capacityYears: number[];
  /** Problems of years measured from the budget year: left out when the budget year itself is the problem. */
  readonly fromBudgetYear: Set<Problem>;
}

/** The sheet spec a sheet (or CSV file) name stands for: 录入-学校, 学校, schools. */
export function specForName(name: string): SheetSpec | undefined {
  const wanted = normalizeHeader(name.replace(/^录入[-－—_]?/, ""));
  return SHEETS.find((spec) =>
    [spec.name.replace(/^录入-/, ""), spec.nameEn, ...spec.fileNames].some(
      (candidate) => normalizeHeader(candidate) === wanted,
    ),
  );
}

export function readDistrictTables(
  tables: readonly InputTable[],
  fileName: string,
  knownPacks: readonly string[] = KNOWN_POLICY_PACKS,
): DistrictResult {
  const context: Context = {
    file: fileName,
    problems: [],
    locations: new Map(),
    reported: new Set(),
    filled: false,
    exampleRows: new Set(),
    whenFilled: [],
    capacityYears: [],
    fromBudgetYear: new Set(),
  };
  const tableOf = (key: SheetKey) => findTable(tables, sheetSpec(key), context);
  const district: Row = {};
  readKeyValues(tableOf("district"), sheetSpec("district"), district, context);
  district.fiscal = { ...(district.fiscal as Row | undefined), ...readFiscal(tableOf("fiscal"), context) };
  district.schools = readList(tableOf("schools"), sheetSpec("schools"), ["schools"], context);
  district.projects = readList(tableOf("projects"), sheetSpec("projects"), ["projects"], context);
  const prior = readList(tableOf("prior"), sheetSpec("prior"), ["priorProjects"], context) ?? [];
  if (prior.length > 0) district.priorProjects = prior;
  const priorBudget =
    readList(tableOf("priorBudget"), sheetSpec("priorBudget"), ["priorBudgetLines"], context) ?? [];
  if (priorBudget.length > 0) district.priorBudgetLines = priorBudget;
  district.mergers = readList(tableOf("mergers"), sheetSpec("mergers"), ["mergers"], context);
  const preschool = (district.preschool ?? {}) as Row;
  preschool.planned = readList(
    tableOf("preschool"),
    sheetSpec("preschool"),
    ["preschool", "planned"],
    context,
  );
  district.preschool = preschool;
  district.debts = readDebts(tableOf("debts"), district, context);
  readTerm(district, context, tableOf);
  district.statedCounts = readStated(tableOf("stated"), context);
  // An input sheet found but nothing filled in: one error that says what to fill, not one per empty field.
  if (!context.filled && tables.some((table) => specForName(table.sheet)))
    return { problems: [...context.problems, nothingFilled(fileName)] };
  for (const report of context.whenFilled) report();
  const validation = validateDistrict(
    district,
    {
      file: fileName,
      locate: (path) => locate(context.locations, path),
      reported: context.reported,
      capacityYears: context.capacityYears,
    },
    knownPacks,
  );
  // A budget year that the inputs counted in years do not fit is the one problem, not each of them as well.
  const wrongBudgetYear = validation.problems.some((p) => p.field === "budgetYear" && p.severity === "error");
  for (const leftover of sampleLeftovers(district))
    problem(
      context,
      leftover.path,
      locate(context.locations, leftover.path) ?? {},
      leftover.message,
      leftover.messageEn,
      leftover.accepts,
      true,
      leftover.code,
    );
  const problems = [
    ...context.problems.filter((p) => !(wrongBudgetYear && context.fromBudgetYear.has(p))),
    ...validation.problems,
  ];
  return { district: hasErrors(problems) ? undefined : validation.district, problems };
}

/**
 * The term plan's sheets (往年在校生, 出生人口, 新生, 升级比例, 净迁移) and items (规划末年, 增长率): a district gets a term
 * when any of them is filled in.
 */
function readTerm(district: Row, context: Context, tableOf: (key: SheetKey) => InputTable | undefined): void {
  const items = (district.term ?? {}) as Row;
  const lists = {
    history: readList(tableOf("history"), sheetSpec("history"), ["term", "history"], context) ?? [],
    births: readList(tableOf("births"), sheetSpec("births"), ["term", "births"], context) ?? [],
    entrants: readList(tableOf("entrants"), sheetSpec("entrants"), ["term", "entrants"], context) ?? [],
    ratios: readList(tableOf("ratios"), sheetSpec("ratios"), ["term", "ratios"], context) ?? [],
    migration: readList(tableOf("migration"), sheetSpec("migration"), ["term", "migration"], context) ?? [],
  };
  const given =
    Object.values(items).some((value) => value !== undefined) ||
    Object.values(lists).some((rows) => rows.length > 0);
  if (given) district.term = { ...items, ...lists };
}

/** What an input must hold at the least: the required items of 录入-区县, all of 录入-财政, the schools. */
function nothingFilled(file: string): Problem {
  const required = (key: SheetKey) =>
    [...(sheetSpec(key).rows ?? sheetSpec(key).columns)].filter((field) => field.required);
  const zh = (key: SheetKey) =>
    required(key)
      .map((field) => field.zh)
      .join("、");
  const en = (key: SheetKey) =>
    required(key)
      .map((field) => field.en)
      .join(", ");
  const [district, fiscal, schools] = [sheetSpec("district"), sheetSpec("fiscal"), sheetSpec("schools")];
  const optional = SHEETS.filter((spec) => !spec.required).map((spec) => `「${spec.name}」`);
  return {
    severity: "error",
    file,
    field: "",
    message:
      `录入表尚未填写(示例行不计)。至少须填写:「${district.name}」的${zh("district")};` +
      `「${fiscal.name}」上年(T−1)和本年(T)两列的全部 9 项(${THREE_GROWTHS[0]});` +
      `「${schools.name}」每所学校一行(${zh("schools")})。${optional.join("")}不填即为没有。`,
    messageEn:
      `Nothing is filled in (example rows do not count). Fill in at least: on ${district.name}, ${en("district")}; ` +
      `on ${fiscal.name}, all 9 items for the prior year (T−1) and the budget year (T) (${THREE_GROWTHS[1]}); ` +
      `on ${schools.name}, one row per school (${en("schools")}). Sheets left empty mean none.`,
    accepts: "填写方法见「填表说明」工作表",
    code: "nothingFilled",
  };
}

function locate(locations: ReadonlyMap<string, Location>, path: Path): Location | undefined {
  for (let length = path.length; length >= 0; length--) {
    const found = locations.get(pathText(path.slice(0, length)));
    if (found) return found;
  }
  return undefined;
}

function problem(
  context: Context,
  path: Path,
  location: Location,
  zh: string,
  en: string,
  accepts?: string,
  warning = false,
  code?: ProblemCode,
  acceptsEn?: string,
): Problem {
  const found: Problem = {
    severity: warning ? "warning" : "error",
    file: context.file,
    ...location,
    field: pathText(path),
    message: zh,
    messageEn: en,
    ...(accepts !== undefined && { accepts }),
    ...(code !== undefined && { code }),
    ...(acceptsEn !== undefined && acceptsEn !== accepts && { acceptsEn }),
  };
  context.problems.push(found);
  if (!warning) context.reported.add(pathText(path));
  return found;
}

function findTable(tables: readonly InputTable[], spec: SheetSpec, context: Context): InputTable | undefined {
  const table =
    tables.find((candidate) => candidate.sheet === spec.name) ??
    tables.find((candidate) => specForName(candidate.sheet) === spec);
  if (!table)
    problem(
      context,
      [spec.key],
      { sheet: spec.name },
      spec.required ? `缺少工作表「${spec.name}」` : `未找到工作表「${spec.name}」,按无数据处理`,
      spec.required ? `Sheet "${spec.name}" is missing` : `Sheet "${spec.name}" not found; read as empty`,
      spec.required ? `名为「${spec.name}」的工作表` : undefined,
      !spec.required,
    );
  return table;
}

// ---------------------------------------------------------------- headers

interface Header {
  readonly row: number;
  /** field → column index and the header text as written. */
  readonly columns: ReadonlyMap<string, { index: number; text: string }>;
  /** The 示例 marker column, when the sheet has one. */
  readonly example?: { index: number; text: string };
}

const firstFilledRow = (table: InputTable): number =>
  table.rows.findIndex((row) => row.some((cell) => !isBlank(cell)));

/** "A", "B", … "Z", "AA": the column letter Excel shows for a 0-based index. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** How many cells of a row are headers of the sheet. */
function headerMatches(
  row: readonly unknown[],
  spec: SheetSpec,
  extra: (field: FieldSpec) => string[],
): number {
  return row.filter((cell) => {
    if (isBlank(cell)) return false;
    const wanted = normalizeHeader(String(cell).trim());
    return spec.columns.some((field) => [...headerNames(field), ...extra(field)].includes(wanted));
  }).length;
}

/** Rows above the header a sheet may carry: a title, a unit line, a date. */
const TITLE_ROWS = 5;

/**
 * The index of the header row: the first filled row, unless it names no column and one of the next rows names two
 * or more (a title such as 「2024 年学校基本情况表」 above the header).
 */
export function headerRowIndex(
  table: InputTable,
  spec: SheetSpec,
  extra: (field: FieldSpec) => string[] = () => [],
): number {
  const first = firstFilledRow(table);
  if (first < 0 || headerMatches(table.rows[first] ?? [], spec, extra) > 0) return first;
  for (let index = first + 1; index < Math.min(table.rows.length, first + 1 + TITLE_ROWS); index++)
    if (headerMatches(table.rows[index] ?? [], spec, extra) >= 2) return index;
  return first;
}

function readHeader(
  table: InputTable,
  spec: SheetSpec,
  context: Context,
  extraNames: (field: FieldSpec) => string[] = () => [],
): Header | undefined {
  const index = headerRowIndex(table, spec, extraNames);
  if (index < 0) {
    if (spec.required)
      problem(
        context,
        [spec.key],
        { sheet: table.sheet },
        `工作表「${table.sheet}」是空的`,
        `Sheet "${table.sheet}" is empty`,
        "表头行和数据行",
      );
    return undefined;
  }
  const rowNumber = index + 1;
  const first = firstFilledRow(table);
  if (index > first)
    problem(
      context,
      [spec.key],
      { sheet: table.sheet, row: first + 1 },
      `第 ${first + 1}${index > first + 1 ? `–${index}` : ""} 行是表头上方的标题,已跳过;表头在第 ${rowNumber} 行`,
      `Row${index > first + 1 ? `s ${first + 1}-${index}` : ` ${first + 1}`} above the header read as a title and skipped; the header is row ${rowNumber}`,
      undefined,
      true,
    );
  else if (headerMatches(table.rows[index] ?? [], spec, extraNames) === 0)
    problem(
      context,
      [spec.key],
      { sheet: table.sheet, row: rowNumber },
      `第 ${rowNumber} 行应为表头(列名),但没有一个可识别的列名;表头须在数据上方、标题(如有)之下 ${TITLE_ROWS} 行之内`,
      `Row ${rowNumber} should be the header (column names) but names no known column; the header must be above the data, within ${TITLE_ROWS} rows below any title`,
      spec.columns
        .filter((field) => field.required)
        .map((field) => field.zh)
        .join("、"),
    );
  const columns = new Map<string, { index: number; text: string }>();
  let example: { index: number; text: string } | undefined;
  (table.rows[index] ?? []).forEach((cell, column) => {
    if (isBlank(cell)) return;
    const text = String(cell).trim();
    if (isHelpHeader(text)) return;
    if (isExampleHeader(text) && !example) {
      example = { index: column, text };
      return;
    }
    const wanted = normalizeHeader(text);
    const field = spec.columns.find((candidate) =>
      [...headerNames(candidate), ...extraNames(candidate)].includes(wanted),
    );
    const at = { sheet: table.sheet, row: rowNumber, column: text };
    if (!field)
      problem(
        context,
        [spec.key],
        at,
        `未识别的列「${text}」,已忽略`,
        `Unknown column "${text}" ignored`,
        undefined,
        true,
      );
    else if (columns.has(field.field)) {
      const firstAt = columnLetter(columns.get(field.field)?.index ?? 0);
      problem(
        context,
        [spec.key, field.field],
        at,
        `第 ${columnLetter(column)} 列「${text}」与第 ${firstAt} 列重复(合并单元格的表头也会这样):请删去或改名`,
        `Column ${columnLetter(column)} "${text}" repeats column ${firstAt} (a merged header cell does this too): remove or rename it`,
        "每列只出现一次",
        false,
        undefined,
        "each column once",
      );
    } else columns.set(field.field, { index: column, text });
  });
  for (const field of spec.columns)
    if (field.required && !columns.has(field.field))
      problem(
        context,
        [spec.key, field.field],
        { sheet: table.sheet, row: rowNumber, column: field.zh },
        `缺少必填列「${field.zh}」`,
        `Required column "${field.zh}" (${field.en}) is missing`,
        `表头为「${field.zh}」或「${field.en}」的列`,
      );
  return { row: rowNumber, columns, ...(example && { example }) };
}

/**
 * Data rows after the header, blank rows skipped, with their Excel row numbers. An example row (marked in the 示例
 * column, or equal to the template's example) is left out with a warning, so no example value becomes data.
 */
function dataRows(
  table: InputTable,
  header: Header,
  key: SheetKey,
  context: Context,
): { row: number; cells: readonly unknown[] }[] {
  const filled = table.rows
    .map((cells, index) => ({ row: index + 1, cells }))
    .filter(
      ({ row, cells }) =>
        row > header.row && cells.some((cell, index) => !isBlank(cell) && index !== header.example?.index),
    );
  return filled.filter(({ row, cells }) => {
    const marked = header.example !== undefined && !isBlank(cells[header.example.index]);
    const example =
      marked ||
      matchesExample(key, (field) => {
        const column = header.columns.get(field);
        return { present: column !== undefined, cell: column && cells[column.index] };
      });
    if (example) exampleRow(context, key, table.sheet, row, marked ? header.example?.text : undefined);
    return !example;
  });
}

function exampleRow(context: Context, key: SheetKey, sheet: string, row: number, marker?: string): void {
  context.exampleRows.add(key);
  problem(
    context,
    [key],
    { sheet, row, column: marker ?? EXAMPLE_COLUMN.zh },
    marker
      ? `第 ${row} 行是模板的示例行(「${marker}」列标有示例),未读入:请删除该行;若这一行已改为本区数据,请清空其「${marker}」单元格`
      : `第 ${row} 行与模板的示例行相同,未读入:请删除该行或填入本区数据`,
    marker
      ? `Row ${row} is the template's example row (marked in the ${marker} column) and was not read: delete it, or clear its ${marker} cell if it now holds your district's data`
      : `Row ${row} is the template's example row and was not read: delete it or fill in your district's data`,
    "本区的数据行(「示例」列留空)",
    true,
    "exampleRow",
  );
}

/** Reads one cell into `target` at `path` (dotted field inside the row), registering where it came from. */
function readCell(
  context: Context,
  target: Row,
  field: FieldSpec,
  cell: unknown,
  path: Path,
  location: Location,
): void {
  context.locations.set(pathText(path), location);
  if (isBlank(cell)) return;
  context.filled = true;
  const converted = convertCell(cell, field);
  if (!converted.ok) {
    problem(
      context,
      path,
      location,
      `${field.zh}:${converted.zh}`,
      `${field.en}: ${converted.en}`,
      converted.accepts,
      false,
      undefined,
      converted.acceptsEn,
    );
    return;
  }
  if (converted.removed)
    problem(
      context,
      path,
      location,
      `${field.zh}:含有 XML 无法保存的字符(${converted.removed.join("、")}),已删除`,
      `${field.en}: characters an .xlsx file cannot hold (${converted.removed.join(", ")}) were removed`,
      undefined,
      true,
    );
  const keys = field.field.split(".");
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) node = (node[key] ??= {}) as Row;
  node[last] = converted.value;
}

// ---------------------------------------------------------------- sheets

function readList(
  table: InputTable | undefined,
  spec: SheetSpec,
  base: Path,
  context: Context,
): Row[] | undefined {
  context.locations.set(pathText(base), { sheet: spec.name });
  // A missing required sheet stays missing, so checks that need its rows (school codes) do not pile up.
  if (!table) return spec.required ? undefined : [];
  const header = readHeader(table, spec, context);
  if (!header) return [];
  const rows = dataRows(table, header, spec.key, context);
  if (spec.required && rows.length === 0 && context.exampleRows.has(spec.key))
    context.whenFilled.push(() =>
      problem(
        context,
        base,
        { sheet: table.sheet, row: header.row + 1 },
        `「${table.sheet}」只有模板的示例行:请填入本区的数据,每行一项`,
        `${table.sheet} holds only the template's example row: fill in your district's rows`,
        "本区的数据行(「示例」列留空)",
      ),
    );
  return rows.map(({ row, cells }, index) => {
    const target: Row = {};
    context.locations.set(pathText([...base, index]), { sheet: table.sheet, row });
    const blank: FieldSpec[] = [];
    for (const field of spec.columns) {
      const path = [...base, index, ...field.field.split(".")];
      const column = header.columns.get(field.field);
      if (!column) {
        if (field.required) context.reported.add(pathText(path));
        continue;
      }
      if (field.required && isBlank(cells[column.index])) blank.push(field);
      readCell(context, target, field, cells[column.index], path, {
        sheet: table.sheet,
        row,
        column: column.text,
      });
    }
    incompleteRow(context, spec, header, target, [...base, index], { sheet: table.sheet, row }, blank);
    return target;
  });
}

/**
 * A row with several required cells left blank, or none of a group of cells (the grades) filled, is one problem
 * naming what is missing, instead of one per field.
 */
function incompleteRow(
  context: Context,
  spec: SheetSpec,
  header: Header,
  target: Row,
  path: Path,
  location: Location,
  blank: readonly FieldSpec[],
): void {
  const groups = [
    ...new Set(spec.columns.filter((f) => f.field.includes(".")).map((f) => f.field.split(".")[0])),
  ].filter((group) => group === undefined || !OPTIONAL_GROUPS.has(group));
  const emptyGroups = groups.filter(
    (group): group is string =>
      group !== undefined &&
      target[group] === undefined &&
      spec.columns.some((f) => f.field.startsWith(`${group}.`) && header.columns.has(f.field)),
  );
  if (blank.length < 2 && emptyGroups.length === 0) return;
  const groupNames = emptyGroups.map((group) => {
    const fields = spec.columns.filter((f) => f.field.startsWith(`${group}.`));
    const [first, last] = [fields[0], fields[fields.length - 1]];
    return {
      zh: `${first?.zh ?? group}…${last?.zh ?? ""}(至少一项)`,
      en: `${first?.en ?? group}…${last?.en ?? ""} (at least one)`,
    };
  });
  const names = [...blank.map((f) => ({ zh: f.zh, en: f.en })), ...groupNames];
  problem(
    context,
    path,
    location,
    `第 ${location.row ?? ""} 行不完整,缺少:${names.map((n) => n.zh).join("、")}`,
    `Row ${location.row ?? ""} is incomplete; missing: ${names.map((n) => n.en).join(", ")}`,
    "填写这些项,或删除该行",
    false,
    undefined,
    "fill them in, or delete the row",
  );
  for (const field of blank) context.reported.add(pathText([...path, ...field.field.split(".")]));
  for (const group of emptyGroups) context.reported.add(pathText([...path, group]));
}

/**
 * The rows of an item sheet (录入-区县, 录入-财政): the 项目 column names a field of spec.rows. Unknown and repeated
 * items are reported (the path says where in the model) and left out; the rest come with their field.
 */
function itemRows(
  table: InputTable,
  header: Header,
  keyColumn: { index: number; text: string },
  spec: SheetSpec,
  context: Context,
  pathOf: (field?: FieldSpec) => Path,
): { row: number; cells: readonly unknown[]; field: FieldSpec }[] {
  const seen = new Set<string>();
  const items: { row: number; cells: readonly unknown[]; field: FieldSpec }[] = [];
  for (const { row, cells } of dataRows(table, header, spec.key, context)) {
    const key = String(cells[keyColumn.index] ?? "").trim();
    const field = (spec.rows ?? []).find((candidate) =>
      headerNames(candidate).includes(normalizeHeader(key)),
    );
    const at = { sheet: table.sheet, row, column: keyColumn.text };
    if (!field) {
      problem(
        context,
        pathOf(),
        at,
        `未识别的项目「${key}」,已忽略`,
        `Unknown item "${key}" ignored`,
        (spec.rows ?? []).map((r) => r.zh).join("/"),
        true,
      );
    } else if (seen.has(field.field)) {
      problem(
        context,
        pathOf(field),
        at,
        `项目「${key}」重复`,
        `Item "${key}" appears twice`,
        "每个项目只填一行",
      );
    } else {
      seen.add(field.field);
      items.push({ row, cells, field });
    }
  }
  return items;
}

/** Key/value rows (录入-区县): the 项目 column names the field, the 值 column holds it. */
function readKeyValues(
  table: InputTable | undefined,
  spec: SheetSpec,
  district: Row,
  context: Context,
): void {
  for (const field of spec.rows ?? []) context.locations.set(field.field, { sheet: spec.name });
  const header = table && readHeader(table, spec, context);
  const keyColumn = header?.columns.get("key");
  const valueColumn = header?.columns.get("value");
  if (!table || !header || !keyColumn || !valueColumn) {
    // The sheet or its columns are missing and already reported: its fields are not reported again one by one.
    for (const field of spec.rows ?? []) if (field.required) context.reported.add(field.field);
    return;
  }
  const pathOf = (field?: FieldSpec): Path => (field ? field.field.split(".") : [spec.key]);
  for (const { row, cells, field } of itemRows(table, header, keyColumn, spec, context, pathOf)) {
    readCell(context, district, field, cells[valueColumn.index], field.field.split("."), {
      sheet: table.sheet,
      row,
      column: valueColumn.text,
    });
  }
}

/** 录入-财政: one row per item, one column per year (上年, 本年). */
function readFiscal(table: InputTable | undefined, context: Context): Row {
  const spec = sheetSpec("fiscal");
  const fiscal: Row = {};
  context.locations.set("fiscal", { sheet: spec.name });
  for (const year of FISCAL_YEARS) context.locations.set(`fiscal.${year.key}`, { sheet: spec.name });
  if (!table) {
    context.reported.add("fiscal.prior").add("fiscal.current");
    return fiscal;
  }
  const yearAliases = (field: FieldSpec) =>
    (FISCAL_YEARS.find((year) => year.key === field.field)?.aliases ?? []).map(normalizeHeader);
  const header = readHeader(table, spec, context, yearAliases);
  const keyColumn = header?.columns.get("key");
  for (const year of FISCAL_YEARS)
    if (!header?.columns.has(year.key) || !keyColumn) context.reported.add(`fiscal.${year.key}`);
  if (!header || !keyColumn) return fiscal;
  const pathOf = (field?: FieldSpec): Path => (field ? ["fiscal", field.field] : ["fiscal"]);
  const filledBefore = context.filled;
  context.filled = false;
  const items = itemRows(table, header, keyColumn, spec, context, pathOf);
  for (const { row, cells, field } of items) {
    for (const year of FISCAL_YEARS) {
      const column = header.columns.get(year.key);
      if (!column) continue;
      fiscal[year.key] ??= {};
      readCell(
        context,
        fiscal[year.key] as Row,
        field,
        cells[column.index],
        ["fiscal", year.key, field.field],
        {
          sheet: table.sheet,
          row,
          column: column.text,
        },
      );
    }
  }
  if (!context.filled && items.length > 0) {
    // Not one figure: a single error that says why the sheet is needed, instead of one per blank cell.
    const at = { sheet: table.sheet, row: items[0]?.row ?? header.row + 1 };
    context.whenFilled.push(() => emptyFiscal(context, at));
    context.reported.add("fiscal.prior").add("fiscal.current");
  }
  context.filled ||= filledBefore;
  for (const year of FISCAL_YEARS) fiscal[year.key] ??= {};
  return fiscal;
}

function emptyFiscal(context: Context, at: Location): void {
  const spec = sheetSpec("fiscal");
  const column = FISCAL_YEARS.map((year) => year.zh).join("、");
  problem(
    context,
    ["fiscal"],
    { ...at, column },
    `财政数据未填写:上年(T−1)和本年(T)两列的 9 项都须填写,${THREE_GROWTHS[0]};没有它们不能生成预算`,
    `No fiscal figures: fill in all 9 items for the prior year (T−1) and the budget year (T); ${THREE_GROWTHS[1]}, and without them the budget cannot be generated`,
    `「${spec.name}」上年、本年两列各 ${(spec.rows ?? []).length} 项(金额以万元计,人数为整数)`,
  );
}

/** 录入-债务: 欠款 rows are the items, one 声明总额 row, one 偿还能力 row per year from T to the term end. */
function readDebts(table: InputTable | undefined, district: Row, context: Context): Row | undefined {
  const spec = sheetSpec("debts");
  context.locations.set("debts", { sheet: spec.name });
  if (!table) return undefined;
  const header = readHeader(table, spec, context);
  if (!header) return undefined;
  const rows = dataRows(table, header, "debts", context);
  if (rows.length === 0) return undefined;
  const field = (name: string) => spec.columns.find((column) => column.field === name) as FieldSpec;
  const debts: Row = { items: [] };
  const items = debts.items as Row[];
  const capacity = new Map<number, { amount: unknown; row: number }>();
  const repeated: Repeated[] = [];
  for (const { row, cells } of rows) {
    const cellOf = (name: string) => {
      const column = header.columns.get(name);
      return {
        cell: column ? cells[column.index] : undefined,
        at: { sheet: table.sheet, row, column: column?.text ?? field(name).zh },
      };
    };
    const parsed: Row = {};
    const type = cellOf("rowType");
    readCell(context, parsed, field("rowType"), type.cell, ["debts", `row${row}`, "rowType"], type.at);
    if (parsed.rowType === "item") {
      const path = ["debts", "items", items.length];
      const item: Row = {};
      context.locations.set(pathText(path), { sheet: table.sheet, row });
      for (const name of ["item", "category", "amount", "step"]) {
        const { cell, at } = cellOf(name);
        readCell(context, item, field(name), cell, [...path, name], at);
      }
      items.push(item);
    } else if (parsed.rowType === "statedTotal") {
      const { cell, at } = cellOf("amount");
      // The 项目 cell of the stated-total row says where the total is stated.
      const where = cellOf("item").cell;
      if (typeof where === "string" && where.trim() !== "") debts.statedSource = where.trim();
      if ("statedTotal" in debts || context.locations.has("debts.statedTotal"))
        problem(
          context,
          ["debts", "statedTotal"],
          at,
          "声明总额只能填一行",
          "Only one stated total row is allowed",
          "一行声明总额",
        );
      else
        readCell(
          context,
          debts,
          { ...field("amount"), field: "statedTotal" },
          cell,
          ["debts", "statedTotal"],
          at,
        );
    } else if (parsed.rowType === "capacity") {
      const year: Row = {};
      const { cell, at } = cellOf("year");
      readCell(context, year, field("year"), cell, ["debts", "annualCapacity", `row${row}`], at);
      const amount = cellOf("amount");
      if (typeof year.year !== "number") {
        if (isBlank(cell))
          problem(
            context,
            ["debts", "annualCapacity"],
            at,
            "偿还能力行须填写年度",
            "A capacity row needs its year",
            "四位年份",
          );
      } else if (capacity.has(year.year)) repeated.push({ year: year.year, at });
      else capacity.set(year.year, { amount: amount.cell, row });
    } else if (isBlank(type.cell))
      problem(
        context,
        ["debts", `row${row}`],
        type.at,
        "行类型必填",
        "Row type is required",
        DEBT_ROW_TYPES.map((o) => o.zh).join("/"),
      );
  }
  debts.annualCapacity = readCapacity(capacity, repeated, district, table.sheet, context);
  return debts;
}

/** A 偿还能力 row whose year an earlier row already has. */
interface Repeated {
  readonly year: number;
  readonly at: Location & { readonly row: number };
}

function readCapacity(
  capacity: ReadonlyMap<number, { amount: unknown; row: number }>,
  repeated: readonly Repeated[],
  district: Row,
  sheet: string,
  context: Context,
): unknown[] {
  const [start, end] = [district.budgetYear, district.termEndYear];
  const amountField = sheetSpec("debts").columns.find((column) => column.field === "amount") as FieldSpec;
  const years = [...capacity.keys()].sort((a, b) => a - b);
  context.capacityYears.push(...years);
  const repeatedProblems = () => {
    for (const { year, at } of repeated)
      problem(
        context,
        ["debts", "annualCapacity"],
        at,
        `${year} 年的偿还能力重复`,
        `Capacity for ${year} appears twice`,
        "每年一行",
      );
  };
  // A term end before the budget year is the one problem (the district's own check): no year is measured by it.
  if (typeof start !== "number" || typeof end !== "number" || end < start) {
    repeatedProblems();
    return years.map((year) => capacity.get(year)?.amount);
  }
  const values: unknown[] = [];
  const outside = years.filter((year) => year < start || year > end);
  const firstOutside = capacity.get(outside[0] ?? NaN);
  const missing = Array.from({ length: Math.max(0, end - start + 1) }, (_, k) => start + k).filter(
    (year) => !capacity.has(year),
  );
  // Rows whose years are repeated or outside the term, as many as the years of the term that are missing: their
  // years were mistyped, and that is the one problem, at those rows.
  const strays = [
    ...repeated.map(({ year, at }) => ({ year, row: at.row, why: "重复", whyEn: "repeated" })),
    ...outside.map((year) => ({
      year,
      row: capacity.get(year)?.row ?? 0,
      why: `不在预算年度至任期截止年度(${start}–${end})之内`,
      whyEn: `outside ${start}-${end}`,
    })),
  ].sort((a, b) => a.row - b.row);
  const [stray] = strays;
  const mistyped = stray !== undefined && strays.length === missing.length;
  if (mistyped) {
    const [zh, en] =
      strays.length === 1
        ? [
            `偿还能力年度 ${stray.year} ${stray.why}, 而缺少 ${missing[0]} 年的偿还能力: 请核对本行的年度`,
            `Capacity year ${stray.year} is ${stray.whyEn}, while ${missing[0]} is missing: check the year of this row`,
          ]
        : [
            `偿还能力第 ${strays.map((s) => s.row).join("、")} 行的年度 ${strays.map((s) => `${s.year} ${s.why}`).join("、")}, 而缺少 ${missing.join("、")} 年的偿还能力: 请核对这些行的年度`,
            `Capacity rows ${strays.map((s) => s.row).join(", ")}: years ${strays.map((s) => `${s.year} ${s.whyEn}`).join(", ")}, while ${missing.join(", ")} are missing: check the years of these rows`,
          ];
    context.fromBudgetYear.add(
      problem(
        context,
        ["debts", "annualCapacity"],
        { sheet, row: stray.row, column: "年度" },
        zh,
        en,
        missing.join("、"),
      ),
    );
  } else repeatedProblems();
  // Rows of every year from the budget year to another end: the term end may be the year to correct.
  const last = years[years.length - 1];
  const toOtherEnd =
    repeated.length === 0 &&
    last !== undefined &&
    last !== end &&
    years[0] === start &&
    years.every((year, k) => year === start + k);
  const [endZh, endEn] = toOtherEnd
    ? [
        `; 偿还能力填至 ${last} 年: 若任期至 ${last} 年, 请改「本届政府任期截止年度」`,
        `; the capacity runs to ${last}: if the term ends in ${last}, correct the term end year`,
      ]
    : ["", ""];
  if (firstOutside && !mistyped)
    // The years outside the term, in one problem at the first of their rows.
    context.fromBudgetYear.add(
      problem(
        context,
        ["debts", "annualCapacity"],
        { sheet, row: firstOutside.row, column: "年度" },
        `偿还能力年度 ${outside.join("、")} 不在预算年度至任期截止年度(${start}–${end})之内${endZh}`,
        `Capacity year${outside.length > 1 ? "s" : ""} ${outside.join(", ")} ${outside.length > 1 ? "are" : "is"} outside ${start}-${end}${endEn}`,
        `${start}–${end}`,
      ),
    );
  for (const year of years) {
    const entry = capacity.get(year) as { amount: unknown; row: number };
    if (year < start || year > end) continue;
    const target: Row = {};
    readCell(context, target, amountField, entry.amount, ["debts", "annualCapacity", year - start], {
      sheet,
      row: entry.row,
      column: "金额(万元)",
    });
    values[year - start] = target.amount;
  }
  if (missing.length > 0 && !mistyped)
    context.fromBudgetYear.add(
      problem(
        context,
        ["debts", "annualCapacity"],
        { sheet },
        `缺少 ${missing.join("、")} 年的偿还能力${endZh}`,
        `Annual capacity missing for ${missing.join(", ")}${endEn}`,
        `${start}–${end} 每年一行「偿还能力」`,
      ),
    );
  return values;
}

/** 录入-声明: one row per listed item; a blank 声明 continues the one above. */
function readStated(table: InputTable | undefined, context: Context): Row[] {
  const spec = sheetSpec("stated");
  context.locations.set("statedCounts", { sheet: spec.name });
  if (!table) return [];
  const header = readHeader(table, spec, context);
  if (!header) return [];
  const field = (name: string) => spec.columns.find((column) => column.field === name) as FieldSpec;
  const groups: Row[] = [];
  const byLabel = new Map<string, Row>();
  let current: Row | undefined;
  for (const { row, cells } of dataRows(table, header, "stated", context)) {
    const cellOf = (name: string) => {
      const column = header.columns.get(name);
      return {
        cell: column ? cells[column.index] : undefined,
        at: { sheet: table.sheet, row, column: column?.text ?? field(name).zh },
      };
    };
    const label = cellOf("label");
    const labelText = isBlank(label.cell) ? undefined : String(label.cell).trim();
    if (labelText !== undefined) current = byLabel.get(labelText);
    if (!current || (labelText !== undefined && current.label !== labelText)) {
      const index = groups.length;
      current = { items: [] };
      groups.push(current);
      if (labelText !== undefined) byLabel.set(labelText, current);
      context.locations.set(pathText(["statedCounts", index]), { sheet: table.sheet, row });
      readCell(context, current, field("label"), label.cell, ["statedCounts", index, "label"], label.at);
    }
    const index = groups.indexOf(current);
    const stated = cellOf("stated");
    const statedValue: Row = {};
    readCell(
      context,
      statedValue,
      field("stated"),
      stated.cell,
      ["statedCounts", index, `row${row}`],
      stated.at,
    );
    if (statedValue.stated !== undefined) {
      if (current.stated === undefined) {
        current.stated = statedValue.stated;
        context.locations.set(pathText(["statedCounts", index, "stated"]), stated.at);
      } else if (current.stated !== statedValue.stated)
        problem(
          context,
          ["statedCounts", index, "stated"],
          stated.at,
          `同一声明的声明数不一致(${String(current.stated)} 与 ${String(statedValue.stated)})`,
          "Stated counts of one statement disagree",
          `${String(current.stated)}`,
        );
    }
    const item = cellOf("item");
    const items = current.items as unknown[];
    readCell(
      context,
      { items },
      { ...field("item"), field: `items.${items.length}` },
      item.cell,
      ["statedCounts", index, "items", items.length],
      item.at,
    );
    const source = cellOf("source");
    if (current.source === undefined)
      readCell(context, current, field("source"), source.cell, ["statedCounts", index, "source"], source.at);
  }
  return groups;
}
