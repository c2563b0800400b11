/** zh-CN names, parameter texts and reference help of the class-assignment and policy functions (./functions.ts). */
import type { PolicyPack } from "../../policy/types";
import { bi, column, param, params, type FunctionTable } from "../i18n/types";
import { policyNumbers } from "../i18n/policy";

const ASSIGNMENT_SOURCE = bi(
  "Compulsory Education Law (义务教育法, 2006 revision) Art. 22: no key and non-key classes; Ministry of Education, Management Standards for Compulsory-Education Schools (义务教育学校管理标准, 2014) item 92: balanced class placement; speech 1 (S1-16) 「小学一年级、初中七年级继续实行微机编班」 (“keep computer-assisted class placement for grades 1 and 7”) (policy reference §4.9).",
  "《中华人民共和国义务教育法》（2006 年修订）第二十二条：「学校不得分设重点班和非重点班」；教育部《义务教育学校管理标准》（2014 年）第 92 条：均衡编班；讲话（一）（S1-16）「小学一年级、初中七年级继续实行微机编班」（政策依据 §4.9）。",
);
const SCORES = column(90, 85, 80, 75, 70, 65);
const GENDERS = column("男", "女", "男", "女", "男", "女");

export function assignmentTexts(pack: PolicyPack): FunctionTable {
  const { n } = policyNumbers(pack);
  return {
    ASSIGN_CLASSES: {
      zhName: "均衡编班",
      zhDescription: "微机均衡编班：按成绩和性别把学生分到 1…班数 个班，返回每名学生的班号。",
      parameters: params({
        scores: param("成绩", "一列：每名学生一行的成绩；一年级无成绩时可全部为空。"),
        classes: param("班数", "要分成的班数。"),
        genders: param("性别", "可选：与成绩同样大小的一列，男/女 或 M/F。"),
        seed: param("种子", "可选：随机种子，默认 1；相同输入和种子总得到相同结果。"),
      }),
      checks: bi(
        "A balanced class list for a new intake (grade 1 or 7): no key classes, every class alike.",
        "新生（一年级或七年级）的均衡分班名单：不分重点班，各班情况相当。",
      ),
      rule: bi(
        "Spills a column of class numbers 1…classes, one per student. Class sizes differ by at most 1; each gender's count per class differs by at most 1; the largest gap between class mean scores is never worse than the S-shape (snake) placement of the same students; the same inputs and seed always give the same result.",
        "溢出一列班号 1…班数，每名学生一个。各班人数相差不超过 1；各班同一性别人数相差不超过 1；各班平均分的最大差距不大于同一批学生按 S 形（蛇形）排列的结果；相同输入和种子总得到相同结果。",
      ),
      source: ASSIGNMENT_SOURCE,
      examples: [
        { args: [column(90, 85, 80, 75), 2, null, null], result: column(1, 2, 2, 1) },
        { args: [SCORES, 2, GENDERS, null], result: column(1, 2, 2, 1, 2, 1) },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi(
            "classes is not a whole number from 1 to the number of students",
            "班数不是 1 到学生数之间的整数",
          ),
          args: [column(90, 85), 3, null, null],
        },
        {
          error: "#VALUE!",
          when: bi("a gender is not 男/女 (male/female) or M/F", "性别不是 男/女 或 M/F"),
          args: [column(90, 85), 2, column("男", "x"), null],
        },
      ],
    },

    CLASS_BALANCE: {
      zhName: "编班均衡度",
      zhDescription: "分班结果的均衡程度：返回各班人数最大差、同性别人数最大差、平均分最大差。",
      parameters: params({
        assignments: param("班号", "一列：每名学生的班号（如 均衡编班 的结果）。"),
        scores: param("成绩", "与班号同样大小的一列成绩；空单元格跳过。"),
        genders: param("性别", "可选：与班号同样大小的一列，男/女 或 M/F。"),
      }),
      checks: bi(
        "How balanced a class list is, to publish with it or to check a list made by hand.",
        "分班名单的均衡程度，可随名单公布，也可用来核对手工分班。",
      ),
      rule: bi(
        "Spills one row: largest class-size gap, largest per-gender count gap (0 without genders), largest gap between class mean scores. Local practice keeps the mean gap under 0.5–1 point.",
        "溢出一行：各班人数最大差、各班同一性别人数最大差（无性别时为 0）、各班平均分最大差。各地做法一般要求平均分差不超过 0.5–1 分。",
      ),
      source: ASSIGNMENT_SOURCE,
      examples: [
        {
          args: [column(1, 1, 2, 2), column(90, 85, 80, 75), column("男", "女", "男", "女")],
          result: [[0, 0, 10]],
          note: bi(
            "the two best students in one class: a 10-point gap",
            "成绩最好的两名学生在同一班：平均分相差 10 分",
          ),
        },
      ],
      errors: [
        {
          error: "#VALUE!",
          when: bi("scores or genders differ in size from assignments", "成绩或性别与班号的单元格数不同"),
          args: [column(1, 2, 1), column(90, 85), null],
        },
      ],
    },

    POLICY: {
      zhName: "政策参数",
      zhDescription: `内置政策参数的值，如 政策参数("dropout.primary") 返回 ${n("dropout.primary")}；可按年份取当年施行的值。`,
      parameters: params({
        key: param("键", "政策参数的键（英文小写、以点分隔），见下表。"),
        year: param("年份", "可选：预算年度（如 2012），取起始年份不晚于该年的最近一个值；省略时为现行值。"),
      }),
      checks: bi(
        "A value of the built-in policy pack, so a workbook cites one number instead of typing it again.",
        "内置政策参数包中的值，工作簿引用同一个数，不必重复输入。",
      ),
      rule: bi(
        "The built-in pack holds the national rules in force now, without any district's local rules; its one value that is not national is the primary dropout limit of the function specification (小学无辍学; the national control level is below 1 %). The keys, values, start years and sources are listed below. With a year: the value in force in that year, from the pack's dated values: the staffing keys are STAFF_RATIO(level, area, year) of their own area (the plain keys staff_ratio.primary, staff_ratio.junior and staff_ratio.senior are 城市; .town 县镇, .rural 农村) and the four public-funds baseline keys (public_funds.central_west.primary … public_funds.east.junior) are PUBLIC_FUNDS_NORM(level, region, year); a year before a key's first value gives #N/A naming the year it applies from.",
        "内置参数包为现行国家标准，不含任何地区的地方规定；其中唯一不是国家标准的是函数规范约定的小学辍学率上限（小学无辍学；国家控制水平为 1% 以内）。键、值、起始年份及依据见下表。给出年份时：返回该年施行的值，按参数包的历年取值：编制键等于其所属地区的 编制生师比(学段, 地区, 年份)（不带后缀的“staff_ratio.primary”、“staff_ratio.junior”、“staff_ratio.senior”为城市，“.town”为县镇，“.rural”为农村），四个公用经费定额键（“public_funds.central_west.primary” … “public_funds.east.junior”）等于 公用经费定额(学段, 地区, 年份)；早于某键首个值的年份返回 #N/A 并提示其起始年份。",
      ),
      source: bi(
        "Each key cites its own document or speech passage, listed with its value in the table below (policy reference §0, §4).",
        "每个键的依据（文件名称、文号或讲话原文）随其数值列在下表中（政策依据 §0、§4）。",
      ),
      examples: [
        { args: ["dropout.primary", null], result: 0 },
        { args: ["preschool.target_rate", null], result: 0.9 },
        {
          args: ["staff_ratio.junior.rural", 2010],
          result: 18,
          note: bi("2001 standard, rural", "2001 年标准，农村"),
        },
        { args: ["public_funds.east.primary", 2014], result: 650 },
        { args: ["class_size.primary", 2020], result: 45 },
      ],
      errors: [
        {
          error: "#N/A",
          when: bi("the key is unknown: the message suggests the closest keys", "键不存在：提示最接近的键"),
          args: ["dropout.middle", null],
        },
        {
          error: "#N/A",
          when: bi(
            "the key has no value in force in the year: the message names the year it applies from",
            "该键在该年尚无施行的值：提示其起始年份",
          ),
          args: ["staff_ratio.class_special", 2015],
        },
      ],
    },
  };
}
