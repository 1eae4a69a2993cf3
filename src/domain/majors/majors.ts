/**
 * Undergraduate majors (本科专业) with their discipline group (学科门类), following the names of the
 * Ministry of Education's 《普通高等学校本科专业目录》. English names are common translations; aliases are
 * names people actually write (short forms, older names, English variants).
 */
export const DISCIPLINES = [
  'philosophy',
  'economics',
  'law',
  'education',
  'literature',
  'history',
  'science',
  'engineering',
  'agriculture',
  'medicine',
  'management',
  'art',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_NAMES: Record<Discipline, string> = {
  philosophy: '哲学',
  economics: '经济学',
  law: '法学',
  education: '教育学',
  literature: '文学',
  history: '历史学',
  science: '理学',
  engineering: '工学',
  agriculture: '农学',
  medicine: '医学',
  management: '管理学',
  art: '艺术学',
};

export interface Major {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly discipline: Discipline;
  readonly aliases: readonly string[];
}

type Row = readonly [id: string, zh: string, en: string, aliases?: readonly string[]];

const GROUPS: Record<Discipline, readonly Row[]> = {
  philosophy: [['philosophy', '哲学', 'Philosophy']],
  economics: [
    ['economics', '经济学', 'Economics'],
    ['finance', '金融学', 'Finance', ['金融']],
    [
      'international-trade',
      '国际经济与贸易',
      'International Economics and Trade',
      ['国贸', '国际贸易', 'International Trade'],
    ],
    ['public-finance', '财政学', 'Public Finance'],
    ['insurance', '保险学', 'Insurance'],
    ['investment', '投资学', 'Investment'],
    ['financial-engineering', '金融工程', 'Financial Engineering'],
    ['economic-statistics', '经济统计学', 'Economic Statistics'],
    ['digital-economy', '数字经济', 'Digital Economy'],
  ],
  law: [
    ['law', '法学', 'Law', ['法律']],
    ['intellectual-property', '知识产权', 'Intellectual Property'],
    ['political-science', '政治学与行政学', 'Political Science and Public Administration', ['政治学']],
    ['sociology', '社会学', 'Sociology'],
    ['social-work', '社会工作', 'Social Work', ['社工']],
  ],
  education: [
    ['pedagogy', '教育学', 'Education', ['Pedagogy']],
    ['educational-technology', '教育技术学', 'Educational Technology'],
    ['preschool-education', '学前教育', 'Preschool Education', ['Early Childhood Education']],
    ['primary-education', '小学教育', 'Primary Education', ['Elementary Education']],
    ['physical-education', '体育教育', 'Physical Education'],
    ['special-education', '特殊教育', 'Special Education'],
  ],
  literature: [
    ['chinese-language-literature', '汉语言文学', 'Chinese Language and Literature', ['中文', '汉语言']],
    [
      'chinese-international-education',
      '汉语国际教育',
      'Teaching Chinese to Speakers of Other Languages',
      ['对外汉语', 'TCSOL'],
    ],
    ['english', '英语', 'English', ['English Language and Literature', '英语语言文学']],
    ['japanese', '日语', 'Japanese'],
    ['russian', '俄语', 'Russian'],
    ['french', '法语', 'French'],
    ['translation', '翻译', 'Translation and Interpreting', ['Translation', 'MTI']],
    ['business-english', '商务英语', 'Business English'],
    ['journalism', '新闻学', 'Journalism', ['新闻']],
    ['broadcasting-journalism', '广播电视学', 'Radio and Television Journalism'],
    ['advertising', '广告学', 'Advertising'],
    ['network-new-media', '网络与新媒体', 'Network and New Media', ['新媒体', 'New Media']],
    ['editing-publishing', '编辑出版学', 'Editing and Publishing'],
  ],
  history: [['history', '历史学', 'History']],
  science: [
    [
      'mathematics',
      '数学与应用数学',
      'Mathematics and Applied Mathematics',
      ['数学', 'Mathematics', 'Applied Mathematics'],
    ],
    ['information-computing-science', '信息与计算科学', 'Information and Computing Science'],
    ['physics', '物理学', 'Physics'],
    ['applied-physics', '应用物理学', 'Applied Physics'],
    ['chemistry', '化学', 'Chemistry'],
    ['applied-chemistry', '应用化学', 'Applied Chemistry'],
    ['biology', '生物科学', 'Biological Sciences', ['生物学', 'Biology']],
    ['biotechnology', '生物技术', 'Biotechnology'],
    ['statistics', '统计学', 'Statistics'],
    ['applied-statistics', '应用统计学', 'Applied Statistics'],
    ['geographic-information-science', '地理信息科学', 'Geographic Information Science', ['GIS', '地理信息系统']],
    ['psychology', '心理学', 'Psychology'],
    ['applied-psychology', '应用心理学', 'Applied Psychology'],
    ['environmental-science', '环境科学', 'Environmental Science'],
  ],
  engineering: [
    [
      'computer-science',
      '计算机科学与技术',
      'Computer Science and Technology',
      ['计算机', '计科', 'Computer Science', 'CS'],
    ],
    ['software-engineering', '软件工程', 'Software Engineering', ['软工']],
    ['network-engineering', '网络工程', 'Network Engineering'],
    ['information-security', '信息安全', 'Information Security', ['网络空间安全', 'Cyberspace Security']],
    [
      'data-science',
      '数据科学与大数据技术',
      'Data Science and Big Data Technology',
      ['大数据', '数据科学', 'Data Science'],
    ],
    ['artificial-intelligence', '人工智能', 'Artificial Intelligence', ['AI']],
    ['iot-engineering', '物联网工程', 'Internet of Things Engineering', ['物联网', 'IoT']],
    ['digital-media-technology', '数字媒体技术', 'Digital Media Technology'],
    ['electronic-information', '电子信息工程', 'Electronic Information Engineering', ['电子信息']],
    ['communication-engineering', '通信工程', 'Communication Engineering', ['通信']],
    [
      'microelectronics',
      '微电子科学与工程',
      'Microelectronics Science and Engineering',
      ['微电子', '集成电路设计与集成系统'],
    ],
    [
      'electrical-engineering',
      '电气工程及其自动化',
      'Electrical Engineering and Automation',
      ['电气工程', '电气', 'Electrical Engineering'],
    ],
    ['automation', '自动化', 'Automation'],
    ['robotics', '机器人工程', 'Robotics Engineering', ['Robotics']],
    ['mechanical-engineering', '机械工程', 'Mechanical Engineering', ['机械']],
    [
      'mechanical-design',
      '机械设计制造及其自动化',
      'Mechanical Design, Manufacturing and Automation',
      ['机制', '机械设计'],
    ],
    ['mechatronics', '机械电子工程', 'Mechatronic Engineering', ['机电', 'Mechatronics']],
    ['industrial-design', '工业设计', 'Industrial Design'],
    ['vehicle-engineering', '车辆工程', 'Vehicle Engineering', ['Automotive Engineering']],
    ['new-energy-vehicle', '新能源汽车工程', 'New Energy Vehicle Engineering'],
    [
      'aerospace-engineering',
      '飞行器设计与工程',
      'Aircraft Design and Engineering',
      ['航空航天工程', 'Aerospace Engineering'],
    ],
    ['civil-engineering', '土木工程', 'Civil Engineering', ['土木']],
    ['architecture', '建筑学', 'Architecture'],
    ['urban-planning', '城乡规划', 'Urban and Rural Planning', ['城市规划']],
    ['water-resources', '水利水电工程', 'Water Conservancy and Hydropower Engineering'],
    ['construction-management', '工程管理', 'Construction Management', ['Engineering Management']],
    ['chemical-engineering', '化学工程与工艺', 'Chemical Engineering and Technology', ['化工', 'Chemical Engineering']],
    ['pharmaceutical-engineering', '制药工程', 'Pharmaceutical Engineering'],
    ['materials-science', '材料科学与工程', 'Materials Science and Engineering', ['材料', 'Materials Science']],
    ['polymer-materials', '高分子材料与工程', 'Polymer Materials and Engineering'],
    ['environmental-engineering', '环境工程', 'Environmental Engineering'],
    ['energy-power', '能源与动力工程', 'Energy and Power Engineering'],
    ['biomedical-engineering', '生物医学工程', 'Biomedical Engineering'],
    ['food-science', '食品科学与工程', 'Food Science and Engineering', ['食品科学', 'Food Science']],
    ['food-safety', '食品质量与安全', 'Food Quality and Safety'],
    ['surveying', '测绘工程', 'Surveying and Mapping Engineering'],
    ['bioengineering', '生物工程', 'Bioengineering'],
  ],
  agriculture: [
    ['agronomy', '农学', 'Agronomy'],
    ['horticulture', '园艺', 'Horticulture'],
    ['animal-science', '动物科学', 'Animal Science'],
    ['veterinary-medicine', '动物医学', 'Veterinary Medicine'],
  ],
  medicine: [
    ['clinical-medicine', '临床医学', 'Clinical Medicine'],
    ['nursing', '护理学', 'Nursing', ['护理']],
    ['pharmacy', '药学', 'Pharmacy'],
    ['clinical-pharmacy', '临床药学', 'Clinical Pharmacy'],
    ['medical-laboratory', '医学检验技术', 'Medical Laboratory Technology', ['医学检验']],
    ['preventive-medicine', '预防医学', 'Preventive Medicine'],
    ['traditional-chinese-medicine', '中医学', 'Traditional Chinese Medicine', ['中医', 'TCM']],
    ['stomatology', '口腔医学', 'Stomatology', ['Dentistry']],
    ['food-hygiene-nutrition', '食品卫生与营养学', 'Food Hygiene and Nutrition'],
    ['medical-imaging', '医学影像技术', 'Medical Imaging Technology'],
  ],
  management: [
    ['business-administration', '工商管理', 'Business Administration', ['MBA']],
    ['marketing', '市场营销', 'Marketing'],
    ['accounting', '会计学', 'Accounting', ['会计']],
    ['financial-management', '财务管理', 'Financial Management'],
    ['auditing', '审计学', 'Auditing'],
    ['human-resources', '人力资源管理', 'Human Resource Management', ['人力资源', 'HR', 'HRM']],
    [
      'information-management',
      '信息管理与信息系统',
      'Information Management and Information Systems',
      ['信管', 'Information Systems'],
    ],
    ['logistics-management', '物流管理', 'Logistics Management', ['物流']],
    ['supply-chain', '供应链管理', 'Supply Chain Management'],
    ['ecommerce', '电子商务', 'E-Commerce', ['电商', 'Electronic Commerce']],
    ['industrial-engineering', '工业工程', 'Industrial Engineering'],
    ['public-administration', '行政管理', 'Public Administration'],
    ['tourism-management', '旅游管理', 'Tourism Management'],
    ['big-data-management', '大数据管理与应用', 'Big Data Management and Application'],
  ],
  art: [
    ['visual-communication', '视觉传达设计', 'Visual Communication Design', ['视觉传达', 'Graphic Design', '平面设计']],
    ['environmental-design', '环境设计', 'Environmental Design'],
    ['product-design', '产品设计', 'Product Design'],
    ['digital-media-art', '数字媒体艺术', 'Digital Media Arts'],
    ['animation', '动画', 'Animation'],
    ['fine-arts', '美术学', 'Fine Arts'],
    ['drama-film-literature', '戏剧影视文学', 'Drama, Film and Television Literature'],
    ['broadcasting-hosting', '播音与主持艺术', 'Broadcasting and Hosting Arts'],
    ['music-performance', '音乐表演', 'Music Performance'],
  ],
};

export const MAJORS: readonly Major[] = (Object.entries(GROUPS) as Array<[Discipline, readonly Row[]]>).flatMap(
  ([discipline, rows]) => rows.map(([id, zh, en, aliases = []]) => ({ id, zh, en, discipline, aliases })),
);

/** NFKC folds full-width forms; case, spaces and punctuation do not distinguish majors. */
export const normalizeMajor = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,.'’()（）、·\-&]/gu, '')
    .replace(/专业$/u, '');

const BY_ID = new Map(MAJORS.map((m) => [m.id, m]));
const INDEX = new Map<string, Major>();
// Official names first, then aliases, so an alias never shadows another major's official name.
for (const m of MAJORS) for (const k of [m.zh, m.en, m.id]) INDEX.set(normalizeMajor(k), m);
for (const m of MAJORS) for (const a of m.aliases) if (!INDEX.has(normalizeMajor(a))) INDEX.set(normalizeMajor(a), m);

/** The major named in Chinese or English, by official name, id or alias (计算机 = 计算机科学与技术专业 = CS). */
export const findMajor = (name: string): Major | undefined => {
  const k = normalizeMajor(name);
  return k.length === 0 ? undefined : INDEX.get(k);
};

export const majorById = (id: string): Major | undefined => BY_ID.get(id);
