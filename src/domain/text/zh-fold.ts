/**
 * Traditional → simplified folding for the lexical analyzer: a compact table of the common characters
 * of job texts (titles, duties, skills, places, school subjects), so 軟體工程師 and 软体工程师 share their
 * terms. Only one-to-one pairs are listed; characters whose simplified form depends on the word (乾, 著,
 * 瞭, 藉) are left alone. Listed as pairs "繁简", traditional first.
 */
const PAIRS = [
  '業业務务經经歷历師师資资訊讯軟软體体開开發发設设計计會会財财數数據据庫库網网絡络銷销營营運运專专員员實实習习',
  '職职崗岗學学碩硕與与語语測测試试質质護护醫医藥药機机電电圖图書书館馆雲云處处應应係系統统產产導导範范際际國国',
  '廣广東东門门場场報报價价稅税審审證证証证險险銀银貸贷帳账賬账額额將将對对動动幣币標标準准規规劃划畫画視视頻频',
  '號号碼码線线維维備备製制車车輛辆鐵铁廠厂礦矿氣气熱热燈灯樂乐聲声藝艺術术創创編编輯辑記记聞闻傳传戶户顧顾問问',
  '諮咨詢询談谈講讲課课點点兒儿園园診诊療疗驗验檢检臨临劑剂衛卫環环態态農农漁渔獸兽飼饲養养飲饮廳厅遊游輸输倉仓',
  '儲储貨货採采購购鏈链後后髮发裡里裏里麼么們们個个這这為为來来時时間间區区縣县灣湾臺台蘇苏滬沪漢汉瀋沈陽阳長长',
  '慶庆寧宁鄭郑濟济島岛億亿萬万獎奖勵励績绩級级層层總总監监領领隊队團团組组織织協协調调決决執执權权責责負负擔担',
  '續续簽签約约勞劳齡龄婦妇殘残況况優优勢势競竞爭争選选擇择簡简願愿積积極极認认識识觀观論论題题檔档錄录寫写讀读',
  '聽听說说譯译韓韩葉叶陳陈劉刘張张楊杨黃黄趙赵吳吴孫孙鄧邓馬马羅罗謝谢蕭萧許许韋韦錢钱傑杰偉伟龍龙鳳凤華华麗丽',
  '豐丰穩稳確确類类別别種种項项緒绪結结構构築筑繪绘紙纸腦脑頁页買买賣卖貿贸進进關关單单預预債债風风評评稱称圍围',
  '條条訴诉訟讼糾纠紛纷斷断寵宠戲戏攝摄輔辅義义練练複复復复徵征鬥斗鍾钟鐘钟麵面隻只鬆松於于幹干曆历臟脏髒脏',
  '紅红綠绿藍蓝銀银銅铜鋼钢鋁铝纖纤維维織织紡纺裝装飾饰際际樓楼號号廈厦屬属據据權权衡衡價价値值値值產产務务',
  '換换擴扩據据廢废棄弃氫氢鋰锂電电池池節节約约環环測测儀仪錶表樣样檢检驗验質质認认證证顯显術术徑径線线纜缆',
  '網网頁页瀏浏覽览鏈链結结據据庫库數数碼码編编譯译語语臺台訊讯號号週周邊边緣缘輕轻鬆松歲岁齡龄屆届畢毕',
];

/** Traditional character → simplified character. */
const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const line of PAIRS) {
    const chars = [...line];
    for (let i = 0; i + 1 < chars.length; i += 2) {
      const from = chars[i] ?? '';
      const to = chars[i + 1] ?? '';
      if (from !== to) map.set(from, to);
    }
  }
  return map;
})();

/** The simplified form of one character (itself when it is not in the table). */
export const foldHan = (ch: string): string => TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
