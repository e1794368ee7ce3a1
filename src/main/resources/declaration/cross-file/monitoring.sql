-- monitoring.csv across files. Each row's first fault, in this order: its contract unknown or its row rejected;
-- its (contract_id, iin, month, obligation) already on an earlier line (accepted or not). The family of a rejected
-- row is filled in afterwards, from its contract.
with repeated as (
    select contract_id, iin, month, obligation, min(line) as first_line
      from stg_monitoring
     where run_id = :run and contract_id is not null and iin is not null and month is not null
       and obligation is not null
     group by contract_id, iin, month, obligation
    having count(*) > 1),
faults as materialized (
    select *
      from (select s.ctid as row_id, s.line, s.contract_id, s.iin, s.month, s.obligation, d.first_line,
                   case when c.contract_id is null then 'UNKNOWN_CONTRACT'
                        when s.line > d.first_line then 'DUPLICATE_KEY' end as reason
              from stg_monitoring s
              left join stg_contract c on c.run_id = s.run_id and not c.rejected and c.contract_id = s.contract_id
              left join repeated d on d.contract_id = s.contract_id and d.iin = s.iin and d.month = s.month
                                  and d.obligation = s.obligation
             where s.run_id = :run and not s.rejected) checked
     where reason is not null)
select x.row_id, x.line, r.column_name, r.value, x.reason, r.message, null as family_id, x.contract_id
  from faults x
 cross join lateral (select concat_ws(',', x.contract_id, x.iin, x.month, x.obligation) as key_text) k
  join lateral (values
        ('UNKNOWN_CONTRACT', 'contract_id', x.contract_id,
         'contract ' || x.contract_id || ' is unknown or its row was rejected'),
        ('DUPLICATE_KEY', 'contract_id', k.key_text, 'duplicate key (' || k.key_text || '), first at line ' || x.first_line)
       ) r (reason, column_name, value, message) on r.reason = x.reason
