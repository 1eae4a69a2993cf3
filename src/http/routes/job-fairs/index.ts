import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { boothCreate, fairCreate, registrationInput } from '../../../domain/model/job-fair.ts';
import * as fairs from '../../../services/job-fairs/fairs.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, json, pageOf, pageQuery, security } from '../../openapi.ts';
import { jobFairAssignmentRoutes } from './assignments.ts';
import { boothView, fairParam, fairView, registrationView } from './schemas.ts';

const tags = ['Job fairs'];
const unprocessable = {
  422: {
    description:
      'A field refers to something that does not fit (unknown booth, posting of another ' +
      'employer, capacity over interviewers × slots); `errors` names it.',
    content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  },
};

/** Job fairs (双选会): the fair, its booths and registrations here; planning in ./assignments.ts. */
export function jobFairRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs',
      tags,
      security,
      operationId: 'createJobFair',
      summary: 'Create a job fair (career office)',
      description:
        'A fair has one date, a venue, a time window cut into slots of `slotMinutes`, and breaks ' +
        '(a slot touching a break is not used). A break outside the window, or more interviews per ' +
        'graduate than usable slots, is a 400 naming the field.',
      request: { body: { required: true, content: { 'application/json': { schema: fairCreate } } } },
      responses: { 201: json(fairView, 'The created fair, with its usable slots.'), ...errorResponses },
    }),
    async (c) => c.json(await fairs.createFair({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/job-fairs',
      tags,
      security,
      operationId: 'listJobFairs',
      summary: "List the tenant's job fairs",
      description:
        "Every key of the tenant sees the tenant's fairs (graduates and employers need them to register and book).",
      request: { query: z.object(pageQuery) },
      responses: { 200: json(pageOf(fairView, 'JobFairPage'), 'A page of fairs.'), ...errorResponses },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      return c.json(await fairs.listFairs({ ctx: c.var.ctx, limit, cursor }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/job-fairs/{id}',
      tags,
      security,
      operationId: 'getJobFair',
      summary: 'Read a job fair',
      description: 'A fair of another tenant answers 404.',
      request: { params: fairParam },
      responses: { 200: json(fairView, 'The fair.'), ...errorResponses },
    }),
    async (c) => c.json(await fairs.getFair({ ctx: c.var.ctx, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs/{id}/booths',
      tags,
      security,
      operationId: 'addJobFairBooth',
      summary: 'Join a fair with a booth (employer, career office)',
      description:
        "The booth interviews for some of the employer's postings (each graduate is scored against " +
        'the best of them) with `interviewers` people in parallel. A negative capacity is a 400; a ' +
        'capacity over interviewers × usable slots, or a posting of another employer, is a 422 ' +
        'naming the field.',
      request: {
        params: fairParam,
        body: { required: true, content: { 'application/json': { schema: boothCreate } } },
      },
      responses: { 201: json(boothView, 'The booth.'), ...errorResponses, ...unprocessable },
    }),
    async (c) =>
      c.json(
        await fairs.addBooth({ ctx: c.var.ctx, fairId: c.req.valid('param').id, input: c.req.valid('json') }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/job-fairs/{id}/booths',
      tags,
      security,
      operationId: 'listJobFairBooths',
      summary: "The fair's booths",
      description: 'Graduates and staff see every booth (to rank them); an employer sees its own booths only.',
      request: { params: fairParam },
      responses: {
        200: json(z.object({ items: z.array(boothView) }).meta({ id: 'JobFairBoothList' }), 'The booths.'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await fairs.listBooths({ ctx: c.var.ctx, fairId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/job-fairs/{id}/registrations',
      tags,
      security,
      operationId: 'registerForJobFair',
      summary: 'Register a graduate, with ranked booths (optional)',
      description:
        'A graduate key registers itself; staff name the graduate. Registering again replaces the ' +
        'rankings. An unknown or cancelled booth is a 422 naming `body.rankings.<i>`.',
      request: {
        params: fairParam,
        body: { required: true, content: { 'application/json': { schema: registrationInput } } },
      },
      responses: { 201: json(registrationView, 'The registration.'), ...errorResponses, ...unprocessable },
    }),
    async (c) =>
      c.json(
        await fairs.register({ ctx: c.var.ctx, fairId: c.req.valid('param').id, input: c.req.valid('json') }),
        201,
      ),
  );

  jobFairAssignmentRoutes(app);
}
