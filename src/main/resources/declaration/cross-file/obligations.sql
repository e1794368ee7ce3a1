-- obligations.csv across files. Each row's first fault, in this order: its contract unknown or its row rejected;
-- no accepted member with its iin in the contract's family; its (contract_id, iin, obligation) already on an
-- earlier line (accepted or not). The family of a rejected row is filled in afterwards, from its contract.
with contract_member as materialized (
    -- the members of families with a contract, about a tenth of the file: the planner, estimating from the
    -- parent tables, would otherwise hash every member to look up a few hundred thousand obligations
    select m.family_id, m.iin
      from stg_member m
     where m.run_id = :run and not m.rejected
       and m.family_id in (select c.family_id from stg_contract c where c.run_id = :run and not c.rejected)),
no_member as materialized (
    select s.ctid as row_id, s.line, s.contract_id, s.iin, c.contract_id is not null as contract_known
      from stg_obligation s
      left join stg_contract c on c.run_id = :run and not c.rejected and c.contract_id = s.contract_id
     where s.run_id = :run and not s.rejected
       and not exists (select 1 from contract_member m where m.family_id = c.family_id and m.iin = s.iin)),
repeated as materialized (
    -- empty when the file's ingest step saw no key twice (DuplicateKeyScreen): not even read then
    select contract_id, iin, obligation, min(line) as first_line
      from stg_obligation
     where :duplicates_possible
       and run_id = :run and contract_id is not null and iin is not null and obligation is not null
     group by contract_id, iin, obligation
    having count(*) > 1)
select u.row_id, u.line,
       case when u.contract_known then 'iin' else 'contract_id' end as column_name,
       case when u.contract_known then u.iin else u.contract_id end as value,
       case when u.contract_known then 'UNKNOWN_MEMBER' else 'UNKNOWN_CONTRACT' end as reason,
       case when u.contract_known then 'no accepted member ' || u.iin || ' in the family of contract ' || u.contract_id
            else 'contract ' || u.contract_id || ' is unknown or its row was rejected' end as message,
       null as family_id, u.contract_id
  from no_member u
union all
select s.ctid, s.line, 'contract_id', k.key_text, 'DUPLICATE_KEY',
       'duplicate key (' || k.key_text || '), first at line ' || d.first_line, null, s.contract_id
  from repeated d
  join stg_obligation s on s.contract_id = d.contract_id and s.iin = d.iin and s.obligation = d.obligation
                       and s.line > d.first_line
 cross join lateral (select concat_ws(',', s.contract_id, s.iin, s.obligation) as key_text) k
 where s.run_id = :run and not s.rejected
   and not exists (select 1 from no_member u where u.line = s.line)
