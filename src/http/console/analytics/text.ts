import type { Lang } from '../../../domain/model/common.ts';

/** The analytics pages' fixed texts as [English, Chinese] (kept apart from the console's general ones). */
const A = {
  analytics: ['Analytics', '数据分析'],
  cohort: ['Cohort', '毕业生概况'],
  skills: ['Skills: supply and demand', '技能供需'],
  supplyDemand: ['Supply and demand', '人才供需'],
  forecast: ['Demand forecast', '需求预测'],
  outcomes: ['Graduate outcomes', '毕业去向'],
  views: ['Analytics views', '分析视图'],
  downloadCsv: ['Download CSV', '下载 CSV'],
  apiToo: [
    'The same figures: GET {0} (JSON, or CSV with Accept: text/csv).',
    '同样的数据：GET {0}（JSON，或发送 Accept: text/csv 获取 CSV）。',
  ],
  show: ['Show', '显示'],
  by: ['Group by', '分组'],
  top: ['Skills per group', '每组技能数'],
  horizon: ['Months ahead', '预测月数'],
  measure: ['Measure', '指标'],
  minGroupSize: ['Minimum group size', '最小分组人数'],
  year: ['Graduation year', '毕业年份'],
  overall: ['overall', '总体'],
  occupation: ['occupation', '职业'],
  region: ['region', '地区'],
  major: ['major', '专业'],
  city: ['city', '城市'],
  postings: ['postings opened', '新发布岗位数'],
  headcountMeasure: ['headcount of postings opened', '新发布岗位招聘人数'],
  blank: ['—', '—'],
  blankLegend: [
    '— blanked: about fewer than {0} graduates (the audit’s minimum group size), or needed to keep a small group' +
      ' from being worked out from the total.',
    '—：涉及人数少于 {0} 人（与审计相同的最小分组人数），或为防止由合计反推小组人数而隐去。',
  ],
  generated: ['Figures of {0}.', '数据生成于 {0}。'],
  noData: ['No figures yet.', '暂无数据。'],
  table: ['Table', '数据表'],
  group: ['Group', '分组'],
  n: ['n', '人数'],
  // Measures
  graduates: ['Graduates', '毕业生'],
  consentedDemographics: ['With consented demographics', '已授权人口统计信息'],
  share: ['Share', '比例'],
  lists: ['Lists served', '推荐列表数'],
  impressions: ['Recommendations shown', '推荐展示次数'],
  graduatesReached: ['Graduates reached', '覆盖毕业生'],
  personalizedShare: ['Personalized share', '个性化比例'],
  pairs: ['Graduate–posting pairs', '毕业生-岗位对'],
  conversionFromPrevious: ['Conversion from the stage before', '较上一阶段转化率'],
  supplyShare: ['Graduates holding it', '具备该技能的毕业生比例'],
  demandShare: ['Postings requiring it', '要求该技能的岗位比例'],
  supplyDeclared: ['Declared', '自填'],
  supplyInferred: ['Inferred', '推断'],
  demandRequired: ['Postings requiring', '要求的岗位'],
  demandPreferred: ['Postings preferring', '优先的岗位'],
  demandHeadcount: ['Headcount', '招聘人数'],
  gap: ['Gap', '缺口'],
  postingsClosed: ['Postings it opens', '可补足的岗位数'],
  openPostings: ['Open postings', '在招岗位'],
  headcount: ['Headcount', '招聘人数'],
  seekingGraduates: ['Graduates seeking', '求职毕业生'],
  headcountPerSeeker: ['Headcount per seeker', '人均岗位数'],
  placed: ['Placed', '已落实'],
  placementRate: ['Placement rate', '去向落实率'],
  previousPlacementRate: ['Placement rate, year before', '上一届去向落实率'],
  change: ['Change', '变化'],
  // Tables
  byMajor: ['Graduates by major', '按专业'],
  byDegree: ['Graduates by degree', '按学历'],
  byGraduationYear: ['Graduates by graduation year', '按毕业年份'],
  byRegionOfOrigin: ['Consenting graduates by region of origin', '按生源地区（仅已授权）'],
  byHukouType: ['Consenting graduates by hukou type', '按户籍类型（仅已授权）'],
  profileCompleteness: ['Profile completeness (parts of six filled)', '简历完整度（六项中已填项数）'],
  meanCompleteness: ['Mean completeness', '平均完整度'],
  recommendations: ['Recommendation activity', '推荐活动'],
  funnel: ['Interaction funnel', '求职漏斗'],
  funnelNote: [
    'Graduate–posting pairs that reached each stage: viewed, saved, applied, interviewed, offered, hired.',
    '到达各阶段的毕业生-岗位对：浏览、收藏、投递、面试、录用通知、入职。',
  ],
  regionGridCaption: ['Demand against graduates seeking, by region', '各地区岗位需求与求职毕业生'],
  regionGridLegend: [
    'Shade: headcount per graduate seeking (darker = more jobs per seeker). East, central, west and north-east as' +
      ' the National Bureau of Statistics divides China.',
    '颜色深浅：每名求职毕业生对应的招聘人数（越深岗位越多）。东部、中部、西部、东北按国家统计局划分。',
  ],
  supplyDemandTable: ['Open postings and headcount against graduates seeking', '在招岗位与招聘人数对比求职毕业生'],
  anyRegion: ['Postings naming no region, and graduates naming no place', '未限定地区的岗位与未填意向地点的毕业生'],
  originOutcomes: [
    'Placement of graduates from central and western regions and rural hukou, beside everyone else',
    '中西部生源与农村户籍毕业生的去向落实情况（与其他毕业生对比）',
  ],
  originNote: [
    'Consented demographics only; a graduate may be in two of these groups.',
    '仅含已授权的人口统计信息；同一毕业生可能同时属于两个组。',
  ],
  skillGroupCaption: [
    '{0}: share of open postings requiring each skill, against graduates holding it',
    '{0}：要求各技能的岗位比例与具备该技能的毕业生比例',
  ],
  gapsByMajor: ['Largest skill gaps per major', '各专业最大技能缺口'],
  gapsNote: [
    'Gap = share of postings open to the major that require the skill − share of its graduates holding it' +
      ' (declared or inferred). “Postings it opens”: open postings requiring the skill.',
    '缺口 = 面向该专业的岗位中要求该技能的比例 − 该专业具备该技能（自填或推断）的毕业生比例。“可补足的岗位数”：要求该技能的在招岗位数。',
  ],
  skillsNote: [
    'Supply: graduates holding a skill (declared by them or inferred by Bole). Demand: open postings requiring or' +
      ' preferring it; postings describe no person and are never blanked.',
    '供给：具备某技能的毕业生（本人填写或由伯乐推断）。需求：要求或优先考虑该技能的在招岗位；岗位不涉及个人，从不隐去。',
  ],
  forecastNote: [
    'Postings opened per month, forecast with additive Holt-Winters or the seasonal naive model, whichever had the' +
      ' lower rolling-origin backtest error over the last 12 months. Bands: 80 % (dark) and 95 % (light) prediction' +
      ' intervals. Read the backtest error before trusting a number.',
    '按月新发布岗位数，采用加法 Holt-Winters 或季节朴素模型中滚动回测误差（最近 12 个月）较低者进行预测。阴影：80%（深）与 95%（浅）预测区间。使用预测前请先看回测误差。',
  ],
  method: ['Model', '模型'],
  holt_winters: ['Holt-Winters (additive)', 'Holt-Winters（加法）'],
  seasonal_naive: ['seasonal naive', '季节朴素'],
  noForecast: ['Too short a history to forecast (fewer than 19 months).', '历史数据不足 19 个月，无法预测。'],
  backtest: [
    'Backtest MAE {0} (MASE {1}) over {2} errors; {3}: MAE {4}.',
    '回测 MAE {0}（MASE {1}），共 {2} 个误差；{3}：MAE {4}。',
  ],
  month: ['Month', '月份'],
  mean: ['Forecast', '预测值'],
  interval80: ['80 % interval', '80% 区间'],
  interval95: ['95 % interval', '95% 区间'],
  lastValue: [
    'Last month {0}: {1}. Forecast for {2}: {3} (95 % interval {4}–{5}).',
    '上月 {0}：{1}。{2} 预测：{3}（95% 区间 {4}–{5}）。',
  ],
  history: ['History (last 24 months) and forecast', '历史（近 24 个月）与预测'],
  byYear: ['Placement rate by graduation year', '各届去向落实率'],
  outcomesByMajor: ['Placement of {0} graduates by major, beside {1}', '{0}届毕业生分专业去向落实率（对比{1}届）'],
  outcomesByDegree: ['Placement of {0} graduates by degree, beside {1}', '{0}届毕业生分学历去向落实率（对比{1}届）'],
  outcomesByRegion: [
    'Placement of consenting {0} graduates by region of origin, beside {1}',
    '{0}届已授权毕业生分生源地区去向落实率（对比{1}届）',
  ],
  statusMix: ['Current outcomes of {0} graduates', '{0}届毕业生当前去向'],
  outcomesNote: [
    'Placed = employed, further study, civil service, entrepreneurship or flexible employment; graduates with no' +
      ' outcome recorded count as not placed.',
    '已落实 = 协议和合同就业、升学、考公/选调、自主创业或灵活就业；未登记去向的毕业生计为未落实。',
  ],
  thisYear: ['{0}', '{0}届'],
} as const satisfies Record<string, readonly [string, string]>;

export type AnalyticsTextKey = keyof typeof A;

/** The text in the language, with {0}, {1}… filled in. */
export function at(lang: Lang, key: AnalyticsTextKey, ...args: (string | number)[]): string {
  const text = A[key][lang === 'zh' ? 1 : 0];
  return args.reduce<string>((s, a, i) => s.replaceAll(`{${i}}`, String(a)), text);
}

/** A measure or table name in words, or the name itself when it has none. */
export const named = (lang: Lang, key: string): string => (key in A ? at(lang, key as AnalyticsTextKey) : key);
