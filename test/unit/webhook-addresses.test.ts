import { describe, expect, it } from 'vitest';
import { addressAllowed, isPublicAddress, parseAllowList } from '../../src/domain/net/addresses.ts';

describe('webhook target addresses', () => {
  it.each([
    '127.0.0.1',
    '127.9.9.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00:ec2::254',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    'not-an-address',
  ])('refuses %s', (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts the public address %s',
    (ip) => expect(isPublicAddress(ip)).toBe(true),
  );

  it('lets the operator allow named hosts, addresses and ranges for on-premise receivers', () => {
    const list = parseAllowList(' alerts.campus.local , 10.20.0.0/16, 127.0.0.1,fd12::/16');
    expect(addressAllowed(list, 'alerts.campus.local', '10.9.9.9')).toBe(true);
    expect(addressAllowed(list, 'other.local', '10.20.3.4')).toBe(true);
    expect(addressAllowed(list, 'other.local', '10.21.3.4')).toBe(false);
    expect(addressAllowed(list, 'localhost', '127.0.0.1')).toBe(true);
    expect(addressAllowed(list, 'localhost', '127.0.0.2')).toBe(false);
    expect(addressAllowed(list, 'x', 'fd12::5')).toBe(true);
    expect(addressAllowed(list, 'x', '169.254.169.254')).toBe(false);
    expect(addressAllowed(parseAllowList(''), 'x', '8.8.8.8')).toBe(true);
  });
});
