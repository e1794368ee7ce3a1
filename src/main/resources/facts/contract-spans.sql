-- The span of each accepted contract of the run by its own row: from the first day of its start month through its
-- end date, for ACTIVE, COMPLETED and TERMINATED (the department's termination: its end date is the day it ended);
-- none for DECLINED nor without both dates. This system's terminations are not in it: contracts.sql takes the
-- months from them on out of force.
-- Why a fragment of its own: validateDeclarations rejects a contract whose span overlaps that of an earlier accepted
-- contract of its family before the run's facts exist, and contracts.sql builds fact_contract's months in force on
-- the same spans. Both read it as the common table expression contract_span (declaration.ContractSpans), so the
-- two cannot drift apart. Java twin: entitlement.ContractTerm#outOfForce (FactsAgreementTest).
select c.line, c.contract_id, c.family_id, date_trunc('month', c.start_date)::date as first_month,
       c.end_date as last_day
  from stg_contract c
 where c.run_id = :run and not c.rejected
   and c.status <> 'DECLINED' and c.start_date is not null and c.end_date is not null
