import { CITIES, REGIONS, type City, type Region } from '../domain/geo/cities.ts';
import type { EmployerCreate } from '../domain/model/employer.ts';
import { BRANDS } from './data/names.ts';
import { INDUSTRIES, type Industry } from './data/occupations-zh.ts';
import { INDUSTRY_INFO } from './industries.ts';
import type { Rng } from './random.ts';

/** A generated employer plus what the posting generator needs to know about it. */
export interface DemoEmployer {
  readonly record: EmployerCreate;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly industry: Industry;
  readonly city: City;
  readonly lang: 'zh' | 'en';
}

/** Share of employers by region: roughly where graduate jobs are advertised in China. */
const REGION_WEIGHTS: Readonly<Record<Region, number>> = { east: 0.5, central: 0.2, west: 0.2, northeast: 0.1 };
const TIER_WEIGHT = { 1: 3, 2: 2, 3: 1 } as const;
const SIZES = ['1-49', '50-249', '250-999', '1000+'] as const;

export const pickCity = (rng: Rng, region?: Region): City => {
  const r =
    region ??
    rng.weighted(
      REGIONS,
      REGIONS.map((x) => REGION_WEIGHTS[x]),
    );
  const pool = CITIES.filter((c) => c.region === r);
  return rng.weighted(
    pool,
    pool.map((c) => TIER_WEIGHT[c.tier]),
  );
};

/**
 * `count` employers. The first four cover the four regions and the first twenty the twenty industries,
 * so every region and every occupation has an employer whatever the seed.
 */
export const generateEmployers = (rng: Rng, count: number): DemoEmployer[] => {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const industry =
      INDUSTRIES[i] ??
      rng.weighted(
        INDUSTRIES,
        INDUSTRIES.map((x) => INDUSTRY_INFO[x].weight),
      );
    const info = INDUSTRY_INFO[industry];
    const city = pickCity(rng, REGIONS[i]);
    const [suffixZh, suffixEn] = rng.pick(info.suffixes);
    let brand = rng.pick(BRANDS);
    // Names must be unique; a second company of the same brand, city and form gets the next brand.
    for (let k = 0; used.has(`${city.id}${brand[0]}${suffixZh}`) && k < BRANDS.length; k++) brand = rng.pick(BRANDS);
    const nameZh = `${city.zh}${brand[0]}${suffixZh}`;
    const nameEn = `${city.en} ${brand[1]} ${suffixEn}`;
    const unique = used.has(`${city.id}${brand[0]}${suffixZh}`) ? `${i}` : '';
    used.add(`${city.id}${brand[0]}${suffixZh}`);
    // 70 % publish in Chinese; the rest (foreign-invested and export-oriented firms) in English.
    const lang = rng.chance(0.7) ? 'zh' : 'en';
    const size = rng.weighted(SIZES, [2, 4, 3, 2]);
    const name = (lang === 'zh' ? nameZh : nameEn) + (unique === '' ? '' : ` ${unique}`);
    const description =
      lang === 'zh'
        ? `${nameZh}位于${city.provinceZh === city.zh ? '' : city.provinceZh}${city.zh}，${info.aboutZh}。欢迎应届毕业生加入。`
        : `${nameEn}, based in ${city.en}, ` +
          `${city.provinceEn === city.en ? 'China' : `${city.provinceEn}, China`}, ${info.aboutEn}. ` +
          `We welcome new graduates.`;
    const record: EmployerCreate = {
      name,
      industry: lang === 'zh' ? info.zh : info.en,
      city: lang === 'zh' ? city.zh : city.en,
      size,
      website: `https://${brand[1].toLowerCase()}-${city.id}-${i}.example.com`,
      description,
    };
    return { record, nameZh, nameEn, industry, city, lang };
  });
};
