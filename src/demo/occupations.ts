/**
 * The demo occupations: O*NET 29.2 data (description, tasks, technology skills, job zone; CC BY 4.0,
 * see README.md) joined with the Chinese text written for Bole in data/occupations-zh*.ts.
 */
import onet from './data/occupations.json' with { type: 'json' };
import { OCCUPATIONS_ZH, type OccupationZh } from './data/occupations-zh.ts';

interface OnetOccupation {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly jobZone: number;
  readonly tasks: readonly string[];
  /** categoryShare: the share of the occupation's O*NET technology examples in the same commodity category. */
  readonly techSkills: ReadonlyArray<{
    readonly name: string;
    readonly hot: boolean;
    readonly category: string;
    readonly categoryShare: number;
  }>;
  readonly altTitles: readonly string[];
}

export interface DemoOccupation {
  readonly onet: OnetOccupation;
  readonly zh: OccupationZh;
}

const ONET: readonly OnetOccupation[] = onet;

export const DEMO_OCCUPATIONS: readonly DemoOccupation[] = ONET.map((o) => {
  const zh = OCCUPATIONS_ZH.get(o.code);
  if (zh === undefined) throw new Error(`no Chinese text for occupation ${o.code}`);
  return { onet: o, zh };
});
