import { describe, expect, it } from 'vitest';
import {
  CITIES,
  citiesInRegion,
  findCity,
  normalizePlace,
  REGIONS,
  regionOf,
  type Region,
} from '../../../src/domain/geo/cities.ts';

/** The NBS four-region division, by province (国家统计局, 2011). */
const NBS: Record<Region, readonly string[]> = {
  east: ['北京', '天津', '河北', '上海', '江苏', '浙江', '福建', '山东', '广东', '海南'],
  central: ['山西', '安徽', '江西', '河南', '湖北', '湖南'],
  west: ['内蒙古', '广西', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'],
  northeast: ['辽宁', '吉林', '黑龙江'],
};

describe('cities', () => {
  it('lists at least 40 cities with unique ids and names, at least 5 per region', () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CITIES.map((c) => c.id)).size).toBe(CITIES.length);
    expect(new Set(CITIES.map((c) => c.zh)).size).toBe(CITIES.length);
    for (const r of REGIONS) expect(citiesInRegion(r).length).toBeGreaterThanOrEqual(5);
  });

  it('puts every city in the NBS region of its province', () => {
    for (const c of CITIES) expect(NBS[c.region]).toContain(c.provinceZh);
  });

  it.each([
    ['上海', 'shanghai'],
    ['Shanghai', 'shanghai'],
    ['上海市', 'shanghai'],
    ['ＳＨＡＮＧＨＡＩ', 'shanghai'],
    ['  shanghai ', 'shanghai'],
    ['Shanghai City', 'shanghai'],
    ["Xi'an", 'xi-an'],
    ['XIAN', 'xi-an'],
    ['西安市', 'xi-an'],
    ['Harbin', 'harbin'],
    ['哈尔滨', 'harbin'],
    ['吉林市', 'jilin-city'],
    ['Jilin City', 'jilin-city'],
    ['乌鲁木齐', 'urumqi'],
  ])('findCity(%j) → %s', (name, id) => {
    expect(findCity(name)?.id).toBe(id);
  });

  it.each(['Atlantis', '', '   ', '纽约'])('findCity(%j) is undefined', (name) => {
    expect(findCity(name)).toBeUndefined();
  });

  it.each([
    ['Wuhan', 'central'],
    ['成都', 'west'],
    ['沈阳', 'northeast'],
    ['深圳', 'east'],
    ['呼和浩特', 'west'],
    ['南宁', 'west'],
    ['海口', 'east'],
    ['太原', 'central'],
    ['Nowhere', undefined],
  ])('regionOf(%j) → %s', (name, region) => {
    expect(regionOf(name)).toBe(region);
  });

  it('regionOf accepts a City record', () => {
    const c = findCity('大连');
    expect(c && regionOf(c)).toBe('northeast');
  });

  it('normalizePlace folds full-width, case, spaces and the 市 suffix', () => {
    expect(normalizePlace('Ｗｕｈａｎ　市')).toBe('wuhan');
    expect(normalizePlace("Xi'an")).toBe('xian');
  });
});
