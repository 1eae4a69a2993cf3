import { seeds } from '../seed.ts';

/** Office software. "Excel", "Word", "Access" are ordinary words too, so their bare forms need list context. */
export const OFFICE = seeds('office', [
  ['excel', 'Microsoft Excel', 'Excel', 'spreadsheet', ['~Excel', 'MS Excel', 'Excel表格', '电子表格', 'Excel软件', 'Excel 2016', 'Office Excel']],
  ['word', 'Microsoft Word', 'Word', 'word-processing', ['~^Word', 'MS Word', 'Word文档', 'Office Word', 'Word排版']],
  ['powerpoint', 'Microsoft PowerPoint', 'PowerPoint', 'presentation', ['PowerPoint', 'PPT', 'MS PowerPoint', 'PPT制作', '幻灯片制作', 'Office PowerPoint', 'slide decks']],
  ['outlook', 'Microsoft Outlook', 'Outlook', 'email', ['~Outlook', 'MS Outlook']],
  ['ms-office', 'Microsoft Office', '办公软件', 'office-suite', ['MS Office', '~Office', 'Office办公软件', 'Microsoft Office software', '办公自动化', 'Office 365', 'Microsoft 365', 'Office办公']],
  ['wps', 'WPS Office', 'WPS', 'office-suite', ['WPS', 'Kingsoft WPS Office', 'WPS办公']],
  ['google-workspace', 'Google Workspace', 'Google Workspace', 'office-suite', ['G Suite', 'Google Docs', 'Google Sheets', 'Google Slides']],
  ['visio', 'Microsoft Visio', 'Visio', 'diagramming', ['Visio', 'MS Visio']],
  ['xmind', 'XMind', 'XMind', 'diagramming', ['思维导图', 'mind mapping', 'mind maps']],
  ['ms-project', 'Microsoft Project', 'Microsoft Project', 'project-tool', ['MS Project', 'Project Professional']],
  ['notion', 'Notion', 'Notion', 'project-tool', ['~^Notion']],
  ['feishu', 'Feishu', '飞书', 'collaboration-tool', ['~^Lark']],
  ['dingtalk', 'DingTalk', '钉钉', 'collaboration-tool', []],
  ['typing', 'Typing', '打字', 'office-basics', ['touch typing', '盲打', '中英文打字', '五笔']],
  ['keynote', 'Apple Keynote', 'Keynote', 'presentation', ['~^Keynote']],
  ['document-writing', 'Document writing', '文档撰写', 'writing', ['公文写作', 'official document writing', '文书写作', '报告撰写', 'report writing', 'technical writing', '技术文档']],
  ['data-entry', 'Data entry', '数据录入', 'office-basics', ['录入', 'data input']],
]);
