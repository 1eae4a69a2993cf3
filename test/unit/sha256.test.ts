import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexSync } from '../../src/domain/sha256.ts';

describe('sha256HexSync', () => {
  it('gives the FIPS 180-4 examples', () => {
    expect(sha256HexSync('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexSync('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals Web Crypto at every padding boundary, for keys and for multi-byte text', async () => {
    const texts = ['bole_Awz91dtEZTEJvs2x8NrGEAnUkY1pI2oz', '数据分析师 résumé ✓', 'x'.repeat(1000)];
    for (let n = 0; n <= 130; n++) texts.push('k'.repeat(n));
    for (const text of texts) expect(sha256HexSync(text)).toBe(await sha256Hex(text));
  });
});
