-- contracts.csv across files. Each row's first fault, in this order: its family unknown or its row rejected; its
-- contract_id already on an earlier line (accepted or not). Overlapping contracts are checked next, in Java.
with no_family as materialized (
    select s.ctid as row_id, s.line, s.family_id, s.contract_id
      from stg_contract s
     where s.run_id = :run and not s.rejected
       and not exists (select 1 from stg_family f
                        where f.run_id = :run and not f.rejected and f.family_id = s.family_id)),
repeated as materialized (
    -- empty when the file's ingest step saw no key twice (DuplicateKeyScreen): not even read then
    select contract_id, min(line) as first_line
      from stg_contract
     where :duplicates_possible
       and run_id = :run and contract_id is not null
     group by contract_id
    having count(*) > 1)
select u.row_id, u.line, 'family_id' as column_name, u.family_id as value, 'UNKNOWN_FAMILY' as reason,
       'family ' || u.family_id || ' is unknown or its row was rejected' as message, u.family_id, u.contract_id
  from no_family u
union all
select s.ctid, s.line, 'contract_id', s.contract_id, 'DUPLICATE_KEY',
       'duplicate key (' || s.contract_id || '), first at line ' || d.first_line, s.family_id, s.contract_id
  from repeated d
  join stg_contract s on s.contract_id = d.contract_id and s.line > d.first_line
 where s.run_id = :run and not s.rejected
   and not exists (select 1 from no_family u where u.line = s.line)
