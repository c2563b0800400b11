/** zh-CN names, parameter texts and reference help of the funding functions (./functions.ts). */
import type { PolicyPack } from "../../policy/types";
import { DATED_TABLES, normTable, type DatedTables } from "../i18n/dated";
import { policyNumbers } from "../i18n/policy";
import { bi, column, param, params, row, type FunctionTable } from "../i18n/types";

export function fundingTexts(pack: PolicyPack, tables: DatedTables = DATED_TABLES): FunctionTable {
  const { n, pct, pctEn } = policyNumbers(pack);
  /** Months an allowance from the pack's start month pays in its first year. */
  const months = 13 - pack.values["allowance.start_month"].value;
  /** The first year of the dated baselines, and the year they first covered urban schools. */
  const firstNorm =
    tables.norms.find((r) => r.central_west !== undefined || r.east !== undefined)?.from ?? "";
  const ruralUntil = tables.norms.find((r) => r.scope === "unified")?.from ?? "";
  const FUNDS_SOURCE = bi(
    `State Council, Notice on Further Improving the Funding Mechanism for Urban and Rural Compulsory Education (关于进一步完善城乡义务教育经费保障机制的通知, 国发〔2015〕67号): one urban and rural baseline from 2016, ${n("public_funds.boarder")} yuan more per boarder, small rural schools of fewer than ${n("public_funds.small_school_floor")} pupils funded as ${n("public_funds.small_school_floor")}, ${n("public_funds.special")} yuan per special-needs pupil; baselines of about 2021: ${n("public_funds.central_west.primary")}/${n("public_funds.central_west.junior")} yuan in the central and western provinces, ${n("public_funds.east.primary")}/${n("public_funds.east.junior")} in the east; speech 2 (S2-02 and S2-03.2) (policy reference §4.6).`,
    `《国务院关于进一步完善城乡义务教育经费保障机制的通知》（国发〔2015〕67号）：2016 年起城乡统一生均公用经费基准定额，寄宿生每人另加 ${n("public_funds.boarder")} 元，不足 ${n("public_funds.small_school_floor")} 人的农村小规模学校按 ${n("public_funds.small_school_floor")} 人核定，特殊教育学生每人 ${n("public_funds.special")} 元；约 2021 年标准 中西部 ${n("public_funds.central_west.primary")}/${n("public_funds.central_west.junior")} 元、东部 ${n("public_funds.east.primary")}/${n("public_funds.east.junior")} 元；讲话（二）（S2-02、S2-03.2）（政策依据 §4.6）。`,
  );
  const PRESCHOOL_SOURCE = bi(
    `Ministry of Education and others, 14th Five-Year Action Plan for Developing and Improving Preschool Education (“十四五”学前教育发展提升行动计划): a gross enrollment rate of at least ${pctEn("preschool.target_rate")} by 2025, the rate being children in kindergarten ÷ population aged 3–5; speech 2 (S2-15) 「入园(班)率达到90以上」 (“an enrollment rate of 90 or more”: the % sign is lost, read as ${pctEn("preschool.target_rate")}, inconsistency I-5) and S2-14 (1 + 3 + 7 new kindergartens) (policy reference §4.7).`,
    `教育部等《“十四五”学前教育发展提升行动计划》：到 2025 年学前三年毛入园率达到 ${pct("preschool.target_rate")} 以上；毛入园率 = 在园幼儿数 ÷ 3–5 岁人口；讲话（二）（S2-15）「入园(班)率达到90以上」（原文“90”缺 % 号，按 ${pct("preschool.target_rate")} 理解，不一致 I-5）、（S2-14）新建幼儿园 1 + 3 + 7 所（政策依据 §4.7）。`,
  );
  const DEBT_SOURCE = bi(
    "Speech 2 (S2-04), the district's debt repayment plan: its four steps (1,512.88 + 480 + 3,344.29 + 1,576.59 + 6,746.28 = 13,660.04, in units of 10,000 yuan) exceed the stated total of 13,644.78 by 15.26 (inconsistency I-1).",
    "讲话（二）（S2-04）偿还教育欠债的安排：四步还款合计 1512.88 + 480 + 3344.29 + 1576.59 + 6746.28 = 13660.04 万元，比所述欠款总额 13644.78 万元多 15.26 万元（不一致 I-1）。",
  );
  const DEBT_STEPS = column(1512.88, 480, 3344.29, 1576.59, 6746.28);

  return {
    PUBLIC_FUNDS_NORM: {
      zhName: "公用经费定额",
      zhDescription: `生均公用经费基准定额（元/生·年）：现行 中西部 小学 ${n("public_funds.central_west.primary")}、初中 ${n("public_funds.central_west.junior")}；东部 ${n("public_funds.east.primary")}、${n("public_funds.east.junior")}；可按年份取历年全国基准。`,
      parameters: params({
        level: param("学段", "小学|primary 或 初中|junior。"),
        region: param("地区", "可选：中西部|central_west（默认，也可写 中部、西部）或 东部|east。"),
        year: param(
          "年份",
          `可选：预算年度（如 2012），取该年施行的全国基准定额；${ruralUntil} 年以前为农村学校的定额；省略时为现行标准。`,
        ),
      }),
      checks: bi(
        "The per-student public-funds baseline a compulsory school is funded at, as in force in a year.",
        "义务教育学校生均公用经费的基准定额（可取某年施行的标准）。",
      ),
      rule: bi(
        `Yuan per student per year, now: central and western provinces (中西部) primary ${n("public_funds.central_west.primary")}, junior ${n("public_funds.central_west.junior")}; eastern (东部) primary ${n("public_funds.east.primary")}, junior ${n("public_funds.east.junior")}. Provinces may set more: edit the policy values. With a year: the national baseline of the latest row of the table below that starts in or before it, for the region (a region without figures in a row keeps its earlier ones). Before ${ruralUntil} the national baseline covered rural schools only (the rural funding mechanism), so for those years the result is the rural schools' baseline: urban schools had none. No national baseline before ${firstNorm} (#N/A); later raises than the last row are not known and not assumed.`,
        `元/生·年，现行：中西部 小学 ${n("public_funds.central_west.primary")}、初中 ${n("public_funds.central_west.junior")}；东部 小学 ${n("public_funds.east.primary")}、初中 ${n("public_funds.east.junior")}。省级标准可以更高：请修改政策参数。给出年份时：取下表中该年或以前最近一行该地区的全国基准（某行无该地区数值时沿用此前的）。${ruralUntil} 年以前全国基准只适用于农村学校（农村义务教育经费保障机制），结果为农村学校的定额，城市学校当时没有全国基准。${firstNorm} 年以前无全国基准（#N/A）；表中最后一行以后的提标未知，不作假定。`,
      ),
      source: FUNDS_SOURCE,
      tables: [normTable(tables.norms)],
      examples: [
        { args: ["小学", null, null], result: 650 },
        { args: ["初中", "东部", null], result: 900 },
        { args: ["小学", "中西部", 2009], result: 300, note: bi("rural schools only", "仅农村学校") },
        {
          args: ["初中", "东部", 2012],
          result: 750,
          note: bi("the 2011 row is still in force", "沿用 2011 年标准"),
        },
        { args: ["小学", "东部", 2016], result: 650, note: bi("urban and rural unified", "城乡统一") },
        { args: ["初中", null, 2021], result: 850 },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi(
            "the level has no baseline (not primary 小学 or junior 初中)",
            "该学段无基准定额（非小学、初中）",
          ),
          args: ["高中", null, null],
        },
        {
          error: "#N/A",
          when: bi(
            "the year is before the first national baseline: the message says there was none then",
            "年份早于第一个全国基准定额：提示当时尚无全国基准",
          ),
          args: ["小学", null, 2008],
        },
      ],
    },

    PUBLIC_FUNDS: {
      zhName: "公用经费",
      zhDescription: `学校全年公用经费（元）：按基准定额，加寄宿生、特殊教育学生，小规模学校按 ${n("public_funds.small_school_floor")} 人核定。`,
      parameters: params({
        students: param("学生数", "在校学生数。"),
        level: param("学段", "小学|primary 或 初中|junior。"),
        boarders: param("寄宿生", `可选：寄宿学生数，每人另加 ${n("public_funds.boarder")} 元；省略为 0。`),
        special_students: param(
          "特教学生",
          `可选：特殊教育（含随班就读）学生数，每人按 ${n("public_funds.special")} 元；省略为 0。`,
        ),
        small_rural: param(
          "农村小规模",
          `可选：TRUE 表示不足 ${n("public_funds.small_school_floor")} 人的农村小规模学校或教学点，按 ${n("public_funds.small_school_floor")} 人核定；省略为 FALSE。`,
        ),
        norm: param("定额", "可选：自定的生均定额；省略时用 公用经费定额(学段)（中西部）。"),
      }),
      checks: bi(
        "What a school should receive in public (non-personnel) funds for the year, to compare with what it gets (S2-02: the budget fills the gap).",
        "学校全年应得的公用经费，用于与实际安排比较（S2-02：区财政预算安排专项资金补足）。",
      ),
      rule: bi(
        `base = (small_rural and students < ${n("public_funds.small_school_floor")} ? ${n("public_funds.small_school_floor")} : students) − special_students; result = base × norm + special_students × ${n("public_funds.special")} + boarders × ${n("public_funds.boarder")}.`,
        `基数 = （农村小规模 且 学生数 < ${n("public_funds.small_school_floor")} ? ${n("public_funds.small_school_floor")} : 学生数）− 特教学生；结果 = 基数 × 定额 + 特教学生 × ${n("public_funds.special")} + 寄宿生 × ${n("public_funds.boarder")}。`,
      ),
      source: FUNDS_SOURCE,
      examples: [
        { args: [400, "初中", 120, 2, null, null], result: 374300 },
        {
          args: [60, "小学", null, null, true, null],
          result: 65000,
          note: bi(
            `a teaching point of 60 pupils is funded as ${n("public_funds.small_school_floor")}`,
            `60 人的教学点按 ${n("public_funds.small_school_floor")} 人核定`,
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi("special_students or boarders exceed students", "特教学生或寄宿生多于学生数"),
          args: [10, "小学", 0, 12, null, null],
        },
        {
          error: "#N/A",
          when: bi("no norm is given and the level has none", "未给定额且该学段无基准定额"),
          args: [300, "高中", null, null, null, null],
        },
      ],
    },

    ENROLLMENT_RATE: {
      zhName: "毛入园率",
      zhDescription: "学前三年毛入园率：在园幼儿数 ÷ 3–5 岁人口（毛入园率可大于 1）。",
      parameters: params({
        enrolled: param("在园幼儿", "在园（班）幼儿数，含学前班。"),
        population: param("适龄人口", "3–5 岁人口数，须大于 0。"),
      }),
      checks: bi(
        `The preschool gross enrollment rate, to compare with the ${pctEn("preschool.target_rate")} target.`,
        `学前三年毛入园率，用于与 ${pct("preschool.target_rate")} 的目标比较。`,
      ),
      rule: bi(
        "enrolled ÷ population aged 3–5; a gross rate, so it may exceed 1.",
        "在园幼儿数 ÷ 3–5 岁人口；毛入园率可以大于 1。",
      ),
      source: PRESCHOOL_SOURCE,
      examples: [{ args: [2550, 3000], result: 0.85 }],
      errors: [{ error: "#DIV/0!", when: bi("population is 0", "适龄人口为 0"), args: [100, 0] }],
    },

    PLACES_NEEDED: {
      zhName: "学位缺口",
      zhDescription: "达到目标毛入园率还需新增的学位数。",
      parameters: params({
        target_rate: param(
          "目标入园率",
          `目标毛入园率（${n("preschool.target_rate")} 即 ${pct("preschool.target_rate")}）。`,
        ),
        population: param("适龄人口", "3–5 岁人口数。"),
        enrolled: param("在园幼儿", "现有在园幼儿数。"),
      }),
      checks: bi(
        "How many kindergarten places are still missing to reach the target rate.",
        "达到目标入园率还缺多少学位。",
      ),
      rule: bi(
        "max(0, ceil(target_rate × population) − enrolled).",
        "向上取整(目标入园率 × 适龄人口) − 在园幼儿，小于 0 时为 0。",
      ),
      source: PRESCHOOL_SOURCE,
      examples: [
        { args: [0.9, 3000, 2550], result: 150 },
        { args: [0.9, 3000, 2800], result: 0, note: bi("the target is already met", "已达到目标") },
      ],
      errors: [{ error: "#VALUE!", when: bi("a number is negative", "数值为负数"), args: [0.9, -1, 0] }],
    },

    KG_CAPACITY: {
      zhName: "幼儿园容量",
      zhDescription: `幼儿园学位数：小班 ${n("class_size.kg_small")}、中班 ${n("class_size.kg_middle")}、大班 ${n("class_size.kg_large")}、混龄班 ${n("class_size.kg_mixed")} 人。`,
      parameters: params({
        small_classes: param("小班数", "小班个数。"),
        middle_classes: param("中班数", "中班个数。"),
        large_classes: param("大班数", "大班个数。"),
        mixed_classes: param("混龄班数", "可选：混龄班个数；省略为 0。"),
      }),
      checks: bi(
        "How many children a kindergarten holds, e.g. the new kindergartens of S2-14.",
        "幼儿园可容纳的幼儿数，如 S2-14 新建的幼儿园。",
      ),
      rule: bi(
        `${n("class_size.kg_small")} × small + ${n("class_size.kg_middle")} × middle + ${n("class_size.kg_large")} × large + ${n("class_size.kg_mixed")} × mixed; a kindergarten holds at most ${n("preschool.max_kindergarten_size")}.`,
        `${n("class_size.kg_small")} × 小班 + ${n("class_size.kg_middle")} × 中班 + ${n("class_size.kg_large")} × 大班 + ${n("class_size.kg_mixed")} × 混龄班；每所幼儿园不超过 ${n("preschool.max_kindergarten_size")} 人。`,
      ),
      source: bi(
        `Ministry of Education, Kindergarten Work Regulations (幼儿园工作规程, 2016) Art. 11 (${n("class_size.kg_small")}, ${n("class_size.kg_middle")}, ${n("class_size.kg_large")} and ${n("class_size.kg_mixed")} children a class) and Art. 10 (generally at most ${n("preschool.max_kindergarten_size")} children a kindergarten); speech 1 (S1-12) and speech 2 (S2-14) (policy reference §4.7).`,
        `教育部《幼儿园工作规程》（2016 年）第十一条（小班 ${n("class_size.kg_small")} 人、中班 ${n("class_size.kg_middle")} 人、大班 ${n("class_size.kg_large")} 人、混合班 ${n("class_size.kg_mixed")} 人）、第十条（幼儿园规模一般不超过 ${n("preschool.max_kindergarten_size")} 人）；讲话（一）（S1-12）、讲话（二）（S2-14）（政策依据 §4.7）。`,
      ),
      examples: [
        { args: [3, 3, 3, null], result: 270 },
        { args: [3, 3, 3, 1], result: 300 },
      ],
      errors: [{ error: "#VALUE!", when: bi("a count is negative", "班数为负数"), args: [-1, 3, 3, null] }],
    },

    RECONCILE: {
      zhName: "核对差额",
      zhDescription: "所述总额与各分项之和的差额（保留两位小数）；0 表示相符。",
      parameters: params({
        stated_total: param("总额", "文件或讲话中所述的总额。"),
        parts: param("分项", "各分项金额，空单元格跳过。"),
      }),
      checks: bi(
        "Whether the parts of a stated total add up, e.g. the debt steps of S2-04.",
        "各分项之和是否等于所述总额，如 S2-04 的各步还款。",
      ),
      rule: bi(
        "stated_total − SUM(parts), rounded to 2 decimals.",
        "总额 − 各分项之和，四舍五入到两位小数。",
      ),
      source: DEBT_SOURCE,
      examples: [
        {
          args: [13644.78, DEBT_STEPS],
          result: -15.26,
          note: bi(
            "the steps exceed the stated total by 15.26 (10,000 yuan units)",
            "各步合计比总额多 15.26 万元",
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi(
            "stated_total is text, even text that looks like a number",
            "总额为文本（即使看起来像数字）",
          ),
          args: ["13644.78", DEBT_STEPS],
        },
        {
          error: "#VALUE!",
          when: bi("a part is text or TRUE/FALSE", "分项中有文本或逻辑值"),
          args: [13644.78, column(1512.88, "480万")],
        },
      ],
    },

    REPAY_SCHEDULE: {
      zhName: "偿债计划",
      zhDescription: "按偿还顺序逐年安排还款：每行一步，每列一年，最后一列为仍未偿还的金额。",
      parameters: params({
        amounts: param("欠款", "一列：按偿还顺序排列的各步欠款金额。"),
        capacity: param("偿还能力", "一行：每年可用于还款的金额。"),
      }),
      checks: bi(
        "How a debt is paid off, step by step in priority order, within what each year can repay, and what stays unpaid at the end of the term (S2-04.5).",
        "按优先顺序逐步偿还欠款、每年不超过可偿还额时的还款安排，以及任期末仍未偿还的金额（S2-04.5）。",
      ),
      rule: bi(
        "Spills steps × (years + 1): each year pays the earliest unpaid steps up to its capacity (a step may be paid over several years); the last column is what stays unpaid. Empty cells count 0.",
        "溢出 步数 × (年数 + 1)：每年在偿还能力以内依次偿还最早未还清的欠款（一步可跨年偿还）；最后一列为仍未偿还的金额。空单元格按 0 计。",
      ),
      source: DEBT_SOURCE,
      examples: [
        {
          args: [column(1512.88, 480, 4920.88, 6746.28), row(3000, 3000, 3000, 3000)],
          result: [
            [1512.88, 0, 0, 0, 0],
            [480, 0, 0, 0, 0],
            [1007.12, 3000, 913.76, 0, 0],
            [0, 0, 2086.24, 3000, 1660.04],
          ],
          note: bi(
            "the four steps of speech 2 (S2-04) (10,000 yuan units) with 3,000 a year for four years: 1,660.04 stays unpaid",
            "S2-04 的四步欠款（万元），每年偿还 3000、共四年：仍有 1660.04 未还",
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi("an amount or a capacity is negative", "欠款或偿还能力为负数"),
          args: [column(100, -5), row(50)],
        },
      ],
    },

    ALLOWANCE: {
      zhName: "津贴总额",
      zhDescription: "本年度津贴总额：人数 × 月标准 × 发放月数（从起始月到 12 月）。",
      parameters: params({
        people: param("人数", "享受津贴的人数。"),
        monthly_rate: param("月标准", "每人每月金额（元）。"),
        start_month: param(
          "起始月",
          `可选：本年开始发放的月份 1–12，省略为 ${n("allowance.start_month")}（全年 ${months} 个月，即 政策参数("allowance.start_month")）；从 9 月新学年开始填 9（4 个月）。`,
        ),
      }),
      checks: bi(
        "What an allowance paid from a given month costs in this budget year, e.g. the remote rural teachers' allowance from the new school year (S2-06).",
        "从某月开始发放的津贴在本预算年度的支出，如从新学年起发放的偏远农村教师津贴（S2-06）。",
      ),
      rule: bi(
        `people × monthly_rate × (13 − start_month). start_month defaults to ${n("allowance.start_month")} (POLICY("allowance.start_month"): the budget year is a calendar year, ${months} months), as the function specification defines. A district that pays from the new school year passes 9 (September) as the third argument: 4 months in the first year.`,
        `人数 × 月标准 × (13 − 起始月)。按函数规范，起始月省略时为 ${n("allowance.start_month")}（政策参数("allowance.start_month")：预算按自然年度编制，${months} 个月）。从新学年开始发放的地区把 9（9 月）作为第三个参数传入，第一年即 4 个月。`,
      ),
      source: bi(
        `General Office of the State Council, Rural Teacher Support Plan 2015–2020 (乡村教师支持计划(2015—2020年), 国办发〔2015〕43号): living allowances for rural teachers at rates set locally by remoteness (one province pays ${n("allowance.monthly_rate")} yuan a month on average); speech 2 (S2-06) 「从今年新学年开始为偏远农村教师发放津贴」 (“pay remote rural teachers an allowance from this new school year”): from September, 4 months in the first year (policy reference §4.8).`,
        `《国务院办公厅关于印发乡村教师支持计划(2015—2020年)的通知》（国办发〔2015〕43号）：乡村教师生活补助按学校艰苦边远程度由各地自定标准（如某省平均每人每月 ${n("allowance.monthly_rate")} 元）；讲话（二）（S2-06）「从今年新学年开始为偏远农村教师发放津贴」：从 9 月起，第一年 4 个月（政策依据 §4.8）。`,
      ),
      examples: [
        {
          args: [120, 400, null],
          result: 576000,
          note: bi("start_month omitted: 1, a whole year", "省略起始月：为 1，发放全年"),
        },
        {
          args: [120, 400, 9],
          result: 192000,
          note: bi(
            "from September, the new school year (as the five-town speech S2-06 starts): 4 months",
            "从 9 月新学年起（如五镇讲话 S2-06）：4 个月",
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi("start_month is not a whole number from 1 to 12", "起始月不是 1–12 的整数"),
          args: [120, 400, 13],
        },
      ],
    },

    NUTRITION_COST: {
      zhName: "营养餐经费",
      zhDescription: `学生营养改善计划经费：学生数 × 每天标准 × 天数（默认 ${n("nutrition.yuan_per_day")} 元、${n("nutrition.days")} 天）。`,
      parameters: params({
        students: param("学生数", "享受营养膳食补助的学生数。"),
        yuan_per_day: param(
          "每天标准",
          `可选：每生每天补助（元）；省略为 ${n("nutrition.yuan_per_day")} 元。`,
        ),
        days: param("天数", `可选：全年在校天数；省略为 ${n("nutrition.days")} 天。`),
      }),
      checks: bi(
        "What the student nutrition plan costs for the year (S1-27).",
        "学生营养改善计划的全年经费（S1-27）。",
      ),
      rule: bi(
        `students × yuan_per_day × days; ${n("nutrition.yuan_per_day")} yuan a day since autumn 2021 (3 yuan from 2011, then 4), ${n("nutrition.days")} school days.`,
        `学生数 × 每天标准 × 天数；2021 年秋季起每天 ${n("nutrition.yuan_per_day")} 元（2011 年 3 元，后为 4 元），全年 ${n("nutrition.days")} 天。`,
      ),
      source: bi(
        `General Office of the State Council, Opinions on the Nutrition Improvement Plan for Rural Compulsory-Education Students (关于实施农村义务教育学生营养改善计划的意见, 国办发〔2011〕54号): 3 yuan a day from autumn 2011, later 4 yuan and ${n("nutrition.yuan_per_day")} yuan from autumn 2021, for ${n("nutrition.days")} school days; speech 1 (S1-27) 「启动学生营养改善计划」 (“launch the student nutrition plan”): a start in the autumn term gives about 100 days in the first year (policy reference §4.10).`,
        `《国务院办公厅关于实施农村义务教育学生营养改善计划的意见》（国办发〔2011〕54号）：2011 年秋季起每生每天 3 元，后为 4 元，2021 年秋季起 ${n("nutrition.yuan_per_day")} 元，全年按 ${n("nutrition.days")} 个在校日；讲话（一）（S1-27）「启动学生营养改善计划」：秋季学期开始的第一年约 100 天（政策依据 §4.10）。`,
      ),
      examples: [
        { args: [1000, null, null], result: 1000000 },
        {
          args: [1000, 3, 100],
          result: 300000,
          note: bi("the 2011 rate from the autumn term", "2011 年标准、秋季学期开始"),
        },
      ],
      errors: [{ error: "#VALUE!", when: bi("a number is negative", "数值为负数"), args: [-1, null, null] }],
    },
  };
}
