import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { hasSurname } from '../../../src/domain/resume/surnames.ts';
import { labelledName, nameIn, nameOf } from '../../../src/domain/resume/names.ts';

describe('names at the top of a résumé', () => {
  it.each([
    ['杨梦洁　电商运营　15068127740　yangmengjie99@qq.com', '杨梦洁'],
    ['工业设计师 · 钱昊天', '钱昊天'],
    ['通信工程 · 应届本科　温俊凯', '温俊凯'],
    ['▍张博文　临床医学（5+3一体化）', '张博文'],
    ['白露　女　21岁　电话：13588416602', '白露'],
    ['欧阳子涵 ｜ 北京', '欧阳子涵'],
    ['刘 思 琪　　　意向：药物研发', '刘 思 琪'],
    ['Diego Fernández', 'Diego Fernández'],
    ['* * * RYAN COOPER * * *', 'Ryan Cooper'],
    ['Sofia Martínez-Reyes, Ph.D.', 'Sofia Martínez-Reyes'],
    ['MA. KRISTINE JOY B. VILLANUEVA, LPT', 'Ma. Kristine Joy B. Villanueva'],
    ['Wen-Hsuan (Wendy) Liu', 'Wen-Hsuan (Wendy) Liu'],
    ['Aoife Ní Bhriain', 'Aoife Ní Bhriain'],
    ['Sophia Wang, PhD candidate', 'Sophia Wang'],
    ['Dr. Hannah Kim', 'Hannah Kim'],
  ])('%s → %s', (line, name) => {
    expect(nameIn([line])?.name).toBe(name);
  });

  it.each([
    ['环境工程'],
    ['法学硕士'],
    ['武汉'],
    ['首页'],
    ['Architectural Designer'],
    ['Naukri Profile'],
    ['New York'],
  ])('%s is no name', (piece) => {
    expect(nameOf(piece)).toBeUndefined();
  });

  it.each([
    ['| 姓名 | 周子健 | 性别 | 男 |', '周子健'],
    ['姓名\t吴俊宇\t电话\t13058762291', '吴俊宇'],
    ['Name 姓名：林书瑶　Phone 电话：133 0598 2716', '林书瑶'],
    ['【姓名】许静怡【性别】女【电话】15011867723', '许静怡'],
    ['姓名 黄诗涵    电话 177 0592 3361', '黄诗涵'],
    ['Applicant name: Chloe Bennett-Osei', 'Chloe Bennett-Osei'],
    ["Applicant: Liam O'Connor", "Liam O'Connor"],
  ])('labelled: %s → %s', (line, name) => {
    expect(labelledName(line)).toBe(name);
  });

  it('reads family names, single and compound', () => {
    expect([hasSurname('王伟'), hasSurname('欧阳娜娜'), hasSurname('环境工程'), hasSurname('首页')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('takes a name standing alone above its contact line', () => {
    const text = 'SKILLS\nR, SAS, Python\nDAVID LEE\ndavidlee.stats@gmail.com · 312-555-0176\nEDUCATION';
    expect(extractResumeDraft(text).name).toBe('David Lee');
  });
});
