-- incomes.csv across files. Each row's first fault, in this order: its family unknown or its row rejected; no
-- accepted member of that family with its iin; its (family_id, iin, month, income_type) already on an earlier line
-- (accepted or not). Every accepted member belongs to an accepted family, so only the rows without a member are
-- looked up among the families.
with no_member as materialized (
    select s.ctid as row_id, s.line, s.family_id, s.iin
      from stg_income s
     where s.run_id = :run and not s.rejected
       and not exists (select 1 from stg_member m
                        where m.run_id = :run and not m.rejected and m.family_id = s.family_id and m.iin = s.iin)),
repeated as materialized (
    -- empty when the file's ingest step saw no key twice (DuplicateKeyScreen): not even read then
    select family_id, iin, month, income_type, min(line) as first_line
      from stg_income
     where :duplicates_possible
       and run_id = :run and family_id is not null and iin is not null and month is not null
       and income_type is not null
     group by family_id, iin, month, income_type
    having count(*) > 1)
select u.row_id, u.line,
       case when f.family_id is null then 'family_id' else 'iin' end as column_name,
       case when f.family_id is null then u.family_id else u.iin end as value,
       case when f.family_id is null then 'UNKNOWN_FAMILY' else 'UNKNOWN_MEMBER' end as reason,
       case when f.family_id is null then 'family ' || u.family_id || ' is unknown or its row was rejected'
            else 'no accepted member ' || u.iin || ' in family ' || u.family_id end as message,
       u.family_id, null as contract_id
  from no_member u
  left join stg_family f on f.run_id = :run and not f.rejected and f.family_id = u.family_id
union all
select s.ctid, s.line, 'family_id', k.key_text, 'DUPLICATE_KEY',
       'duplicate key (' || k.key_text || '), first at line ' || d.first_line, s.family_id, null
  from repeated d
  join stg_income s on s.family_id = d.family_id and s.iin = d.iin and s.month = d.month
                   and s.income_type = d.income_type and s.line > d.first_line
 cross join lateral (select concat_ws(',', s.family_id, s.iin, s.month, s.income_type) as key_text) k
 where s.run_id = :run and not s.rejected
   and not exists (select 1 from no_member u where u.line = s.line)
