-- The facts of a run, established once per run (establishFacts, establishTerminations) from its accepted rows by
-- the reviewed statements in facts/*.sql, so that compliance, gathering, statistics and explain join them
-- instead of each restating the rule book's definitions of "counted", "in force" and "terminated".
-- One partition per run, like the staging tables: a run's facts are replaced and dropped whole.

-- Every accepted member, and whether it is counted on the first day of the benefit quarter.
create table fact_member (
    run_id           bigint  not null,
    line             int     not null,
    family_id        text    not null,
    iin              text    not null,
    birth_date       date,
    age              int,
    pensioner        boolean not null,
    disability_group smallint,
    student          boolean not null,
    carer            boolean not null,
    employed         boolean not null,
    joined_on        date,
    left_on          date,
    counted          boolean not null,
    primary key (run_id, line)
) partition by list (run_id);

-- Every accepted contract with its months in force in the income and in the benefit quarter (first days of
-- months), and the termination of this system's sanction ladder, if any.
create table fact_contract (
    run_id                  bigint not null,
    line                    int    not null,
    contract_id             text   not null,
    family_id               text   not null,
    start_date              date,
    end_date                date,
    payment_mode            text   not null,
    status                  text   not null,
    terminated_in           text,
    terminated_from         date,
    terminated_by           text check (terminated_by in ('DEPARTMENT', 'THIS_SYSTEM')),
    income_months_in_force  date[] not null,
    benefit_months_in_force date[] not null,
    primary key (run_id, line)
) partition by list (run_id);

-- The result each family had in the latest completed version of the previous benefit quarter.
create table fact_previous_result (
    run_id         bigint        not null,
    family_id      text          not null,
    previous_run   bigint        not null,
    benefit        text          not null,
    monthly_amount numeric(14,0) not null,
    primary key (run_id, family_id)
) partition by list (run_id);
