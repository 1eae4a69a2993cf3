-- A job an outbox row asks to start no earlier than this (null: at once). The posting-alerts job of a tenant
-- waits for the end of its short coalescing window, so one run takes every posting opened or changed in it.
alter table audit_outbox add column not_before timestamptz;
