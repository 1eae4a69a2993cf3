import type { PostingIndex, PostingListing } from '../../domain/search/posting-index.ts';
import { toPosting } from '../../storage/mappers.ts';
import { findPostingsByIds } from '../../storage/postings.repo.ts';
import type { ServiceContext } from '../context.ts';

export interface IndexedListing {
  readonly posting: PostingListing & { readonly id: string; readonly description: string };
  readonly employerName: string | null;
}

/**
 * The postings a served list shows, by id, each with its employer's name, from the tenant's index, which holds what
 * a list shows of each and its description (the lexical text: search highlights it), synced to the version this
 * request read; the employers' names are held likewise (EmployerNames). A posting the index holds without them is
 * read from the database; ids found in neither are absent.
 */
export async function listedFromIndex(
  ctx: ServiceContext,
  index: PostingIndex,
  employers: ReadonlyMap<string, string>,
  ids: readonly string[],
): Promise<Map<string, IndexedListing>> {
  const listed = new Map<string, IndexedListing['posting']>();
  const missing: string[] = [];
  for (const id of ids) {
    const held = index.get(id);
    if (held?.listing && held.text) listed.set(id, { id, ...held.listing, description: held.text.description });
    else missing.push(id);
  }
  if (missing.length > 0)
    for (const r of await findPostingsByIds(ctx.database.db, ctx.principal.tenantId, missing))
      listed.set(r.id, toPosting(r));
  return new Map(
    [...listed].map(([id, posting]) => [id, { posting, employerName: employers.get(posting.employerId) ?? null }]),
  );
}
