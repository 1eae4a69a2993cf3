/**
 * Roles that are themselves a skill by the labelling convention (bench/data/resume/HELD-OUT-3.md): a student
 * leadership role (学生会部长, 队长, Editor-in-Chief, team lead), a research or teaching assistantship, volunteering.
 * An entry's header names the role, and the skill reader drops headers' roles (a title alone is no evidence), so
 * these are read from the whole line.
 */
import type { PhraseHit } from './skill-phrases.ts';

const ASSISTANCE = 'academic-research-assistance';

// An employer's words: a role there is a job, not a student's role ("Vice President, Goldman Sachs", "项目组长"), as is
// a soldier's ("中国人民解放军某部 班长"); a group's leader in a student team is the role ("Suspension Group Leader").
const EMPLOYER = new RegExp(
  '公司|集团|有限|医院|事务所|银行|部队|解放军|武警|\\b(?:Inc|LLC|LLP|Ltd|Corp|Bank|Capital|Partners|Group(?! [Ll]ead))\\b',
  'u',
);

// A student body, club or team ("研究生会秘书处", "校篮球队", "方程式赛车队", "The Daily Northwestern").
const ZH_BODY =
  '学生会|研究生会|社团|协会|学会|科协|社|俱乐部|校[^\\s，,。；;]{0,6}?队|车队|实践队|服务队|宣讲团|广播台|记者团|班|' +
  '团委|团总支|团支部|党支部|大创(?:项目)?|大学生创新(?:创业)?训练(?:计划)?项目';
// A class's League secretary (团支书) and a Party or League branch's committee member (党支部 组织委员) are no student
// leadership (HELD-OUT-25.md: "not 团支书, 组织委员"; 2 of the 7 dev résumés with 团支书 and 0 of 2 with a branch's
// 组织委员 label it), unlike a class's committee member or a League committee's secretary (班级学习委员, 团委副书记).
const ZH_TITLE =
  '副?部长|副?社长|副?主席|副?会长|台长|副?队长|副?团长|组长|班长|副?书记|负责人|' +
  '(?<![党团]支部\\s*)[\\u4e00-\\u9fff]{2}委员';
// A run of spaces between a body and its title counts as one ("物流协会                职务  副会长").
const ZH_ROLE = new RegExp(`(?:${ZH_BODY})(?:[^，,。；;\\s]|\\s+){0,12}?(?:${ZH_TITLE})`, 'u');
// A title that is a student's own wherever it is written ("校中医经典读书会 会长", "优秀学生干部（班长）", "系学会 活动长"),
// a team's captain ("ICPC 亚洲区域赛银牌 · 队长", "英语辩论队 队长") and a student paper's editor ("《复旦青年》 执行主编").
// A Taiwanese student association's officers are each an "X 长" ("系學會 財務長", "公關長").
const ZH_SOLO = /副?会长|副?社长|班长|(?:活动|财务|公关|总务|学术|美宣|文书|康乐)长|副?队长|(?:执行|副)?主编/u;
// A line that opens on the title of the entry above it ("大学生创新训练项目——某黄酮类化合物的提取" / "负责人；用 …").
const ZH_TITLE_FIRST = /^\s*(?:项目)?(?:负责人|组长|队长)\s*[，,；;：:]/u;
const ZH_ENTRY_BODY = new RegExp(`${ZH_BODY}|竞赛|大赛|挑战杯`, 'u');
// A project's or a team's lead noted in brackets ("分拣机械臂（组长）", "课程问答助手（校级大创，负责人）", "某某研究
// （项目负责人）") or said in the description ("担任项目负责人，负责整体结构设计").
const ZH_LEAD_NOTE =
  /[（(](?:[^（()）]{0,8}[，,、])?(?:项目|课题|小组|团队)?(?:组长|队长|负责人)[)）]|担任(?:项目|课题|小组|团队)?(?:组长|队长|负责人)/u;
// A team led ("作为 PM 牵头 5 人团队", "带领 6 人小组").
const ZH_LED_TEAM = /(?:牵头|带领|领导)\s*\d+\s*[人名][^，,。；;]{0,4}?(?:团队|小组|队伍)/u;
// A contest team's group led ("方程式汽车大赛 悬架组组长", "广告艺术大赛 | 策划组组长"; 9 of 9 dev résumés), a campus
// station's or corner's officer ("校电视台｜新闻部部长", "融媒体中心 · 新媒体部部长", "日语角 负责人"; 6 of 6) and a
// society's secretary-general ("Model UN 协会 秘书长").
const ZH_CAMPUS_ROLE = new RegExp(
  '(?:大赛|竞赛|对抗赛|车队)[^，,。；;]{0,14}?组长|' +
    '(?:电视台|融媒体中心|新媒体中心|广播站|[英日韩法德俄]语角)[^，,。；;]{0,10}?(?:部长|副?台长|站长|主任|负责人)|' +
    '(?:协会|学会|社团|联合会)[^，,。；;]{0,6}?秘书长',
  'u',
);
const EN_ROLE = new RegExp(
  '\\b(?:Editor[- ]in[- ]Chief|' +
    '(?:Articles|Managing|Executive|Senior|Features|News|Notes|[Cc]ity|[Ss]ection) [Ee]ditor|[Cc]aptain|' +
    '(?:Vice[- ])?President|Vice[- ]president|Co-[Pp]resident|VP|' +
    // A class's officer, in lower case too ("Duke PA Student Society (class president)").
    '[Cc]lass (?:[Vv]ice[- ])?[Pp]resident|[Cc]lass [Rr]epresentative|' +
    'General Manager|(?:Co-)?[Ff]ounder|(?:[Cc]o-)?[Ff]ounded|' +
    'Chair(?:person|man|woman)?|chair(?:person|man|woman)|[Tt]reasurer|[Ss]ecretary|' +
    '(?:[A-Z][a-z]+|[Tt]eam|[Ss]ection) [Ll]ead(?:er)?|Head of [A-Z][a-z]+|[A-Z][a-z]+ Director|' +
    '(?:Company|Battalion) Commander|(?:Events?|Outreach|Publicity|Sponsorship) (?:Coordinator|Officer|Director))\\b',
  'u',
);
// A club's or a society's officers by their office ("Coordinator, SAE Club", "Convenor, Moot Court Society",
// "Competitions Officer", "Technical Head, Google Developer Student Club"), words that are a job's title at a team
// or an association ("Field Officer, Cocoa Abrabopa Association"): a student role where a club word is on the line.
const EN_OFFICE = /\b(?:Coordinator|Conven[eo]r|[A-Z][a-z]+ (?:Officer|Head))\b/u;
const CLUB = /\b(?:[Ss]ociety|[Cc]lub|[Cc]ommittee|[Ss]tudents?|[Cc]hapter|[Cc]ouncil|[Uu]nion|CLUB|SOCIETY)\b/u;
// A team led, which in a student body is its lead's role ("Lead a team of 6 designing uprights", "Led 6 members").
// "A 9-member subteam", "a 7-member avionics subteam", "a team of six", "6 analysts".
const COUNT = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
const LED_TEAM = new RegExp(
  `\\b(?:[Ll]ed|[Ll]ead|[Ll]eading) (?:a (?:team|crew|squad|subteam|board|newsroom) of ${COUNT}|` +
    `a ${COUNT}[- ](?:person|member|strong)(?: [a-z]+)? (?:team|crew|squad|subteam|board|committee)|` +
    `${COUNT} (?:members|analysts|volunteers|students|designers|engineers|writers|editors))\\b`,
  'u',
);
// A line in capitals ("AGRONOMY CLUB TREASURER") names only the officers whose word is unambiguous in capitals.
const CAPS_ROLE = /\b(?:PRESIDENT|VICE PRESIDENT|TREASURER|SECRETARY|CAPTAIN|CHAIR|EDITOR-IN-CHIEF)\b/u;
// A society named by Greek letters ("Beta Alpha Psi", "Phi Beta Kappa"): an honor society, fraternity or sorority.
const GREEK =
  '(?:Alpha|Beta|Gamma|Delta|Epsilon|Zeta|Eta|Theta|Iota|Kappa|Lambda|Mu|Nu|Xi|Pi|Rho|Sigma|Tau|Upsilon|Phi|Chi|' +
  'Psi|Omega)';
const EN_STUDENT_BODY = new RegExp(
  '\\b(?:[Ss]ociety|[Cc]lub|[Aa]ssociation|[Uu]nion|[Cc]ouncil|[Tt]eam|[Jj]ournal|[Rr]eview|[Nn]ewspaper|Daily|' +
    '[Mm]agazine|Formula Student|[Rr]ocketry|[Ss]tudents?|[Cc]hapter|[Bb]ranch|[Vv]arsity|SAE|Baja|[Dd]elegation|' +
    `Model United Nations|MUN|${GREEK}(?: ${GREEK}){1,2}|[Cc]ommittee|[Gg]uild|[Ff]raternity|[Ss]orority|Gazette|` +
    'Motorsport|Racing|' +
    'Robo[A-Za-z]*|Honorary|Hono(?:u)?r Society|Cadets|Regiment|Motorsports|Undergraduate|Collegiate|' +
    'CLUB|SOCIETY|TEAM|UNION|ASSOCIATION|UNDERGRADUATE)\\b',
  'u',
);

// A teaching assistant of a department or course: the role is `academic-research-assistance` only (HELD-OUT-7/8.md).
export const TEACHING_ASSISTANT = new RegExp(
  '\\b(?:[Tt]eaching [Aa]ssistant|[Tt]eaching [Ff]ellow|[Tt]eaching [Aa]ssociate|' +
    '[Gg]raduate [Ss]tudent [Ii]nstructor|GSI|' +
    // A demonstrator of practicals by any title ("Demonstrator, Year 2 organic chemistry laboratories", "Anatomy
    // demonstrator", "Temporary Demonstrator — Department of Chemistry"; 6 of 6 dev résumés label it), not a
    // shop's ("Product Demonstrator").
    '(?<!(?:[Pp]roduct|[Ss]ales|[Rr]etail|[Ss]tore|[Ff]ood|[Cc]ooking) )[Dd]emonstrator|' +
    // A course's assistant or a TA by the short title ("Undergraduate Course Assistant, CS 312", "Graduate TA, ME
    // 3345", "Preceptor (TA) for Intro to Data Science", "TEACHING ASSISTANT" over the course taught): 9 of 9 dev
    // résumés writing one label academic-research-assistance.
    '[Cc]ourse [Aa]ssistant|TEACHING ASSISTANTS?|(?:[Uu]ndergraduate|[Gg]raduate|[Hh]ead|[Ll]ead) TA|' +
    'TA(?=,? (?:for )?[A-Z]{2,5} ?\\d{2,4}\\b))\\b|\\(TA\\)|' +
    // A course's instructor or tutor ("Instructor, Econ 310 Statistics", "Tutor for Experimental Physics 2").
    '\\bInstructor,? (?:for )?[A-Z][A-Za-z]{0,4} ?\\d{2,4}\\b|\\bTutor for [A-Z]|' +
    // A department's tutor ("Tutor, Department of Financial Accounting", "Math Department Peer Tutor").
    '\\b[Tt]utor\\b[^.;]{0,40}?\\b(?:Department|Dept|Faculty|School of)\\b|' +
    '\\b(?:Department|Dept\\.?|Faculty) (?:[Pp]eer |[Ss]tudent )?[Tt]utor\\b|' +
    // Not teaching aided by a tool ("用几何画板辅助教学").
    '(?<!辅)助教',
  'u',
);

// A research assistant's post (LABELLING.md, 2026-12-07: "Research Assistant, RA, 科研助理, 研究助理, 助研 at a university,
// lab or institute"; 34 of 39 dev résumés of held-out-20 … -27 writing one label it): the post gives the skill as a
// TA's does, wherever it is written ("Graduate Research Assistant, Walton Lab", "worked as a research assistant in
// the Sleep Lab", "学院电力电子实验室 | 助研", "担任科研助理"); not research assistants worked beside or led.
const RESEARCH_ASSISTANT = new RegExp(
  '(?<!\\b(?:the|our|with|of|supervised|managed|trained|led|leading|hired|recruited)\\s)' +
    '\\b(?:[Rr]esearch [Aa]ssistant(?!s)|RESEARCH ASSISTANT(?!S))\\b|科研助理|研究助理|助研',
  'u',
);
// A firm's research post is an analyst's ("华泰证券 研究所" over "研究助理实习生", "Equity Research Assistant, Jefferies"), a
// court's a clerk's ("Law Clerk-cum-Research Assistant"): 0 of the 6 dev résumés with one label the skill.
const FIRM = new RegExp(
  '证券|券商|投行|资本|公司|集团|有限|行业研究|\\b(?:Equity|Market|Marketing|Investment|Credit|Sell-Side|Buy-Side) ' +
    '[Rr]esearch|\\b(?:Inc|LLC|LLP|Ltd|Corp|Capital|Partners|Securities|Court|Chambers)\\b',
  'u',
);

// A tutor, a teacher or an instructor by trade, in lower case or capitals too ("Weekend reading tutor", "private cello
// teacher", "SWIM TEACHER", "Flight Instructor: CFI", "Outdoor instructor"): tutors teach (HELD-OUT-6/9/14/16/20.md;
// 5 of the 6 dev résumés with a tutor's title alone label `teaching`, 12 of 14 naming an instructor, the two others
// a course's, read as a TA), unlike a teacher worked beside ("the lead teacher", "cooperating teacher") or a
// teacher's conference, licence or exam. A department's or a course's tutor is a teaching assistant
// (TEACHING_ASSISTANT), read before.
const TUTOR = new RegExp(
  '(?<!\\b(?:the|cooperating|lead|host|mentor|supervising|class|homeroom)\\s|[–-])\\b(?:tutor|teacher|instructor)\\b' +
    '(?! (?:assistant|aide|education|training|licen[cs]e|certificat|exam|registration|conference))' +
    '(?![^.;]{0,40}?\\b(?:Department|Dept|Faculty|School of)\\b)',
  'iu',
);

const ROLES: readonly (readonly [RegExp, string])[] = [
  // Volunteers the graduate coordinated or recruited ("Coordinated 60 volunteers", "链接志愿者资源") are no role. A
  // free clinic, the summer 三下乡 and a post marked as unpaid are ("参与义诊活动", "社会体育指导员（志愿）", "志愿讲解员").
  // 支教 alone is teaching, read below (HELD-OUT-7 … -26: "支教 → teaching + subject"; 5 of the 19 dev résumés with
  // 支教 and no 志愿 label `volunteering`), and a 三下乡 written as the college's summer practice ("“三下乡”社会实践",
  // "三下乡”调研实践") is coursework as 社会实践 is (3 of 12 label it).
  [
    new RegExp(
      '\\b[Vv]olunteer(?:ed|ing)?\\b(?! (?:coordinat|recruit|manag))|' +
        '(?<!链接|招募|管理|协调|培训|动员)志愿者(?!资源|招募|管理|团队)|志愿服务|义工|义诊|' +
        '三下乡(?![^，,。；;]{0,8}实践)|志愿(?:[）)]|讲解员)',
      'u',
    ),
    'volunteering',
  ],
  [TEACHING_ASSISTANT, ASSISTANCE],
  // A pharmacist's post or registration ("Registered Pharmacist (RPh)", "registered pharmacist (No. 2234567)",
  // "PHARMACY INTERN"): 21 of 21 dev résumés of pharmacists label pharmacy; not the pharmacist a nurse worked with.
  [/(?<!\b(?:the|a|with|to|by) )\b[Pp]harmacist\b(?!s)|\b(?:[Pp]harmacy [Ii]ntern|PHARMACY INTERN|RPh)\b/u, 'pharmacy'],
  // A nurse's post or registration is nursing wherever it is written ("Staff Nurse, Medical ICU", "Student Nurse
  // Intern", "Nursing Officer", "Rebecca Adams, MSN, RN", "Licenses: RN (Maryland)"): 47 of 48 dev résumés of nurses
  // label it. Nurses worked beside are written in the plural ("handed over to the Registered Nurses").
  [
    new RegExp(
      '\\b(?:Registered|Staff|Student|Graduate|Charge|Licensed Practical|Licensed Vocational|General|' +
        'Community Health) Nurse\\b(?!s)|\\bNurse (?:Intern|Extern|Resident|Practitioner)\\b|\\bNursing Officer\\b|' +
        '\\b(?:RN|RGN|LPN)\\b',
      'u',
    ),
    'nursing',
  ],
  // A physiotherapist's or occupational therapist's post, registration or entry degree ("HCPC-registered
  // physiotherapist", "Occupational Therapist (New Grad)", "PT, DPT", "Doctor of Physical Therapy", "NBCOT certified
  // (OTR)"): 12 of 14 dev résumés naming the profession label rehabilitation (the two others a therapy aide), as
  // HELD-OUT-16.md says; not the therapists worked beside ("with PTs", "the physiotherapists").
  [
    new RegExp(
      '\\b(?:[Pp]hysiotherapist|[Pp]hysical [Tt]herapist|[Oo]ccupational [Tt]herapist|PHYSIOTHERAPIST)\\b' +
        '(?!s| (?:[Aa]ide|[Aa]ssistant))|\\b(?:DPT|OTD|MSOT|OTR(?:/L)?)\\b|' +
        '\\bDoctor of (?:Physical|Occupational) Therapy\\b|\\bPhysiotherapy Graduate\\b',
      'u',
    ),
    'rehabilitation',
  ],
  // A life-support credential wherever it is written, like a registration ("BLS provider (2025)" under a licence,
  // "Immediate Life Support (Resuscitation Council UK), 2025" closing the work history, "Current CPR and First Aid"
  // among qualifications): 154 of 159 dev résumés naming CPR, BLS or life support label basic-life-support; not the
  // Bureau of Labor Statistics' data.
  [
    new RegExp(
      '\\b(?:CPR|BLS(?! (?:data|unemployment|series|statistics|wage|employment))|ACLS|PALS|HLTAID009|' +
        '(?:[Bb]asic|[Ii]mmediate|[Aa]dvanced|[Pp]a?ediatric) [Ll]ife [Ss]upport|ILS(?= \\(Resus))\\b',
      'u',
    ),
    'basic-life-support',
  ],
  // A youth or peer mentor's post ("Youth Mentor, Big Brothers Big Sisters", "Peer mentor for first-year students"),
  // not a course's peer mentor, who assists its teaching ("Peer Mentor, CS 211").
  [/\b(?:[Yy]outh|[Pp]eer|YOUTH|PEER) (?:[Mm]entor|MENTOR)\b(?!,? (?:for )?[A-Z]{2,5} ?\d)/u, 'mentoring'],
  // A quality-control or -assurance post is QC work (HELD-OUT-7/8/9.md): "Quality Control Intern", "QC Analyst,
  // Apotex", "Quality Engineering Co-op"; not a certificate's name ("Beef Quality Assurance certified").
  [
    new RegExp(
      '\\bQuality (?:Control|Assurance|Engineering) (?:Intern|Analyst|Technician|Co-op|Trainee|Engineer|Inspector|' +
        'Associate|Specialist|Officer|Chemist|Microbiologist|Auditor)\\b|' +
        '\\bQ[AC] (?:Analyst|Technician|Inspector|Intern|Chemist|Microbiologist|Engineer)\\b',
      'u',
    ),
    'quality-management',
  ],
  // Tutoring is teaching (HELD-OUT-6/7/9.md; a department's tutor is a teaching assistant, above): "tutored 9th
  // graders in history", "weekly GCSE maths tutoring"; not tutoring received, nor a tutor's title alone
  // (HELD-OUT-8.md).
  [/\b[Tt]utor(?:ed|ing)\b(?! by\b)(?![^.;]{0,40}?\b(?:Department|Dept|Faculty)\b)/u, 'teaching'],
  // A student teacher, a part-time teacher and 支教 teach (HELD-OUT-6/9/11.md): "高一历史实习教师", "语文代课教师",
  // "琴行兼职钢琴教师", "暑期支教", "Student Teacher, Choir".
  [
    /实习教师|代课教师|实习老师|兼职[\u4e00-\u9fff]{0,6}?(?:教师|老师)|支教|\b[Ss]tudent [Tt]each(?:er|ing)\b|\bSTUDENT TEACHING\b/u,
    'teaching',
  ],
  // A teacher's post teaches ("Second Grade Teacher, Wake County Public Schools", "Pre-school Teacher"), unlike an
  // assistant's or aide's, or a teacher's licence or exam named alone (a student teacher is read above).
  [
    /(?<![Ss]tudent )\bTeacher\b(?! (?:Assistant|Aide|Education|Training|Licen[cs]e|Certificat|Exam|Registration))/u,
    'teaching',
  ],
  // The subject of a student teacher's title ("语文实习教师", "实习数学教师"), which the skill reader drops with the
  // entry's header.
  [/语文(?:实习|代课|兼职)(?:教师|老师)|(?:实习|代课|兼职)语文(?:教师|老师)/u, 'chinese-teaching'],
  [/数学(?:实习|代课|兼职)(?:教师|老师)|(?:实习|代课|兼职)数学(?:教师|老师)/u, 'mathematics-teaching'],
  [/英语(?:实习|代课|兼职)(?:教师|老师)|(?:实习|代课|兼职)英语(?:教师|老师)/u, 'tesol'],
  [
    /(?:物理|化学|生物)(?:实习|代课|兼职)(?:教师|老师)|(?:实习|代课|兼职)(?:物理|化学|生物)(?:教师|老师)/u,
    'science-teaching',
  ],
  // The subject of an English teacher's or tutor's title, which the skill reader drops with the entry's header
  // ("Physics tutor, Northside Learning", "Private cello teacher", "Volunteer ESL tutor"; HELD-OUT-6/9.md).
  [/\b(?:math(?:s|ematics)?|algebra|calculus|numeracy) (?:tutor|teacher)s?\b/iu, 'mathematics-teaching'],
  [/\b(?:chemistry|physics|biology|science) (?:tutor|teacher)s?\b/iu, 'science-teaching'],
  [/\b(?:English|ESL|EFL|ESOL) (?:tutor|teacher)s?\b/iu, 'tesol'],
  [
    /\b(?:piano|violin|cello|guitar|voice|vocal|music|art|dance|band|choir|drum) (?:tutor|teacher|instructor)s?\b/iu,
    'arts-education',
  ],
  [/\b(?:PE|physical education|swim(?:ming)?) (?:teacher|instructor)s?\b/iu, 'physical-education'],
  // An arts teacher's post ("兼职钢琴教师", "兼职声乐老师"), not the licence named alone ("音乐教师资格证").
  [/(?:钢琴|小提琴|音乐|美术|舞蹈|声乐|书法|吉他)(?:教师|老师)(?!资格)/u, 'arts-education'],
];

// A part of a student's activities ("LEADERSHIP", "Leadership & Activities", "Positions of Responsibility",
// "Organizations"): an officer's title there is a student role though the body's name has no club word ("President,
// Wellesley Women in Economics", "Beta Alpha Psi (Vice President of Reporting)"), and so is a line that opens on
// such a part's label ("Co-curricular activities: Vice-President, NUS Hackers").
const ACTIVITIES_PART = new RegExp(
  '\\b(?:leadership|activities|involvement|positions? of responsibility|extra-?curricular|co-curricular|' +
    'societies|clubs|organi[sz]ations|campus)\\b',
  'iu',
);

// A part of volunteer work ("VOLUNTEER", "Volunteer Experience", "CLINICAL & VOLUNTEER EXPERIENCE", "Community
// Service"): what is written under it was done as a volunteer (7 of 7 such dev résumés label volunteering).
const VOLUNTEER_PART = /\b(?:volunteer(?:ing)?|community service)\b/iu;

/** Whether a heading names a part of volunteer work (see VOLUNTEER_PART). */
export const volunteerPart = (heading: string): boolean => VOLUNTEER_PART.test(heading);

/** Whether a heading names a part of a student's activities (see ACTIVITIES_PART). */
export const activitiesPart = (heading: string): boolean => ACTIVITIES_PART.test(heading);

/**
 * Skills a line shows by the role it names (see the file's comment). `entry` is the lines above it in the same
 * block, whose student body a role line leaves out ("Purdue Formula SAE" / "Suspension Lead" / "- Lead a team of 6").
 * `activities` is true under a heading of a student's activities, whose officers are student roles.
 */
export function roleSkills(line: string, entry = '', activities = false): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const [re, skillId] of ROLES) {
    const m = re.exec(line);
    if (m !== null) hits.push({ skillId, text: m[0] });
  }
  const research = RESEARCH_ASSISTANT.exec(line);
  const employer = [line, entry.split('\n')[0] ?? ''];
  if (research !== null && !employer.some((t) => FIRM.test(t)) && !hits.some((h) => h.skillId === ASSISTANCE)) {
    hits.push({ skillId: ASSISTANCE, text: research[0] });
  }
  const tutor = TUTOR.exec(line);
  if (tutor !== null && !TEACHING_ASSISTANT.test(line) && !hits.some((h) => h.skillId === 'teaching')) {
    hits.push({ skillId: 'teaching', text: tutor[0] });
  }
  if (EMPLOYER.test(line)) return hits;
  const zhFirst = ZH_TITLE_FIRST.exec(line);
  const zh =
    ZH_ROLE.exec(line) ??
    ZH_SOLO.exec(line) ??
    ZH_LEAD_NOTE.exec(line) ??
    ZH_LED_TEAM.exec(line) ??
    ZH_CAMPUS_ROLE.exec(line) ??
    (zhFirst !== null && ZH_ENTRY_BODY.test(entry) && !EMPLOYER.test(entry) ? zhFirst : null);
  const office = EN_OFFICE.exec(line);
  const en =
    EN_ROLE.exec(line) ??
    LED_TEAM.exec(line) ??
    (/[a-z]/u.test(line) ? null : CAPS_ROLE.exec(line)) ??
    (office !== null && (activities || CLUB.test(line.replace(office[0], ''))) ? office : null);
  // The team led is no student body of its own ("Lead a team of two practitioners").
  const own = en === null ? line : line.replace(en[0], '');
  const label = /^\s*([^:：]{3,40})[:：]/u.exec(line)?.[1];
  const student =
    activities ||
    (label !== undefined && ACTIVITIES_PART.test(label)) ||
    EN_STUDENT_BODY.test(own) ||
    (EN_STUDENT_BODY.test(entry) && !EMPLOYER.test(entry));
  if (zh !== null) hits.push({ skillId: 'student-leadership', text: zh[0] });
  else if (en !== null && student) hits.push({ skillId: 'student-leadership', text: en[0] });
  return hits;
}
