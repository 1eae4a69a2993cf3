-- An explanation finds the latest impression of one posting in one graduate's lists (findServedImpression). With
-- only (graduate_id, created_at) it read every impression of the graduate and filtered: 11.6 ms for a graduate with
-- 3,660 impressions at 100k + 100k (EXPLAIN ANALYZE), growing with each list the graduate is shown. This index
-- makes it one probe.
create index impressions_graduate_posting on impressions (graduate_id, posting_id, created_at desc)
  where graduate_id is not null;
