import { describe, expect, it } from 'vitest';
import { identityPattern } from '../../../src/domain/privacy/identity-pattern.ts';

const who = {
  id: '0b9f1c52-7d1e-4d7a-9c1e-2f4b5a6c7d8e',
  name: '张伟',
  email: 'Zhang.Wei+x@example.edu.cn',
  phone: '+86 138 0013 8000',
};

describe('identityPattern', () => {
  const re = new RegExp(identityPattern(who), 'i');
  it.each([
    ['张伟 declined because…', true],
    ['mail zhang.wei+x@EXAMPLE.edu.cn please', true],
    ['call 138-0013-8000', true],
    ['call (138) 0013 8000', true],
    ['13800138000', true],
    [`graduate ${who.id}`, true],
    ['张三 declined', false],
    ['zhangwei@example.edu.cn', false],
    ['138 0013 8001', false],
  ])('%s → %s', (text, hit) => expect(re.test(text)).toBe(hit));

  it('leaves out a one-character name and a short number, and escapes regex characters', () => {
    const p = identityPattern({ id: 'abc', name: '伟', email: null, phone: '12345' });
    expect(p).toBe('(abc)');
    const dotted = new RegExp(identityPattern({ id: 'id-1', name: 'a.b (c)', email: null, phone: null }), 'i');
    expect(dotted.test('a.b (c)')).toBe(true);
    expect(dotted.test('axb c')).toBe(false);
  });
});
