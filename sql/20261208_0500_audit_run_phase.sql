-- The step a running audit is in (issue 16: progress used to show only a percent, the phases only in the logs).
-- Null until a worker starts the run and for uploaded audits (computed in the request); once the run ends, the last
-- step it reached (report when completed, the step it failed in when failed). Same order as AUDIT_PHASES.
alter table audit_runs add column phase text
  check (phase in ('planning', 'reading', 'scoring', 'lists', 'counterfactual', 'reranking', 'report'));
