import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { COMPONENTS } from '../../../domain/matching/weights.ts';
import { deleteTag, getTags } from '../../../services/matching/tags.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponses, idParam, json, security } from '../../openapi.ts';

const tags = ['People in control'];
const label = z.object({ en: z.string(), zh: z.string() });
const tag = z
  .object({
    tagId: z.string().meta({
      description:
        'Delete it by this id (URL-encode it): a skill id, tag:<label>, location:<city>, ' +
        'jobType:<type>, industry:<name>, salaryFloor or remote.',
      example: 'python',
    }),
    kind: z.enum(['skill', 'preference']),
    label,
    source: z
      .enum(['declared', 'inferred'])
      .meta({ description: 'declared by the graduate, or inferred by Bole from their text.' }),
    evidence: z.object({ source: z.string(), field: z.string(), text: z.string() }).nullable(),
    components: z.array(z.enum(COMPONENTS)).meta({ description: 'Score components this tag feeds.' }),
    weight: z.number().meta({ description: 'Total weight of those components in the current model.', example: 0.68 }),
  })
  .meta({ id: 'ProfileTag' });

export function tagRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/graduates/{id}/tags',
      tags,
      security,
      summary: 'Every tag used about the graduate, with source and weight',
      operationId: 'listGraduateTags',
      description:
        'Every tag used about the graduate (declared or inferred), with its source and weight, so ' +
        'the graduate can see how they are profiled.',
      request: { params: idParam },
      responses: {
        200: json(
          z
            .object({
              graduateId: z.uuid(),
              tags: z.array(tag),
              deleted: z.array(
                z.object({
                  tagId: z.string(),
                  label: z.object({ skillId: z.string(), name: z.string(), nameZh: z.string() }),
                }),
              ),
            })
            .meta({ id: 'TagList' }),
          'The tags in use and those the graduate deleted.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getTags({ ctx: c.var.ctx, graduateId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/graduates/{id}/tags/{tagId}',
      tags,
      security,
      summary: 'Delete a tag: it stops influencing any score from the next request and is not inferred again',
      operationId: 'deleteGraduateTag',
      description: 'The tag stops influencing any score from the next request on and is never inferred again.',
      request: {
        params: idParam.extend({
          tagId: z
            .string()
            .min(1)
            .max(200)
            .meta({
              param: { name: 'tagId', in: 'path' },
              description: 'The tag id from GET …/tags.',
              example: 'python',
            }),
        }),
      },
      responses: {
        200: json(
          z.object({
            deleted: tag,
            reembed: z.enum(['on_next_use', 'not_needed']).meta({
              description:
                'on_next_use: a deleted skill also deleted the stored profile vectors (embedded from text that ' +
                'named it), and the profile is embedded again from the redacted text when next used.',
            }),
          }),
          'Deleted.',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, tagId } = c.req.valid('param');
      return c.json(await deleteTag({ ctx: c.var.ctx, graduateId: id, tag: tagId }), 200);
    },
  );
}
