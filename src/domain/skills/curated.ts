import type { SkillSeed } from './seed.ts';
import { PROGRAMMING_LANGUAGES } from './data/programming-languages.ts';
import { PROGRAMMING_FRAMEWORKS } from './data/programming-frameworks.ts';
import { PROGRAMMING_TOOLS } from './data/programming-tools.ts';
import { DATA_ML } from './data/data-ml.ts';
import { DATA_DATABASES } from './data/data-databases.ts';
import { OFFICE } from './data/office.ts';
import { DESIGN } from './data/design.ts';
import { MEDIA } from './data/media.ts';
import { MARKETING } from './data/marketing.ts';
import { BUSINESS } from './data/business.ts';
import { FINANCE_ACCOUNTING } from './data/finance-accounting.ts';
import { ENGINEERING } from './data/engineering.ts';
import { HEALTHCARE } from './data/healthcare.ts';
import { SCIENCE } from './data/science.ts';
import { EDUCATION } from './data/education.ts';
import { LEGAL } from './data/legal.ts';
import { LANGUAGES } from './data/languages.ts';
import { CERTIFICATES } from './data/certificates.ts';
import { SOFT_SKILLS } from './data/soft-skills.ts';

/** Curated skills in priority order: when two share an alias, the earlier one keeps it. */
export const CURATED_SEEDS: readonly SkillSeed[] = [
  ...PROGRAMMING_LANGUAGES,
  ...PROGRAMMING_FRAMEWORKS,
  ...PROGRAMMING_TOOLS,
  ...DATA_ML,
  ...DATA_DATABASES,
  ...OFFICE,
  ...DESIGN,
  ...MEDIA,
  ...MARKETING,
  ...BUSINESS,
  ...FINANCE_ACCOUNTING,
  ...ENGINEERING,
  ...HEALTHCARE,
  ...SCIENCE,
  ...EDUCATION,
  ...LEGAL,
  ...LANGUAGES,
  ...CERTIFICATES,
  ...SOFT_SKILLS,
];
