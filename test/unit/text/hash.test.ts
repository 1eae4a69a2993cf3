import { describe, expect, it } from 'vitest';
import { createFnv1a } from '../../../src/domain/text/hash.ts';

/** The digest of the bytes TextEncoder gives, as updateString was first written (stored hashes depend on it). */
const viaEncoder = (text: string): string => {
  const encoder = new TextEncoder();
  return createFnv1a()
    .update(encoder.encode(`${text.length}:`))
    .update(encoder.encode(text))
    .hex();
};

describe('createFnv1a().updateString', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'Data analyst, Shanghai; SQL & Python (3 years)'],
    ['two-byte UTF-8', 'Ångström café naïve ß'],
    ['Chinese', '数据分析师：熟悉 SQL，本科及以上学历'],
    ['astral', 'emoji 🚀 and 𠀀 (surrogate pairs)'],
    ['lone high surrogate', 'a\ud800b'],
    ['lone low surrogate', 'a\udc00b'],
    ['high surrogate at the end', 'end\ud83d'],
    ['reversed pair', '\ude80\ud83d'],
  ])('hashes the UTF-8 bytes TextEncoder gives (%s)', (_, text) => {
    expect(createFnv1a().updateString(text).hex()).toBe(viaEncoder(text));
  });

  it('continues over several strings as over their bytes in sequence', () => {
    const parts = ['职位', 'title', '🚀'];
    const h = createFnv1a();
    for (const p of parts) h.updateString(p);
    const encoder = new TextEncoder();
    const g = createFnv1a();
    for (const p of parts) g.update(encoder.encode(`${p.length}:`)).update(encoder.encode(p));
    expect(h.hex()).toBe(g.hex());
  });

  it('is the published FNV-1a 32-bit digest of the bytes', () => {
    // FNV-1a("a") = 0xe40c292c, FNV-1a("foobar") = 0xbf9cf968 (the reference test vectors).
    expect(createFnv1a().update(new TextEncoder().encode('a')).hex()).toBe('e40c292c');
    expect(createFnv1a().update(new TextEncoder().encode('foobar')).hex()).toBe('bf9cf968');
  });
});
