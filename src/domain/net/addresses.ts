/**
 * Which addresses a webhook may reach. Only public unicast addresses, unless an operator allows a range
 * (WEBHOOK_ALLOW_PRIVATE) for an on-premise receiver. Pure: the caller resolves names and passes addresses.
 */
type Parsed = { v6: boolean; value: bigint };

function parseV4(ip: string): bigint | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseV6(input: string): bigint | undefined {
  let ip = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (v4tail?.[1]) {
    const v4 = parseV4(v4tail[1]);
    if (v4 === undefined) return undefined;
    ip = `${ip.slice(0, -v4tail[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

export function parseAddress(ip: string): Parsed | undefined {
  const v4 = parseV4(ip);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = ip.includes(':') ? parseV6(ip) : undefined;
  return v6 === undefined ? undefined : { v6: true, value: v6 };
}

interface Range {
  v6: boolean;
  base: bigint;
  bits: number;
}
const range = (cidr: string): Range => {
  const [ip = '', bits = ''] = cidr.split('/');
  const p = parseAddress(ip);
  if (!p) throw new Error(`bad range ${cidr}`);
  return { v6: p.v6, base: p.value, bits: Number(bits) };
};
const inRange = (a: Parsed, r: Range): boolean => {
  if (a.v6 !== r.v6) return false;
  const width = BigInt(a.v6 ? 128 : 32);
  const shift = width - BigInt(r.bits);
  return a.value >> shift === r.base >> shift;
};

/** Not reachable as a webhook: loopback, private, link-local (cloud metadata), CGNAT, reserved, multicast. */
const BLOCKED: readonly Range[] = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/128',
  '::1/128',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
  'ff00::/8',
].map(range);

/** IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4): judged by the IPv4 address inside. */
function embeddedV4(a: Parsed): Parsed | undefined {
  if (!a.v6) return undefined;
  if (a.value >> 32n === 0xffffn) return { v6: false, value: a.value & 0xffffffffn };
  if (a.value >> 32n === 0x64ff9bn << 64n) return { v6: false, value: a.value & 0xffffffffn };
  if (a.value >> 112n === 0x2002n) return { v6: false, value: (a.value >> 80n) & 0xffffffffn };
  return undefined;
}

/** Whether `ip` is a public unicast address (false for anything unparseable). */
export function isPublicAddress(ip: string): boolean {
  const parsed = parseAddress(ip);
  if (!parsed) return false;
  const a = embeddedV4(parsed) ?? parsed;
  return !BLOCKED.some((r) => inRange(a, r));
}

/** The operator's allow-list: host names (exact, lower case), addresses and CIDR ranges, comma-separated. */
export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly Range[];
}

export function parseAllowList(text: string): AllowList {
  const hosts = new Set<string>();
  const ranges: Range[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim().toLowerCase();
    if (!item) continue;
    const [ip = '', bits] = item.split('/');
    const p = parseAddress(ip);
    if (p) ranges.push({ v6: p.v6, base: p.value, bits: bits === undefined ? (p.v6 ? 128 : 32) : Number(bits) });
    else hosts.add(item);
  }
  return { hosts, ranges };
}

/** Whether a webhook to `host`, resolved to `ip`, may be delivered. */
export function addressAllowed(list: AllowList, host: string, ip: string): boolean {
  if (isPublicAddress(ip)) return true;
  if (list.hosts.has(host.toLowerCase().replace(/^\[|\]$/g, ''))) return true;
  const parsed = parseAddress(ip);
  return parsed !== undefined && list.ranges.some((r) => inRange(embeddedV4(parsed) ?? parsed, r));
}
