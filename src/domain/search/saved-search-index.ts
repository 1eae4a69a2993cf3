/**
 * The saved searches of a tenant turned around for one alert run: each query term leads to the searches that
 * hold it, so the postings opened or changed find the searches they may fit through their own terms, and only
 * those searches are run. A search none of whose terms a posting holds cannot alert it (an alert needs a query
 * term in the posting), so the searches left out would have raised nothing.
 */
export class SavedSearchTermIndex {
  readonly #byTerm = new Map<string, string[]>();

  /** Adds a search with its analysed query terms (the search's own analysis, corrections included). */
  add(searchId: string, terms: readonly string[]): void {
    for (const term of new Set(terms)) {
      const ids = this.#byTerm.get(term);
      if (ids === undefined) this.#byTerm.set(term, [searchId]);
      else ids.push(searchId);
    }
  }

  /** The searches holding at least one of the posting's terms. */
  searchesFor(postingTerms: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const term of postingTerms) for (const id of this.#byTerm.get(term) ?? []) out.add(id);
    return out;
  }
}

/** What profileFitCandidates needs of one graduate's index row: the best unrounded hybrid score a posting gets. */
export interface ProfileHit {
  graduateId: string;
  approx: number;
}

/**
 * The graduates whose profile-fit search a posting may reach: those the candidate index scores at least their
 * threshold less `margin` (the index's unrounded hybrid is within 1e-5 of the exact score; the margin keeps a
 * posting at the threshold in). The exact check follows for these only.
 */
export function profileFitCandidates(
  hits: readonly ProfileHit[],
  threshold: ReadonlyMap<string, number>,
  margin: number,
): string[] {
  return hits.filter((h) => h.approx >= (threshold.get(h.graduateId) ?? Infinity) - margin).map((h) => h.graduateId);
}
