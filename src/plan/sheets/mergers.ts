/**
 * 布局调整 (§4.4): for every merger, the students per grade of the schools moving to a site and of
 * the school staying there (formulas over 学校), the classes the site needs (Σ per grade ROUNDUP(grade total / class
 * size): CLASSES_NEEDED), and MERGE_CHECK's row before (the current occupant alone) and after the move, plus the
 * deadline the district's pack sets (none when it sets none). The site's classrooms are the 学校 cell of the site's school (the staying school, the school named
 * as siteSchool, or the school whose name or code the site text gives, e.g. "…现址") when the merger gives 0 or the
 * same number; a different number entered for the merger (a site extended for the move) is used as entered, and the
 * sheet says so. A chain (one merger moves into the site another one vacates) is checked for its order.
 */
import { GRADE_LABELS, GRADES_BY_LEVEL } from "../../district/grades";
import type { GradeKey, Merger, School } from "../../district/model";
import {
  averageClassSizeFormula,
  classesNeeded,
  classesNeededFormula,
  mergeCheck,
  mergePassFormula,
  spareClassroomsFormula,
  type MergeResult,
} from "../../domain/classes";
import { cellAddress, rangeAddress } from "../address";
import type { BuildContext } from "../context";
import { fx, SheetBuilder, val, type TableResult } from "../kit";
import { schoolCause, thresholdSpec } from "../places";
import { handsNothing, type SheetDefinition } from "../registry";
import type { PlanCell, SheetKey, SheetPlan } from "../types";
import { listedZh } from "../listing";

export const mergersSheet: SheetDefinition<"mergers", undefined> = {
  key: "mergers",
  nameZh: "布局调整",
  nameEn: "Mergers",
  titleZh: "学校布局调整: 迁并后现址容量核算",
  titleEn: "School mergers",
  tabColor: "ED7D31",
  needs: ["parameters", "schools"],
  build: handsNothing(buildMergersSheet),
};

const LEVEL_ZH: Record<Merger["level"], string> = { primary: "小学", junior: "初中", senior: "高中" };
/** The deadline of the moves: T + the pack's years, on the sheet as a formula over 参数. */
interface Deadline {
  readonly local: string;
  readonly years: number;
}

interface Occupant {
  readonly role: string;
  readonly school: School;
  readonly index: number;
}

function findSchool(ctx: BuildContext, code: string, field: string): { school: School; index: number } {
  const index = ctx.district.schools.findIndex((s) => s.code === code);
  const school = ctx.district.schools[index];
  if (!school) throw new Error(`${field}: no school with code "${code}" in the schools list`);
  return { school, index };
}

interface Site {
  readonly school: School;
  readonly index: number;
  /** How the site's school was found, for the note. */
  readonly how: string;
}

/** The existing school at the merger's site, if any. */
function siteOf(ctx: BuildContext, merger: Merger): Site | undefined {
  const schools = ctx.district.schools;
  const byCode = (code: string | undefined, how: string): Site | undefined => {
    const index = code === undefined ? -1 : schools.findIndex((s) => s.code === code);
    const school = schools[index];
    return school ? { school, index, how } : undefined;
  };
  const named = merger.site.replace(/(现址|校址)$/, "").trim();
  const matches = schools.filter((s) => s.name === named || s.code === named);
  return (
    byCode(merger.stayingSchool, "留驻学校") ??
    byCode(merger.siteSchool, "现址原学校") ??
    (matches.length === 1 ? byCode(matches[0]?.code, "校址名称") : undefined)
  );
}

export function buildMergersSheet(ctx: BuildContext): SheetPlan<SheetKey> {
  const sb = new SheetBuilder(mergersSheet, ctx);
  sb.title(
    "学校布局调整: 迁并后现址容量核算",
    "所需班数 = Σ各年级 ROUNDUP(年级人数 / 标准班额); 富余教室 = 教室数 − 所需班数 ≥ 0 为通过",
  );
  const T = ctx.district.budgetYear;
  const named = ctx.names.some((n) => n.name === "D_budget_year");
  const yearsLocal = cellAddress(sb.row + 1, 1);
  const policy = ctx.pack.values["merger.deadline_years"];
  const years = policy.notSet ? undefined : ctx.param("merger.deadline_years");
  const head = sb.keyValues([
    { key: "year", label: "预算年度 T", cell: named ? fx("D_budget_year", T) : val(T), note: "" },
    ...(years
      ? [
          {
            key: "years",
            label: "调整期限(年)",
            cell: fx(years.name, years.value),
            style: "integer" as const,
            note: policy.source,
          },
          {
            key: "deadline",
            label: "最迟完成年度",
            cell: fx(`${cellAddress(sb.row, 1)}+${yearsLocal}`, T + years.value),
            note: "迁并链条须按年度先后安排 (先迁出, 后迁入)",
          },
        ]
      : []),
  ]);
  if (!years) sb.note("本区未设定布局调整完成期限, 不作期限核对。");
  const deadlineLocal = head.deadline?.local;
  const deadline = years && deadlineLocal ? { local: deadlineLocal, years: years.value } : undefined;
  if (ctx.district.mergers.length === 0) {
    sb.note("本区未录入布局调整计划。");
    return sb.build();
  }
  const yearCells = ctx.district.mergers.map((merger, m) => mergerBlock(ctx, sb, merger, m, deadline));
  chainOrder(ctx, sb, yearCells);
  sb.freezeAt(2);
  sb.printSetup({ orientation: "landscape", fitToWidth: true, repeatRows: "1:2" });
  return sb.build();
}

/** One merger: who moves where, the site's enrollment by grade, MERGE_CHECK before and after, the deadline. */
function mergerBlock(
  ctx: BuildContext,
  sb: SheetBuilder,
  merger: Merger,
  m: number,
  deadline: Deadline | undefined,
): string {
  const schools = ctx.output("schools").table;
  const plan = mergerPlan(ctx, schools, merger, m);
  mergerNotes(sb, merger, m, plan);
  const grid = enrollmentGrid(sb, schools, plan);
  const cells = capacityCheck(ctx, sb, merger, plan, grid, deadline);
  mergerChecks(ctx, sb, merger, m, plan, cells, deadline);
  return cells.year;
}

/** What a merger moves and the site it moves to, with MERGE_CHECK computed before and after. */
interface MergerPlan {
  readonly grades: readonly GradeKey[];
  readonly size: { readonly name: string; readonly value: number };
  readonly rows: readonly Occupant[];
  readonly staying: Occupant | undefined;
  byGrade(o: Occupant): number[];
  readonly site: Site | undefined;
  readonly fromSchools: boolean;
  readonly rooms: number;
  readonly roomsCell: PlanCell;
  readonly after: MergeResult;
  readonly before: MergeResult;
  /** The staying school's classes of the other levels it teaches: they stay at the site and need rooms too. */
  readonly sections: readonly Section[];
}

/** One other level of the staying school: its students and the classes they need at that level's class size. */
interface Section {
  readonly level: Merger["level"];
  readonly grades: readonly GradeKey[];
  readonly size: { readonly name: string; readonly value: number };
  readonly students: number;
  readonly classes: number;
}

const SECTION_LEVELS: readonly Merger["level"][] = ["primary", "junior", "senior"];

/** A merge result with the staying school's other sections added: their students and classes share the rooms. */
function withSections(r: MergeResult, sections: readonly Section[]): MergeResult {
  if (sections.length === 0) return r;
  const students = r.students + sections.reduce((sum, x) => sum + x.students, 0);
  const classesNeeded = r.classesNeeded + sections.reduce((sum, x) => sum + x.classes, 0);
  const spare = r.classrooms - classesNeeded;
  return {
    ...r,
    students,
    classesNeeded,
    spare,
    averageClassSize: classesNeeded === 0 ? 0 : students / classesNeeded,
    pass: spare >= 0,
  };
}

function mergerPlan(ctx: BuildContext, schools: TableResult, merger: Merger, m: number): MergerPlan {
  const grades = GRADES_BY_LEVEL[merger.level];
  const size = ctx.param(`class_size.${merger.level}`);
  const occupants: Occupant[] = merger.sources.map((code, i) => ({
    role: "迁入",
    ...findSchool(ctx, code, `mergers[${m}].sources[${i}]`),
  }));
  const staying = merger.stayingSchool
    ? { role: "现址学校(留驻)", ...findSchool(ctx, merger.stayingSchool, `mergers[${m}].stayingSchool`) }
    : undefined;
  const rows = staying ? [...occupants, staying] : occupants;
  const byGrade = (o: Occupant) => grades.map((g) => o.school.grades[g]);
  const site = siteOf(ctx, merger);
  const fromSchools =
    site !== undefined && (merger.siteClassrooms === 0 || merger.siteClassrooms === site.school.classrooms);
  const rooms = fromSchools && site ? site.school.classrooms : merger.siteClassrooms;
  const roomsCell =
    fromSchools && site ? fx(schools.cell("classrooms", site.index, true), rooms) : val(rooms);
  // The staying school's other levels (a 九年一贯制's 初中 when the primary schools move in) keep their classes.
  const sections: Section[] = staying
    ? SECTION_LEVELS.filter((level) => level !== merger.level).flatMap((level) => {
        const levelGrades = GRADES_BY_LEVEL[level];
        const counts = levelGrades.map((g) => staying.school.grades[g]);
        const students = counts.reduce((sum, x) => sum + x, 0);
        if (students === 0) return [];
        const levelSize = ctx.param(`class_size.${level}`);
        const classes = classesNeeded([counts], levelSize.value);
        return [{ level, grades: levelGrades, size: levelSize, students, classes }];
      })
    : [];
  const after = withSections(mergeCheck(rows.map(byGrade), rooms, size.value), sections);
  const before = withSections(mergeCheck(staying ? [byGrade(staying)] : [], rooms, size.value), sections);
  return {
    grades,
    size,
    rows,
    staying,
    byGrade,
    site,
    fromSchools,
    rooms,
    roomsCell,
    after,
    before,
    sections,
  };
}

function mergerNotes(sb: SheetBuilder, merger: Merger, m: number, plan: MergerPlan): void {
  const { staying, site, fromSchools, rooms } = plan;
  sb.note(
    `${m + 1}. ${merger.name}: ${listedZh(merger.sources)} → ${merger.site} (${LEVEL_ZH[merger.level]}, ${merger.year}年)` +
      (staying ? "" : "; 现址调整前无留驻学校"),
  );
  if (staying && plan.sections.length > 0)
    sb.note(
      `留驻学校「${staying.school.name}」的${plan.sections.map((x) => LEVEL_ZH[x.level]).join("、")}学段留在现址, 其班级同样占用教室, 计入所需班数`,
    );
  sb.note(
    site === undefined
      ? `现址教室数: 按录入 ${rooms} 间 (迁入校址不是学校表中的学校)`
      : fromSchools
        ? `现址教室数: 取自 学校 表「${site.school.name}」(${site.how}), 修改学校表即重算`
        : `现址教室数: 按录入 ${rooms} 间 (学校 表「${site.school.name}」为 ${site.school.classrooms} 间, 录入数视为扩建后)`,
  );
}

/** Rows of the grid the capacity check reads: each school's and the merged enrollment, classes needed. */
interface Grid {
  readonly afterRow: number;
  readonly afterNeededRow: number;
  readonly beforeNeededRow: number;
  readonly totalCol: number;
  /** Cells of the staying school's other sections' students and classes (empty without such sections). */
  readonly sectionStudents: readonly string[];
  readonly sectionClasses: readonly string[];
}

/** The students per grade of every school at the site after the move, and the classes needed before and after. */
function enrollmentGrid(sb: SheetBuilder, schools: TableResult, plan: MergerPlan): Grid {
  const { grades, size, rows, staying, byGrade, after, before, sections } = plan;
  const top = sb.row;
  const g0 = 3;
  const totalCol = g0 + grades.length;
  const header: PlanCell[] = [
    val("角色"),
    val("学校代码"),
    val("学校"),
    ...grades.map((g) => val(GRADE_LABELS[g][0])),
    val("合计"),
  ];
  const schoolRows: PlanCell[][] = rows.map((o, r) => [
    val(o.role),
    val(o.school.code),
    val(o.school.name),
    ...grades.map((g) => fx(schools.cell(g, o.index, true), o.school.grades[g])),
    fx(
      `SUM(${rangeAddress(top + 1 + r, g0, top + 1 + r, totalCol - 1)})`,
      byGrade(o).reduce((s, x) => s + x, 0),
    ),
  ]);
  const afterRow = top + 1 + rows.length;
  const gradeTotals = grades.map((_, j) => rows.reduce((s, o) => s + (byGrade(o)[j] ?? 0), 0));
  const sumRow: PlanCell[] = [
    val("调整后合计"),
    null,
    null,
    ...grades.map((_, j) =>
      fx(`SUM(${rangeAddress(top + 1, g0 + j, afterRow - 1, g0 + j)})`, gradeTotals[j] ?? 0),
    ),
    fx(
      `SUM(${rangeAddress(afterRow, g0, afterRow, totalCol - 1)})`,
      gradeTotals.reduce((sum, x) => sum + x, 0),
    ),
  ];
  // CLASSES_NEEDED per grade: ROUNDUP(grade total / class size); a site without an occupant needs none.
  const neededRow = (
    label: string,
    row: number,
    source: number | null,
    counts: readonly number[],
    total: number,
  ) => [
    val(label),
    null,
    fx(size.name, size.value),
    ...grades.map((_, j) =>
      source === null
        ? val(0)
        : fx(
            classesNeededFormula([cellAddress(source, g0 + j)], size.name),
            classesNeeded([[counts[j] ?? 0]], size.value),
          ),
    ),
    source === null && sectionClasses.length === 0
      ? val(0)
      : fx(withOthers(`SUM(${rangeAddress(row, g0, row, totalCol - 1)})`), total),
  ];
  const afterNeededRow = afterRow + 1;
  const beforeNeededRow = afterRow + 2;
  // Two rows per other section of the staying school: its students, then its classes at its own class size.
  const sectionTop = beforeNeededRow + 1;
  const sectionStudents = sections.map((_, k) => cellAddress(sectionTop + 2 * k, totalCol));
  const sectionClasses = sections.map((_, k) => cellAddress(sectionTop + 2 * k + 1, totalCol));
  const sectionRows: PlanCell[][] = staying
    ? sections.flatMap((section) => {
        const refs = section.grades.map((g) => schools.cell(g, staying.index, true));
        const blanks = grades.map(() => null);
        return [
          [
            val(`留驻学校${LEVEL_ZH[section.level]}学段学生数`),
            val(staying.school.code),
            val(staying.school.name),
            ...blanks,
            fx(refs.join("+"), section.students),
          ],
          [
            val(`留驻学校${LEVEL_ZH[section.level]}学段所需班数 (C列为标准班额)`),
            null,
            fx(section.size.name, section.size.value),
            ...blanks,
            fx(
              classesNeededFormula(refs, cellAddress(sectionTop + 2 * sections.indexOf(section) + 1, 2)),
              section.classes,
            ),
          ],
        ];
      })
    : [];
  const withOthers = (formula: string) =>
    sectionClasses.length === 0 ? formula : `${formula}+${sectionClasses.join("+")}`;
  const afterNeeded = neededRow(
    "调整后所需班数 (C列为标准班额)",
    afterNeededRow,
    afterRow,
    gradeTotals,
    after.classesNeeded,
  );
  const beforeNeeded = neededRow(
    "调整前所需班数 (留驻学校)",
    beforeNeededRow,
    staying ? afterRow - 1 : null,
    staying ? byGrade(staying) : [],
    before.classesNeeded,
  );
  sb.put(top, 0, [header, ...schoolRows, sumRow, afterNeeded, beforeNeeded, ...sectionRows]);
  const lastRow = beforeNeededRow + sectionRows.length;
  sb.format(rangeAddress(top, 0, top, totalCol), "header");
  sb.format(rangeAddress(top + 1, 1, afterRow - 1, 2), "text");
  sb.format(rangeAddress(top + 1, g0, lastRow, totalCol), "integer");
  sb.format(rangeAddress(afterRow, 0, lastRow, 0), "label");
  sb.width(0, 26).width(1, 10).width(2, 22);
  grades.forEach((_, j) => sb.width(g0 + j, 8));
  sb.row = lastRow + 2;
  return { afterRow, afterNeededRow, beforeNeededRow, totalCol, sectionStudents, sectionClasses };
}

/** MERGE_CHECK's spill before and after the move, the year against the deadline, the area per student. */
function capacityCheck(
  ctx: BuildContext,
  sb: SheetBuilder,
  merger: Merger,
  plan: MergerPlan,
  grid: Grid,
  deadline: Deadline | undefined,
): { readonly after: string; readonly deadline?: string; readonly year: string; readonly inTime: boolean } {
  const { staying, rooms, roomsCell, after, before } = plan;
  const { afterRow, afterNeededRow, beforeNeededRow, totalCol, sectionStudents } = grid;
  const plusSections = (cell: string) =>
    sectionStudents.length === 0 ? cell : `${cell}+${sectionStudents.join("+")}`;
  // MERGE_CHECK's spill, before and after the move.
  const checkTop = sb.row;
  const beforeRow = checkTop + 1;
  const afterCheckRow = checkTop + 2;
  const classroomsInput = cellAddress(beforeRow, 3);
  const line = (
    label: string,
    row: number,
    r: MergeResult,
    students: PlanCell,
    needed: PlanCell,
    rooms: PlanCell,
  ): PlanCell[] => {
    const c = (col: number) => cellAddress(row, col);
    return [
      val(label),
      students,
      needed,
      rooms,
      fx(spareClassroomsFormula(c(3), c(2)), r.spare),
      fx(averageClassSizeFormula(c(1), c(2)), r.averageClassSize),
      sb.verdict(mergePassFormula(c(4)), r.pass),
    ];
  };
  const checkRows: PlanCell[][] = [
    [
      val("容量核算"),
      val("学生数"),
      val("所需班数"),
      val("现址教室数"),
      val("富余教室"),
      val("平均班额"),
      val("通过"),
    ],
    line(
      "调整前 (现址现有学校)",
      beforeRow,
      before,
      staying ? fx(plusSections(cellAddress(afterRow - 1, totalCol)), before.students) : val(0),
      staying ? fx(cellAddress(beforeNeededRow, totalCol), before.classesNeeded) : val(0),
      roomsCell,
    ),
    line(
      "调整后 (迁并后)",
      afterCheckRow,
      after,
      fx(plusSections(cellAddress(afterRow, totalCol)), after.students),
      fx(cellAddress(afterNeededRow, totalCol), after.classesNeeded),
      fx(classroomsInput, rooms),
    ),
  ];
  const yearRow = afterCheckRow + 1;
  const inTime = deadline === undefined || merger.year <= ctx.district.budgetYear + deadline.years;
  const deadlineAbs = deadline && cellAddress(Number(/\d+/.exec(deadline.local)?.[0]) - 1, 1, true);
  const area = merger.siteTeachingArea;
  checkRows.push([
    val("调整年度"),
    val(merger.year),
    deadline ? val(`${deadline.years}年内完成`) : null,
    deadlineAbs ? sb.verdict(`${cellAddress(yearRow, 1)}<=${deadlineAbs}`, inTime) : null,
    val("现址教学及辅助用房(㎡)"),
    val(area),
    null,
  ]);
  // Shown for the reader (§4.4 area floor); no policy value in the pack sets a limit for it.
  checkRows.push([
    val("调整后生均教学及辅助用房(㎡)"),
    fx(
      `IF(${cellAddress(afterCheckRow, 1)}=0,"",${cellAddress(yearRow, 5)}/${cellAddress(afterCheckRow, 1)})`,
      after.students === 0 ? "" : area / after.students,
    ),
    null,
    null,
    null,
    null,
    null,
  ]);
  sb.put(checkTop, 0, checkRows);
  sb.format(rangeAddress(checkTop, 0, checkTop, 6), "header");
  sb.format(rangeAddress(beforeRow, 1, afterCheckRow, 4), "integer");
  sb.format(rangeAddress(beforeRow, 5, afterCheckRow, 5), "decimal");
  sb.format(rangeAddress(beforeRow, 0, yearRow + 1, 0), "label");
  const verdict = cellAddress(beforeRow, 6);
  sb.passFail(rangeAddress(beforeRow, 6, afterCheckRow, 6), verdict);
  const deadlineCell = deadline ? cellAddress(yearRow, 3) : undefined;
  if (deadlineCell) sb.passFail(deadlineCell, deadlineCell);
  sb.format(cellAddress(yearRow + 1, 1), "decimal");
  sb.row = yearRow + 3;
  return {
    after: cellAddress(afterCheckRow, 6),
    ...(deadlineCell ? { deadline: deadlineCell } : {}),
    year: cellAddress(yearRow, 1),
    inTime,
  };
}

/** The capacity after the move and the deadline, each a check. */
function mergerChecks(
  ctx: BuildContext,
  sb: SheetBuilder,
  merger: Merger,
  m: number,
  { after, rooms, sections }: MergerPlan,
  cells: { after: string; deadline?: string; inTime: boolean },
  deadline: Deadline | undefined,
): void {
  const { after: afterCell, deadline: deadlineCell, inTime } = cells;
  const site = siteOf(ctx, merger);
  // A short site is caused by its classrooms (the site's row on 学校).
  const cause =
    site && !after.pass
      ? schoolCause(ctx.output("schools").table, { index: site.index, code: site.school.code })
      : {};
  const kept = sections.map((x) => `${LEVEL_ZH[x.level]} ${x.classes} 个班`).join("、");
  const keptEn = sections.map((x) => `${x.classes} ${x.level} classes`).join(", ");
  sb.registerCheck(ctx, afterCell, {
    id: `mergers.${m}.capacity`,
    labelZh: `布局调整容量: ${merger.name}`,
    labelEn: `Merger capacity: ${merger.name}`,
    pass: after.pass,
    // A shortage is said as one, never as a negative spare.
    detailZh: `${merger.site}: ${after.students} 名学生需 ${after.classesNeeded} 个班${kept ? ` (含留驻学校${kept})` : ""}, 现有教室 ${rooms} 间, ${after.spare < 0 ? `缺 ${-after.spare} 间` : `富余 ${after.spare}`}`,
    detailEn: `${merger.site}: ${after.students} students need ${after.classesNeeded} classes${keptEn ? ` (the staying school's ${keptEn} included)` : ""}; ${rooms} classrooms, ${after.spare < 0 ? `${-after.spare} short` : `spare ${after.spare}`}`,
    ...cause,
  });
  if (!deadlineCell || !deadline) return;
  const due = ctx.district.budgetYear + deadline.years;
  sb.registerCheck(ctx, deadlineCell, {
    id: `mergers.${m}.deadline`,
    labelZh: `布局调整${deadline.years}年内完成: ${merger.name}`,
    labelEn: `Merger within ${deadline.years} years: ${merger.name}`,
    pass: inTime,
    detailZh: `计划 ${merger.year} 年, 最迟 ${due} 年`,
    detailEn: `planned ${merger.year}, due by ${due}`,
    ...(inTime ? {} : thresholdSpec(ctx, "merger.deadline_years")),
  });
}

/** A merger into a site that another merger vacates comes in the same or a later year. */
function chainOrder(ctx: BuildContext, sb: SheetBuilder, yearCells: readonly string[]): void {
  const mergers = ctx.district.mergers;
  const links = mergers.flatMap((merger, m) => {
    const site = siteOf(ctx, merger);
    if (!site || site.school.code === merger.stayingSchool) return [];
    const k = mergers.findIndex((other, i) => i !== m && other.sources.includes(site.school.code));
    const vacating = mergers[k];
    return vacating ? [{ merger, m, vacating, k, school: site.school }] : [];
  });
  if (links.length === 0) return;
  sb.note("迁并顺序: 迁入他校腾出的校址, 须在该校迁出的同年或以后");
  const table = sb.table({
    name: "tblMergerOrder",
    rows: links,
    columns: [
      { key: "merger", header: "迁入", width: 26, style: "text", cell: (c) => val(c.item.merger.name) },
      {
        key: "vacating",
        header: "腾出校址",
        width: 26,
        style: "text",
        cell: (c) => val(c.item.vacating.name),
      },
      {
        key: "outYear",
        header: "迁出年度",
        cell: (c) => fx(yearCells[c.item.k] ?? "", c.item.vacating.year),
      },
      { key: "inYear", header: "迁入年度", cell: (c) => fx(yearCells[c.item.m] ?? "", c.item.merger.year) },
      {
        key: "ok",
        header: "顺序正确",
        cell: (c) =>
          sb.verdict(`${c.ref("inYear")}>=${c.ref("outYear")}`, c.item.merger.year >= c.item.vacating.year),
      },
    ],
  });
  links.forEach((link, i) => {
    const cell = table.cell("ok", i);
    const pass = link.merger.year >= link.vacating.year;
    sb.check(ctx, cell, {
      id: `mergers.${link.m}.order`,
      labelZh: `迁并顺序: ${link.merger.name}`,
      labelEn: `Merger order: ${link.merger.name}`,
      pass,
      detailZh: `${link.school.name} ${link.vacating.year} 年迁出, 本项 ${link.merger.year} 年迁入`,
      detailEn: `${link.school.code} leaves in ${link.vacating.year}, this move is in ${link.merger.year}`,
    });
  });
}
