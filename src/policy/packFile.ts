/**
 * A user's own pack file: one row per key (key, value, unit, source, start year, optional until and due year)
 * layered on a built-in pack (`basedOn`). Read from JSON text or from the rows of a workbook sheet (the .xlsx is
 * unpacked by src/district/readers/xlsx) with the problem reporting of the district inputs: file, sheet, row,
 * column, what is wrong and what is accepted. A row that repeats an entry of the base pack as it is (the template
 * read back unchanged) changes nothing; any other row is the user's entry from its start year, marked origin
 * "user" so 参数 shows it as the user's.
 */
import type { Problem } from "../district/problems";
import {
  excelError,
  isBlank,
  isDate,
  parseNumberText,
  splitList,
  xmlSafeText,
} from "../district/readers/cells";
import { parseJson } from "../district/readers/json";
import { normalizeHeader } from "../district/layout";
import { boundsText, isTargetKey, RATE_UNIT, withinBounds } from "./bounds";
import { NATIONAL_TIMELINE, RULES_YEAR } from "./national";
import { closestKeys, isPolicyKey, listTimelines } from "./packs";
import { entryInForce } from "./resolve";
import {
  POLICY_KEYS,
  type PolicyEntry,
  type PolicyKey,
  type PolicyTimeline,
  type PolicyTimelinePack,
} from "./types";

/** The years a start, until or due year can be (those a pack can be resolved for). */
export const PACK_FIRST_YEAR = 1949;
export const PACK_LAST_YEAR = 2100;

/** The columns a pack file reads, in the template's order; label and note are written for the reader only. */
export type PackColumn = "key" | "value" | "unit" | "source" | "fromYear" | "untilYear" | "dueYear";
type TemplateColumn = PackColumn | "label" | "note";

interface ColumnSpec {
  readonly key: TemplateColumn;
  readonly zh: string;
  readonly en: string;
  /** Other headers accepted for it. */
  readonly aliases?: readonly string[];
  /** Read from the file (label and note are only shown). */
  readonly read: boolean;
  readonly required?: boolean;
  /** The template's note row: what the column takes. */
  readonly helpZh: string;
  readonly helpEn: string;
}

export const PACK_COLUMNS: readonly ColumnSpec[] = [
  {
    key: "key",
    zh: "键",
    en: "Key",
    aliases: ["参数键", "policy key"],
    read: true,
    required: true,
    helpZh: "政策参数的键, 照模板填写, 不要改动",
    helpEn: "the policy key, as the template gives it: do not change it",
  },
  {
    key: "label",
    zh: "参数名称",
    en: "Name",
    aliases: ["label"],
    read: false,
    helpZh: "参数的中文名称, 只作说明, 不读入",
    helpEn: "the parameter's name: shown only, not read",
  },
  {
    key: "value",
    zh: "数值",
    en: "Value",
    aliases: ["值"],
    read: true,
    required: true,
    helpZh: "数字; 比率填小数(0.03 即 3%, 也可写 3%)",
    helpEn: 'a number; a rate as a fraction (0.03 is 3 %; "3%" also works)',
  },
  {
    key: "unit",
    zh: "单位",
    en: "Unit",
    read: true,
    helpZh: "照模板, 不要改动(不做单位换算)",
    helpEn: "as the template gives it: do not change it (no unit is converted)",
  },
  {
    key: "source",
    zh: "来源",
    en: "Source",
    aliases: ["依据"],
    read: true,
    required: true,
    helpZh: "必填: 文件名称和文号, 或讲话原文",
    helpEn: "required: the document's title and number, or the speech's words",
  },
  {
    key: "fromYear",
    zh: "起始年份",
    en: "Start year",
    aliases: ["startYear", "fromYear", "from year", "施行年份"],
    read: true,
    required: true,
    helpZh: "必填: 开始施行的年份(四位数), 该年起适用",
    helpEn: "required: the year it applies from (four digits)",
  },
  {
    key: "untilYear",
    zh: "终止年份",
    en: "Until year",
    aliases: ["untilYear", "截止年份"],
    read: true,
    helpZh: "选填: 不再适用的第一个年份(被替代时)",
    helpEn: "optional: the first year it no longer applies (when replaced)",
  },
  {
    key: "dueYear",
    zh: "目标年份",
    en: "Due year",
    aliases: ["dueYear", "到期年份"],
    read: true,
    helpZh: "选填, 只用于目标: 目标应达到的年份",
    helpEn: "optional, targets only: the year by which it is to be reached",
  },
  {
    key: "note",
    zh: "说明",
    en: "Note",
    aliases: ["适用情况", "status"],
    read: false,
    helpZh: "模板年度的适用情况, 只作说明, 不读入",
    helpEn: "whether it is in force in the template's year: shown only, not read",
  },
];

/** The first cell of the template's note row (explaining the columns); the reader leaves that row out. */
export const NOTE_MARK = { zh: "说明", en: "Note" } as const;

/** The sheet a pack workbook holds, and the labels of its lines above the header. */
export const PACK_SHEET = { zh: "政策包", en: "Pack" } as const;
const META = {
  basedOn: { zh: "基于政策包", en: "Based on", aliases: ["basedOn", "基于"] },
  name: { zh: "政策包名称", en: "Pack name", aliases: ["name"] },
  applyEarly: { zh: "提前适用", en: "Apply early", aliases: ["applyBeforeStart"] },
} as const;

/** JSON field names of a pack file and of its rows. */
const JSON_TOP = ["basedOn", "name", "nameEn", "applyBeforeStart", "note", "values"] as const;
const JSON_ROW: readonly string[] = [...PACK_COLUMNS.map((column) => column.key), "startYear"];

export interface PackFileResult {
  /** The pack timeline (present when the file has no errors): the base's timelines with the user's entries. */
  readonly pack?: PolicyTimelinePack;
  /** Keys the file changes (a row that differs from every entry of the base). */
  readonly changed: readonly PolicyKey[];
  readonly problems: readonly Problem[];
}

// ---------------------------------------------------------------- rows, from either format

interface RawCell {
  readonly value: unknown;
  /** The column as the user sees it: a header, or a JSON field name. */
  readonly column: string;
  /** 1-based row (the line of a JSON field). */
  readonly row: number;
}

interface RawRow {
  /** 1-based row of the sheet, or the line where the JSON row starts. */
  readonly row: number;
  /** Index among the data rows (the model path values[i]). */
  readonly index: number;
  readonly cells: Partial<Record<PackColumn, RawCell>>;
}

interface RawPack {
  readonly sheet?: string;
  readonly basedOn?: RawCell;
  readonly name?: RawCell;
  readonly nameEn?: RawCell;
  /** The keys used before their start year when no value is in force (replaces the base's list when given). */
  readonly applyEarly?: RawCell;
  /** Where basedOn is looked for, when it is missing. */
  readonly basedOnAt: { readonly row?: number; readonly column: string };
  readonly rows: readonly RawRow[];
  /** Columns the file does not have at all (each is one problem, not one per row). */
  readonly missingColumns: ReadonlySet<PackColumn>;
}

interface Where {
  readonly row?: number;
  readonly column?: string;
  readonly field: string;
}

interface Say {
  readonly zh: string;
  readonly en: string;
  readonly accepts?: string;
  readonly acceptsEn?: string;
}

class Problems {
  readonly list: Problem[] = [];
  constructor(
    private readonly file: string,
    private readonly sheet: string | undefined,
  ) {}
  add(where: Where, say: Say, severity: Problem["severity"] = "error"): void {
    this.list.push({
      severity,
      file: this.file,
      ...(this.sheet === undefined ? {} : { sheet: this.sheet }),
      ...(where.row === undefined ? {} : { row: where.row }),
      ...(where.column === undefined ? {} : { column: where.column }),
      field: where.field,
      message: say.zh,
      messageEn: say.en,
      ...(say.accepts === undefined ? {} : { accepts: say.accepts }),
      ...(say.acceptsEn === undefined ? {} : { acceptsEn: say.acceptsEn }),
    });
  }
}

const describe = (cell: unknown): [string, string] => {
  if (isDate(cell)) return ["日期", "a date"];
  if (typeof cell === "boolean") return [String(cell).toUpperCase(), String(cell).toUpperCase()];
  if (typeof cell === "object" && cell !== null) return ["一组值", "a list or object"];
  return [`「${String(cell)}」`, `"${String(cell)}"`];
};

const YEAR_ZH = `四位年份(${PACK_FIRST_YEAR}–${PACK_LAST_YEAR}),如 2025`;
const YEAR_EN = `a four-digit year (${PACK_FIRST_YEAR}-${PACK_LAST_YEAR}), e.g. 2025`;

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly say: Say };

function excelErrorSay(cell: unknown, accepts: string, acceptsEn: string): Say | undefined {
  const error = typeof cell === "string" ? excelError(cell) : undefined;
  return error === undefined
    ? undefined
    : {
        zh: `单元格是 Excel 错误值 ${error}(公式出错或引用失效),不是数据`,
        en: `the cell holds the Excel error ${error} (a broken formula or reference), not data`,
        accepts,
        acceptsEn,
      };
}

function readText(cell: unknown): Read<string> {
  const bad = excelErrorSay(cell, "文本", "text");
  if (bad) return { ok: false, say: bad };
  if (typeof cell === "string") return { ok: true, value: xmlSafeText(cell).text.trim() };
  if (typeof cell === "number" && Number.isFinite(cell)) return { ok: true, value: String(cell) };
  const [zh, en] = describe(cell);
  return {
    ok: false,
    say: { zh: `应为文本,实为${zh}`, en: `must be text, got ${en}`, accepts: "文本", acceptsEn: "text" },
  };
}

function readNumber(cell: unknown, rate: boolean, accepts: [string, string]): Read<number> {
  const bad = excelErrorSay(cell, ...accepts);
  if (bad) return { ok: false, say: bad };
  if (typeof cell === "number" && Number.isFinite(cell)) return { ok: true, value: cell };
  if (typeof cell === "string") {
    const percent = /^(.*?)\s*[%％]\s*$/.exec(cell.normalize("NFKC"));
    if (percent && rate) {
      const number = parseNumberText(percent[1] ?? "");
      if (number !== undefined) return { ok: true, value: Number((number / 100).toPrecision(12)) };
    }
    const number = parseNumberText(cell);
    if (number !== undefined && Number.isFinite(number)) return { ok: true, value: number };
  }
  const [zh, en] = describe(cell);
  return {
    ok: false,
    say: {
      zh: `应为数字,实为${zh}`,
      en: `must be a number, got ${en}`,
      accepts: accepts[0],
      acceptsEn: accepts[1],
    },
  };
}

function readYear(cell: unknown): Read<number> {
  const number = readNumber(cell, false, [YEAR_ZH, YEAR_EN]);
  if (!number.ok) return number;
  const year = number.value;
  if (Number.isInteger(year) && year >= PACK_FIRST_YEAR && year <= PACK_LAST_YEAR) return number;
  return {
    ok: false,
    say: { zh: `${year} 不是年份`, en: `${year} is not a year`, accepts: YEAR_ZH, acceptsEn: YEAR_EN },
  };
}

// ---------------------------------------------------------------- the pack from its rows

/** The entry a row gives, before it is compared with the base. */
interface RowEntry {
  readonly key: PolicyKey;
  /** Undefined: the row leaves the value blank (allowed only where the base sets none). */
  readonly value?: number;
  readonly source: string;
  readonly fromYear: number;
  readonly untilYear?: number;
  readonly dueYear?: number;
  readonly row: number;
  readonly index: number;
  /** Where the start year is (a later base value that takes over is reported there). */
  readonly fromAt: Where;
}

const builtInIds = (): string[] => listTimelines().map((pack) => pack.id);

function sameEntry(row: RowEntry, entry: PolicyEntry): boolean {
  const value = entry.notSet ? undefined : entry.value;
  return (
    row.value === value &&
    row.source === entry.source.trim() &&
    row.fromYear === entry.fromYear &&
    row.untilYear === entry.untilYear &&
    row.dueYear === entry.dueYear
  );
}

function readRow(
  raw: RawRow,
  base: PolicyTimelinePack | undefined,
  pack: RawPack,
  out: Problems,
): RowEntry | undefined {
  const { cells, index } = raw;
  const field = (column: PackColumn) => `values[${index}].${column}`;
  const at = (column: PackColumn): Where => {
    const cell = cells[column];
    return {
      row: cell?.row ?? raw.row,
      column: cell?.column ?? columnName(column, pack),
      field: field(column),
    };
  };
  const filled = (column: PackColumn): RawCell | undefined => {
    const cell = cells[column];
    return cell === undefined || isBlank(cell.value) ? undefined : cell;
  };
  const missing = (column: PackColumn, accepts: [string, string]) => {
    if (pack.missingColumns.has(column)) return;
    const spec = columnSpec(column);
    out.add(at(column), {
      zh: `「${spec.zh}」未填写`,
      en: `${spec.en} is missing`,
      accepts: accepts[0],
      acceptsEn: accepts[1],
    });
  };
  let ok = true;
  const keyCell = filled("key");
  if (!keyCell) {
    missing("key", [
      "政策参数的键, 见 edu-budget pack-template",
      "a policy key (see edu-budget pack-template)",
    ]);
    return undefined;
  }
  const keyText = readText(keyCell.value);
  if (!keyText.ok) {
    out.add(at("key"), keyText.say);
    return undefined;
  }
  const key = keyText.value.toLowerCase();
  if (!isPolicyKey(key)) {
    const near = closestKeys(key, 3).join(", ");
    out.add(at("key"), {
      zh: `没有政策参数「${keyText.value}」(是否想写:${near}?)`,
      en: `There is no policy key "${keyText.value}" (did you mean: ${near}?)`,
      accepts: "政策参数的键, 见 edu-budget pack-template",
      acceptsEn: "a policy key (see edu-budget pack-template)",
    });
    return undefined;
  }
  const unit = NATIONAL_TIMELINE.values[key].unit;
  const rate = unit === RATE_UNIT;
  const boundsSay = boundsText(key);

  let value: number | undefined;
  const valueCell = filled("value");
  if (valueCell) {
    const read = readNumber(valueCell.value, rate, boundsSay);
    if (!read.ok) {
      out.add(at("value"), read.say);
      ok = false;
    } else if (!withinBounds(key, read.value)) {
      out.add(at("value"), {
        zh: `${key} 的取值 ${read.value} 超出范围`,
        en: `${read.value} is out of range for ${key}`,
        accepts: boundsSay[0],
        acceptsEn: boundsSay[1],
      });
      ok = false;
    } else value = read.value;
  }

  const unitCell = filled("unit");
  if (unitCell) {
    const read = readText(unitCell.value);
    if (!read.ok) {
      out.add(at("unit"), read.say);
      ok = false;
    } else if (read.value.normalize("NFKC") !== unit.normalize("NFKC")) {
      out.add(at("unit"), {
        zh: `${key} 的单位是「${unit}」,不是「${read.value}」(不做单位换算)`,
        en: `the unit of ${key} is "${unit}", not "${read.value}" (no unit is converted)`,
        accepts: unit,
        acceptsEn: unit,
      });
      ok = false;
    }
  }

  let source = "";
  const sourceCell = filled("source");
  if (!sourceCell) {
    missing("source", [
      "文件名称和文号, 或讲话原文",
      "the document's title and number, or the speech's words",
    ]);
    ok = false;
  } else {
    const read = readText(sourceCell.value);
    if (!read.ok) {
      out.add(at("source"), read.say);
      ok = false;
    } else source = read.value;
  }

  const year = (column: "fromYear" | "untilYear" | "dueYear"): number | undefined => {
    const cell = filled(column);
    if (!cell) return undefined;
    const read = readYear(cell.value);
    if (read.ok) return read.value;
    out.add(at(column), read.say);
    ok = false;
    return undefined;
  };
  const fromYear = year("fromYear");
  if (!filled("fromYear")) {
    missing("fromYear", [YEAR_ZH, YEAR_EN]);
    ok = false;
  }
  const untilYear = year("untilYear");
  const dueYear = year("dueYear");
  if (fromYear !== undefined && untilYear !== undefined && untilYear <= fromYear) {
    out.add(at("untilYear"), {
      zh: `终止年份 ${untilYear} 不晚于起始年份 ${fromYear}`,
      en: `the until year ${untilYear} is not after the start year ${fromYear}`,
      accepts: `晚于起始年份的年份,或留空`,
      acceptsEn: "a year after the start year, or blank",
    });
    ok = false;
  }
  if (dueYear !== undefined && !isTargetKey(key)) {
    out.add(at("dueYear"), {
      zh: `${key} 不是目标, 不填目标年份`,
      en: `${key} is not a target: it takes no due year`,
      accepts: "留空(目标年份只用于 …target_rate)",
      acceptsEn: "blank (a due year is for the …target_rate keys only)",
    });
    ok = false;
  } else if (dueYear !== undefined && fromYear !== undefined && dueYear < fromYear) {
    out.add(at("dueYear"), {
      zh: `目标年份 ${dueYear} 早于起始年份 ${fromYear}`,
      en: `the due year ${dueYear} is before the start year ${fromYear}`,
      accepts: "不早于起始年份的年份",
      acceptsEn: "a year no earlier than the start year",
    });
    ok = false;
  }
  if (!ok || fromYear === undefined) return undefined;
  const entry: RowEntry = {
    key,
    ...(value === undefined ? {} : { value }),
    source,
    fromYear,
    ...(untilYear === undefined ? {} : { untilYear }),
    ...(dueYear === undefined ? {} : { dueYear }),
    row: raw.row,
    index,
    fromAt: at("fromYear"),
  };
  if (value === undefined) {
    // A blank value is the base's "no value set" read back, nothing else.
    const unset = base?.values[key].entries.some((e) => e.notSet && sameEntry(entry, e));
    if (base && !unset) {
      missing("value", boundsSay);
      return undefined;
    }
  }
  return entry;
}

function columnSpec(column: TemplateColumn): ColumnSpec {
  return PACK_COLUMNS.find((spec) => spec.key === column) as ColumnSpec;
}

/** A column's name for a problem where the file has no cell for it: the JSON field, or the Chinese header. */
function columnName(column: PackColumn, pack: RawPack): string {
  return pack.sheet === undefined ? column : columnSpec(column).zh;
}

function packFromRaw(pack: RawPack, problems: Problems): PackFileResult {
  for (const column of pack.missingColumns) {
    const spec = columnSpec(column);
    problems.add(
      { column: spec.zh, field: `values.${column}` },
      {
        zh: `缺少「${spec.zh}」列`,
        en: `the column "${spec.en}" is missing`,
        accepts: `表头含「${spec.zh}」(或「${spec.en}」)的一列`,
        acceptsEn: `a column headed "${spec.en}" (or "${spec.zh}")`,
      },
    );
  }
  const ids = builtInIds();
  let base: PolicyTimelinePack | undefined;
  const basedOnWhere: Where = {
    ...(pack.basedOn ? { row: pack.basedOn.row, column: pack.basedOn.column } : pack.basedOnAt),
    field: "basedOn",
  };
  const basedOnAccepts = { accepts: ids.join("、"), acceptsEn: ids.join(", ") };
  if (!pack.basedOn || isBlank(pack.basedOn.value)) {
    problems.add(basedOnWhere, {
      zh: "未指明基于哪个内置政策包(basedOn)",
      en: "The pack does not say which built-in pack it is based on (basedOn)",
      ...basedOnAccepts,
    });
  } else {
    const text = readText(pack.basedOn.value);
    const id = text.ok ? text.value.toLowerCase() : "";
    base = listTimelines().find((timeline) => timeline.id === id);
    if (!base)
      problems.add(basedOnWhere, {
        zh: `没有名为${describe(pack.basedOn.value)[0]}的内置政策包`,
        en: `There is no built-in pack ${describe(pack.basedOn.value)[1]}`,
        ...basedOnAccepts,
      });
  }
  const name = (cell: RawCell | undefined): string | undefined => {
    if (!cell || isBlank(cell.value)) return undefined;
    const text = readText(cell.value);
    if (text.ok) return text.value;
    problems.add({ row: cell.row, column: cell.column, field: "name" }, text.say);
    return undefined;
  };
  const nameZh = name(pack.name);
  const nameEn = name(pack.nameEn);
  const applyEarly = earlyKeys(pack.applyEarly, problems);

  const entries: RowEntry[] = [];
  const seen = new Map<string, RowEntry>();
  for (const raw of pack.rows) {
    const entry = readRow(raw, base, pack, problems);
    if (!entry) continue;
    const id = `${entry.key}@${entry.fromYear}`;
    const first = seen.get(id);
    if (first) {
      const cell = raw.cells.key;
      problems.add(
        {
          row: cell?.row ?? raw.row,
          column: cell?.column ?? columnName("key", pack),
          field: `values[${raw.index}].key`,
        },
        {
          zh: `${entry.key} 自 ${entry.fromYear} 年起的值写了两次(第 ${first.row} 行和第 ${entry.row} 行),无法判断用哪一个`,
          en: `${entry.key} from ${entry.fromYear} is given twice (rows ${first.row} and ${entry.row}): which one is meant is unclear`,
          accepts: "每个键每个起始年份只写一行",
          acceptsEn: "one row per key and start year",
        },
      );
      continue;
    }
    seen.set(id, entry);
    entries.push(entry);
  }
  const failed = problems.list.some((problem) => problem.severity === "error");
  if (failed || !base) return { changed: [], problems: problems.list };
  const values: Record<string, PolicyTimeline> = { ...base.values };
  const changed = new Set<PolicyKey>();
  for (const entry of entries) {
    const timeline = values[entry.key] as PolicyTimeline;
    if (timeline.entries.some((e) => sameEntry(entry, e))) continue;
    changed.add(entry.key);
    const user: PolicyEntry = {
      value: entry.value ?? 0,
      source: entry.source,
      fromYear: entry.fromYear,
      origin: "user",
      ...(entry.untilYear === undefined ? {} : { untilYear: entry.untilYear }),
      ...(entry.dueYear === undefined ? {} : { dueYear: entry.dueYear }),
      ...(entry.value === undefined ? { notSet: true as const } : {}),
    };
    values[entry.key] = { ...timeline, entries: [...timeline.entries, user] };
    const later = timeline.entries
      .filter(
        (e) => e.fromYear > entry.fromYear && (entry.untilYear === undefined || e.fromYear < entry.untilYear),
      )
      .sort((a, b) => a.fromYear - b.fromYear)[0];
    if (later)
      problems.add(
        entry.fromAt,
        {
          zh: `${entry.key} 的本行数值自 ${entry.fromYear} 年起适用, 但「${base.nameZh}」自 ${later.fromYear} 年起的值(${later.notSet ? "未设定" : later.value})在 ${later.fromYear} 年及以后取代它(起始年份晚的优先)`,
          en: `${entry.key}: this value applies from ${entry.fromYear}, but the value of "${base.nameEn}" from ${later.fromYear} (${later.notSet ? "not set" : later.value}) replaces it from ${later.fromYear} on (the later start applies)`,
          accepts: `要在 ${later.fromYear} 年后仍用本值, 起始年份填 ${later.fromYear} 或更晚`,
          acceptsEn: `to keep this value after ${later.fromYear}, a start year of ${later.fromYear} or later`,
        },
        "warning",
      );
  }
  const timeline: PolicyTimelinePack = {
    id: `${base.id}-user`,
    version: "1.0.0",
    nameZh: nameZh ?? `用户政策包(基于${base.nameZh})`,
    nameEn: nameEn ?? nameZh ?? `User pack (based on ${base.nameEn})`,
    basedOn: `${base.id}@${base.version}`,
    ...(base.year === undefined ? {} : { year: base.year }),
    ...((applyEarly ?? base.applyBeforeStart) === undefined
      ? {}
      : { applyBeforeStart: applyEarly ?? base.applyBeforeStart }),
    values: values as PolicyTimelinePack["values"],
  };
  return { pack: timeline, changed: POLICY_KEYS.filter((key) => changed.has(key)), problems: problems.list };
}

/** The keys of the apply-early line (a list of keys, or text of keys separated by 、 or commas). */
function earlyKeys(cell: RawCell | undefined, problems: Problems): PolicyKey[] | undefined {
  if (!cell) return undefined;
  const where = { row: cell.row, column: cell.column, field: "applyBeforeStart" };
  const accepts = {
    accepts: "以顿号或逗号分隔的政策参数键, 或留空",
    acceptsEn: "policy keys separated by 、 or commas, or blank",
  };
  const items: unknown[] = Array.isArray(cell.value)
    ? cell.value
    : isBlank(cell.value)
      ? []
      : typeof cell.value === "string"
        ? splitList(cell.value)
        : [cell.value];
  const keys: PolicyKey[] = [];
  for (const item of items) {
    const text = typeof item === "string" ? item.trim().toLowerCase() : undefined;
    if (text !== undefined && isPolicyKey(text)) {
      if (!keys.includes(text)) keys.push(text);
      continue;
    }
    const shown = describe(item);
    const near = closestKeys(text ?? "", 3).join(", ");
    problems.add(where, {
      zh: `提前适用的键${shown[0]}不是政策参数(是否想写:${near}?)`,
      en: `${shown[1]} among the keys to apply early is not a policy key (did you mean: ${near}?)`,
      ...accepts,
    });
  }
  return POLICY_KEYS.filter((key) => keys.includes(key));
}

// ---------------------------------------------------------------- JSON

/** A pack file as JSON text (UTF-8, with or without BOM): { basedOn, name?, values: [{ key, value, … }] }. */
export function readPackJson(text: string, file: string): PackFileResult {
  const lines = new Map<string, number>();
  const parsed = parseJson(text.replace(/^\uFEFF/, ""), {
    onValue: (path, line) => lines.set(path.join("\u0000"), line),
  });
  const problems = new Problems(file, undefined);
  if (!parsed.ok) {
    problems.add(
      { row: parsed.line, column: String(parsed.column), field: "" },
      {
        zh: `JSON 格式错误(第 ${parsed.line} 行第 ${parsed.column} 列):${parsed.zh}`,
        en: `Malformed JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.en}`,
        accepts: "符合 JSON 语法的政策包",
        acceptsEn: "a pack in JSON syntax",
      },
    );
    return { changed: [], problems: problems.list };
  }
  const lineOf = (...path: (string | number)[]): number | undefined => lines.get(path.join("\u0000"));
  for (const duplicate of parsed.duplicates)
    problems.add(
      { row: duplicate.line, column: duplicate.key, field: duplicate.path.join(".") },
      {
        zh: `字段「${duplicate.key}」在同一对象中写了两次(第 ${duplicate.firstLine} 行和第 ${duplicate.line} 行)`,
        en: `Field "${duplicate.key}" is written twice in one object (lines ${duplicate.firstLine} and ${duplicate.line})`,
        accepts: "每个字段只写一次",
        acceptsEn: "each field once",
      },
    );
  const top = parsed.value;
  if (typeof top !== "object" || top === null || Array.isArray(top)) {
    problems.add(
      { row: lineOf() ?? 1, field: "" },
      {
        zh: "政策包文件应是一个 JSON 对象 {…}",
        en: "A pack file is one JSON object {…}",
        accepts: '{"basedOn": "edu-default", "values": […]}',
      },
    );
    return { changed: [], problems: problems.list };
  }
  const object = top as Record<string, unknown>;
  for (const field of Object.keys(object))
    if (!(JSON_TOP as readonly string[]).includes(field))
      problems.add(
        { row: lineOf(field), column: field, field },
        {
          zh: `未知字段「${field}」`,
          en: `Unknown field "${field}"`,
          accepts: JSON_TOP.join(", "),
        },
      );
  const cell = (value: unknown, column: string, ...path: (string | number)[]): RawCell => ({
    value,
    column,
    row: lineOf(...path) ?? 1,
  });
  const rows: RawRow[] = [];
  const list = object.values;
  if (list !== undefined && !Array.isArray(list))
    problems.add(
      { row: lineOf("values"), column: "values", field: "values" },
      {
        zh: "values 应是一个数组 […]",
        en: "values must be an array […]",
        accepts: '[{"key": …, "value": …}, …]',
      },
    );
  (Array.isArray(list) ? list : []).forEach((item: unknown, index) => {
    const row = lineOf("values", index) ?? 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.add(
        { row, field: `values[${index}]` },
        {
          zh: "每一项应是一个对象 {key, value, unit, source, fromYear}",
          en: "each item must be an object {key, value, unit, source, fromYear}",
          accepts: '{"key": "dropout.primary", "value": 0.01, "source": "…", "fromYear": 2025}',
        },
      );
      return;
    }
    const fields = item as Record<string, unknown>;
    const cells: Partial<Record<PackColumn, RawCell>> = {};
    for (const [name, value] of Object.entries(fields)) {
      const column = name === "startYear" ? "fromYear" : name;
      if (!JSON_ROW.includes(name)) {
        problems.add(
          { row: lineOf("values", index, name) ?? row, column: name, field: `values[${index}].${name}` },
          { zh: `未知字段「${name}」`, en: `Unknown field "${name}"`, accepts: JSON_ROW.join(", ") },
        );
        continue;
      }
      if (column === "label" || column === "note" || value === null) continue;
      cells[column as PackColumn] = cell(value, name, "values", index, name);
    }
    rows.push({ row, index, cells });
  });
  return packFromRaw(
    {
      ...(object.basedOn === undefined ? {} : { basedOn: cell(object.basedOn, "basedOn", "basedOn") }),
      ...(object.name === undefined ? {} : { name: cell(object.name, "name", "name") }),
      ...(object.nameEn === undefined ? {} : { nameEn: cell(object.nameEn, "nameEn", "nameEn") }),
      ...(object.applyBeforeStart === undefined
        ? {}
        : { applyEarly: cell(object.applyBeforeStart, "applyBeforeStart", "applyBeforeStart") }),
      basedOnAt: { row: 1, column: "basedOn" },
      rows,
      missingColumns: new Set(),
    },
    problems,
  );
}

// ---------------------------------------------------------------- a sheet's rows

/** A sheet as plain cell values, row by row (what src/district/readers/xlsx gives). */
export interface PackTable {
  readonly sheet: string;
  readonly rows: readonly (readonly unknown[])[];
}

const columnOfHeader = (cell: unknown): TemplateColumn | undefined => {
  if (typeof cell !== "string") return undefined;
  const wanted = normalizeHeader(cell);
  return PACK_COLUMNS.find((spec) =>
    [spec.zh, spec.en, spec.key, ...(spec.aliases ?? [])].some((name) => normalizeHeader(name) === wanted),
  )?.key;
};

const isMeta = (cell: unknown, meta: (typeof META)[keyof typeof META]): boolean =>
  typeof cell === "string" &&
  [meta.zh, meta.en, ...meta.aliases].some((name) => normalizeHeader(name) === normalizeHeader(cell));

const isNoteRow = (cell: unknown): boolean =>
  typeof cell === "string" &&
  [NOTE_MARK.zh, NOTE_MARK.en].some((mark) => normalizeHeader(mark) === normalizeHeader(cell));

/** Rows above the header a sheet may have (the basedOn and name lines, a title). */
const HEADER_SEARCH_ROWS = 30;

/** The sheet of a pack workbook: 政策包 (or Pack), else the only sheet, else the first with a 键 header. */
function packSheet(tables: readonly PackTable[]): PackTable | undefined {
  const named = tables.find((table) =>
    [PACK_SHEET.zh, PACK_SHEET.en, "policy pack"].some(
      (name) => normalizeHeader(name) === normalizeHeader(table.sheet),
    ),
  );
  return (
    named ??
    tables.find((table) =>
      table.rows.slice(0, HEADER_SEARCH_ROWS).some((row) => headerColumns(row).has("key")),
    ) ??
    tables[0]
  );
}

function headerColumns(row: readonly unknown[]): Map<TemplateColumn, number> {
  const found = new Map<TemplateColumn, number>();
  row.forEach((cell, index) => {
    const column = columnOfHeader(cell);
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
}

/** A pack workbook's sheets (as src/district/readers/xlsx reads them) → the pack. */
export function readPackTables(tables: readonly PackTable[], file: string): PackFileResult {
  const table = packSheet(tables);
  if (!table) {
    const problems = new Problems(file, undefined);
    problems.add(
      { field: "" },
      {
        zh: "工作簿中没有工作表",
        en: "The workbook has no sheet",
        accepts: `含「${PACK_SHEET.zh}」表的政策包工作簿(见 edu-budget pack-template)`,
        acceptsEn: `a pack workbook with a "${PACK_SHEET.zh}" sheet (see edu-budget pack-template)`,
      },
    );
    return { changed: [], problems: problems.list };
  }
  const problems = new Problems(file, table.sheet);
  const headerAt = table.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) => headerColumns(row).has("key") && headerColumns(row).size >= 2);
  const header = headerAt < 0 ? new Map<TemplateColumn, number>() : headerColumns(table.rows[headerAt] ?? []);
  if (headerAt < 0) {
    problems.add(
      { field: "values" },
      {
        zh: `找不到表头行(应含「键」「数值」「来源」「起始年份」等列)`,
        en: `No header row found (with columns such as Key, Value, Source, Start year)`,
        accepts: PACK_COLUMNS.filter((c) => c.read)
          .map((c) => c.zh)
          .join("、"),
        acceptsEn: PACK_COLUMNS.filter((c) => c.read)
          .map((c) => c.en)
          .join(", "),
      },
    );
    return { changed: [], problems: problems.list };
  }
  const headerRow = table.rows[headerAt] ?? [];
  const headerText = (index: number): string => String(headerRow[index] ?? "").trim();
  const above = table.rows.slice(0, headerAt);
  const metaCell = (meta: (typeof META)[keyof typeof META]): RawCell | undefined => {
    const at = above.findIndex((row) => isMeta(row[0], meta));
    const row = above[at];
    if (!row) return undefined;
    return { value: row[1] ?? null, column: String(row[0]).trim(), row: at + 1 };
  };
  const missingColumns = new Set<PackColumn>(
    PACK_COLUMNS.filter((spec) => spec.required && !header.has(spec.key)).map(
      (spec) => spec.key as PackColumn,
    ),
  );
  const rows: RawRow[] = [];
  table.rows.slice(headerAt + 1).forEach((cells, offset) => {
    const row = headerAt + offset + 2;
    const keyCell = cells[header.get("key") ?? -1];
    if (isNoteRow(keyCell)) return;
    const read: Partial<Record<PackColumn, RawCell>> = {};
    for (const spec of PACK_COLUMNS) {
      const index = header.get(spec.key);
      if (!spec.read || index === undefined) continue;
      const value = cells[index];
      if (value !== undefined && value !== null)
        read[spec.key as PackColumn] = { value, column: headerText(index), row };
    }
    if (Object.values(read).every((cell) => isBlank(cell.value))) return;
    rows.push({ row, index: rows.length, cells: read });
  });
  const basedOn = metaCell(META.basedOn);
  const name = metaCell(META.name);
  const applyEarly = metaCell(META.applyEarly);
  return packFromRaw(
    {
      sheet: table.sheet,
      ...(basedOn ? { basedOn } : {}),
      ...(name ? { name } : {}),
      ...(applyEarly ? { applyEarly } : {}),
      basedOnAt: { row: 1, column: META.basedOn.zh },
      rows,
      missingColumns,
    },
    problems,
  );
}

// ---------------------------------------------------------------- the template

export type PackLang = "zh" | "en";

/** One key as the template writes it: the entry in force in the template's year (or the next, or the last). */
export interface PackTemplateRow {
  readonly key: PolicyKey;
  readonly label: string;
  /** Null where the base sets no value (no national figure): a local pack fills it in. */
  readonly value: number | null;
  readonly unit: string;
  readonly source: string;
  readonly fromYear: number;
  readonly untilYear?: number;
  readonly dueYear?: number;
  readonly note: string;
}

/** The year a template of this pack shows: the pack's own year, else the year of the rules "now". */
export function templateYear(base: PolicyTimelinePack): number {
  return base.year ?? RULES_YEAR;
}

export function packTemplateRows(
  base: PolicyTimelinePack,
  year: number,
  lang: PackLang = "zh",
): PackTemplateRow[] {
  return POLICY_KEYS.map((key) => {
    const timeline = base.values[key];
    const current = entryInForce(timeline, year);
    const later = timeline.entries
      .filter((entry) => entry.fromYear > year)
      .sort((a, b) => a.fromYear - b.fromYear)[0];
    const entry = (current ?? later ?? timeline.entries[timeline.entries.length - 1]) as PolicyEntry;
    const note = current
      ? lang === "zh"
        ? `${year}年现行`
        : `in force in ${year}`
      : lang === "zh"
        ? `${year}年未施行(${entry.fromYear}年起)`
        : `not in force in ${year} (from ${entry.fromYear})`;
    return {
      key,
      label: lang === "zh" ? (entry.labelZh ?? timeline.labelZh) : timeline.labelEn,
      value: entry.notSet ? null : entry.value,
      unit: timeline.unit,
      source: entry.source,
      fromYear: entry.fromYear,
      ...(entry.untilYear === undefined ? {} : { untilYear: entry.untilYear }),
      ...(entry.dueYear === undefined ? {} : { dueYear: entry.dueYear }),
      note: entry.notSet
        ? lang === "zh"
          ? `${note}; 未设定数值, 由本地填写`
          : `${note}; no value set: fill in a local one`
        : note,
    };
  });
}

/** What the template's lines say, in its language. */
export function packTemplateTexts(base: PolicyTimelinePack, year: number, lang: PackLang) {
  const ids = builtInIds();
  return lang === "zh"
    ? {
        sheet: PACK_SHEET.zh,
        basedOn: META.basedOn.zh,
        basedOnHelp: `内置政策包: ${ids.join("、")}; 未列出的键沿用该包`,
        name: META.name.zh,
        nameHelp: "选填: 本政策包的名称(显示在参数表上)",
        applyEarly: META.applyEarly.zh,
        applyEarlyHelp:
          "选填: 本年度尚无施行值时提前采用的键(以顿号分隔; 采用其最早的施行值, 参数表注明“用户选择提前适用”); 留空为不提前适用",
        separator: "、",
        yearNote: `下列为「${base.nameZh}」${year}年适用的值。只改需要改的行: 未改动的行沿用内置政策包, 改动的行标为“用户”并自起始年份起适用; 不需要的行可以删除。`,
        note: NOTE_MARK.zh,
        headers: PACK_COLUMNS.map((column) => column.zh),
        help: PACK_COLUMNS.map((column) => column.helpZh),
      }
    : {
        sheet: PACK_SHEET.en,
        basedOn: META.basedOn.en,
        basedOnHelp: `built-in packs: ${ids.join(", ")}; keys not listed keep that pack's values`,
        name: META.name.en,
        nameHelp: "optional: this pack's name (shown on 参数)",
        applyEarly: META.applyEarly.en,
        applyEarlyHelp:
          "optional: the keys to use before their start year when no value is in force (separated by commas; the earliest value is used and 参数 says so); blank for none",
        separator: ", ",
        yearNote: `The values of "${base.nameEn}" in force in ${year}. Change only the rows you need: an unchanged row keeps the built-in value, a changed one is marked as the user's and applies from its start year; rows you do not need may be deleted.`,
        note: NOTE_MARK.en,
        headers: PACK_COLUMNS.map((column) => column.en),
        help: PACK_COLUMNS.map((column) => column.helpEn),
      };
}

/** The JSON template: the same rows, with a note on the fields. */
export function packTemplateJson(base: PolicyTimelinePack, year: number, lang: PackLang = "zh"): string {
  const texts = packTemplateTexts(base, year, lang);
  const fields = PACK_COLUMNS.map((column, i) => `${column.key}: ${texts.help[i] ?? ""}`).join("; ");
  const document = {
    note: `${texts.yearNote} ${fields}`,
    basedOn: base.id,
    applyBeforeStart: base.applyBeforeStart ?? [],
    values: packTemplateRows(base, year, lang).map((row) => ({
      key: row.key,
      label: row.label,
      value: row.value,
      unit: row.unit,
      source: row.source,
      fromYear: row.fromYear,
      ...(row.untilYear === undefined ? {} : { untilYear: row.untilYear }),
      ...(row.dueYear === undefined ? {} : { dueYear: row.dueYear }),
      note: row.note,
    })),
  };
  return JSON.stringify(document, null, 2) + "\n";
}
