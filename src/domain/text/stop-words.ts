/**
 * Small hand-written stop lists. English: function words plus a few words every job text repeats
 * ("experience", "ability" are NOT here on purpose: IDF already discounts them and they can matter).
 * Chinese: function characters/words and résumé filler verbs (熟悉, 掌握, 了解, 精通, 具备, 能够) that
 * qualify a skill without naming one.
 */
export const EN_STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do',
  'does', 'doing', 'don\'t', 'down', 'during', 'each', 'etc', 'few', 'for', 'from', 'further', 'had',
  'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'him', 'his', 'how', 'i', 'if', 'in', 'into',
  'is', 'it', 'its', 'itself', 'just', 'may', 'me', 'might', 'more', 'most', 'must', 'my', 'no', 'nor',
  'not', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'out', 'over', 'own', 'per',
  'same', 'shall', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'theirs',
  'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'to', 'too', 'under', 'until',
  'up', 'upon', 'us', 'very', 'via', 'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while',
  'who', 'whom', 'why', 'will', 'with', 'within', 'would', 'you', 'your', 'yours',
]);

export const ZH_STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '与', '及', '或', '在', '是', '有', '等', '对', '为', '将', '把', '被', '从', '到', '以',
  '并', '且', '而', '也', '都', '就', '中', '上', '下', '我', '你', '他', '她', '它', '我们', '你们', '他们',
  '以及', '或者', '并且', '其他', '相关', '一个', '一些', '这个', '那个', '能够', '可以', '具备', '熟悉',
  '掌握', '了解', '精通', '熟练', '良好', '优先',
]);

export function isStopWord(word: string): boolean {
  return EN_STOP_WORDS.has(word) || ZH_STOP_WORDS.has(word);
}
