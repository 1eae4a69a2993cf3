import type { Degree } from '../domain/model/common.ts';

export const DEGREE_ZH: Readonly<Record<Degree, string>> = {
  none: '不限',
  associate: '大专',
  bachelor: '本科',
  master: '硕士',
  doctorate: '博士',
};
export const DEGREE_EN: Readonly<Record<Degree, string>> = {
  none: 'no degree',
  associate: 'associate degree',
  bachelor: "bachelor's degree",
  master: "master's degree",
  doctorate: 'doctorate',
};

/** Salary multiplier by commercial city tier (1 = 北上广深). */
export const TIER_FACTOR = { 1: 1.35, 2: 1, 3: 0.8 } as const;

/**
 * Typical starting monthly salary (CNY, second-tier city, bachelor) by SOC major group: a rough demo
 * figure in line with published graduate salary surveys, not data.
 */
const BASE_BY_GROUP: Readonly<Record<string, number>> = {
  '13': 8000,
  '15': 12000,
  '17': 9000,
  '19': 8500,
  '21': 5500,
  '23': 8000,
  '25': 6500,
  '27': 7000,
  '29': 7000,
  '41': 7000,
};

export const salaryBase = (code: string): number => BASE_BY_GROUP[code.slice(0, 2)] ?? 7000;

/** YYYY-MM-DD plus n days, in UTC so the result never depends on the machine's time zone. */
export const addDays = (isoDate: string, n: number): string => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
};
