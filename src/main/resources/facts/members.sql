-- Members counted on the first day of the benefit quarter (domain.md: the family is its members on that day).
-- Why here and only here: the count of members divides the family's income, decides who owes obligations and
-- which families are INCOMPLETE_DATA; every step that needs it joins fact_member.counted instead of restating it.
-- A member is counted who joined on or before that day and had not left by it: the day of leaving is no longer a
-- day in the family, so a member who left on the first day is not counted. A member without a joining day is
-- not counted. Java twin: compliance.Member#memberOn (FactsAgreementTest checks that the two agree).
insert into fact_member (run_id, line, family_id, iin, birth_date, pensioner, disability_group, student, carer,
                         employed, joined_on, left_on, counted)
select m.run_id, m.line, m.family_id, m.iin, m.birth_date, coalesce(m.pensioner, false), m.disability_group,
       coalesce(m.student, false), coalesce(m.carer, false), coalesce(m.employed, false), m.joined_on, m.left_on,
       coalesce(m.joined_on <= :bq_start and (m.left_on is null or m.left_on > :bq_start), false)
  from stg_member m
 where m.run_id = :run and not m.rejected
