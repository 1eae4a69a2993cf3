-- Cross-list catch-up of the fairness re-ranking (method floors, crossList on): per tenant, UTC day, grouping
-- (an attribute or a pair "a × b") and cell, the memberships of served candidate lists and how many of them
-- were in the top K the audit counts as selected. Counts only, never a person: the re-ranker sums the days of
-- its audit window and raises the floors of cells whose rate lags. Kept in the database so the tally survives
-- restarts and is shared by every process of the deployment.
create table rerank_tally (
  tenant_id uuid not null references tenants(id) on delete cascade,
  day date not null,
  grouping text not null,
  cell text not null,
  selected_top integer not null check (selected_top > 0),
  memberships integer not null check (memberships >= 0),
  selected integer not null check (selected >= 0 and selected <= memberships),
  primary key (tenant_id, selected_top, day, grouping, cell)
);
-- Each re-ranked list's served positions that differ from the score order, and why (ranks and a cause code,
-- never an id or a group): what the explanation of a moved candidate reads.
alter table rerank_log add column moves jsonb not null default '[]';
