-- families.csv across rows: a family_id already on an earlier line (accepted or not) is a duplicate.
with repeated as materialized (
    -- empty when the file's ingest step saw no key twice (DuplicateKeyScreen): not even read then
    select family_id, min(line) as first_line
      from stg_family
     where :duplicates_possible
       and run_id = :run and family_id is not null
     group by family_id
    having count(*) > 1)
select s.ctid as row_id, s.line, 'family_id' as column_name, s.family_id as value, 'DUPLICATE_KEY' as reason,
       'duplicate key (' || s.family_id || '), first at line ' || d.first_line as message,
       s.family_id, null as contract_id
  from repeated d
  join stg_family s on s.family_id = d.family_id and s.line > d.first_line
 where s.run_id = :run and not s.rejected
