import type { PolicyPack, PolicyValue } from "./types";

const RATE = "比率";

function v(
  value: number,
  unit: string,
  labelZh: string,
  labelEn: string,
  source: string,
  fromYear: number,
): PolicyValue {
  return { value, unit, labelZh, labelEn, source, fromYear };
}

const STAFF_2014 =
  "中央编办、教育部、财政部《关于统一城乡中小学教职工编制标准的通知》(中央编办发〔2014〕72号)";
const FUNDS_2021 =
  "国务院《关于进一步完善城乡义务教育经费保障机制的通知》(国发〔2015〕67号)建立的生均公用经费基准定额; 约2021年标准(巴彦淖尔市2023年仍按中西部650/850元执行), 此后可能提高, 可在参数表中修改";
const FUNDS_2016 = "国务院《关于进一步完善城乡义务教育经费保障机制的通知》(国发〔2015〕67号)";
const CLASS_STD =
  "《农村普通中小学校建设标准》(建标109-2008); 《中小学校设计规范》(GB 50099-2011): 完全小学每班45人、各类中学每班50人";
const KG_RULES = "教育部《幼儿园工作规程》(2016年)";
const BANDS =
  "国务院《关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》(国发〔2016〕40号): 56–65人为大班额, 66人及以上为超大班额; 46–55人按常用统计分档记为偏大";
const BASIC = "《县域义务教育均衡发展督导评估暂行办法》(教督〔2012〕3号)";
const QUALITY = "《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号)";
const ALLOWANCE_PLAN = "国务院办公厅《乡村教师支持计划(2015—2020年)》(国办发〔2015〕43号)";
const ALLOWANCE = `${ALLOWANCE_PLAN}: 国家未定统一标准, 各地自定, 此为示例(一省平均每人每月400元), 可在参数表中修改`;
const ALLOWANCE_TIER = `${ALLOWANCE_PLAN}: 按学校艰苦边远程度分档, 标准各地自定; 200/300/400元三档仅为示例, 可在参数表中修改`;

/**
 * National rules only (shared/domain/policies.md §4). Keys with no national figure (the standardized-school target,
 * a merger deadline) are marked notSet: only a local pack gives them a value.
 */
export const NATIONAL: PolicyPack = {
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
    "class_size.primary": v(45, "人/班", "小学标准班额", "Primary class size", CLASS_STD, 2008),
    "class_size.junior": v(50, "人/班", "初中标准班额", "Junior class size", CLASS_STD, 2008),
    "class_size.senior": v(50, "人/班", "高中标准班额", "Senior class size", CLASS_STD, 2008),
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
    "staff_ratio.primary": v(
      19,
      "生/教职工",
      "小学生师比(编制)",
      "Primary students per staff post",
      STAFF_2014,
      2014,
    ),
    "staff_ratio.junior": v(
      13.5,
      "生/教职工",
      "初中生师比(编制)",
      "Junior students per staff post",
      STAFF_2014,
      2014,
    ),
    "staff_ratio.senior": v(
      12.5,
      "生/教职工",
      "高中生师比(编制)",
      "Senior students per staff post",
      STAFF_2014,
      2014,
    ),
    "public_funds.central_west.primary": v(
      650,
      "元/生·年",
      "中西部小学生均公用经费",
      "Public funds, central/west primary",
      FUNDS_2021,
      2021,
    ),
    "public_funds.central_west.junior": v(
      850,
      "元/生·年",
      "中西部初中生均公用经费",
      "Public funds, central/west junior",
      FUNDS_2021,
      2021,
    ),
    "public_funds.east.primary": v(
      700,
      "元/生·年",
      "东部小学生均公用经费",
      "Public funds, east primary",
      FUNDS_2021,
      2021,
    ),
    "public_funds.east.junior": v(
      900,
      "元/生·年",
      "东部初中生均公用经费",
      "Public funds, east junior",
      FUNDS_2021,
      2021,
    ),
    "public_funds.boarder": v(
      200,
      "元/生·年",
      "寄宿生公用经费增加额",
      "Extra public funds per boarder",
      FUNDS_2016,
      2016,
    ),
    "public_funds.special": v(
      6000,
      "元/生·年",
      "特殊教育生均公用经费",
      "Public funds per special-needs student",
      FUNDS_2016,
      2016,
    ),
    "public_funds.small_school_floor": v(
      100,
      "人",
      "不足100人小规模学校按100人核定",
      "Small rural school counted as",
      FUNDS_2016,
      2016,
    ),
    "preschool.target_rate": {
      ...v(
        0.9,
        RATE,
        "学前三年毛入园率目标",
        "Preschool gross enrollment target",
        "教育部等《“十四五”学前教育发展提升行动计划》: 到2025年学前三年毛入园率达到90%以上",
        2021,
      ),
      dueYear: 2025,
    },
    "preschool.max_kindergarten_size": v(
      360,
      "人",
      "幼儿园规模上限",
      "Kindergarten size limit",
      KG_RULES,
      2016,
    ),
    "standardized.target_rate": {
      ...v(
        0,
        RATE,
        "标准化学校达标率目标",
        "Standardized schools target",
        "国家无统一的标准化学校达标率目标; 由本地政策设定",
        1990,
      ),
      notSet: true,
    },
    "allowance.start_month": v(
      1,
      "月",
      "津贴起始月份",
      "Allowance start month",
      "预算按自然年度编制, 从1月起计",
      2015,
    ),
    "allowance.monthly_rate": v(
      400,
      "元/人·月",
      "乡村教师生活补助月标准",
      "Rural teacher allowance per month",
      ALLOWANCE,
      2015,
    ),
    "allowance.rate.tier1": v(
      200,
      "元/人·月",
      "补助一档(乡镇)",
      "Allowance tier 1 (township)",
      ALLOWANCE_TIER,
      2015,
    ),
    "allowance.rate.tier2": v(
      300,
      "元/人·月",
      "补助二档(村小)",
      "Allowance tier 2 (village school)",
      ALLOWANCE_TIER,
      2015,
    ),
    "allowance.rate.tier3": v(
      400,
      "元/人·月",
      "补助三档(教学点)",
      "Allowance tier 3 (teaching point)",
      ALLOWANCE_TIER,
      2015,
    ),
    "nutrition.yuan_per_day": v(
      5,
      "元/生·天",
      "营养改善计划膳食补助",
      "Nutrition subsidy per day",
      "国务院办公厅《关于实施农村义务教育学生营养改善计划的意见》(国办发〔2011〕54号): 2021年秋季学期起每生每天5元(2011年起3元, 后为4元)",
      2021,
    ),
    "nutrition.days": v(
      200,
      "天/年",
      "营养餐在校天数",
      "Nutrition school days",
      "国务院办公厅《关于实施农村义务教育学生营养改善计划的意见》(国办发〔2011〕54号): 全年按200个在校日计算",
      2011,
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
    "merger.deadline_years": {
      ...v(0, "年", "布局调整完成期限", "Merger deadline", "国家无统一期限; 由本地政策设定", 1990),
      notSet: true,
    },
  },
};
