/**
 * Other words users search the function list with, by function id: the terms of the policy documents and of
 * everyday bureau work that are not the function's own name (撤并 for the merge check, 生师比 for the staff ratio).
 * The task pane's search ranks a match here just below a match on the function's own name.
 */
export const FUNCTION_SYNONYMS: { readonly [id: string]: readonly string[] } = {
  GROWTH: ["增幅", "同比增长", "growth rate", "year on year"],
  THREE_GROWTH: ["法定增长", "三个增长要求", "statutory growth"],
  THREE_GROWTH_DETAIL: ["三个增长核对"],
  ONLY_INCREASE: ["不减少", "一般不减少", "no decrease"],
  DROPOUT_RATE: ["控辍保学", "流失率", "dropout"],
  DROPOUT_LIMIT: ["控辍保学", "辍学率控制"],
  DROPOUT_CHECK: ["控辍保学", "辍学核查"],
  CLASS_SIZE: ["班额", "大班额"],
  CLASS_BAND: ["大班额", "超大班额"],
  CAPACITY: ["学位", "容量", "seats"],
  CLASSES_NEEDED: ["班级数", "需要班数"],
  MERGE_CHECK: ["撤并", "撤点并校", "合并学校", "学校撤并", "consolidation", "merge"],
  BALANCE_CV: ["差异系数", "均衡发展", "coefficient of variation"],
  BALANCE_CHECK: ["均衡验收", "义务教育均衡"],
  STAFF_RATIO: ["生师比", "师生比", "pupil teacher ratio"],
  STAFF_QUOTA: ["编制", "教师编制", "staffing"],
  PUBLIC_FUNDS_NORM: ["生均公用经费基准定额", "基准定额"],
  PUBLIC_FUNDS: ["生均公用经费", "公用经费拨款"],
  ENROLLMENT_RATE: ["入园率", "学前三年毛入园率"],
  PLACES_NEEDED: ["学位缺口", "缺口"],
  KG_CAPACITY: ["幼儿园学位", "学前容量"],
  RECONCILE: ["对账", "差额", "核对"],
  REPAY_SCHEDULE: ["还款计划", "债务", "还本付息", "debt"],
  ALLOWANCE: ["乡村教师补助", "生活补助", "津贴"],
  NUTRITION_COST: ["营养改善计划", "营养餐", "午餐补助"],
  ASSIGN_CLASSES: ["分班", "编班"],
  CLASS_BALANCE: ["分班均衡"],
  POLICY: ["政策值", "参数"],
  PROGRESSION_RATIO: ["升级率", "巩固率"],
  PROJECT_ENROLLMENT: ["学生数预测", "在校生推算", "enrollment forecast", "forecast"],
  ENTRY_RATE: ["招生系数"],
  FUNC_CODE: ["功能分类", "支出功能分类", "科目编码", "预算科目", "budget code"],
};
