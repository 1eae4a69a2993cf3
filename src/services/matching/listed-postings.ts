import type { Posting } from '../../domain/model/posting.ts';
import type { PostingIndex, PostingListing } from '../../domain/search/posting-index.ts';
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

export interface IndexedListing {
  readonly posting: PostingListing & { readonly id: string };
  readonly employerName: string | null;
}

/**
 * The same for postings of the tenant's index, which holds what a list shows of each (synced to the version this
 * request read), with the employers' names held likewise (EmployerNames): no read, but of a posting the index holds
 * without its listing.
 */
export async function listedFromIndex(
  ctx: ServiceContext,
  index: PostingIndex,
  employers: ReadonlyMap<string, string>,
  ids: readonly string[],
): Promise<Map<string, IndexedListing>> {
  const listed = new Map<string, PostingListing & { id: string }>();
  const missing: string[] = [];
  for (const id of ids) {
    const listing = index.get(id)?.listing;
    if (listing) listed.set(id, { id, ...listing });
    else missing.push(id);
  }
  if (missing.length > 0)
    for (const r of await findPostingsByIds(ctx.database.db, ctx.principal.tenantId, missing))
      listed.set(r.id, toPosting(r));
  return new Map(
    [...listed].map(([id, posting]) => [id, { posting, employerName: employers.get(posting.employerId) ?? null }]),
  );
}
