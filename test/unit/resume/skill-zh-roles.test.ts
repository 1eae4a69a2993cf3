import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { roleSkills } from '../../../src/domain/resume/skill-roles.ts';
import { phraseSkills } from '../../../src/domain/resume/skill-phrases.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
const roles = (line: string): string[] => roleSkills(line).map((h) => h.skillId);
const phrases = (line: string): string[] => phraseSkills(line).map((h) => h.skillId);

describe('Chinese student roles', () => {
  it.each([
    ['a title after a run of spaces', '单位  华中农业大学园艺协会            职务  副会长', ['student-leadership']],
    ['a reading club’s head', '校红楼梦读书会 会长', ['student-leadership']],
    ['a class monitor in an award', '2023 年校优秀学生干部（班长）', ['student-leadership']],
    ['a Taiwanese club officer (read as simplified)', '系学会 活动长，筹办迎新宿营', ['student-leadership']],
    ['a Taiwanese association’s treasurer (read as simplified)', '系学会　财务长', ['student-leadership']],
    ['a contest team’s group lead', '2024 全国大学生智能车竞赛 视觉组组长', ['student-leadership']],
    ['a campus station’s officer', '校广播站 · 采编部部长 2022.09-2023.06', ['student-leadership']],
    ['a language corner’s lead', '外国语学院 英语角 负责人', ['student-leadership']],
    ['a society’s secretary-general', '模拟联合国协会 秘书长', ['student-leadership']],
    ['a project’s lead noted in brackets', '校级大创项目：基于树莓派的垃圾分类小车（组长）', ['student-leadership']],
    ['a lead with the project’s kind', '校园失物招领平台（校级大创，负责人）', ['student-leadership']],
    ['a team led', '作为队长带领 4 人小组完成路演', ['student-leadership']],
    ['a project’s lead with the word project', '大创项目“校园噪声地图”（项目负责人）', ['student-leadership']],
    ['a lead said in the description', '担任课题组长，统筹问卷发放与访谈', ['student-leadership']],
    ['a student troupe’s head', '校大学生理论宣讲团 团长', ['student-leadership']],
    ['a team’s captain', '商学院 英语辩论队 队长｜2022.09—2023.06', ['student-leadership']],
    ['a contest team’s captain in an award', 'ICPC 亚洲区域赛（南京站）银牌 · 队长', ['student-leadership']],
    ['a student paper’s editor', '●— 复旦《复旦青年》　执行主编（2022-2023）', ['student-leadership']],
    [
      'a national innovation project’s lead',
      '大学生创新训练项目（国家级）负责人：外卖骑手研究',
      ['student-leadership'],
    ],
    ['a lead at an employer said', '某某咨询有限公司 实习期间担任项目负责人', []],
    ['a squad leader in the army', '2020.09—2022.09 中国人民解放军某部 班长', []],
    ['a lead at an employer', '某科技有限公司 数据组组长', []],
  ])('%s: %s', (_why, line, want) => {
    expect(roles(line)).toEqual(want);
  });

  it.each([
    ['大学生创新训练项目（国家级）——黄酮类化合物的提取工艺优化', ['student-leadership']],
    ['全国大学生机械创新设计大赛 —— 自动分拣小车', ['student-leadership']],
    ['某科技有限公司 算法组', []],
  ])('reads a line opening on a lead’s title under %s', (entry, want) => {
    expect(roleSkills('负责人；用 Design-Expert 做响应面设计', entry).map((h) => h.skillId)).toEqual(want);
  });

  it('reads a club president under a campus heading', () => {
    const draft = extractResumeDraft('校园经历\n2022.09-2023.06 校摄影读书会 会长', { taxonomy });
    expect(draft.skills.map((s) => s.skillId)).toContain('student-leadership');
  });
});

describe('Chinese events planned', () => {
  it.each([
    ['an event with a quoted name', '策划“我与祖国共成长”等主题团日活动 6 次', ['event-planning']],
    ['a contest planned', '筹办“税法知识竞赛”，参赛 200 人', ['event-planning']],
    ['a lecture series', '策划“青年学者讲坛”8 场', ['event-planning']],
    ['planned and run', '策划并组织"六一"亲子游园活动', ['event-planning']],
    ['a group activity with a quoted title', '策划并开展"银龄智能手机课堂"小组活动 8 节', ['event-planning']],
    ['an event’s plan written', '组织迎新晚会，撰写活动方案和新闻稿', ['event-planning']],
    ['a class activity', '策划中班主题活动', []],
    ['a school contest only run (HELD-OUT-9.md)', '组织全校英语演讲比赛', []],
    ['an event only held', '举办社区重阳节活动', []],
    ['a contest entered, not run', '组织学生参加市数学竞赛', []],
  ])('%s: %s', (_why, line, want) => {
    expect(phrases(line)).toEqual(want);
  });
});
