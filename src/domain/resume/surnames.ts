/**
 * Chinese family names, for telling a name (杨梦洁) from a major or a title (环境工程, 工业设计师) at the top of a
 * résumé. Written from general knowledge: the hundred most frequent surnames of the Ministry of Public Security's
 * 2020 household-register ranking (《二〇二〇年全国姓名报告》), the other surnames of the 百家姓 that are still common,
 * and the compound surnames still in use. Read as the first one or two characters of a two-to-four-character token.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田于肖潘袁董叶杜丁蒋程余吕魏蔡苏任卢沈姜姚钟崔' +
  '陆谭汪石付贾范金方韦夏廖侯白孟邹秦尹江熊薛邱闫段雷季史陶毛贺龙万顾关郝孔向龚邵钱武戴严欧莫黎覃洪易常乔赖文施牛' +
  '庞樊葛兰殷汤尤邢华温左甘车柳祝骆包申阎章鲁宁安齐康伍耿管卜凌裴柴景谷翟苗单阮宫穆岳聂符梅盛晏倪滕辛饶简屈祁焦' +
  '解游成吉卓霍娄俞储冉查蒲麦丘房詹花项颜鲍涂路佟芦鞠丛纪占曲池明刁巩荣蓝卫虞艾连戚敖仇杭苟全边奚师桂粟门隋郁栾' +
  '冷褚窦毕蔺茅燕商井闻钮揭喻时缪隆居郎强匡衣戈鄢凤云农惠幸贝封舒沙宗练禹闵谈蒙嵇浦晋楚卞初来迟竺冼区桑麻帅鄂' +
  '靳逯傅尚邝庄岑甄党伏续宿逄智牟腾利晁司薄应郜阳巫母达寇柯蒯劳阙訾官';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯'];

/** Whether a token starts with a Chinese family name (compound names first). */
export const hasSurname = (token: string): boolean =>
  COMPOUND.some((c) => token.startsWith(c)) || SINGLE.includes(token.charAt(0));
