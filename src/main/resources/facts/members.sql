-- Members counted on the first day of the benefit quarter (domain.md: the family is its members on that day).
-- Why here and only here: the count of members divides the family's income, decides who owes obligations and
-- which families are INCOMPLETE_DATA; every step that needs it joins fact_member.counted instead of restating it.
-- A member is counted who joined on or before that day and had not left by it: the day of leaving is no longer a
-- day in the family, so a member who left on the first day is not counted. A member without a joining day is
-- not counted. Java twin: compliance.Member#memberOn (FactsAgreementTest checks that the two agree).
-- The rows of fact_member, every column named: RunFacts writes them with RunRepository#rewrite.
select m.run_id, m.line, m.family_id, m.iin, m.birth_date, coalesce(m.pensioner, false) as pensioner,
       m.disability_group, coalesce(m.student, false) as student, coalesce(m.carer, false) as carer,
       coalesce(m.employed, false) as employed, m.joined_on, m.left_on,
       coalesce(m.joined_on <= :bq_start and (m.left_on is null or m.left_on > :bq_start), false) as counted
  from stg_member m
 where m.run_id = :run and not m.rejected
