-- Each accepted contract's months in force in the income and in the benefit quarter, and its termination.
-- Why here and only here: compliance judges the contracts in force in the income quarter, payments follow the
-- contracts in force in the benefit quarter, statistics count them; all join fact_contract.
-- In force (contracts.md): in a month of the contract's span (contract-spans.sql, read as contract_span: from its
-- start month through its end month, never for DECLINED nor without both dates), and no longer from the first
-- month of the benefit quarter in which this system's sanction ladder terminated it (a TERMINATED sanction in the
-- latest completed version of an earlier benefit quarter, :earlier_runs, or, once judgeCompliance has run, in this
-- run: :with_this_run).
-- terminated_by: THIS_SYSTEM when sanctioned so, else DEPARTMENT for status TERMINATED, else null.
-- Java twin: entitlement.ContractTerm#inForce (FactsAgreementTest checks that the two agree).
insert into fact_contract (run_id, line, contract_id, family_id, start_date, end_date, payment_mode, status,
                           terminated_in, terminated_from, terminated_by, income_months_in_force,
                           benefit_months_in_force)
with sanctioned as (
    select cf.contract_id, min(r.benefit_quarter) as terminated_in
      from contract_failure cf join run r on r.run_id = cf.run_id
     where cf.sanction = 'TERMINATED'
       and (cf.run_id = any (:earlier_runs) or (:with_this_run and cf.run_id = :run))
     group by cf.contract_id),
terms as (
    select c.run_id, c.line, c.contract_id, c.family_id, c.start_date, c.end_date, c.payment_mode, c.status,
           span.first_month, span.last_day, s.terminated_in,
           make_date(left(s.terminated_in, 4)::int, right(s.terminated_in, 1)::int * 3 - 2, 1) as terminated_from
      from stg_contract c
      left join contract_span span on span.line = c.line
      left join sanctioned s on s.contract_id = c.contract_id
     where c.run_id = :run and not c.rejected),
months as (
    select m::date as month
      from generate_series(:iq_start::date, :bq_start::date + interval '2 months', interval '1 month') m)
select t.run_id, t.line, t.contract_id, t.family_id, t.start_date, t.end_date, t.payment_mode, t.status,
       t.terminated_in, t.terminated_from,
       case when t.terminated_from is not null then 'THIS_SYSTEM'
            when t.status = 'TERMINATED' then 'DEPARTMENT' end,
       coalesce(f.income_months, '{}'), coalesce(f.benefit_months, '{}')
  from terms t
 cross join lateral (
    select array_agg(m.month order by m.month) filter (where m.month < :bq_start) as income_months,
           array_agg(m.month order by m.month) filter (where m.month >= :bq_start) as benefit_months
      from months m
     where m.month >= t.first_month and m.month <= t.last_day
       and (t.terminated_from is null or m.month < t.terminated_from)) f
