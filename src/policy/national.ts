import type { Area } from "../domain/levels";
import { LEVEL_ZH } from "../domain/levels";
import { NORM_TABLE, type Region } from "../domain/publicFunds";
import { STAFF_RATIO_TABLE, type StaffedLevel } from "../domain/staffing";
import { resolvePack } from "./resolve";
import type { NotInForce, PolicyEntry, PolicyPack, PolicyTimeline, PolicyTimelinePack } from "./types";

const RATE = "比率";

/** The year whose national rules "now" means (edu-default, the national pack shown alone): the core has no clock. */
export const RULES_YEAR = 2025;

/** National entries in order: each stops where the next begins. */
function dated(...entries: readonly Omit<PolicyEntry, "origin" | "untilYear">[]): readonly PolicyEntry[] {
  return entries.map((entry, i) => {
    const next = entries[i + 1];
    return next
      ? { ...entry, origin: "national", untilYear: next.fromYear }
      : { ...entry, origin: "national" };
  });
}

function t(
  unit: string,
  labelZh: string,
  labelEn: string,
  entries: readonly PolicyEntry[],
  notInForce?: NotInForce,
): PolicyTimeline {
  return notInForce ? { unit, labelZh, labelEn, entries, notInForce } : { unit, labelZh, labelEn, entries };
}

/** One national value in force from fromYear on. */
function v(
  value: number,
  unit: string,
  labelZh: string,
  labelEn: string,
  source: string,
  fromYear: number,
  notInForce?: NotInForce,
): PolicyTimeline {
  return t(unit, labelZh, labelEn, dated({ value, source, fromYear }), notInForce);
}

/** A key with no national figure: one entry that sets no value (0 is only a placeholder), for a local pack to set. */
function unset(unit: string, labelZh: string, labelEn: string, source: string): PolicyTimeline {
  return t(unit, labelZh, labelEn, dated({ value: 0, source, fromYear: 1990, notSet: true }));
}

const STAFF_2014 =
  "中央编办、教育部、财政部《关于统一城乡中小学教职工编制标准的通知》(中央编办发〔2014〕72号): 县镇、农村中小学教职工编制标准统一到城市标准";
const CLASS_2002 =
  "《城市普通中小学校校舍建设标准》(建标〔2002〕102号): 校舍面积按小学每班45人、中学每班50人核定(政策参考 §4.4, 中等可信度)";
const CLASS_STAFF =
  "中共中央、国务院《关于全面深化新时代教师队伍建设改革的意见》(2018年): 乡村小规模学校、教学点按生师比与班师比相结合核定编制; 国家未定统一的班师比, 由省级确定, 此为示例值, 请按本省标准修改";
const CLASS_STAFF_SPECIAL =
  "特殊教育学校按班核定编制; 国家未定统一的班师比, 由省级确定, 此为示例值, 请按本省标准修改";
const CLASS_STD =
  "《农村普通中小学校建设标准》(建标109-2008); 《中小学校设计规范》(GB 50099-2011): 完全小学每班45人、各类中学每班50人";
const KG_RULES = "教育部《幼儿园工作规程》(2016年)";
const BANDS =
  "国务院《关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》(国发〔2016〕40号): 56–65人为大班额, 66人及以上为超大班额; 46–55人按常用统计分档记为偏大";
const BASIC = "《县域义务教育均衡发展督导评估暂行办法》(教督〔2012〕3号)";
const FUNDS_2016 = "国务院《关于进一步完善城乡义务教育经费保障机制的通知》(国发〔2015〕67号)";
const QUALITY = "《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号)";
const ALLOWANCE_2013 =
  "2013年中央1号文件及教育部、财政部通知: 集中连片特困地区乡村教师生活补助, 地方发放、中央综合奖补; 标准各地自定, 此为示例(一省平均每人每月400元), 可在参数表中修改";
const ALLOWANCE_PLAN = "国务院办公厅《乡村教师支持计划(2015—2020年)》(国办发〔2015〕43号)";
const ALLOWANCE = `${ALLOWANCE_PLAN}: 国家未定统一标准, 各地自定, 此为示例(一省平均每人每月400元), 可在参数表中修改`;
const ALLOWANCE_TIER = `${ALLOWANCE_PLAN}: 按学校艰苦边远程度分档, 标准各地自定; 200/300/400元三档仅为示例, 可在参数表中修改`;
const NUTRITION = "国务院办公厅《关于实施农村义务教育学生营养改善计划的意见》(国办发〔2011〕54号)";

const BOARDING =
  "教育部、财政部: 2011年秋季学期起家庭经济困难寄宿生生活补助提高1元, 小学每生每天4元、初中每生每天5元";
const SENIOR_GRANT =
  "财政部、教育部等《关于调整高等教育阶段和高中阶段国家奖助学金政策的通知》及此前普通高中国家助学金制度";
const PENSION = "国务院《关于机关事业单位工作人员养老保险制度改革的决定》(国发〔2015〕2号, 2014年10月1日起)";
const NO_BOARDING: NotInForce = {
  value: 0,
  note: "2011年秋季学期前的寄宿生生活补助标准未录入本表, 按0计, 请按当年标准修改",
};
const NO_PENSION: NotInForce = {
  value: 0,
  note: "2014年10月前机关事业单位未实行基本养老保险和职业年金单位缴费, 本年度按0计",
};
const NO_ALLOWANCE: NotInForce = {
  value: 0,
  note: "2013年前国家无乡村教师生活补助政策, 本年度按0计",
};
const NO_NUTRITION: NotInForce = { value: 0, note: "营养改善计划2011年秋季学期起实施, 此前按0计" };

const AREA_ZH = { urban: "城市", town: "县镇", rural: "农村" } as const;

/** One level and area's ratio by year, from the domain's dated staffing table (§4.5): 2001 by area, unified 2014. */
function staff(level: StaffedLevel, area: Area) {
  const zh = LEVEL_ZH[level];
  const en = { primary: "Primary", junior: "Junior", senior: "Senior" }[level];
  return t(
    "生/教职工",
    `${zh}生师比(编制, ${AREA_ZH[area]})`,
    `${en} students per staff post (${AREA_ZH[area]})`,
    dated(
      ...STAFF_RATIO_TABLE.map((row) => {
        const ratio = row.ratios[level][area];
        const source = row.unified ? STAFF_2014 : `${row.sourceZh}: ${AREA_ZH[area]}${zh} 1:${ratio}`;
        return { value: ratio, source, fromYear: row.from };
      }),
    ),
  );
}

const NO_BASELINE: NotInForce = {
  value: 0,
  note: "2009年前无全国统一的生均公用经费基准定额(2006–07年农村义务教育经费保障机制改革前以杂费补充公用经费), 本年度按0计",
};

/**
 * The public-funds baseline of one region and level by year, from the domain's dated table (§4.6): every row that
 * gives the region a figure, rural schools only until the 2016 unification.
 */
function funds(labelZh: string, labelEn: string, region: Region, level: "primary" | "junior") {
  const entries = NORM_TABLE.flatMap((row) => {
    const pair = row[region];
    if (!pair) return [];
    const source =
      row.scope === "rural"
        ? `农村义务教育经费保障机制 ${row.from}年基准定额(仅农村学校; ${row.noteZh}; 政策参考 §4.6)`
        : `城乡统一基准定额: ${row.noteZh}; 可在参数表中修改`;
    return [{ value: pair[level], source, fromYear: row.from }];
  });
  return t("元/生·年", labelZh, labelEn, dated(...entries), NO_BASELINE);
}

/**
 * National rules only (shared/domain/policies.md §4). Keys with no national figure (the standardized-school target,
 * a merger deadline) are marked notSet: only a local pack gives them a value.
 */
export const NATIONAL_TIMELINE: PolicyTimelinePack = {
  id: "national",
  version: "1.0.0",
  nameZh: "国家标准",
  nameEn: "National rules",
  values: {
    "dropout.primary": v(
      0.01,
      RATE,
      "小学年辍学率上限",
      "Primary dropout limit",
      "教育部(2012年): 小学辍学率保持在1%以内的国家控制水平; 国家教委《普及义务教育评估验收暂行办法》(1994年)",
      1994,
    ),
    "dropout.junior.urban": v(
      0.02,
      RATE,
      "城市初中年辍学率上限",
      "Urban junior dropout limit",
      "国家教委《普及义务教育评估验收暂行办法》(1994年)第七条: 城市和经济文化发达的县初中辍学率不超过2%",
      1994,
    ),
    "dropout.junior.town": v(
      0.03,
      RATE,
      "县镇初中年辍学率上限",
      "Town junior dropout limit",
      "国家教委《普及义务教育评估验收暂行办法》(1994年)第七条: 其他县初中辍学率控制在3%左右(普九“红线”)",
      1994,
    ),
    "dropout.junior.rural": v(
      0.03,
      RATE,
      "农村初中年辍学率上限",
      "Rural junior dropout limit",
      "国家教委《普及义务教育评估验收暂行办法》(1994年)第七条: 其他县初中辍学率控制在3%左右(普九“红线”)",
      1994,
    ),
    "class_size.primary": t(
      "人/班",
      "小学标准班额",
      "Primary class size",
      dated(
        { value: 45, source: CLASS_2002, fromYear: 2002 },
        { value: 45, source: CLASS_STD, fromYear: 2008 },
      ),
    ),
    "class_size.junior": t(
      "人/班",
      "初中标准班额",
      "Junior class size",
      dated(
        { value: 50, source: CLASS_2002, fromYear: 2002 },
        { value: 50, source: CLASS_STD, fromYear: 2008 },
      ),
    ),
    "class_size.senior": t(
      "人/班",
      "高中标准班额",
      "Senior class size",
      dated(
        { value: 50, source: CLASS_2002, fromYear: 2002 },
        { value: 50, source: CLASS_STD, fromYear: 2008 },
      ),
    ),
    "class_size.kindergarten": v(30, "人/班", "幼儿园班额(混龄)", "Kindergarten class size", KG_RULES, 2016),
    "class_size.kg_small": v(25, "人/班", "小班班额", "Kindergarten small class", KG_RULES, 2016),
    "class_size.kg_middle": v(30, "人/班", "中班班额", "Kindergarten middle class", KG_RULES, 2016),
    "class_size.kg_large": v(35, "人/班", "大班班额", "Kindergarten large class", KG_RULES, 2016),
    "class_size.kg_mixed": v(30, "人/班", "混龄班班额", "Kindergarten mixed-age class", KG_RULES, 2016),
    "class_band.oversize_from": v(46, "人/班", "偏大班额起点", "Oversize class from", BANDS, 2016),
    "class_band.large_from": v(56, "人/班", "大班额起点", "Large class from", BANDS, 2016),
    "class_band.super_large_from": v(66, "人/班", "超大班额起点", "Super-large class from", BANDS, 2016),
    "balance.basic.primary": v(
      0.65,
      RATE,
      "基本均衡小学综合差异系数上限",
      "Basic balance CV, primary",
      BASIC,
      2012,
    ),
    "balance.basic.junior": v(
      0.55,
      RATE,
      "基本均衡初中综合差异系数上限",
      "Basic balance CV, junior",
      BASIC,
      2012,
    ),
    "balance.quality.primary": v(
      0.5,
      RATE,
      "优质均衡小学差异系数上限",
      "Quality balance CV, primary",
      QUALITY,
      2017,
    ),
    "balance.quality.junior": v(
      0.45,
      RATE,
      "优质均衡初中差异系数上限",
      "Quality balance CV, junior",
      QUALITY,
      2017,
    ),
    "balance.quality.min_teaching_point": v(
      50,
      "人",
      "优质均衡不计入的教学点规模(不足此人数)",
      "Quality balance leaves out teaching points under",
      QUALITY,
      2017,
    ),
    "staff_ratio.primary": staff("primary", "urban"),
    "staff_ratio.junior": staff("junior", "urban"),
    "staff_ratio.senior": staff("senior", "urban"),
    "staff_ratio.primary.town": staff("primary", "town"),
    "staff_ratio.junior.town": staff("junior", "town"),
    "staff_ratio.senior.town": staff("senior", "town"),
    "staff_ratio.primary.rural": staff("primary", "rural"),
    "staff_ratio.junior.rural": staff("junior", "rural"),
    "staff_ratio.senior.rural": staff("senior", "rural"),
    "staff_ratio.class_teaching_point": v(
      2,
      "教职工/班",
      "教学点班师比(每班编制)",
      "Teaching point staff posts per class",
      CLASS_STAFF,
      2018,
    ),
    "staff_ratio.class_special": v(
      3,
      "教职工/班",
      "特教学校班师比(每班编制)",
      "Special school staff posts per class",
      CLASS_STAFF_SPECIAL,
      2018,
    ),
    "public_funds.central_west.primary": funds(
      "中西部小学生均公用经费",
      "Public funds, central/west primary",
      "central_west",
      "primary",
    ),
    "public_funds.central_west.junior": funds(
      "中西部初中生均公用经费",
      "Public funds, central/west junior",
      "central_west",
      "junior",
    ),
    "public_funds.east.primary": funds(
      "东部小学生均公用经费",
      "Public funds, east primary",
      "east",
      "primary",
    ),
    "public_funds.east.junior": funds("东部初中生均公用经费", "Public funds, east junior", "east", "junior"),
    "public_funds.boarder": v(
      200,
      "元/生·年",
      "寄宿生公用经费增加额",
      "Extra public funds per boarder",
      `${FUNDS_2016}: 寄宿制学校按寄宿生每生每年200元增加公用经费`,
      2016,
      { value: 0, note: "寄宿生每生200元的增加额2016年起执行, 此前按0计" },
    ),
    "public_funds.special": t(
      "元/生·年",
      "特殊教育生均公用经费",
      "Public funds per special-needs student",
      dated(
        {
          value: 4000,
          source:
            "特殊教育学生生均公用经费每生每年4000元, 2016年提高到6000元(政策参考 §4.6; 4000元标准的起始年份不详, 此处只取2015年)",
          fromYear: 2015,
        },
        { value: 6000, source: `${FUNDS_2016}: 2016年起特殊教育学生每生每年6000元`, fromYear: 2016 },
      ),
    ),
    "public_funds.small_school_floor": v(
      100,
      "人",
      "不足100人小规模学校按100人核定",
      "Small rural school counted as",
      `${FUNDS_2016}: 不足100人的农村小规模学校按100人核定公用经费(2016年「继续实施」, 更早的起始年份不详)`,
      2016,
      { value: 0, note: "按100人核定的规定此处自2016年起计, 此前不设下限(按0计)" },
    ),
    "preschool.target_rate": t(
      RATE,
      "学前三年毛入园率目标",
      "Preschool gross enrollment target",
      dated(
        {
          value: 0.7,
          source: "《国家中长期教育改革和发展规划纲要(2010—2020年)》: 到2020年学前三年毛入园率达到70%",
          fromYear: 2010,
        },
        {
          value: 0.85,
          source: "教育部等《第三期学前教育行动计划(2017—2020年)》: 到2020年学前三年毛入园率达到85%",
          fromYear: 2017,
        },
        {
          value: 0.9,
          source: "教育部等《“十四五”学前教育发展提升行动计划》: 到2025年学前三年毛入园率达到90%以上",
          fromYear: 2021,
          dueYear: 2025,
        },
      ),
      { value: 0, note: "2010年前国家无学前三年毛入园率目标, 本年度不设目标(按0计)" },
    ),
    "preschool.max_kindergarten_size": v(
      360,
      "人",
      "幼儿园规模上限",
      "Kindergarten size limit",
      KG_RULES,
      2016,
    ),
    "standardized.target_rate": unset(
      RATE,
      "标准化学校达标率目标",
      "Standardized schools target",
      "国家无统一的标准化学校达标率目标; 由本地政策设定",
    ),
    "allowance.start_month": v(
      1,
      "月",
      "津贴起始月份",
      "Allowance start month",
      "预算按自然年度编制, 从1月起计(预算惯例, 非某一年的政策规定)",
      2001,
    ),
    "allowance.monthly_rate": t(
      "元/人·月",
      "乡村教师生活补助月标准",
      "Rural teacher allowance per month",
      dated(
        { value: 400, source: ALLOWANCE_2013, fromYear: 2013 },
        { value: 400, source: ALLOWANCE, fromYear: 2015 },
      ),
      NO_ALLOWANCE,
    ),
    "allowance.rate.tier1": v(
      200,
      "元/人·月",
      "补助一档(乡镇)",
      "Allowance tier 1 (township)",
      ALLOWANCE_TIER,
      2015,
      NO_ALLOWANCE,
    ),
    "allowance.rate.tier2": v(
      300,
      "元/人·月",
      "补助二档(村小)",
      "Allowance tier 2 (village school)",
      ALLOWANCE_TIER,
      2015,
      NO_ALLOWANCE,
    ),
    "allowance.rate.tier3": v(
      400,
      "元/人·月",
      "补助三档(教学点)",
      "Allowance tier 3 (teaching point)",
      ALLOWANCE_TIER,
      2015,
      NO_ALLOWANCE,
    ),
    "nutrition.yuan_per_day": t(
      "元/生·天",
      "营养改善计划膳食补助",
      "Nutrition subsidy per day",
      dated(
        { value: 3, source: `${NUTRITION}: 2011年秋季学期起每生每天3元`, fromYear: 2011 },
        {
          value: 4,
          source: "营养改善计划膳食补助提高到每生每天4元(2014年起; 政策参考 §4.10, 高可信度)",
          fromYear: 2014,
        },
        { value: 5, source: "营养改善计划膳食补助2021年秋季学期起提高到每生每天5元", fromYear: 2021 },
      ),
      NO_NUTRITION,
    ),
    "nutrition.days": v(
      200,
      "天/年",
      "营养餐在校天数",
      "Nutrition school days",
      `${NUTRITION}: 全年按200个在校日计算`,
      2011,
      NO_NUTRITION,
    ),
    "aid.boarding.primary": v(
      1000,
      "元/生·年",
      "家庭经济困难寄宿生生活补助(小学)",
      "Boarding subsidy (primary)",
      `${BOARDING}: 小学每生每天4元, 全年按250天计`,
      2012,
      NO_BOARDING,
    ),
    "aid.boarding.junior": v(
      1250,
      "元/生·年",
      "家庭经济困难寄宿生生活补助(初中)",
      "Boarding subsidy (junior)",
      `${BOARDING}: 初中每生每天5元, 全年按250天计`,
      2012,
      NO_BOARDING,
    ),
    "aid.senior_grant": t(
      "元/生·年",
      "普通高中国家助学金(平均)",
      "Senior high national grant (average)",
      dated(
        {
          value: 2000,
          source: `${SENIOR_GRANT}: 平均资助标准每生每年2000元, 各地可在1000–3000元范围内分档(起始年份未核实)`,
          fromYear: 2017,
        },
        {
          value: 2300,
          source: `${SENIOR_GRANT}: 2025年春季学期起平均标准由每生每年2000元提高到2300元`,
          fromYear: 2025,
        },
      ),
      { value: 0, note: "此前的普通高中国家助学金标准未录入本表, 按0计, 请按当年标准修改" },
    ),
    "aid.preschool": v(
      1000,
      "元/生·年",
      "学前教育资助(家庭经济困难幼儿)",
      "Preschool aid per child",
      "学前教育资助由省级确定标准(如某县每生每学期500–1000元); 此为示例, 可在参数表中修改",
      2011,
      { value: 0, note: "2011年前国家无学前教育资助政策, 按0计" },
    ),
    "personnel.pension_rate": t(
      RATE,
      "机关事业单位基本养老保险单位缴费比例",
      "Employer pension contribution rate",
      dated(
        { value: 0.2, source: `${PENSION}: 单位缴费比例为本单位工资总额的20%`, fromYear: 2015 },
        {
          value: 0.16,
          source: "国务院办公厅《降低社会保险费率综合方案》(国办发〔2019〕13号): 单位缴费比例可降至16%",
          fromYear: 2019,
        },
      ),
      NO_PENSION,
    ),
    "personnel.annuity_rate": v(
      0.08,
      RATE,
      "职业年金单位缴费比例",
      "Employer occupational annuity rate",
      "国务院办公厅《机关事业单位职业年金办法》(国办发〔2015〕18号) 第四条: 单位缴纳职业年金费用的比例为本单位工资总额的8%",
      2015,
      NO_PENSION,
    ),
    "personnel.medical_rate": v(
      0.06,
      RATE,
      "职工基本医疗保险单位缴费比例",
      "Employer medical insurance rate",
      "国务院《关于建立城镇职工基本医疗保险制度的决定》(国发〔1998〕44号): 用人单位缴费率控制在职工工资总额的6%左右; 各地自定, 可在参数表中修改",
      1999,
    ),
    "personnel.housing_fund_rate": v(
      0.12,
      RATE,
      "住房公积金单位缴存比例",
      "Employer housing fund rate",
      "《住房公积金管理条例》(国务院令第262号, 2002年修订): 单位缴存比例不低于5%; 建设部等《关于住房公积金管理若干具体问题的指导意见》: 不高于12%, 机关事业单位多按12%; 各地自定",
      1999,
    ),
    "revenue.education_surcharge_rate": t(
      RATE,
      "教育费附加征收率",
      "Education surcharge rate",
      dated(
        {
          value: 0.03,
          source:
            "国务院《关于教育费附加征收问题的紧急通知》(国发明电〔1994〕2号): 教育费附加按实际缴纳的增值税、消费税、营业税税额的3%征收",
          fromYear: 1994,
        },
        {
          value: 0.03,
          source:
            "国务院《关于修改〈征收教育费附加的暂行规定〉的决定》(国务院令第448号, 2005年10月1日起): 按实际缴纳的增值税、营业税、消费税税额的3%征收",
          fromYear: 2006,
        },
      ),
      { value: 0, note: "1994年前的教育费附加征收率未录入本表, 按0计, 请按当年规定修改" },
    ),
    "revenue.local_education_surcharge_rate": v(
      0.02,
      RATE,
      "地方教育附加征收率",
      "Local education surcharge rate",
      "财政部《关于统一地方教育附加政策有关问题的通知》(财综〔2010〕98号): 统一按实际缴纳的增值税、营业税、消费税税额的2%征收",
      2011,
      { value: 0, note: "2011年前地方教育附加未在全国统一征收, 按0计" },
    ),
    "revenue.land_transfer_education_rate": v(
      0.1,
      RATE,
      "土地出让收益计提教育资金比例",
      "Share of land-transfer income for education",
      "国务院《关于进一步加大财政教育投入的意见》(国发〔2011〕22号); 财政部、教育部《关于从土地出让收益中计提教育资金有关事项的通知》(财综〔2011〕62号): 2011年1月1日起按土地出让收益的10%计提, 用于校舍建设和维修改造、教学设备购置, 不得用于人员经费和公用经费",
      2011,
      { value: 0, note: "2011年前未从土地出让收益中计提教育资金, 按0计" },
    ),
    "school_size.max": v(2000, "人", "学校规模上限", "School size limit", QUALITY, 2017),
    "school_size.max_nine_year": v(
      2500,
      "人",
      "九年一贯制/十二年一贯制学校规模上限",
      "Nine-/twelve-year school size limit",
      QUALITY,
      2017,
    ),
    "merger.deadline_years": unset(
      "年",
      "布局调整完成期限",
      "Merger deadline",
      "国家无统一期限; 由本地政策设定",
    ),
  },
};

/** The national rules in force in RULES_YEAR. */
export const NATIONAL: PolicyPack = resolvePack(NATIONAL_TIMELINE, RULES_YEAR);
