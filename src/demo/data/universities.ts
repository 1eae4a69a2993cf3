import type { Demographics } from '../../domain/model/demographics.ts';

export const SCHOOL_KINDS = [
  'comprehensive',
  'polytechnic',
  'normal',
  'medical',
  'finance',
  'agriculture',
  'arts',
  'language',
  'vocational',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export type SchoolTier = NonNullable<Demographics['schoolTier']>;

export interface University {
  readonly zh: string;
  readonly en: string;
  /** City name in Chinese, as in src/domain/geo/cities.ts. */
  readonly city: string;
  readonly kind: SchoolKind;
  /**
   * 985 / 211 / 双一流 (double first-class, 2022 list) / other. Recorded only so the fairness audit can
   * monitor school tier as a proxy; the generator never uses it to pick skills, jobs or scores.
   */
  readonly tier: SchoolTier;
}

type Row = readonly [zh: string, en: string, city: string, kind: SchoolKind, tier: SchoolTier];

const ROWS: readonly Row[] = [
  // east
  ['北京大学', 'Peking University', '北京', 'comprehensive', '985'],
  ['北京邮电大学', 'Beijing University of Posts and Telecommunications', '北京', 'polytechnic', '211'],
  ['首都师范大学', 'Capital Normal University', '北京', 'normal', 'double_first_class'],
  ['北京联合大学', 'Beijing Union University', '北京', 'comprehensive', 'other'],
  ['复旦大学', 'Fudan University', '上海', 'comprehensive', '985'],
  ['上海财经大学', 'Shanghai University of Finance and Economics', '上海', 'finance', '211'],
  ['上海外国语大学', 'Shanghai International Studies University', '上海', 'language', '211'],
  ['上海中医药大学', 'Shanghai University of Traditional Chinese Medicine', '上海', 'medical', 'double_first_class'],
  ['上海应用技术大学', 'Shanghai Institute of Technology', '上海', 'polytechnic', 'other'],
  ['中山大学', 'Sun Yat-sen University', '广州', 'comprehensive', '985'],
  ['广州医科大学', 'Guangzhou Medical University', '广州', 'medical', 'double_first_class'],
  ['广东工业大学', 'Guangdong University of Technology', '广州', 'polytechnic', 'other'],
  ['深圳大学', 'Shenzhen University', '深圳', 'comprehensive', 'other'],
  ['南方科技大学', 'Southern University of Science and Technology', '深圳', 'polytechnic', 'double_first_class'],
  ['深圳职业技术大学', 'Shenzhen Polytechnic University', '深圳', 'vocational', 'other'],
  ['浙江大学', 'Zhejiang University', '杭州', 'comprehensive', '985'],
  ['杭州电子科技大学', 'Hangzhou Dianzi University', '杭州', 'polytechnic', 'other'],
  ['中国美术学院', 'China Academy of Art', '杭州', 'arts', 'double_first_class'],
  ['宁波大学', 'Ningbo University', '宁波', 'comprehensive', 'double_first_class'],
  ['南京大学', 'Nanjing University', '南京', 'comprehensive', '985'],
  ['河海大学', 'Hohai University', '南京', 'polytechnic', '211'],
  ['南京邮电大学', 'Nanjing University of Posts and Telecommunications', '南京', 'polytechnic', 'double_first_class'],
  ['苏州大学', 'Soochow University', '苏州', 'comprehensive', '211'],
  ['山东大学', 'Shandong University', '济南', 'comprehensive', '985'],
  ['青岛大学', 'Qingdao University', '青岛', 'comprehensive', 'other'],
  ['厦门大学', 'Xiamen University', '厦门', 'comprehensive', '985'],
  ['福州大学', 'Fuzhou University', '福州', 'polytechnic', '211'],
  ['河北工业大学', 'Hebei University of Technology', '天津', 'polytechnic', '211'],
  ['南开大学', 'Nankai University', '天津', 'comprehensive', '985'],
  ['石家庄铁道大学', 'Shijiazhuang Tiedao University', '石家庄', 'polytechnic', 'other'],
  ['海南大学', 'Hainan University', '海口', 'comprehensive', '211'],
  // central
  ['武汉大学', 'Wuhan University', '武汉', 'comprehensive', '985'],
  ['华中科技大学', 'Huazhong University of Science and Technology', '武汉', 'polytechnic', '985'],
  ['华中师范大学', 'Central China Normal University', '武汉', 'normal', '211'],
  ['中南财经政法大学', 'Zhongnan University of Economics and Law', '武汉', 'finance', '211'],
  ['华中农业大学', 'Huazhong Agricultural University', '武汉', 'agriculture', '211'],
  ['湖北大学', 'Hubei University', '武汉', 'comprehensive', 'other'],
  ['江汉大学', 'Jianghan University', '武汉', 'comprehensive', 'other'],
  ['武汉职业技术学院', 'Wuhan Polytechnic', '武汉', 'vocational', 'other'],
  ['中南大学', 'Central South University', '长沙', 'comprehensive', '985'],
  ['湖南师范大学', 'Hunan Normal University', '长沙', 'normal', '211'],
  ['长沙理工大学', 'Changsha University of Science and Technology', '长沙', 'polytechnic', 'other'],
  ['郑州大学', 'Zhengzhou University', '郑州', 'comprehensive', '211'],
  ['河南大学', 'Henan University', '郑州', 'comprehensive', 'double_first_class'],
  ['郑州铁路职业技术学院', 'Zhengzhou Railway Vocational and Technical College', '郑州', 'vocational', 'other'],
  ['合肥工业大学', 'Hefei University of Technology', '合肥', 'polytechnic', '211'],
  ['安徽医科大学', 'Anhui Medical University', '合肥', 'medical', 'other'],
  ['南昌大学', 'Nanchang University', '南昌', 'comprehensive', '211'],
  ['江西财经大学', 'Jiangxi University of Finance and Economics', '南昌', 'finance', 'other'],
  ['太原理工大学', 'Taiyuan University of Technology', '太原', 'polytechnic', '211'],
  ['山西大学', 'Shanxi University', '太原', 'comprehensive', 'double_first_class'],
  // west
  ['四川大学', 'Sichuan University', '成都', 'comprehensive', '985'],
  ['电子科技大学', 'University of Electronic Science and Technology of China', '成都', 'polytechnic', '985'],
  ['西南财经大学', 'Southwestern University of Finance and Economics', '成都', 'finance', '211'],
  ['成都中医药大学', 'Chengdu University of Traditional Chinese Medicine', '成都', 'medical', 'double_first_class'],
  ['四川农业大学', 'Sichuan Agricultural University', '成都', 'agriculture', '211'],
  ['重庆大学', 'Chongqing University', '重庆', 'comprehensive', '985'],
  ['西南大学', 'Southwest University', '重庆', 'comprehensive', '211'],
  ['重庆邮电大学', 'Chongqing University of Posts and Telecommunications', '重庆', 'polytechnic', 'other'],
  ['四川外国语大学', 'Sichuan International Studies University', '重庆', 'language', 'other'],
  ['西安交通大学', "Xi'an Jiaotong University", '西安', 'comprehensive', '985'],
  ['西北大学', 'Northwest University', '西安', 'comprehensive', '211'],
  ['西安科技大学', "Xi'an University of Science and Technology", '西安', 'polytechnic', 'other'],
  ['陕西师范大学', 'Shaanxi Normal University', '西安', 'normal', '211'],
  ['云南大学', 'Yunnan University', '昆明', 'comprehensive', '211'],
  ['昆明理工大学', 'Kunming University of Science and Technology', '昆明', 'polytechnic', 'other'],
  ['贵州大学', 'Guizhou University', '贵阳', 'comprehensive', '211'],
  ['贵州师范大学', 'Guizhou Normal University', '贵阳', 'normal', 'other'],
  ['广西大学', 'Guangxi University', '南宁', 'comprehensive', '211'],
  ['兰州大学', 'Lanzhou University', '兰州', 'comprehensive', '985'],
  ['新疆大学', 'Xinjiang University', '乌鲁木齐', 'comprehensive', '211'],
  ['内蒙古大学', 'Inner Mongolia University', '呼和浩特', 'comprehensive', '211'],
  ['宁夏大学', 'Ningxia University', '银川', 'comprehensive', '211'],
  ['青海大学', 'Qinghai University', '西宁', 'comprehensive', '211'],
  ['西藏大学', 'Tibet University', '拉萨', 'comprehensive', '211'],
  // northeast
  ['哈尔滨工业大学', 'Harbin Institute of Technology', '哈尔滨', 'polytechnic', '985'],
  ['哈尔滨医科大学', 'Harbin Medical University', '哈尔滨', 'medical', 'other'],
  ['东北农业大学', 'Northeast Agricultural University', '哈尔滨', 'agriculture', '211'],
  ['吉林大学', 'Jilin University', '长春', 'comprehensive', '985'],
  ['东北师范大学', 'Northeast Normal University', '长春', 'normal', '211'],
  ['长春理工大学', 'Changchun University of Science and Technology', '长春', 'polytechnic', 'other'],
  ['东北大学', 'Northeastern University', '沈阳', 'polytechnic', '985'],
  ['辽宁大学', 'Liaoning University', '沈阳', 'comprehensive', '211'],
  ['沈阳工业大学', 'Shenyang University of Technology', '沈阳', 'polytechnic', 'other'],
  ['大连理工大学', 'Dalian University of Technology', '大连', 'polytechnic', '985'],
  ['大连外国语大学', 'Dalian University of Foreign Languages', '大连', 'language', 'other'],
  ['沈阳职业技术学院', 'Shenyang Polytechnic College', '沈阳', 'vocational', 'other'],
];

/**
 * Share of graduates by school tier, roughly as in the national graduating class (most study outside
 * the 985/211 universities). Used only to weight which school a demo graduate attended, so the
 * population an audit sees is not skewed towards the listed elite schools.
 */
export const TIER_SHARE: Readonly<Record<SchoolTier, number>> = {
  '985': 0.08,
  '211': 0.12,
  double_first_class: 0.06,
  other: 0.74,
  undisclosed: 0,
};

export const UNIVERSITIES: readonly University[] = ROWS.map(([zh, en, city, kind, tier]) => ({
  zh,
  en,
  city,
  kind,
  tier,
}));
