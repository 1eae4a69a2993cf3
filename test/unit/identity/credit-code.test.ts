import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  isValidCreditCode,
} from '../../../src/domain/identity/credit-code.ts';

// 91350100M000100Y43 is the worked example printed with GB 32100-2015; 914403001922038216 is Huawei's
// published code. The others were computed by hand from the weights (sum mod 31, check = (31 - r) mod 31).
const VALID = ['91350100M000100Y43', '914403001922038216', '91110000802100433B', '12100000400000770U'];

describe('unified social credit code', () => {
  it('accepts published and hand-computed codes', () => {
    for (const code of VALID) expect(isValidCreditCode(code), code).toBe(true);
  });

  it('computes the exact check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000802100433')).toBe('B');
    expect(creditCodeCheckChar('12100000400000770')).toBe('U');
    // Sum 0 maps to check value 0, not 31.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects every single-character corruption of a valid code', () => {
    const code = '91350100M000100Y43';
    let corruptions = 0;
    for (let i = 0; i < code.length; i += 1) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === code.charAt(i)) continue;
        corruptions += 1;
        expect(isValidCreditCode(code.slice(0, i) + c + code.slice(i + 1)), `${i}:${c}`).toBe(false);
      }
    }
    expect(corruptions).toBe(18 * 30);
  });

  it('rejects letters outside the charset, wrong lengths and lower case', () => {
    for (const bad of [
      '91350100I000100Y43',
      '91350100O000100Y43',
      '91350100M000100Y4',
      '91350100M000100Y433',
      '91350100m000100y43',
      '',
    ]) {
      expect(isValidCreditCode(bad), bad).toBe(false);
    }
    expect(creditCodeCheckChar('9135010SM000100Y4')).toBeNull();
  });
});
