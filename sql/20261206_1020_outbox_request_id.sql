-- The request id of the request that asked for a background job, carried into the job so its log lines
-- can be tied to the request (null for work the system starts itself: schedules, start-up).
alter table audit_outbox add column request_id text;
