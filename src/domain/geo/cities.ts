/**
 * Chinese cities with their province and economic region.
 *
 * Regions follow the National Bureau of Statistics division into four economic regions
 * (国家统计局《东西中部和东北地区划分方法》, 2011):
 * - east 东部 (10): 北京 天津 河北 上海 江苏 浙江 福建 山东 广东 海南
 * - central 中部 (6): 山西 安徽 江西 河南 湖北 湖南
 * - west 西部 (12): 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆
 * - northeast 东北 (3): 辽宁 吉林 黑龙江
 * Hong Kong, Macao and Taiwan are outside that division and are not listed.
 *
 * `tier` is a coarse commercial city tier (1 = 北上广深, 2 = other major centres, 3 = the rest), used only
 * to vary demo salaries; it is not an official classification.
 */
export const REGIONS = ['east', 'central', 'west', 'northeast'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, { zh: string; en: string }> = {
  east: { zh: '东部', en: 'Eastern China' },
  central: { zh: '中部', en: 'Central China' },
  west: { zh: '西部', en: 'Western China' },
  northeast: { zh: '东北', en: 'North-eastern China' },
};

export interface City {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly provinceZh: string;
  readonly provinceEn: string;
  readonly region: Region;
  readonly tier: 1 | 2 | 3;
}

type Row = readonly [zh: string, en: string, provinceZh: string, provinceEn: string, region: Region, tier: 1 | 2 | 3];

const ROWS: readonly Row[] = [
  // east
  ['北京', 'Beijing', '北京', 'Beijing', 'east', 1],
  ['上海', 'Shanghai', '上海', 'Shanghai', 'east', 1],
  ['广州', 'Guangzhou', '广东', 'Guangdong', 'east', 1],
  ['深圳', 'Shenzhen', '广东', 'Guangdong', 'east', 1],
  ['天津', 'Tianjin', '天津', 'Tianjin', 'east', 2],
  ['杭州', 'Hangzhou', '浙江', 'Zhejiang', 'east', 2],
  ['宁波', 'Ningbo', '浙江', 'Zhejiang', 'east', 2],
  ['南京', 'Nanjing', '江苏', 'Jiangsu', 'east', 2],
  ['苏州', 'Suzhou', '江苏', 'Jiangsu', 'east', 2],
  ['无锡', 'Wuxi', '江苏', 'Jiangsu', 'east', 3],
  ['济南', 'Jinan', '山东', 'Shandong', 'east', 2],
  ['青岛', 'Qingdao', '山东', 'Shandong', 'east', 2],
  ['厦门', 'Xiamen', '福建', 'Fujian', 'east', 2],
  ['福州', 'Fuzhou', '福建', 'Fujian', 'east', 2],
  ['石家庄', 'Shijiazhuang', '河北', 'Hebei', 'east', 3],
  ['东莞', 'Dongguan', '广东', 'Guangdong', 'east', 2],
  ['佛山', 'Foshan', '广东', 'Guangdong', 'east', 2],
  ['海口', 'Haikou', '海南', 'Hainan', 'east', 3],
  // central
  ['武汉', 'Wuhan', '湖北', 'Hubei', 'central', 2],
  ['长沙', 'Changsha', '湖南', 'Hunan', 'central', 2],
  ['郑州', 'Zhengzhou', '河南', 'Henan', 'central', 2],
  ['合肥', 'Hefei', '安徽', 'Anhui', 'central', 2],
  ['南昌', 'Nanchang', '江西', 'Jiangxi', 'central', 3],
  ['太原', 'Taiyuan', '山西', 'Shanxi', 'central', 3],
  ['洛阳', 'Luoyang', '河南', 'Henan', 'central', 3],
  ['襄阳', 'Xiangyang', '湖北', 'Hubei', 'central', 3],
  ['芜湖', 'Wuhu', '安徽', 'Anhui', 'central', 3],
  ['株洲', 'Zhuzhou', '湖南', 'Hunan', 'central', 3],
  // west
  ['成都', 'Chengdu', '四川', 'Sichuan', 'west', 2],
  ['重庆', 'Chongqing', '重庆', 'Chongqing', 'west', 2],
  ['西安', "Xi'an", '陕西', 'Shaanxi', 'west', 2],
  ['昆明', 'Kunming', '云南', 'Yunnan', 'west', 3],
  ['贵阳', 'Guiyang', '贵州', 'Guizhou', 'west', 3],
  ['南宁', 'Nanning', '广西', 'Guangxi', 'west', 3],
  ['兰州', 'Lanzhou', '甘肃', 'Gansu', 'west', 3],
  ['乌鲁木齐', 'Urumqi', '新疆', 'Xinjiang', 'west', 3],
  ['呼和浩特', 'Hohhot', '内蒙古', 'Inner Mongolia', 'west', 3],
  ['银川', 'Yinchuan', '宁夏', 'Ningxia', 'west', 3],
  ['西宁', 'Xining', '青海', 'Qinghai', 'west', 3],
  ['拉萨', 'Lhasa', '西藏', 'Tibet', 'west', 3],
  ['绵阳', 'Mianyang', '四川', 'Sichuan', 'west', 3],
  ['柳州', 'Liuzhou', '广西', 'Guangxi', 'west', 3],
  // northeast
  ['沈阳', 'Shenyang', '辽宁', 'Liaoning', 'northeast', 2],
  ['大连', 'Dalian', '辽宁', 'Liaoning', 'northeast', 2],
  ['长春', 'Changchun', '吉林', 'Jilin', 'northeast', 3],
  ['哈尔滨', 'Harbin', '黑龙江', 'Heilongjiang', 'northeast', 2],
  ['吉林', 'Jilin City', '吉林', 'Jilin', 'northeast', 3],
  ['大庆', 'Daqing', '黑龙江', 'Heilongjiang', 'northeast', 3],
  ['鞍山', 'Anshan', '辽宁', 'Liaoning', 'northeast', 3],
];

const slug = (en: string): string =>
  en
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');

export const CITIES: readonly City[] = ROWS.map(([zh, en, provinceZh, provinceEn, region, tier]) => ({
  id: slug(en),
  zh,
  en,
  provinceZh,
  provinceEn,
  region,
  tier,
}));

/**
 * Normalises a place name for lookup: NFKC folds full-width letters and spaces to ASCII, then case,
 * spaces, apostrophes and hyphens are dropped, and a trailing 市 / " city" / "shi" is removed.
 */
export const normalizePlace = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’\-.]/g, '')
    .replace(/(市|city|shi)$/u, '');

const INDEX = new Map<string, City>();
for (const c of CITIES) {
  for (const key of [c.zh, c.en, c.id]) {
    const k = normalizePlace(key);
    // The first entry wins, so 吉林 (a province name too) resolves to the city 吉林 listed under it.
    if (!INDEX.has(k)) INDEX.set(k, c);
  }
}

/** The city named in Chinese or English (上海 = 上海市 = Shanghai = ＳＨＡＮＧＨＡＩ), or undefined. */
export const findCity = (name: string): City | undefined => {
  const k = normalizePlace(name);
  return k.length === 0 ? undefined : INDEX.get(k);
};

/** The NBS economic region of a city given by name or record; undefined for an unknown name. */
export const regionOf = (city: string | City): Region | undefined =>
  typeof city === 'string' ? findCity(city)?.region : city.region;

export const citiesInRegion = (region: Region): readonly City[] => CITIES.filter((c) => c.region === region);
