-- fact_member.age (full years on the first day of the benefit quarter) was read by no step: the rules that depend
-- on age (the categories of the workbook, who owes work obligations) take the birth date, in Java. Computing it
-- cost about a second per million members in establishFacts.
alter table fact_member drop column age;
