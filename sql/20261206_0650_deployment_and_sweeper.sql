-- The deployment's own id. Its BullMQ queues, job schedulers and locks live under a Redis key prefix built
-- from it, so two deployments (staging and production, two universities) on one Redis never take each
-- other's jobs. Generated once here; DEPLOYMENT_ID in the configuration overrides it.
create table deployment (
  singleton boolean primary key default true check (singleton),
  id text not null check (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  created_at timestamptz not null default now()
);
insert into deployment (id) values (substr(replace(gen_random_uuid()::text, '-', ''), 1, 16));

-- The sweeper's bookkeeping: a relayed row is `settled` once its work has finished (or was given up);
-- until then the sweeper checks that the queue still holds its job and relays it again (`sweeps` times)
-- when the queue lost it.
alter table audit_outbox add column sweeps integer not null default 0;
alter table audit_outbox add column settled_at timestamptz;
update audit_outbox set settled_at = relayed_at where relayed_at is not null;
create index audit_outbox_unsettled on audit_outbox (relayed_at) where settled_at is null and relayed_at is not null;
