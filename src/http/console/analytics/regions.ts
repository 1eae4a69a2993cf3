import type { AnalyticsRow, AnalyticsTable } from '../../../domain/model/analytics.ts';
import type { Lang } from '../../../domain/model/common.ts';
import { REGION_NAMES, REGIONS } from '../../../domain/geo/cities.ts';
import type { Html } from '../html.ts';
import { numberFormat, percentFormat, regionGrid, type RegionTile } from './charts.ts';
import { fig } from './shared.ts';
import { at, named } from './text.ts';

/**
 * The four-region grid of a report table keyed by region (east, central, west, northeast): the headline
 * measure large, its shade by its size against the largest region's, and the other measures listed.
 */
export function regionTiles(
  lang: Lang,
  tbl: AnalyticsTable | undefined,
  opts: {
    id: string;
    caption: string;
    legend: string;
    headline: { measure: string; unit: 'count' | 'rate' };
    lines: readonly { measure: string; unit: 'count' | 'rate' }[];
  },
): Html {
  const fmt = (unit: 'count' | 'rate') => (unit === 'rate' ? percentFormat(lang) : numberFormat(lang));
  const byKey = new Map<string, AnalyticsRow>((tbl?.rows ?? []).map((r) => [r.key, r]));
  const values = REGIONS.map((r) => {
    const row = byKey.get(r);
    return row ? fig(row, opts.headline.measure).value : null;
  });
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const blank = at(lang, 'blank');
  const tiles: RegionTile[] = REGIONS.map((region, i) => {
    const row = byKey.get(region);
    const v = values[i] ?? null;
    return {
      key: region,
      label: row?.label ?? REGION_NAMES[region][lang],
      headline: v === null ? blank : `${fmt(opts.headline.unit)(v)}`,
      headlineLabel: named(lang, opts.headline.measure),
      heat: v === null || max === 0 ? null : Math.min(4, Math.floor((v / max) * 4.999)),
      lines: opts.lines.map((m) => {
        const f = row ? fig(row, m.measure).value : null;
        return { label: named(lang, m.measure), value: f === null ? blank : fmt(m.unit)(f) };
      }),
    };
  });
  return regionGrid({ id: opts.id, caption: opts.caption, legend: opts.legend, tiles });
}
