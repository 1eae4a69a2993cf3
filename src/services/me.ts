import type { Role } from '../domain/model/common.ts';
import type { ServiceContext } from './context.ts';

/** Who the caller is, as the caller may see it; the credential itself is never echoed. */
export interface CallerView {
  role: Role;
  tenantId: string;
  graduateId: string | null;
  employerId: string | null;
  credential: { kind: CredentialKind; id: string };
}

/** How the caller signed in, by the principal's `via`; the id is the key's, app's, provider's or person's. */
export const CREDENTIAL_KINDS = ['api_key', 'app_token', 'provider_token', 'session'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
const KIND_BY_VIA = { key: 'api_key', app: 'app_token', provider: 'provider_token', session: 'session' } as const;

/** GET /v1/me: built from the principal alone, so any credential that resolves to a principal can answer it. */
export function describeCaller({ ctx }: { ctx: ServiceContext }): CallerView {
  const { principal } = ctx;
  return {
    role: principal.role,
    tenantId: principal.tenantId,
    graduateId: principal.graduateId,
    employerId: principal.employerId,
    credential: { kind: KIND_BY_VIA[principal.via ?? 'key'], id: principal.keyId },
  };
}
