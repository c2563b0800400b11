import { bi, column, param, row, type FunctionTable } from "./types";

const FUNDS_SOURCE = bi(
  "Policy reference §4.6: 国发〔2015〕67号 (urban and rural baseline unified in 2016; +200 per boarder; small rural schools counted as 100 pupils; 6,000 for special education); ≈2021 levels 650/850 (中西部) and 700/900 (东部); speech S2-02, S2-03.2.",
  "政策依据 §4.6：国发〔2015〕67号（2016 年城乡统一基准定额；寄宿生另加 200 元；不足 100 人的农村小规模学校按 100 人核定；特殊教育 6000 元）；约 2021 年标准 中西部 650/850、东部 700/900；讲话 S2-02、S2-03.2。",
);
const PRESCHOOL_SOURCE = bi(
  "Policy reference §4.7: gross rate = children in kindergarten ÷ population aged 3–5; speech S2-15 「入园(班)率达到90以上」 (90 %: the “%” was lost, I-5); S2-14 new kindergartens 1 + 3 + 7.",
  "政策依据 §4.7：毛入园率 = 在园幼儿数 ÷ 3–5 岁人口；讲话 S2-15「入园(班)率达到90以上」（即 90%，百分号缺失，不一致 I-5）；S2-14 新建幼儿园 1 + 3 + 7 所。",
);
const DEBT_SOURCE = bi(
  "Speech S2-04: the four repayment steps (1,512.88 + 480 + 3,344.29 + 1,576.59 + 6,746.28 = 13,660.04 万元) exceed the stated total of 13,644.78 万元 by 15.26 (inconsistency I-1).",
  "讲话 S2-04：四步还款合计 1512.88 + 480 + 3344.29 + 1576.59 + 6746.28 = 13660.04 万元，比所述欠款总额 13644.78 万元多 15.26 万元（不一致 I-1）。",
);
const DEBT_STEPS = column(1512.88, 480, 3344.29, 1576.59, 6746.28);

export const FUNDING: FunctionTable = {
  PUBLIC_FUNDS_NORM: {
    zhName: "公用经费定额",
    zhDescription: "生均公用经费基准定额（元/生·年）：中西部 小学 650、初中 850；东部 700、900。",
    parameters: [
      param("学段", "小学|primary 或 初中|junior。"),
      param("地区", "可选：中西部|central_west（默认，也可写 中部、西部）或 东部|east。"),
    ],
    checks: bi(
      "The per-student public-funds baseline a compulsory school is funded at.",
      "义务教育学校生均公用经费的基准定额。",
    ),
    rule: bi(
      "元 per student per year: 中西部 小学 650, 初中 850; 东部 小学 700, 初中 900. Provinces may set more: edit the policy values.",
      "元/生·年：中西部 小学 650、初中 850；东部 小学 700、初中 900。省级标准可以更高：请修改政策参数。",
    ),
    source: FUNDS_SOURCE,
    examples: [
      { args: ["小学", null], result: 650 },
      { args: ["初中", "东部"], result: 900 },
    ],
    errors: [
      {
        error: "#N/A",
        when: bi("the level has no baseline (not 小学 or 初中)", "该学段无基准定额（非小学、初中）"),
        args: ["高中", null],
      },
    ],
  },

  PUBLIC_FUNDS: {
    zhName: "公用经费",
    zhDescription: "学校全年公用经费（元）：按基准定额，加寄宿生、特殊教育学生，小规模学校按 100 人核定。",
    parameters: [
      param("学生数", "在校学生数。"),
      param("学段", "小学|primary 或 初中|junior。"),
      param("寄宿生", "可选：寄宿学生数，每人另加 200 元；省略为 0。"),
      param("特教学生", "可选：特殊教育（含随班就读）学生数，每人按 6000 元；省略为 0。"),
      param(
        "农村小规模",
        "可选：TRUE 表示不足 100 人的农村小规模学校或教学点，按 100 人核定；省略为 FALSE。",
      ),
      param("定额", "可选：自定的生均定额；省略时用 公用经费定额(学段)（中西部）。"),
    ],
    checks: bi(
      "What a school should receive in public (non-personnel) funds for the year, to compare with what it gets (S2-02: the budget fills the gap).",
      "学校全年应得的公用经费，用于与实际安排比较（S2-02：区财政预算安排专项资金补足）。",
    ),
    rule: bi(
      "base = (small_rural and students < 100 ? 100 : students) − special_students; result = base × norm + special_students × 6000 + boarders × 200.",
      "基数 = （农村小规模 且 学生数 < 100 ? 100 : 学生数）− 特教学生；结果 = 基数 × 定额 + 特教学生 × 6000 + 寄宿生 × 200。",
    ),
    source: FUNDS_SOURCE,
    examples: [
      { args: [400, "初中", 120, 2, null, null], result: 374300 },
      {
        args: [60, "小学", null, null, true, null],
        result: 65000,
        note: bi("a teaching point of 60 pupils is funded as 100", "60 人的教学点按 100 人核定"),
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
    parameters: [
      param("在园幼儿", "在园（班）幼儿数，含学前班。"),
      param("适龄人口", "3–5 岁人口数，须大于 0。"),
    ],
    checks: bi(
      "The preschool gross enrollment rate, to compare with the 90 % target.",
      "学前三年毛入园率，用于与 90% 的目标比较。",
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
    parameters: [
      param("目标入园率", "目标毛入园率（0.9 即 90%）。"),
      param("适龄人口", "3–5 岁人口数。"),
      param("在园幼儿", "现有在园幼儿数。"),
    ],
    checks: bi(
      "How many kindergarten places are still missing to reach the target rate.",
      "达到目标入园率还缺多少学位。",
    ),
    rule: bi(
      "max(0, ceil(target_rate × population) − enrolled).",
      "max(0, 向上取整(目标入园率 × 适龄人口) − 在园幼儿)。",
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
    zhDescription: "幼儿园学位数：小班 25、中班 30、大班 35、混龄班 30 人。",
    parameters: [
      param("小班数", "小班个数。"),
      param("中班数", "中班个数。"),
      param("大班数", "大班个数。"),
      param("混龄班数", "可选：混龄班个数；省略为 0。"),
    ],
    checks: bi(
      "How many children a kindergarten holds, e.g. the new kindergartens of S2-14.",
      "幼儿园可容纳的幼儿数，如 S2-14 新建的幼儿园。",
    ),
    rule: bi(
      "25 × small + 30 × middle + 35 × large + 30 × mixed; a kindergarten holds at most 360.",
      "25 × 小班 + 30 × 中班 + 35 × 大班 + 30 × 混龄班；每所幼儿园不超过 360 人。",
    ),
    source: bi(
      "Policy reference §4.7: 《幼儿园工作规程》 (2016); speech S1-12, S2-14.",
      "政策依据 §4.7：《幼儿园工作规程》（2016）；讲话 S1-12、S2-14。",
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
    parameters: [param("总额", "文件或讲话中所述的总额。"), param("分项", "各分项金额，空单元格跳过。")],
    checks: bi(
      "Whether the parts of a stated total add up, e.g. the debt steps of S2-04.",
      "各分项之和是否等于所述总额，如 S2-04 的各步还款。",
    ),
    rule: bi("stated_total − SUM(parts), rounded to 2 decimals.", "总额 − SUM(分项)，四舍五入到两位小数。"),
    source: DEBT_SOURCE,
    examples: [
      {
        args: [13644.78, DEBT_STEPS],
        result: -15.26,
        note: bi("the steps exceed the stated total by 15.26 万元", "各步合计比总额多 15.26 万元"),
      },
    ],
    errors: [],
  },

  REPAY_SCHEDULE: {
    zhName: "偿债计划",
    zhDescription: "按偿还顺序逐年安排还款：每行一步，每列一年，最后一列为仍未偿还的金额。",
    parameters: [
      param("欠款", "一列：按偿还顺序排列的各步欠款金额。"),
      param("偿还能力", "一行：每年可用于还款的金额。"),
    ],
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
          "the four steps of S2-04 (万元) with 3,000 a year for four years: 1,660.04 stays unpaid",
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
    parameters: [
      param("人数", "享受津贴的人数。"),
      param("月标准", "每人每月金额（元）。"),
      param("起始月", "可选：本年开始发放的月份 1–12；9 表示从 9 月新学年开始（4 个月）。"),
    ],
    checks: bi(
      "What an allowance paid from a given month costs in this budget year, e.g. the remote rural teachers' allowance from the new school year (S2-06).",
      "从某月开始发放的津贴在本预算年度的支出，如从新学年起发放的偏远农村教师津贴（S2-06）。",
    ),
    rule: bi("people × monthly_rate × (13 − start_month).", "人数 × 月标准 × (13 − 起始月)。"),
    source: bi(
      "Policy reference §4.8 (乡村教师生活补助, 国办发〔2015〕43号; e.g. 400 元 a month); speech S2-06 「从今年新学年开始为偏远农村教师发放津贴」: from September, 4 months in the first year.",
      "政策依据 §4.8（乡村教师生活补助，国办发〔2015〕43号；如每人每月 400 元）；讲话 S2-06「从今年新学年开始为偏远农村教师发放津贴」：从 9 月起，第一年 4 个月。",
    ),
    examples: [
      { args: [120, 400, 9], result: 192000, note: bi("from September: 4 months", "从 9 月起：4 个月") },
      { args: [120, 400, 1], result: 576000 },
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
    zhDescription: "学生营养改善计划经费：学生数 × 每天标准 × 天数（默认 5 元、200 天）。",
    parameters: [
      param("学生数", "享受营养膳食补助的学生数。"),
      param("每天标准", "可选：每生每天补助（元）；省略为 5 元。"),
      param("天数", "可选：全年在校天数；省略为 200 天。"),
    ],
    checks: bi(
      "What the student nutrition plan costs for the year (S1-27).",
      "学生营养改善计划的全年经费（S1-27）。",
    ),
    rule: bi(
      "students × yuan_per_day × days; 5 元 a day since autumn 2021 (3 元 from 2011, then 4 元), 200 school days.",
      "学生数 × 每天标准 × 天数；2021 年秋季起每天 5 元（2011 年 3 元，后为 4 元），全年 200 天。",
    ),
    source: bi(
      "Policy reference §4.10 (学生营养改善计划); speech S1-27 「启动学生营养改善计划」: a start in the autumn term gives about 100 days in the first year.",
      "政策依据 §4.10（学生营养改善计划）；讲话 S1-27「启动学生营养改善计划」：秋季学期开始的第一年约 100 天。",
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
