-- "New postings that fit my profile": a saved search of kind 'profile' has no query; its pass scores new
-- postings with the graduate's own match (the recommendation score) and alerts those at or above min_score.
alter table saved_searches add column kind text not null default 'query' check (kind in ('query', 'profile'));
alter table saved_searches add column min_score double precision check (min_score >= 0 and min_score <= 1);
alter table saved_searches alter column query drop not null;
alter table saved_searches add constraint saved_searches_kind_fields
  check ((kind = 'query' and query is not null) or (kind = 'profile' and min_score is not null));
