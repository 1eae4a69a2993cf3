import { describe, expect, it } from 'vitest';
import { extractResumeDraft } from '../../../src/domain/resume/index.ts';
import { getTaxonomy } from '../../../src/domain/skills/index.ts';

const taxonomy = getTaxonomy();
// The rules alone: mined cues (skill-cues.test.ts) are re-mined as the rules change.
const RULES = { taxonomy, cues: [] };
/** Skill ids an English résumé's experience part yields for one line of text. */
const inferred = (line: string): string[] =>
  extractResumeDraft(`Experience\n${line}`, RULES)
    .skills.map((s) => s.skillId)
    .sort();

describe("an auditor's tests and a payroll run", () => {
  it.each([
    ['payroll run for staff', 'Assistant Accountant: payroll for 40 staff', ['payroll-accounting']],
    [
      "payroll among a client's accounts tested",
      'Performed substantive testing of receivables, payables and payroll for manufacturing clients',
      ['auditing'],
    ],
    ['payroll controls tested', 'Tested revenue and payroll controls for two clients', []],
    [
      'internal controls walked through by an external auditor',
      'Documented walkthroughs of internal controls over financial reporting (SOX) and prepared workpapers',
      [],
    ],
    ['internal controls designed', 'Designed internal controls for a new expense policy', ['internal-audit']],
    [
      'benefits administered',
      'Administer benefits enrollment in Workday for 300 employees',
      ['compensation-benefits', 'workday-software'],
    ],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('English words that name a skill only in one use', () => {
  it.each([
    ['power electronics', 'Designed a 3.3 kW charger in a power electronics lab', []],
    ['power systems', 'Ran load-flow studies of power systems', ['power-systems']],
    ['Steam the games store', 'Modelled props for two indie games on Steam', []],
    ['steam the vapour', 'Cut steam use by 6% on a distillation train', []],
    ['STEAM education', 'Ran STEAM workshops for 30 pupils', ['coding-education']],
    ['blasting in a mine', 'Designed drill-and-blast patterns for development ends', []],
    ['BLAST searches', 'Annotated contigs with BLAST', ['bioinformatics']],
    ['legal drafting', 'Researched case law and assisted with drafting affidavits for review', ['legal-research']],
    ['technical drafting', 'Did hand drafting of stage plans', ['mechanical-drawing']],
    ['a letter drafted', 'Handled tenancy enquiries, drafting letters to landlords', []],
    ["a hotel's night audit", 'Balanced the cash drawer and ran the night audit', []],
    ['a 5S audit', 'Ran weekly 5S audits on the packing line; raised the audit score to 90', []],
    ['a clinical audit', 'Completed a clinical audit of antibiotic prescribing practice', []],
    ['a financial audit', 'Assisted the audit of a charity’s grant income', ['auditing']],
    ['mental health as a ward', 'Placement: adult mental health ward (6 weeks)', []],
    [
      'mental health support given',
      'Volunteer, mental health helpline: crisis support calls',
      ['psychological-counseling', 'volunteering'],
    ],
    [
      "a society's secretary",
      'Social Secretary, Durham University Geographical Society (2022–23)',
      ['student-leadership'],
    ],
    ["an office's secretary", 'Worked as a secretary to the managing director, kept calendars', ['secretarial']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe("a field's word naming the data or the product, not the work", () => {
  it.each([
    ['sales tables joined', 'Wrote SQL in BigQuery to join store orders and sales tables', ['bigquery', 'sql']],
    [
      'a sales dashboard',
      'Updated the Power BI sales dashboard for 25 distributors',
      ['data-visualization', 'power-bi'],
    ],
    ['a pharmacy promotion', 'Prepared pharmacy promotion materials and price checks', []],
    ['sales won', 'Ran sales calls with 40 distributors', ['sales']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe("a skill's name naming a course or a field of study", () => {
  it.each([
    ['a headline naming the major', 'Supply Chain Management Graduate', []],
    ['a course by its code', 'Graded for STATS 250 Introduction to Statistics and Data Analysis', []],
    ['the same name as work done', 'Led supply chain management for a food bank', ['supply-chain']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('a subject taught in labs, sessions or lessons', () => {
  it.each([
    ['sessions for a first-year subject', 'Ran weekly lab sessions for first-year statistics', []],
    [
      'lessons on two subjects',
      'Planned and taught sequences on quadratics and statistics',
      ['lesson-planning', 'teaching'],
    ],
    ['a session on a tool still shows the tool', 'Led weekly tutorials on Python', ['python', 'teaching']],
    ['statistics used', 'Ran statistics on trial data', ['statistics']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe("an entry header's team, unit, role and employer", () => {
  it.each([
    ['a team named by its product', '2021.07 – 2021.08   LG Energy Solution, BMS Hardware Team (summer intern)', []],
    ['a placement department', 'Jan 2024 – Mar 2024  Emergency department, Fiona Stanley Hospital (80 hours)', []],
    ['a role in lower case', 'July 2023 – August 2023  Ernst & Young - Audit assistant (summer)', []],
    ['an employer with a legal form', '04/2024 – 02/2025  Working student · KUKA AG (10,001+ employees)', []],
    ['a project kept', '2023.03 – 2023.06  Traffic sign classifier (PyTorch)', ['pytorch']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('a database used, not designed', () => {
  it.each([
    [
      'a REDCap database built',
      'Built a REDCap database for a cohort of 400 patients',
      ['redcap-research-electronic-data-capture'],
    ],
    ['a study database managed', 'Managed the study database and scheduled participants', []],
    ['a database designed', 'Designed the database schema for a booking app', ['database-design']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('an API written REST and the grades of life support', () => {
  it.each([
    ['REST endpoints exposed', 'Built a Go service; exposed REST endpoints consumed by 3 teams', ['rest-api']],
    ['a REST service deployed', 'Deployed a model as a REST service on Azure', ['azure', 'rest-api']],
    ['a rest taken', 'Took a rest between shifts', []],
    ['immediate life support', 'Certificates: Immediate Life Support; Moving and Handling', ['basic-life-support']],
    ['advanced life support', 'Certificates: Advanced Life Support, Manual Handling', ['basic-life-support']],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});

describe('a skill named by the past participle or the person who does it', () => {
  it.each([
    ['fixtures 3D-printed', 'Operated CNC mill and lathe; 3D-printed fixtures', ['3d-printing', 'cnc']],
    ['a flow prototyped', 'Prototyped a shift-booking flow and ran usability tests', ['prototyping', 'user-research']],
    [
      'a volunteer interpreter',
      'Volunteer, Dublin Interfaith Forum – community interpreter (Spanish)',
      ['interpreting', 'volunteering'],
    ],
  ])('%s', (_, line, want) => {
    expect(inferred(line)).toEqual(want);
  });
});
