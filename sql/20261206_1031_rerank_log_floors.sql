-- The floors re-ranking method (several attributes and their pairs) logs its lists like the others: the
-- first check allowed only det_const_sort and fa_ir, so a tenant that chose floors could not be served.
alter table rerank_log drop constraint rerank_log_method_check;
alter table rerank_log add constraint rerank_log_method_check check (method in ('det_const_sort', 'fa_ir', 'floors'));
