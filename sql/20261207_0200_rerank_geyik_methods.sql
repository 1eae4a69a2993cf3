-- Geyik et al.'s DetGreedy, DetCons and DetRelaxed are selectable re-ranking methods; their lists are logged
-- like the others.
alter table rerank_log drop constraint rerank_log_method_check;
alter table rerank_log add constraint rerank_log_method_check
  check (method in ('det_const_sort', 'fa_ir', 'floors', 'det_greedy', 'det_cons', 'det_relaxed'));
