-- The occupation a posting hires for (an O*NET-SOC code such as 15-2051.00, or the tenant's own title):
-- demand by occupation and its forecasts group on it. Null for postings written before it existed.
alter table job_postings add column occupation text;
