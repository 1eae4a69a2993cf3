import { z } from 'zod';

/** What a token may do for its graduate: read (GET), write (POST, PUT, PATCH) and erase (DELETE). */
export const SCOPES = ['read', 'write', 'erase'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scope a request needs, by its HTTP method. */
export const scopeForMethod = (method: string): Scope =>
  method === 'GET' || method === 'HEAD' ? 'read' : method === 'DELETE' ? 'erase' : 'write';

const scopes = z
  .array(z.enum(SCOPES))
  .min(1)
  .max(3)
  .meta({
    description: 'read (GET), write (POST, PUT, PATCH), erase (DELETE), for the one graduate a token names.',
    example: ['read', 'write'],
  });

export const appRegister = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ description: 'What the app is called.', example: '校园求职 App' }),
    scopes: scopes.default(['read', 'write']),
  })
  .strict()
  .meta({ id: 'AppRegister' });
export type AppRegister = z.infer<typeof appRegister>;

const httpsOrLocal = z
  .url()
  .refine((u) => u.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u), {
    message: 'must be https (http only for 127.0.0.1 or localhost)',
  });

export const providerCreate = z
  .object({
    issuer: z.string().trim().min(1).max(500).meta({
      description: 'The `iss` the provider puts in its tokens, exactly.',
      example: 'https://id.example.edu.cn',
    }),
    audience: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: 'The `aud` its tokens must carry for Bole.', example: 'bole' }),
    jwksUrl: httpsOrLocal.meta({
      description: 'Where the provider publishes its signing keys.',
      example: 'https://id.example.edu.cn/.well-known/jwks.json',
    }),
    claim: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .default('sub')
      .meta({ description: "The claim holding the graduate's external id.", example: 'student_id' }),
    scopes: scopes.default(['read', 'write']),
  })
  .strict()
  .meta({ id: 'IdentityProviderCreate' });
export type ProviderCreate = z.infer<typeof providerCreate>;

/** POST /v1/oauth/token (RFC 6749 §4.4, the client-credentials grant, with the graduate the token acts for). */
export const tokenRequest = z
  .object({
    grant_type: z.literal('client_credentials').meta({ description: 'Always client_credentials.' }),
    client_id: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "The app's client id (or send it with HTTP Basic).", example: 'app_x2Kq…' }),
    client_secret: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "The app's client secret (or HTTP Basic)." }),
    subject: z.uuid().optional().meta({ description: 'The graduate the token acts for, by Bole id.' }),
    subject_external_id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Or by the external id the app knows them by.', example: 'stu-2026-00417' }),
    scope: z.string().max(100).optional().meta({
      description: "Space-separated scopes, a subset of the app's; all of them if absent.",
      example: 'read write',
    }),
    expires_in: z.coerce
      .number()
      .int()
      .min(60)
      .max(3600)
      .default(900)
      .meta({ description: 'Lifetime in seconds (60–3600).', example: 900 }),
  })
  .refine((v) => (v.subject === undefined) !== (v.subject_external_id === undefined), {
    path: ['subject'],
    message: 'give exactly one of subject and subject_external_id',
  })
  .meta({ id: 'TokenRequest' });
export type TokenRequest = z.infer<typeof tokenRequest>;
