export { extractResumeDraft, resumeLang, type MissingField, type ResumeDraftContent } from './extract.ts';
export type { EducationDraft } from './education.ts';
export type { ExperienceDraft } from './experience.ts';
export type { CertificateDraft, LanguageDraft, SkillDraft } from './skills.ts';
