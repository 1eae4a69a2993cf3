-- Keeps every serving process's in-memory graduate index (candidate lists) in step with the database, as
-- 20261128_2320_index_sync.sql does for postings: each write to graduates (profile, visibility, tags,
-- personalization) or to a graduate's consent to be shown to employers bumps the tenant's counter and
-- marks the graduate changed, so a process re-reads only the graduates marked since it last looked.

-- No foreign keys: the triggers also fire while a tenant's or a graduate's rows are cascade-deleted.
create table tenant_graduates_version (
  tenant_id uuid primary key,
  version bigint not null default 0
);

create table graduate_index_changes (
  graduate_id uuid primary key,
  tenant_id uuid not null,
  changed_at timestamptz not null default clock_timestamp(),
  deleted boolean not null default false
);
create index graduate_index_changes_tenant_time on graduate_index_changes (tenant_id, changed_at);

create or replace function bole_graduate_index_bump(t uuid, g uuid, gone boolean) returns void language plpgsql as $$
begin
  insert into graduate_index_changes (graduate_id, tenant_id, deleted) values (g, t, gone)
    on conflict (graduate_id) do update
      set changed_at = clock_timestamp(), deleted = graduate_index_changes.deleted or excluded.deleted;
  insert into tenant_graduates_version (tenant_id, version) values (t, 1)
    on conflict (tenant_id) do update set version = tenant_graduates_version.version + 1;
end $$;

create or replace function bole_graduate_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform bole_graduate_index_bump(old.tenant_id, old.id, true);
  else
    perform bole_graduate_index_bump(new.tenant_id, new.id, false);
  end if;
  return null;
end $$;

create trigger graduates_index_version after insert or update or delete on graduates
  for each row execute function bole_graduate_changed();

-- Only the consent that decides whether employers may see a profile changes a candidate list.
create or replace function bole_graduate_consent_changed() returns trigger language plpgsql as $$
declare
  c consents%rowtype := coalesce(new, old);
begin
  if c.purpose = 'profile_visible_to_employers' then
    perform bole_graduate_index_bump(c.tenant_id, c.graduate_id, false);
  end if;
  return null;
end $$;

create trigger consents_graduate_index_version after insert or update or delete on consents
  for each row execute function bole_graduate_consent_changed();
