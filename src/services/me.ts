import type { Role } from '../domain/model/common.ts';
import type { ServiceContext } from './context.ts';

/** Who the caller is, as the caller may see it; the credential itself is never echoed. */
export interface CallerView {
  role: Role;
  tenantId: string;
  graduateId: string | null;
  employerId: string | null;
  credential: { kind: 'api_key'; id: string };
}

/** GET /v1/me: built from the principal alone, so any credential that resolves to a principal can answer it. */
export function describeCaller({ ctx }: { ctx: ServiceContext }): CallerView {
  const { principal } = ctx;
  return {
    role: principal.role,
    tenantId: principal.tenantId,
    graduateId: principal.graduateId,
    employerId: principal.employerId,
    credential: { kind: 'api_key', id: principal.keyId },
  };
}
