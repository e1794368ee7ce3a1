-- incomes.csv across files. Each row's first fault, in this order: its family unknown or its row rejected; no
-- accepted member of that family with its iin; its (family_id, iin, month, income_type) already on an earlier line
-- (accepted or not).
with repeated as (
    select family_id, iin, month, income_type, min(line) as first_line
      from stg_income
     where run_id = :run and family_id is not null and iin is not null and month is not null
       and income_type is not null
     group by family_id, iin, month, income_type
    having count(*) > 1),
faults as materialized (
    select *
      from (select s.ctid as row_id, s.line, s.family_id, s.iin, s.month, s.income_type, d.first_line,
                   case when f.family_id is null then 'UNKNOWN_FAMILY'
                        when m.iin is null then 'UNKNOWN_MEMBER'
                        when s.line > d.first_line then 'DUPLICATE_KEY' end as reason
              from stg_income s
              left join stg_family f on f.run_id = s.run_id and not f.rejected and f.family_id = s.family_id
              left join stg_member m on m.run_id = s.run_id and not m.rejected and m.family_id = s.family_id
                                    and m.iin = s.iin
              left join repeated d on d.family_id = s.family_id and d.iin = s.iin and d.month = s.month
                                  and d.income_type = s.income_type
             where s.run_id = :run and not s.rejected) checked
     where reason is not null)
select x.row_id, x.line, r.column_name, r.value, x.reason, r.message, x.family_id, null as contract_id
  from faults x
 cross join lateral (select concat_ws(',', x.family_id, x.iin, x.month, x.income_type) as key_text) k
  join lateral (values
        ('UNKNOWN_FAMILY', 'family_id', x.family_id, 'family ' || x.family_id || ' is unknown or its row was rejected'),
        ('UNKNOWN_MEMBER', 'iin', x.iin, 'no accepted member ' || x.iin || ' in family ' || x.family_id),
        ('DUPLICATE_KEY', 'family_id', k.key_text, 'duplicate key (' || k.key_text || '), first at line ' || x.first_line)
       ) r (reason, column_name, value, message) on r.reason = x.reason
