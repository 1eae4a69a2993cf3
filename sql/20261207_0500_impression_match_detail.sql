-- What an explanation of a served item shows besides its components: the matched, near and missing skills
-- with their evidence, the criteria and the matched terms, as served. With it an explanation given an
-- impression id is the served item's own, not a recomputation. Null on older rows and non-personalized lists.
-- The evidence quotes the graduate's profile, so erasure clears it on the rows it keeps (registry: linked).
alter table impressions add column match_detail jsonb;
