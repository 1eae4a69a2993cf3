import { seeds } from '../seed.ts';

/** Video, audio, writing, journalism and new-media operations. */
export const MEDIA = seeds('media', [
  ['premiere-pro', 'Adobe Premiere Pro', 'Premiere', 'video-editing', ['Premiere Pro', 'Premiere', 'Adobe Premiere', 'PR剪辑']],
  ['final-cut-pro', 'Final Cut Pro', 'Final Cut Pro', 'video-editing', ['Apple Final Cut Pro', 'FCPX', 'Final Cut']],
  ['davinci-resolve', 'DaVinci Resolve', '达芬奇调色', 'video-editing', ['DaVinci', 'Blackmagic Design DaVinci Resolve', '达芬奇']],
  ['capcut', 'CapCut', '剪映', 'video-editing', ['剪映专业版']],
  ['video-editing', 'Video editing', '视频剪辑', 'video-editing', ['video production', '视频制作', '剪辑', '短视频剪辑', '视频后期', 'post-production', '后期制作']],
  ['video-shooting', 'Videography', '视频拍摄', 'photo-video', ['videography', '拍摄', '摄像', 'camera operation']],
  ['audio-editing', 'Audio editing', '音频剪辑', 'audio', ['audio production', 'Adobe Audition', '~^Audition', '音频处理', '录音', 'sound editing', '混音']],
  ['music-production', 'Music production', '音乐制作', 'audio', ['编曲', 'FL Studio', 'Logic Pro', 'Cubase', 'music composition', '作曲']],
  ['copywriting', 'Copywriting', '文案写作', 'writing', ['文案', '文案策划', 'copy writing', '广告文案', '文案撰写', 'content writing']],
  ['editing-proofreading', 'Editing and proofreading', '编辑校对', 'writing', ['proofreading', 'copy editing', '校对', '编辑', '文字编辑']],
  ['journalism', 'Journalism', '新闻采编', 'journalism', ['news writing', '新闻写作', '采访', 'interviewing for news', '新闻采访', '新闻学']],
  ['new-media-operations', 'New media operations', '新媒体运营', 'content-operations', ['新媒体', 'new media', '公众号运营', '微信公众号运营', 'WeChat official account operations', '自媒体运营', '自媒体']],
  ['short-video-operations', 'Short video operations', '短视频运营', 'content-operations', ['抖音运营', 'Douyin operations', 'TikTok operations', '短视频', '快手运营', '视频号运营']],
  ['xiaohongshu', 'Xiaohongshu operations', '小红书运营', 'content-operations', ['小红书', 'Little Red Book']],
  ['live-streaming', 'Live streaming e-commerce', '直播带货', 'content-operations', ['直播', '直播运营', 'live streaming', 'livestreaming', '主播']],
  ['content-operations', 'Content operations', '内容运营', 'content-operations', ['content creation', '内容创作', '内容策划', 'content strategy']],
  ['community-operations', 'Community operations', '社群运营', 'content-operations', ['社群管理', 'community management', '用户运营', 'user operations']],
  ['broadcasting', 'Broadcasting and hosting', '播音主持', 'broadcasting', ['播音', '主持', '主持人', 'event hosting']],
  ['translation', 'Translation', '翻译', 'translation', ['笔译', 'CAT tools', 'Trados', 'SDL Trados']],
  ['interpreting', 'Interpreting', '口译', 'translation', ['同声传译', '交替传译', 'simultaneous interpretation', 'consecutive interpreting']],
  ['subtitling', 'Subtitling', '字幕制作', 'video-editing', ['Arctime', '字幕翻译']],
  ['screenwriting', 'Screenwriting', '编剧', 'writing', ['剧本写作', 'scriptwriting', 'script writing']],
  ['event-planning', 'Event planning', '活动策划', 'events', ['活动策划与执行', 'event management', '活动组织', 'event organization', '会议组织']],
]);
