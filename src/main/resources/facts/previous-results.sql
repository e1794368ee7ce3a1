-- The result each family had in the latest completed version of the previous benefit quarter (:previous_run,
-- chosen by RunRepository#latestCompleted): the means test compares with it (change codes, the
-- step-down of a family that leaves ASP). Why here and only here: gathering and statistics join it.
insert into fact_previous_result (run_id, family_id, previous_run, benefit, monthly_amount)
select :run, e.family_id, e.run_id, e.benefit, e.monthly_amount
  from entitlement e
 where e.run_id = :previous_run
