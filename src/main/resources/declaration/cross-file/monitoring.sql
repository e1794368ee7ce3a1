-- monitoring.csv across files. Each row's first fault, in this order: its contract unknown or its row rejected;
-- its (contract_id, iin, month, obligation) already on an earlier line (accepted or not). The family of a rejected
-- row is filled in afterwards, from its contract.
with no_contract as materialized (
    select s.ctid as row_id, s.line, s.contract_id
      from stg_monitoring s
     where s.run_id = :run and not s.rejected
       and not exists (select 1 from stg_contract c
                        where c.run_id = :run and not c.rejected and c.contract_id = s.contract_id)),
repeated as materialized (
    -- empty when the file's ingest step saw no key twice (DuplicateKeyScreen): not even read then
    select contract_id, iin, month, obligation, min(line) as first_line
      from stg_monitoring
     where :duplicates_possible
       and run_id = :run and contract_id is not null and iin is not null and month is not null
       and obligation is not null
     group by contract_id, iin, month, obligation
    having count(*) > 1)
select u.row_id, u.line, 'contract_id' as column_name, u.contract_id as value, 'UNKNOWN_CONTRACT' as reason,
       'contract ' || u.contract_id || ' is unknown or its row was rejected' as message, null as family_id,
       u.contract_id
  from no_contract u
union all
select s.ctid, s.line, 'contract_id', k.key_text, 'DUPLICATE_KEY',
       'duplicate key (' || k.key_text || '), first at line ' || d.first_line, null, s.contract_id
  from repeated d
  join stg_monitoring s on s.contract_id = d.contract_id and s.iin = d.iin and s.month = d.month
                       and s.obligation = d.obligation and s.line > d.first_line
 cross join lateral (select concat_ws(',', s.contract_id, s.iin, s.month, s.obligation) as key_text) k
 where s.run_id = :run and not s.rejected
   and not exists (select 1 from no_contract u where u.line = s.line)
