/**
 * Lines that tell what the graduate did although they sit in a part read as no evidence. A heading the section
 * reader does not know ("实习信息（第 1 条）", "三、科研情况", "Selection criterion 1", "M.PHARM PROJECT") leaves the
 * lines under it in the education or the contact part, whose lines count only for the tools they name; a work
 * description, a research item or a project written there is evidence like any experience line. Held-out-6 lost 24
 * of 84 Chinese and 23 of 110 English skills this way.
 */

// Chinese activity verbs that open a clause ("用 Wind 下载城投债数据", "负责数据采集与处理", "协助导师指导本科生").
const ZH_ACTIVITY = new RegExp(
  '(?:^|[：:，,。；;、\\s\\d.)）(（])(?:用|使用|利用|负责|参与|完成|协助|搭建|撰写|编写|构建|开展|独立|做|进行|组织|' +
    '指导|担任|设计|开发|建立|主持|实现|采集|处理|分析|编制|起草|检索|调研|优化|测量|操作|带领|运营|策划|会|' +
    '熟练|熟悉|掌握|精通)',
  'u',
);
// English activity verbs in the past or present ("Designed a questionnaire", "I programmed a PLC").
const EN_ACTIVITY = new RegExp(
  '\\b(?:designed|built|developed|programmed|wrote|ran|led|managed|analy[sz]ed|used|conducted|collected|' +
    'performed|created|implemented|trained|taught|prepared|surveyed|presented|modell?ed|tested|measured|' +
    'integrated|coordinated|organi[sz]ed|screened|scheduled|helped|assisted|processed|characteri[sz]ed|' +
    'synthesi[sz]ed|cultured|extracted|mentored|supervised|logged|configured|deployed|automated)\\b',
  'iu',
);
// What makes a line a school's or a degree's, or a course list, whatever its verbs.
const SCHOOLISH = new RegExp(
  '大学(?!生)|学院|学校|本科(?!生)|硕士研究生|博士研究生|学士|专科|学位|课程|GPA|绩点|排名|' +
    '\\b(?:University|College|Bachelor|Master|Associate of|Diploma|GPA|CGPA|coursework|courses|modules)\\b',
  'u',
);
const CONTACT = /@|https?:|www\.|\d{3}[\s-]?\d{4}|电话|手机|邮箱|\b(?:phone|e-?mail)\b/iu;
// A clinical placement's rotation, written under the degree it belongs to: a department and its weeks ("妇产科 4 周；儿科
// 4 周", "心血管内科	8周	问诊查体，书写大病历").
const ROTATION = /(?:科|ICU|病区)\s*\d{1,2}\s*周/u;
// A placement or a project named by its label ("教学实习：…职业技术学校，承担《汽车电器》课程", "企业实践：…", "大创项目：…"):
// the school named there is where the work was done.
const PLACEMENT = /^[\u4e00-\u9fff]{0,4}(?:实习|实践|见习|项目)\s*[:：]/u;

/**
 * Whether a line of the education, contact or other part is an activity (see the file's comment): it names an
 * activity verb and is no school, degree, course or contact line.
 */
export function activityProse(line: string): boolean {
  const text = line.trim();
  if (CONTACT.test(text)) return false;
  if (ROTATION.test(text) || PLACEMENT.test(text)) return true;
  if (SCHOOLISH.test(text)) return false;
  // A list of short items ("组织行为学、薪酬管理、劳动法") names subjects or tools, not what was done.
  const items = text.split(/[、，,；;|]/u);
  if (items.length >= 3 && items.every((item) => item.trim().length <= 8)) return false;
  if (/[\u4e00-\u9fff]/u.test(text)) return text.length >= 12 && ZH_ACTIVITY.test(text);
  return text.length >= 30 && EN_ACTIVITY.test(text);
}
