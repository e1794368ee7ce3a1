-- The money a run pays, by region and benefit (entitlement/PaidTotals). computeEntitlements adds one row per
-- region and benefit of every chunk, in the transaction that writes the chunk's payments, so the rows always
-- add up to the run's payment rows, across a restart too. The run summary and the statistics workbook read these
-- few rows instead of joining every payment with its family's entitlement again (at 1 M families, 1.5 s each).
create table paid_total (
    run_id      bigint  not null references run,
    region_code text    not null,
    benefit     text    not null,
    families    bigint  not null,
    tenge       numeric not null
);
create index paid_total_run on paid_total (run_id);

-- the runs before this table, so that the Trends sheet of a later quarter still shows what they paid
insert into paid_total (run_id, region_code, benefit, families, tenge)
select e.run_id, e.region_code, p.benefit, count(*), sum(p.paid)
  from (select run_id, family_id, benefit, sum(amount) as paid from payment group by run_id, family_id, benefit) p
  join entitlement e on e.run_id = p.run_id and e.family_id = p.family_id
 group by e.run_id, e.region_code, p.benefit;
