import type { Posting } from '../../domain/model/posting.ts';
import { employerNamesByIds } from '../../storage/employers.repo.ts';
import { toPosting } from '../../storage/mappers.ts';
import { findPostingsByIds } from '../../storage/postings.repo.ts';
import type { ServiceContext } from '../context.ts';

export interface ListedPosting {
  readonly posting: Posting;
  readonly employerName: string | null;
}

/** The postings a served list shows, by id, each with its employer's name; ids no longer found are absent. */
export async function loadListedPostings(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<Map<string, ListedPosting>> {
  const rows = await findPostingsByIds(ctx.database.db, ctx.principal.tenantId, [...ids]);
  const employers = await employerNamesByIds(
    ctx.database.db,
    ctx.principal.tenantId,
    rows.map((r) => r.employer_id),
  );
  return new Map(
    rows.map((r) => {
      const posting = toPosting(r);
      return [r.id, { posting, employerName: employers.get(posting.employerId) ?? null }];
    }),
  );
}
