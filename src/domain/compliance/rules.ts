import type { RuleId, Severity } from './types.ts';

/**
 * What each rule protects, the law it rests on, and the message shown to the employer.
 * Citations: 就业促进法 (Employment Promotion Law, 2007/2015) Art 3, 26-31; 妇女权益保障法 (2022) Art 43;
 * 教育部 campus-recruitment “三严禁” (no postings limited to 985/211 schools; no gender, hukou or
 * education-discriminatory clauses); 人力资源市场暂行条例 Art 24 and 网络招聘服务管理规定 (recruitment
 * information must not contain discriminatory content; platforms review it).
 */
export interface RuleInfo {
  label: { en: string; zh: string };
  law: string;
  why: { en: string; zh: string };
}

export const RULES: Record<RuleId, RuleInfo> = {
  gender: {
    label: { en: 'gender', zh: '性别' },
    law: '就业促进法 第3条、第27条; 妇女权益保障法 第43条; 教育部“三严禁”',
    why: { en: 'a posting may not limit or prefer a sex', zh: '招聘信息不得限定性别或提出性别优先' },
  },
  age: {
    label: { en: 'age', zh: '年龄' },
    law: '人力资源市场暂行条例 第24条; 网络招聘服务管理规定 (no discriminatory content); 就业促进法 第3条',
    why: {
      en: 'age limits exclude qualified graduates without a job-related reason',
      zh: '无正当理由的年龄限制构成就业歧视',
    },
  },
  marital: {
    label: { en: 'marital or childbirth status', zh: '婚育状况' },
    law: '就业促进法 第27条; 妇女权益保障法 第43条',
    why: {
      en: 'marriage, pregnancy or childbirth may not be asked about or made a condition',
      zh: '不得询问或将婚姻、生育状况作为录用条件',
    },
  },
  hukou: {
    label: { en: 'hukou or local residence', zh: '户籍' },
    law: '就业促进法 第31条; 教育部“三严禁”',
    why: {
      en: 'household registration or origin may not be a hiring condition',
      zh: '不得以户籍、生源地设置歧视性限制',
    },
  },
  ethnicity: {
    label: { en: 'ethnicity', zh: '民族' },
    law: '就业促进法 第3条、第28条',
    why: { en: 'workers of every ethnic group have equal rights to work', zh: '各民族劳动者享有平等的劳动权利' },
  },
  religion: {
    label: { en: 'religion', zh: '宗教信仰' },
    law: '就业促进法 第3条',
    why: { en: 'religious belief may not be a hiring condition', zh: '不得因宗教信仰不同而歧视' },
  },
  health: {
    label: { en: 'health status', zh: '健康状况' },
    law: '就业促进法 第30条',
    why: {
      en:
        'carriers of infectious pathogens such as hepatitis B may not be refused; health checks ' +
        'only where the law requires them',
      zh: '不得以是传染病病原携带者（如乙肝）为由拒绝录用；仅法律要求的岗位可要求健康证明',
    },
  },
  disability: {
    label: { en: 'disability', zh: '残疾' },
    law: '就业促进法 第29条; 残疾人保障法 第38条',
    why: { en: 'persons with disabilities may not be excluded', zh: '不得歧视残疾人' },
  },
  school_tier: {
    label: { en: 'school tier', zh: '院校层次' },
    law: '教育部“三严禁”(严禁发布限定985、211高校等字样的招聘信息); 就业促进法 第3条',
    why: {
      en: 'campus postings may not restrict by school tier, first degree or named schools',
      zh: '校园招聘不得限定985/211、双一流、第一学历或特定院校',
    },
  },
  appearance: {
    label: { en: 'photo or appearance', zh: '照片或外貌' },
    law: '人力资源市场暂行条例 第24条; 就业促进法 第3条; 个人信息保护法 第6条 (minimum necessary)',
    why: { en: 'appearance is not a job requirement and photos invite bias', zh: '外貌与岗位无关，索要照片易致歧视' },
  },
};

export function messageFor(rule: RuleId, severity: Severity): { en: string; zh: string } {
  const info = RULES[rule];
  if (severity === 'block') {
    return {
      en: `Discriminatory ${info.label.en} requirement: ${info.why.en}.`,
      zh: `含有${info.label.zh}歧视性要求：${info.why.zh}。`,
    };
  }
  return {
    en: `Possible ${info.label.en} bias, please review: ${info.why.en}.`,
    zh: `可能涉及${info.label.zh}歧视，请复核：${info.why.zh}。`,
  };
}
