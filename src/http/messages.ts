import type { Lang } from '../domain/model/common.ts';

/** The fixed problem texts the HTTP layer writes itself, in both languages; field names are never translated. */
export const messages = {
  missingKey: {
    en: () => 'Send an API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
    zh: () => '请以 "Authorization: Bearer <key>" 或 "X-API-Key: <key>" 发送 API 密钥。',
  },
  unknownKey: {
    en: () => 'The API key is unknown, expired or revoked.',
    zh: () => 'API 密钥不存在、已过期或已被吊销。',
  },
  unknownKeyOptional: {
    en: () => 'The API key is unknown, expired or revoked (this operation needs no key at all).',
    zh: () => 'API 密钥不存在、已过期或已被吊销（此操作本不需要密钥）。',
  },
  bodyTooLarge: {
    en: (max: number) => `The request body is larger than ${max} bytes.`,
    zh: (max: number) => `请求体超过 ${max} 字节。`,
  },
  noRoute: {
    en: (method: string, path: string) => `No route ${method} ${path}.`,
    zh: (method: string, path: string) => `没有 ${method} ${path} 这个接口。`,
  },
  methodNotAllowed: {
    en: (method: string, path: string, allowed: string) => `${method} is not allowed on ${path}; allowed: ${allowed}.`,
    zh: (method: string, path: string, allowed: string) => `${path} 不支持 ${method}；支持：${allowed}。`,
  },
  internal: {
    en: () => 'Something went wrong on our side. Quote the requestId if you report it.',
    zh: () => '服务器内部出错。反馈问题时请附上 requestId。',
  },
  badRequest: { en: () => 'Bad request.', zh: () => '请求无效。' },
  malformedJson: { en: () => 'Malformed JSON in request body', zh: () => '请求体不是合法的 JSON' },
  invalidFields: {
    en: (list: string) => list,
    zh: (list: string) => `请求参数校验失败：${list}`,
  },
  unknownQuery: {
    en: (accepted: string) => `Unknown query parameter; this operation accepts ${accepted}.`,
    zh: (accepted: string) => `未知的查询参数；此操作接受 ${accepted}。`,
  },
  nestedTooDeep: {
    en: (max: number) => `Nested more than ${max} levels deep.`,
    zh: (max: number) => `嵌套超过 ${max} 层。`,
  },
  unstorableText: {
    en: () => 'Text may not contain a NUL character or an unpaired UTF-16 surrogate.',
    zh: () => '文本不能包含 NUL 字符或不成对的 UTF-16 代理项。',
  },
  noQuery: {
    en: () => 'Unknown query parameter; this operation accepts none.',
    zh: () => '未知的查询参数；此操作不接受任何查询参数。',
  },
} as const;

type Messages = typeof messages;

/** The text of a fixed message in the request's language. */
export function say<K extends keyof Messages>(lang: Lang, key: K, ...args: Parameters<Messages[K]['en']>): string {
  const render = messages[key][lang] as (...a: Parameters<Messages[K]['en']>) => string;
  return render(...args);
}
