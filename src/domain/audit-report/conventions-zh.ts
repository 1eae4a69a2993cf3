/**
 * The conventions in Chinese, beside the English text of CONVENTIONS (the English is the reference;
 * a key without a Chinese text here prints in English only).
 */
export const CONVENTIONS_ZH: Readonly<Record<string, string>> = {
  'selection-rate':
    '入选率 = 入选数 / 被考虑数（纽约市 LL144，6 RCNY §5-300）。候选人名单：单位是一个（职位，毕业生）决策；“入选”指该毕业生在窗口内至少一次出现在该职位候选人名单的前 k 名。上传文件：一行即一个决策，是否入选以文件为准。',
  'impact-ratio':
    '影响比 = 本组比率 / 公布群体中的最高比率（LL144 §5-300，单侧）；低于 0.8 时标记（美国 UGESP 29 CFR §1607.4(D) 五分之四规则；LL144 本身不设阈值）。“不利影响” = 被标记且统计检验显著。',
  significance:
    '每个群体与参照群体（比率最高者）比较：合并两比例 z 检验（双侧，无连续性校正）和 Fisher 精确检验（双侧，与 SciPy 一致）。同一人的多个决策并不独立，按决策计算的 p 值偏乐观。',
  'scoring-rate':
    '评分率 = 分数严格高于全样本（含未知类别）中位数的决策所占比例（LL144 §5-300）；中位数精确计算（两个中间值的平均）。',
  'mean-score': '各群体平均分及双侧 95% t 置信区间：均值 ± t(0.975, n−1)·s/√n，s 以 n − 1 计算。',
  exposure:
    '曝光 = 该群体候选人曝光的 1/log2(1 + 排名) 的平均值；相关度 = 曝光时的分数；曝光/相关度之比 E/U（Singh & Joachims 2018）；差异 = 公布群体中最小 E/U / 最大 E/U。',
  'recommendation-quality':
    '推荐列表：单位是一名毕业生；结果 = 窗口内推送给他/她的前 k 个职位的平均分（是否有群体收到匹配更差的职位）。评分率 = 该平均分高于合并中位数的毕业生比例。',
  funnel:
    '结果漏斗基于被展示的（毕业生，职位）对：若在窗口开始后记录到某阶段或更后阶段的互动（投递 → 面试 → 录用 → 入职），即视为到达该阶段，因此各阶段计数层层包含。机会均等差 = 各群体 P(面试 | 投递) 的最大值 − 最小值。',
  'ranking-skew':
    'Skew@k = ln((前 k 名中人数 + 1)/(k·期望占比 + 1))（Geyik 等 2019，LiFT 拉普拉斯平滑 α = 1）；期望占比 = 名单中已知群体的占比；MinSkew/MaxSkew/NDKL 在候选人名单间取平均。',
  'proxy-strength':
    'Cramér V（及 Bergsma 偏差校正 Ṽ）：各评分分量分为五个等宽区间后与各属性的关联强度；超过 20 万次曝光时在可重复的伯努利样本上计算。0 = 无关联，1 = 完全代理。',
  suppression:
    '人数少于最低人数（默认 10）或占已知人数不足 2%（LL144 §5-301(d)）的群体不公布数字，但列出其人数；人口信息未知或未同意使用的人计为“未知”，从不归入任何群体。',
};
