-- members.csv across files. Each row's first fault, in this order: its family unknown or its row rejected; its iin
-- already on an earlier line (accepted or not).
with repeated as (
    select iin, min(line) as first_line
      from stg_member
     where run_id = :run and iin is not null
     group by iin
    having count(*) > 1),
faults as materialized (
    select *
      from (select s.ctid as row_id, s.line, s.family_id, s.iin, d.first_line,
                   case when f.family_id is null then 'UNKNOWN_FAMILY'
                        when s.line > d.first_line then 'DUPLICATE_KEY' end as reason
              from stg_member s
              left join stg_family f on f.run_id = s.run_id and not f.rejected and f.family_id = s.family_id
              left join repeated d on d.iin = s.iin
             where s.run_id = :run and not s.rejected) checked
     where reason is not null)
select x.row_id, x.line, r.column_name, r.value, x.reason, r.message, x.family_id, null as contract_id
  from faults x
  join lateral (values
        ('UNKNOWN_FAMILY', 'family_id', x.family_id, 'family ' || x.family_id || ' is unknown or its row was rejected'),
        ('DUPLICATE_KEY', 'iin', x.iin, 'duplicate key (' || x.iin || '), first at line ' || x.first_line)
       ) r (reason, column_name, value, message) on r.reason = x.reason
