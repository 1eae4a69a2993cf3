/** Accepted spellings of the closed values, beside their canonical codes (which export writes). */
export const DEGREE_SPELLINGS = {
  none: ['无', '无学历', '其他'],
  associate: ['大专', '专科', '高职', 'junior college'],
  bachelor: ['本科', '学士', "bachelor's"],
  master: ['硕士', '硕士研究生', '研究生', "master's"],
  doctorate: ['博士', '博士研究生', 'phd', 'doctor'],
} as const;

export const JOB_TYPE_SPELLINGS = {
  'full-time': ['全职', 'fulltime', 'full time'],
  internship: ['实习', 'intern'],
  'part-time': ['兼职', 'parttime', 'part time'],
} as const;

export const VISIBILITY_SPELLINGS = {
  employers: ['用人单位可见', '单位可见', '公开'],
  career_office: ['仅就业指导中心可见', '仅就业中心', 'career office'],
  private: ['不公开', '私密', '仅自己'],
} as const;

export const LANG_SPELLINGS = {
  zh: ['中文', '汉语', 'chinese'],
  en: ['英文', '英语', 'english'],
} as const;

export const POSTING_STATUS_SPELLINGS = {
  draft: ['草稿', '未发布'],
  open: ['招聘中', '开放', '发布', '已发布'],
  closed: ['已关闭', '关闭', '已结束', '截止'],
} as const;

export const EMPLOYER_SIZE_SPELLINGS = {
  '1-49': ['50人以下', '少于50人'],
  '50-249': ['50-249人'],
  '250-999': ['250-999人'],
  '1000+': ['1000人以上', '1000人及以上'],
} as const;
