/**
 * Name parts for fictional people and employers. Combinations are random; any resemblance to a real
 * person or company is chance. Pairs are [Chinese, pinyin].
 */
export type ZhPart = readonly [zh: string, pinyin: string];

/** Common surnames, roughly in order of frequency so the generator can weight earlier ones more. */
export const SURNAMES: readonly ZhPart[] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'],
  ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'],
  ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'], ['高', 'Gao'], ['罗', 'Luo'], ['郑', 'Zheng'],
  ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'], ['唐', 'Tang'], ['许', 'Xu'], ['韩', 'Han'], ['冯', 'Feng'],
  ['邓', 'Deng'], ['曹', 'Cao'], ['彭', 'Peng'], ['曾', 'Zeng'], ['肖', 'Xiao'], ['田', 'Tian'], ['董', 'Dong'],
  ['潘', 'Pan'], ['袁', 'Yuan'], ['蔡', 'Cai'], ['蒋', 'Jiang'], ['余', 'Yu'], ['杜', 'Du'], ['叶', 'Ye'],
  ['程', 'Cheng'], ['魏', 'Wei'], ['苏', 'Su'], ['吕', 'Lyu'], ['丁', 'Ding'], ['任', 'Ren'], ['卢', 'Lu'],
  ['姚', 'Yao'], ['沈', 'Shen'], ['钟', 'Zhong'], ['姜', 'Jiang'], ['崔', 'Cui'], ['谭', 'Tan'], ['陆', 'Lu'],
  ['范', 'Fan'], ['汪', 'Wang'], ['廖', 'Liao'], ['石', 'Shi'], ['金', 'Jin'], ['韦', 'Wei'], ['贾', 'Jia'],
  ['欧阳', 'Ouyang'], ['司马', 'Sima'],
];

/** Characters used in given names, neutral in gender. */
export const GIVEN_CHARS: readonly ZhPart[] = [
  ['明', 'ming'], ['华', 'hua'], ['文', 'wen'], ['晨', 'chen'], ['宇', 'yu'], ['涵', 'han'], ['子', 'zi'],
  ['一', 'yi'], ['佳', 'jia'], ['嘉', 'jia'], ['思', 'si'], ['雨', 'yu'], ['欣', 'xin'], ['睿', 'rui'],
  ['博', 'bo'], ['浩', 'hao'], ['杰', 'jie'], ['俊', 'jun'], ['轩', 'xuan'], ['若', 'ruo'], ['梓', 'zi'],
  ['诗', 'shi'], ['怡', 'yi'], ['静', 'jing'], ['婷', 'ting'], ['悦', 'yue'], ['天', 'tian'], ['泽', 'ze'],
  ['辰', 'chen'], ['安', 'an'], ['宁', 'ning'], ['可', 'ke'], ['欢', 'huan'], ['凯', 'kai'], ['磊', 'lei'],
  ['阳', 'yang'], ['昊', 'hao'], ['晓', 'xiao'], ['琳', 'lin'], ['瑶', 'yao'], ['鹏', 'peng'], ['志', 'zhi'],
  ['远', 'yuan'], ['清', 'qing'], ['雪', 'xue'], ['林', 'lin'], ['凡', 'fan'], ['舒', 'shu'], ['乐', 'le'],
  ['航', 'hang'], ['楠', 'nan'], ['颖', 'ying'], ['源', 'yuan'], ['铭', 'ming'], ['蕾', 'lei'], ['彤', 'tong'],
];

export const EN_GIVEN: readonly string[] = [
  'Alex', 'Amy', 'Ben', 'Chloe', 'Daniel', 'Eric', 'Grace', 'Helen', 'Ivy', 'Jack', 'Jason', 'Kevin', 'Leo',
  'Lily', 'Lucy', 'Max', 'Nina', 'Oscar', 'Peter', 'Ruby', 'Sam', 'Sophie', 'Tom', 'Vivian', 'Wendy', 'Zoe',
];

export const EN_SURNAMES: readonly string[] = [
  'Adams', 'Baker', 'Clarke', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Kim', 'Kowalski',
  'Martin', 'Nguyen', 'Okafor', 'Patel', 'Rossi', 'Santos', 'Tanaka', 'Weber', 'Young',
];

/** Brand stems for fictional employer names. */
export const BRANDS: readonly ZhPart[] = [
  ['华信', 'Huaxin'], ['启明', 'Qiming'], ['远航', 'Yuanhang'], ['瑞丰', 'Ruifeng'], ['云帆', 'Yunfan'],
  ['星河', 'Xinghe'], ['楚天', 'Chutian'], ['长风', 'Changfeng'], ['鼎新', 'Dingxin'], ['汇智', 'Huizhi'],
  ['嘉禾', 'Jiahe'], ['恒泰', 'Hengtai'], ['蓝海', 'Lanhai'], ['青松', 'Qingsong'], ['天元', 'Tianyuan'],
  ['博远', 'Boyuan'], ['中联', 'Zhonglian'], ['宏达', 'Hongda'], ['智行', 'Zhixing'], ['磐石', 'Panshi'],
  ['朗润', 'Langrun'], ['致远', 'Zhiyuan'], ['明德', 'Mingde'], ['同创', 'Tongchuang'], ['锦程', 'Jincheng'],
  ['新禾', 'Xinhe'], ['九州', 'Jiuzhou'], ['东升', 'Dongsheng'], ['川流', 'Chuanliu'], ['北辰', 'Beichen'],
  ['和光', 'Heguang'], ['慧科', 'Huike'], ['联创', 'Lianchuang'], ['凌云', 'Lingyun'], ['沃土', 'Wotu'],
  ['晨曦', 'Chenxi'], ['金桥', 'Jinqiao'], ['众合', 'Zhonghe'], ['芯源', 'Xinyuan'], ['安泰', 'Antai'],
];
