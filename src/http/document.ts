import type { OpenAPIObjectConfigure } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

/** Every tag an operation may carry; a tag used but not listed here fails test/http/openapi-contract.test.ts. */
const apiTags = [
  { name: 'System', description: 'Liveness and readiness probes; no key needed.' },
  {
    name: 'Me',
    description: 'Who the presented credential is: role, tenant and the graduate or employer it is bound to.',
  },
  { name: 'Graduates', description: 'Graduate profiles: education, skills, experience and job preferences.' },
  { name: 'Employers', description: 'Employers of the tenant; each owns its postings.' },
  { name: 'Job postings', description: 'Postings, checked for discriminatory requirements on create and update.' },
  {
    name: 'Matching',
    description: 'Recommendations, candidate lists, ad hoc scoring, interactions and the active embedder.',
  },
  {
    name: 'OpenAI compatible',
    description:
      'The active embedder in the OpenAI shape (/v1/embeddings, /v1/models), for the OpenAI SDKs and LangChain.',
  },
  {
    name: 'Explanations',
    description: 'Why a posting or a graduate was ranked where it was, from the same numbers as the score.',
  },
  { name: 'Algorithm disclosure', description: 'The public, versioned description of the algorithm; no key needed.' },
  { name: 'People in control', description: 'The tags used about a graduate, which the graduate may see and delete.' },
  {
    name: 'Consent and data rights',
    description: 'Consents, demographics, personalization, data export and access logs.',
  },
  {
    name: 'Appeals and human review',
    description: 'Graduates contest results; the career office reviews and replies within an SLA.',
  },
  {
    name: 'Audits',
    description: 'Bias audits of the recommendations: runs, reports, the hash chain and external audits.',
  },
  { name: 'Audit operations', description: 'Audit schedules, alerts raised by audits and their webhook deliveries.' },
  {
    name: 'Tenant administration',
    description: 'Tenant settings, the AI-ranking kill switch, fairness re-ranking and the access log.',
  },
  {
    name: 'Identity',
    description: 'Graduate-scoped app tokens (OAuth client credentials) and the keys that verify them; no key needed.',
  },
  {
    name: 'Résumés',
    description:
      'A graduate (or the career office on their behalf) uploads a résumé as PDF, DOCX or text; Bole proposes a ' +
      'profile draft that changes nothing until the graduate confirms the fields they accept.',
  },
  {
    name: 'Applications',
    description:
      "A graduate saves and applies to postings; the employer moves its own postings' " +
      'applications along (interviewing, ' +
      'offer, hired, rejected); each change is kept with time and actor and feeds the interaction funnel.',
  },
  {
    name: 'Alerts',
    description:
      'A graduate saves searches; a background pass raises an alert for each new posting that matches, in an ' +
      'in-app feed (read, dismiss) and, where the tenant set a webhook, a signed digest to its app at most daily.',
  },
  {
    name: 'Outcomes',
    description:
      'Graduate outcomes (毕业去向): employment, further study, civil service and the rest, with source and date.',
  },
  {
    name: 'Imports and exports',
    description:
      'Graduates, employers and postings from and to the CSV/XLSX files career offices keep ' +
      '(UTF-8, GB18030, Chinese or English headers).',
  },
  {
    name: 'Analytics',
    description:
      'Cohort, skills, supply and demand, demand forecasts and outcomes for the career office: ' +
      'every figure with its n, small groups blanked, JSON or CSV.',
  },
  {
    name: 'Job fairs',
    description: 'Job fairs (双选会): booths, registrations with ranked booths, interview-slot plans and schedules.',
  },
];

const description = [
  'Explainable, audited job matching for university graduates.',
  'Every error is RFC 9457 problem+json with a requestId; a 400 names each failing field (`body.name`, `query.limit`).',
  'Problem titles and details are in Chinese when Accept-Language prefers zh, else in English.',
].join(' ');

/** The document's top level; the server is the origin the document was fetched from. */
export const documentConfig =
  (version: string): OpenAPIObjectConfigure<AppEnv, '/openapi.json'> =>
  (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Bole (伯乐) API',
      version,
      description,
    },
    servers: [{ url: new URL(c.req.url).origin, description: 'The server this document was read from.' }],
    tags: apiTags,
  });
