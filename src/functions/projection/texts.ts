/** zh-CN names, parameter texts and reference help of the enrollment-projection functions (./functions.ts). */
import { bi, column, errorCell, param, params, row, type FunctionTable } from "../i18n/types";

const PROGRESSION_SOURCE = bi(
  "The grade progression ratio method (年级升级比例法) of grade-by-grade enrollment forecasts, as in the Tibet model of 《数学的实践与认识》 2006(11) (births, then intake, then enrollment by grade, then teachers): r(g, t) = E(g+1, t+1) / E(g, t), averaged over recent years (3 is typical); the ratio absorbs repetition, dropout, transfers and migration, and r > 1 means net in-migration. The years are pooled (Σ over Σ, a mean weighted by enrollment) (budget reference §8).",
  "分年级在校生预测的年级升级比例法，见《数学的实践与认识》2006 年第 11 期西藏模型（出生人口 → 招生 → 分年级在校生 → 教师需求）：r(g, t) = E(g+1, t+1) ÷ E(g, t)，取最近几年（一般 3 年）的平均；比例已含留级、辍学、转入转出和人口迁移，r > 1 表示净迁入。各年合并计算（Σ 比 Σ，即按在校生加权的平均）（预算依据 §8）。",
);

/** Enrollment of 3 grades in 3 years (rows 2022, 2023, 2024): ratios 490 / 500 = 0.98 and 396 / 400 = 0.99. */
const HISTORY = [
  [220, 204, 180],
  [280, 196, 198],
  [250, 294, 198],
];

export const PROJECTION_TEXTS: FunctionTable = {
  PROGRESSION_RATIO: {
    zhName: "升级比例",
    zhDescription: "年级升级比例：各年级下一年的在校生数 ÷ 低一年级本年的在校生数，按历年在校生合并计算。",
    parameters: params({
      history: param(
        "历年在校生",
        "各年（行，从早到晚）各年级（列，按年级顺序）的在校生数，至少 2 行 2 列；不是数字的单元格跳过。",
      ),
    }),
    checks: bi(
      "How many pupils of each grade go on to the next grade a year later, from the enrollment history: the ratios a grade-by-grade projection runs on.",
      "根据历年在校生，各年级学生一年后升入上一年级的比例：分年级预测在校生的依据。",
    ),
    rule: bi(
      "Spills one row of grades − 1 ratios: r(g) = Σₜ E(g+1, t+1) / Σₜ E(g, t) over every pair of consecutive rows where both cells are numbers. An empty or non-numeric cell drops only the pairs it is in. A grade with no pair or a zero denominator gives #DIV/0! in its column only.",
      "溢出一行，共 年级数 − 1 个比例：r(g) = Σₜ E(g+1, t+1) ÷ Σₜ E(g, t)，对相邻两行中两个单元格都是数字的每一对求和。空白或非数字单元格只去掉它所在的那几对。某年级没有可用的一对或分母为 0 时，只有该列为 “#DIV/0!”。",
    ),
    source: PROGRESSION_SOURCE,
    examples: [
      {
        args: [HISTORY],
        result: [[0.98, 0.99]],
        note: bi(
          "3 years × 3 grades: (196 + 294) / (220 + 280) and (198 + 198) / (204 + 196)",
          "3 年 × 3 个年级：(196 + 294) ÷ (220 + 280)，(198 + 198) ÷ (204 + 196)",
        ),
      },
      {
        args: [
          [
            [220, 500, 180],
            [250, "", 495],
            [250, 245, 198],
          ],
        ],
        result: [[0.98, 0.99]],
        note: bi(
          "a cell that is not a number drops the two pairs it is in: 245 / 250 and 495 / 500",
          "不是数字的单元格去掉它所在的两对：245 ÷ 250，495 ÷ 500",
        ),
      },
      {
        args: [
          [
            [250, 0, 180],
            [250, 245, 198],
          ],
        ],
        result: [[0.98, errorCell("#DIV/0!")]],
        note: bi("no pupils in grade 2: #DIV/0! in its column only", "二年级无学生：只有该列为 “#DIV/0!”"),
      },
    ],
    errors: [
      {
        error: "#VALUE!",
        when: bi("history has fewer than 2 rows or 2 columns", "历年在校生少于 2 行或 2 列"),
        args: [row(200, 204, 180)],
      },
    ],
  },

  PROJECT_ENROLLMENT: {
    zhName: "在校生预测",
    zhDescription:
      "按年级升级比例预测今后各年各年级的在校生数：一年级为招生数，其余为低一年级上一年的人数 × 升级比例。",
    parameters: params({
      current: param("本年在校生", "一行：T 年各年级的在校生数。"),
      ratios: param("升级比例", "一行：各年级升入上一年级的比例，共 年级数 − 1 个（如 升级比例 的结果）。"),
      entrants: param("招生数", "一行或一列：T+1 … T+n 年一年级的招生数。"),
    }),
    checks: bi(
      "Enrollment by grade for the years of a budget or a term plan, from this year's enrollment and the expected intake: the student numbers per-student funding, classes and staff are budgeted on.",
      "预算年度或规划期各年各年级的在校生数，由本年在校生和预计招生推算：生均经费、班数和教职工编制的测算基数。",
    ),
    rule: bi(
      "Spills n rows × grades: E(1, T+k) = entrants(k); E(g+1, T+k) = E(g, T+k−1) × r(g). Not rounded (wrap it in ROUND). ratios must have grades − 1 cells; negative numbers are not accepted.",
      "溢出 n 行 × 年级数 列：E(1, T+k) = 招生数(k)；E(g+1, T+k) = E(g, T+k−1) × r(g)。不取整（需要时外套 ROUND）。升级比例须为 年级数 − 1 个；不接受负数。",
    ),
    source: PROGRESSION_SOURCE,
    examples: [
      {
        args: [row(250, 294, 198), row(0.98, 0.99), row(260, 240, 230)],
        result: [
          [260, 245, 291.06],
          [240, 254.8, 242.55],
          [230, 235.2, 252.252],
        ],
        note: bi(
          "3 grades, 3 years: 250 × 0.98 = 245, 294 × 0.99 = 291.06, then 260 × 0.98 = 254.8 …",
          "3 个年级、3 年：250 × 0.98 = 245，294 × 0.99 = 291.06，再 260 × 0.98 = 254.8 …",
        ),
      },
    ],
    errors: [
      {
        error: "#VALUE!",
        when: bi("ratios does not have grades − 1 cells", "升级比例不是 年级数 − 1 个"),
        args: [row(250, 294, 198), row(0.98), column(260)],
      },
      {
        error: "#VALUE!",
        when: bi("a number is negative", "有负数"),
        args: [row(250, -1, 198), row(0.98, 0.99), column(260)],
      },
    ],
  },

  ENTRY_RATE: {
    zhName: "入学率系数",
    zhDescription: "一年级招生数与其出生年出生人口之比：Σ 招生数 ÷ Σ 出生人口，只计两者都是数字的年份。",
    parameters: params({
      entrants: param("招生数", "各年一年级的招生数。"),
      births: param("出生人口", "与招生数同样大小：各届学生出生年份的出生人口。"),
    }),
    checks: bi(
      "How many first graders a birth cohort gives, to project the intake of coming years from births: E(1, t) = B(t − 6) × the rate.",
      "每个出生人口对应的一年级招生数，用出生人口推算今后各年的招生：E(1, t) = B(t − 6) × 系数。",
    ),
    rule: bi(
      "Σ entrants / Σ births over the pairs where both are numbers. The rate absorbs survival, migration, the spread of the age at entry and the enrollment rate; it may exceed 1 (net in-migration).",
      "Σ 招生数 ÷ Σ 出生人口，只计两者都是数字的各对。系数已含存活、迁移、入学年龄分布和入学率；可以大于 1（净迁入）。",
    ),
    source: bi(
      "Beijing's forecast of school places (赵佳音, 《教育经济评论》 2022(3)): the relation between births and first-grade intake must be estimated from past years, not assumed; α = E(1, s) / B(s − a) over past years, a being the entry age (here pooled: Σ over Σ) (budget reference §8).",
      "北京学位需求预测（赵佳音，《教育经济评论》2022 年第 3 期）：出生人口与招生数的关系须由历年数据估计，不能假定；α = E(1, s) ÷ B(s − a)，a 为入学年龄，取历年平均（此处合并计算：Σ 比 Σ）（预算依据 §8）。",
    ),
    examples: [
      {
        args: [column(1030, 1133), column(1000, 1100)],
        result: 1.03,
        note: bi("(1030 + 1133) / (1000 + 1100)", "(1030 + 1133) ÷ (1000 + 1100)"),
      },
    ],
    errors: [
      {
        error: "#DIV/0!",
        when: bi("the births of the pairs with numbers add up to 0", "两者都是数字的各对出生人口合计为 0"),
        args: [column(30), column(0)],
      },
      {
        error: "#VALUE!",
        when: bi("births and entrants differ in shape", "出生人口与招生数大小不同"),
        args: [column(1030, 1133), column(1000)],
      },
    ],
  },
};
