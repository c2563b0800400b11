/** zh-CN names, parameter texts and reference help of the fiscal functions (./functions.ts). */
import { bi, column, param, params, type FunctionTable } from "../i18n/types";

const PRIOR = param(
  "上年数据",
  "上年的 4 或 5 个单元格，依次为：教育财政拨款、财政经常性收入、生均教育经费、生均公用经费、教职工平均工资（可选）。",
);
const CURRENT = param("本年数据", "本年的 4 或 5 个单元格，顺序与上年数据相同。");

const GROWTH_SOURCE = bi(
  "Education Law of the PRC (教育法, 2015 amendment) Art. 56 ¶2 (Art. 55 in the 1995 text) and Compulsory Education Law (义务教育法, 2006 revision) Art. 42 ¶3: appropriations must grow faster than recurring fiscal revenue, and per-student spending, staff pay and per-student public funds must rise; speech 2 (S2-03.1) and speech 1 (S1-28), where the speech calls only G1 “the three growths” (inconsistency I-4) (policy reference §4.1).",
  "《中华人民共和国教育法》（2015 年修正）第五十六条第二款（1995 年文本第五十五条）、《中华人民共和国义务教育法》（2006 年修订）第四十二条第三款：教育财政拨款的增长应当高于财政经常性收入的增长，按在校学生人数平均的教育费用、教职工工资和学生人均公用经费逐步增长；讲话（二）（S2-03.1）、讲话（一）（S1-28），讲话把第一个增长当作“三个增长”（不一致 I-4）（政策依据 §4.1）。",
);

const PASSING_PRIOR = column(1000, 5000, 8000, 700);
const PASSING_CURRENT = column(1100, 5300, 8400, 750);
const SLOW_CURRENT = column(1050, 5300, 8400, 750);

const SIZE_ERRORS = [
  {
    error: "#VALUE!" as const,
    when: bi(
      "prior and current have different sizes, or not 4 or 5 cells",
      "上年数据与本年数据单元格数不同，或不是 4 或 5 个单元格",
    ),
    args: [PASSING_PRIOR, column(1100, 5300, 8400, 750, 61000)],
  },
];

export const FISCAL_TEXTS: FunctionTable = {
  GROWTH: {
    zhName: "增长率",
    zhDescription: "本年比上年的增长率：本年数 ÷ 上年数 − 1（0.08 即 8%）。",
    parameters: params({
      prior: param("上年数", "上年（基期）的金额或数量，须大于 0。"),
      current: param("本年数", "本年的金额或数量。"),
    }),
    checks: bi(
      "The growth rate of a figure from the prior year to the current one: the building block of the three statutory growths.",
      "某项指标本年比上年的增长率，是“三个增长”的计算基础。",
    ),
    rule: bi(
      "current ÷ prior − 1, as a fraction (0.08 is 8 %).",
      "本年数 ÷ 上年数 − 1，以小数表示（0.08 即 8%）。",
    ),
    source: bi(
      "Education Law of the PRC (教育法, 2015 amendment) Art. 56 ¶2: appropriation growth must exceed recurring-revenue growth, a comparison of growth rates, not amounts (policy reference §4.1).",
      "《中华人民共和国教育法》（2015 年修正）第五十六条第二款：教育财政拨款的增长应当高于财政经常性收入的增长，比较的是增长率，不是金额（政策依据 §4.1）。",
    ),
    examples: [{ args: [12000, 12960], result: 0.08 }],
    errors: [
      { error: "#DIV/0!", when: bi("prior is 0", "上年数为 0"), args: [0, 100] },
      { error: "#VALUE!", when: bi("prior is negative", "上年数为负数"), args: [-5, 100] },
    ],
  },

  THREE_GROWTH: {
    zhName: "三个增长",
    zhDescription:
      "核对“三个增长”：教育财政拨款增长高于财政经常性收入增长，生均教育经费、生均公用经费（及教职工平均工资）比上年增长。",
    parameters: params({ prior: PRIOR, current: CURRENT }),
    checks: bi(
      "Whether the three statutory growths hold for one government level and year: the education appropriation grows faster than recurring fiscal revenue (G1), per-student education expenditure rises (G2), per-student public funds rise, and so does average staff pay when it is given (G3).",
      "某级政府某年度是否达到“三个增长”：教育财政拨款增长高于财政经常性收入增长（G1），生均教育经费增长（G2），生均公用经费增长、给出教职工平均工资时工资也增长（G3）。",
    ),
    rule: bi(
      "G1: growth(appropriation) > growth(revenue), strictly; G2: per-student expenditure current > prior; G3: per-student public funds current > prior, and pay current > prior when the 5th cell is given. TRUE only when every test passes.",
      "G1：教育财政拨款增长率 > 财政经常性收入增长率（严格大于）；G2：本年生均教育经费 > 上年；G3：本年生均公用经费 > 上年，给出第 5 个单元格时本年教职工平均工资 > 上年。全部满足才返回 TRUE。",
    ),
    source: GROWTH_SOURCE,
    examples: [
      { args: [PASSING_PRIOR, PASSING_CURRENT], result: true },
      {
        args: [PASSING_PRIOR, SLOW_CURRENT],
        result: false,
        note: bi(
          "the appropriation grows 5 %, revenue 6 %: G1 fails",
          "拨款增长 5%，低于财政经常性收入增长 6%：G1 未达到",
        ),
      },
    ],
    errors: SIZE_ERRORS,
  },

  THREE_GROWTH_DETAIL: {
    zhName: "三个增长明细",
    zhDescription: "逐项列出“三个增长”的核对结果：每项一行，列为项目、实际增长、要求增长、是否达到。",
    parameters: params({ prior: PRIOR, current: CURRENT }),
    checks: bi(
      "The same tests as THREE_GROWTH, one row each, so a report shows which growth fails and by how much.",
      "与 三个增长 相同的核对，每项一行，便于在报表中看出哪一项未达到、差多少。",
    ),
    rule: bi(
      "Spills one row per test (G1, G2, G3 public funds, and G3 pay when given) × 4 columns: label, achieved growth, required growth (G1: the revenue growth; others: 0), pass.",
      "溢出每项一行（G1、G2、G3 生均公用经费，给出工资时另加 G3 教职工平均工资）× 4 列：项目代号、实际增长率、要求增长率（G1 为财政经常性收入增长率，其余为 0）、是否达到。",
    ),
    source: GROWTH_SOURCE,
    examples: [
      {
        args: [PASSING_PRIOR, SLOW_CURRENT],
        result: [
          ["G1", 0.05, 0.06, false],
          ["G2", 0.05, 0, true],
          ["G3 public funds", 750 / 700 - 1, 0, true],
        ],
        note: bi(
          "the first column names the test as the specification does, in every language: G1 appropriation growth above revenue growth, G2 per-student expenditure rises, G3 public funds and G3 pay rise",
          "第一列为项目代号，与公式规范一致、不随语言变化：“G1” 拨款增长高于财政经常性收入增长，“G2” 生均教育经费增长，“G3 public funds” 生均公用经费增长，“G3 pay” 教职工平均工资增长",
        ),
      },
    ],
    errors: SIZE_ERRORS,
  },

  ONLY_INCREASE: {
    zhName: "只增不减",
    zhDescription: "核对“两个只增不减”：一般公共预算教育支出总额和按在校生人数平均的支出都不低于上年。",
    parameters: params({
      prior_total: param("上年总额", "上年一般公共预算教育支出。"),
      current_total: param("本年总额", "本年一般公共预算教育支出。"),
      prior_per_student: param("上年生均", "上年按在校学生人数平均的一般公共预算教育支出。"),
      current_per_student: param("本年生均", "本年按在校学生人数平均的一般公共预算教育支出。"),
    }),
    checks: bi(
      "Whether general-budget education spending and spending per student both stay at least at last year's level (the “two no-decreases”, 两个只增不减).",
      "一般公共预算教育支出总额和生均支出是否都不低于上年（两个只增不减）。",
    ),
    rule: bi(
      "TRUE when current_total ≥ prior_total and current_per_student ≥ prior_per_student.",
      "本年总额 ≥ 上年总额 且 本年生均 ≥ 上年生均 时返回 TRUE。",
    ),
    source: bi(
      "General Office of the State Council, Opinions on further adjusting the structure of education funding to use it more effectively (国办发〔2018〕82号), and later documents: general-budget education spending, in total and per student, must not fall from one year to the next (policy reference §4.1).",
      "《国务院办公厅关于进一步调整优化结构提高教育经费使用效益的意见》（国办发〔2018〕82号）及其后文件：「确保一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算教育支出逐年只增不减」（政策依据 §4.1）。",
    ),
    examples: [
      { args: [52000, 53500, 9800, 9900], result: true },
      {
        args: [52000, 53500, 9800, 9750],
        result: false,
        note: bi("the total rises but spending per student falls", "总额增加，但生均支出下降"),
      },
    ],
    errors: [
      {
        error: "#VALUE!",
        when: bi("an amount is negative", "金额为负数"),
        args: [-52000, 53500, 9800, 9900],
      },
      {
        error: "#VALUE!",
        when: bi("an amount is text, even text that looks like a number", "金额为文本（即使看起来像数字）"),
        args: ["52000", 53500, 9800, 9900],
      },
    ],
  },
};
