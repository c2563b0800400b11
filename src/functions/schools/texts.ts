/** zh-CN names, parameter texts and reference help of the school functions (./functions.ts). */
import type { PolicyPack } from "../../policy/types";
import { DATED_TABLES, staffRatioTable, type DatedTables } from "../i18n/dated";
import { policyNumbers } from "../i18n/policy";
import { bi, column, param, params, row, type FunctionTable } from "../i18n/types";

/** The two primary schools S2-03.5 merges (rows) by grade (columns). */
const MERGED_SCHOOLS = [
  [30, 28, 35, 31, 29, 33],
  [25, 27, 22, 30, 26, 24],
];

export function schoolsTexts(pack: PolicyPack, tables: DatedTables = DATED_TABLES): FunctionTable {
  const { n, pct, pctEn } = policyNumbers(pack);
  /** The last size of a band that ends where the next one starts. */
  const upTo = (
    key: "class_band.oversize_from" | "class_band.large_from" | "class_band.super_large_from",
  ): string => String(pack.values[key].value - 1);
  const LEVEL = param(
    "学段",
    "幼儿园|kindergarten、小学|primary、初中|junior 或 高中|senior，不区分大小写。",
  );
  const CLASS_SIZE_OVERRIDE = param(
    "班额",
    `可选：每班人数；省略时用该学段的标准班额（小学 ${n("class_size.primary")}，初中 ${n("class_size.junior")}，高中 ${n("class_size.senior")}，幼儿园 ${n("class_size.kindergarten")}）。`,
  );
  const ENROLLMENT = param(
    "在校生",
    "一个单元格、一行或一列各年级人数，或一个矩阵（行 = 学校，列 = 年级，各列相加）；空单元格按 0 计。",
  );
  const CLASS_SOURCE = bi(
    `Construction Standard for Rural Primary and Secondary Schools (农村普通中小学校建设标准, 建标109-2008) and Code for Design of Schools (中小学校设计规范, GB 50099-2011): ${n("class_size.primary")} pupils a primary class, ${n("class_size.junior")} a secondary one; Kindergarten Work Regulations (幼儿园工作规程, Ministry of Education, 2016) Art. 11: ${n("class_size.kg_small")} in a small, ${n("class_size.kg_middle")} in a middle, ${n("class_size.kg_large")} in a large and ${n("class_size.kg_mixed")} in a mixed-age class (policy reference §4.4, §4.7).`,
    `《农村普通中小学校建设标准》（建标109-2008）、《中小学校设计规范》（GB 50099-2011）：完全小学每班 ${n("class_size.primary")} 人、各类中学每班 ${n("class_size.junior")} 人；教育部《幼儿园工作规程》（2016 年）第十一条：小班 ${n("class_size.kg_small")} 人、中班 ${n("class_size.kg_middle")} 人、大班 ${n("class_size.kg_large")} 人、混合班 ${n("class_size.kg_mixed")} 人（政策依据 §4.4、§4.7）。`,
  );
  const DROPOUT_SOURCE = bi(
    `State Education Commission, Interim Measures for Evaluating Universal Compulsory Education (普及义务教育评估验收暂行办法, 1994) Art. 7: junior dropouts at most ${pctEn("dropout.junior.urban")} in cities, about ${pctEn("dropout.junior.town")} elsewhere; speech 1 (S1-17) 「确保小学无辍学,农村初中辍学率控制在3%以内」 (“no primary dropouts, rural junior dropouts within 3 %”). The speech sets no urban junior limit, so the national ${pctEn("dropout.junior.urban")} applies (inconsistency I-10); speech 2 (S2-25) has the inspectorate warn schools above the limit (policy reference §4.2).`,
    `国家教委《普及义务教育评估验收暂行办法》（1994 年）第七条：城市初中辍学率不超过 ${pct("dropout.junior.urban")}，其他县控制在 ${pct("dropout.junior.town")} 左右；讲话（一）（S1-17）「确保小学无辍学,农村初中辍学率控制在3%以内」。讲话未定城市初中上限，按国家 ${pct("dropout.junior.urban")}（不一致 I-10）；讲话（二）（S2-25）「对辍学率超过规定标准的学校由教育督导机构给予警告」（政策依据 §4.2）。`,
  );
  const BALANCE_SOURCE = bi(
    "Ministry of Education, Interim Measures for Inspecting Basic Balanced Development of County Compulsory Education (县域义务教育均衡发展督导评估暂行办法, 教督〔2012〕3号) and Measures for Inspecting High-Quality Balanced Development (县域义务教育优质均衡发展督导评估办法, 教督〔2017〕6号); speech 1 (S1-08, S1-11) (policy reference §4.3).",
    "教育部《县域义务教育均衡发展督导评估暂行办法》（教督〔2012〕3号）、《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）；讲话（一）（S1-08、S1-11）（政策依据 §4.3）。",
  );
  const STAFF_SOURCE = bi(
    `${tables.staff.map((r) => `${r.sourceEn}, from ${r.from}`).join("; ")}: rural and county-town schools are staffed at the urban ratios since the unification (policy reference §4.5).`,
    `${tables.staff.map((r) => `${r.sourceZh}（${r.from} 年起）`).join("；")}：统一后城乡均按城市标准核定（政策依据 §4.5）。`,
  );
  const AREA = param("地区", "可选：城市|urban、县镇|town 或 农村|rural；省略时为农村。");
  const STAFF_AREA = param(
    "地区",
    "可选：2014 年以前的标准按城市|urban、县镇|town 或 农村|rural 区分；省略时为农村；2014 年起城乡统一，不看地区。",
  );
  const YEAR = (what: string): ReturnType<typeof param> =>
    param("年份", `可选：预算年度（如 2012），取该年施行的${what}；省略时为现行标准。`);
  const firstStaff = tables.staff[0];
  const unifiedFrom = tables.staff.find((r) => r.unified)?.from;
  const STAFF_YEARS = bi(
    `The standard in force in the year: ${tables.staff.map((r) => `${r.to === undefined ? `from ${r.from}` : `${r.from}–${r.to}`} ${r.unified ? "one ratio for every area" : "by area (城市, 县镇, 农村)"}`).join("; ")}; no national standard before ${firstStaff?.from ?? ""} (#N/A). Without a year, the standard in force now.`,
    `按年份取施行的标准：${tables.staff.map((r) => `${r.to === undefined ? `${r.from} 年起` : `${r.from}–${r.to} 年`}${r.unified ? "城乡统一" : "按城市、县镇、农村区分"}`).join("；")}；${firstStaff?.from ?? ""} 年以前无全国标准（#N/A）。省略年份时为现行标准。`,
  );
  const STAFF_TABLES = [staffRatioTable(tables.staff)];
  const UNKNOWN_LEVEL = bi("level is not a school level", "学段不是可识别的学段");

  return {
    DROPOUT_RATE: {
      zhName: "辍学率",
      zhDescription: "年辍学率：学年内辍学人数 ÷ 学年初在校生数。",
      parameters: params({
        start_enrollment: param("学年初在校生", "上学年初在校学生数，须大于 0。"),
        dropouts: param("辍学人数", "学年内辍学的学生数。"),
      }),
      checks: bi(
        "A school's or a district's annual dropout rate, to compare with the limit (DROPOUT_LIMIT).",
        "学校或全区的年辍学率，用于与上限（辍学率上限）比较。",
      ),
      rule: bi(
        "dropouts ÷ start-of-year enrollment (the textbook definition: pupils who left during the school year other than by graduating, transferring or dying).",
        "辍学人数 ÷ 学年初在校生数（统计口径：学年内除毕业、转学、死亡外离校的学生）。",
      ),
      source: bi(
        "The education statistics definition: dropouts during the school year ÷ enrollment at its start, excluding graduation, transfer and death; speech 1 (S1-15) (monthly registry reports) and S1-17 (the limits) (policy reference §4.2, definition a).",
        "教育统计口径：学年内辍学学生数 ÷ 学年初在校学生数，不含毕业、转学、死亡；讲话（一）（S1-15「实行学籍月报制度」、S1-17 辍学率控制目标）（政策依据 §4.2，定义 a）。",
      ),
      examples: [{ args: [1200, 30], result: 0.025 }],
      errors: [
        { error: "#DIV/0!", when: bi("start_enrollment is 0", "学年初在校生为 0"), args: [0, 0] },
        {
          error: "#VALUE!",
          when: bi("dropouts exceed start_enrollment", "辍学人数大于学年初在校生"),
          args: [100, 120],
        },
        { error: "#VALUE!", when: bi("a count is negative", "人数为负数"), args: [-5, 0] },
      ],
    },

    DROPOUT_LIMIT: {
      zhName: "辍学率上限",
      zhDescription: `年辍学率上限：小学 ${n("dropout.primary")}（小学无辍学）；初中 农村 ${pct("dropout.junior.rural")}、县镇 ${pct("dropout.junior.town")}，城市 ${pct("dropout.junior.urban")}。`,
      parameters: params({ level: LEVEL, area: AREA }),
      checks: bi(
        "The dropout rate a school of this level and area must stay within.",
        "该学段、该地区学校的年辍学率不得超过的上限。",
      ),
      rule: bi(
        `Primary (小学) ${n("dropout.primary")} (the speech: no primary dropouts; nationally < 1 %); junior (初中) rural (农村) ${n("dropout.junior.rural")}, town (县镇) ${n("dropout.junior.town")}, urban (城市) ${n("dropout.junior.urban")}. Kindergartens and senior schools have no limit.`,
        `小学 ${n("dropout.primary")}（讲话：小学无辍学；国家控制水平 < 1%）；初中 农村 ${n("dropout.junior.rural")}、县镇 ${n("dropout.junior.town")}、城市 ${n("dropout.junior.urban")}。幼儿园、高中无上限。`,
      ),
      source: DROPOUT_SOURCE,
      examples: [
        { args: ["小学", null], result: 0 },
        { args: ["初中", null], result: 0.03 },
        { args: ["junior", "urban"], result: 0.02 },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi(
            "the level has no dropout limit (senior 高中, kindergarten 幼儿园)",
            "该学段无辍学率上限（高中、幼儿园）",
          ),
          args: ["高中", null],
        },
        {
          error: "#VALUE!",
          when: bi("area is not 城市|urban, 县镇|town or 农村|rural", "地区不是城市、县镇或农村"),
          args: ["初中", "郊区"],
        },
      ],
    },

    DROPOUT_CHECK: {
      zhName: "辍学率达标",
      zhDescription: "年辍学率是否不超过上限（达标返回 TRUE）。",
      parameters: params({
        start_enrollment: param("学年初在校生", "上学年初在校学生数，须大于 0。"),
        dropouts: param("辍学人数", "学年内辍学的学生数。"),
        level: LEVEL,
        area: AREA,
        limit: param("上限", "可选：自定的辍学率上限（0.025 即 2.5%）；省略时用 辍学率上限(学段, 地区)。"),
      }),
      checks: bi(
        "Whether a school keeps its dropout rate within the limit; FALSE marks a school to warn (S2-25). Works in COUNTIF and conditional formatting.",
        "学校的年辍学率是否在上限以内；FALSE 表示应予警告的学校（S2-25）。可用于 COUNTIF 和条件格式。",
      ),
      rule: bi(
        "TRUE when dropouts ÷ start_enrollment ≤ limit; the limit defaults to DROPOUT_LIMIT(level, area).",
        "辍学人数 ÷ 学年初在校生 ≤ 上限 时返回 TRUE；上限默认为 辍学率上限(学段, 地区)。",
      ),
      source: DROPOUT_SOURCE,
      examples: [
        { args: [1200, 30, "初中", null, null], result: true },
        {
          args: [1200, 30, "初中", "城市", null],
          result: false,
          note: bi(
            `2.5 % is above the urban limit of ${pctEn("dropout.junior.urban")}`,
            `2.5% 超过城市初中上限 ${pct("dropout.junior.urban")}`,
          ),
        },
        {
          args: [800, 1, "小学", null, null],
          result: false,
          note: bi(
            "any primary dropout breaches the no-primary-dropout rule (小学无辍学)",
            "小学有辍学即不符合“小学无辍学”",
          ),
        },
        {
          args: [800, 1, "小学", null, 0.01],
          result: true,
          note: bi("the national 1 % limit", "按国家 1% 的控制水平"),
        },
      ],
      errors: [
        {
          error: "#DIV/0!",
          when: bi("start_enrollment is 0", "学年初在校生为 0"),
          args: [0, 0, "初中", null, null],
        },
        {
          error: "#N/A",
          when: bi("no limit is given and the level has none", "未给上限且该学段无上限"),
          args: [500, 5, "高中", null, null],
        },
      ],
    },

    CLASS_SIZE: {
      zhName: "标准班额",
      zhDescription: `标准班额：小学 ${n("class_size.primary")}，初中 ${n("class_size.junior")}，高中 ${n("class_size.senior")}，幼儿园 ${n("class_size.kindergarten")}（小班 ${n("class_size.kg_small")}、中班 ${n("class_size.kg_middle")}、大班 ${n("class_size.kg_large")}、混龄 ${n("class_size.kg_mixed")}）。`,
      parameters: params({
        level: param("学段", "小学、初中、高中、幼儿园，或幼儿园的 小班、中班、大班、混龄（也可用英文）。"),
      }),
      checks: bi("The standard number of pupils in one class of this level.", "该学段一个班的标准人数。"),
      rule: bi(
        `Primary (小学) ${n("class_size.primary")}; junior (初中) ${n("class_size.junior")}; senior (高中) ${n("class_size.senior")}; kindergarten (幼儿园) ${n("class_size.kindergarten")}; small (小班) ${n("class_size.kg_small")}, middle (中班) ${n("class_size.kg_middle")}, large (大班) ${n("class_size.kg_large")}, mixed-age (混龄) ${n("class_size.kg_mixed")}.`,
        `小学 ${n("class_size.primary")}；初中 ${n("class_size.junior")}；高中 ${n("class_size.senior")}；幼儿园 ${n("class_size.kindergarten")}；小班 ${n("class_size.kg_small")}、中班 ${n("class_size.kg_middle")}、大班 ${n("class_size.kg_large")}、混龄 ${n("class_size.kg_mixed")}。`,
      ),
      source: CLASS_SOURCE,
      examples: [
        { args: ["小学"], result: 45 },
        { args: ["junior"], result: 50 },
        { args: ["大班"], result: 35 },
      ],
      errors: [{ error: "#VALUE!", when: UNKNOWN_LEVEL, args: ["大学"] }],
    },

    CLASS_BAND: {
      zhName: "班额等级",
      zhDescription: `平均班额的等级：正常（≤${upTo("class_band.oversize_from")}）、偏大（${n("class_band.oversize_from")}–${upTo("class_band.large_from")}）、大班额（${n("class_band.large_from")}–${upTo("class_band.super_large_from")}）、超大班额（≥${n("class_band.super_large_from")}）。`,
      parameters: params({
        students: param("学生数", "学生人数。"),
        classes: param("班数", "班级数，须大于 0。"),
      }),
      checks: bi(
        "Whether classes are oversized: the band of the average class size, rounded up.",
        "是否存在大班额：按向上取整的平均班额分级。",
      ),
      rule: bi(
        `size = ceil(students ÷ classes); 正常 (normal) ≤ ${upTo("class_band.oversize_from")}, 偏大 (oversize) ${n("class_band.oversize_from")}–${upTo("class_band.large_from")}, 大班额 (large) ${n("class_band.large_from")}–${upTo("class_band.super_large_from")}, 超大班额 (super-large) ≥ ${n("class_band.super_large_from")}.`,
        `班额 = 向上取整(学生数 ÷ 班数)；正常 ≤ ${upTo("class_band.oversize_from")}，偏大 ${n("class_band.oversize_from")}–${upTo("class_band.large_from")}，大班额 ${n("class_band.large_from")}–${upTo("class_band.super_large_from")}，超大班额 ≥ ${n("class_band.super_large_from")}。`,
      ),
      source: bi(
        `State Council, Opinions on Integrated Urban and Rural Compulsory Education within Counties (关于统筹推进县域内城乡义务教育一体化改革发展的若干意见, 国发〔2016〕40号): classes of ${n("class_band.large_from")}–${upTo("class_band.super_large_from")} are large and of ${n("class_band.super_large_from")} or more super-large; super-large classes basically eliminated by 2018, large ones by 2020 (policy reference §4.4).`,
        `《国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》（国发〔2016〕40号）：${n("class_band.large_from")}–${upTo("class_band.super_large_from")} 人为大班额、${n("class_band.super_large_from")} 人及以上为超大班额，2018 年基本消除超大班额，2020 年基本消除大班额（政策依据 §4.4）。`,
      ),
      examples: [
        { args: [270, 6], result: "正常" },
        { args: [300, 6], result: "偏大" },
        { args: [290, 5], result: "大班额" },
        { args: [340, 5], result: "超大班额" },
      ],
      errors: [{ error: "#DIV/0!", when: bi("classes is 0", "班数为 0"), args: [100, 0] }],
    },

    CAPACITY: {
      zhName: "学位容量",
      zhDescription: "学位容量：教室数 × 班额。",
      parameters: params({
        classrooms: param("教室数", "普通教室间数。"),
        level: LEVEL,
        class_size: CLASS_SIZE_OVERRIDE,
      }),
      checks: bi(
        "How many pupils a school's classrooms hold at the standard class size.",
        "按标准班额，学校教室能容纳的学生数。",
      ),
      rule: bi(
        "classrooms × class size (the standard size of the level unless given).",
        "教室数 × 班额（未给班额时用该学段标准班额）。",
      ),
      source: CLASS_SOURCE,
      examples: [
        { args: [12, "小学", null], result: 540 },
        { args: [12, "初中", 45], result: 540 },
      ],
      errors: [{ error: "#VALUE!", when: UNKNOWN_LEVEL, args: [12, "大学", null] }],
    },

    CLASSES_NEEDED: {
      zhName: "所需班数",
      zhDescription: "按标准班额所需班数：各年级人数 ÷ 班额向上取整后相加。",
      parameters: params({ enrollment: ENROLLMENT, level: LEVEL, class_size: CLASS_SIZE_OVERRIDE }),
      checks: bi(
        "How many classes the pupils need, grade by grade, so no class exceeds the standard size.",
        "按年级分班、每班不超过标准班额时需要的班数。",
      ),
      rule: bi(
        "Σ over grades of ceil(grade total ÷ class size); a matrix's columns (grades) are summed over its rows (schools) first.",
        "对各年级求 向上取整(年级人数 ÷ 班额) 之和；矩阵先把各行（学校）按列（年级）相加。",
      ),
      source: CLASS_SOURCE,
      examples: [
        { args: [row(92, 88, 101, 95, 90, 87), "小学", null], result: 15 },
        { args: [300, "初中", null], result: 6 },
        {
          args: [MERGED_SCHOOLS, "小学", null],
          result: 12,
          note: bi("two schools merged: grades are added first", "两校合并：先按年级相加"),
        },
      ],
      errors: [{ error: "#VALUE!", when: UNKNOWN_LEVEL, args: [300, "大学", null] }],
    },

    MERGE_CHECK: {
      zhName: "合并校核",
      zhDescription:
        "学校合并或迁址后教室是否够用：返回学生数、所需班数、教室数、富余教室、平均班额、是否够用。",
      parameters: params({
        enrollment: ENROLLMENT,
        classrooms: param("教室数", "接收校址的普通教室间数。"),
        level: LEVEL,
        class_size: CLASS_SIZE_OVERRIDE,
      }),
      checks: bi(
        "Whether a merged or relocated school fits the host site's classrooms at the standard class size (the Haiyang merger of speech 2 (S2-03.5)).",
        "合并或迁址后，接收校址的教室按标准班额是否够用（讲话（二）S2-03.5 海阳学校合并）。",
      ),
      rule: bi(
        "Spills one row: students, classes needed (as CLASSES_NEEDED), classrooms, spare classrooms (classrooms − needed), average class size (students ÷ classes needed), pass (spare ≥ 0).",
        "溢出一行：学生数、所需班数（同 所需班数）、教室数、富余教室（教室数 − 所需班数）、平均班额（学生数 ÷ 所需班数）、是否够用（富余 ≥ 0）。",
      ),
      source: bi(
        `The class sizes of the rural school construction standard (建标109-2008) and the school design code (GB 50099-2011) (${n("class_size.primary")} pupils a primary class, ${n("class_size.junior")} a secondary one) applied to the merged enrollment; speech 2 (S2-03.5) 「合并鲤泮庄小学和海阳小学,迁到海阳镇中现址」 (“merge Lipanzhuang and Haiyang primary schools into the present Haiyang town middle-school site”; inconsistency I-11) (policy reference §4.4).`,
        `《农村普通中小学校建设标准》（建标109-2008）、《中小学校设计规范》（GB 50099-2011）的标准班额（小学每班 ${n("class_size.primary")} 人、中学每班 ${n("class_size.junior")} 人）用于合并后的在校生；讲话（二）（S2-03.5）「合并鲤泮庄小学和海阳小学,迁到海阳镇中现址」（不一致 I-11）（政策依据 §4.4）。`,
      ),
      examples: [
        { args: [MERGED_SCHOOLS, 12, "小学", null], result: [[340, 12, 12, 0, 340 / 12, true]] },
        {
          args: [MERGED_SCHOOLS, 10, "小学", null],
          result: [[340, 12, 10, -2, 340 / 12, false]],
          note: bi("two classrooms short", "缺两间教室"),
        },
      ],
      errors: [{ error: "#VALUE!", when: UNKNOWN_LEVEL, args: [MERGED_SCHOOLS, 12, "大学", null] }],
    },

    BALANCE_CV: {
      zhName: "均衡差异系数",
      zhDescription: "校际差异系数（按在校生数加权）：标准差 ÷ 均值。",
      parameters: params({
        values: param("生均指标", "各校的生均指标值（如生均图书册数），一行或一列。"),
        enrollments: param("在校生数", "各校在校学生数，形状与生均指标相同。"),
      }),
      checks: bi(
        "How unequal one per-student indicator is between a county's schools: the coefficient of variation used in balanced-education inspections.",
        "某项生均指标在县域各校之间的差异程度：均衡发展督导评估使用的差异系数。",
      ),
      rule: bi(
        "X̄ = ΣPᵢXᵢ ÷ ΣPᵢ; S = sqrt(Σ(Pᵢ/P)(Xᵢ − X̄)²); CV = S ÷ X̄. Pairs with an empty cell are skipped. The composite CV is the mean of the indicator CVs.",
        "X̄ = ΣPᵢXᵢ ÷ ΣPᵢ；S = √(Σ(Pᵢ/P)(Xᵢ − X̄)²)；差异系数 = S ÷ X̄。有空单元格的一对数据跳过。综合差异系数为各指标差异系数的平均数。",
      ),
      source: BALANCE_SOURCE,
      examples: [
        {
          args: [column(6.2, 3.7, 10.51, 2.11, 7.31), column(45, 37, 89, 76, 55)],
          result: 0.515,
          digits: 3,
          note: bi(
            "the public worked example (books per student in 5 schools, §4.3 C): the method sheet reports 0.52",
            "公开的计算示例（5 所学校生均图书，§4.3 C）：原文结果 0.52",
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi("values and enrollments have different sizes", "生均指标与在校生数的单元格数不同"),
          args: [column(1, 2, 3), column(10, 20)],
        },
        {
          error: "#DIV/0!",
          when: bi("the weighted mean is 0", "加权均值为 0"),
          args: [column(0, 0), column(10, 20)],
        },
      ],
    },

    BALANCE_CHECK: {
      zhName: "均衡达标",
      zhDescription: `差异系数是否达到均衡标准：基本均衡 小学 ≤${n("balance.basic.primary")}、初中 ≤${n("balance.basic.junior")}；优质均衡 小学 ≤${n("balance.quality.primary")}、初中 ≤${n("balance.quality.junior")}。`,
      parameters: params({
        cv: param("差异系数", "校际差异系数（如 均衡差异系数 的结果）。"),
        level: param("学段", "小学|primary 或 初中|junior。"),
        standard: param("标准", "可选：基本|basic（默认）或 优质|quality。"),
      }),
      checks: bi(
        "Whether a county's inter-school CV meets the basic (2012) or quality (2017) balanced-education standard.",
        "县域校际差异系数是否达到基本均衡（2012）或优质均衡（2017）标准。",
      ),
      rule: bi(
        `TRUE when cv ≤ limit: basic (基本) primary ${n("balance.basic.primary")}, junior ${n("balance.basic.junior")}; quality (优质) primary ${n("balance.quality.primary")}, junior ${n("balance.quality.junior")}.`,
        `差异系数 ≤ 上限 时返回 TRUE：基本均衡 小学 ${n("balance.basic.primary")}、初中 ${n("balance.basic.junior")}；优质均衡 小学 ${n("balance.quality.primary")}、初中 ${n("balance.quality.junior")}。`,
      ),
      source: BALANCE_SOURCE,
      examples: [
        { args: [0.515, "小学", null], result: true },
        { args: [0.515, "小学", "优质"], result: false },
        { args: [0.6, "初中", null], result: false },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi("the level has no CV limit", "该学段无差异系数标准"),
          args: [0.4, "高中", null],
        },
        {
          error: "#VALUE!",
          when: bi("standard is not 基本|basic or 优质|quality", "标准不是基本或优质"),
          args: [0.4, "小学", "一般"],
        },
      ],
    },

    STAFF_RATIO: {
      zhName: "编制生师比",
      zhDescription: `教职工编制标准：每名教职工对应的学生数（现行 小学 ${n("staff_ratio.primary")}，初中 ${n("staff_ratio.junior")}，高中 ${n("staff_ratio.senior")}；可按年份取历年标准）。`,
      parameters: params({
        level: param("学段", "小学|primary、初中|junior 或 高中|senior。"),
        area: STAFF_AREA,
        year: YEAR("编制标准"),
      }),
      checks: bi(
        "Students per staff post in the national staffing standard in force in a year.",
        "某年施行的全国教职工编制标准中每个编制对应的学生数。",
      ),
      rule: bi(
        `Now (the ${unifiedFrom ?? ""} unified standard): primary (小学) ${n("staff_ratio.primary")}, junior (初中) ${n("staff_ratio.junior")}, senior (高中) ${n("staff_ratio.senior")} students per staff post. ${STAFF_YEARS.en} The table below gives every ratio.`,
        `现行（${unifiedFrom ?? ""} 年城乡统一标准）：小学 ${n("staff_ratio.primary")}、初中 ${n("staff_ratio.junior")}、高中 ${n("staff_ratio.senior")} 名学生核一个教职工编制。${STAFF_YEARS.zh}各年数值见下表。`,
      ),
      source: STAFF_SOURCE,
      tables: STAFF_TABLES,
      examples: [
        { args: ["小学", null, null], result: 19 },
        { args: ["初中", null, null], result: 13.5 },
        { args: ["senior", null, null], result: 12.5 },
        {
          args: ["小学", null, 2012],
          result: 23,
          note: bi("2001 standard, rural (the default area)", "2001 年标准，农村（默认地区）"),
        },
        { args: ["初中", "县镇", 2013], result: 16 },
        { args: ["高中", "城市", 2005], result: 12.5 },
        {
          args: ["小学", "农村", 2014],
          result: 19,
          note: bi("from 2014 the area is ignored", "2014 年起不看地区"),
        },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi("kindergartens (幼儿园) have no ratio here", "幼儿园不适用此标准"),
          args: ["幼儿园", null, null],
        },
        {
          error: "#N/A",
          when: bi(
            "the year is before the first national staffing standard: the message names its year",
            "年份早于第一个全国编制标准：提示标准起始年份",
          ),
          args: ["小学", null, 2000],
        },
        {
          error: "#VALUE!",
          when: bi("year is not a whole year from 1900 to 9999", "年份不是 1900–9999 的整数年"),
          args: ["小学", null, 2012.5],
        },
      ],
    },

    STAFF_QUOTA: {
      zhName: "教职工编制数",
      zhDescription: "教职工编制数：学生数 ÷ 生师比，不取整（取整办法由省里定，可套用 ROUNDUP 或 ROUND）。",
      parameters: params({
        students: param("学生数", "在校学生数。"),
        level: LEVEL,
        ratio: param("生师比", "可选：自定的生师比；省略时用 编制生师比(学段, 地区, 年份)。"),
        area: STAFF_AREA,
        year: YEAR("编制标准"),
      }),
      checks: bi(
        "How many staff posts a school or district is entitled to.",
        "学校或全区应核定的教职工编制数。",
      ),
      rule: bi(
        `students ÷ ratio, not rounded: rounding is a provincial choice, so wrap it in ROUNDUP or ROUND. An omitted ratio is STAFF_RATIO(level, area, year). ${STAFF_YEARS.en}`,
        `学生数 ÷ 生师比，不取整：取整办法由省里定，请套用 ROUNDUP 或 ROUND。省略生师比时用 编制生师比(学段, 地区, 年份)。${STAFF_YEARS.zh}`,
      ),
      source: STAFF_SOURCE,
      tables: STAFF_TABLES,
      examples: [
        { args: [1900, "小学", null, null, null], result: 100 },
        { args: [1000, "初中", null, null, null], result: 1000 / 13.5, digits: 4 },
        { args: [1000, "初中", 12.5, null, null], result: 80 },
        {
          args: [2300, "小学", null, null, 2010],
          result: 100,
          note: bi("2001 standard, rural", "2001 年标准，农村"),
        },
        { args: [1800, "初中", null, "城市", 2013], result: 1800 / 13.5, digits: 4 },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi("no ratio is given and the level has none", "未给生师比且该学段无标准"),
          args: [100, "幼儿园", null, null, null],
        },
        {
          error: "#N/A",
          when: bi(
            "no ratio is given and the year is before the first national staffing standard",
            "未给生师比且年份早于第一个全国编制标准",
          ),
          args: [100, "小学", null, null, 1999],
        },
      ],
    },
  };
}
