import type { SkillCategory } from './types.ts';

/**
 * One curated row: [id, English name, Chinese name, family, aliases].
 * Alias markers (may be combined, in this order): `~` = an ordinary word too, match only in
 * skill-list context; `^` = match only with this exact letter case. A marked alias whose key equals
 * the English or Chinese name overrides the name's default (plain) matching.
 */
export type SeedRow = readonly [id: string, name: string, nameZh: string, family: string, aliases?: readonly string[]];

export interface SkillSeed {
  readonly id: string;
  readonly name: string;
  readonly nameZh: string;
  readonly category: SkillCategory;
  readonly family: string;
  /** Aliases with their markers, as written in the data. */
  readonly aliases: readonly string[];
}

export function seeds(category: SkillCategory, rows: readonly SeedRow[]): SkillSeed[] {
  return rows.map(([id, name, nameZh, family, aliases]) => ({
    id,
    name,
    nameZh,
    category,
    family,
    aliases: aliases ?? [],
  }));
}
