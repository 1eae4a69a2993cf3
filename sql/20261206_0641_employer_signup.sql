-- Employer sign-up: an employer registers itself and waits for the career office. Employers created by
-- staff before this stay approved (the default); a self-registered one starts pending.
alter table employers add column status text not null default 'approved' check (status in ('pending', 'approved', 'rejected'));
alter table employers add column credit_code text;
alter table employers add column contact_name text;
alter table employers add column contact_email text;
alter table employers add column contact_phone text;
alter table employers add column decision_reason text;
alter table employers add column decided_at timestamptz;
-- One registration per company per tenant: a second sign-up with the same code is a 409.
create unique index employers_tenant_credit_code on employers (tenant_id, credit_code) where credit_code is not null;
