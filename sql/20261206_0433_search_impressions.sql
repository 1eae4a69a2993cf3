-- Free-text job search (issue 12) is recorded like every other list. A search made with a key that is
-- not a graduate's has no graduate subject, so graduate_id may be null for that kind of list only.
alter table impressions drop constraint if exists impressions_list_kind_check;
alter table impressions add constraint impressions_list_kind_check check (list_kind in ('recommendations', 'candidates', 'search'));
alter table impressions alter column graduate_id drop not null;
alter table impressions add constraint impressions_search_subject check (graduate_id is not null or list_kind = 'search');
