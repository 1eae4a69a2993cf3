import { COMPONENTS, type ComponentName, type WeightSet } from '../matching/weights.ts';
import type { Lang } from '../model/common.ts';
import {
  AI_NOTICE,
  ALSO_NEVER_USED,
  DISCLOSURE_TEXT_VERSION,
  EMBEDDER_FALLBACK,
  EMBEDDER_TEXT,
  HOW_COMPUTED,
  INPUTS_USED,
  EMBEDDER_LIMITS,
  KNOWN_LIMITS,
  OPERATION_TEXT,
  ORDERING,
  PRIVACY_HREF,
  PRIVACY_TEXT,
  PURPOSE,
  TITLE,
} from './disclosure-text.ts';
import { COMPONENT_LABELS, SIGNALS_NOT_USED } from './labels.ts';

export interface EmbedderInfo {
  id: string;
  /** 'lsa' for the built-in embedder; anything else is described as an external neural model. */
  kind: string;
  dimensions: number;
}

/**
 * Benchmark figures (bench:quality), e.g. { name: 'nDCG@10', value: 0.71 }, with the 95 % bootstrap interval
 * [low, high] where the benchmark printed one.
 */
export interface QualityFigures {
  source: string;
  date: string;
  figures: ReadonlyArray<{ name: string; value: number; low?: number; high?: number }>;
}

/** Headline numbers of the tenant's latest audit report. */
export interface AuditHeadline {
  date: string;
  reportId: string | null;
  figures: ReadonlyArray<{ name: string; value: number }>;
}

export interface DisclosureInput {
  lang: Lang;
  weights: WeightSet;
  embedder: EmbedderInfo;
  quality?: QualityFigures | null;
  latestAudit?: AuditHeadline | null;
  rerankingOn?: boolean;
  openAlert?: boolean;
  aiRankingSuspended?: boolean;
}

/** Where a graduate exercises each control; the HTTP layer must serve exactly these. */
export const USER_CONTROLS = [
  {
    action: 'personalization',
    method: 'PUT',
    path: '/v1/graduates/{id}/personalization',
    zh: '关闭或重新开启个性化推荐（请求体 {"enabled": false}），下一次请求即生效',
    en: 'Switch personalization off or on (body {"enabled": false}); effective from the next request',
  },
  {
    action: 'deleteTag',
    method: 'DELETE',
    path: '/v1/graduates/{id}/tags/{tagId}',
    zh: '删除用于推荐的某个标签或技能',
    en: 'Delete a tag or skill used for recommendations',
  },
  {
    action: 'appeal',
    method: 'POST',
    path: '/v1/graduates/{id}/reviews',
    zh: '对某条推荐结果提出申诉（kind: flag），或要求人工复核整张列表（kind: human_review），由就业指导中心人工处理',
    en:
      'Contest a recommendation (kind: flag) or ask for human review of a whole list (kind: ' +
      'human_review); the career office answers',
  },
] as const;

export interface DisclosureDocument {
  version: string;
  lang: Lang;
  title: string;
  aiNotice: string;
  purpose: string;
  inputsUsed: Array<{ id: string; label: string }>;
  inputsNeverUsed: Array<{ id: string; label: string }>;
  formula: {
    text: string;
    weightsVersion: string;
    components: Array<{ name: ComponentName; label: string; weight: number; howComputed: string }>;
  };
  embedder: EmbedderInfo & { description: string };
  operation: { rerankingOn: boolean; openAlert: boolean; aiRankingSuspended: boolean; notes: string[] };
  /** How lists are ordered beyond the score, and how search ranks. */
  ordering: string[];
  knownLimits: string[];
  quality: (QualityFigures & { text: string }) | null;
  latestAudit: (AuditHeadline & { text: string }) | null;
  userControls: Array<{ action: string; method: string; path: string; description: string }>;
  /** What erasure deletes and keeps, and the README section that says it in full. */
  privacy: { text: string; href: string };
}

/**
 * FNV-1a 64-bit (offset basis 14695981039346656037, prime 1099511628211) over UTF-16 code units.
 * Not cryptographic: it only has to change when the disclosed model changes.
 */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/**
 * A stable key for the disclosure's content: weights (version and values), embedder, operating flags
 * and the wording version. Quality and audit figures are left out on purpose: they refresh with every
 * run and are dated in the document, while a new key marks a change in how the algorithm works.
 */
export function disclosureVersionKey(input: Omit<DisclosureInput, 'lang' | 'quality' | 'latestAudit'>): string {
  const canonical = JSON.stringify([
    DISCLOSURE_TEXT_VERSION,
    input.weights.version,
    COMPONENTS.map((c) => [c, input.weights.weights[c]]),
    input.embedder.id,
    input.embedder.kind,
    input.embedder.dimensions,
    input.rerankingOn ?? false,
    input.openAlert ?? false,
    input.aiRankingSuspended ?? false,
  ]);
  return `disc-${fnv1a64(canonical)}`;
}

const figure = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(3));

const figures = (fs: ReadonlyArray<{ name: string; value: number; low?: number; high?: number }>, lang: Lang) =>
  fs
    .map(
      (f) =>
        `${f.name} ${figure(f.value)}` +
        (f.low === undefined || f.high === undefined ? '' : ` [${figure(f.low)}, ${figure(f.high)}]`),
    )
    .join(lang === 'zh' ? '；' : '; ');

/** The public algorithm disclosure (Algorithmic Recommendation Provisions art. 16) in one language. */
export function disclosureDocument(input: DisclosureInput): DisclosureDocument {
  const { lang, weights } = input;
  const zh = lang === 'zh';
  const terms = COMPONENTS.map((c) => `${weights.weights[c].toFixed(2)} × ${COMPONENT_LABELS[c][lang]}`).join(' + ');
  const flags = {
    rerankingOn: input.rerankingOn ?? false,
    openAlert: input.openAlert ?? false,
    aiRankingSuspended: input.aiRankingSuspended ?? false,
  };
  const quality = input.quality ?? null;
  const audit = input.latestAudit ?? null;
  return {
    version: disclosureVersionKey(input),
    lang,
    title: TITLE[lang],
    aiNotice: AI_NOTICE[lang],
    purpose: PURPOSE[lang],
    inputsUsed: INPUTS_USED.map((i) => ({ id: i.id, label: i[lang] })),
    inputsNeverUsed: [...SIGNALS_NOT_USED, ...ALSO_NEVER_USED].map((s) => ({ id: s.id, label: s[lang] })),
    formula: {
      text: zh
        ? `得分 = ${terms}。每项取值在 0 到 1 之间，权重之和为 1，所以得分也在 0 到 1 之间；每项贡献（取值 × 权重）保留 6 位小数，得分恰为各项贡献之和。` +
          `权重版本：${weights.version}。`
        : `score = ${terms}. Each value is between 0 and 1 and the weights sum to 1, so the score is ` +
          `too; each contribution (value × weight) is rounded to 6 decimals and the score is exactly ` +
          `their sum. Weights version: ${weights.version}.`,
      weightsVersion: weights.version,
      components: COMPONENTS.map((c) => ({
        name: c,
        label: COMPONENT_LABELS[c][lang],
        weight: weights.weights[c],
        howComputed: HOW_COMPUTED[c][lang],
      })),
    },
    embedder: { ...input.embedder, description: (EMBEDDER_TEXT[input.embedder.kind] ?? EMBEDDER_FALLBACK)[lang] },
    operation: {
      ...flags,
      notes: (Object.keys(OPERATION_TEXT) as Array<keyof typeof OPERATION_TEXT>)
        .filter((k) => flags[k])
        .map((k) => OPERATION_TEXT[k][lang]),
    },
    ordering: ORDERING.map((l) => l[lang]),
    knownLimits: [
      ...KNOWN_LIMITS.slice(0, 1),
      ...(EMBEDDER_LIMITS[input.embedder.kind] === undefined ? [] : [EMBEDDER_LIMITS[input.embedder.kind]]),
      ...KNOWN_LIMITS.slice(1),
    ].flatMap((l) => (l === undefined ? [] : [l[lang]])),
    quality: quality && {
      ...quality,
      text: zh
        ? `最新质量评测（${quality.source}，${quality.date}）：${figures(quality.figures, lang)}。`
        : `Latest quality benchmark (${quality.source}, ${quality.date}): ${figures(quality.figures, lang)}.`,
    },
    latestAudit: audit && {
      ...audit,
      text: zh
        ? `最近一次公平性审计（${audit.date}）：${figures(audit.figures, lang)}。`
        : `Latest fairness audit (${audit.date}): ${figures(audit.figures, lang)}.`,
    },
    userControls: USER_CONTROLS.map((u) => ({
      action: u.action,
      method: u.method,
      path: u.path,
      description: u[lang],
    })),
    privacy: { text: PRIVACY_TEXT[lang], href: PRIVACY_HREF },
  };
}
