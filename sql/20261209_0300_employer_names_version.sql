-- Lists show each posting's employer by name. The serving process keeps the tenant's names in memory and
-- reads them again only when this per-tenant counter moves: bumped once per statement that adds, removes or
-- renames an employer of the tenant (as tenant_postings_version is for postings), so a rename shows from the
-- next list on, in every process, without a read per list.

create table tenant_employers_version (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  version bigint not null
);

create function bole_employers_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    insert into tenant_employers_version (tenant_id, version) select distinct tenant_id, 1 from old_rows
      on conflict (tenant_id) do update set version = tenant_employers_version.version + 1;
  elsif tg_op = 'INSERT' then
    insert into tenant_employers_version (tenant_id, version) select distinct tenant_id, 1 from new_rows
      on conflict (tenant_id) do update set version = tenant_employers_version.version + 1;
  else
    insert into tenant_employers_version (tenant_id, version)
      select distinct t.tenant_id, 1 from new_rows n join old_rows o on o.id = n.id
        cross join lateral (values (n.tenant_id), (o.tenant_id)) as t (tenant_id)
      where n.name is distinct from o.name or n.tenant_id is distinct from o.tenant_id
      on conflict (tenant_id) do update set version = tenant_employers_version.version + 1;
  end if;
  return null;
end $$;

create trigger employers_names_version_insert after insert on employers
  referencing new table as new_rows for each statement execute function bole_employers_changed();
create trigger employers_names_version_update after update on employers
  referencing old table as old_rows new table as new_rows for each statement execute function bole_employers_changed();
create trigger employers_names_version_delete after delete on employers
  referencing old table as old_rows for each statement execute function bole_employers_changed();
